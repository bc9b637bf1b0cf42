"""Reading the extraction: events, statements and claims, filtered, sorted and paged, and their
counts; with the helpers every read of the store shares (counts, chunks of ids, the participants
of events). :class:`accord.store.Store` inherits them.

``since``/``until`` (and the dates of events, statements and claims) are read as the docstring
of :mod:`accord.store` says; "the module docstring" below is that one. How an event query
reads the store (which index, which filter first) is :mod:`accord.store.plan`; the WHERE clauses
of the filters are :mod:`accord.store.filters`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from accord.records import Span
from accord.store.filters import (
    EVENT_SORTS,
    Term,
    claim_where,
    dated_select,
    event_terms,
    statement_where,
)
from accord.store.plan import Plan, count_query, estimate, page_query, plan
from accord.store.query import ClaimQuery, EventQuery, StatementQuery
from accord.store.rows import ClaimRow, EventRow, ParticipantRow, StatementRow

__all__ = ["ExtractionQueries"]

_CHUNK = 500  # ids per "IN (...)" query


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _ostr(value: object) -> str | None:
    return None if value is None else str(value)


def _oint(value: Any) -> int | None:
    return None if value is None else int(value)


def _ofloat(value: Any) -> float | None:
    return None if value is None else float(value)


def _span(start: Any, end: Any) -> Span:
    return (int(start), int(end))


class ExtractionQueries:
    """Queries of events, statements and claims; mixed into :class:`accord.store.Store`."""

    _read: Callable[[], AbstractContextManager[sqlite3.Connection]]  # the Store's

    def events(self, query: EventQuery | None = None) -> list[EventRow]:
        """The events ``query`` keeps (all filters combine with AND), in its order (oldest
        first by default), its page. What each filter keeps: :class:`accord.store.query.EventQuery`;
        dates as in the module docstring."""
        query = query or EventQuery()
        with self._read() as conn:
            return self._event_page(conn, event_terms(query), query.sort, query.limit,
                                    query.offset)[0]

    def iter_events(self, query: EventQuery | None = None, page: int = 2000) -> Iterator[EventRow]:
        """Every event :meth:`events` returns for ``query`` (its page included), read ``page``
        rows at a time: in date order from where the previous page ended (keyset pagination: a
        page costs the same at the end of a million events as at the start), in another order
        by offset."""
        query = query or EventQuery()
        limit, offset = query.limit, query.offset
        done = 0
        if query.sort != "date":
            while limit is None or done < limit:
                size = page if limit is None else min(page, limit - done)
                rows = self.events(query.page(size, offset + done))
                yield from rows
                done += len(rows)
                if len(rows) < size:
                    return
            return
        terms = event_terms(query)
        while limit is None or done < limit:
            size = page if limit is None else min(page, limit - done)
            with self._read() as conn:
                rows, last = self._event_page(conn, terms, "date", size, offset)
            yield from rows
            done += len(rows)
            if len(rows) < size or last is None:
                return
            key = last[0] or "~"
            after = "coalesce(e.date_lo, '~') >= ? AND (coalesce(e.date_lo, '~') > ? OR e.id > ?)"
            terms = [t for t in terms if t.name != "after"] + [
                Term("after", after, (key, key, last[1]), column=True, facts=True,
                     ranges={"date": (after, (key, key, last[1]))})
            ]
            offset = 0

    def events_page(
        self, query: EventQuery, at_most: int | None = None
    ) -> tuple[list[EventRow], int, bool]:
        """The page of :meth:`events` that ``query`` asks for (it needs a ``limit``), how many
        events its filters keep and whether that count is exact, in one read: counted up to
        ``at_most`` as :meth:`count_events` does, or, when a filter enumerates the events
        (:func:`accord.store.plan.plan`), exactly: what the filters keep is then listed once,
        counted, and the page read from the list."""
        if query.limit is None:
            raise ValueError("events_page needs a query with a limit")
        terms = event_terms(query)
        sort, limit, offset = query.sort, query.limit, query.offset
        with self._read() as conn:
            found = estimate(conn, terms)
            chosen = plan(conn, terms, sort, offset + limit, found)
            if chosen.driver is None:
                counting = plan(conn, terms, None, 10**12 if at_most is None else at_most, found)
                if at_most is not None and offset + limit <= at_most:  # the page among them
                    both = plan(conn, terms, sort, at_most, found)
                    if both.driver is None and both.cost < chosen.cost + counting.cost:
                        return self._page_and_total(conn, terms, sort, limit, offset, at_most,
                                                    both)
                rows = self._event_page(conn, terms, sort, limit, offset, chosen)[0]
                total = int(conn.execute(count_query(counting),
                                         [*counting.params, -1 if at_most is None else at_most]
                                         ).fetchone()[0])
                return rows, total, at_most is None or total < at_most
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept_events (id INTEGER PRIMARY KEY)")
            conn.execute("DELETE FROM temp.kept_events")
            conn.execute(f"INSERT INTO temp.kept_events SELECT e.id {chosen.clause()}",
                         chosen.params)
            total = int(conn.execute("SELECT count(*) FROM temp.kept_events").fetchone()[0])
            kept = Plan("events e NOT INDEXED", ["e.id IN (SELECT id FROM temp.kept_events)"],
                        [], chosen.driver)
            rows = self._event_page(conn, terms, sort, limit, offset, kept)[0]
            conn.execute("DELETE FROM temp.kept_events")
            return rows, total, True

    def _page_and_total(
        self, conn: sqlite3.Connection, terms: list[Term], sort: str, limit: int, offset: int,
        at_most: int, both: Plan,
    ) -> tuple[list[EventRow], int, bool]:
        """A page and the total up to ``at_most`` (at least ``offset + limit``) in one pass: the
        first ``at_most`` events in the page's order (``both``, a plan without driver) listed
        with their places, the page read among them."""
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS first_events"
                     " (place INTEGER PRIMARY KEY, id INTEGER NOT NULL)")
        conn.execute("DELETE FROM temp.first_events")
        order = EVENT_SORTS[sort].format(a="e")
        conn.execute(f"INSERT INTO temp.first_events (id) SELECT e.id {both.clause()}"
                     f" ORDER BY {order} LIMIT ?", [*both.params, at_most])
        total = int(conn.execute("SELECT count(*) FROM temp.first_events").fetchone()[0])
        within = "e.id IN (SELECT id FROM temp.first_events WHERE place > ? AND place <= ?)"
        page = Plan("events e NOT INDEXED", [within], [offset, offset + limit], None)
        rows = self._event_page(conn, terms, sort, limit, 0, page)[0]
        conn.execute("DELETE FROM temp.first_events")
        return rows, total, total < at_most

    def _event_page(
        self, conn: sqlite3.Connection, terms: list[Term], sort: str, limit: int | None,
        offset: int, chosen: Plan | None = None,
    ) -> tuple[list[EventRow], tuple[str | None, int] | None]:
        """A page of events and the (``date_lo``, id) of its last one (``chosen``: how to
        read them, else planned here)."""
        order = EVENT_SORTS[sort].format(a="e")
        if chosen is None:
            chosen = plan(conn, terms, sort, offset + (limit if limit is not None else 10**12))
        rows = conn.execute(page_query(chosen, order),
                            [*chosen.params, -1 if limit is None else limit, offset]).fetchall()
        parts = self._participants(conn, [int(r["id"]) for r in rows])
        out = []
        for r in rows:
            actors, recipients = parts.get(int(r["id"]), ((), ()))
            out.append(
                EventRow(
                    doc_id=str(r["doc_id"]), idx=int(r["idx"]), type=str(r["type"]),
                    mode=_ostr(r["mode"]), date=_ostr(r["date"]), actors=actors,
                    recipients=recipients, place_name=_ostr(r["place_name"]),
                    place_country=_ostr(r["place_country"]), place_lat=_ofloat(r["place_lat"]),
                    place_lon=_ofloat(r["place_lon"]),
                    context=tuple(json.loads(r["context"])), evidence=_str(r["evidence"]),
                    sentence=_str(r["sentence"]), span=_span(r["span_start"], r["span_end"]),
                    quad_class=_oint(r["quad_class"]), intensity=_ofloat(r["intensity"]),
                    cameo=_ostr(r["cameo"]), trigger=_str(r["trigger"]),
                    date_lo=_ostr(r["date_lo"]), date_hi=_ostr(r["date_hi"]),
                    doc_path=str(r["doc_path"]), doc_title=_ostr(r["doc_title"]),
                    doc_published=_ostr(r["doc_published"]), doc_url=_ostr(r["doc_url"]),
                    doc_source=_ostr(r["doc_source"]),
                )
            )
        last = (_ostr(rows[-1]["date_lo"]), int(rows[-1]["id"])) if rows else None
        return out, last

    def _stored_verbs(self) -> list[str]:
        with self._read() as conn:
            return [str(r[0]) for r in conn.execute("SELECT DISTINCT verb FROM statements")]

    def count_events(self, query: EventQuery | None = None, at_most: int | None = None) -> int:
        """How many events the filters of ``query`` keep (its page aside); with ``at_most``,
        counting stops there (``at_most`` then means "that many or more")."""
        terms = event_terms(query or EventQuery())
        with self._read() as conn:
            chosen = plan(conn, terms, None, 10**12 if at_most is None else at_most)
            cap = -1 if at_most is None else at_most
            return int(conn.execute(count_query(chosen), [*chosen.params, cap]).fetchone()[0])

    def _count(self, table: str, where: list[str], params: list[object]) -> int:
        sql = f"SELECT count(*) FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        with self._read() as conn:
            return int(conn.execute(sql, params).fetchone()[0])

    def statements(self, query: StatementQuery | None = None) -> list[StatementRow]:
        """The statements ``query`` keeps (all filters combine with AND), oldest first, its
        page. What each filter keeps: :class:`accord.store.query.StatementQuery`; dates as in the
        module docstring."""
        query = query or StatementQuery()
        where, params = statement_where(self._stored_verbs, query)
        sql = dated_select("statements", "s", where)
        params += [-1 if query.limit is None else query.limit, query.offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            StatementRow(
                doc_id=str(r["doc_id"]), idx=int(r["idx"]), speaker=_ostr(r["speaker"]),
                speaker_country=_ostr(r["speaker_country"]),
                speaker_registry_id=_oint(r["speaker_registry_id"]), verb=str(r["verb"]),
                date=_ostr(r["date"]), evidence=_str(r["evidence"]), sentence=_str(r["sentence"]),
                span=_span(r["span_start"], r["span_end"]),
                content_span=None if r["content_start"] is None
                else _span(r["content_start"], r["content_end"]),
                doc_path=str(r["doc_path"]), doc_title=_ostr(r["doc_title"]),
                doc_published=_ostr(r["doc_published"]), doc_url=_ostr(r["doc_url"]),
                doc_source=_ostr(r["doc_source"]),
            )
            for r in rows
        ]

    def count_statements(self, query: StatementQuery | None = None) -> int:
        """How many statements the filters of ``query`` keep (its page aside)."""
        where, params = statement_where(self._stored_verbs, query or StatementQuery())
        return self._count("statements s", where, params)

    def claims(self, query: ClaimQuery | None = None) -> list[ClaimRow]:
        """The claims ``query`` keeps (all filters combine with AND), oldest article first, its
        page. What each filter keeps: :class:`accord.store.query.ClaimQuery`; a claim is dated by
        its document's ``published``, as in the module docstring."""
        query = query or ClaimQuery()
        where, params = claim_where(query)
        sql = dated_select("claims", "c", where)
        params += [-1 if query.limit is None else query.limit, query.offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            ClaimRow(
                doc_id=str(r["doc_id"]), idx=int(r["idx"]), quantity=float(r["quantity"]),
                qualifier=str(r["qualifier"]), unit=str(r["unit"]), holder=_ostr(r["holder"]),
                holder_country=_ostr(r["holder_country"]),
                holder_registry_id=_oint(r["holder_registry_id"]), source=_ostr(r["source"]),
                source_country=_ostr(r["source_country"]),
                source_registry_id=_oint(r["source_registry_id"]),
                evidence=_str(r["evidence"]), sentence=_str(r["sentence"]),
                span=_span(r["span_start"], r["span_end"]), doc_path=str(r["doc_path"]),
                doc_title=_ostr(r["doc_title"]), doc_published=_ostr(r["doc_published"]),
                doc_url=_ostr(r["doc_url"]), doc_source=_ostr(r["doc_source"]),
            )
            for r in rows
        ]

    def count_claims(self, query: ClaimQuery | None = None) -> int:
        """How many claims the filters of ``query`` keep (its page aside)."""
        where, params = claim_where(query or ClaimQuery())
        return self._count("claims c", where, params)

    @staticmethod
    def _chunks(ids: Sequence[int]) -> Iterator[tuple[str, Sequence[int]]]:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            yield ",".join("?" * len(chunk)), chunk

    def _participants(
        self, conn: sqlite3.Connection, event_ids: Sequence[int]
    ) -> dict[int, tuple[tuple[ParticipantRow, ...], tuple[ParticipantRow, ...]]]:
        found: dict[int, tuple[list[ParticipantRow], list[ParticipantRow]]] = {}
        for marks, chunk in self._chunks(event_ids):
            for r in conn.execute(
                "SELECT event_id, role, name, country, sector, registry_id FROM event_participants"
                f" WHERE event_id IN ({marks}) ORDER BY event_id, role, position",
                chunk,
            ):
                row = ParticipantRow(
                    _ostr(r["name"]), _ostr(r["country"]), _ostr(r["sector"]),
                    _oint(r["registry_id"]),
                )
                sides = found.setdefault(int(r["event_id"]), ([], []))
                sides[0 if r["role"] == "actor" else 1].append(row)
        return {k: (tuple(a), tuple(b)) for k, (a, b) in found.items()}
