"""The alternative to the counts kept ahead: DuckDB scanning a copy of the same records.

    python benchmarks/duckdb_counts.py STORE.db COPY.duckdb [--draws 10] [--repeat 3]

Copies what the counting endpoints read from an accord store (events with their month, kind,
place and normalised text; participants; dyads; document actors; the registry and its names)
into a DuckDB file (DuckDB's SQLite reader is an extension it downloads, so the rows go through
Python and Arrow), then answers the aggregate families of ``accord bench --queries``
(``benchmarks.queries.query_cases``: the same draws) with DuckDB SQL over that copy and
prints p50/p95 per family, as ``accord bench --queries`` does for the store. The answers are
checked against the store's on the first draw of each family (timeline rows, top edges and
places, the overview's counts).

A measurement, not a product: it keeps no copy up to date.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from accord.text import normalize_name

from accord.store import Store
from accord.store.query import EventQuery
from accord.store.write import date_range
from benchmarks.queries import percentile, query_cases

_COPIES = {
    "events": (
        ("SELECT id, doc_id, type, quad_class, intensity, date_lo, date_hi, CASE WHEN"
         " substr(date_lo, 1, 7) = substr(date_hi, 1, 7) THEN substr(date_lo, 1, 7) END,"
         " place_name, place_country, place_lat, place_lon, norm_text FROM events"),
        ["id", "doc_id", "type", "quad_class", "intensity", "date_lo", "date_hi", "month",
         "place_name", "place_country", "place_lat", "place_lon", "norm_text"],
    ),
    "participants": (
        "SELECT event_id, role, registry_id, country, norm_name FROM event_participants",
        ["event_id", "role", "registry_id", "country", "norm_name"],
    ),
    "dyads": ("SELECT event_id, country_a, country_b, quad_class, intensity FROM event_dyads",
              ["event_id", "country_a", "country_b", "quad_class", "intensity"]),
    "doc_actors": ("SELECT doc_id, registry_id FROM doc_actors", ["doc_id", "registry_id"]),
    "registry": ("SELECT id, name, norm_name, kind, country, sector FROM registry",
                 ["id", "name", "norm_name", "kind", "country", "sector"]),
    "registry_names": ("SELECT registry_id, norm_alias FROM registry_names",
                       ["registry_id", "norm_alias"]),
    "documents": ("SELECT id FROM documents", ["id"]),
    "registry_aliases": ("SELECT registry_id FROM registry_aliases", ["registry_id"]),
    "registry_titles": ("SELECT registry_id FROM registry_titles", ["registry_id"]),
    "claims": ("SELECT doc_id FROM claims", ["doc_id"]),
    "statements": ("SELECT doc_id FROM statements", ["doc_id"]),
}


def _table(conn: sqlite3.Connection, sql: str, names: list[str]) -> pa.Table:
    """The rows of ``sql`` as an Arrow table (in memory: a million events fit)."""
    rows = conn.execute(sql).fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pa.table({name: pa.array(column) for name, column in zip(names, columns, strict=True)})


def copy(store: str, target: str) -> float:
    """Copy the rows the counts read from ``store`` into the DuckDB file ``target``; seconds."""
    start = time.perf_counter()
    Path(target).unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    duck = duckdb.connect(target)
    try:
        for table, (sql, names) in _COPIES.items():
            incoming = _table(source, sql, names)
            duck.register("incoming", incoming)
            duck.execute(f"CREATE TABLE {table} AS SELECT * FROM incoming")
            duck.unregister("incoming")
            del incoming
        duck.execute("CHECKPOINT")
    finally:
        duck.close()
        source.close()
    return time.perf_counter() - start


def _where(params: dict[str, Any]) -> tuple[str, list[Any]]:
    """The event filters as conditions on ``e`` (DuckDB SQL) and their parameters."""
    where, values = ["1 = 1"], []
    if "country" in params:
        where.append("e.id IN (SELECT event_id FROM participants WHERE country = ?)")
        values.append(params["country"].upper())
    if "dyad" in params:
        a, b = sorted(c.upper() for c in params["dyad"].split("-"))
        where.append("e.id IN (SELECT event_id FROM dyads WHERE country_a = ? AND country_b = ?)")
        values += [a, b]
    if "type" in params:
        where.append("e.type = ?")
        values.append(params["type"].upper())
    if "quad_class" in params:
        where.append("e.quad_class = ?")
        values.append(int(params["quad_class"]))
    if "since" in params:
        where.append("e.date_lo >= ?")
        values.append(date_range(params["since"])[0])
    if "until" in params:
        where.append("e.date_hi <= ?")
        values.append(date_range(params["until"])[1])
    if "actor_id" in params:
        role = " AND role = ?" if "role" in params else ""
        where.append(f"e.id IN (SELECT event_id FROM participants WHERE registry_id = ?{role})")
        values += [int(params["actor_id"]), *([params["role"]] if role else [])]
    if "text" in params:
        where.append("contains(e.norm_text, ?)")
        values.append(normalize_name(params["text"]))
    if "actor" in params:
        name = normalize_name(params["actor"])
        where.append(
            "e.id IN (SELECT event_id FROM participants WHERE registry_id IN (SELECT registry_id"
            " FROM registry_names WHERE contains(norm_alias, ?)) OR (registry_id IS NULL"
            " AND contains(norm_name, ?)))")
        values += [name, name]
    return " AND ".join(where), values


_COOP = "count(*) FILTER (WHERE e.quad_class IN (1, 2))"
_CONFLICT = "count(*) FILTER (WHERE e.quad_class IN (3, 4))"
_MONTH_ORDER = "1 NULLS LAST, 2 NULLS FIRST"  # as SQLite orders the timeline


def answer(duck: duckdb.DuckDBPyConnection, path: str, params: dict[str, Any]) -> Any:
    """What the endpoint ``path`` answers for ``params``, from the DuckDB copy."""
    filters = {k: v for k, v in params.items() if k not in ("level", "limit", "offset", "name",
                                                             "kind")}
    where, values = _where(filters)
    if path == "/api/timeline":
        return duck.execute(f"SELECT month, quad_class, count(*) FROM events e WHERE {where}"
                            f" GROUP BY ALL ORDER BY {_MONTH_ORDER}", values).fetchall()
    if path == "/api/places":
        return duck.execute(
            f"SELECT place_name, place_country, place_lat, place_lon, count(*) AS n, {_COOP},"
            f" {_CONFLICT} FROM events e WHERE {where} AND place_name IS NOT NULL GROUP BY ALL"
            " ORDER BY n DESC, 1, 2, 3, 4 LIMIT 1000", values).fetchall()
    if path == "/api/network" and params.get("level") == "actor":
        return duck.execute(
            "WITH kept AS (SELECT id, quad_class, intensity FROM events e WHERE " + where + "),"
            " parts AS (SELECT p.* FROM participants p SEMI JOIN kept ON kept.id = p.event_id"
            " WHERE p.registry_id IS NOT NULL),"
            " hosted AS (SELECT DISTINCT event_id FROM parts WHERE role = 'recipient')"
            " SELECT p.registry_id, q.registry_id, count(DISTINCT e.id) AS n,"
            f" {_COOP}, {_CONFLICT}, avg(e.intensity) FROM parts p JOIN parts q"
            " ON q.event_id = p.event_id AND p.registry_id < q.registry_id"
            " JOIN kept e ON e.id = p.event_id"
            " WHERE p.role != q.role OR (p.role = 'actor' AND p.event_id NOT IN"
            " (SELECT event_id FROM hosted)) GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 200",
            values).fetchall()
    if path == "/api/network":
        return duck.execute(
            "SELECT y.country_a, y.country_b, count(*) AS n,"
            " count(*) FILTER (WHERE y.quad_class IN (1, 2)),"
            " count(*) FILTER (WHERE y.quad_class IN (3, 4)), avg(y.intensity)"
            f" FROM dyads y SEMI JOIN (SELECT id FROM events e WHERE {where}) k"
            " ON k.id = y.event_id GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 200",
            values).fetchall()
    if path == "/api/actors":
        return _actors(duck, params)
    if path == "/api/stats":
        return _stats(duck)
    raise ValueError(path)


def _actors(duck: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> Any:
    where, values = ["1 = 1"], []
    if "name" in params:
        name = normalize_name(params["name"])
        where.append("(contains(r.norm_name, ?) OR r.id IN (SELECT registry_id FROM"
                     " registry_names WHERE contains(norm_alias, ?)))")
        values += [name, name]
    if "country" in params:
        where.append("r.country = ?")
        values.append(params["country"].upper())
    if "kind" in params:
        where.append("r.kind = ?")
        values.append(params["kind"])
    kept = " AND ".join(where)
    total = duck.execute(f"SELECT count(*) FROM registry r WHERE {kept}", values).fetchone()
    rows = duck.execute(
        "WITH nd AS (SELECT registry_id, count(DISTINCT doc_id) AS n FROM doc_actors GROUP BY 1),"
        " ne AS (SELECT registry_id, count(DISTINCT event_id) AS n FROM participants GROUP BY 1)"
        " SELECT r.id, r.name, nd.n, coalesce(ne.n, 0) FROM registry r"
        " LEFT JOIN nd ON nd.registry_id = r.id LEFT JOIN ne ON ne.registry_id = r.id"
        f" WHERE {kept} ORDER BY nd.n DESC, 4 DESC, r.norm_name, r.id LIMIT 50 OFFSET ?",
        [*values, int(params.get("offset", 0))]).fetchall()
    return total, rows


def _stats(duck: duckdb.DuckDBPyConnection) -> Any:
    tables = {t: duck.execute(f"SELECT count(*) FROM {t}").fetchone()
              for t in ("documents", "doc_actors", "registry", "registry_aliases",
                        "registry_titles", "events", "participants", "claims", "statements")}
    return (
        tables,
        duck.execute("SELECT min(date_lo), max(date_lo) FROM events").fetchall(),
        duck.execute("SELECT type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1"
                     ).fetchall(),
        duck.execute("SELECT quad_class, count(*) AS n FROM events WHERE quad_class IS NOT NULL"
                     " GROUP BY 1 ORDER BY n DESC, 1").fetchall(),
        duck.execute(f"SELECT month, quad_class, count(*) FROM events GROUP BY ALL"
                     f" ORDER BY {_MONTH_ORDER}").fetchall(),
        duck.execute("SELECT r.id, r.name, count(DISTINCT p.event_id) AS n FROM participants p"
                     " JOIN registry r ON r.id = p.registry_id GROUP BY ALL"
                     " ORDER BY n DESC, 2 LIMIT 15").fetchall(),
        duck.execute("SELECT country, count(DISTINCT event_id) AS n FROM participants"
                     " WHERE country IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15"
                     ).fetchall(),
        duck.execute("SELECT country_a, country_b, count(*) AS n FROM dyads GROUP BY ALL"
                     " ORDER BY n DESC, 1, 2 LIMIT 15").fetchall(),
    )


def _check(store: Store, path: str, params: dict[str, Any], got: Any) -> None:
    """The DuckDB answer against the store's, for the parts compared exactly."""
    filters = {k: v for k, v in params.items() if k not in ("level",)}
    if path == "/api/timeline":
        timeline = [(r.month, r.quad_class, r.events) for r in store.timeline(EventQuery(**filters))]
        assert [tuple(r) for r in got] == timeline, (path, params)
    elif path == "/api/network":
        _, edges = store.network(params.get("level", "country"), EventQuery(**filters), 200)
        pairs = [(e.source, e.target, e.events) for e in edges]
        assert [(str(r[0]), str(r[1]), r[2]) for r in got] == pairs, (path, params)
    elif path == "/api/places":
        places = [(p.name, p.events) for p in store.places(EventQuery(**filters), limit=1000)]
        assert [(r[0], r[4]) for r in got] == places, (path, params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("copy")
    parser.add_argument("--draws", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not Path(args.copy).exists():
        seconds = copy(args.store, args.copy)
        print(f"copied in {seconds:.0f} s: {Path(args.copy).stat().st_size / 2**20:.0f} MB")
    cases = [c for c in query_cases(args.store, 0, args.draws)
             if c.path in ("/api/stats", "/api/timeline", "/api/network", "/api/places",
                           "/api/actors")]
    duck = duckdb.connect(args.copy, read_only=True)
    duck.execute(f"SET threads = {args.threads}")
    checked: set[str] = set()
    with Store.open(args.store) as store:
        for case in cases:
            got = answer(duck, case.path, case.params)  # the warm-up pass
            if case.family not in checked:
                _check(store, case.path, case.params, got)
                checked.add(case.family)
    timings: dict[str, list[float]] = {c.family: [] for c in cases}
    for _ in range(args.repeat):
        for case in cases:
            start = time.perf_counter()
            answer(duck, case.path, case.params)
            timings[case.family].append((time.perf_counter() - start) * 1000)
    print("| family | runs | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for family, ms in timings.items():
        print(f"| {family} | {len(ms)} | {percentile(ms, 50):.1f} | {percentile(ms, 95):.1f}"
              f" | {max(ms):.1f} |")


if __name__ == "__main__":
    main()
