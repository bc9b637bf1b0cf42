"""A costly read split in two over two connections gives what the whole read gives, on one
snapshot of the store; a write committed while the snapshots are taken stops the split."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from accord.store import Store
from accord.store import aggregates as store_aggregates
from accord.store import split as store_split
from accord.store.query import EventQuery
from accord.store.split import SplitReads
from benchmarks.queries import _Draw, _values
from benchmarks.synthetic import generate

pytestmark = pytest.mark.slow  # builds a synthetic store: seconds


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("split") / "s.db"
    generate(path, 3000, seed=8)
    return path


def _filters(path: Path) -> list[dict[str, Any]]:
    draw = _Draw(_values(str(path)), seed=4)
    return [draw.any_filters() for _ in range(80)] + [
        {"text": "cooperation"}, {"country": "USA", "text": "accord"}, {"type": "CONSULT"},
    ]


def test_dyads_split_or_not_are_the_same(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_aggregates, "SPLIT_COST", 0.0)  # every plan that can be, split
    runs: list[bool] = []
    run = SplitReads.run

    def counted(self: SplitReads, *args: Any) -> Any:
        got = run(self, *args)
        runs.append(got is not None)
        return got

    monkeypatch.setattr(SplitReads, "run", counted)
    with Store.open(synthetic) as split, Store.open(synthetic) as whole:
        whole._split = None
        rng = random.Random(2)
        for filters in _filters(synthetic):
            limit = rng.choice((None, 3, 40, 1000))
            query = EventQuery(**filters)
            assert split.dyads(query, limit) == whole.dyads(query, limit), (
                filters, limit)
    assert sum(runs) >= 20 and all(runs)  # many were split, none stopped (nothing written)


def test_a_write_between_the_snapshots_stops_the_split(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "copy.db"
    with sqlite3.connect(synthetic) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    writer = sqlite3.connect(path, isolation_level=None)
    versions = iter(range(10))
    version = store_split._version

    def written(conn: sqlite3.Connection) -> int:
        seen = version(conn)
        if next(versions) == 0:  # after the second connection's first look, a commit
            writer.execute("INSERT INTO meta (key, value) VALUES ('written', '1')")
        return seen

    split = SplitReads(str(path), 1024)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        query = ("SELECT count(*) FROM meta", ())
        assert split.run(conn, query, query) is not None  # nothing written: both ran
        monkeypatch.setattr(store_split, "_version", written)
        assert split.run(conn, query, query) is None
        monkeypatch.setattr(store_split, "_version", version)
        (mine,), (theirs,) = split.run(conn, query, query) or ([(0,)], [(1,)])
        assert mine[0] == theirs[0]  # the write seen by both
        assert not split._conn or not split._conn.in_transaction
    finally:
        split.close()
        conn.close()
        writer.close()


def test_the_second_connection_is_opened_when_needed_and_closed_with_the_store(
    synthetic: Path,
) -> None:
    with Store.open(synthetic) as store:
        assert store._split is not None and store._split._conn is None
        store.dyads(EventQuery(text="cooperation"), limit=5)
        split = store._split
    assert split._conn is None and split._thread is None
    with Store.open(":memory:") as memory:
        assert memory._split is None
