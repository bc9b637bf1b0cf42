"""The schema of the SQLite store: tables, migrations, computed keys and the typed query rows.

A migration is a plain function ``migration_N(conn)`` that runs DDL on an open connection. They
are listed in order in :data:`MIGRATIONS`; ``PRAGMA user_version`` holds how many have been
applied. :func:`migrate` applies the missing ones, each in its own ``BEGIN IMMEDIATE``
transaction (SQLite DDL is transactional, so a failed migration leaves the previous version).
A store is recognised by its ``meta`` table (``application = accord``) and its
``PRAGMA application_id``.

Tables (version 5; migration 2 changes registry keys only, migration 3 adds the statement and
claim columns after ``sentence``/``content_*`` below, migration 4 the documents' ``dates`` and
``places``, ``events.norm_text`` and ``event_dyads``, migration 5 ``registry_names``,
``events_text``, the month, quad class and intensity of ``event_dyads`` and the indexes of the
event sorts)::

    meta(key PK, value)
    documents(id PK = content hash, path, source_id, title, source, url, published, language,
              text, dateline_place, dateline_country, dateline_lat, dateline_lon, captions JSON,
              extra JSON, extraction_hash, ingested_at, dates JSON, places JSON)
    doc_actors(doc_id, idx, name, norm_name, kind, country, sector, titles JSON, aliases JSON,
               mentions JSON, registry_id)
    registry(id, norm_key UNIQUE, name, norm_name, kind, country, sector)
    registry_aliases(registry_id, alias, norm_alias, doc_id)
    registry_titles(registry_id, title, date, doc_id)
    registry_names(registry_id, norm_alias)  -- the distinct aliases, kept by triggers
    events(id, doc_id, idx, type, mode, date, date_lo, date_hi, place_*, context JSON, evidence,
           span_start, span_end, sentence, negated, quad_class, intensity, cameo, trigger,
           norm_text)
    events_text(norm_text)  -- FTS5 trigram index of events.norm_text, kept by triggers
    event_dyads(event_id, country_a, country_b, month, quad_class, intensity)
        -- country_a < country_b (see :func:`dyads`); the event's :func:`event_month`,
        -- quad class and intensity
    event_participants(event_id, role, position, name, norm_name, country, sector, registry_id)
    claims(doc_id, idx, quantity, qualifier, unit, holder, source, evidence, span_*, sentence,
           norm_holder, holder_country, holder_registry_id, norm_source, source_country,
           source_registry_id, norm_unit, norm_text, date_lo, date_hi)
    statements(doc_id, idx, speaker, verb, date, evidence, span_*, sentence, content_*,
               norm_speaker, speaker_country, speaker_registry_id, norm_text, date_lo, date_hi)
    errors(path PK, reason, at)

Every row of a document references ``documents(id)`` with ``ON DELETE CASCADE``: deleting a
document deletes its extraction (registry rows are shared and pruned by the store).
A participant with a registry entry is named by one of that entry's aliases (its document's
actor of that name gave both), so a name search reads ``registry_names`` and the participants
without an entry only.

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
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from accord import geo, known
from accord.records import Actor, Document, Event
from accord.text import normalize_name

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "Migration",
    "check_accord",
    "date_range",
    "dyads",
    "event_month",
    "event_range",
    "extraction_hash",
    "fill_search",
    "migrate",
    "migration_1",
    "migration_2",
    "migration_3",
    "migration_4",
    "migration_5",
    "normalize_name",
    "registry_key",
    "utc_now",
    "write_document",
]

APPLICATION_ID = 0x41434344  # "ACCD" in the SQLite header
"""``PRAGMA application_id`` of an accord store."""

Migration = Callable[[sqlite3.Connection], None]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_V1 = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        source_id TEXT,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        dateline_place TEXT,
        dateline_country TEXT,
        dateline_lat REAL,
        dateline_lon REAL,
        captions TEXT NOT NULL DEFAULT '[]',
        extra TEXT NOT NULL DEFAULT '{}',
        extraction_hash TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX documents_published ON documents (published)",
    "CREATE INDEX documents_path ON documents (path)",
    """CREATE TABLE registry (
        id INTEGER PRIMARY KEY,
        norm_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        norm_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT
    )""",
    "CREATE INDEX registry_norm_name ON registry (norm_name)",
    "CREATE INDEX registry_country ON registry (country)",
    """CREATE TABLE doc_actors (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        norm_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        titles TEXT NOT NULL DEFAULT '[]',
        aliases TEXT NOT NULL DEFAULT '[]',
        mentions TEXT NOT NULL DEFAULT '[]',
        registry_id INTEGER REFERENCES registry (id) ON DELETE SET NULL,
        PRIMARY KEY (doc_id, idx)
    )""",
    "CREATE INDEX doc_actors_registry ON doc_actors (registry_id)",
    "CREATE INDEX doc_actors_norm_name ON doc_actors (norm_name)",
    """CREATE TABLE registry_aliases (
        registry_id INTEGER NOT NULL REFERENCES registry (id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        norm_alias TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        PRIMARY KEY (registry_id, alias, doc_id)
    )""",
    "CREATE INDEX registry_aliases_norm ON registry_aliases (norm_alias)",
    "CREATE INDEX registry_aliases_doc ON registry_aliases (doc_id)",
    """CREATE TABLE registry_titles (
        registry_id INTEGER NOT NULL REFERENCES registry (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        date TEXT,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        UNIQUE (registry_id, title, doc_id)  -- date is the document's published
    )""",
    "CREATE INDEX registry_titles_doc ON registry_titles (doc_id)",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        date TEXT,
        date_lo TEXT,
        date_hi TEXT,
        place_name TEXT,
        place_country TEXT,
        place_lat REAL,
        place_lon REAL,
        context TEXT NOT NULL DEFAULT '[]',
        evidence TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        negated INTEGER NOT NULL DEFAULT 0,
        quad_class INTEGER,
        intensity REAL,
        cameo TEXT,
        trigger TEXT NOT NULL DEFAULT '',
        UNIQUE (doc_id, idx)
    )""",
    "CREATE INDEX events_date ON events (date_lo, date_hi)",
    "CREATE INDEX events_type ON events (type)",
    """CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        name TEXT,
        norm_name TEXT,
        country TEXT,
        sector TEXT,
        registry_id INTEGER REFERENCES registry (id) ON DELETE SET NULL,
        PRIMARY KEY (event_id, role, position)
    )""",
    "CREATE INDEX event_participants_name ON event_participants (norm_name, event_id)",
    "CREATE INDEX event_participants_country ON event_participants (country, event_id)",
    "CREATE INDEX event_participants_registry ON event_participants (registry_id, event_id)",
    """CREATE TABLE claims (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        quantity REAL NOT NULL,
        qualifier TEXT NOT NULL,
        unit TEXT NOT NULL,
        holder TEXT,
        source TEXT,
        evidence TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )""",
    """CREATE TABLE statements (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker TEXT,
        verb TEXT NOT NULL,
        date TEXT,
        evidence TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        content_start INTEGER,
        content_end INTEGER,
        PRIMARY KEY (doc_id, idx)
    )""",
    "CREATE TABLE errors (path TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX errors_at ON errors (at)",
    "INSERT INTO meta (key, value) VALUES ('application', 'accord')",
    f"PRAGMA application_id = {APPLICATION_ID}",
]


def migration_1(conn: sqlite3.Connection) -> None:
    """Create the whole schema of version 1."""
    for statement in _V1:
        conn.execute(statement)


def migration_2(conn: sqlite3.Connection) -> None:
    """Registry keys of version 2 (:func:`registry_key`: name order, known figures and
    bodies): recompute every key and merge the entries that now share one."""
    rows = conn.execute("SELECT id, name, kind, country FROM registry ORDER BY id").fetchall()
    keep: dict[str, int] = {}
    for reg, name, kind, country in rows:
        key = registry_key(name, kind, country)
        target = keep.setdefault(key, int(reg))
        if target == reg:
            continue
        for table in ("doc_actors", "event_participants"):
            conn.execute(f"UPDATE {table} SET registry_id = ? WHERE registry_id = ?", (target, reg))
        for table in ("registry_aliases", "registry_titles"):
            conn.execute(f"UPDATE OR IGNORE {table} SET registry_id = ? WHERE registry_id = ?",
                         (target, reg))
        conn.execute("DELETE FROM registry WHERE id = ?", (reg,))  # cascades the leftovers
    conn.execute("UPDATE registry SET norm_key = '~' || id")  # free the keys, then set them
    for key, reg in keep.items():
        conn.execute("UPDATE registry SET norm_key = ? WHERE id = ?", (key, reg))


_REGISTRY_REF = "INTEGER REFERENCES registry (id) ON DELETE SET NULL"
_V3 = [
    "ALTER TABLE statements ADD COLUMN norm_speaker TEXT",
    "ALTER TABLE statements ADD COLUMN speaker_country TEXT",
    f"ALTER TABLE statements ADD COLUMN speaker_registry_id {_REGISTRY_REF}",
    "ALTER TABLE statements ADD COLUMN norm_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE statements ADD COLUMN date_lo TEXT",
    "ALTER TABLE statements ADD COLUMN date_hi TEXT",
    "ALTER TABLE claims ADD COLUMN norm_holder TEXT",
    "ALTER TABLE claims ADD COLUMN holder_country TEXT",
    f"ALTER TABLE claims ADD COLUMN holder_registry_id {_REGISTRY_REF}",
    "ALTER TABLE claims ADD COLUMN norm_source TEXT",
    "ALTER TABLE claims ADD COLUMN source_country TEXT",
    f"ALTER TABLE claims ADD COLUMN source_registry_id {_REGISTRY_REF}",
    "ALTER TABLE claims ADD COLUMN norm_unit TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE claims ADD COLUMN norm_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE claims ADD COLUMN date_lo TEXT",
    "ALTER TABLE claims ADD COLUMN date_hi TEXT",
    "CREATE INDEX statements_date ON statements (date_lo, date_hi)",
    "CREATE INDEX statements_verb ON statements (verb COLLATE NOCASE)",
    "CREATE INDEX statements_speaker_registry ON statements (speaker_registry_id)",
    "CREATE INDEX statements_speaker_country ON statements (speaker_country)",
    "CREATE INDEX claims_date ON claims (date_lo, date_hi)",
    "CREATE INDEX claims_quantity ON claims (quantity)",
    "CREATE INDEX claims_holder_registry ON claims (holder_registry_id)",
    "CREATE INDEX claims_source_registry ON claims (source_registry_id)",
    "CREATE INDEX claims_holder_country ON claims (holder_country)",
    "CREATE INDEX claims_source_country ON claims (source_country)",
]


def _norm_or_none(value: str | None) -> str | None:
    return None if value is None else normalize_name(value)


def _norm_text(evidence: str | None, sentence: str | None) -> str:
    """``norm_text``: the normalised evidence and sentence, one per line."""
    return normalize_name(evidence or "") + "\n" + normalize_name(sentence or "")


def _doc_actor(column: str, table: str, name: str) -> str:
    """SQL for ``column`` of the first actor of the row's document named ``norm_{name}``."""
    return (
        f"(SELECT a.{column} FROM doc_actors a WHERE a.doc_id = {table}.doc_id"
        f" AND a.norm_name = {table}.norm_{name} ORDER BY a.idx LIMIT 1)"
    )


def migration_3(conn: sqlite3.Connection) -> None:
    """Statements and claims queryable like events: the speaker's, holder's and source's
    country and registry entry (from the document's actors), normalised names and text, and a
    date range (:func:`event_range`); existing rows are backfilled."""
    for statement in _V3:
        conn.execute(statement)
    # Python functions for the backfill (the connection keeps them; they are used nowhere else)
    conn.create_function("accord_norm", 1, _norm_or_none, deterministic=True)
    conn.create_function("accord_norm_text", 2, _norm_text, deterministic=True)
    conn.create_function("accord_date_lo", 2, lambda d, p: event_range(d, p)[0],
                         deterministic=True)  # fmt: skip
    conn.create_function("accord_date_hi", 2, lambda d, p: event_range(d, p)[1],
                         deterministic=True)  # fmt: skip
    published = "(SELECT d.published FROM documents d WHERE d.id = {}.doc_id)"
    conn.execute(
        "UPDATE statements SET norm_speaker = accord_norm(speaker),"
        " norm_text = accord_norm_text(evidence, sentence),"
        f" date_lo = accord_date_lo(date, {published.format('statements')}),"
        f" date_hi = accord_date_hi(date, {published.format('statements')})"
    )
    conn.execute(
        "UPDATE statements SET"
        f" speaker_country = {_doc_actor('country', 'statements', 'speaker')},"
        f" speaker_registry_id = {_doc_actor('registry_id', 'statements', 'speaker')}"
        " WHERE norm_speaker IS NOT NULL"
    )
    conn.execute(
        "UPDATE claims SET norm_holder = accord_norm(holder), norm_source = accord_norm(source),"
        " norm_unit = accord_norm(unit), norm_text = accord_norm_text(evidence, sentence),"
        f" date_lo = accord_date_lo(NULL, {published.format('claims')}),"
        f" date_hi = accord_date_hi(NULL, {published.format('claims')})"
    )
    conn.execute(
        "UPDATE claims SET"
        f" holder_country = {_doc_actor('country', 'claims', 'holder')},"
        f" holder_registry_id = {_doc_actor('registry_id', 'claims', 'holder')},"
        f" source_country = {_doc_actor('country', 'claims', 'source')},"
        f" source_registry_id = {_doc_actor('registry_id', 'claims', 'source')}"
    )


_V4 = [
    "ALTER TABLE documents ADD COLUMN dates TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE documents ADD COLUMN places TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE events ADD COLUMN norm_text TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE event_dyads (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        country_a TEXT NOT NULL,
        country_b TEXT NOT NULL,
        PRIMARY KEY (event_id, country_a, country_b)
    )""",
    "CREATE INDEX event_dyads_pair ON event_dyads (country_a, country_b, event_id)",
    "CREATE INDEX event_dyads_b ON event_dyads (country_b, event_id)",
    "CREATE INDEX events_quad ON events (quad_class, date_lo)",
]


def event_month(date_lo: str | None, date_hi: str | None) -> str | None:
    """``YYYY-MM`` of an event whose days (:func:`event_range`) lie within one month."""
    if date_lo and date_hi and date_lo[:7] == date_hi[:7]:
        return date_lo[:7]
    return None


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


def migration_4(conn: sqlite3.Connection) -> None:
    """What the query API and the dashboard need: the dates and places written in each
    document (JSON, for the provenance view; empty until the document is ingested again),
    searchable event text, and the country pairs of each event (``event_dyads``, for dyad
    filters, counts and the network); existing rows are backfilled."""
    for statement in _V4:
        conn.execute(statement)
    conn.create_function("accord_norm_text", 2, _norm_text, deterministic=True)
    conn.execute("UPDATE events SET norm_text = accord_norm_text(evidence, sentence)")
    sides: dict[int, tuple[list[str | None], list[str | None]]] = {}
    for event_id, role, country in conn.execute(
        "SELECT event_id, role, country FROM event_participants"
    ):
        sides.setdefault(int(event_id), ([], []))[0 if role == "actor" else 1].append(country)
    for event_id, (left, right) in sides.items():
        conn.executemany(
            "INSERT INTO event_dyads (event_id, country_a, country_b) VALUES (?,?,?)",
            [(event_id, a, b) for a, b in sorted(dyads(left, right))],
        )


_MONTH = (  # event_month in SQL
    "CASE WHEN substr(date_lo, 1, 7) = substr(date_hi, 1, 7) THEN substr(date_lo, 1, 7) END"
)

_FORGET_NAME = (  # a name no alias row gives any more
    "DELETE FROM registry_names WHERE registry_id = old.registry_id"
    " AND norm_alias = old.norm_alias AND NOT EXISTS (SELECT 1 FROM registry_aliases x"
    " WHERE x.norm_alias = old.norm_alias AND x.registry_id = old.registry_id)"
)


_V5 = [
    # one index per sort of Store.events (store_filters.EVENT_SORTS, ties by id): a page is read
    # in order and stops after its rows; undated events (and no intensity) sort last
    "CREATE INDEX events_by_date ON events (coalesce(date_lo, '~'))",
    "CREATE INDEX events_by_date_desc ON events (coalesce(date_lo, ''))",
    "CREATE INDEX events_by_intensity ON events (coalesce(intensity, 99), coalesce(date_lo, '~'))",
    ("CREATE INDEX events_by_intensity_desc"
     " ON events (coalesce(intensity, -99) DESC, coalesce(date_lo, '~'))"),
    "CREATE INDEX events_by_type ON events (type, coalesce(date_lo, '~'))",
    "DROP INDEX events_type",  # a prefix of events_by_type
    # what dyads are counted by, beside each pair: recent months are counted on this index only
    "ALTER TABLE event_dyads ADD COLUMN month TEXT",  # the event's, see event_month
    "ALTER TABLE event_dyads ADD COLUMN quad_class INTEGER",
    "ALTER TABLE event_dyads ADD COLUMN intensity REAL",
    ("UPDATE event_dyads SET month = m.month, quad_class = m.quad_class,"
     f" intensity = m.intensity FROM (SELECT id, {_MONTH} AS month, quad_class, intensity"
     " FROM events) AS m WHERE m.id = event_dyads.event_id"),
    ("CREATE INDEX event_dyads_month"
     " ON event_dyads (month, country_a, country_b, quad_class, intensity, event_id)"),
    # the distinct names of each registry entry (registry_aliases has one row per document)
    """CREATE TABLE registry_names (
        registry_id INTEGER NOT NULL REFERENCES registry (id) ON DELETE CASCADE,
        norm_alias TEXT NOT NULL,
        PRIMARY KEY (registry_id, norm_alias)
    ) WITHOUT ROWID""",
    "DROP INDEX registry_aliases_norm",
    "CREATE INDEX registry_aliases_norm ON registry_aliases (norm_alias, registry_id)",
    """CREATE TRIGGER registry_names_insert AFTER INSERT ON registry_aliases BEGIN
        INSERT OR IGNORE INTO registry_names (registry_id, norm_alias)
        VALUES (new.registry_id, new.norm_alias);
    END""",
    f"""CREATE TRIGGER registry_names_delete AFTER DELETE ON registry_aliases BEGIN
        {_FORGET_NAME};
    END""",
    f"""CREATE TRIGGER registry_names_update AFTER UPDATE OF registry_id, norm_alias
    ON registry_aliases BEGIN
        {_FORGET_NAME};
        INSERT OR IGNORE INTO registry_names (registry_id, norm_alias)
        VALUES (new.registry_id, new.norm_alias);
    END""",
    # the columns filters read, by event id: checked without reading the event's row
    "CREATE INDEX events_facts ON events (id, type, quad_class, date_lo, date_hi)",
    # an event's participants in one seek (participant filters checked event by event)
    ("CREATE INDEX event_participants_event"
     " ON event_participants (event_id, registry_id, country, role)"),
    # participants named without a registry entry (name filters look at these names only)
    ("CREATE INDEX event_participants_unregistered ON event_participants (norm_name, event_id)"
     " WHERE registry_id IS NULL AND norm_name IS NOT NULL"),
    # substrings of events.norm_text (text filters): trigrams of every event's text
    ("CREATE VIRTUAL TABLE events_text USING fts5 (norm_text, content = 'events',"
     " content_rowid = 'id', tokenize = 'trigram')"),
    """CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_text (rowid, norm_text) VALUES (new.id, new.norm_text);
    END""",
    """CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_text (events_text, rowid, norm_text)
        VALUES ('delete', old.id, old.norm_text);
    END""",
    """CREATE TRIGGER events_text_update AFTER UPDATE OF norm_text ON events BEGIN
        INSERT INTO events_text (events_text, rowid, norm_text)
        VALUES ('delete', old.id, old.norm_text);
        INSERT INTO events_text (rowid, norm_text) VALUES (new.id, new.norm_text);
    END""",
]


def migration_5(conn: sqlite3.Connection) -> None:
    """Queries that stay fast on a million events: an index per event sort, each dyad's
    month, quad class and intensity (``event_dyads``, indexed by month), the distinct names of
    registry entries (``registry_names``, kept by triggers), an index of the participants named
    without a registry entry, and a trigram index of the events' text (``events_text``, FTS5,
    kept by triggers); existing rows are backfilled."""
    for statement in _V5:
        conn.execute(statement)
    fill_search(conn)


def fill_search(conn: sqlite3.Connection) -> None:
    """Fill ``registry_names`` and ``events_text`` from ``registry_aliases`` and ``events``
    (what their triggers do row by row; for migration 5 and bulk loads without triggers)."""
    conn.execute("DELETE FROM registry_names")
    conn.execute(
        "INSERT OR IGNORE INTO registry_names (registry_id, norm_alias)"
        " SELECT registry_id, norm_alias FROM registry_aliases"
    )
    conn.execute("INSERT INTO events_text (events_text) VALUES ('rebuild')")


MIGRATIONS: list[Migration] = [migration_1, migration_2, migration_3, migration_4, migration_5]
"""The migrations in order; ``PRAGMA user_version`` is the number applied."""


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_accord(conn: sqlite3.Connection, where: str) -> None:
    """Raise ``ValueError`` naming ``where`` unless ``conn`` is an accord store or empty.

    Raises ``sqlite3.DatabaseError`` if the file is not a SQLite database at all.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if not tables and _user_version(conn) == 0 and app_id in (0, APPLICATION_ID):
        return  # a new, empty database
    if app_id not in (0, APPLICATION_ID) or "meta" not in tables:
        raise ValueError(f"{where} is a SQLite database of another program, not an accord store")
    row = conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    if row is None or row[0] != "accord":
        raise ValueError(f"{where} is a SQLite database of another program, not an accord store")
    version = _user_version(conn)
    if version > len(MIGRATIONS):
        raise ValueError(
            f"{where} has schema version {version}, newer than this accord supports "
            f"({len(MIGRATIONS)}); upgrade accord"
        )


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] | None = None) -> int:
    """Apply the missing migrations, each in one transaction; return the final version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The version is read again
    inside each write transaction, so two processes opening a new store at once are safe.
    """
    steps = MIGRATIONS if migrations is None else migrations
    while _user_version(conn) < len(steps):
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _user_version(conn)
            if version < len(steps):
                steps[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return _user_version(conn)


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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def write_document(conn: sqlite3.Connection, doc: Document) -> str:
    """Write ``doc`` unless stored with the same extraction: "new", "updated" or "unchanged".

    Runs inside the caller's transaction. An update deletes the document row (the cascade takes
    its extraction) and inserts it again; registry entries it alone named are deleted.
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
    )  # fmt: skip
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
        )  # fmt: skip
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
        )  # fmt: skip
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
        )  # fmt: skip
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
    ).lastrowid  # fmt: skip
    conn.executemany(
        "INSERT INTO event_dyads (event_id, country_a, country_b, month, quad_class, intensity)"
        " VALUES (?,?,?,?,?,?)",
        [(event_id, a, b, event_month(lo, hi), e.quad_class, e.intensity)
         for a, b in sorted(dyads([x.country for x in e.actor], [x.country for x in e.recipient]))],
    )  # fmt: skip
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
