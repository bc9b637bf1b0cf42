"""Document.from_dict inverts to_dict on real extracted documents (what `accord spark` writes
and `accord ingest` reads back)."""

from __future__ import annotations

import json

import pytest

from accord.errors import ReadError
from accord.pipeline import extract
from accord.read import read_paths
from accord.records import Document
from accord.spark.tables import document_json
from tests.conftest import ROOT

pytestmark = pytest.mark.model


def test_from_dict_of_to_dict_is_the_document() -> None:
    docs = [d for d in extract(read_paths([str(ROOT / "examples")]))
            if not isinstance(d, ReadError)]
    assert len(docs) >= 5
    assert any(d.events and d.claims and d.statements and d.dates and d.places for d in docs)
    for doc in docs:
        data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
        assert Document.from_dict(data) == doc
        assert Document.from_dict(json.loads(document_json(doc))) == doc
