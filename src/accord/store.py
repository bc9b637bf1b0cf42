"""The SQLite store: documents and their extraction, a cross-document actor registry, queries.

One file, no server::

    with Store.open("accord.db") as store:
        store.put_many(documents)                 # idempotent: the same article changes nothing
        rows = store.events(actor="To Lam", since="2024-01")
        said = store.statements(speaker="To Lam", text="coopération")
        tolls = store.claims(unit="morts", min_quantity=10)
        doc = store.document("3fa2c1")            # the full records.Document, by id or prefix

The schema and its migrations are in :mod:`accord.store_schema`, the typed rows queries return in
:mod:`accord.store_rows`, the WHERE clauses of the filters in :mod:`accord.store_filters`, how
an event query reads the store (which index, which filter first) in :mod:`accord.store_plan`,
and the counts (dyads, timeline, network, places, counterparts) in
:mod:`accord.store_aggregates`, whose methods a ``Store`` has. A page of events costs about the
same on a hundred events and on a million (``accord bench --queries``); :meth:`Store.iter_events`
reads every event page by page from where the previous page ended (keyset pagination), and
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
from typing import Any, Self

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
    Span,
    Statement,
)
from accord.store_aggregates import AggregateQueries
from accord.store_filters import (
    EVENT_SORTS,
    Term,
    actor_where,
    claim_where,
    dated_select,
    document_where,
    event_terms,
    statement_where,
)
from accord.store_plan import Plan, count_query, page_query, plan
from accord.store_rows import (
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
from accord.store_schema import (
    check_accord,
    extraction_hash,
    migrate,
    normalize_name,
    registry_key,
    utc_now,
    write_document,
)

__all__ = [
    "EVENT_SORTS",
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

_TABLES = (
    "documents", "doc_actors", "registry", "registry_aliases", "registry_titles", "events",
    "event_participants", "claims", "statements", "errors",
)  # fmt: skip
_CHUNK = 500  # ids per "IN (...)" query
_STORE_FAILURES = frozenset({
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PROTOCOL, sqlite3.SQLITE_NOTADB,
})  # fmt: skip
"""Primary SQLite result codes that mean the store itself failed, not one document's rows."""
_RECORD_ERROR = (
    "INSERT INTO errors (path, reason, at) VALUES (?, ?, ?) "
    "ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, at = excluded.at"
)



def _str(value: object) -> str:
    return "" if value is None else str(value)


def _ostr(value: object) -> str | None:
    return None if value is None else str(value)


def _oint(value: Any) -> int | None:
    return None if value is None else int(value)


def _ofloat(value: Any) -> float | None:
    return None if value is None else float(value)


def _span(start: Any, end: Any) -> Span:
    return (int(start), int(end))





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


class Store(AggregateQueries):
    """An open accord store (one SQLite file). Create with :meth:`Store.open`.

    A ``Store`` belongs to the thread that opened it; open one per thread or process (WAL mode
    lets readers and one writer work at once, writers wait up to ``timeout`` seconds).
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path

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
    ) -> PutStats:
        """Store many documents, one transaction per ``batch`` inputs, in input order.

        A :class:`ReadError` among ``docs`` (an input that could not be read or coded) is
        recorded in the ``errors`` table in the same transaction. Each document is written
        under its own savepoint: one whose rows cannot be stored (its extraction breaks a
        constraint of the schema, say) is rolled back alone and recorded as an error
        ("storing failed: ..."), and the batch goes on. ``on_error`` is called with each
        failure once its batch is committed.

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
            with self._write() as conn:
                for item in pending:
                    outcome = item if isinstance(item, ReadError) else _put_isolated(conn, item)
                    if isinstance(outcome, ReadError):
                        conn.execute(_RECORD_ERROR, (outcome.path, outcome.reason, utc_now()))
                        failures.append(outcome)
                        outcome = "failed"
                    counts[outcome] += 1
            pending.clear()
            if on_error is not None:
                for failure in failures:
                    on_error(failure)

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

    # -- reading ------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        dyad: tuple[str, str] | None = None,
        quad_class: int | None = None,
        text: str | None = None,
        actor_id: int | None = None,
        role: str | None = None,
        sort: str = "date",
    ) -> list[EventRow]:
        """Events, oldest first unless ``sort`` says otherwise, filtered (all filters combine
        with AND).

        ``actor`` is a substring of a participant's normalised name or of a registry alias of
        that participant; ``country`` is any participant's country; ``type`` a PLOVER type
        (case-insensitive); ``since``/``until`` as in the module docstring (``ValueError`` if
        malformed); ``doc_id`` exact; ``dyad`` two countries the event pairs (either order; see
        :func:`accord.store_schema.dyads`); ``quad_class`` 1..4; ``text`` words of the evidence
        or sentence (case and accents ignored); ``actor_id`` a registry entry among the
        participants, on the side ``role`` ("actor" or "recipient") if given. ``sort`` is one of
        :data:`EVENT_SORTS`.
        """
        terms = event_terms(
            actor=actor, country=country, type=type, since=since, until=until, doc_id=doc_id,
            dyad=dyad, quad_class=quad_class, text=text, actor_id=actor_id, role=role,
        )  # fmt: skip
        if sort not in EVENT_SORTS:
            raise ValueError(f"unknown sort {sort!r}; one of {', '.join(EVENT_SORTS)}")
        with self._read() as conn:
            return self._event_page(conn, terms, sort, limit, offset)[0]

    def iter_events(
        self, page: int = 2000, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Iterator[EventRow]:
        """Every event :meth:`events` returns with the same filters (oldest first), read
        ``page`` rows at a time from where the previous page ended (keyset pagination: a page
        costs the same at the end of a million events as at the start)."""
        terms = event_terms(**filters)
        done = 0
        while limit is None or done < limit:
            size = page if limit is None else min(page, limit - done)
            with self._read() as conn:
                rows, last = self._event_page(conn, terms, "date", size, offset)
            yield from rows
            done += len(rows)
            if len(rows) < size or last is None:
                return
            key = last[0] or "~"
            after = "coalesce(e.date_lo, '~') >= ? AND (coalesce(e.date_lo, '~') > ? OR e.id > ?)"
            terms = [t for t in terms if t.name != "after"] + [
                Term("after", after, (key, key, last[1]), column=True,
                     ranges={"date": (after, (key, key, last[1]))})
            ]  # fmt: skip
            offset = 0

    def events_page(
        self, limit: int, offset: int = 0, sort: str = "date", at_most: int | None = None,
        **filters: Any,
    ) -> tuple[list[EventRow], int, bool]:
        """A page of :meth:`events`, how many events the filters keep and whether that count is
        exact, in one read: counted up to ``at_most`` as :meth:`count_events` does, or, when a
        filter enumerates the events (:func:`accord.store_plan.plan`), exactly: what the
        filters keep is then listed once, counted, and the page read from the list."""
        terms = event_terms(**filters)
        if sort not in EVENT_SORTS:
            raise ValueError(f"unknown sort {sort!r}; one of {', '.join(EVENT_SORTS)}")
        with self._read() as conn:
            chosen = plan(conn, terms, sort, offset + limit)
            if chosen.driver is None:
                rows = self._event_page(conn, terms, sort, limit, offset, chosen)[0]
                counting = plan(conn, terms, None, 10**12 if at_most is None else at_most)
                total = int(conn.execute(count_query(counting),
                                         [*counting.params, -1 if at_most is None else at_most]
                                         ).fetchone()[0])  # fmt: skip
                return rows, total, at_most is None or total < at_most
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept_events (id INTEGER PRIMARY KEY)")
            conn.execute("DELETE FROM temp.kept_events")
            conn.execute(f"INSERT INTO temp.kept_events SELECT e.id {chosen.clause()}",
                         chosen.params)  # fmt: skip
            total = int(conn.execute("SELECT count(*) FROM temp.kept_events").fetchone()[0])
            kept = Plan("events e NOT INDEXED", ["e.id IN (SELECT id FROM temp.kept_events)"],
                        [], chosen.driver)  # fmt: skip
            rows = self._event_page(conn, terms, sort, limit, offset, kept)[0]
            conn.execute("DELETE FROM temp.kept_events")
            return rows, total, True

    def _event_page(
        self, conn: sqlite3.Connection, terms: list[Term], sort: str, limit: int | None,
        offset: int, chosen: Plan | None = None,
    ) -> tuple[list[EventRow], tuple[str | None, int] | None]:
        """A page of events and the (``date_lo``, id) of its last one (``chosen``: how to
        read them, else planned here)."""
        order = EVENT_SORTS[sort].format(a="e")
        if chosen is None:
            chosen = plan(conn, terms, sort, offset + (limit if limit is not None else 10**12))
        rows = conn.execute(page_query(chosen, order),
                            [*chosen.params, -1 if limit is None else limit, offset]).fetchall()  # fmt: skip
        parts = self._participants(conn, [int(r["id"]) for r in rows])
        out = []
        for r in rows:
            actors, recipients = parts.get(int(r["id"]), ((), ()))
            out.append(
                EventRow(
                    doc_id=str(r["doc_id"]), idx=int(r["idx"]), type=str(r["type"]),
                    mode=_ostr(r["mode"]), date=_ostr(r["date"]), actors=actors,
                    recipients=recipients, place_name=_ostr(r["place_name"]),
                    place_country=_ostr(r["place_country"]), place_lat=_ofloat(r["place_lat"]),
                    place_lon=_ofloat(r["place_lon"]),
                    context=tuple(json.loads(r["context"])), evidence=_str(r["evidence"]),
                    sentence=_str(r["sentence"]), span=_span(r["span_start"], r["span_end"]),
                    quad_class=_oint(r["quad_class"]), intensity=_ofloat(r["intensity"]),
                    cameo=_ostr(r["cameo"]), trigger=_str(r["trigger"]),
                    date_lo=_ostr(r["date_lo"]), date_hi=_ostr(r["date_hi"]),
                    doc_path=str(r["doc_path"]), doc_title=_ostr(r["doc_title"]),
                    doc_published=_ostr(r["doc_published"]), doc_url=_ostr(r["doc_url"]),
                    doc_source=_ostr(r["doc_source"]),
                )
            )  # fmt: skip
        last = (_ostr(rows[-1]["date_lo"]), int(rows[-1]["id"])) if rows else None
        return out, last

    def _stored_verbs(self) -> list[str]:
        with self._read() as conn:
            return [str(r[0]) for r in conn.execute("SELECT DISTINCT verb FROM statements")]

    def count_events(self, at_most: int | None = None, **filters: Any) -> int:
        """How many events :meth:`events` returns with the same filters and no limit; with
        ``at_most``, counting stops there (``at_most`` then means "that many or more")."""
        terms = event_terms(**filters)
        with self._read() as conn:
            chosen = plan(conn, terms, None, 10**12 if at_most is None else at_most)
            cap = -1 if at_most is None else at_most
            return int(conn.execute(count_query(chosen), [*chosen.params, cap]).fetchone()[0])

    def _count(self, table: str, where: list[str], params: list[object]) -> int:
        sql = f"SELECT count(*) FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        with self._read() as conn:
            return int(conn.execute(sql, params).fetchone()[0])

    def statements(
        self,
        speaker: str | None = None,
        country: str | None = None,
        verb: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        speaker_id: int | None = None,
    ) -> list[StatementRow]:
        """Statements, oldest first, filtered (all filters combine with AND).

        ``speaker`` is a substring of the speaker's normalised name or of a registry alias of
        the speaker; ``country`` the speaker's country; ``verb`` the reporting verb
        (case and accents ignored); ``text`` a substring of the evidence or the sentence
        (case, accents, hyphens and apostrophes ignored); ``since``/``until`` as in the module
        docstring (``ValueError`` if malformed); ``doc_id`` exact; ``speaker_id`` the speaker's
        registry entry.
        """
        where, params = statement_where(self._stored_verbs, speaker, country, verb, since, until,
                                        text, doc_id, speaker_id)
        sql = dated_select("statements", "s", where)
        params += [-1 if limit is None else limit, offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            StatementRow(
                doc_id=str(r["doc_id"]), idx=int(r["idx"]), speaker=_ostr(r["speaker"]),
                speaker_country=_ostr(r["speaker_country"]),
                speaker_registry_id=_oint(r["speaker_registry_id"]), verb=str(r["verb"]),
                date=_ostr(r["date"]), evidence=_str(r["evidence"]), sentence=_str(r["sentence"]),
                span=_span(r["span_start"], r["span_end"]),
                content_span=None if r["content_start"] is None
                else _span(r["content_start"], r["content_end"]),
                doc_path=str(r["doc_path"]), doc_title=_ostr(r["doc_title"]),
                doc_published=_ostr(r["doc_published"]), doc_url=_ostr(r["doc_url"]),
                doc_source=_ostr(r["doc_source"]),
            )
            for r in rows
        ]  # fmt: skip

    def count_statements(self, **filters: Any) -> int:
        """How many statements :meth:`statements` returns with the same filters and no limit."""
        where, params = statement_where(self._stored_verbs, **filters)
        return self._count("statements s", where, params)

    def claims(
        self,
        holder: str | None = None,
        source: str | None = None,
        country: str | None = None,
        unit: str | None = None,
        min_quantity: float | None = None,
        max_quantity: float | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ClaimRow]:
        """Claims, oldest document first, filtered (all filters combine with AND).

        ``holder`` and ``source`` are substrings of the normalised name or of a registry alias
        of the claim's holder or source; ``country`` is the holder's or the source's country;
        ``unit`` a substring of the unit (case and accents ignored); ``min_quantity`` and
        ``max_quantity`` bound the quantity (inclusive); ``text`` a substring of the evidence or
        the sentence; ``since``/``until`` bound the document's ``published`` as in the module
        docstring (``ValueError`` if malformed); ``doc_id`` exact.
        """
        where, params = claim_where(holder, source, country, unit, min_quantity, max_quantity,
                                    since, until, text, doc_id)
        sql = dated_select("claims", "c", where)
        params += [-1 if limit is None else limit, offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            ClaimRow(
                doc_id=str(r["doc_id"]), idx=int(r["idx"]), quantity=float(r["quantity"]),
                qualifier=str(r["qualifier"]), unit=str(r["unit"]), holder=_ostr(r["holder"]),
                holder_country=_ostr(r["holder_country"]),
                holder_registry_id=_oint(r["holder_registry_id"]), source=_ostr(r["source"]),
                source_country=_ostr(r["source_country"]),
                source_registry_id=_oint(r["source_registry_id"]),
                evidence=_str(r["evidence"]), sentence=_str(r["sentence"]),
                span=_span(r["span_start"], r["span_end"]), doc_path=str(r["doc_path"]),
                doc_title=_ostr(r["doc_title"]), doc_published=_ostr(r["doc_published"]),
                doc_url=_ostr(r["doc_url"]), doc_source=_ostr(r["doc_source"]),
            )
            for r in rows
        ]  # fmt: skip

    def count_claims(self, **filters: Any) -> int:
        """How many claims :meth:`claims` returns with the same filters and no limit."""
        where, params = claim_where(**filters)
        return self._count("claims c", where, params)

    @staticmethod
    def _chunks(ids: Sequence[int]) -> Iterator[tuple[str, Sequence[int]]]:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            yield ",".join("?" * len(chunk)), chunk

    def _participants(
        self, conn: sqlite3.Connection, event_ids: Sequence[int]
    ) -> dict[int, tuple[tuple[ParticipantRow, ...], tuple[ParticipantRow, ...]]]:
        found: dict[int, tuple[list[ParticipantRow], list[ParticipantRow]]] = {}
        for marks, chunk in self._chunks(event_ids):
            for r in conn.execute(
                "SELECT event_id, role, name, country, sector, registry_id FROM event_participants"
                f" WHERE event_id IN ({marks}) ORDER BY event_id, role, position",
                chunk,
            ):
                row = ParticipantRow(
                    _ostr(r["name"]), _ostr(r["country"]), _ostr(r["sector"]),
                    _oint(r["registry_id"]),
                )  # fmt: skip
                sides = found.setdefault(int(r["event_id"]), ([], []))
                sides[0 if r["role"] == "actor" else 1].append(row)
        return {k: (tuple(a), tuple(b)) for k, (a, b) in found.items()}

    def actors(
        self,
        name: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        sector: str | None = None,
        actor_id: int | None = None,
    ) -> list[ActorRow]:
        """Registry entries, most documents first; ``name`` is a substring of a name or alias.

        Each row carries its aliases across documents and its titles, most recently seen first,
        each dated by the ``published`` dates of the documents that give it.
        """
        where, params = actor_where(name, country, kind, sector, actor_id)
        sql = (
            "SELECT r.*,"
            " (SELECT count(DISTINCT doc_id) FROM doc_actors a WHERE a.registry_id = r.id) AS nd,"
            " (SELECT count(DISTINCT event_id) FROM event_participants p"
            "  WHERE p.registry_id = r.id) AS ne FROM registry r"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY nd DESC, ne DESC, r.norm_name, r.id LIMIT ? OFFSET ?"
        )
        params += [-1 if limit is None else limit, offset]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
            ids = [int(r["id"]) for r in rows]
            aliases: dict[int, list[str]] = {}
            titles: dict[int, list[TitleRow]] = {}
            for marks, chunk in self._chunks(ids):
                for a in conn.execute(
                    "SELECT DISTINCT x.registry_id, x.alias FROM registry_aliases x JOIN registry"
                    f" r ON r.id = x.registry_id WHERE x.registry_id IN ({marks})"
                    " AND x.alias != r.name ORDER BY x.registry_id, x.alias",
                    chunk,
                ):
                    aliases.setdefault(int(a[0]), []).append(str(a[1]))
                for t in conn.execute(
                    "SELECT registry_id, title, min(date) AS f, max(date) AS l,"
                    " count(DISTINCT doc_id), json_group_array(doc_id) FROM"
                    " (SELECT * FROM registry_titles ORDER BY date IS NULL, date, doc_id)"
                    f" WHERE registry_id IN ({marks}) GROUP BY registry_id, title"
                    " ORDER BY registry_id, l IS NULL, l DESC, f DESC, title",
                    chunk,
                ):
                    titles.setdefault(int(t[0]), []).append(
                        TitleRow(str(t[1]), _ostr(t[2]), _ostr(t[3]), int(t[4]),
                                 tuple(json.loads(t[5])))
                    )  # fmt: skip
        return [
            ActorRow(
                id=int(r["id"]), name=str(r["name"]), kind=str(r["kind"]),
                country=_ostr(r["country"]), sector=_ostr(r["sector"]),
                aliases=tuple(aliases.get(int(r["id"]), ())),
                titles=tuple(titles.get(int(r["id"]), ())),
                documents=int(r["nd"]), events=int(r["ne"]),
            )
            for r in rows
        ]  # fmt: skip

    def actor(self, actor_id: int) -> ActorRow | None:
        """The registry entry ``actor_id``, or None."""
        found = self.actors(actor_id=actor_id)
        return found[0] if found else None

    def count_actors(self, **filters: Any) -> int:
        """How many actors :meth:`actors` returns with the same filters and no limit."""
        where, params = actor_where(**filters)
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
            )  # fmt: skip
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
            )  # fmt: skip
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
            )  # fmt: skip
        dateline = None
        if d["dateline_place"] is not None:
            dateline = Place(
                str(d["dateline_place"]), _ostr(d["dateline_country"]),
                _ofloat(d["dateline_lat"]), _ofloat(d["dateline_lon"]),
            )  # fmt: skip
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
        )  # fmt: skip

    def story(self, doc_id: str) -> StoryRow | None:
        """The language, people, organisations and places of the stored document ``doc_id``."""
        with self._read() as conn:
            d = conn.execute("SELECT language, places FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()  # fmt: skip
            if d is None:
                return None
            actors = conn.execute(
                "SELECT name, kind FROM doc_actors WHERE doc_id = ? ORDER BY idx", (doc_id,)
            ).fetchall()
        places = dict.fromkeys(str(p["name"]) for p in json.loads(d["places"]))
        return StoryRow(
            doc_id, str(d["language"]), tuple(str(a[0]) for a in actors if a[1] == "person"),
            tuple(str(a[0]) for a in actors if a[1] != "person"), tuple(places),
        )  # fmt: skip

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
            )  # fmt: skip
        return Event(
            type=str(r["type"]), mode=_ostr(r["mode"]),
            actor=tuple(Participant(p.name, p.country, p.sector) for p in parts[0]),
            recipient=tuple(Participant(p.name, p.country, p.sector) for p in parts[1]),
            date=_ostr(r["date"]), place=place, context=tuple(json.loads(r["context"])),
            evidence=str(r["evidence"]), span=_span(r["span_start"], r["span_end"]),
            sentence=str(r["sentence"]), negated=bool(r["negated"]),
            quad_class=_oint(r["quad_class"]), intensity=_ofloat(r["intensity"]),
            cameo=_ostr(r["cameo"]), trigger=str(r["trigger"]),
        )  # fmt: skip

    def documents(
        self,
        language: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
    ) -> list[DocumentRow]:
        """Stored documents by published date (undated last), with their extraction counts.

        ``since``/``until`` bound ``published`` (a partial date counts as its first day);
        ``text`` is a
        substring of the title or the path (case ignored).
        """
        where, params = document_where(language, source, since, until, text)
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
        params += [-1 if limit is None else limit, offset]
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
        ]  # fmt: skip

    def count_documents(self, **filters: Any) -> int:
        """How many documents :meth:`documents` returns with the same filters and no limit."""
        where, params = document_where(**filters)
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
        """Row counts per table."""
        with self._read() as conn:
            return {
                t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _TABLES
            }
