"""The counts kept ahead of the aggregates (:data:`accord.store.write.COUNTS`): which of them
answer a query's filters and the SQL that sums them, and, for the filters they cannot answer, the
events a plan reads. :mod:`accord.store.aggregates` chooses between the two."""

from __future__ import annotations

import sqlite3

from accord.store.dyad_counts import DyadCounts, counted, within_months
from accord.store.filters import Term
from accord.store.plan import Plan
from accord.store.query import EventQuery
from accord.store.write import date_range

_COOP = "sum(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END)"
_CONFLICT = "sum(CASE WHEN e.quad_class IN (3, 4) THEN 1 ELSE 0 END)"

_ACTOR_PAIR = (  # two registry actors of an event, paired as Store.network pairs them
    "p.registry_id < q.registry_id AND (p.role != q.role OR (p.role = 'actor'"
    " AND NOT EXISTS (SELECT 1 FROM event_participants z WHERE z.event_id = e.id"
    " AND z.role = 'recipient' AND z.registry_id IS NOT NULL)))"
)
_COUNTED_BY = ("type", "quad_class", "country", "actor", "dyad")
_DATED = ("event_counts", "dyad_counts", "place_counts")  # the counts by month (or days)
_EVERY = ("event_counts", "place_counts")  # with rows of every date (month '*')
_PAIRED = ("pair_counts", "dyad_counts")  # the counts by country pair
_KIND_EVENTS = "sum(CASE WHEN k.quad_class IN ({}) THEN k.events ELSE 0 END)"


def _ahead(
    terms: list[Term], query: EventQuery, table: str, *, by_month: bool = False,
    countries: bool = False,
) -> tuple[str, str, list[object]] | None:
    """``table``, its rows ``k`` that count the events ``terms`` keep (a table to read ``FROM``)
    and their parameters; None when a filter needs more than ``table`` holds (a name, an actor,
    words, a document; a dyad but in the counts of pairs; dates but in the counts by month,
    whole months or days of no month only: :func:`accord.store.dyad_counts.counted`).
    ``by_month``: the rows by month, even without date filters (``event_counts`` also has rows
    of every date); ``countries``: the rows of each participant country instead of those of
    all events (without a country filter)."""
    counts = counted(terms, _days(query))
    names = {t.name for t in terms}
    if counts is None or ("dyad" in names and table not in _PAIRED) or (
        "dates" in names and table not in _DATED
    ):
        return None
    if "dates" in names:
        parts = counts.parts()  # each a range of the index by month
    elif table in _EVERY:
        parts = [("k.month != '*'" if by_month else "k.month = '*'", [])]
    else:
        parts = [("1", [])]
    return table, *_arms(table, counts, parts, countries)


def _arms(
    table: str, counts: DyadCounts, parts: list[tuple[str, list[object]]],
    countries: bool = False,
) -> tuple[str, list[object]]:
    """The rows ``k`` of ``table`` that the filters but the dates keep (``counts``) within each
    of ``parts`` (conditions and their parameters), as a table, and its parameters."""
    where = list(counts.where)
    if countries:
        where[0] = "k.country != ?"  # (its parameter: '')
    index = " INDEXED BY dyad_counts_pair" if table == "dyad_counts" and counts.pair else ""
    arms = [f"SELECT * FROM {table} k{index} WHERE {' AND '.join([*where, cond])}"
            for cond, _ in parts]
    return f"({' UNION ALL '.join(arms)}) k", [v for _, p in parts for v in (*counts.params, *p)]


def _days(query: EventQuery) -> tuple[str | None, str | None]:
    """The first and last days the date filters keep (None: open)."""
    return (date_range(query.since)[0] if query.since else None,
            date_range(query.until)[1] if query.until else None)


def _counted_by(
    by: str, terms: list[Term], query: EventQuery
) -> tuple[str, list[object]] | None:
    """:meth:`AggregateQueries.event_counts` from the counts kept ahead (events by type, quad
    class or participant country, dyads by pair; registry actors without filters), or None."""
    if by == "actor":
        if terms:
            return None
        return "SELECT id, name, events AS n FROM registry WHERE events > 0", []
    if by == "dyad":
        ahead = _ahead(terms, query, "pair_counts") or _ahead(terms, query, "dyad_counts")
        if ahead is None:
            return None
        _, rows, params = ahead
        return (f"SELECT k.country_a || '-' || k.country_b, k.country_a || '–' || k.country_b,"
                f" sum(k.events) AS n FROM {rows} GROUP BY k.country_a, k.country_b"), params
    if by == "country" and any(t.name == "country" for t in terms):
        return None  # the events of one country by their other countries: not counted
    ahead = _ahead(terms, query, "event_counts", countries=by == "country")
    if ahead is None:
        return None
    _, rows, params = ahead
    column = {"type": "k.type", "quad_class": "k.quad_class", "country": "k.country"}[by]
    extra = " WHERE k.quad_class != 0" if by == "quad_class" else ""
    return (f"SELECT {column}, {column}, sum(k.events) AS n FROM {rows}{extra}"
            f" GROUP BY {column}"), params


def _network_ahead(
    conn: sqlite3.Connection, level: str, terms: list[Term], query: EventQuery
) -> tuple[str, list[object]] | None:
    """The edges of :meth:`AggregateQueries.network` from the counts kept ahead (countries:
    the counts of pairs, by month for dates; actors: the pairs of registry actors, without
    filters), or None. Dates that keep most months are counted as every date less the months
    they leave out (fewer rows to read)."""
    if level == "actor":
        if terms:
            return None
        return ("SELECT registry_a, registry_b, events AS n, cooperation, conflict,"
                " intensity_sum / 1000.0 / nullif(intensities, 0) FROM actor_pairs"), []
    ahead = _ahead(terms, query, "pair_counts") or _ahead(terms, query, "dyad_counts")
    if ahead is None:
        return None
    table, rows, params = ahead
    counts = counted(terms, _days(query))
    if table == "dyad_counts" and counts is not None and _mostly(conn, counts):
        every, first = _arms("pair_counts", counts, [("1", [])])
        left, second = _arms("dyad_counts", counts, counts.parts(kept=False))
        sql = (f"SELECT a, b, sum(n) AS n, sum(co), sum(cf), sum(s) / nullif(sum(c), 0) FROM"
               f" (SELECT {_EDGE.format(sign='', scale=' / 1000.0')} FROM {every} UNION ALL"
               f" SELECT {_EDGE.format(sign='-', scale='')} FROM {left})"
               " GROUP BY a, b HAVING sum(n) > 0")
        return sql, [*first, *second]
    mean = ("sum(k.intensity_sum) / 1000.0" if table == "pair_counts" else
            "sum(k.intensity_sum)") + " / nullif(sum(k.intensities), 0)"
    return (f"SELECT k.country_a, k.country_b, sum(k.events) AS n, {_KIND_EVENTS.format('1, 2')},"
            f" {_KIND_EVENTS.format('3, 4')}, {mean} FROM {rows}"
            " GROUP BY k.country_a, k.country_b"), params


_PLACED = "e.id, e.place_name, e.place_country, e.place_lat, e.place_lon, e.quad_class"
_PLACE = (  # a row of place_counts as a place's share (``sign`` '-': taken away)
    "k.place_name AS a, nullif(k.place_country, '') AS b, nullif(k.place_lat, 1000.0) AS c,"
    " nullif(k.place_lon, 1000.0) AS d, {sign}k.events AS n,"
    " {sign}(CASE WHEN k.quad_class IN (1, 2) THEN k.events ELSE 0 END) AS co,"
    " {sign}(CASE WHEN k.quad_class IN (3, 4) THEN k.events ELSE 0 END) AS cf"
)
_EDGE = (  # a row of counts as an edge's share (``sign`` '-': taken away)
    "k.country_a AS a, k.country_b AS b, {sign}k.events AS n,"
    " {sign}(CASE WHEN k.quad_class IN (1, 2) THEN k.events ELSE 0 END) AS co,"
    " {sign}(CASE WHEN k.quad_class IN (3, 4) THEN k.events ELSE 0 END) AS cf,"
    " {sign}k.intensity_sum{scale} AS s, {sign}k.intensities AS c"
)


def _mostly(conn: sqlite3.Connection, counts: DyadCounts, table: str = "dyad_counts") -> bool:
    """Whether the date filters keep more of the months ``table`` holds for the filters'
    country (all of them but those of no month) than they leave out."""
    first, last = (  # one aggregate each: read off the ends of the index
        conn.execute(f"SELECT {end}(month) FROM {table} WHERE country = ? AND month > '*'",
                     [counts.params[0]]).fetchone()[0]
        for end in ("min", "max")
    )
    if first is None or last is None:
        return False
    low, high = within_months(first, last, counts.months)
    assert low is not None and high is not None
    return _month_index(high) - _month_index(low) + 1 > (
        _month_index(last) - _month_index(first) + 1) / 2


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7])


def _kept_ids(chosen: Plan) -> str:
    """The ids (``x.id``) of the events a plan keeps, as a table."""
    return f"(SELECT e.id {chosen.clause()}) x"


def _kept_rows(chosen: Plan, columns: str) -> str:
    """The events a plan keeps with ``columns`` of their rows (``e.``...), as a table ``e``:
    read where the plan reads them (a drive reads each row; a scan's index holds the type,
    quad class and dates), or again by id after the kinds' arms, which give a few columns."""
    if chosen.source.startswith("events e"):
        return f"(SELECT {columns} {chosen.clause()}) e"
    return (f"(SELECT {columns} FROM {_kept_ids(chosen)} CROSS JOIN events e ON e.id = x.id) e")
