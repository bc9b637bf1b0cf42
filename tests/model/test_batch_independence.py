"""A document's records do not depend on the documents coded before it in a batch."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accord.errors import ReadError
from accord.pipeline import Options, extract, load_pipeline
from accord.read import read_paths
from tests.conftest import SHARED

pytestmark = pytest.mark.model


def _paths() -> list[str]:
    found = sorted(str(p) for p in (SHARED / "corpus" / "vna-fr").glob("*.txt"))
    if not found:
        pytest.skip("../shared is not beside the checkout")
    return found


def _dicts(paths: list[str], batch_size: int) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in extract(read_paths(paths), Options(processes=1, batch_size=batch_size)):
        out[item.path] = item if isinstance(item, ReadError) else item.to_dict()
    return out


def test_a_batch_in_any_order_equals_each_document_alone() -> None:
    paths = _paths()
    alone = {p: _dicts([p], 1)[p] for p in paths}
    assert not [p for p, d in alone.items() if isinstance(d, ReadError)]
    shuffled = list(paths)
    random.Random(7).shuffle(shuffled)
    for order in (paths, shuffled, paths[::-1]):
        together = _dicts(order, 16)
        assert together == alone


@Language.component("test_fail_on_marker")
def _fail_on_marker(doc: Doc) -> Doc:
    if "FAILMARK" in doc.text:
        raise RuntimeError("a coder failed on this document")
    return doc


def test_one_failing_document_leaves_the_rest_of_its_batch_alone(tmp_path: Path) -> None:
    paths = _paths()[:4]
    expected = _dicts(paths, 1)
    nlp = load_pipeline()
    nlp.add_pipe("test_fail_on_marker", after="accord_actors")  # after the parse
    try:
        bad = tmp_path / "bad.txt"
        bad.write_text("date 2024-01-05\nLe ministre a reçu FAILMARK à Hanoï.\n", "utf-8")
        got = _dicts([*paths[:2], str(bad), *paths[2:]], 8)
    finally:
        nlp.remove_pipe("test_fail_on_marker")
    assert isinstance(got.pop(str(bad)), ReadError)
    assert got == expected
