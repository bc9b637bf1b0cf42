"""Every way the planner can read a page of events (scan, kinds, drive by each filter or two) gives
what a plain query with the same filters gives, on a synthetic store, for many filters, sorts,
offsets and counts; and the plan it picks avoids the traps of correlated sorts and kinds."""

from __future__ import annotations

import math
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from accord.store import EVENT_SORTS, Store
from accord.store.filters import event_terms
from accord.store.plan import (
    Plan,
    _intersections,
    candidates,
    count_query,
    estimate,
    page_query,
    plan,
)
from accord.store.query import EventQuery
from benchmarks.queries import _Draw, _values
from benchmarks.synthetic import generate

pytestmark = pytest.mark.slow  # builds a synthetic store: seconds


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "s.db"
    generate(path, 3000, seed=5)
    return path


def event_where(query: EventQuery) -> tuple[list[str], list[object]]:
    """The filters of an event query as conditions on ``e`` without a plan: the participant,
    dyad and text filters through their indexes (``e.id IN (...)``)."""
    where: list[str] = []
    params: list[object] = []
    for term in event_terms(query):
        sql, values = term.restrict()
        if term.name == "text" and term.ids is not None:  # the trigram index, then the words
            where.append(f"e.id IN ({term.ids})")
            params += term.ids_params
        where.append(sql)
        params += values
    return where, params


def _naive(conn: sqlite3.Connection, filters: dict[str, Any], sort: str, need: int) -> list[int]:
    """The ids a plain query gives: the filters as SQL conditions, every row read."""
    where, params = event_where(EventQuery(**filters))
    sql = "SELECT e.id FROM events e NOT INDEXED" + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY {EVENT_SORTS[sort].format(a='e')} LIMIT ?"
    return [int(r[0]) for r in conn.execute(sql, [*params, need])]


def _cases(path: Path) -> list[tuple[dict[str, Any], str, int]]:
    draw = _Draw(_values(str(path)), seed=11)
    rng = random.Random(3)
    cases = [({**draw.any_filters()}, rng.choice(list(EVENT_SORTS)), rng.choice((0, 7, 60)))
             for _ in range(60)]
    cases += [
        ({"quad_class": 3}, "-intensity", 30),  # the kind sorts after every other
        ({"type": "REQUEST", "quad_class": 1}, "date", 0),  # a kind no event has
        ({"type": "AGREE", "quad_class": 1, "text": "cooperation"}, "type", 5),
        ({"since": "2020-02", "until": "2020-05"}, "type", 10),  # a range within each type
        ({"since": "2019"}, "-intensity", 0),
        ({"until": "2018-06", "quad_class": 4}, "intensity", 3),
        ({}, "type", 25),
    ]
    return cases


def test_every_plan_reads_what_a_plain_query_reads(synthetic: Path) -> None:
    seen = _check_plans(synthetic, _cases(synthetic))
    # the scan, the kinds, drives by participants, dyads, dates and words, and by two of them
    # together all took part
    assert {"events", "(SELECT", "country", "dyad", "actor", "text", "dates"} <= seen
    assert {"actor and text", "dates and country", "kinds, listed", "parts"} <= seen
    assert {"text, as they come", "dyad, as they come", "dates, as they come",
            "actor and text, as they come"} <= seen


def _check_plans(path: Path, cases: list[tuple[dict[str, Any], str, int]]) -> set[str]:
    """Check every candidate plan of each case against the plain query; the plans seen."""
    seen: set[str] = set()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for filters, sort, offset in cases:
            terms = event_terms(EventQuery(**filters))
            found = estimate(conn, terms)
            expected = _naive(conn, filters, sort, offset + 20)[offset:]
            listed = [t for t in found.terms if t.ids is not None and t.name in found.sizes]
            every = [  # even if costly
                *_intersections(conn, found, listed, sort, offset + 20, math.inf, math.inf),
            ]
            for chosen in [*candidates(conn, terms, sort, offset + 20, found), *every]:
                seen.add(chosen.driver or chosen.source.split()[0][:7])
                if chosen.source.startswith("(SELECT") and "e.id IN (" in chosen.source:
                    seen.add("kinds, listed")
                sql = page_query(chosen, EVENT_SORTS[sort].format(a="e"))
                got = [int(r["id"]) for r in _rows(conn, sql, [*chosen.params, 20, offset])]
                assert got == expected, (filters, sort, offset, chosen.source[:80], chosen.driver)
            everything = len(_naive(conn, filters, "date", 10**9))
            for chosen in [*candidates(conn, terms, None, 10**9, found), *every]:
                (total,) = conn.execute(count_query(chosen), [*chosen.params, 10**9]).fetchone()
                assert total == everything, (filters, chosen.source[:80], chosen.driver)
                if chosen.part is not None:  # its parts over two ranges of ids: the same
                    seen.add("parts")
                    middle = found.newest // 3
                    halves = [chosen.part(0, middle), chosen.part(middle + 1, 2**63 - 1)]
                    ids = [_ids(conn, half) for half in halves]
                    assert max(ids[0], default=0) <= middle < min(ids[1], default=middle + 1)
                    assert sorted(ids[0] + ids[1]) == sorted(_ids(conn, chosen)), filters
                (capped,) = conn.execute(count_query(chosen), [*chosen.params, 5]).fetchone()
                assert capped == min(5, everything)
            for chosen in candidates(conn, terms, None, 5, found):  # some stop at 5, unsorted
                if chosen.driver is not None and not chosen.source.startswith("events"):
                    seen.add(f"{chosen.driver}, as they come")
                (capped,) = conn.execute(count_query(chosen), [*chosen.params, 5]).fetchone()
                assert capped == min(5, everything), (filters, chosen.source[:80])
                if chosen.driver is not None:  # (the kinds read ``need`` of each kind only)
                    (total,) = conn.execute(count_query(chosen), [*chosen.params, 10**9]).fetchone()
                    assert total == everything, (filters, chosen.source[:80], chosen.driver)
    finally:
        conn.close()
    return seen


def _ids(conn: sqlite3.Connection, chosen: Plan) -> list[int]:
    return [int(r[0]) for r in conn.execute(f"SELECT e.id {chosen.clause()}", chosen.params)]


def _rows(conn: sqlite3.Connection, sql: str, params: list[object]) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.row_factory = None


def test_a_kind_no_event_has_reads_nothing(synthetic: Path) -> None:
    with Store.open(synthetic) as store:
        conn = sqlite3.connect(f"file:{synthetic}?mode=ro", uri=True)
        try:
            chosen = plan(conn, event_terms(EventQuery(type="REQUEST", quad_class=1)), "date", 50)
        finally:
            conn.close()
        assert chosen.where == ["0"] and chosen.cost == 0
        assert store.events(EventQuery(type="REQUEST", quad_class=1)) == []
        assert store.count_events(EventQuery(type="request", quad_class=3)) == len(
            store.events(EventQuery(type="REQUEST")))


def test_a_kind_far_along_its_sort_is_read_by_kinds(synthetic: Path) -> None:
    conn = sqlite3.connect(f"file:{synthetic}?mode=ro", uri=True)
    try:  # conflict events have the lowest intensities: last when sorted by intensity, descending
        chosen = plan(conn, event_terms(EventQuery(quad_class=4)), "-intensity", 50)
        assert "events_kind_intensity_desc" in chosen.source
        # the first ones
        chosen = plan(conn, event_terms(EventQuery(quad_class=1)), "-intensity", 50)
        assert chosen.source == "events e INDEXED BY events_by_intensity_desc"
    finally:
        conn.close()


def test_event_kinds_follow_the_events(synthetic: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    path.write_bytes(synthetic.read_bytes())

    def kinds(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
        return conn.execute("SELECT * FROM event_kinds ORDER BY 1, 2, 3").fetchall()

    def counted(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
        return conn.execute("SELECT type, ifnull(quad_class, 0), ifnull(intensity, 99), count(*)"
                            " FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").fetchall()

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        assert kinds(conn) == counted(conn) and len(kinds(conn)) > 10
        before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        conn.execute("UPDATE events SET quad_class = NULL WHERE id % 7 = 0")
        conn.execute("UPDATE events SET intensity = NULL WHERE id % 5 = 1")
        conn.execute("UPDATE events SET intensity = -2.5 WHERE id % 11 = 2 AND type = 'ACCUSE'")
        conn.execute("UPDATE events SET type = 'AGREE', quad_class = 1 WHERE type = 'CONCEDE'")
        conn.execute("DELETE FROM documents WHERE rowid % 5 = 0")  # their events cascade
        conn.commit()
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] < before
        assert kinds(conn) == counted(conn)
        assert "CONCEDE" not in {r[0] for r in kinds(conn)} and 0 in {r[1] for r in kinds(conn)}
        assert 99 in {r[2] for r in kinds(conn)}
    finally:
        conn.close()
    # kinds of no quad class or intensity, several intensities in a kind: still the same events
    _check_plans(path, [(f, sort, offset) for f, sort, offset in _cases(path)
                        if sort in ("intensity", "-intensity")])


def test_words_with_a_nul_are_checked_on_the_rows(synthetic: Path) -> None:
    """FTS5 ends a query at a NUL: the trigrams that hold one are not asked for, and words of
    nothing else are checked on every row (no error, the same events as a plain query)."""
    with Store.open(synthetic) as store:
        for text in ("00\x00", "a\x00b", "\x00\x00\x00", "coop\x00"):
            assert store.count_events(EventQuery(text=text)) == 0
            assert store.dyads(EventQuery(text=text), limit=10) == []
    (term,) = event_terms(EventQuery(text="coo\x00peration"))
    assert term.ids is not None and "\x00" not in str(term.ids_params[0])
    assert event_terms(EventQuery(text="a\x00b"))[0].ids is None
