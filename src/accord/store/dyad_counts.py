"""``dyad_counts``: the events of each country pair counted ahead of the queries.

:meth:`accord.store.Store.dyads` counts events by month, pair and quad class. When every filter
is on what an event's dyads carry (a participant country, the pair, the type, the quad class,
dates of whole months), those counts are sums of ``dyad_counts`` rows: one per participant
country of the events counted (``''``: every event), month (``''``: none, the event's days then
in ``date_lo``/``date_hi``), pair, quad class (0: none) and type, with how many events, the sum
of their intensities and how many have one. A page of a million events' dyads then reads a few
thousand rows instead of every event of a country.

Triggers on ``event_dyads`` keep the counts, from what each dyad row carries (the event's type,
days and participant countries, added by migration 7): when a document's deletion cascades to its
dyads the event's row is already gone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from accord.store.filters import Term
from accord.store.write import date_range

__all__ = ["DyadCounts", "counted", "fill_dyad_counts", "migration_7", "within_months"]

_KEY = "country, month, date_lo, date_hi, country_a, country_b, quad_class, type"
_ROW = (  # a dyad row's key after its country (the days only for a dyad of no month)
    "ifnull({r}.month, ''), CASE WHEN {r}.month IS NULL THEN ifnull({r}.date_lo, '') ELSE '' END,"
    " CASE WHEN {r}.month IS NULL THEN ifnull({r}.date_hi, '') ELSE '' END, {r}.country_a,"
    " {r}.country_b, ifnull({r}.quad_class, 0), ifnull({r}.type, '')"
)
_COUNT = (
    f"INSERT INTO dyad_counts ({_KEY}, events, intensity_sum, intensities)"
    f" SELECT c.value, {_ROW.format(r='new')}, 1, ifnull(new.intensity, 0),"
    " new.intensity IS NOT NULL"
    " FROM (SELECT '' AS value UNION ALL SELECT value FROM json_each(new.countries)) AS c WHERE 1"
    f" ON CONFLICT ({_KEY}) DO UPDATE SET events = events + 1,"
    " intensity_sum = intensity_sum + excluded.intensity_sum,"
    " intensities = intensities + excluded.intensities"
)
_OLD = (
    "country IN (SELECT '' UNION ALL SELECT value FROM json_each(old.countries)) AND"
    f" (month, date_lo, date_hi, country_a, country_b, quad_class, type) = ({_ROW.format(r='old')})"
)
_UNCOUNT = (
    "UPDATE dyad_counts SET events = events - 1,"
    " intensity_sum = intensity_sum - ifnull(old.intensity, 0),"
    f" intensities = intensities - (old.intensity IS NOT NULL) WHERE {_OLD};"
    f" DELETE FROM dyad_counts WHERE {_OLD} AND events <= 0"
)

_V7 = [
    # what an event's dyads are counted by, on each dyad row
    "ALTER TABLE event_dyads ADD COLUMN type TEXT",
    "ALTER TABLE event_dyads ADD COLUMN date_lo TEXT",
    "ALTER TABLE event_dyads ADD COLUMN date_hi TEXT",
    "ALTER TABLE event_dyads ADD COLUMN countries TEXT NOT NULL DEFAULT '[]'",  # JSON, sorted
    (
        "UPDATE event_dyads SET type = e.type, date_lo = e.date_lo, date_hi = e.date_hi"
        " FROM events e WHERE e.id = event_dyads.event_id"
    ),
    (
        "UPDATE event_dyads SET countries = c.countries FROM (SELECT event_id,"
        " json_group_array(country) AS countries FROM (SELECT DISTINCT event_id, country"
        " FROM event_participants WHERE country IS NOT NULL ORDER BY event_id, country)"
        " GROUP BY event_id) AS c WHERE c.event_id = event_dyads.event_id"
    ),
    # the type checked on the index of recent months too
    "DROP INDEX event_dyads_month",
    (
        "CREATE INDEX event_dyads_month"
        " ON event_dyads (month, country_a, country_b, quad_class, intensity, type, event_id)"
    ),
    """CREATE TABLE dyad_counts (
        country TEXT NOT NULL,  -- a participant country of the events counted, '' for all
        month TEXT NOT NULL,  -- '': an event not dated within one month
        date_lo TEXT NOT NULL,  -- the days of an event of no month ('' for the others)
        date_hi TEXT NOT NULL,
        country_a TEXT NOT NULL,
        country_b TEXT NOT NULL,
        quad_class INTEGER NOT NULL,  -- 0: none
        type TEXT NOT NULL,
        events INTEGER NOT NULL,
        intensity_sum REAL NOT NULL,
        intensities INTEGER NOT NULL,  -- events with an intensity
        PRIMARY KEY (country, month, date_lo, date_hi, country_a, country_b, quad_class, type)
    ) WITHOUT ROWID""",
    "CREATE INDEX dyad_counts_pair ON dyad_counts (country_a, country_b, country, month)",
    f"CREATE TRIGGER dyad_counts_insert AFTER INSERT ON event_dyads BEGIN {_COUNT}; END",
    f"CREATE TRIGGER dyad_counts_delete AFTER DELETE ON event_dyads BEGIN {_UNCOUNT}; END",
    f"CREATE TRIGGER dyad_counts_update AFTER UPDATE ON event_dyads BEGIN {_UNCOUNT}; {_COUNT}; END",
]


def migration_7(conn: sqlite3.Connection) -> None:
    """Dyads counted ahead: the type, days and participant countries of each ``event_dyads``
    row, the type on its index of months, and ``dyad_counts`` (kept by triggers)."""
    for statement in _V7:
        conn.execute(statement)
    fill_dyad_counts(conn)


def fill_dyad_counts(conn: sqlite3.Connection) -> None:
    """Count ``event_dyads`` into ``dyad_counts`` (what its triggers do row by row)."""
    conn.execute("DELETE FROM dyad_counts")
    row = _ROW.format(r="d")
    for country, source in (("''", "event_dyads d"),
                            ("j.value", "event_dyads d, json_each(d.countries) j")):
        conn.execute(
            f"INSERT INTO dyad_counts ({_KEY}, events, intensity_sum, intensities)"
            f" SELECT {country}, {row}, count(*), total(d.intensity), count(d.intensity)"
            f" FROM {source} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
        )


_COLUMNS = (
    "k.country_a, k.country_b, nullif(k.month, '') AS month, nullif(k.quad_class, 0),"
    " sum(k.events) AS n, sum(k.intensity_sum) / nullif(sum(k.intensities), 0)"
)
_ORDER = "k.month = '', k.month DESC, n DESC, k.country_a, k.country_b, k.quad_class"


@dataclass(frozen=True, slots=True)
class DyadCounts:
    """How :meth:`accord.store.Store.dyads` reads ``dyad_counts`` for some filters: the
    conditions on a row ``k``, and the whole months (first and last, ``YYYY-MM``) and days
    (first and last) the date filters keep."""

    where: list[str]
    params: list[object]
    pair: bool  # a dyad filter: its rows read on dyad_counts_pair
    months: tuple[str | None, str | None]
    days: tuple[str | None, str | None]

    def _select(self, rows: str, params: Sequence[object], limit: int) -> tuple[str, list[object]]:
        index = "dyad_counts_pair" if self.pair else "sqlite_autoindex_dyad_counts_1"
        sql = (f"SELECT {_COLUMNS} FROM dyad_counts k INDEXED BY {index}"
               f" WHERE {' AND '.join([*self.where, rows])}"
               " GROUP BY k.month, k.country_a, k.country_b, k.quad_class"
               f" ORDER BY {_ORDER} LIMIT ?")
        return sql, [*self.params, *params, limit]

    def dated(self, limit: int) -> tuple[str, list[object]]:
        """Every row (those of a month, newest first, then those of none), up to ``limit``."""
        return self._select(*self.rows(), limit)

    def rows(self) -> tuple[str, list[object]]:
        """The condition on a row ``k`` that the date filters keep, and its parameters: its
        month within theirs, or its days (no month) within theirs (not a row of every date,
        month '*', of the counts that have them: :data:`accord.store.write.COUNTS`)."""
        first, last = self.months
        month = ["k.month NOT IN ('', '*')"] + ["k.month >= ?"] * (first is not None) + \
            ["k.month <= ?"] * (last is not None)
        bounds = [b for b in (first, last) if b is not None]
        undated = self._undated()
        return f"(({' AND '.join(month)}) OR ({undated[0]}))", [*bounds, *undated[1]]

    def parts(self, kept: bool = True) -> list[tuple[str, list[object]]]:
        """The rows the date filters keep (``kept``) or leave out, as conditions that each
        read one range of an index by month (months sort after '' and '*'), with their
        parameters: :meth:`rows` in parts, or what it leaves out of the rows of a month or of
        none."""
        first, last = self.months
        undated, days = self._undated()
        if kept:
            month = ["k.month >= ?" if first is not None else "k.month > '*'"]
            month += ["k.month <= ?"] * (last is not None)
            bounds: list[object] = [b for b in (first, last) if b is not None]
            return [(" AND ".join(month), bounds), (undated, days)]
        out: list[tuple[str, list[object]]] = []
        if first is not None:
            out.append(("k.month > '*' AND k.month < ?", [first]))
        if last is not None:
            out.append(("k.month > ?", [last]))
        return [*out, (f"k.month = '' AND NOT ({undated})", days)]

    def window(self, start: str, end: str, limit: int) -> tuple[str, list[object]]:
        """The rows of the months ``start`` to ``end``, up to ``limit``."""
        return self._select("k.month BETWEEN ? AND ?", [start, end], limit)

    def undated(self, limit: int) -> tuple[str, list[object]]:
        """The rows of no month the date filters keep, up to ``limit``."""
        rows, params = self._undated()
        return self._select(rows, params, limit)

    def _undated(self) -> tuple[str, list[object]]:
        lo, hi = self.days
        if lo is None and hi is None:
            return "k.month = ''", []
        # an undated event ('') is kept by no date filter
        where = ["k.month = ''", "k.date_lo != ''", "k.date_hi != ''"]
        where += ["k.date_lo >= ?"] * (lo is not None) + ["k.date_hi <= ?"] * (hi is not None)
        return " AND ".join(where), [d for d in (lo, hi) if d is not None]

    def month_range(self, conn: sqlite3.Connection) -> tuple[str | None, str | None]:
        """The first and last months counted for these filters' country, within the date
        filters' months."""
        first, last = (
            conn.execute(f"SELECT {end}(month) FROM dyad_counts WHERE country = ?"
                         " AND month != ''", [self.params[0]]).fetchone()[0]
            for end in ("min", "max")
        )
        return within_months(first, last, self.months)


def within_months(
    first: str | None, last: str | None, months: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The first and last months stored (``first``, ``last``) that the date filters' first and
    last months (``months``, None: open) leave."""
    if first is not None and months[0] is not None:
        first = max(first, months[0])
    if last is not None and months[1] is not None:
        last = min(last, months[1])
    return first, last


_COUNTED = {"country": "k.country = ?", "dyad": "k.country_a = ? AND k.country_b = ?",
            "type": "k.type = ?", "quad_class": "k.quad_class = ?"}


def counted(terms: Sequence[Term], days: tuple[str | None, str | None]) -> DyadCounts | None:
    """How to read the dyads ``terms`` keep on ``dyad_counts``, or None when a filter needs
    more than the counts hold (a name, an actor, words, a document, dates that cut a month).
    ``days``: the first and last day the date filters keep."""
    by_name = {t.name: t for t in terms}
    if any(name not in _COUNTED and name != "dates" for name in by_name):
        return None
    first, last = days
    if (first is not None and not first.endswith("-01")) or (
        last is not None and date_range(last[:7])[1] != last
    ):
        return None
    country = by_name.get("country")
    where, params = ["k.country = ?"], [country.params[0] if country else ""]
    for name in ("dyad", "type", "quad_class"):
        if name in by_name:
            where.append(_COUNTED[name])
            params += by_name[name].params
    months = (first[:7] if first else None, last[:7] if last else None)
    return DyadCounts(where, params, "dyad" in by_name, months, days)
