"""The package's layout: a dozen or so entries named after the stages, modules of about 600
lines at most, nothing of the lab inside and nothing that looks for ../shared."""

from __future__ import annotations

import re
from pathlib import Path

import accord

PACKAGE = Path(accord.__file__).resolve().parent
ENTRIES = {
    "__init__.py", "errors.py", "records.py", "pipeline.py", "ingestion.py", "read", "vocab",
    "coders", "store", "exports", "spark", "web", "cli", "scoring", "data", "py.typed",
}
LAB = ("bench", "bench_queries", "synthetic", "store_bulk", "winer", "timebank")
LONGEST = 650  # lines; coders/ is left out (its modules are being reworked on their own)


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "static" not in p.parts)


def test_the_top_of_the_package_is_the_stages() -> None:
    found = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert found == ENTRIES


def test_no_module_of_the_lab_is_in_the_package() -> None:
    names = {p.stem for p in modules()}
    assert not names & set(LAB)


def test_modules_stay_short() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in modules()
            if "coders" not in p.parts and (n := len(p.read_text("utf-8").splitlines())) > LONGEST}
    assert long == {}


def test_nothing_looks_for_a_sibling_checkout() -> None:
    sibling = re.compile(r"""["']\.\./shared|["']shared["']""")
    found = [str(p.relative_to(PACKAGE)) for p in modules() if sibling.search(p.read_text("utf-8"))]
    assert found == []
