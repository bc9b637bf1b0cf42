"""The SQLite store: documents and their extraction, a cross-document actor registry, queries.

One file, no server::

    with Store.open("accord.db") as store:
        store.put_many(documents)                 # idempotent: the same article changes nothing
        rows = store.events(EventQuery(actor="To Lam", since="2024-01"))
        said = store.statements(StatementQuery(speaker="To Lam", text="coopération"))
        tolls = store.claims(ClaimQuery(unit="morts", min_quantity=10))
        doc = store.document("3fa2c1")            # the full records.Document, by id or prefix

The methods that read rows take a query of :mod:`accord.store.query` (``None``: every row). The
schema and its migrations are in :mod:`accord.store.schema`, how a document becomes rows
(computed columns, registry keys, date ranges) in :mod:`accord.store.write`, the typed rows
queries return in :mod:`accord.store.rows`, the WHERE clauses of the filters in
:mod:`accord.store.filters`, how an event query reads the store (which index, which filter
first) in :mod:`accord.store.plan`, the queries of events, statements and claims (filters,
sorts, pages, counts) in :mod:`accord.store.reads`, and the counts (dyads, timeline, network,
places, counterparts) in :mod:`accord.store.aggregates`; a ``Store`` has the methods of these
two. This module opens the store, writes documents and errors, and reads the registry of actors,
the documents and the errors. A page of events costs about the same on a hundred events and on
a million (``python -m benchmarks --queries`` in a checkout); :meth:`Store.iter_events` reads
every event page by page from where the previous page ended (keyset pagination), and
:meth:`Store.count_events` can stop counting at ``at_most``. A document is keyed by its id
(the content hash of its text); ``documents.extraction_hash`` (SHA-256 of the sorted-key JSON of
``Document.to_dict()`` plus the events' ``negated`` flags) tells an unchanged extraction from a new
one: :meth:`Store.put` changes nothing for the former and replaces every row of the document for
the latter, in one transaction. ``Document.extra`` is stored but not hashed (it may carry timings).

Actors are also folded into a shared registry keyed by :func:`registry_key`; a person named in two
documents is one registry row whose titles are dated by each document's ``published``.

Dates in queries: ``since``/``until`` accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial
``since`` means its first day and a partial ``until`` its last day. An event's date (or, when it
has none, its document's ``published``) covers a range of days at its precision ("2024-01" is
2024-01-01..2024-01-31), and the event is returned when that whole range lies within
``[since, until]``: "2024-01" is within since=2024-01-01 and within until=2024-01, not within
since=2024-01-15. So disjoint windows never count an event twice. Undated events are left out of
date-filtered queries. Statements are dated the same way (their own date, else the document's);
claims have no date of their own and are dated by their document's ``published``. Errors are :class:`accord.errors.StoreError`; an ambiguous id prefix too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from accord.errors import ReadError, StoreError
from accord.records import (
    Actor,
    Claim,
    DateRef,
    Document,
    Event,
    Participant,
    Place,
    PlaceRef,
    Statement,
)
from accord.store.aggregates import AggregateQueries
from accord.store.filters import EVENT_SORTS, actor_where, document_where
from accord.store.query import ActorQuery, DocumentQuery
from accord.store.reads import ExtractionQueries, _ofloat, _oint, _ostr, _span
from accord.store.rows import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    ErrorRow,
    EventRow,
    ParticipantRow,
    PutStats,
    StatementRow,
    StoryRow,
    TitleRow,
)
from accord.store.schema import check_accord, migrate
from accord.store.split import SplitReads
from accord.store.write import extraction_hash, registry_key, utc_now, write_document
from accord.vocab.text import normalize_name

__all__ = [
    "EVENT_SORTS",
    "TITLE_DOCUMENTS",
    "ActorRow",
    "ClaimRow",
    "DocumentRow",
    "ErrorRow",
    "EventRow",
    "ParticipantRow",
    "PutStats",
    "StatementRow",
    "Store",
    "TitleRow",
    "extraction_hash",
    "normalize_name",
    "registry_key",
]

CACHE_KIB = 262_144
"""The pages a connection keeps in memory at most, in KiB (SQLite's default is 2,000: on a store
of a million events the indexes a query seeks into then come from the file again and again, and
the system may have dropped them from its own file cache). Memory grows only with the pages a
connection reads: a small store never uses it all."""

_TABLES = (
    "documents", "doc_actors", "registry", "registry_aliases", "registry_titles", "events",
    "event_participants", "claims", "statements", "errors",
)
TITLE_DOCUMENTS = 100
"""The documents listed with an actor's title at most (oldest first; ``documents`` counts them
all): an entry named in tens of thousands of articles is not listed whole."""

_DISTINCT_ALIASES = (  # each entry's aliases, one seek each (registry_aliases: one row a document)
    "WITH RECURSIVE names(registry_id, alias) AS (SELECT r.id, (SELECT min(x.alias)"
    " FROM registry_aliases x WHERE x.registry_id = r.id) FROM registry r WHERE r.id IN ({marks})"
    " UNION ALL SELECT n.registry_id, (SELECT min(x.alias) FROM registry_aliases x"
    " WHERE x.registry_id = n.registry_id AND x.alias > n.alias) FROM names n"
    " WHERE n.alias IS NOT NULL)"
    " SELECT n.registry_id, n.alias FROM names n JOIN registry r ON r.id = n.registry_id"
    " WHERE n.alias IS NOT NULL AND n.alias != r.name ORDER BY 1, 2"
)
_TITLE_DATE = (  # the first or last date of an entry's title, one seek
    "(SELECT {}(x.date) FROM registry_titles x INDEXED BY registry_titles_dated"
    " WHERE x.registry_id = k.registry_id AND x.title = k.title)"
)
_TITLE_DOCUMENTS = (  # the first documents of an entry's title: dated ones by date, then undated
    "SELECT doc_id FROM (SELECT doc_id, 0 AS undated, date FROM (SELECT doc_id, date"
    " FROM registry_titles INDEXED BY registry_titles_dated WHERE registry_id = ? AND title = ?"
    f" AND date IS NOT NULL ORDER BY date, doc_id LIMIT {TITLE_DOCUMENTS})"
    " UNION ALL SELECT doc_id, 1, NULL FROM (SELECT doc_id FROM registry_titles"
    " INDEXED BY registry_titles_dated WHERE registry_id = ? AND title = ? AND date IS NULL"
    f" ORDER BY doc_id LIMIT {TITLE_DOCUMENTS})) ORDER BY undated, date, doc_id"
    f" LIMIT {TITLE_DOCUMENTS}"
)
_COUNTED = ("registry", "errors")  # stats(): counted when asked; the others are kept ahead
_STORE_FAILURES = frozenset({
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PROTOCOL, sqlite3.SQLITE_NOTADB,
})
"""Primary SQLite result codes that mean the store itself failed, not one document's rows."""
_RECORD_ERROR = (
    "INSERT INTO errors (path, reason, at) VALUES (?, ?, ?) "
    "ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, at = excluded.at"
)


def _put_isolated(conn: sqlite3.Connection, doc: Document) -> str | ReadError:
    """:func:`write_document` under a savepoint: "new", "updated" or "unchanged", or the error
    for which the document's rows alone were rolled back. A failure of the store itself is
    raised (the caller's transaction rolls back)."""
    conn.execute("SAVEPOINT accord_document")
    try:
        outcome = write_document(conn, doc)
    except Exception as exc:  # one document that cannot be stored never stops a batch
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _STORE_FAILURES:
            raise
        conn.execute("ROLLBACK TO accord_document")
        conn.execute("RELEASE accord_document")
        return ReadError(doc.path, f"storing failed: {type(exc).__name__}: {exc}")
    conn.execute("RELEASE accord_document")
    return outcome

class Store(ExtractionQueries, AggregateQueries):
    """An open accord store (one SQLite file). Create with :meth:`Store.open`.

    A ``Store`` belongs to the thread that opened it; open one per thread or process (WAL mode
    lets readers and one writer work at once, writers wait up to ``timeout`` seconds).
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        # costly reads split over a second connection (a file's: ":memory:" is another store)
        self._split = None if path == ":memory:" else SplitReads(path, CACHE_KIB)

    @classmethod
    def open(
        cls, path: str | Path, *, timeout: float = 5.0, check_same_thread: bool = True
    ) -> Store:
        """Open (creating and migrating if needed) the store at ``path``.

        ``check_same_thread=False`` lets other threads use the store one at a time (a streamed
        web response is iterated from worker threads).
        """
        where = str(path)
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"cannot open store {where}: it is a directory")
        if where != ":memory:" and not target.parent.is_dir():
            raise StoreError(f"cannot open store {where}: no directory {target.parent}")
        try:
            conn = sqlite3.connect(where, timeout=timeout, isolation_level=None,
                                   check_same_thread=check_same_thread)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {where}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            try:
                check_accord(conn, where)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{where} is not an accord store (not SQLite: {exc})") from exc
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            migrate(conn)
        except ValueError as exc:
            conn.close()
            raise StoreError(str(exc)) from exc
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open store {where}: {exc}") from exc
        return cls(conn, where)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._split is not None:
            self._split.close()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"store {self.path} is closed")
        return self._conn

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        try:
            conn.execute(begin)
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"store {self.path}: {exc}") from exc
            raise

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN")  # one snapshot for the queries of one call

    # -- writing ------------------------------------------------------------------------------

    def put(self, doc: Document) -> bool:
        """Store ``doc``; return False if it was already stored with the same extraction."""
        with self._write() as conn:
            return write_document(conn, doc) != "unchanged"

    def put_many(
        self,
        docs: Iterable[Document | ReadError],
        batch: int = 100,
        *,
        on_error: Callable[[ReadError], None] | None = None,
        on_stored: Callable[[Document | ReadError, str | ReadError], object] | None = None,
    ) -> PutStats:
        """Store many documents, one transaction per ``batch`` inputs, in input order.

        A :class:`ReadError` among ``docs`` (an input that could not be read or coded) is
        recorded in the ``errors`` table in the same transaction. Each document is written
        under its own savepoint: one whose rows cannot be stored (its extraction breaks a
        constraint of the schema, say) is rolled back alone and recorded as an error
        ("storing failed: ..."), and the batch goes on. ``on_error`` is called with each
        failure once its batch is committed, ``on_stored`` with each input and what became of
        it ("new", "updated", "unchanged" or its :class:`ReadError`), in input order, likewise.

        A failure of the store itself (locked, full, I/O) rolls back the open batch and raises
        :class:`StoreError`; so does an exception raised by ``docs``. Committed batches stay:
        running the same input again stores what is missing and leaves the rest unchanged.
        """
        if batch < 1:
            raise ValueError(f"batch must be at least 1, got {batch}")
        counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        pending: list[Document | ReadError] = []

        def flush() -> None:
            failures: list[ReadError] = []
            outcomes: list[str | ReadError] = []
            with self._write() as conn:
                for item in pending:
                    outcome = item if isinstance(item, ReadError) else _put_isolated(conn, item)
                    outcomes.append(outcome)
                    if isinstance(outcome, ReadError):
                        conn.execute(_RECORD_ERROR, (outcome.path, outcome.reason, utc_now()))
                        failures.append(outcome)
                        outcome = "failed"
                    counts[outcome] += 1
            done = list(zip(pending, outcomes, strict=True))
            pending.clear()
            if on_error is not None:
                for failure in failures:
                    on_error(failure)
            if on_stored is not None:
                for item, outcome in done:
                    on_stored(item, outcome)

        for doc in docs:
            pending.append(doc)
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        return PutStats(**counts)

    def record_error(self, path: str, reason: str) -> None:
        """Record that the input ``path`` failed (one row per path, the latest reason)."""
        with self._write() as conn:
            conn.execute(_RECORD_ERROR, (path, reason, utc_now()))

    def clear_errors(self, paths: Sequence[str] | None = None) -> int:
        """Forget the failures of ``paths`` (all of them if None); how many were forgotten."""
        with self._write() as conn:
            if paths is None:
                return int(conn.execute("DELETE FROM errors").rowcount)
            return sum(int(conn.execute("DELETE FROM errors WHERE path = ?", (p,)).rowcount)
                       for p in paths)

    # -- reading ------------------------------------------------------------------------------
    def actors(self, query: ActorQuery | None = None) -> list[ActorRow]:
        """The registry entries ``query`` keeps (:class:`accord.store.query.ActorQuery`), most
        documents first, its page.

        Each row carries its aliases across documents and its titles, most recently seen first,
        each dated by the ``published`` dates of the documents that give it, with how many they
        are and the first :data:`TITLE_DOCUMENTS` of them (oldest first).
        """
        query = query or ActorQuery()
        where, params = actor_where(query)
        sql = (  # the documents and events of each entry are counted ahead (store_write.COUNTS)
            "SELECT r.* FROM registry r"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY r.documents DESC, r.events DESC, r.norm_name, r.id LIMIT ? OFFSET ?"
        )
        params += [-1 if query.limit is None else query.limit, query.offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
            ids = [int(r["id"]) for r in rows]
            aliases: dict[int, list[str]] = {}
            titles: dict[int, list[TitleRow]] = {}
            for marks, chunk in self._chunks(ids):
                for a in conn.execute(_DISTINCT_ALIASES.format(marks=marks), chunk):
                    aliases.setdefault(int(a[0]), []).append(str(a[1]))
                for t in conn.execute(  # the documents of each title are counted ahead
                    f"SELECT k.registry_id, k.title, {_TITLE_DATE.format('min')} AS f,"
                    f" {_TITLE_DATE.format('max')} AS l, k.documents FROM title_counts k"
                    f" WHERE k.registry_id IN ({marks})"
                    " ORDER BY k.registry_id, l IS NULL, l DESC, f DESC, k.title",
                    chunk,
                ):
                    docs = [str(d[0]) for d in conn.execute(_TITLE_DOCUMENTS, (*t[:2], *t[:2]))]
                    titles.setdefault(int(t[0]), []).append(
                        TitleRow(str(t[1]), _ostr(t[2]), _ostr(t[3]), int(t[4]), tuple(docs))
                    )
        return [
            ActorRow(
                id=int(r["id"]), name=str(r["name"]), kind=str(r["kind"]),
                country=_ostr(r["country"]), sector=_ostr(r["sector"]),
                aliases=tuple(aliases.get(int(r["id"]), ())),
                titles=tuple(titles.get(int(r["id"]), ())),
                documents=int(r["documents"]), events=int(r["events"]),
            )
            for r in rows
        ]

    def actor(self, actor_id: int) -> ActorRow | None:
        """The registry entry ``actor_id``, or None."""
        found = self.actors(ActorQuery(actor_id=actor_id))
        return found[0] if found else None

    def count_actors(self, query: ActorQuery | None = None) -> int:
        """How many actors the filters of ``query`` keep (its page aside)."""
        where, params = actor_where(query or ActorQuery())
        return self._count("registry r", where, params)

    def resolve_id(self, doc_id: str) -> str | None:
        """The full id of the document ``doc_id`` or of the one whose id starts with it.

        A prefix must have at least 6 characters. Raises :class:`StoreError` if it is ambiguous.
        """
        with self._read() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                return doc_id
            if len(doc_id) < 6:
                return None
            found = [
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 4",
                    (doc_id, doc_id + "\U0010ffff"),
                )
            ]
        if len(found) > 1:
            shown = ", ".join(found[:3]) + (", ..." if len(found) > 3 else "")
            raise StoreError(f"document id prefix {doc_id!r} is ambiguous: {shown}")
        return found[0] if found else None

    def has_url(self, url: str) -> bool:
        """Whether a document of ``url`` is stored: its ``url`` is ``url``, or its ``path`` (a
        page `accord ingest` fetched has its URL as both)."""
        with self._read() as conn:
            found = conn.execute("SELECT 1 FROM documents WHERE url = ? OR path = ? LIMIT 1",
                                 (url, url)).fetchone()
        return found is not None

    def document(self, doc_id: str) -> Document | None:
        """Rebuild the stored :class:`Document` (by id or unique prefix of ≥ 6 characters)."""
        full = self.resolve_id(doc_id)
        if full is None:
            return None
        with self._read() as conn:
            d = conn.execute("SELECT * FROM documents WHERE id = ?", (full,)).fetchone()
            if d is None:  # deleted between the two reads
                return None
            actors = tuple(
                Actor(
                    name=str(a["name"]), kind=str(a["kind"]), country=_ostr(a["country"]),
                    sector=_ostr(a["sector"]), titles=tuple(json.loads(a["titles"])),
                    aliases=tuple(json.loads(a["aliases"])),
                    mentions=tuple(_span(s, e) for s, e in json.loads(a["mentions"])),
                )
                for a in conn.execute("SELECT * FROM doc_actors WHERE doc_id = ? ORDER BY idx",
                                      (full,))
            )
            rows = conn.execute(
                "SELECT * FROM events WHERE doc_id = ? ORDER BY idx", (full,)
            ).fetchall()
            parts = self._participants(conn, [int(r["id"]) for r in rows])
            events = tuple(self._event(r, parts.get(int(r["id"]), ((), ()))) for r in rows)
            claims = tuple(
                Claim(
                    quantity=float(c["quantity"]), qualifier=str(c["qualifier"]),
                    unit=str(c["unit"]), holder=_ostr(c["holder"]), source=_ostr(c["source"]),
                    evidence=str(c["evidence"]), span=_span(c["span_start"], c["span_end"]),
                    sentence=str(c["sentence"]),
                )
                for c in conn.execute("SELECT * FROM claims WHERE doc_id = ? ORDER BY idx",
                                      (full,))
            )
            statements = tuple(
                Statement(
                    speaker=_ostr(s["speaker"]), verb=str(s["verb"]), date=_ostr(s["date"]),
                    evidence=str(s["evidence"]), span=_span(s["span_start"], s["span_end"]),
                    sentence=str(s["sentence"]),
                    content_span=None if s["content_start"] is None
                    else _span(s["content_start"], s["content_end"]),
                )
                for s in conn.execute("SELECT * FROM statements WHERE doc_id = ? ORDER BY idx",
                                      (full,))
            )
        dateline = None
        if d["dateline_place"] is not None:
            dateline = Place(
                str(d["dateline_place"]), _ostr(d["dateline_country"]),
                _ofloat(d["dateline_lat"]), _ofloat(d["dateline_lon"]),
            )
        return Document(
            id=str(d["id"]), path=str(d["path"]), text=str(d["text"]),
            published=_ostr(d["published"]), language=str(d["language"]),
            title=_ostr(d["title"]), source=_ostr(d["source"]), url=_ostr(d["url"]),
            dateline_place=dateline, captions=tuple(json.loads(d["captions"])), actors=actors,
            events=events, claims=claims, statements=statements, extra=json.loads(d["extra"]),
            dates=tuple(
                DateRef(x["text"], x["value"], x["kind"], _span(*x["span"]))
                for x in json.loads(d["dates"])
            ),
            places=tuple(
                PlaceRef(Place(x["name"], x["country"], x["lat"], x["lon"]), _span(*x["span"]))
                for x in json.loads(d["places"])
            ),
        )

    def story(self, doc_id: str) -> StoryRow | None:
        """The language, people, organisations and places of the stored document ``doc_id``."""
        with self._read() as conn:
            d = conn.execute("SELECT language, places FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()
            if d is None:
                return None
            actors = conn.execute(
                "SELECT name, kind FROM doc_actors WHERE doc_id = ? ORDER BY idx", (doc_id,)
            ).fetchall()
        places = dict.fromkeys(str(p["name"]) for p in json.loads(d["places"]))
        return StoryRow(
            doc_id, str(d["language"]), tuple(str(a[0]) for a in actors if a[1] == "person"),
            tuple(str(a[0]) for a in actors if a[1] != "person"), tuple(places),
        )

    def registry_ids(self, doc_id: str) -> list[int | None]:
        """The registry entry of each actor of the stored document ``doc_id`` (full id), in
        the order of ``Document.actors``."""
        with self._read() as conn:
            return [
                _oint(r[0])
                for r in conn.execute(
                    "SELECT registry_id FROM doc_actors WHERE doc_id = ? ORDER BY idx", (doc_id,)
                )
            ]

    @staticmethod
    def _event(
        r: sqlite3.Row, parts: tuple[tuple[ParticipantRow, ...], tuple[ParticipantRow, ...]]
    ) -> Event:
        place = None
        if r["place_name"] is not None:
            place = Place(
                str(r["place_name"]), _ostr(r["place_country"]),
                _ofloat(r["place_lat"]), _ofloat(r["place_lon"]),
            )
        return Event(
            type=str(r["type"]), mode=_ostr(r["mode"]),
            actor=tuple(Participant(p.name, p.country, p.sector) for p in parts[0]),
            recipient=tuple(Participant(p.name, p.country, p.sector) for p in parts[1]),
            date=_ostr(r["date"]), place=place, context=tuple(json.loads(r["context"])),
            evidence=str(r["evidence"]), span=_span(r["span_start"], r["span_end"]),
            sentence=str(r["sentence"]), negated=bool(r["negated"]),
            quad_class=_oint(r["quad_class"]), intensity=_ofloat(r["intensity"]),
            cameo=_ostr(r["cameo"]), trigger=str(r["trigger"]),
        )

    def documents(self, query: DocumentQuery | None = None) -> list[DocumentRow]:
        """The stored documents ``query`` keeps (:class:`accord.store.query.DocumentQuery`), by
        published date (undated last), with their extraction counts, its page."""
        query = query or DocumentQuery()
        where, params = document_where(query)
        counts = ", ".join(
            f"(SELECT count(*) FROM {table} t WHERE t.doc_id = d.id) AS n_{table}"
            for table in ("doc_actors", "events", "claims", "statements")
        )
        sql = (
            f"SELECT d.id, d.path, d.title, d.published, d.language, d.source, d.url,"
            f" d.ingested_at, {counts} FROM documents d"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.published IS NULL, d.published, d.id LIMIT ? OFFSET ?"
        )
        params += [-1 if query.limit is None else query.limit, query.offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            DocumentRow(
                id=str(r["id"]), path=str(r["path"]), title=_ostr(r["title"]),
                published=_ostr(r["published"]), language=str(r["language"]),
                source=_ostr(r["source"]), ingested_at=str(r["ingested_at"]),
                actors=int(r["n_doc_actors"]), events=int(r["n_events"]),
                claims=int(r["n_claims"]), statements=int(r["n_statements"]),
                url=_ostr(r["url"]),
            )
            for r in rows
        ]

    def count_documents(self, query: DocumentQuery | None = None) -> int:
        """How many documents the filters of ``query`` keep (its page aside)."""
        where, params = document_where(query or DocumentQuery())
        return self._count("documents d", where, params)

    def errors(self, limit: int | None = None) -> list[ErrorRow]:
        """Inputs that failed, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT path, reason, at FROM errors ORDER BY at, path LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [ErrorRow(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def stats(self) -> dict[str, int]:
        """Row counts per table (those of documents' rows counted ahead, ``table_rows``)."""
        with self._read() as conn:
            kept = dict(conn.execute("SELECT name, rows FROM table_rows").fetchall())
            return {
                t: int(kept.get(t, 0)) if t not in _COUNTED else
                int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _TABLES
            }
