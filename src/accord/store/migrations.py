"""The migrations after the first: how a store of an older schema version is brought up to
date (:func:`accord.store.schema.migrate` applies them in order). Each is a plain function
``migration_N(conn)`` run in its own transaction; those that add columns, tables or triggers
fill them for the rows already stored. The tables they give are drawn in
:mod:`accord.store.schema`; migration 7 (the dyad counts) is in :mod:`accord.store.dyad_counts`.
"""

from __future__ import annotations

import sqlite3

from accord.store.dyad_counts import fill_dyad_counts
from accord.store.write import _norm_text, dyads, event_range, fill_counts, registry_key
from accord.vocab.text import normalize_name

__all__ = [
    "fill_kinds",
    "fill_search",
    "migration_2",
    "migration_3",
    "migration_4",
    "migration_5",
    "migration_6",
    "migration_8",
    "migration_9",
]


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
                         deterministic=True)
    conn.create_function("accord_date_hi", 2, lambda d, p: event_range(d, p)[1],
                         deterministic=True)
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
    # one index per sort of Store.events (accord.store.filters.EVENT_SORTS, ties by id): a page
    # is read in order and stops after its rows; undated events (and no intensity) sort last
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
    _fill_names_and_text(conn)


def fill_search(conn: sqlite3.Connection) -> None:
    """Fill ``registry_names``, ``events_text``, ``event_kinds``, ``dyad_counts`` and the
    counts of :data:`accord.store.write.COUNTS` from the rows they count (what triggers and
    :func:`accord.store.write.write_document` do document by document; for bulk loads)."""
    fill_kinds(conn)
    fill_dyad_counts(conn)
    fill_counts(conn)
    _fill_names_and_text(conn)


def _fill_names_and_text(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM registry_names")
    conn.execute(
        "INSERT OR IGNORE INTO registry_names (registry_id, norm_alias)"
        " SELECT registry_id, norm_alias FROM registry_aliases"
    )
    conn.execute("INSERT INTO events_text (events_text) VALUES ('rebuild')")


_FACTS = "type, quad_class, date_lo, date_hi"  # what the type, quad class and date filters read
_KIND_KEY = (
    "type = old.type AND quad_class = ifnull(old.quad_class, 0)"
    " AND intensity = ifnull(old.intensity, 99)"
)
_COUNT_KIND = (
    "INSERT INTO event_kinds (type, quad_class, intensity, events) VALUES (new.type,"
    " ifnull(new.quad_class, 0), ifnull(new.intensity, 99), 1)"
    " ON CONFLICT (type, quad_class, intensity) DO UPDATE SET events = events + 1"
)
_UNCOUNT_KIND = (
    f"UPDATE event_kinds SET events = events - 1 WHERE {_KIND_KEY};"
    f" DELETE FROM event_kinds WHERE {_KIND_KEY} AND events <= 0"
)

_SORTED = ("events_by_date", "events_by_date_desc", "events_by_intensity",
           "events_by_intensity_desc", "events_by_type")

_V6 = [
    # every sort's index also holds the columns the type, quad class and date filters read:
    # a scan checks them on the index and reads an event's row only for the other filters
    *(f"DROP INDEX {name}" for name in _SORTED),
    f"CREATE INDEX events_by_date ON events (coalesce(date_lo, '~'), id, {_FACTS})",
    f"CREATE INDEX events_by_date_desc ON events (coalesce(date_lo, ''), id, {_FACTS})",
    ("CREATE INDEX events_by_intensity"
     f" ON events (coalesce(intensity, 99), coalesce(date_lo, '~'), id, {_FACTS})"),
    ("CREATE INDEX events_by_intensity_desc"
     f" ON events (coalesce(intensity, -99) DESC, coalesce(date_lo, '~'), id, {_FACTS})"),
    ("CREATE INDEX events_by_type"
     " ON events (type, coalesce(date_lo, '~'), id, quad_class, date_lo, date_hi)"),
    # the same orders within one type and quad class, and intensity for the intensity sorts
    # (a kind): a type or quad class filter reads the ranges of its kinds only, however the
    # kinds fall in the sort's order, and the dates are a range within each kind
    ("CREATE INDEX events_kind_date"
     " ON events (type, quad_class, coalesce(date_lo, '~'), id, date_lo, date_hi)"),
    ("CREATE INDEX events_kind_date_desc"
     " ON events (type, quad_class, coalesce(date_lo, ''), id, date_lo, date_hi)"),
    ("CREATE INDEX events_kind_intensity ON events (type, quad_class, coalesce(intensity, 99),"
     " coalesce(date_lo, '~'), id, date_lo, date_hi, intensity)"),
    ("CREATE INDEX events_kind_intensity_desc ON events (type, quad_class,"
     " coalesce(intensity, -99) DESC, coalesce(date_lo, '~'), id, date_lo, date_hi, intensity)"),
    "DROP INDEX events_quad",  # the kinds of a quad class are read on the kind indexes
    """CREATE TABLE event_kinds (
        type TEXT NOT NULL,
        quad_class INTEGER NOT NULL,  -- 0: none
        intensity REAL NOT NULL,  -- 99: none
        events INTEGER NOT NULL,
        PRIMARY KEY (type, quad_class, intensity)
    ) WITHOUT ROWID""",
    f"CREATE TRIGGER event_kinds_insert AFTER INSERT ON events BEGIN {_COUNT_KIND}; END",
    f"CREATE TRIGGER event_kinds_delete AFTER DELETE ON events BEGIN {_UNCOUNT_KIND}; END",
    ("CREATE TRIGGER event_kinds_update AFTER UPDATE OF type, quad_class, intensity ON events"
     f" BEGIN {_UNCOUNT_KIND}; {_COUNT_KIND}; END"),
]


def migration_6(conn: sqlite3.Connection) -> None:
    """Event pages whatever their type and quad class filters: the sort indexes hold the
    columns those filters and the date filters read, an index per sort within each kind (type
    and quad class, and intensity), and ``event_kinds``, how many events each kind has (kept by
    triggers)."""
    for statement in _V6:
        conn.execute(statement)
    fill_kinds(conn)


def fill_kinds(conn: sqlite3.Connection) -> None:
    """Count the events of each kind into ``event_kinds`` (what its triggers do row by row)."""
    conn.execute("DELETE FROM event_kinds")
    conn.execute(
        "INSERT INTO event_kinds (type, quad_class, intensity, events) SELECT type,"
        " ifnull(quad_class, 0), ifnull(intensity, 99), count(*) FROM events GROUP BY 1, 2, 3"
    )


def migration_8(conn: sqlite3.Connection) -> None:
    """Documents found by their URL (:meth:`accord.Store.has_url`: fetching skips the pages
    already stored)."""
    conn.execute("CREATE INDEX documents_url ON documents (url) WHERE url IS NOT NULL")


_V9 = [
    # the documents and events of each registry entry, and the orders the lists of actors read
    "ALTER TABLE registry ADD COLUMN documents INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE registry ADD COLUMN events INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX registry_by_documents ON registry (documents DESC, events DESC, norm_name, id)",
    "CREATE INDEX registry_by_events ON registry (events DESC, name, id)",
    # an entry's titles, their first and last dates and their first documents, by seeks
    "CREATE INDEX registry_titles_dated ON registry_titles (registry_id, title, date, doc_id)",
    """CREATE TABLE title_counts (
        registry_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        documents INTEGER NOT NULL,  -- the documents that give it
        PRIMARY KEY (registry_id, title)
    ) WITHOUT ROWID""",
    """CREATE TABLE table_rows (
        name TEXT PRIMARY KEY,  -- a table of documents' rows (not the registry, not errors)
        rows INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE event_counts (
        country TEXT NOT NULL,  -- a participant country of the events counted, '' for all
        month TEXT NOT NULL,  -- '': not dated within one month; '*': every date
        date_lo TEXT NOT NULL,  -- the days of an event of no month ('' for the others)
        date_hi TEXT NOT NULL,
        quad_class INTEGER NOT NULL,  -- 0: none
        type TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (country, month, date_lo, date_hi, quad_class, type)
    ) WITHOUT ROWID""",
    # the rows of every date of each country (events by country), apart
    "CREATE INDEX event_counts_every ON event_counts (country, type) WHERE month = '*'",
    """CREATE TABLE pair_counts (
        country TEXT NOT NULL,  -- as in dyad_counts, every date
        country_a TEXT NOT NULL,
        country_b TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        type TEXT NOT NULL,
        events INTEGER NOT NULL,
        intensity_sum INTEGER NOT NULL,  -- in thousandths (exact sums)
        intensities INTEGER NOT NULL,
        PRIMARY KEY (country, country_a, country_b, quad_class, type)
    ) WITHOUT ROWID""",
    "CREATE INDEX pair_counts_pair ON pair_counts (country_a, country_b, country)",
    """CREATE TABLE place_counts (
        country TEXT NOT NULL,  -- as in event_counts
        month TEXT NOT NULL,
        date_lo TEXT NOT NULL,
        date_hi TEXT NOT NULL,
        place_name TEXT NOT NULL,
        place_country TEXT NOT NULL,  -- '': none
        place_lat REAL NOT NULL,  -- 1000: none
        place_lon REAL NOT NULL,
        quad_class INTEGER NOT NULL,
        type TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (country, month, date_lo, date_hi, place_name, place_country, place_lat,
                     place_lon, quad_class, type)
    ) WITHOUT ROWID""",
    """CREATE TABLE actor_pairs (
        registry_a INTEGER NOT NULL,  -- registry_a < registry_b; every date
        registry_b INTEGER NOT NULL,
        events INTEGER NOT NULL,
        cooperation INTEGER NOT NULL,
        conflict INTEGER NOT NULL,
        intensity_sum INTEGER NOT NULL,  -- in thousandths
        intensities INTEGER NOT NULL,
        PRIMARY KEY (registry_a, registry_b)
    ) WITHOUT ROWID""",
    "CREATE INDEX actor_pairs_events ON actor_pairs (events DESC, registry_a, registry_b)",
]


def migration_9(conn: sqlite3.Connection) -> None:
    """Counts kept ahead for the overview, the timeline, the network, the places and the list of
    actors (:data:`accord.store.write.COUNTS`): ``event_counts``, ``pair_counts``,
    ``place_counts``, ``actor_pairs``, ``title_counts``, ``table_rows`` and the documents and
    events of each registry entry; counted from the stored rows."""
    for statement in _V9:
        conn.execute(statement)
    fill_counts(conn)
