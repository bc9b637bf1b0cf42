"""Counts over the stored events: dyads by month, the timeline, the network, places,
counterparts and the overview. :class:`accord.store.Store` inherits them.

Every method takes the event filters of :meth:`accord.store.Store.events` as keywords (``actor``,
``country``, ``type``, ``since``, ``until``, ``dyad``, ``quad_class``, ``text``, ``actor_id``,
``role``, ``doc_id``) and counts only the events they keep. A month is ``YYYY-MM`` when the event
(or its document, when the event has no date) is dated within one month, else ``None``.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from accord.store.ahead import (
    _ACTOR_PAIR,
    _CONFLICT,
    _COOP,
    _COUNTED_BY,
    _PLACE,
    _PLACED,
    _ahead,
    _arms,
    _counted_by,
    _days,
    _kept_ids,
    _kept_rows,
    _mostly,
    _network_ahead,
)
from accord.store.dyad_counts import DyadCounts, counted, within_months
from accord.store.filters import Term, event_terms
from accord.store.plan import Estimates, Plan, estimate, kept, plan
from accord.store.query import EventQuery
from accord.store.rows import (
    CounterpartRow,
    CountRow,
    DyadRow,
    EdgeRow,
    NodeRow,
    PlaceRow,
    TimelineRow,
)
from accord.store.split import SPLIT_COST, SplitReads
from accord.store.write import date_range
from accord.vocab import geo

__all__ = ["AggregateQueries"]

MONTH = (
    "CASE WHEN substr(e.date_lo, 1, 7) = substr(e.date_hi, 1, 7) THEN substr(e.date_lo, 1, 7) END"
)
_QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
          4: "material conflict"}


def _where(where: list[str], extra: str = "") -> str:
    clauses = [*where, extra] if extra else where
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _ofloat(value: Any) -> float | None:
    return None if value is None else round(float(value), 3)


_DYAD_COLUMNS = (  # event_dyads carries the event's month, quad class and intensity
    "dy.country_a, dy.country_b, dy.month AS month, dy.quad_class, count(*) AS n,"
    " avg(dy.intensity) AS mi"
)
_DYAD_SUMS = (  # the same for a part of the events, to add up (:func:`_added`)
    "dy.country_a, dy.country_b, dy.month AS month, dy.quad_class, count(*) AS n,"
    " sum(dy.intensity), count(dy.intensity)"
)
_DYAD_GROUP = "dy.month, dy.country_a, dy.country_b, dy.quad_class"
_DYAD_ORDER = "month DESC, n DESC, dy.country_a, dy.country_b, dy.quad_class"


def _dyad_query(
    terms: list[Term], rows: str, bounds: list[object], source: str = "event_dyads_month",
    sums: bool = False,
) -> tuple[str, list[object]]:
    """The dyads (``rows``, a condition on ``dy`` with ``bounds``: some months, or the events
    a filter enumerates) that ``terms`` keep, read on the index ``source`` (empty: SQLite's
    choice): the type, quad class and the participant and dyad filters are checked on the dyad,
    the dates on the index events_facts, the event's row is read only for the others
    (text, document). Rows of no month come last; with ``sums``, in no order and whole, with
    the sum and count of the intensities (no mean)."""
    own = sorted((t for t in terms if not t.column or t.kind),
                 key=lambda t: not t.column)  # the type and quad class (on the index) first
    facts = [t for t in terms if t not in own and t.facts]
    read = [t for t in terms if t not in own and not t.facts]
    where = [rows] + [t.on("dy.event_id") if not t.column else t.where.replace("e.", "dy.")
                      for t in own]
    where += [t.on_facts("f") for t in facts] + [t.where for t in read]
    params = bounds + [p for t in (*own, *facts, *read) for p in t.params]
    join = " CROSS JOIN events f INDEXED BY events_facts ON f.id = dy.event_id" if facts else ""
    join += " CROSS JOIN events e ON e.id = dy.event_id" if read else ""
    indexed = f" INDEXED BY {source}" if source else ""
    sql = (
        f"SELECT {_DYAD_SUMS if sums else _DYAD_COLUMNS} FROM event_dyads dy{indexed}{join}"
        f" WHERE {' AND '.join(where)} GROUP BY {_DYAD_GROUP}"
    )
    return sql + ("" if sums else f" ORDER BY month IS NULL, {_DYAD_ORDER} LIMIT ?"), params


def _within_months(months: tuple[str | None, str | None]) -> bool:
    """Whether the date filters' range (first and last month) holds no whole year."""
    first, last = months
    if first is None or last is None:
        return False
    whole = int(first[:4]) + (first[5:] != "01")  # the first year that starts in the range
    return whole > int(last[:4]) - (last[5:] != "12")
_DYAD_EVENTS = 10**12  # no limit: every event is counted
_LAST_ID = 2**63 - 1  # the largest id SQLite gives
_PER_GROUP = 5  # events per row of dyads, at most (a guess): the months needed for a page


_DYAD_ENTRY = 0.3  # costs, in about a microsecond: a dyad read on the index of months
_DYAD_CHECK = 0.7  # checking a filter on the event's row or participants, by seeks
_SET_ID = 0.3  # listing an event a filter keeps into a set (then probed at _SET_PROBE)
_SET_PROBE = 0.1
_DYADS_OF = 4.0  # the dyads of an event a plan keeps, read by its id and counted


@dataclass(frozen=True, slots=True)
class _Months:
    """Reading the most recent months first: its cost, and the filter whose events are listed
    once into a set that each dyad is checked against (``None``: every filter checked by
    seeks)."""

    cost: float
    kept: Term | None


def _months_plan(found: Estimates, terms: list[Term], expected: float, limit: int) -> _Months:
    """What counting the most recent months first costs: the months needed for ``limit`` rows
    (an event each, at most :data:`_PER_GROUP` events a row), each of their dyads read on the
    index of months and the filters not on it checked, by seeks or against the set of one
    filter's events (cheaper when that filter keeps fewer events than the months hold)."""
    dates = found.shares.get("dates", 1.0)
    rows = min(expected, found.newest / _PER_GROUP)  # each event its row, if they are few
    share = min(1.0, limit / max(rows, 1.0))
    entries = found.newest * dates * share
    checked = [t for t in terms if not t.facts and not t.kind]
    best = _Months(entries * (_DYAD_ENTRY + _DYAD_CHECK * bool(checked)), None)
    for term in checked:
        if term.ids is None or term.name not in found.sizes:
            continue
        others = [t for t in checked if t is not term or t.name == "text"]  # words: checked
        cost = _SET_ID * found.sizes[term.name] + entries * (_DYAD_ENTRY + _SET_PROBE) + \
            entries * found.shares[term.name] * _DYAD_CHECK * bool(others)
        if cost < best.cost:
            best = _Months(cost, term)
    return best


def _dyad(r: sqlite3.Row) -> DyadRow:
    return DyadRow(str(r[0]), str(r[1]), r[2], r[3], int(r[4]), _ofloat(r[5]))


def _added(parts: Sequence[list[sqlite3.Row]], limit: int | None) -> list[DyadRow]:
    """The rows of :meth:`AggregateQueries.dyads` from those of parts of the events (queried
    with ``sums``): each group's counts added up, in the same order, the first ``limit``."""
    groups: dict[tuple[str, str, str | None, int | None], list[float]] = {}
    for rows in parts:
        for r in rows:
            total = groups.setdefault((r[0], r[1], r[2], r[3]), [0, 0.0, 0])
            total[0] += r[4]
            total[1] += r[5] or 0.0
            total[2] += r[6]
    out = [DyadRow(a, b, month, quad, int(n), _ofloat(s / k) if k else None)
           for (a, b, month, quad), (n, s, k) in groups.items()]
    out.sort(key=lambda r: (r.country_a, r.country_b, r.quad_class is not None, r.quad_class or 0))
    out.sort(key=lambda r: r.events, reverse=True)  # (stable: the order above within)
    out.sort(key=lambda r: r.month or "", reverse=True)  # no month last
    return out if limit is None else out[:limit]


def _months_before(month: str, count: int) -> str:
    """The month ``count`` months before ``month`` (``YYYY-MM``)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _windows(
    conn: sqlite3.Connection, first: str | None, last: str | None, limit: int,
    window: Callable[[str, str, int], tuple[str, list[object]]],
) -> list[DyadRow]:
    """Up to ``limit`` rows of dyads of the months ``first`` to ``last``, newest first, read a
    window of months at a time (``window(start, end, rows)``: the query of those months): one
    month, then as many as the rows so far say are missing (at most twice the last window)."""
    out: list[DyadRow] = []
    width = read = 1  # months in the next window, and months read so far
    while last is not None and first is not None and last >= first and len(out) < limit:
        start = max(first, _months_before(last, width - 1))
        sql, params = window(start, last, limit - len(out))
        out += [_dyad(r) for r in conn.execute(sql, params).fetchall()]
        last, read = _months_before(start, 1), read + width
        rate = len(out) / read
        width = min(2 * width, math.ceil((limit - len(out)) / rate) if rate else 2 * width)
    return out


class AggregateQueries:
    """Aggregate queries over events; mixed into :class:`accord.store.Store`."""

    _read: Callable[[], AbstractContextManager[sqlite3.Connection]]  # the Store's
    _split: SplitReads | None  # the Store's second connection, if it can have one

    def _rows(self, sql: str, params: list[object]) -> Iterator[sqlite3.Row]:
        with self._read() as conn:
            yield from conn.execute(sql, params).fetchall()

    def dyads(self, query: EventQuery | None = None, limit: int | None = None) -> list[DyadRow]:
        """Events per country pair, month and quad class, most recent month first, of the
        events the filters of ``query`` keep (its page and sort aside); ``limit`` rows at most.

        Filters on what an event's dyads carry (a participant country, the pair, the type, the
        quad class, whole months) are answered from the counts kept ahead
        (:mod:`accord.store.dyad_counts`). Otherwise, with a ``limit``, the months are counted
        from the most recent one back, a window of months at a time, until ``limit`` rows are
        found, so that a page reads recent events only; unless the events a filter enumerates
        are fewer to read (:func:`accord.store.plan.plan`, :func:`_months_plan`), then counted
        whole (when that costs more than :data:`accord.store.split.SPLIT_COST`, in two halves
        by event id at once).
        """
        query = query or EventQuery()
        terms = event_terms(query)
        first = date_range(query.since)[0] if query.since else None
        last = date_range(query.until)[1] if query.until else None
        months = (first[:7] if first else None, last[:7] if last else None)
        with self._read() as conn:
            counts = counted(terms, (first, last))
            if counts is not None:
                return self._counted_dyads(conn, counts, limit)
            found = estimate(conn, terms)
            recent = None if limit is None else _months_plan(found, terms, kept(conn, found), limit)
            chosen = plan(conn, terms, None, _DYAD_EVENTS, found,  # every event kept
                          math.inf if recent is None else recent.cost)
            if chosen.empty:
                return []
            if recent is not None and limit is not None and (
                chosen.driver is None or recent.cost < chosen.cost + _DYADS_OF * chosen.expected
            ):
                whole = (first is None or first.endswith("-01")) and (
                    last is None or date_range(last[:7])[1] == last
                )
                return self._recent_dyads(conn, terms, limit, months, whole, recent.kept)
            if chosen.driver is None:  # every dyad, on the index by month
                sql, params = _dyad_query(terms, "1", [])
            else:  # the events the plan keeps (every filter checked), then their dyads
                halves = self._split_dyads(conn, chosen, found.newest)
                if halves is not None:
                    return _added(halves, limit)
                sql, params = _dyad_query([], f"dy.event_id IN (SELECT e.id {chosen.clause()})",
                                          list(chosen.params), "")
            rows = conn.execute(sql, [*params, -1 if limit is None else limit])
            return [_dyad(r) for r in rows.fetchall()]

    def _split_dyads(
        self, conn: sqlite3.Connection, chosen: Plan, newest: int
    ) -> tuple[list[sqlite3.Row], list[sqlite3.Row]] | None:
        """The dyads of the events ``chosen`` keeps (with ``sums``), those of ids up to half
        of ``newest`` and the others read at once (:mod:`accord.store.split`); None if the
        plan costs too little to split, or cannot be."""
        if self._split is None or chosen.part is None or chosen.cost < SPLIT_COST:
            return None
        middle = newest // 2
        first, second = (
            _dyad_query([], f"dy.event_id IN (SELECT e.id {half.clause()})", list(half.params),
                        "", sums=True)
            for half in (chosen.part(0, middle), chosen.part(middle + 1, _LAST_ID))
        )
        return self._split.run(conn, first, second)

    @staticmethod
    def _counted_dyads(
        conn: sqlite3.Connection, counts: DyadCounts, limit: int | None
    ) -> list[DyadRow]:
        """Rows of :meth:`dyads` summed from ``dyad_counts``: a pair's rows at once, else the
        most recent months first, in windows, then the rows of no month."""
        if counts.pair or limit is None:
            sql, params = counts.dated(-1 if limit is None else limit)
            return [_dyad(r) for r in conn.execute(sql, params).fetchall()]
        first, last = counts.month_range(conn)
        out = _windows(conn, first, last, limit, counts.window)
        if len(out) < limit:
            sql, params = counts.undated(limit - len(out))
            out += [_dyad(r) for r in conn.execute(sql, params).fetchall()]
        return out

    @staticmethod
    def _recent_dyads(
        conn: sqlite3.Connection, terms: list[Term], limit: int,
        months: tuple[str | None, str | None], whole_months: bool, kept: Term | None,
    ) -> list[DyadRow]:
        """Rows of :meth:`dyads`, the most recent months first, in windows of months within
        ``months`` (the first and last the date filters leave; ``whole_months`` if they keep
        whole months), read on the index of the dyads by month, then the rows of no month;
        the events ``kept`` keeps are listed first (:func:`_months_plan`)."""
        listed = ""  # the condition that a dyad's event is in the set
        if kept is not None and kept.ids is not None:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS dyad_events (id INTEGER PRIMARY KEY)")
            conn.execute("DELETE FROM temp.dyad_events")
            conn.execute(f"INSERT OR IGNORE INTO temp.dyad_events {kept.ids}", kept.ids_params)
            listed = " AND dy.event_id IN temp.dyad_events"
            terms = [t for t in terms if t is not kept or t.name == "text"]  # words: checked
        dated = [t for t in terms if t.name != "dates" or not whole_months]
        last, first = (  # one aggregate each: SQLite reads them off the index's ends
            conn.execute(f"SELECT {end}(month) FROM event_dyads INDEXED BY event_dyads_month"
                         ).fetchone()[0]
            for end in ("max", "min")
        )
        first, last = within_months(first, last, months)

        def window(start: str, end: str, size: int) -> tuple[str, list[object]]:
            sql, params = _dyad_query(dated, "dy.month BETWEEN ? AND ?" + listed, [start, end])
            return sql, [*params, size]

        out = _windows(conn, first, last, limit, window)
        if len(out) < limit and not _within_months(months):
            # events dated to a year, or not at all, come last (a date filter keeps such an
            # event only if it covers the whole year)
            sql, params = _dyad_query(terms, "dy.month IS NULL" + listed, [])
            out += [_dyad(r) for r in conn.execute(sql, [*params, limit - len(out)]).fetchall()]
        if kept is not None:
            conn.execute("DELETE FROM temp.dyad_events")
        return out

    def _kept(self, conn: sqlite3.Connection, terms: list[Term]) -> Plan:
        """How to read every event ``terms`` keep (:func:`accord.store.plan.plan`): a count
        that the counts kept ahead cannot answer."""
        return plan(conn, terms, None, _DYAD_EVENTS)

    def timeline(self, query: EventQuery | None = None) -> list[TimelineRow]:
        """Events per month and quad class, oldest month first (undated months last), of the
        events the filters of ``query`` keep."""
        query = query or EventQuery()
        terms = event_terms(query)
        with self._read() as conn:
            ahead = _ahead(terms, query, "event_counts", by_month=True) or _ahead(
                terms, query, "dyad_counts")
            if ahead is not None:
                _, rows, params = ahead
                sql = (f"SELECT nullif(k.month, ''), nullif(k.quad_class, 0), sum(k.events)"
                       f" FROM {rows} GROUP BY k.month, k.quad_class ORDER BY k.month = '',"
                       " k.month, k.quad_class")
            else:
                chosen = self._kept(conn, terms)
                if chosen.empty:
                    return []
                sql = (f"SELECT {MONTH} AS month, e.quad_class, count(*) FROM"
                       f" {_kept_rows(chosen, 'e.id, e.date_lo, e.date_hi, e.quad_class')}"
                       " GROUP BY month, e.quad_class ORDER BY month IS NULL, month, e.quad_class")
                params = list(chosen.params)
            found = conn.execute(sql, params).fetchall()
        return [TimelineRow(r[0], r[1], int(r[2])) for r in found]

    def event_counts(
        self, by: str, query: EventQuery | None = None, limit: int | None = None
    ) -> list[CountRow]:
        """Events per ``by``: "type", "quad_class", "country" (any participant's), "actor"
        (a registry entry among the participants) or "dyad"; most events first."""
        if by not in _COUNTED_BY:
            raise ValueError(f"cannot count events by {by!r}")
        query = query or EventQuery()
        terms = event_terms(query)
        with self._read() as conn:
            sql, params = _counted_by(by, terms, query) or self._scanned_by(conn, by, terms)
            rows = conn.execute(f"{sql} ORDER BY n DESC, 2, 1 LIMIT ?",
                                [*params, -1 if limit is None else limit]).fetchall()
        out = []
        for r in rows:
            label = _QUADS.get(r[1], str(r[1])) if by == "quad_class" else str(r[1])
            out.append(CountRow(str(r[0]), label, int(r[2])))
        return out

    def _scanned_by(
        self, conn: sqlite3.Connection, by: str, terms: list[Term]
    ) -> tuple[str, list[object]]:
        """:meth:`event_counts` over the events the filters keep, read (no GROUP BY's
        order)."""
        chosen = self._kept(conn, terms)
        if chosen.empty:
            return "SELECT NULL, NULL, 0 AS n WHERE 0", []
        kept = _kept_rows(chosen, "e.id, e.type, e.quad_class")
        if by == "type":
            sql = f"SELECT e.type, e.type, count(*) AS n FROM {kept} GROUP BY e.type"
        elif by == "quad_class":
            sql = (f"SELECT e.quad_class, e.quad_class, count(*) AS n FROM {kept}"
                   " WHERE e.quad_class IS NOT NULL GROUP BY e.quad_class")
        elif by == "country":
            sql = (f"SELECT p.country, p.country, count(DISTINCT x.id) AS n FROM {_kept_ids(chosen)}"
                   " CROSS JOIN event_participants p ON p.event_id = x.id"
                   " WHERE p.country IS NOT NULL GROUP BY p.country")
        elif by == "actor":
            sql = (f"SELECT r.id, r.name, count(DISTINCT x.id) AS n FROM {_kept_ids(chosen)}"
                   " CROSS JOIN event_participants p ON p.event_id = x.id"
                   " JOIN registry r ON r.id = p.registry_id GROUP BY r.id")
        else:
            sql = ("SELECT y.country_a || '-' || y.country_b, y.country_a || '–' || y.country_b,"
                   f" count(*) AS n FROM {_kept_ids(chosen)} CROSS JOIN event_dyads y"
                   " ON y.event_id = x.id GROUP BY y.country_a, y.country_b")
        return sql, list(chosen.params)

    def network(
        self, level: str = "country", query: EventQuery | None = None, limit: int | None = 200
    ) -> tuple[list[NodeRow], list[EdgeRow]]:
        """Nodes and edges of the events: countries paired as in ``event_dyads``, or registry
        actors paired the same way (actors with recipients, else co-actors). ``limit`` keeps
        the heaviest edges; the nodes are those of the edges kept."""
        if level not in ("country", "actor"):
            raise ValueError(f"network level must be 'country' or 'actor', not {level!r}")
        query = query or EventQuery()
        terms = event_terms(query)
        with self._read() as conn:
            sql, params = (_network_ahead(conn, level, terms, query)
                           or self._network_scanned(conn, level, terms))
            rows = conn.execute(f"{sql} ORDER BY n DESC, 1, 2 LIMIT ?",
                                [*params, -1 if limit is None else limit]).fetchall()
            edges = [EdgeRow(str(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]), _ofloat(r[5]))
                     for r in rows]
            weight: Counter[str] = Counter()
            for edge in edges:
                weight[edge.source] += edge.events
                weight[edge.target] += edge.events
            if level == "country":
                return [NodeRow(c, c, c, "country", n) for c, n in weight.most_common()], edges
            marks = ",".join("?" * len(weight))  # 2,000 at most (MAX_PAGE edges)
            info = {str(r[0]): r for r in conn.execute(
                f"SELECT id, name, country, kind FROM registry WHERE id IN ({marks})",
                [int(k) for k in weight])}
        nodes = [NodeRow(k, str(info[k][1]), info[k][2], str(info[k][3]), n)
                 for k, n in weight.most_common() if k in info]
        return nodes, edges

    def _network_scanned(
        self, conn: sqlite3.Connection, level: str, terms: list[Term]
    ) -> tuple[str, list[object]]:
        """The edges of :meth:`network` over the events the filters keep, read."""
        chosen = self._kept(conn, terms)
        if chosen.empty:
            return "SELECT 1, 2, 0 AS n, 0, 0, NULL WHERE 0", []
        if level == "country":  # a dyad carries its event's quad class and intensity
            sql = (f"SELECT y.country_a, y.country_b, count(*) AS n, {_COOP.replace('e.', 'y.')},"
                   f" {_CONFLICT.replace('e.', 'y.')}, avg(y.intensity) FROM {_kept_ids(chosen)}"
                   " CROSS JOIN event_dyads y ON y.event_id = x.id"
                   " GROUP BY y.country_a, y.country_b")
        else:
            sql = (f"SELECT p.registry_id, q.registry_id, count(DISTINCT e.id) AS n, {_COOP},"
                   f" {_CONFLICT}, avg(e.intensity)"
                   f" FROM {_kept_rows(chosen, 'e.id, e.quad_class, e.intensity')}"
                   " CROSS JOIN event_participants p ON p.event_id = e.id"
                   f" CROSS JOIN event_participants q ON q.event_id = e.id WHERE {_ACTOR_PAIR}"
                   " GROUP BY p.registry_id, q.registry_id")
        return sql, list(chosen.params)

    def places(self, query: EventQuery | None = None, limit: int | None = None) -> list[PlaceRow]:
        """Event places with coordinates, most events first, of the events the filters of
        ``query`` keep."""
        query = query or EventQuery()
        terms = event_terms(query)
        with self._read() as conn:
            ahead = _ahead(terms, query, "place_counts")
            counts = counted(terms, _days(query))
            if ahead is not None and counts is not None and any(
                t.name == "dates" for t in terms
            ) and _mostly(conn, counts, "place_counts"):  # every date less those left out
                every, first = _arms("place_counts", counts, [("k.month = '*'", [])])
                left, second = _arms("place_counts", counts, counts.parts(kept=False))
                sql = (f"SELECT a, b, c, d, sum(n) AS n, sum(co), sum(cf) FROM (SELECT"
                       f" {_PLACE.format(sign='')} FROM {every} UNION ALL SELECT"
                       f" {_PLACE.format(sign='-')} FROM {left}) GROUP BY a, b, c, d"
                       " HAVING sum(n) > 0")
                params = [*first, *second]
            elif ahead is not None:
                _, rows, params = ahead
                sql = (f"SELECT a, b, c, d, sum(n) AS n, sum(co), sum(cf) FROM (SELECT"
                       f" {_PLACE.format(sign='')} FROM {rows}) GROUP BY a, b, c, d")
            else:
                chosen = self._kept(conn, terms)
                if chosen.empty:
                    return []
                sql = (f"SELECT e.place_name, e.place_country, e.place_lat, e.place_lon,"
                       f" count(*) AS n, {_COOP}, {_CONFLICT} FROM {_kept_rows(chosen, _PLACED)}"
                       " WHERE e.place_name IS NOT NULL"
                       " GROUP BY e.place_name, e.place_country, e.place_lat, e.place_lon")
                params = list(chosen.params)
            found = conn.execute(f"{sql} ORDER BY n DESC, 1, 2, 3, 4 LIMIT ?",
                                 [*params, -1 if limit is None else limit]).fetchall()
        return [
            PlaceRow(str(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6]),
                     geo.country_numeric(r[1]))
            for r in found
        ]

    def counterparts(self, actor_id: int, limit: int | None = None) -> list[CounterpartRow]:
        """The registry actors on the other side of ``actor_id``'s events (or beside it, for
        events without recipients), most shared events first."""
        sql = (
            "SELECT r.id, r.name, r.kind, r.country, count(DISTINCT e.id) AS n,"
            " group_concat(e.type, ' ') FROM event_participants p"
            " JOIN event_participants q ON q.event_id = p.event_id"
            " AND q.registry_id IS NOT NULL AND q.registry_id != p.registry_id"
            " JOIN events e ON e.id = p.event_id JOIN registry r ON r.id = q.registry_id"
            " WHERE p.registry_id = ? AND (p.role != q.role OR NOT EXISTS"
            " (SELECT 1 FROM event_participants z WHERE z.event_id = e.id"
            " AND z.role = 'recipient'))"
            " GROUP BY r.id ORDER BY n DESC, r.name LIMIT ?"
        )
        out = []
        for r in self._rows(sql, [int(actor_id), -1 if limit is None else limit]):
            types = Counter(str(r[5]).split())
            out.append(
                CounterpartRow(
                    int(r[0]),
                    str(r[1]),
                    str(r[2]),
                    r[3],
                    int(r[4]),
                    tuple(t for t, _ in types.most_common()),
                )
            )
        return out
