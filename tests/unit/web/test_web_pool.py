"""The API's store connections kept between requests: reused, one request at a time each, a
replaced store file opened afresh, a failed request's connection closed, and the writes of
another connection seen by the next request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.errors import StoreError
from accord.store import Store
from accord.store.query import DocumentQuery
from accord.web.api import create_app
from accord.web.pool import StorePool
from tests.factories import TEXT, make_doc, sample_documents


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    return path


def test_a_connection_is_reused_and_never_shared(store_path: Path) -> None:
    pool = StorePool(str(store_path), keep=2)
    first = pool.take()
    second = pool.take()  # the first is still taken: another connection
    assert second is not first
    pool.give(first)
    assert pool.take() is first
    third = pool.take()
    for store in (first, second, third):
        pool.give(store)  # the third finds the pool full: closed
    assert third._conn is None
    assert first._conn is not None and second._conn is not None
    pool.close()
    assert first._conn is None and second._conn is None


def test_a_failed_request_does_not_give_its_connection_back(store_path: Path) -> None:
    pool = StorePool(str(store_path))
    store = pool.take()
    pool.give(store, reuse=False)
    assert store._conn is None
    assert pool.take() is not store


def test_a_replaced_store_is_opened_afresh(store_path: Path, tmp_path: Path) -> None:
    pool = StorePool(str(store_path))
    store = pool.take()
    before = len(store.documents(DocumentQuery(limit=100)))
    pool.give(store)
    other = tmp_path / "other.db"
    with Store.open(other) as fresh:
        fresh.put(make_doc(path="seul.txt"))  # (one of the sample's)
    shutil.move(other, store_path)  # a new file at the same path
    again = pool.take()
    assert again is not store and store._conn is None
    assert len(again.documents(DocumentQuery(limit=100))) == 1 != before
    pool.give(again)
    pool.close()


def test_no_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        StorePool(str(tmp_path / "none.db")).take()


def test_requests_see_what_another_connection_wrote(store_path: Path) -> None:
    with TestClient(create_app(str(store_path))) as client:
        before = client.get("/api/documents").json()["total"]
        with Store.open(store_path) as writer:
            assert writer.put(make_doc(TEXT + " Une phrase de plus.", path="plus.txt"))
        assert client.get("/api/documents").json()["total"] == before + 1
        pool: StorePool = client.app.state.pool  # type: ignore[attr-defined]
        assert len(pool._idle) == 1  # one connection served both requests
