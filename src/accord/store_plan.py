"""How an event query reads the store, chosen per query so that a page costs about the same on
a hundred events and on a million.

Two ways to find a page of events (:func:`plan`):

- *scan*: read the index of the page's sort (``SORT_INDEXES``; within the range the date or
  type filters give it) in order and check the other filters row by row, until the page is
  full. Cheap when the filters keep many events: about ``need / fraction kept`` rows read.
- *drive*: enumerate the events one filter keeps through its own index (``Term.ids``: the
  participants of a country, the events of a dyad, the trigram index for words...), check the
  others, sort what is left. Cheap when that filter keeps few events.

The fraction each filter keeps is counted on its index (stopped at :data:`ESTIMATE_CAP`) or,
beyond and for text, tried on the newest :data:`SAMPLE` events; filters are taken as
independent. The plan with the fewest expected row reads wins, and SQLite is told which index to
read (``INDEXED BY`` / ``NOT INDEXED``) rather than left to guess without statistics. Counts
use the same choice with ``need`` the cap of the count; :meth:`Store.dyads` weighs a plan's
driver against reading recent months (``Plan.expected``).
"""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from accord.store_filters import SORT_INDEXES, Term

__all__ = ["ESTIMATE_CAP", "SAMPLE", "Plan", "count_query", "page_query", "plan"]

ESTIMATE_CAP = 50_000
"""A filter's index is counted up to this many rows (a few milliseconds at most)."""

SAMPLE = 2_000
"""Newest events a filter is tried on to estimate how many it keeps (when its index cannot
count them cheaply)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """``FROM`` clause and conditions of the events a query reads (alias ``e``)."""

    source: str  # "events e INDEXED BY ..." or "events e NOT INDEXED"
    where: list[str]
    params: list[object]
    driver: str | None  # the filter that enumerates the events, None for a scan
    size: float = 0.0  # the events the driver enumerates (counted or estimated)
    expected: float = math.inf  # the events the filters are expected to keep

    def clause(self) -> str:
        """``FROM`` the events ``WHERE`` the conditions hold."""
        return f"FROM {self.source}" + (" WHERE " + " AND ".join(self.where) if self.where else "")


def _count(conn: sqlite3.Connection, sql: str, params: Sequence[object], cap: int) -> int:
    return int(conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, cap]).fetchone()[0])


_FACTS = "events f INDEXED BY events_facts"  # type, quad class and dates by event id


def _fraction(conn: sqlite3.Connection, term: Term, newest: int) -> float:
    """The fraction of the newest events the term keeps (at least half an event)."""
    source, where = ("events e", term.where) if not term.facts else (_FACTS, term.on_facts("f"))
    row = "f" if term.facts else "e"
    kept = _count(conn, f"SELECT 1 FROM {source} WHERE {row}.id > ? AND {where}",
                  [newest - SAMPLE, *term.params], SAMPLE)  # fmt: skip
    return max(kept, 0.5) / min(SAMPLE, newest)


def _joint(conn: sqlite3.Connection, terms: Sequence[Term], newest: int) -> float:
    """The fraction of the newest events all ``terms`` keep together (at least half an
    event): filters that go together (a type and its quad class) are not independent."""
    rows = "" if all(t.facts or not t.column for t in terms) else \
        " CROSS JOIN events e ON e.id = f.id"  # fmt: skip
    where = [t.on_facts("f") if t.facts else t.on("f.id") if not t.column else t.where
             for t in terms]  # fmt: skip
    kept = _count(conn, f"SELECT 1 FROM {_FACTS}{rows} WHERE f.id > ? AND {' AND '.join(where)}",
                  [newest - SAMPLE, *(p for t in terms for p in t.params)], SAMPLE)  # fmt: skip
    return max(kept, 0.5) / min(SAMPLE, newest)


def _weight(term: Term) -> int:
    """How costly a term is to check on a row: a column, a lookup, the text (read last)."""
    return 2 if term.name == "text" else 0 if term.column else 1


def plan(conn: sqlite3.Connection, terms: Sequence[Term], sort: str | None, need: int) -> Plan:
    """The cheaper way to find the first ``need`` events that ``terms`` keep, in ``sort``
    order (any order if None, as for a count)."""
    terms = sorted(terms, key=_weight)  # SQLite checks the conditions in the order given
    ranged = [t for t in terms if sort in t.ranges]
    others = [t for t in terms if sort not in t.ranges]

    def scan() -> Plan:
        bounds = [t.ranges[sort] for t in ranged if sort is not None]
        where = [sql for sql, _ in bounds]
        params = [p for _, values in bounds for p in values] + [p for t in terms for p in t.params]
        source = f"events e INDEXED BY {SORT_INDEXES[sort or 'date']}"
        if not any(t.facts for t in terms):
            return Plan(source, where + [t.where for t in terms], params, None)
        # the type, quad class and dates on the facts index first, then the participants, the
        # event's row last (SQLite checks a condition as soon as the tables it names are read:
        # naming f too keeps the text for after f)
        where += [t.on_facts("f") if t.facts else t.on("f.id") if not t.column
                  else f"({t.where}) * (f.id IS NOT NULL)" for t in terms]  # fmt: skip
        if sort is None:  # any order: the facts index itself, the event's row if needed
            rows = "" if all(t.facts or not t.column for t in terms) else \
                " CROSS JOIN events e ON e.id = f.id"  # fmt: skip
            return Plan(_FACTS + rows, where, params, None)
        return Plan(f"{source} CROSS JOIN {_FACTS} ON f.id = e.id", where, params, None)

    if not others:
        return scan()
    newest = int(conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])
    if newest == 0:
        return scan()
    sizes: dict[str, float] = {}  # events each filter keeps: counted on its index, or estimated
    kept = 1.0
    for term in terms:
        counted = None
        if term.ids is not None and term.name != "text":
            counted = _count(conn, term.ids, term.ids_params, ESTIMATE_CAP)
            if counted < ESTIMATE_CAP:
                sizes[term.name] = counted
        if term in others:
            if term.name not in sizes:  # many, or hard to count: tried on the newest events
                share = _fraction(conn, term, newest)
                if term.ids is not None:  # at least what its index counted
                    sizes[term.name] = max(share * newest, counted or 0)
            else:
                share = max(sizes[term.name], 0.5) / newest
            kept *= share
    if len(others) > 1:
        kept = _joint(conn, others, newest)
    best_cost: float = min(newest, math.ceil(need / kept)) * (1 + len(others))
    per_row = 2 + len(terms) - 1  # read the row, check the others, sort
    driver: Term | None = None
    for term in terms:
        if term.name in sizes and term.ids is not None:
            if term.name == "text" and sizes[term.name] * per_row < best_cost:
                cap = math.ceil(best_cost / per_row)  # count it, not further than could win
                sizes[term.name] = _count(conn, term.ids, term.ids_params, cap)
            if sizes[term.name] * per_row < best_cost:
                best_cost, driver = sizes[term.name] * per_row, term
    expected = kept * newest * math.prod(sizes[t.name] / newest for t in ranged
                                         if t.name in sizes)  # fmt: skip
    if driver is None:
        return dataclasses.replace(scan(), expected=expected)
    rest = [t for t in terms if t is not driver or t.name == "text"]  # words: also checked
    where = [f"e.id IN ({driver.ids})"] + [t.where for t in rest]
    params = [*driver.ids_params] + [p for t in rest for p in t.params]
    return Plan("events e NOT INDEXED", where, params, driver.name, sizes[driver.name], expected)


_DOCUMENT = (
    "d.path AS doc_path, d.title AS doc_title, d.published AS doc_published, d.url AS doc_url,"
    " d.source AS doc_source"
)


def page_query(chosen: Plan, order: str) -> str:
    """A page of events and their documents (``LIMIT ? OFFSET ?`` follow the plan's
    parameters): the ids are paged on the plan's index alone, then the page's rows are read."""
    return (
        f"WITH page AS MATERIALIZED (SELECT e.id {chosen.clause()} ORDER BY {order}"
        f" LIMIT ? OFFSET ?) SELECT e.*, {_DOCUMENT} FROM page CROSS JOIN events e"
        f" ON e.id = page.id CROSS JOIN documents d ON d.id = e.doc_id ORDER BY {order}"
    )


def count_query(chosen: Plan) -> str:
    """How many events the plan keeps, up to the last parameter (``LIMIT ?``)."""
    return f"SELECT count(*) FROM (SELECT 1 {chosen.clause()} LIMIT ?)"
