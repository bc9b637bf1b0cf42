"""How an event query reads the store, chosen per query so that a page costs about the same on
a hundred events and on a million.

Two ways to find a page of events (:func:`plan`):

- *scan*: read the index of the page's sort (``SORT_INDEXES``; within the range the date or
  type filters give it) in order and check the other filters row by row, until the page is
  full. Cheap when the filters keep many events: about ``need / fraction kept`` rows read.
- *drive*: enumerate the events one filter keeps through its own index (``Term.ids``: the
  participants of a country, the events of a dyad, the trigram index for words...), check the
  others, sort what is left. Cheap when that filter keeps few events.

The fraction each filter keeps is estimated from its index (a count stopped at
:data:`ESTIMATE_CAP`) or, for text, from the newest :data:`SAMPLE` events; filters are taken as
independent. The plan with the fewest expected row reads wins, and SQLite is told which index to
read (``INDEXED BY`` / ``NOT INDEXED``) rather than left to guess without statistics. Counts
use the same choice with ``need`` the cap of the count.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from accord.store_filters import SORT_INDEXES, Term

__all__ = ["ESTIMATE_CAP", "SAMPLE", "Plan", "count_query", "page_query", "plan"]

ESTIMATE_CAP = 50_000
"""A filter's index is counted up to this many rows (a few milliseconds at most)."""

SAMPLE = 2_000
"""Newest events a text filter is tried on to estimate how many it keeps."""


@dataclass(frozen=True, slots=True)
class Plan:
    """``FROM`` clause and conditions of the events a query reads (alias ``e``)."""

    source: str  # "events e INDEXED BY ..." or "events e NOT INDEXED"
    where: list[str]
    params: list[object]
    driver: str | None  # the filter that enumerates the events, None for a scan

    def clause(self, join: str = "") -> str:
        """``FROM`` the events (and ``join``) ``WHERE`` the conditions hold."""
        return f"FROM {self.source}{join}" + (
            " WHERE " + " AND ".join(self.where) if self.where else ""
        )


def _count(conn: sqlite3.Connection, sql: str, params: Sequence[object], cap: int) -> int:
    return int(conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, cap]).fetchone()[0])


def _fraction(conn: sqlite3.Connection, term: Term, newest: int) -> float:
    """The fraction of the newest events the term keeps (at least half an event)."""
    kept = _count(conn, f"SELECT 1 FROM events e WHERE e.id > ? AND {term.where}",
                  [newest - SAMPLE, *term.params], SAMPLE)  # fmt: skip
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
        where = [sql for sql, _ in bounds] + [t.where for t in terms]
        params = [p for _, values in bounds for p in values] + [p for t in terms for p in t.params]
        return Plan(f"events e INDEXED BY {SORT_INDEXES[sort or 'date']}", where, params, None)

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
    best_cost: float = min(newest, math.ceil(need / kept)) * (1 + len(others))
    per_row = 2 + len(terms) - 1  # read the row, check the others, sort
    driver: Term | None = None
    for term in terms:
        if term.name in sizes and term.ids is not None:
            cost: float = sizes[term.name] * per_row
            if term.name == "text" and cost < best_cost:  # count it, not further than could win
                cap = math.ceil(best_cost / per_row)
                cost = _count(conn, term.ids, term.ids_params, cap) * per_row
            if cost < best_cost:
                best_cost, driver = cost, term
    if driver is None:
        return scan()
    rest = [t for t in terms if t is not driver or t.name == "text"]  # words: also checked
    where = [f"e.id IN ({driver.ids})"] + [t.where for t in rest]
    params = [*driver.ids_params] + [p for t in rest for p in t.params]
    return Plan("events e NOT INDEXED", where, params, driver.name)


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
