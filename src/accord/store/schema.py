"""The schema of the SQLite store: its tables and their migrations.

A migration is a plain function ``migration_N(conn)`` that runs DDL on an open connection: the
first (the tables of version 1) is here, the others in :mod:`accord.store.migrations`. They
are listed in order in :data:`MIGRATIONS`; ``PRAGMA user_version`` holds how many have been
applied. :func:`migrate` applies the missing ones, each in its own ``BEGIN IMMEDIATE``
transaction (SQLite DDL is transactional, so a failed migration leaves the previous version).
A store is recognised by its ``meta`` table (``application = accord``) and its
``PRAGMA application_id``.

Tables (version 9; migration 2 changes registry keys only, migration 3 adds the statement and
claim columns after ``sentence``/``content_*`` below, migration 4 the documents' ``dates`` and
``places``, ``events.norm_text`` and ``event_dyads``, migration 5 ``registry_names``,
``events_text``, the month, quad class and intensity of ``event_dyads`` and the indexes of the
event sorts, migration 6 ``event_kinds`` and the indexes of the event sorts within a kind,
migration 7 the type, days and countries of ``event_dyads`` and ``dyad_counts``, migration 8 the
index of the documents' ``url``, migration 9 the counts kept ahead of the aggregates: the
registry's ``documents`` and ``events``, ``event_counts``, ``pair_counts``, ``place_counts``,
``actor_pairs``, ``title_counts`` and ``table_rows``, see :data:`accord.store.write.COUNTS`)::

    meta(key PK, value)
    documents(id PK = content hash, path, source_id, title, source, url, published, language,
              text, dateline_place, dateline_country, dateline_lat, dateline_lon, captions JSON,
              extra JSON, extraction_hash, ingested_at, dates JSON, places JSON)
    doc_actors(doc_id, idx, name, norm_name, kind, country, sector, titles JSON, aliases JSON,
               mentions JSON, registry_id)
    registry(id, norm_key UNIQUE, name, norm_name, kind, country, sector, documents, events)
    registry_aliases(registry_id, alias, norm_alias, doc_id)
    registry_titles(registry_id, title, date, doc_id)
    registry_names(registry_id, norm_alias)  -- the distinct aliases, kept by triggers
    events(id, doc_id, idx, type, mode, date, date_lo, date_hi, place_*, context JSON, evidence,
           span_start, span_end, sentence, negated, quad_class, intensity, cameo, trigger,
           norm_text)
    events_text(norm_text)  -- FTS5 trigram index of events.norm_text, kept by triggers
    event_kinds(type, quad_class, intensity, events)  -- events per type, quad class (0: none)
        -- and intensity (99: none), kept by triggers
    event_dyads(event_id, country_a, country_b, month, quad_class, intensity, type, date_lo,
                date_hi, countries JSON)
        -- country_a < country_b (see :func:`dyads`); the event's :func:`event_month`,
        -- quad class, intensity, type and days, and its participants' countries
    dyad_counts(country, month, date_lo, date_hi, country_a, country_b, quad_class, type,
                events, intensity_sum, intensities)  -- event_dyads counted, kept by triggers
        -- (see :mod:`accord.store.dyad_counts`)
    event_counts(country, month, date_lo, date_hi, quad_class, type, events)  -- as dyad_counts,
        -- month '*' for every date
    pair_counts(country, country_a, country_b, quad_class, type, events, intensity_sum,
                intensities)  -- dyad_counts of every date (intensities in thousandths)
    place_counts(country, month, date_lo, date_hi, place_name, place_country, place_lat,
                 place_lon, quad_class, type, events)  -- as event_counts, by place
    actor_pairs(registry_a, registry_b, events, cooperation, conflict, intensity_sum,
                intensities)
    title_counts(registry_id, title, documents)
    table_rows(name, rows)  -- the rows of each table of documents' rows
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

How a ``records.Document`` becomes rows, and the computed columns, keys and date ranges of those
rows (:func:`registry_key`, :func:`extraction_hash`, :func:`event_range`, :func:`dyads`, ...), are
in :mod:`accord.store.write`; this module re-exports them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from accord.store.dyad_counts import migration_7
from accord.store.migrations import (
    fill_search,
    migration_2,
    migration_3,
    migration_4,
    migration_5,
    migration_6,
    migration_8,
    migration_9,
)
from accord.store.write import (
    date_range,
    dyads,
    event_month,
    event_range,
    extraction_hash,
    registry_key,
    utc_now,
    write_document,
)
from accord.vocab.text import normalize_name

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


MIGRATIONS: list[Migration] = [
    migration_1, migration_2, migration_3, migration_4, migration_5, migration_6, migration_7,
    migration_8, migration_9,
]
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
