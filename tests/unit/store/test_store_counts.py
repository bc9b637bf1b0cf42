"""The counts kept ahead (store_write.COUNTS) answer the overview, the timeline, the network,
the places and the list of actors exactly as reading the events does, on a synthetic store
written document by document, then after updates, deletions of events and re-ingestion."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.records import Document
from accord.store import Store
from accord.store import aggregates as store_aggregates
from accord.store.query import EventQuery
from accord.store.schema import event_month
from accord.store.write import COUNTS, fill_counts
from benchmarks.synthetic import documents

pytestmark = pytest.mark.slow  # builds a synthetic store: seconds

FILTERS: list[EventQuery] = [EventQuery(**f) for f in (
    {}, {"country": "VNM"}, {"type": "CONSULT"}, {"quad_class": 4}, {"dyad": "CHN-VNM"},
    {"since": "2019-03", "until": "2021"}, {"since": "2020"}, {"until": "2019-06"},
    {"since": "2016-03", "until": "2024"},  # most months: every date less those left out
    {"country": "CHN", "type": "AGREE", "since": "2018"}, {"dyad": "USA-VNM", "quad_class": 1},
    {"country": "USA", "since": "2019-03-15"},  # days that cut a month: read
    {"text": "cooperation"}, {"actor": "ministere"}, {"actor_id": 3, "role": "actor"},
)]


def _changed(doc: Document, n: int) -> Document:
    """Another extraction of the same article: an event less, or another type."""
    if n % 2 and len(doc.events) > 1:
        return dataclasses.replace(doc, events=doc.events[1:])
    first = dataclasses.replace(doc.events[0], type="ASSAULT", quad_class=4, intensity=-10.0)
    return dataclasses.replace(doc, events=(first, *doc.events[1:]))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("counts") / "s.db"
    docs = list(documents(1500, seed=5))
    with Store.open(path) as opened:
        opened.put_many(docs)
        # re-ingested: changed, emptied of events, or unchanged
        opened.put_many([_changed(d, n) for n, d in enumerate(docs[:60])])
        opened.put_many([dataclasses.replace(d, events=()) for d in docs[60:80]])
        opened.put_many(docs[100:130])
        yield opened


def _read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every aggregate read the events (no count kept ahead)."""
    monkeypatch.setattr(store_aggregates, "_ahead", lambda *args, **kw: None)
    monkeypatch.setattr(store_aggregates, "_counted_by", lambda *args: None)
    monkeypatch.setattr(store_aggregates, "_network_ahead", lambda *args: None)


def _answers(store: Store, filters: EventQuery) -> dict[str, object]:
    out: dict[str, object] = {"timeline": store.timeline(filters),
                              "places": store.places(filters)}
    for by in ("type", "quad_class", "country", "actor", "dyad"):
        out[by] = store.event_counts(by, filters)
    for level in ("country", "actor"):
        nodes, edges = store.network(level, filters, limit=None)
        out[level] = (nodes, [dataclasses.replace(e, mean_intensity=None) for e in edges],
                      [e.mean_intensity for e in edges])
    return out


@pytest.mark.parametrize("filters", FILTERS)
def test_counts_kept_ahead_answer_as_the_events_do(
    store: Store, filters: EventQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead = _answers(store, filters)
    _read(monkeypatch)
    read = _answers(store, filters)
    for key, value in read.items():
        if key in ("country", "actor"):  # means: sums in another order
            assert ahead[key][:2] == value[:2], (key, filters)  # type: ignore[index]
            assert ahead[key][2] == pytest.approx(value[2], abs=0.002)  # type: ignore[index]
        else:
            assert ahead[key] == value, (key, filters)
    assert any(read.values()), filters


def test_the_timeline_counts_the_events(store: Store) -> None:
    for filters in FILTERS:
        rows = store.events(dataclasses.replace(filters, limit=None))
        expected = Counter((event_month(r.date_lo, r.date_hi), r.quad_class) for r in rows)
        got = {(t.month, t.quad_class): t.events for t in store.timeline(filters)}
        assert got == expected, filters


def test_overview_and_actors_from_the_counts(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    try:
        tables = store.stats()
        for table, rows in tables.items():
            assert rows == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        for actor in store.actors():
            documents_, events = conn.execute(
                "SELECT (SELECT count(DISTINCT doc_id) FROM doc_actors WHERE registry_id = ?),"
                " (SELECT count(DISTINCT event_id) FROM event_participants WHERE registry_id = ?)",
                (actor.id, actor.id)).fetchone()
            assert (actor.documents, actor.events) == (documents_, events), actor.name
            for title in actor.titles:
                docs = [r[0] for r in conn.execute(
                    "SELECT doc_id FROM registry_titles WHERE registry_id = ? AND title = ?"
                    " ORDER BY date IS NULL, date, doc_id", (actor.id, title.title))]
                assert title.documents == len(docs) and list(title.doc_ids) == docs[:100]
    finally:
        conn.close()


def test_the_counts_are_those_counted_afresh(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    try:
        def counts() -> dict[str, list[tuple[object, ...]]]:
            out = {c.table: sorted(conn.execute(f"SELECT * FROM {c.table}").fetchall(),
                                   key=repr) for c in COUNTS}
            assert all(out.values())
            return out

        kept = counts()
        conn.execute("SAVEPOINT afresh")
        fill_counts(conn)
        assert counts() == kept
        conn.execute("ROLLBACK TO afresh")
    finally:
        conn.close()


def test_a_store_of_schema_8_gets_its_counts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.put_many(documents(300, seed=2))
        expected = _answers(store, {})
    raw = sqlite3.connect(path, isolation_level=None)  # back to schema 8: no counts
    for name in ("registry_by_documents", "registry_by_events", "registry_titles_dated",
                 "pair_counts_pair", "actor_pairs_events"):
        raw.execute(f"DROP INDEX {name}")
    for c in COUNTS:
        if c.table != "registry":
            raw.execute(f"DROP TABLE IF EXISTS {c.table}")
    raw.execute("ALTER TABLE registry DROP COLUMN documents")
    raw.execute("ALTER TABLE registry DROP COLUMN events")
    raw.execute("PRAGMA user_version = 8")
    raw.close()
    with Store.open(path) as migrated:  # migration 9 counts what is stored
        assert _answers(migrated, {}) == expected
