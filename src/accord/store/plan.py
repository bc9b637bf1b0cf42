"""How an event query reads the store, chosen per query so that a page costs about the same on
a hundred events and on a million.

Four ways to find a page of events (:func:`plan`):

- *scan*: read the index of the page's sort (``SORT_INDEXES``; within the range the date or
  type filters give it) in order and check the other filters row by row, until the page is
  full. The type, quad class and dates are on that index; an event's row, participants or
  dyads are read only for the filters that need them. Cheap when the filters keep many events:
  about ``need / fraction kept`` index entries read.
- *kinds*: with a type or quad class filter, read the same order within each kind (type and
  quad class, ``KIND_INDEXES``) the filters keep, the first ``need`` of each, and merge them.
  Cheap whatever the kinds' place in the sort's order (a quad class of low intensity sorted by
  intensity, a type and a quad class no event has together).

  A scan or the kinds may also list one filter's events first into a set that each entry is
  checked against (cheaper than a seek per entry when that filter's index lists its events
  in id order).
- *drive*: enumerate the events one filter keeps through its own index (``Term.ids``: the
  participants of a country, the events of a dyad, the trigram index for words...), check the
  others, sort what is left. Cheap when that filter keeps few events.
- *intersection*: the same with two such filters, both lists sorted by id (if their index
  does not list them so already) and merged before any row is read. Cheap when each keeps many
  events and the two together few (a common name and a common phrase).

A drive or an intersection reads the same way within a range of event ids (``Plan.part``), so
a costly one can be split in two and both halves read at once (:mod:`accord.store.split`).

How many events each kind has is known (``event_kinds``); the fraction each other filter keeps
is counted on its index (stopped at :data:`ESTIMATE_CAP`) or, beyond and for text, tried on the
newest :data:`SAMPLE` events; filters are taken as independent. The plan of the lowest
expected cost (in microseconds, see :data:`ENTRY`) wins, and SQLite is told which index to read
(``INDEXED BY`` / ``NOT INDEXED``) rather than left to guess without statistics. Counts use
the same choice with ``need`` the cap of the count; :meth:`Store.dyads` weighs a plan's driver
against reading recent months (``Plan.expected``).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accord.store.filters import EVENT_SORTS, KIND_INDEXES, SORT_INDEXES, Term

__all__ = [
    "ENTRY", "ESTIMATE_CAP", "ROW", "SAMPLE", "SEEK", "Estimates", "Plan", "candidates",
    "count_query", "estimate", "kept", "page_query", "plan",
]

ESTIMATE_CAP = 10_000
"""A filter's index is counted up to this many rows (a few milliseconds at most)."""

SAMPLE = 2_000
"""Newest events a filter is tried on to estimate how many it keeps (when its index cannot
count them cheaply)."""

ENTRY = 0.07
"""The cost of reading the next entry of an index, in microseconds (the unit of a plan's cost,
measured on a million events; what counts is how the plans compare)."""
SEEK = 1.0
"""Finding an event's participants or dyads by its id, for an entry of an index (in no order)."""
ROW = 1.5
"""Reading an event's row for an entry of an index (in no order) and checking its words."""
_DRIVEN = 0.45  # an event a driver enumerates: its row read (in id order)
_DRIVEN_CHECK = 0.3  # a participant or dyad filter checked on it (in id order too)
_TRIGRAMS = 0.15  # an event listed by the trigram index
_SORT = 0.2  # sorting an event a driver enumerates, or an arm of kinds returns
_PROBE = 0.4  # an entry checked against a set of events (an in-memory b-tree)
_UNORDERED = 0.25  # an event listed into a set out of id order (in order: next to nothing)
_SORTED = 0.25  # an event a filter lists out of id order, sorted to merge with another's
_ARM = 5.0  # starting one arm of a kinds plan


@dataclass(frozen=True, slots=True)
class Plan:
    """``FROM`` clause and conditions of the events a query reads (alias ``e``)."""

    source: str  # "events e INDEXED BY ...", "events e NOT INDEXED", or "(arms...) e"
    where: list[str]
    params: list[object]
    driver: str | None  # the filter that enumerates the events ("a and b": two, merged), None for a scan
    size: float = 0.0  # the events whose rows the driver reads (counted or estimated)
    expected: float = math.inf  # the events the filters are expected to keep
    cost: float = 0.0  # expected, in microseconds (see ENTRY)
    # the same plan over the events of ids ``first`` to ``last`` only (a drive's, to split it)
    part: Callable[[int, int], Plan] | None = dataclasses.field(default=None, compare=False)

    @property
    def empty(self) -> bool:
        """Whether the plan knows that no event is kept (a kind no event has)."""
        return self.where == ["0"]

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
                  [newest - SAMPLE, *term.params], SAMPLE)
    return max(kept, 0.5) / min(SAMPLE, newest)


def _joint(conn: sqlite3.Connection, terms: Sequence[Term], newest: int) -> float:
    """The fraction of the newest events all ``terms`` keep together (at least half an
    event): filters that go together (a text and a country) are not independent."""
    rows = "" if all(t.facts or not t.column for t in terms) else \
        " CROSS JOIN events e ON e.id = f.id"
    where = [t.on_facts("f") if t.facts else t.on("f.id") if not t.column else t.where
             for t in terms]
    kept = _count(conn, f"SELECT 1 FROM {_FACTS}{rows} WHERE f.id > ? AND {' AND '.join(where)}",
                  [newest - SAMPLE, *(p for t in terms for p in t.params)], SAMPLE)
    return max(kept, 0.5) / min(SAMPLE, newest)


def _bounds(terms: Sequence[Term], key: str) -> tuple[list[str], list[object]]:
    """The conditions on the index key of the sort ``key`` that ``terms`` imply, and their
    parameters (the range of the index a plan reads)."""
    ranges = [t.ranges[key] for t in terms if key in t.ranges]
    return [sql for sql, _ in ranges], [p for _, values in ranges for p in values]


def _leading(conn: sqlite3.Connection, terms: Sequence[Term], sort: str | None) -> float:
    """The fraction of the first :data:`SAMPLE` entries of the scan of ``sort`` (in the range
    the terms give it) that the type, quad class and date filters keep, read on the index alone
    (at least half an entry): what a scan reads is where it starts, and a sort can go with a
    kind (intensity with a type)."""
    key = sort or "date"
    bounds, values = _bounds(terms, key)
    facts = [t for t in terms if t.facts]
    where = " AND ".join(t.where for t in facts) or "1"
    within = " WHERE " + " AND ".join(bounds) if bounds else ""
    read, kept = conn.execute(
        f"SELECT count(*), total(ok) FROM (SELECT ({where}) AS ok"
        f" FROM events e INDEXED BY {SORT_INDEXES[key]}{within}"
        f" ORDER BY {EVENT_SORTS[key].format(a='e')} LIMIT ?)",
        [*(p for t in facts for p in t.params), *values, SAMPLE],
    ).fetchone()
    return max(float(kept), 0.5) / max(int(read), 1)


def _weight(term: Term) -> int:
    """How costly a term is to check on a row: on the index, a lookup, the text (read last)."""
    return 3 if term.name == "text" else 0 if term.facts else 1 if not term.column else 2


def _checks(terms: Sequence[Term]) -> float:
    """What checking ``terms`` costs on an entry of an index that passed the type, quad class
    and dates: a seek per participant or dyad filter, the event's row for the others (text,
    document)."""
    seeks = sum(1 for t in terms if not t.column)
    return SEEK * seeks + ROW * any(t.column and not t.facts for t in terms)


Kind = tuple[str, "int | None", "float | None", int]  # type, quad class, intensity, events
_BY_INTENSITY = {"intensity": "coalesce(e.intensity, 99) = ?",
                 "-intensity": "coalesce(e.intensity, -99) = ?"}


def _kinds(conn: sqlite3.Connection, terms: Sequence[Term]) -> list[Kind]:
    """The kinds the type and quad class filters keep (every kind without such a filter),
    with their events."""
    chosen = [t for t in terms if t.kind]
    where = " AND ".join([*(t.where.replace("e.", "k.") for t in chosen), "events > 0"])
    rows = conn.execute(f"SELECT type, quad_class, intensity, events FROM event_kinds k"
                        f" WHERE {where} ORDER BY type, quad_class, intensity",
                        [p for t in chosen for p in t.params])
    return [(str(r[0]), int(r[1]) or None, None if r[2] == 99 else float(r[2]), int(r[3]))
            for r in rows]


def _arm_kinds(kinds: Sequence[Kind], sort: str | None) -> list[Kind]:
    """The kinds of the arms of ``sort``: with their intensity for the intensity sorts (each
    arm then in date order), else each type and quad class once."""
    if sort in _BY_INTENSITY:
        return list(kinds)
    merged: dict[tuple[str, int | None], int] = {}
    for type_, quad, _, n in kinds:
        merged[type_, quad] = merged.get((type_, quad), 0) + n
    return [(type_, quad, None, n) for (type_, quad), n in merged.items()]


def _arm_key(sort: str | None) -> str:
    """The sort whose ranges apply within an arm: the dates, newest first for ``-date``."""
    return "-date" if sort == "-date" else "date"


def _arms(
    kinds: Sequence[Kind], terms: Sequence[Term], sort: str | None, need: int,
    listed: Term | None = None,
) -> Plan:
    """The kinds plan: the first ``need`` events of each kind (:func:`_arm_kinds`) that
    ``terms`` (no type or quad class filter) keep, in ``sort`` order, on the kind's range of
    its index; the events ``listed`` keeps listed into a set (once per arm) that each entry is
    checked against after the dates (as :func:`_scan` does)."""
    key = _arm_key(sort)
    bounds, values = _bounds(terms, key)
    facts = [t for t in terms if t.facts]
    where = bounds + [t.where for t in facts]
    values += [p for t in facts for p in t.params]
    if listed is not None and listed.ids is not None:
        where.append(f"e.id IN ({listed.ids})")
        values += listed.ids_params
    rest = [t for t in terms if not t.facts and (t is not listed or t.name == "text")]
    where += [t.where for t in rest]
    values += [p for t in rest for p in t.params]
    kind = ["e.type = ?", "e.quad_class IS ?"]
    intensity = "NULL AS intensity"
    by_intensity = sort in _BY_INTENSITY
    if by_intensity:
        kind.append(_BY_INTENSITY[str(sort)])
        intensity = "e.intensity"
    # within an arm the kind is fixed: its events in date order (newest first for -date)
    order = f" ORDER BY {EVENT_SORTS[key].format(a='e')}" if sort else ""
    arm = (f"SELECT * FROM (SELECT e.id, e.type, e.date_lo, {intensity}"
           f" FROM events e INDEXED BY {KIND_INDEXES[sort or 'date']}"
           f" WHERE {' AND '.join([*kind, *where])}{order} LIMIT ?)")
    none = -99.0 if sort == "-intensity" else 99.0  # no intensity, in the index
    arms = _arm_kinds(kinds, sort)
    params: list[object] = []
    for type_, quad, level, _ in arms:
        params += [type_, quad, *([none if level is None else level] if by_intensity else []),
                   *values, need]
    return Plan(f"({' UNION ALL '.join([arm] * len(arms))}) e", [], params, None)


def _scan(terms: Sequence[Term], sort: str | None, listed: Term | None = None) -> Plan:
    """The scan plan: the sort's index (the date's for a count) in the range the terms give
    it, every term checked on each entry; the events ``listed`` keeps listed first into a set
    (once per query) that each entry is checked against before the others (the words are
    still checked: the trigrams list a superset)."""
    key = sort or "date"
    bounds, params = _bounds(terms, key)
    facts = [t for t in terms if t.facts]  # on the index: before the set
    where = list(bounds) + [t.where for t in facts]
    params += [p for t in facts for p in t.params]
    if listed is not None and listed.ids is not None:
        where.append(f"e.id IN ({listed.ids})")
        params += listed.ids_params
    rest = [t for t in terms if not t.facts and (t is not listed or t.name == "text")]
    params += [p for t in rest for p in t.params]
    return Plan(f"events e INDEXED BY {SORT_INDEXES[key]}", where + [t.where for t in rest],
                params, None)


@dataclass(slots=True)
class Estimates:
    """What :func:`plan` knows of some filters, measured once for the plans of one query
    (a page and its count)."""

    terms: list[Term]  # in the order they are checked
    newest: int  # the largest event id (the events, about)
    kinds: list[Kind]  # those the type and quad class filters keep (all without)
    sizes: dict[str, float]  # events a filter with an index keeps: counted, or estimated
    shares: dict[str, float]  # the fraction of the events each filter keeps
    joint: dict[tuple[str, ...], float] = dataclasses.field(default_factory=dict)

    @property
    def kind_share(self) -> float:
        return sum(n for *_, n in self.kinds) / self.newest if self.newest else 0.0


def estimate(conn: sqlite3.Connection, terms: Sequence[Term]) -> Estimates:
    """How many events each of ``terms`` keeps (see the module docstring)."""
    ordered = sorted(terms, key=_weight)  # SQLite checks the conditions in the order given
    newest = int(conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])
    found = Estimates(ordered, newest, _kinds(conn, ordered), {}, {})
    for term in ordered:
        if term.kind or newest == 0:
            continue  # the kinds are counted
        counted = None
        if term.ids is not None and term.name != "text":
            counted = _count(conn, term.ids, term.ids_params, ESTIMATE_CAP)
            if counted < ESTIMATE_CAP:
                found.sizes[term.name] = counted
        if term.name in found.sizes:
            found.shares[term.name] = max(found.sizes[term.name], 0.5) / newest
        else:  # many, or hard to count: tried on the newest events
            found.shares[term.name] = _fraction(conn, term, newest)
            if term.ids is not None:  # at least what its index counted
                found.sizes[term.name] = max(found.shares[term.name] * newest, counted or 0)
    return found


def _kept(conn: sqlite3.Connection, found: Estimates, chosen: Sequence[Term]) -> float:
    """The fraction of the events ``chosen`` keep: the kinds exactly, the others together on
    the newest events when there are several (a text and a country are not independent)."""
    rest = [t for t in chosen if not t.kind]
    share = found.kind_share if len(rest) < len(chosen) else 1.0
    if len(rest) < 2:
        return share * math.prod(found.shares.get(t.name, 1.0) for t in rest)
    names = tuple(sorted(t.name for t in rest))
    if names not in found.joint:
        found.joint[names] = _joint(conn, rest, found.newest)
    return share * found.joint[names]


def candidates(
    conn: sqlite3.Connection, terms: Sequence[Term], sort: str | None, need: int,
    found: Estimates | None = None, ceiling: float = math.inf,
) -> list[Plan]:
    """The ways to find the first ``need`` events that ``terms`` keep, in ``sort`` order (any
    order if None, as for a count), each with its expected cost: a scan, the kinds, a drive
    by each filter that can enumerate its events, or by two (a text only when it could win,
    against the others and ``ceiling``, the cost of the caller's own way); ``found``: the
    filters' :func:`estimate`, if made. Every plan reads the same events."""
    found = estimate(conn, terms) if found is None else found
    terms, kinds = found.terms, found.kinds
    if not kinds and found.newest:  # no event has the type and quad class asked for
        return [Plan("events e", ["0"], [], None, 0.0, 0.0, 0.0)]
    key = sort or "date"
    ranged = [t for t in terms if key in t.ranges]
    others = [t for t in terms if key not in t.ranges]
    if not others or found.newest == 0:
        return [_scan(terms, sort)]
    expected = kept(conn, found)
    # scan: the sort's index within the ranges, every other filter checked (those on the index
    # as they are where the scan starts)
    start = _leading(conn, terms, sort) if any(t.facts for t in others) else 1.0
    others_kept = start * _kept(conn, found, [t for t in others if not t.facts])
    within = math.prod(found.shares.get(t.name, 1.0) for t in ranged if not t.kind)
    if any(t.kind for t in ranged):
        within *= found.kind_share
    rows = min(found.newest * within, need / others_kept)
    cost = rows * (ENTRY + start * _checks(others))
    out = [dataclasses.replace(_scan(terms, sort), expected=expected, cost=cost)]
    # the same scan, one filter's events listed first (a set each entry is checked against)
    for term in others:
        if term.ids is None or term.name not in found.sizes:
            continue
        rest = [t for t in others if t is not term or t.name == "text"]
        per_row = _PROBE + found.shares[term.name] * _checks(rest)
        cost = (ENTRY + _enumerated(term)) * found.sizes[term.name] + \
            rows * (ENTRY + start * per_row)
        out.append(dataclasses.replace(_scan(terms, sort, term), expected=expected, cost=cost))
    # kinds: the same order within each kind
    rest = [t for t in terms if not t.kind]
    rest_others = [t for t in rest if _arm_key(sort) not in t.ranges]
    within = math.prod(found.shares.get(t.name, 1.0) for t in rest if t not in rest_others)
    rest_kept = _kept(conn, found, rest_others)
    per_row = ENTRY + _kept(conn, found, [t for t in rest_others if t.facts]) * _checks(rest_others)
    cost = sum(_ARM + min(n * within, need / rest_kept) * per_row
               + _SORT * min(n * within * rest_kept, need) for *_, n in _arm_kinds(kinds, sort))
    out.append(dataclasses.replace(_arms(kinds, rest, sort, need), expected=expected, cost=cost))
    # the same, one filter's events listed first (a set each entry is checked against)
    arms = _arm_kinds(kinds, sort)
    facts_kept = _kept(conn, found, [t for t in rest_others if t.facts])
    for term in rest_others:
        if term.ids is None or term.name not in found.sizes:
            continue
        others = [t for t in rest_others if t is not term or t.name == "text"]
        per_row = ENTRY + facts_kept * (_PROBE + found.shares[term.name] * _checks(others))
        listing = (ENTRY + _enumerated(term)) * found.sizes[term.name]
        cost = sum(_ARM + listing + min(n * within, need / rest_kept) * per_row
                   + _SORT * min(n * within * rest_kept, need) for *_, n in arms)
        out.append(dataclasses.replace(_arms(kinds, rest, sort, need, term), expected=expected,
                                       cost=cost))
    # drive: the events one filter enumerates (or two, :func:`_intersections`), each read and
    # checked, then sorted; the words last (counted, not further than could win)
    listed = [t for t in terms if t.ids is not None and t.name in found.sizes]
    for term in listed:
        if term.name != "text":
            out += _drive(conn, found, term, sort, need, expected, math.inf)
    out += _intersections(conn, found, listed, sort, need, expected,
                          min(p.cost for p in out))
    for term in listed:
        if term.name == "text":
            best = min(ceiling, *(p.cost for p in out))
            out += _drive(conn, found, term, sort, need, expected, best)
    return out


def _drive(
    conn: sqlite3.Connection, found: Estimates, term: Term, sort: str | None, need: int,
    expected: float, best: float,
) -> list[Plan]:
    """The plan that drives by ``term``'s events: listed into a set, then their rows read and
    checked and sorted; in no order (a count), only until ``need`` are kept, and, if ``term``
    lists each event once, read as they come (the filters on participants and dyads checked
    before the row), no set made. For the words, none unless it could cost less than ``best``
    within two standard errors of their sampled share (their events are then counted, up to
    what could win, unless read as they come)."""
    terms = found.terms
    size = found.sizes[term.name]
    seeks = sum(1 for t in terms if t is not term and not t.column)  # columns: on the row
    read = 1.0 if sort is not None else min(1.0, need / max(expected, 0.5))
    stream = read < 1.0 and term.unique
    row = _DRIVEN + _SORT * (sort is not None) + _DRIVEN_CHECK * seeks
    each = read * (ENTRY + _TRIGRAMS * (term.name == "text") + row) if stream else \
        ENTRY + _enumerated(term) + read * row
    if term.name == "text":  # the estimate is off by about 1/sqrt(the events sampled kept)
        sampled = found.shares[term.name] * min(SAMPLE, found.newest)
        if size * each >= (1 + 2 / math.sqrt(max(sampled, 0.5))) * best:
            return []
    if term.name == "text" and not stream:  # (as they come, their number matters less)
        cap = math.ceil(best / each)
        counted = _count(conn, str(term.ids), term.ids_params, cap)
        size = found.sizes[term.name] = counted if counted < cap else max(counted, size)
    checked = [t for t in terms if t is not term or t.name == "text"]  # words: also checked
    params = [p for t in checked for p in t.params]

    def drive(listed: Term) -> Plan:
        if stream:  # the participants and dyads on the listed id, before the row is read
            where = [t.where if t.column else t.on("x.id") for t in checked]
            return Plan(f"({listed.ids}) x CROSS JOIN events e ON e.id = x.id", where,
                        [*listed.ids_params, *params], term.name, size * read, expected,
                        size * each)
        return Plan(
            "events e NOT INDEXED", [f"e.id IN ({listed.ids})", *(t.where for t in checked)],
            [*listed.ids_params, *params], term.name, size, expected, size * each,
        )

    return [dataclasses.replace(drive(term), part=lambda a, b: drive(term.between(a, b)))]


def _enumerated(term: Term) -> float:
    """Listing an event a filter enumerates into a set, beyond reading its index entry."""
    return _TRIGRAMS * (term.name == "text") + _UNORDERED * (not term.ordered)


def _intersections(
    conn: sqlite3.Connection, found: Estimates, listed: list[Term], sort: str | None, need: int,
    expected: float, best: float,
) -> list[Plan]:
    """The plans that drive by two filters that enumerate their events: both lists sorted by
    id (if not already) and merged, the rows read only for the events both keep, in id order
    (cheap when each keeps many events and the two few together: a name and a phrase); in no
    order (a count), only until ``need`` are kept. Those that cannot cost less than ``best``
    are not made, nor their events together estimated."""
    terms = found.terms
    out = []
    read = 1.0 if sort is not None else min(1.0, need / max(expected, 0.5))
    for a, b in itertools.combinations(listed, 2):
        # a list out of id order is sorted whole; one in id order read as far as the merge goes
        lists = sum(found.sizes[t.name] * (
            (ENTRY + _TRIGRAMS * (t.name == "text")) * (read if t.ordered else 1.0)
            + _SORTED * (not t.ordered)) for t in (a, b))
        if lists >= best:
            continue
        both = found.newest * _kept(conn, found, [a, b])
        seeks = sum(1 for t in terms if t not in (a, b) and not t.column)
        cost = lists + both * read * (_DRIVEN + _SORT * (sort is not None) + _DRIVEN_CHECK * seeks)
        checked = [t for t in terms if t not in (a, b) or t.name == "text"]  # words too
        out.append(_merged(a, b, checked, both * read, expected, cost))
        best = min(best, cost)
    return out


def _merged(
    a: Term, b: Term, checked: list[Term], size: float, expected: float, cost: float,
    ranged: bool = False,
) -> Plan:
    """The plan of :func:`_intersections` that merges ``a``'s and ``b``'s lists, ``checked``
    checked on the events both keep (and its ``part``, unless ``ranged``: a part already)."""
    # (a limit keeps the order, and with it the merge, that SQLite drops from a subquery)
    ids = f"WITH a AS ({a.ids}), b AS ({b.ids}) SELECT id FROM a INTERSECT SELECT id FROM b" \
        " ORDER BY 1 LIMIT -1"
    merged = Plan(
        f"({ids}) x CROSS JOIN events e ON e.id = x.id",
        [t.where if t.column else t.on("x.id") for t in checked],
        [*a.ids_params, *b.ids_params, *(p for t in checked for p in t.params)],
        f"{a.name} and {b.name}", size, expected, cost,
    )
    if ranged:
        return merged
    return dataclasses.replace(merged, part=lambda first, last: _merged(
        a.between(first, last), b.between(first, last), checked, size, expected, cost, True))


def plan(
    conn: sqlite3.Connection, terms: Sequence[Term], sort: str | None, need: int,
    found: Estimates | None = None, ceiling: float = math.inf,
) -> Plan:
    """The cheapest of the :func:`candidates` (the first of equal costs)."""
    return min(candidates(conn, terms, sort, need, found, ceiling), key=lambda p: p.cost)


def kept(conn: sqlite3.Connection, found: Estimates) -> float:
    """How many events all the filters keep, about (see :func:`estimate`)."""
    return found.newest * _kept(conn, found, found.terms)


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
