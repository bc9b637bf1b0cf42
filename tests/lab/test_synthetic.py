"""The synthetic store of ``python -m benchmarks --queries``: the bulk writer gives the rows of real
ingestion, the generator is deterministic and reused, every query works on what it builds, and
the query benchmark runs end to end on a tiny store."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from accord.errors import StoreError
from accord.store import EventRow, Store
from accord.store import aggregates as store_aggregates
from accord.store import reads as store_reads
from accord.store.plan import Plan, candidates, plan
from accord.store.query import ActorQuery, ClaimQuery, EventQuery, StatementQuery
from accord.store.schema import dyads, event_month
from accord.store.tables import TABLES
from accord.vocab.text import normalize_name
from accord.web.api import create_app
from benchmarks.__main__ import bench_cmd
from benchmarks.queries import percentile, query_cases, run_queries
from benchmarks.synthetic import documents, generate, synthetic_events


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the ingestion time and the trigram index, whose layout
    depends on how it was filled), in a stable order."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO events_text (events_text) VALUES ('integrity-check')")
        out: dict[str, list[tuple[object, ...]]] = {}
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            " AND name NOT LIKE 'events_text%' ORDER BY name")]
        for name in names:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")
                       if r[1] != "ingested_at"]
            listed = ", ".join(f'"{c}"' for c in columns)
            out[name] = conn.execute(f'SELECT {listed} FROM "{name}" ORDER BY {listed}').fetchall()
        out["schema"] = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        return out
    finally:
        conn.close()


def test_the_bulk_writer_writes_what_ingestion_writes(tmp_path: Path) -> None:
    real, bulk = tmp_path / "real.db", tmp_path / "bulk.db"
    with Store.open(real) as store:
        stats = store.put_many(documents(1500, seed=3))
    generate(bulk, 1500, seed=3)
    expected, got = _tables(real), _tables(bulk)
    assert stats.new == len(expected["documents"]) > 300
    assert len(expected["events"]) == 1500
    assert len(expected["registry"]) > 500 and len(expected["event_dyads"]) > 1000
    assert expected["claims"] and expected["statements"]
    got["meta"] = [row for row in got["meta"] if row[0] != "synthetic"]
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], table
    with Store.open(real) as one, Store.open(bulk) as other:
        for words in ("cooperation", "ministre de la defense", "cholera", "zzz"):
            assert one.events(EventQuery(text=words)) == other.events(EventQuery(text=words))


def test_documents_are_deterministic_and_shaped_like_extractions() -> None:
    first = list(documents(300, seed=1))
    assert first == list(documents(300, seed=1))
    assert first != list(documents(300, seed=2))
    assert sum(len(d.events) for d in first) == 300
    for doc in first:
        assert len(doc.id) == 16 and doc.language == "fr" and doc.published
        names = {a.name for a in doc.actors}
        for event in doc.events:
            assert doc.text[event.span[0] : event.span[1]] == event.evidence
            assert event.evidence in event.sentence
            assert {p.name for p in (*event.actor, *event.recipient)} - {None} <= names
        for actor in doc.actors:
            assert all(doc.text[s:e] == actor.name for s, e in actor.mentions)


def test_generate_reuses_its_store_and_never_overwrites_another(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    built = generate(path, 400, seed=0)
    assert (built.events, built.reused) == (400, False) and built.bytes > 0
    assert synthetic_events(path) == 400 and synthetic_events(path, seed=1) is None
    again = generate(path, 400, seed=0)
    assert again.reused and again.documents == built.documents
    assert not generate(path, 500, seed=0).reused  # another size: built again
    with Store.open(path) as store:
        assert store.count_events() == 500
    real = tmp_path / "real.db"
    with Store.open(real) as store:
        store.put_many(documents(10))
    with pytest.raises(StoreError, match="not a synthetic store"):
        generate(real, 400)
    assert synthetic_events(tmp_path / "missing.db") is None


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "s.db"
    generate(path, 2000, seed=0)
    return path


def test_every_query_works_on_a_synthetic_store(synthetic: Path) -> None:
    with Store.open(synthetic) as store:
        total = store.count_events()
        assert total == 2000 == len(store.events())
        by_quad = [store.count_events(EventQuery(quad_class=q)) for q in (1, 2, 3, 4)]
        assert sum(by_quad) == total and all(by_quad)
        assert sum(r.events for r in store.event_counts("type")) == total
        for row in store.events(EventQuery(type="ASSAULT", limit=20)):
            assert (row.type, row.quad_class) == ("ASSAULT", 4)
        (top, *_) = store.event_counts("country", limit=1)
        rows = store.events(EventQuery(country=top.key))
        assert len(rows) == top.events == store.count_events(EventQuery(country=top.key))
        assert all(top.key in {p.country for p in (*r.actors, *r.recipients)} for r in rows)
        (pair, *_) = store.event_counts("dyad", limit=1)
        a, b = pair.key.split("-")
        assert store.count_events(EventQuery(dyad=(b, a))) == pair.events > 0
        pairs = store.dyads(EventQuery(dyad=(a, b)))
        assert sum(r.events for r in pairs) == pair.events
        everything = store.events()
        assert sum(r.events for r in store.dyads()) == sum(len(_pairs(r)) for r in everything)
        found = store.events(EventQuery(text="cooperation"))
        assert found and all("cooperation" in normalize_name(r.sentence) for r in found)
        assert store.events(EventQuery(text="eruption volcanique")) == []
        (actor,) = store.actors(ActorQuery(limit=1))
        named = store.events(EventQuery(actor=actor.name))
        assert len(named) >= actor.events > 0
        as_actor = store.count_events(EventQuery(actor_id=actor.id, role="actor"))
        as_recipient = store.count_events(EventQuery(actor_id=actor.id, role="recipient"))
        assert as_actor + as_recipient >= store.count_events(
            EventQuery(actor_id=actor.id)) == actor.events
        in_2020 = [r for r in everything
                   if r.date_lo and r.date_hi and "2020-01-01" <= r.date_lo <= r.date_hi <= "2020-12-31"]
        assert in_2020 and store.events(EventQuery(since="2020-01", until="2020")) == sorted(
            in_2020, key=lambda r: r.date_lo or ""
        ) == store.events(EventQuery(since="2020", until="2020-12-31"))
        doc = store.document(rows[0].doc_id)
        assert doc is not None and doc.events
        assert store.claims(ClaimQuery(limit=5)) and store.statements(StatementQuery(limit=5))


def _pairs(row: EventRow) -> set[tuple[str, str]]:
    return dyads([p.country for p in row.actors], [p.country for p in row.recipients])


def test_query_benchmark_runs_end_to_end(synthetic: Path) -> None:
    cases = query_cases(str(synthetic), seed=0, draws=3)
    assert cases == query_cases(str(synthetic), seed=0, draws=3)
    families = list(dict.fromkeys(c.family for c in cases))
    assert {"events", "events actor", "events text", "/api/events filtered", "/api/dyads"} <= set(
        families
    )
    results = run_queries(str(synthetic), cases, repeat=2)
    assert [r.family for r in results] == families
    for r in results:
        assert r.runs == 6 and 0 < r.p50_ms <= r.p95_ms <= r.max_ms
        assert r.fresh_p95_ms > 0  # each query once more on a new connection
    by_family = {r.family: r for r in results}
    for family in ("events", "events country", "events dyad", "events type", "/api/events",
                   "/api/dyads"):
        assert by_family[family].rows > 0, family


def test_bench_command_prints_query_families(synthetic: Path) -> None:
    result = CliRunner().invoke(
        bench_cmd, ["--queries", "--events", "2000", "--db", str(synthetic), "--repeat", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "reused" in result.output
    for family in ("events sort=-date", "events since/until", "/api/dyads filtered"):
        assert family in result.output
    assert "p95 ms" in result.output and "p95 fresh ms" in result.output


def test_percentile() -> None:
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_keyset_pages_read_what_one_query_reads(synthetic: Path) -> None:
    with Store.open(synthetic) as store:
        for filters in ({}, {"country": "VNM"}, {"text": "cooperation"},
                        {"quad_class": 4, "since": "2019"}, {"actor": "nguyen"}):
            query = EventQuery(**filters)
            everything = store.events(query)
            assert everything and list(store.iter_events(query, page=97)) == everything
        deep = EventQuery(limit=35, offset=120)
        assert list(store.iter_events(deep, page=10)) == store.events(deep)
        newest_first = list(TABLES["events"].rows(store, EventQuery(sort="-date"), page=300))
        assert newest_first == store.events(EventQuery(sort="-date"))


def _expected_dyads(rows: list[EventRow]) -> list[tuple[object, ...]]:
    """Store.dyads computed from the events themselves."""
    groups: dict[tuple[str, str, str | None, int | None], list[float | None]] = {}
    for r in rows:
        month = event_month(r.date_lo, r.date_hi)
        for a, b in _pairs(r):
            groups.setdefault((a, b, month, r.quad_class), []).append(r.intensity)
    out = []
    for (a, b, month, quad), values in groups.items():
        known = [v for v in values if v is not None]
        mean = round(sum(known) / len(known), 3) if known else None
        out.append((a, b, month, quad, len(values), mean))
    return sorted(out, key=lambda x: (x[2] is None, _desc(x[2]), -x[4], x[0], x[1], x[3]))  # type: ignore[operator]


def _desc(month: object) -> tuple[int, ...]:
    return tuple(-ord(c) for c in str(month or ""))


@pytest.mark.parametrize("filters", [
    {}, {"quad_class": 1}, {"country": "VNM"}, {"type": "CONSULT", "text": "cooperation"},
    {"since": "2019-03", "until": "2021"}, {"since": "2019-03-15", "until": "2019-04-10"},
    {"since": "2020", "until": "2020"}, {"actor": "ministere", "quad_class": 2},
    {"dyad": ("CHN", "VNM")}, {"text": "eruption volcanique"},
    # counted ahead (dyad_counts): countries, pairs, kinds and whole months together
    {"country": "VNM", "quad_class": 2}, {"country": "CHN", "type": "CONSULT", "until": "2020-06"},
    {"dyad": ("CHN", "VNM"), "country": "LAO", "since": "2019"}, {"type": "AGREE", "quad_class": 4},
    {"country": "VNM", "since": "2019-03-02"}, {"since": "2021-05"},
])
@pytest.mark.parametrize("by_months", ["", "checked", "listed"])
def test_dyads_by_recent_months_match_the_events(
    synthetic: Path, filters: dict[str, Any], by_months: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if by_months:  # read by months whatever the plan (a small store would rather drive)
        chosen = plan
        monkeypatch.setattr(store_aggregates, "plan", lambda *args: dataclasses.replace(
            chosen(*args), driver=None))
    if by_months == "listed":  # the events of a filter listed first, whatever it costs
        monkeypatch.setattr(store_aggregates, "_months_plan", lambda found, terms, *_: (
            store_aggregates._Months(0.0, next((t for t in terms if t.ids is not None
                                                 and not t.facts and not t.kind), None))))
    with Store.open(synthetic) as store:
        expected = _expected_dyads(store.events(EventQuery(**filters)))
        for limit in (3, 40, 10_000):
            got = store.dyads(EventQuery(**filters), limit=limit)
            assert [(d.country_a, d.country_b, d.month, d.quad_class, d.events) for d in got] == [
                x[:5] for x in expected[:limit]], (filters, limit)
            assert [d.mean_intensity for d in got] == pytest.approx(  # sums in another order
                [x[5] for x in expected[:limit]], abs=0.002)
        assert len(store.dyads(EventQuery(**filters))) == len(expected)


def _pages_and_totals_agree(store: Store, limit: int, cases: list[dict[str, Any]]) -> None:
    """events_page (total up to 300) gives the page of events and the total of count_events."""
    for filters in cases:
        f = dict(filters)
        sort, offset = str(f.pop("sort", "date")), int(f.pop("offset", 0))
        page = EventQuery(limit=limit, offset=offset, sort=sort, **f)
        rows, total, exact = store.events_page(page, at_most=300)
        assert rows == store.events(page)
        everything = store.count_events(EventQuery(**f))
        assert total == everything if exact else total == 300 <= everything


def test_a_page_and_its_total_in_one_read(synthetic: Path) -> None:
    with Store.open(synthetic) as store:
        _pages_and_totals_agree(store, 50, [
            {}, {"country": "VNM"}, {"type": "CONCEDE"}, {"text": "cholera"},
            {"actor": "ministere", "sort": "-intensity", "offset": 20}])


def test_a_page_and_its_total_in_one_pass(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def capped_is_cheap(*args: Any) -> Plan:  # pages without a driver, the first 300 cheap
        if args[2] is None:
            return plan(*args)
        found = min((p for p in candidates(*args) if p.driver is None), key=lambda p: p.cost)
        return dataclasses.replace(found, cost=0.0) if args[3] == 300 else found

    monkeypatch.setattr(store_reads, "plan", capped_is_cheap)
    passes = []
    one_pass = store_reads.ExtractionQueries._page_and_total

    def counted_pass(*args: Any) -> Any:
        passes.append(1)
        return one_pass(*args)

    monkeypatch.setattr(store_reads.ExtractionQueries, "_page_and_total", counted_pass)
    with Store.open(synthetic) as store:
        _pages_and_totals_agree(store, 10, [
            {"country": "VNM"}, {"type": "CONCEDE"}, {"quad_class": 2, "sort": "-intensity",
            "offset": 40}, {"text": "cooperation", "sort": "type", "offset": 250},
            {"since": "2020", "actor": "ministere", "sort": "-date", "offset": 290},
            {"country": "VNM", "offset": 295}])
    assert len(passes) == 5  # not the last: its page ends beyond the first 300


def test_api_totals_are_counted_up_to_the_next_thousand(synthetic: Path) -> None:
    with TestClient(create_app(str(synthetic))) as client:
        page = client.get("/api/events").json()
        assert (page["total"], page["total_exact"], len(page["items"])) == (1000, False, 50)
        page = client.get("/api/events", params={"offset": 1000, "limit": 10}).json()
        assert (page["total"], page["total_exact"]) == (2000, True)
        page = client.get("/api/events", params={"type": "CONCEDE"}).json()
        assert page["total_exact"] and page["total"] == len(page["items"]) < 50
