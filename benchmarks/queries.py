"""``python -m benchmarks --queries``: how fast the store answers at scale.

    python -m benchmarks --queries                      # a synthetic store of 1,000,000 events
    python -m benchmarks --queries --events 100000 --db /tmp/b.db

Builds (or reuses) a synthetic store (:mod:`benchmarks.synthetic`), then times a fixed, seeded set of
realistic queries, several runs each, after one untimed pass that warms the caches:

- the event filters of ``accord events`` (:meth:`accord.store.Store.events`, a page of 50 rows
  as ``--limit 50`` gives), one family per filter (actor name, country, dyad, type, quad class,
  date range, text, registry actor and role), per sort, paging with ``offset`` (shallow and
  deep), and filters combined;
- ``/api/events`` (a page with its total) and ``/api/dyads`` through FastAPI's test client (its
  store connections kept between requests, JSON encoding included), without and with filters;
- the endpoints that count the whole store the same way: ``/api/stats`` (the dashboard's first
  page), ``/api/timeline``, ``/api/network`` (countries and actors), ``/api/places``, without
  and with the filters a dashboard link or an analyst gives (one or two of a country, a dyad, a
  type, a quad class, dates, a registry actor), and ``/api/actors`` (without and with a name,
  country or kind); and the same counts filtered by words or a name, which no count kept ahead
  can answer (a family of its own).

The values come from the store (frequent and rare actors, countries and pairs, words of the
evidence that are common, rare and absent, months, years and open ranges), drawn with the seed.
:func:`run_queries` gives per family the number of timed runs, the 50th and 95th percentiles
and the maximum in milliseconds, the mean number of rows answered, and the 95th percentile of
one more run of each query on a connection opened for it (SQLite's page cache empty: what a
first query costs); a family whose 95th percentile exceeds :data:`TARGET_MS` is flagged. A
benchmark prints figures; nothing here asserts a speed.
"""

from __future__ import annotations

import math
import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from accord.store import Store
from accord.store.query import SORTS, EventQuery

__all__ = ["TARGET_MS", "FamilyTiming", "QueryCase", "percentile", "query_cases", "run_queries"]

TARGET_MS = 50.0
"""The 95th percentile a family should stay under."""

PAGE = 50
_WORDS = ("coopération", "défense", "sécurité maritime", "terrorisme", "réfugiés",
          "cybersécurité", "choléra", "essais nucléaires", "liberté de la presse",
          "éruption volcanique")  # common to rare; the last one is in no evidence


@dataclass(frozen=True, slots=True)
class QueryCase:
    """One query: the fields of an :class:`~accord.store.query.EventQuery` (``path`` empty; a page
    of :data:`PAGE` events) or an API path and its query string parameters (the same names
    and values)."""

    family: str
    params: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    def query(self) -> EventQuery:
        """The store query of a case without ``path``."""
        return EventQuery(limit=PAGE, **self.params)

    def describe(self) -> str:
        if self.path:
            return self.path + ("?" + urlencode(self.params) if self.params else "")
        return "events(" + ", ".join(f"{k}={v!r}" for k, v in self.params.items()) + ")"


@dataclass(frozen=True, slots=True)
class FamilyTiming:
    family: str
    runs: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    rows: float  # mean rows answered per run
    slowest: str  # the query of the slowest run
    fresh_p95_ms: float = 0.0  # each query once more, on a connection opened for it

    @property
    def slow(self) -> bool:
        return self.p95_ms > TARGET_MS


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class _Values:
    """What the queries are drawn from, read from the store."""

    countries: list[str]  # most frequent first
    pairs: list[tuple[str, str]]  # most frequent first
    actors: list[tuple[int, str]]  # registry id and name, most events first
    first: str  # the first and last event days
    last: str


def _values(db: str) -> _Values:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        countries = [str(r[0]) for r in conn.execute(
            "SELECT country FROM event_participants WHERE country IS NOT NULL"
            " GROUP BY country ORDER BY count(*) DESC, country")]
        pairs = [(str(r[0]), str(r[1])) for r in conn.execute(
            "SELECT country_a, country_b FROM event_dyads GROUP BY country_a, country_b"
            " ORDER BY count(*) DESC, country_a, country_b")]
        actors = [(int(r[0]), str(r[1])) for r in conn.execute(
            "SELECT r.id, r.name FROM event_participants p JOIN registry r"
            " ON r.id = p.registry_id GROUP BY r.id ORDER BY count(*) DESC, r.id")]
        first, last = conn.execute(
            "SELECT min(date_lo), max(date_lo) FROM events WHERE date_lo IS NOT NULL"
        ).fetchone()
    finally:
        conn.close()
    if not (countries and pairs and actors and first):
        raise ValueError("the store has too few events to draw queries from")
    return _Values(countries, pairs, actors, str(first), str(last))


class _Draw:
    """Seeded draws of filter values: half among the most frequent, half among all."""

    def __init__(self, values: _Values, seed: int) -> None:
        self.v = values
        self.rng = random.Random(seed)

    def _skewed(self, items: Sequence[Any]) -> Any:
        if self.rng.random() < 0.5:
            return self.rng.choice(items[: max(1, len(items) // 20)])
        return self.rng.choice(items)

    def country(self) -> str:
        return str(self._skewed(self.v.countries))

    def dyad(self) -> str:
        a, b = self._skewed(self.v.pairs)
        return f"{b}-{a}" if self.rng.random() < 0.5 else f"{a}-{b}"

    def actor_id(self) -> int:
        return int(self._skewed(self.v.actors)[0])

    def actor(self) -> str:
        """A name as a user types it: whole, lower case, or its last word."""
        name = str(self._skewed(self.v.actors)[1])
        form = self.rng.random()
        if form < 0.4:
            return name
        if form < 0.7:
            return name.lower()
        return name.split()[-1]

    def type(self) -> str:
        return self.rng.choice(list(_TYPES))

    def text(self) -> str:
        return self.rng.choice(_WORDS)

    def dates(self) -> dict[str, str]:
        """A month, a year, a few months, or an open range."""
        first, last = int(self.v.first[:4]), int(self.v.last[:4])
        year = self.rng.randint(first, last)
        month = self.rng.randint(1, 12)
        shape = self.rng.random()
        if shape < 0.3:
            return {"since": f"{year}-{month:02d}", "until": f"{year}-{month:02d}"}
        if shape < 0.5:
            return {"since": str(year), "until": str(year)}
        if shape < 0.7:
            end = min(12, month + 3)
            return {"since": f"{year}-{month:02d}", "until": f"{year}-{end:02d}"}
        if shape < 0.85:
            return {"since": f"{year}-{month:02d}-01"}
        return {"until": f"{year}-{month:02d}"}

    def any_filters(self) -> dict[str, Any]:
        """One to three filters of any kind."""
        makers: list[Callable[[], dict[str, Any]]] = [
            lambda: {"actor": self.actor()}, lambda: {"country": self.country()},
            lambda: {"dyad": self.dyad()}, lambda: {"type": self.type()},
            lambda: {"quad_class": self.rng.randint(1, 4)}, self.dates,
            lambda: {"text": self.text()}, lambda: {"actor_id": self.actor_id()},
        ]
        out: dict[str, Any] = {}
        for make in self.rng.sample(makers, self.rng.randint(1, 3)):
            out.update(make())
        return out

    def typical_filters(self) -> dict[str, Any]:
        """One or two of the filters a dashboard link or an analyst gives to a count: a
        country, a dyad, a type, a quad class, dates, a registry actor (no words, no name)."""
        makers: list[Callable[[], dict[str, Any]]] = [
            lambda: {"country": self.country()}, lambda: {"dyad": self.dyad()},
            lambda: {"type": self.type()}, lambda: {"quad_class": self.rng.randint(1, 4)},
            self.dates, lambda: {"actor_id": self.actor_id()},
        ]
        out: dict[str, Any] = {}
        for make in self.rng.sample(makers, self.rng.randint(1, 2)):
            out.update(make())
        return out

    def actor_filters(self) -> dict[str, Any]:
        """A filter of ``/api/actors``: a name, a country or a kind, and a page further."""
        shape = self.rng.random()
        if shape < 0.4:
            out: dict[str, Any] = {"name": self.actor()}
        elif shape < 0.7:
            out = {"country": self.country()}
        else:
            out = {"kind": self.rng.choice(("person", "organization", "state"))}
        return {**out, "offset": self.rng.choice((0, 0, 50, 500))}


_TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT")


def query_cases(db: str, seed: int = 0, draws: int = 10) -> list[QueryCase]:
    """The benchmark's queries on the store ``db``: ``draws`` of each family, the same for the
    same store and seed."""
    d = _Draw(_values(db), seed)
    families: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("events", dict),
        *[(f"events sort={s}", lambda s=s: {"sort": s}) for s in SORTS if s != "date"],
        ("events offset ≤ 10,000", lambda: {"offset": d.rng.choice((50, 500, 2000, 10_000))}),
        ("events offset ≥ 100,000", lambda: {"offset": d.rng.choice((100_000, 500_000))}),
        ("events actor", lambda: {"actor": d.actor()}),
        ("events country", lambda: {"country": d.country()}),
        ("events dyad", lambda: {"dyad": d.dyad()}),
        ("events type", lambda: {"type": d.type()}),
        ("events quad_class", lambda: {"quad_class": d.rng.randint(1, 4)}),
        ("events since/until", d.dates),
        ("events text", lambda: {"text": d.text()}),
        ("events actor_id+role", lambda: {"actor_id": d.actor_id(),
                                          "role": d.rng.choice(("actor", "recipient"))}),
        ("events combined", lambda: {**d.any_filters(), "sort": d.rng.choice(list(SORTS)),
                                     "offset": d.rng.choice((0, 0, 50, 200))}),
    ]
    cases = [QueryCase(name, make()) for name, make in families for _ in range(draws)]
    api: list[tuple[str, str, Callable[[], dict[str, Any]]]] = [
        ("/api/events", "/api/events", dict),
        ("/api/events filtered", "/api/events",
         lambda: {**d.any_filters(), "sort": d.rng.choice(list(SORTS)),
                  "offset": d.rng.choice((0, 0, 50, 500))}),
        ("/api/dyads", "/api/dyads", dict),
        ("/api/dyads filtered", "/api/dyads", d.any_filters),
    ]
    cases += [QueryCase(name, make(), path) for name, path, make in api for _ in range(draws)]
    counts: list[tuple[str, str, Callable[[], dict[str, Any]]]] = [
        ("/api/stats", "/api/stats", dict),
        ("/api/timeline", "/api/timeline", dict),
        ("/api/timeline filtered", "/api/timeline", lambda: d.typical_filters()),
        ("/api/network", "/api/network", dict),
        ("/api/network filtered", "/api/network", lambda: d.typical_filters()),
        ("/api/network?level=actor", "/api/network", lambda: {"level": "actor"}),
        ("/api/network?level=actor filtered", "/api/network",
         lambda: {"level": "actor", **d.typical_filters()}),
        ("/api/places", "/api/places", dict),
        ("/api/places filtered", "/api/places", lambda: d.typical_filters()),
        ("/api/actors", "/api/actors", dict),
        ("/api/actors filtered", "/api/actors", d.actor_filters),
        ("counts by words or a name", "", dict),  # path and filters drawn below
    ]
    for name, path, make in counts:
        for _ in range(draws):
            if path:
                cases.append(QueryCase(name, make(), path))
                continue
            where = d.rng.choice(("/api/timeline", "/api/network", "/api/places"))
            cases.append(QueryCase(name, {"text": d.text()} if d.rng.random() < 0.5
                                   else {"actor": d.actor()}, where))
    return cases


def run_queries(
    db: str,
    cases: Sequence[QueryCase],
    repeat: int = 5,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[FamilyTiming]:
    """Time every case ``repeat`` times (in turns, after one untimed pass) on the store ``db``,
    then once more on a connection opened for it (no page of the store in SQLite's cache; the
    system's file cache stays warm); figures per family, in the order the families first
    appear."""
    from fastapi.testclient import TestClient

    from accord.web.api import create_app

    timings: dict[str, list[tuple[float, int, str]]] = {c.family: [] for c in cases}
    fresh: dict[str, list[float]] = {c.family: [] for c in cases}
    total = (repeat + 2) * len(cases)
    done = 0
    app = create_app(db)
    with TestClient(app) as client:

        def run(case: QueryCase, store: Store) -> int:
            if not case.path:
                return len(store.events(case.query()))
            return request(case)

        def request(case: QueryCase) -> int:
            response = client.get(case.path, params=case.params)
            response.raise_for_status()
            body = response.json()
            if isinstance(body, list):
                return len(body)
            for key in ("items", "edges", "timeline"):  # a page, a network, the overview
                if key in body:
                    return len(body[key])
            return 1

        with Store.open(db) as store:
            for turn in range(repeat + 1):
                for case in cases:
                    start = time.perf_counter()
                    rows = run(case, store)
                    elapsed = (time.perf_counter() - start) * 1000
                    if turn:  # the first turn warms the caches
                        timings[case.family].append((elapsed, rows, case.describe()))
                    done += 1
                    if progress is not None:
                        progress(done, total)
        for case in cases:  # the API opens a connection for a request when none is kept
            app.state.pool.close()
            start = time.perf_counter()
            if case.path:
                request(case)
            else:
                with Store.open(db) as own:
                    run(case, own)
            fresh[case.family].append((time.perf_counter() - start) * 1000)
            done += 1
            if progress is not None:
                progress(done, total)
    out = []
    for family, runs in timings.items():
        ms = [t for t, _, _ in runs]
        out.append(FamilyTiming(
            family, len(runs), percentile(ms, 50), percentile(ms, 95), max(ms),
            sum(r for _, r, _ in runs) / len(runs), max(runs)[2], percentile(fresh[family], 95),
        ))
    return out
