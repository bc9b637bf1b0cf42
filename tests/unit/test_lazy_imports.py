"""`import accord` and `accord --help` load no heavy library (each checked in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "fastapi", "pyarrow", "pandas", "pyspark")

HELP = """
import contextlib, io
from accord.cli import cli
with contextlib.redirect_stdout(io.StringIO()):
    for args in (["--help"], *([name, "--help"] for name in sorted(cli.commands))):
        assert cli.main(args, prog_name="accord", standalone_mode=False) == 0, args
"""


def loaded(code: str) -> list[str]:
    """The heavy top-level packages in ``sys.modules`` after running ``code`` in a new
    interpreter."""
    report = f"""
import json, sys
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}} & {set(HEAVY)!r})))
"""
    result = subprocess.run([sys.executable, "-c", code + report], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return modules


@pytest.mark.parametrize("code", [
    "import accord",
    "import accord.errors",
    "from accord import *",
    HELP,
], ids=["import accord", "import accord.errors", "public API", "accord --help"])
def test_no_heavy_library_is_loaded(code: str) -> None:
    assert loaded(code) == []
