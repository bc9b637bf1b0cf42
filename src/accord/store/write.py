"""Writing a document into the SQLite store: the rows of a ``records.Document`` and the computed
columns, keys and date ranges they carry. The tables are described in :mod:`accord.store.schema`.

:func:`write_document` maps a ``records.Document`` onto the tables. Computed columns:
``norm_name``/``norm_alias`` are :func:`normalize_name` of a name, ``registry.norm_key`` is
:func:`registry_key`, ``documents.extraction_hash`` is :func:`extraction_hash`,
``events.date_lo``/``date_hi`` are :func:`event_range` of the event's date.
``statements.date_lo``/``date_hi`` are :func:`event_range` of the statement's date (the
document's ``published`` when it has none, as for events); ``claims.date_lo``/``date_hi`` that of
the document's ``published`` (a claim has no date of its own). A statement's speaker and a claim's
holder and source are names of actors of the same document: ``*_country`` and ``*_registry_id``
are those of the first actor (by ``doc_actors.idx``) whose ``norm_name`` is the name's
:func:`normalize_name`, ``norm_speaker``/``norm_holder``/``norm_source``/``norm_unit`` the
normalised names, ``norm_text`` the normalised evidence and sentence joined by a newline (for
substring search: a normalised query never holds a newline, so it never spans the two).
:func:`date_range` (the days of a ``YYYY[-MM[-DD]]`` date) also bounds the ``since``/``until``
of the store's queries.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.records import Actor, Document, Event
from accord.vocab import geo, known
from accord.vocab.text import normalize_name

__all__ = [
    "COUNTS",
    "DYAD_INSERT",
    "count_document",
    "date_range",
    "dyad_rows",
    "dyads",
    "event_month",
    "event_range",
    "extraction_hash",
    "fill_counts",
    "registry_key",
    "utc_now",
    "write_document",
]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def canonical_name(name: str, kind: str) -> str | None:
    """The dictionary name of a known public figure, body or organisation written ``name``
    ("Obama" → "Barack Obama", "ONU" → "Organisation des Nations unies"), else None."""
    if kind == "person":
        figure = known.person(name)
        if figure is None and " " not in name.strip():
            figure = known.person_by_surname(name)
        return figure.name if figure is not None else None
    if kind == "organization":
        body = geo.international_body(name)
        if body is not None:
            return body.name
        org = known.organization(name)
        return org.name if org is not None else None
    return None


def registry_key(name: str, kind: str, country: str | None) -> str:
    """The key that makes two actors (of any documents) one registry entry: kind, country and
    the name, folded (accents, case, hyphens: "Hoàng Xuân Chiến" is "Hoang Xuân Chiên"), in any
    order for a person ("Xi Jinping" is "Jinping Xi"), and the dictionary name for a known
    figure or body ("Obama" is "Barack Obama", "ONU" is "Organisation des Nations unies")."""
    canonical = canonical_name(name, kind)
    base = normalize_name(canonical or name)
    if kind == "person":
        base = " ".join(sorted(base.split()))
    return f"{base}|{kind}|{country or ''}"


def extraction_hash(doc: Document) -> str:
    """SHA-256 of the sorted-key JSON of ``doc.to_dict()`` and the events' ``negated`` flags."""
    payload = doc.to_dict()
    payload["negated"] = [e.negated for e in doc.events]
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def date_range(value: str) -> tuple[str, str]:
    """First and last day of a ``YYYY[-MM[-DD]]`` date; ``ValueError`` if it is not one."""
    m = _DATE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = m.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        raise ValueError(f"not a date (month out of range): {value!r}")
    if day is None:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"not a date (no such day): {value!r}") from None
    return m.group(0), m.group(0)


def event_range(date: str | None, published: str | None) -> tuple[str | None, str | None]:
    """The days an event covers: its date's range, else its document's, else ``(None, None)``."""
    for value in (date, published):
        if value:
            try:
                return date_range(value)
            except ValueError:
                continue
    return None, None


def utc_now() -> str:
    """The current UTC time, ISO 8601 to the second (``ingested_at``, ``errors.at``)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def event_month(date_lo: str | None, date_hi: str | None) -> str | None:
    """``YYYY-MM`` of an event whose days (:func:`event_range`) lie within one month."""
    if date_lo and date_hi and date_lo[:7] == date_hi[:7]:
        return date_lo[:7]
    return None


DYAD_INSERT = (
    "INSERT INTO event_dyads (event_id, country_a, country_b, month, quad_class, intensity, type,"
    " date_lo, date_hi, countries) VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def dyad_rows(event_id: int | None, e: Event, lo: str | None, hi: str | None) -> list[tuple[Any, ...]]:
    """The ``event_dyads`` rows of an event (:data:`DYAD_INSERT`): each of its :func:`dyads`
    with the event's month, quad class, intensity, type, days and participant countries (a JSON
    list, sorted), what ``dyad_counts`` counts it by."""
    pairs = dyads([x.country for x in e.actor], [x.country for x in e.recipient])
    countries = sorted({x.country for x in (*e.actor, *e.recipient) if x.country})
    listed = json.dumps(countries, separators=(",", ":"))
    month = event_month(lo, hi)
    return [(event_id, a, b, month, e.quad_class, e.intensity, e.type, lo, hi, listed)
            for a, b in sorted(pairs)]


def dyads(actors: Sequence[str | None], recipients: Sequence[str | None]) -> set[tuple[str, str]]:
    """The country pairs of an event, each ordered (``("CHN", "VNM")``): every actor country
    with every recipient country, or, for an event without recipient countries, every two
    actor countries ("X et Y ont coprésidé"). A country never pairs with itself."""
    left = {c for c in actors if c}
    right = {c for c in recipients if c}
    if right:
        pairs = {(a, b) for a in left for b in right}
    else:
        pairs = {(a, b) for a in left for b in left}
    return {(min(a, b), max(a, b)) for a, b in pairs if a != b}


def _norm_text(evidence: str | None, sentence: str | None) -> str:
    """``norm_text``: the normalised evidence and sentence, one per line."""
    return normalize_name(evidence or "") + "\n" + normalize_name(sentence or "")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def write_document(conn: sqlite3.Connection, doc: Document) -> str:
    """Write ``doc`` unless stored with the same extraction: "new", "updated" or "unchanged".

    Runs inside the caller's transaction. An update deletes the document row (the cascade takes
    its extraction) and inserts it again; registry entries it alone named are deleted. The
    counts kept ahead (:data:`COUNTS`) follow: the old rows' share is taken away before they go,
    the new rows' added once written.
    """
    digest = extraction_hash(doc)
    conn.execute("DELETE FROM errors WHERE path = ?", (doc.path,))
    row = conn.execute("SELECT extraction_hash FROM documents WHERE id = ?", (doc.id,))
    old = row.fetchone()
    if old is not None and old[0] == digest:
        return "unchanged"
    stale: set[int] = set()
    if old is not None:
        stale = {
            int(r[0])
            for r in conn.execute(
                "SELECT DISTINCT registry_id FROM doc_actors"
                " WHERE doc_id = ? AND registry_id IS NOT NULL",
                (doc.id,),
            )
        }
        count_document(conn, doc.id, -1)
        conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))  # cascades
    place = doc.dateline_place
    source_id = doc.extra.get("source_id")
    conn.execute(
        "INSERT INTO documents (id, path, source_id, title, source, url, published, language,"
        " text, dateline_place, dateline_country, dateline_lat, dateline_lon, captions, extra,"
        " extraction_hash, ingested_at, dates, places)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc.id, doc.path, source_id if isinstance(source_id, str) else None, doc.title,
            doc.source, doc.url, doc.published, doc.language, doc.text,
            place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None,
            _dumps(list(doc.captions)), _dumps(doc.extra), digest, utc_now(),
            _dumps([d.to_dict() for d in doc.dates]), _dumps([p.to_dict() for p in doc.places]),
        ),
    )
    by_name: dict[str, list[tuple[str | None, int]]] = {}
    for idx, actor in enumerate(doc.actors):
        reg = _register(conn, doc, actor)
        norm = normalize_name(actor.name)
        by_name.setdefault(norm, []).append((actor.country, reg))
        conn.execute(
            "INSERT INTO doc_actors (doc_id, idx, name, norm_name, kind, country, sector,"
            " titles, aliases, mentions, registry_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, idx, actor.name, norm, actor.kind, actor.country, actor.sector,
                _dumps(list(actor.titles)), _dumps(list(actor.aliases)),
                _dumps([list(m) for m in actor.mentions]), reg,
            ),
        )
    for idx, event in enumerate(doc.events):
        _insert_event(conn, doc, idx, event, by_name)
    for idx, c in enumerate(doc.claims):
        lo, hi = event_range(None, doc.published)
        holder, source = _named(by_name, c.holder), _named(by_name, c.source)
        conn.execute(
            "INSERT INTO claims (doc_id, idx, quantity, qualifier, unit, holder, source,"
            " evidence, span_start, span_end, sentence, norm_holder, holder_country,"
            " holder_registry_id, norm_source, source_country, source_registry_id, norm_unit,"
            " norm_text, date_lo, date_hi) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, idx, c.quantity, c.qualifier, c.unit, c.holder, c.source, c.evidence,
             c.span[0], c.span[1], c.sentence, *holder, *source, normalize_name(c.unit),
             _norm_text(c.evidence, c.sentence), lo, hi),
        )
    for idx, s in enumerate(doc.statements):
        content = s.content_span
        lo, hi = event_range(s.date, doc.published)
        conn.execute(
            "INSERT INTO statements (doc_id, idx, speaker, verb, date, evidence, span_start,"
            " span_end, sentence, content_start, content_end, norm_speaker, speaker_country,"
            " speaker_registry_id, norm_text, date_lo, date_hi)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, idx, s.speaker, s.verb, s.date, s.evidence, s.span[0], s.span[1],
             s.sentence, content[0] if content else None, content[1] if content else None,
             *_named(by_name, s.speaker), _norm_text(s.evidence, s.sentence), lo, hi),
        )
    count_document(conn, doc.id, 1)
    for reg in stale:  # registry entries no document names any more
        conn.execute(
            "DELETE FROM registry WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM doc_actors WHERE registry_id = ?)",
            (reg, reg),
        )
    return "new" if old is None else "updated"


def _named(
    by_name: dict[str, list[tuple[str | None, int]]], name: str | None
) -> tuple[str | None, str | None, int | None]:
    """``name`` normalised, and the country and registry entry of the document's first actor
    (by index) of that normalised name (a speaker, a claim's holder or source)."""
    if name is None:
        return None, None, None
    norm = normalize_name(name)
    candidates = by_name.get(norm)
    return (norm, *candidates[0]) if candidates else (norm, None, None)


def _known_alias(conn: sqlite3.Connection, actor: Actor) -> int | None:
    """The registry entry of the same kind and country that already has one of ``actor``'s
    names among its aliases."""
    names = {normalize_name(n) for n in (actor.name, *actor.aliases)}
    marks = ",".join("?" * len(names))
    row = conn.execute(
        "SELECT r.id FROM registry_aliases x JOIN registry r ON r.id = x.registry_id"
        f" WHERE x.norm_alias IN ({marks}) AND r.kind = ? AND r.country IS ?"
        " ORDER BY r.id LIMIT 1",
        (*names, actor.kind, actor.country),
    ).fetchone()
    return int(row[0]) if row is not None else None


def _register(conn: sqlite3.Connection, doc: Document, actor: Actor) -> int:
    norm = normalize_name(actor.name)
    key = registry_key(actor.name, actor.kind, actor.country)
    found = conn.execute("SELECT id FROM registry WHERE norm_key = ?", (key,)).fetchone()
    existing = int(found[0]) if found is not None else _known_alias(conn, actor)
    if existing is not None:
        conn.execute(
            "UPDATE registry SET sector = coalesce(sector, ?),"
            " name = CASE WHEN length(?) > length(name) THEN ? ELSE name END,"
            " norm_name = CASE WHEN length(?) > length(name) THEN ? ELSE norm_name END"
            " WHERE id = ?",
            (actor.sector, actor.name, actor.name, actor.name, norm, existing),
        )
        reg = existing
    else:
        reg = int(
            conn.execute(
                "INSERT INTO registry (norm_key, name, norm_name, kind, country, sector)"
                " VALUES (?,?,?,?,?,?) RETURNING id",
                (key, actor.name, norm, actor.kind, actor.country, actor.sector),
            ).fetchone()[0]
        )
    for alias in (actor.name, *actor.aliases):
        conn.execute(
            "INSERT OR IGNORE INTO registry_aliases (registry_id, alias, norm_alias, doc_id)"
            " VALUES (?,?,?,?)",
            (reg, alias, normalize_name(alias), doc.id),
        )
    for title in actor.titles:
        conn.execute(
            "INSERT OR IGNORE INTO registry_titles (registry_id, title, date, doc_id)"
            " VALUES (?,?,?,?)",
            (reg, title, doc.published, doc.id),
        )
    return reg


def _insert_event(
    conn: sqlite3.Connection,
    doc: Document,
    idx: int,
    e: Event,
    by_name: dict[str, list[tuple[str | None, int]]],
) -> None:
    lo, hi = event_range(e.date, doc.published)
    p = e.place
    event_id = conn.execute(
        "INSERT INTO events (doc_id, idx, type, mode, date, date_lo, date_hi, place_name,"
        " place_country, place_lat, place_lon, context, evidence, span_start, span_end,"
        " sentence, negated, quad_class, intensity, cameo, trigger, norm_text)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc.id, idx, e.type, e.mode, e.date, lo, hi, p.name if p else None,
            p.country if p else None, p.lat if p else None, p.lon if p else None,
            _dumps(list(e.context)), e.evidence, e.span[0], e.span[1], e.sentence,
            int(e.negated), e.quad_class, e.intensity, e.cameo, e.trigger,
            _norm_text(e.evidence, e.sentence),
        ),
    ).lastrowid
    conn.executemany(DYAD_INSERT, dyad_rows(event_id, e, lo, hi))
    for role, people in (("actor", e.actor), ("recipient", e.recipient)):
        for position, part in enumerate(people):
            norm = normalize_name(part.name) if part.name is not None else None
            candidates = by_name.get(norm, []) if norm is not None else []
            same = [reg for country, reg in candidates if country == part.country]
            reg = same[0] if same else (candidates[0][1] if candidates else None)
            conn.execute(
                "INSERT INTO event_participants (event_id, role, position, name, norm_name,"
                " country, sector, registry_id) VALUES (?,?,?,?,?,?,?,?)",
                (event_id, role, position, part.name, norm, part.country, part.sector, reg),
            )


# -- counts kept ahead ------------------------------------------------------------------------
# Each is a sum over events, so a document's share is added when it is written and taken away
# before it is deleted (:func:`count_document`), and the whole is counted afresh by
# :func:`fill_counts` (a bulk load, a migration). Keys are never NULL (a NULL would make every
# row its own key): '' for no country or month, 0 for no quad class, 1000 for no coordinate.

_MONTH_OF = (  # event_month in SQL
    "CASE WHEN substr(e.date_lo, 1, 7) = substr(e.date_hi, 1, 7) THEN substr(e.date_lo, 1, 7) END"
)
_SIDES = (  # each event kept once for all events (''), once for each country among its participants
    "sides AS (SELECT id AS event_id, '' AS country FROM kept UNION ALL"
    " SELECT DISTINCT p.event_id, p.country FROM kept CROSS JOIN event_participants p"
    " ON p.event_id = kept.id WHERE p.country IS NOT NULL)"
)
_ONE = (  # the common table expressions of the counts: one document and its events, their sides
    "WITH doc(id) AS (SELECT ?), kept AS MATERIALIZED (SELECT id FROM events WHERE doc_id = ?),"
    f" {_SIDES} "
)
_ALL = f"WITH doc AS (SELECT id FROM documents), kept AS (SELECT id FROM events), {_SIDES} "
_DATED = (  # an event's month (or days, if it has none), or '*' on the row of every date (t)
    f"CASE WHEN t.every THEN '*' ELSE ifnull({_MONTH_OF}, '') END,"
    f" CASE WHEN t.every OR {_MONTH_OF} IS NOT NULL THEN '' ELSE ifnull(e.date_lo, '') END,"
    f" CASE WHEN t.every OR {_MONTH_OF} IS NOT NULL THEN '' ELSE ifnull(e.date_hi, '') END"
)
_THOUSANDTHS = (  # intensities added up exactly, whatever the order (one decimal in PLOVER)
    "ifnull(sum(CAST(round({}.intensity * 1000) AS INTEGER)), 0)"
)
_COOP = "sum(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END)"
_CONFLICT = "sum(CASE WHEN e.quad_class IN (3, 4) THEN 1 ELSE 0 END)"


@dataclass(frozen=True, slots=True)
class _Counts:
    """A table of counts: its key and measure columns, and the query of its rows for the
    documents ``doc``, their events ``kept`` and the ``sides`` of these (common table
    expressions: :data:`_ONE`, :data:`_ALL`), keys first."""

    table: str
    keys: tuple[str, ...]
    measures: tuple[str, ...]
    select: str
    update_only: bool = False  # the rows exist (registry): their measures are added to


COUNTS = (
    _Counts(  # events by participant country, month (or days) and kind; '*': every date
        "event_counts", ("country", "month", "date_lo", "date_hi", "quad_class", "type"),
        ("events",),
        f"SELECT s.country, {_DATED}, ifnull(e.quad_class, 0), e.type, count(*)"
        " FROM sides s CROSS JOIN events e"
        " ON e.id = s.event_id CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) t"
        " WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6",
    ),
    _Counts(  # dyads by participant country and kind, every date (dyad_counts: by month)
        "pair_counts", ("country", "country_a", "country_b", "quad_class", "type"),
        ("events", "intensity_sum", "intensities"),
        "SELECT s.country, y.country_a, y.country_b, ifnull(y.quad_class, 0),"
        f" ifnull(y.type, ''), count(*), {_THOUSANDTHS.format('y')}, count(y.intensity) FROM sides s"
        " CROSS JOIN event_dyads y ON y.event_id = s.event_id WHERE 1 GROUP BY 1, 2, 3, 4, 5",
    ),
    _Counts(  # events by place, participant country, month (or days) and kind; '*': every date
        "place_counts",
        ("country", "month", "date_lo", "date_hi", "place_name", "place_country", "place_lat",
         "place_lon", "quad_class", "type"),
        ("events",),
        f"SELECT s.country, {_DATED}, e.place_name, ifnull(e.place_country, ''),"
        " ifnull(e.place_lat, 1000.0), ifnull(e.place_lon, 1000.0), ifnull(e.quad_class, 0),"
        " e.type, count(*) FROM sides s CROSS JOIN events e ON e.id = s.event_id"
        " CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) t"
        " WHERE e.place_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    ),
    _Counts(  # pairs of registry actors as Store.network pairs them, every date
        "actor_pairs", ("registry_a", "registry_b"),
        ("events", "cooperation", "conflict", "intensity_sum", "intensities"),
        f"SELECT p.registry_id, q.registry_id, count(DISTINCT e.id), {_COOP}, {_CONFLICT},"
        f" {_THOUSANDTHS.format('e')}, count(e.intensity) FROM kept CROSS JOIN events e"
        " ON e.id = kept.id"
        " CROSS JOIN event_participants p ON p.event_id = e.id"
        " CROSS JOIN event_participants q ON q.event_id = e.id"
        " WHERE p.registry_id < q.registry_id AND (p.role != q.role OR (p.role = 'actor'"
        " AND NOT EXISTS (SELECT 1 FROM event_participants z WHERE z.event_id = e.id"
        " AND z.role = 'recipient' AND z.registry_id IS NOT NULL))) GROUP BY 1, 2",
    ),
    _Counts(  # the documents that name each registry entry
        "registry", ("id",), ("documents",),
        "SELECT registry_id, count(DISTINCT doc_id) FROM doc_actors WHERE doc_id IN doc"
        " AND registry_id IS NOT NULL GROUP BY 1", update_only=True,
    ),
    _Counts(  # the events each registry entry takes part in
        "registry", ("id",), ("events",),
        "SELECT p.registry_id, count(DISTINCT p.event_id) FROM kept CROSS JOIN"
        " event_participants p ON p.event_id = kept.id WHERE p.registry_id IS NOT NULL"
        " GROUP BY 1", update_only=True,
    ),
    _Counts(  # the documents that give each title of a registry entry
        "title_counts", ("registry_id", "title"), ("documents",),
        "SELECT registry_id, title, count(*) FROM registry_titles WHERE doc_id IN doc"
        " GROUP BY 1, 2",
    ),
    _Counts(  # the rows of the tables of documents (the registry and errors are counted)
        "table_rows", ("name",), ("rows",),
        "SELECT 'documents', count(*) FROM doc UNION ALL"
        " SELECT 'events', count(*) FROM kept UNION ALL"
        " SELECT 'event_participants', count(*) FROM kept CROSS JOIN event_participants p"
        " ON p.event_id = kept.id"
        + "".join(f" UNION ALL SELECT '{t}', count(*) FROM {t} WHERE doc_id IN doc"
                  for t in ("doc_actors", "registry_aliases", "registry_titles", "claims",
                            "statements")),
    ),
)
"""The counts kept ahead of the queries (:mod:`accord.store.aggregates` reads them)."""

def count_document(conn: sqlite3.Connection, doc_id: str, sign: int) -> None:
    """Add (``sign`` 1: once written) or take away (-1: before it is deleted) the counts of the
    stored document ``doc_id`` from :data:`COUNTS`; a row counted down to nothing goes."""
    for c in COUNTS:
        rows = conn.execute(_ONE + c.select, (doc_id, doc_id)).fetchall()
        if not rows:
            continue
        keys = " AND ".join(f"{k} = ?" for k in c.keys)
        added = ", ".join(f"{m} = {m} + ?" for m in c.measures)
        n = len(c.keys)
        signed = [(*r[:n], *(sign * v for v in r[n:])) for r in rows]
        if c.update_only or sign < 0:
            conn.executemany(f"UPDATE {c.table} SET {added} WHERE {keys}",
                             [(*r[n:], *r[:n]) for r in signed])
        else:
            columns = ", ".join((*c.keys, *c.measures))
            marks = ",".join("?" * (n + len(c.measures)))
            excluded = ", ".join(f"{m} = {m} + excluded.{m}" for m in c.measures)
            conn.executemany(f"INSERT INTO {c.table} ({columns}) VALUES ({marks})"
                             f" ON CONFLICT ({', '.join(c.keys)}) DO UPDATE SET {excluded}",
                             signed)
        if sign < 0 and not c.update_only:
            conn.executemany(f"DELETE FROM {c.table} WHERE {keys} AND {c.measures[0]} <= 0",
                             [r[:n] for r in rows])


def fill_counts(conn: sqlite3.Connection) -> None:
    """Count every stored document into :data:`COUNTS` afresh."""
    conn.execute("UPDATE registry SET documents = 0, events = 0")
    for c in COUNTS:
        columns = (*c.keys, *c.measures)
        if c.update_only:
            (key,), (measure,) = c.keys, c.measures
            conn.execute(
                f"WITH x(k, n) AS ({_ALL}{c.select}) UPDATE {c.table} SET {measure} = x.n"
                f" FROM x WHERE x.k = {c.table}.{key}"
            )
            continue
        conn.execute(f"DELETE FROM {c.table}")
        conn.execute(f"INSERT INTO {c.table} ({', '.join(columns)}) {_ALL}{c.select}")
