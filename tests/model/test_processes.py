"""Worker processes give the same documents, in input order, with read errors in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import ReadError
from accord.pipeline import Options, extract
from accord.read import read_paths
from tests.conftest import SHARED

pytestmark = pytest.mark.model


def test_two_processes_equal_one(tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    wiki = sorted(str(p) for p in (SHARED / "corpus" / "wikinews-fr").glob("*.txt"))[:3]
    if not seeds or not wiki:
        pytest.skip("../shared is not beside the checkout")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    paths = [seeds[0], str(empty), *wiki, seeds[-1]]
    one = list(extract(read_paths(paths), Options(processes=1, batch_size=2)))
    two = list(extract(read_paths(paths), Options(processes=2, batch_size=1)))
    assert [type(x).__name__ for x in two] == [type(x).__name__ for x in one]
    assert isinstance(two[1], ReadError) and two[1].path == str(empty)
    for a, b in zip(one, two, strict=True):
        if not isinstance(a, ReadError):
            assert not isinstance(b, ReadError)
            assert a.to_dict() == b.to_dict()
