"""Flat tables of the store: one record (a dict of plain values) per event, statement, claim,
actor or document, with typed columns.

One definition serves every tabular output: the CSV, JSONL and Parquet exports, the CSV of the web
API (``format=csv``) and of the CLI (``--csv``), and the pandas API (:mod:`accord.store.dataset`).
They are the flat form of the JSON items of :mod:`accord.store.items` (same names, same values):
participants are lists (``actor_names``, ``actor_countries``, ``actor_ids`` ...) in the same order,
a span is ``span_start`` and ``span_end``; CSV joins list cells with ``"; "``. Ids: an event,
statement or claim is ``DOCID:IDX`` (its document and its position there); an actor is its registry
id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from accord.store.items import date_precision
from accord.store.query import (
    ActorQuery,
    ClaimQuery,
    DocumentQuery,
    EventQuery,
    Query,
    StatementQuery,
)
from accord.store.rows import ActorRow, ClaimRow, DocumentRow, EventRow, StatementRow

__all__ = [
    "ACTOR_COLUMNS",
    "CLAIM_COLUMNS",
    "DOCUMENT_COLUMNS",
    "EVENT_COLUMNS",
    "STATEMENT_COLUMNS",
    "TABLES",
    "Column",
    "Table",
    "actor_record",
    "claim_record",
    "csv_cell",
    "csv_lines",
    "csv_rows",
    "document_record",
    "event_record",
    "jsonl_lines",
    "statement_record",
]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # "str", "int", "float", "bool", "list[str]", "list[int]", "list[float]"


def _cols(spec: str) -> tuple[Column, ...]:
    """Columns from "name:kind name:kind ..."."""
    return tuple(Column(*item.split(":")) for item in spec.split())


_DOC = "doc_path:str doc_title:str doc_published:str doc_url:str doc_source:str"

EVENT_COLUMNS = _cols(
    "id:str doc_id:str idx:int date:str date_precision:str date_lo:str date_hi:str type:str"
    " mode:str"
    " quad_class:int intensity:float cameo:str"
    " actor_names:list[str] actor_countries:list[str] actor_sectors:list[str]"
    " actor_ids:list[int] recipient_names:list[str] recipient_countries:list[str]"
    " recipient_sectors:list[str] recipient_ids:list[int]"
    " place_name:str place_country:str place_lat:float place_lon:float context:list[str]"
    " trigger:str evidence:str sentence:str span_start:int span_end:int " + _DOC
)
STATEMENT_COLUMNS = _cols(
    "id:str doc_id:str idx:int date:str date_precision:str speaker:str speaker_country:str"
    " speaker_id:int"
    " verb:str evidence:str sentence:str span_start:int span_end:int content_start:int"
    " content_end:int " + _DOC
)
CLAIM_COLUMNS = _cols(
    "id:str doc_id:str idx:int quantity:float qualifier:str unit:str holder:str"
    " holder_country:str holder_id:int source:str source_country:str source_id:int"
    " evidence:str sentence:str span_start:int span_end:int " + _DOC
)
ACTOR_COLUMNS = _cols(
    "id:int name:str kind:str country:str sector:str aliases:list[str] titles:list[str]"
    " title_first:list[str] title_last:list[str] documents:int events:int"
)
DOCUMENT_COLUMNS = _cols(
    "id:str path:str title:str published:str language:str source:str url:str ingested_at:str"
    " actors:int events:int claims:int statements:int"
)


def _id(doc_id: str, idx: int) -> str:
    return f"{doc_id}:{idx}"


def _doc(row: EventRow | StatementRow | ClaimRow) -> dict[str, Any]:
    return {
        "doc_path": row.doc_path, "doc_title": row.doc_title,
        "doc_published": row.doc_published, "doc_url": row.doc_url,
        "doc_source": row.doc_source,
    }


def event_record(row: EventRow) -> dict[str, Any]:
    sides: dict[str, Any] = {}
    for side, people in (("actor", row.actors), ("recipient", row.recipients)):
        sides[f"{side}_names"] = [p.name for p in people]
        sides[f"{side}_countries"] = [p.country for p in people]
        sides[f"{side}_sectors"] = [p.sector for p in people]
        sides[f"{side}_ids"] = [p.registry_id for p in people]
    return {
        "id": _id(row.doc_id, row.idx), "doc_id": row.doc_id, "idx": row.idx, "date": row.date,
        "date_precision": date_precision(row.date), "date_lo": row.date_lo,
        "date_hi": row.date_hi, "type": row.type, "mode": row.mode,
        "quad_class": row.quad_class, "intensity": row.intensity, "cameo": row.cameo, **sides,
        "place_name": row.place_name, "place_country": row.place_country,
        "place_lat": row.place_lat, "place_lon": row.place_lon, "context": list(row.context),
        "trigger": row.trigger, "evidence": row.evidence, "sentence": row.sentence,
        "span_start": row.span[0], "span_end": row.span[1], **_doc(row),
    }


def statement_record(row: StatementRow) -> dict[str, Any]:
    content = row.content_span or (None, None)
    return {
        "id": _id(row.doc_id, row.idx), "doc_id": row.doc_id, "idx": row.idx, "date": row.date,
        "date_precision": date_precision(row.date), "speaker": row.speaker,
        "speaker_country": row.speaker_country, "speaker_id": row.speaker_registry_id, "verb": row.verb, "evidence": row.evidence,
        "sentence": row.sentence, "span_start": row.span[0], "span_end": row.span[1],
        "content_start": content[0], "content_end": content[1], **_doc(row),
    }


def claim_record(row: ClaimRow) -> dict[str, Any]:
    return {
        "id": _id(row.doc_id, row.idx), "doc_id": row.doc_id, "idx": row.idx,
        "quantity": row.quantity, "qualifier": row.qualifier, "unit": row.unit,
        "holder": row.holder, "holder_country": row.holder_country,
        "holder_id": row.holder_registry_id, "source": row.source,
        "source_country": row.source_country, "source_id": row.source_registry_id,
        "evidence": row.evidence, "sentence": row.sentence, "span_start": row.span[0],
        "span_end": row.span[1], **_doc(row),
    }


def actor_record(row: ActorRow) -> dict[str, Any]:
    return {
        "id": row.id, "name": row.name, "kind": row.kind, "country": row.country,
        "sector": row.sector, "aliases": list(row.aliases),
        "titles": [t.title for t in row.titles], "title_first": [t.first for t in row.titles],
        "title_last": [t.last for t in row.titles], "documents": row.documents,
        "events": row.events,
    }


def document_record(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "path": row.path, "title": row.title, "published": row.published,
        "language": row.language, "source": row.source, "url": row.url,
        "ingested_at": row.ingested_at, "actors": row.actors, "events": row.events,
        "claims": row.claims, "statements": row.statements,
    }


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the store: its columns, how a query row becomes a record, the query that
    selects its rows (:mod:`accord.store.query`) and how to read them from a store
    (``read(store, query, page)``: every row the query keeps, ``page`` rows at a time)."""

    name: str
    columns: tuple[Column, ...]
    record: Callable[[Any], dict[str, Any]]
    query: type[Query]
    read: Callable[[Any, Any, int], Iterator[Any]]

    def rows(self, store: Any, query: Query | None = None, page: int = 2000) -> Iterator[Any]:
        """Every query row of the table that ``query`` keeps (its ``limit`` and ``offset``
        included; ``None``: every row), fetched ``page`` rows at a time."""
        if query is not None and not isinstance(query, self.query):
            raise TypeError(f"the {self.name} table takes a {self.query.__name__}, "
                            f"not a {type(query).__name__}")
        return self.read(store, query or self.query(), page)

    def records(
        self, store: Any, query: Query | None = None, page: int = 2000
    ) -> Iterator[dict[str, Any]]:
        """:meth:`rows` as records."""
        return map(self.record, self.rows(store, query, page))


def _paged(method: str) -> Callable[[Any, Any, int], Iterator[Any]]:
    """Reading every row a query keeps through the store's ``method`` (a page of rows per
    call), by ``LIMIT``/``OFFSET``."""

    def read(store: Any, query: Any, page: int) -> Iterator[Any]:
        limit, offset, done = query.limit, query.offset, 0
        while limit is None or done < limit:
            size = page if limit is None else min(page, limit - done)
            rows = getattr(store, method)(query.page(size, offset + done))
            yield from rows
            done += len(rows)
            if len(rows) < size:
                break

    return read


TABLES: Mapping[str, Table] = {
    "events": Table("events", EVENT_COLUMNS, event_record, EventQuery,
                    lambda store, query, page: store.iter_events(query, page)),
    "statements": Table("statements", STATEMENT_COLUMNS, statement_record, StatementQuery,
                        _paged("statements")),
    "claims": Table("claims", CLAIM_COLUMNS, claim_record, ClaimQuery, _paged("claims")),
    "actors": Table("actors", ACTOR_COLUMNS, actor_record, ActorQuery, _paged("actors")),
    "documents": Table("documents", DOCUMENT_COLUMNS, document_record, DocumentQuery,
                       _paged("documents")),
}
"""The five tables by name."""


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: lists joined with "; " (None items as empty), None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join("" if v is None else str(v) for v in value)
    return value


def csv_rows(records: Iterable[Mapping[str, Any]]) -> Iterator[list[Any]]:
    for rec in records:
        yield [csv_cell(v) for v in rec.values()]


def csv_lines(columns: Sequence[Column], records: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A table as CSV text, a header line then one line per record (``--csv`` of the CLI and
    ``format=csv`` of the API)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([c.name for c in columns])
    for rec in records:
        writer.writerow([csv_cell(rec[c.name]) for c in columns])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def jsonl_lines(items: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One JSON object per line (``--jsonl`` of the CLI and ``format=jsonl`` of the API)."""
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"
