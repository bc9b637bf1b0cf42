"""The tables of an ``accord spark`` output, and reading them back for ``accord ingest``.

    OUTPUT/documents/month=YYYY-MM/part-*.parquet   one row per article, with its document JSON
    OUTPUT/actors, events, claims, statements        flat rows, partitioned the same way
    OUTPUT/errors/part-*.parquet                     path, reason

``month`` is the article's published ``YYYY-MM`` (``YYYY`` for a year, ``unknown`` without a date),
so one article's rows share a partition. ``documents`` has the columns of
:data:`accord.store.tables.DOCUMENT_COLUMNS` (not ``ingested_at``) and ``document``, the document
JSON of :func:`document_json` (``Document.to_dict()``, plus ``extra`` and the events' ``negated``
flags when set): nothing extracted is lost. The flat tables (:data:`TABLES`) have the columns of
:mod:`accord.store.tables` without the store's registry ids (a Spark job has no registry), built by
the same record functions from the rows of :mod:`accord.store.doc_rows`.
:func:`is_spark_output` and :func:`read_spark_output` turn such a folder back into
:class:`~accord.records.Document` records, in the order ``accord ingest`` reads the articles,
so that ingesting it gives the store that ingesting the articles gives. This module needs
pyarrow only; :mod:`accord.spark.job` writes the tables.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.errors import ReadError
from accord.records import Document
from accord.store.doc_rows import claim_rows, event_rows, statement_rows
from accord.store.tables import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    STATEMENT_COLUMNS,
    Column,
    claim_record,
    event_record,
    statement_record,
)

__all__ = [
    "DOCUMENT_ROW",
    "ERROR_COLUMNS",
    "TABLES",
    "SparkTable",
    "document_json",
    "document_row",
    "is_spark_output",
    "month",
    "read_spark_output",
]

_REGISTRY = {"actor_ids", "recipient_ids", "speaker_id", "holder_id", "source_id", "ingested_at"}
_MONTH = Column("month", "str")
_DOC_COLUMNS = tuple(c for c in EVENT_COLUMNS
                     if c.name.startswith("doc_") and c.name != "doc_id")


def _spark_columns(columns: Iterable[Column], *more: Column) -> tuple[Column, ...]:
    return (*(c for c in columns if c.name not in _REGISTRY), *more, _MONTH)


@dataclass(frozen=True, slots=True)
class SparkTable:
    """A table of a Spark output: its columns (the last, ``month``, is the partition) and how
    one document gives its rows."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[Document], list[dict[str, Any]]]


DOCUMENT_ROW = _spark_columns(DOCUMENT_COLUMNS, Column("document", "str"))
ERROR_COLUMNS = (Column("path", "str"), Column("reason", "str"))


def month(published: str | None) -> str:
    """The partition of an article: ``YYYY-MM`` of its date, ``YYYY`` for a year, else
    ``unknown``."""
    return published[:7] if published else "unknown"


def _event_rows(doc: Document) -> list[dict[str, Any]]:
    return [event_record(row) for row in event_rows(doc)]


def _statement_rows(doc: Document) -> list[dict[str, Any]]:
    return [statement_record(row) for row in statement_rows(doc)]


def _claim_rows(doc: Document) -> list[dict[str, Any]]:
    return [claim_record(row) for row in claim_rows(doc)]


def _doc_fields(doc: Document) -> dict[str, Any]:
    return {
        "doc_path": doc.path, "doc_title": doc.title, "doc_published": doc.published,
        "doc_url": doc.url, "doc_source": doc.source,
    }


def _actor_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{doc.id}:{idx}", "doc_id": doc.id, "idx": idx, "name": a.name,
            "kind": a.kind, "country": a.country, "sector": a.sector, "titles": list(a.titles),
            "aliases": list(a.aliases), "mentions": len(a.mentions), **_doc_fields(doc),
        }
        for idx, a in enumerate(doc.actors)
    ]


_ACTOR_COLUMNS = (
    Column("id", "str"), Column("doc_id", "str"), Column("idx", "int"), Column("name", "str"),
    Column("kind", "str"), Column("country", "str"), Column("sector", "str"),
    Column("titles", "list[str]"), Column("aliases", "list[str]"), Column("mentions", "int"),
    *_DOC_COLUMNS, _MONTH,
)

TABLES = {
    "actors": SparkTable("actors", _ACTOR_COLUMNS, _actor_rows),
    "events": SparkTable("events", _spark_columns(EVENT_COLUMNS), _event_rows),
    "claims": SparkTable("claims", _spark_columns(CLAIM_COLUMNS), _claim_rows),
    "statements": SparkTable("statements", _spark_columns(STATEMENT_COLUMNS), _statement_rows),
}
"""The flat tables of a Spark output (``documents`` and ``errors`` are written besides)."""


def document_json(doc: Document) -> str:
    """The document JSON of the ``documents`` table: ``to_dict()`` with ``extra`` and the
    events' ``negated`` flags when set (what the store keeps besides), so that
    ``Document.from_dict(json.loads(document_json(d)))`` stores exactly as ``d`` does."""
    payload = doc.to_dict()
    for event, record in zip(doc.events, payload["events"]):
        if event.negated:
            record["negated"] = True
    if doc.extra:
        payload["extra"] = doc.extra
    return json.dumps(payload, ensure_ascii=False, default=str)


def document_row(doc: Document) -> dict[str, Any]:
    """The row of ``doc`` in the ``documents`` table (:data:`DOCUMENT_ROW`)."""
    return {
        "id": doc.id, "path": doc.path, "title": doc.title, "published": doc.published,
        "language": doc.language, "source": doc.source, "url": doc.url,
        "actors": len(doc.actors), "events": len(doc.events), "claims": len(doc.claims),
        "statements": len(doc.statements), "document": document_json(doc),
        "month": month(doc.published),
    }


def _document_table(path: Path) -> Path | None:
    """The documents table of a Spark output given as its folder, the table's folder or one
    Parquet file of it; None if ``path`` is none of these."""
    if path.is_dir() and (path / "documents").is_dir() and _has_document_column(
        path / "documents"
    ):
        return path / "documents"
    if _has_document_column(path):
        return path
    return None


def _parquet_files(path: Path) -> Iterator[Path]:
    if path.is_file():
        if path.suffix == ".parquet":
            yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if name.endswith(".parquet") and not name.startswith((".", "_")):
                yield Path(root) / name


def _first_parquet(path: Path) -> Path | None:
    """A Parquet file of a table as Spark lays it out (``part-*.parquet`` at the top or in
    ``month=`` folders), found without walking a large folder of articles."""
    if path.is_file():
        return path if path.suffix == ".parquet" else None
    if not path.is_dir():
        return None
    for pattern in ("*.parquet", "month=*/*.parquet"):
        for found in sorted(path.glob(pattern)):
            if not found.name.startswith((".", "_")) and found.is_file():
                return found
    return None


def _has_document_column(path: Path) -> bool:
    first = _first_parquet(path)
    if first is None:
        return False
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(first)
    except (OSError, ValueError):
        return False
    return "document" in schema.names and "path" in schema.names


def is_spark_output(path: str) -> bool:
    """Whether ``path`` (local) is an ``accord spark`` output, its documents table or a
    Parquet file of that table."""
    return path != "-" and _document_table(Path(path)) is not None


_LINE = re.compile(r"^(.*\.(?:jsonl|ndjson|json|parquet)):(\d+)$", re.IGNORECASE)


def _order(path: str) -> tuple[tuple[str, ...], int]:
    """The order :func:`accord.read.read_paths` reads a folder in: by path components, then
    by line for JSONL records (``FILE:LINE``)."""
    m = _LINE.match(path)
    if m:
        return tuple(m.group(1).split("/")), int(m.group(2))
    return tuple(path.split("/")), 0


def _table_rows(path: Path, columns: list[str]) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for file in _parquet_files(path):
        with pq.ParquetFile(file) as pf:
            for batch in pf.iter_batches(batch_size=256, columns=columns):
                yield from batch.to_pylist()


def read_spark_output(path: str) -> Iterator[Document | ReadError]:
    """The documents of an ``accord spark`` output (see :func:`is_spark_output`), in the
    order ``accord ingest`` reads the same files (by path), then the output's read errors
    (when ``path`` is the output folder). A row whose JSON is not a document is a
    :class:`ReadError`. The document JSON of the table is held in memory to sort it: ingest a
    very large output one ``month=`` folder at a time."""
    table = _document_table(Path(path))
    if table is None:
        yield ReadError(path, "not an accord spark output (no documents table)")
        return
    rows = sorted(_table_rows(table, ["path", "document"]), key=lambda r: _order(str(r["path"])))
    for row in rows:
        try:
            yield Document.from_dict(json.loads(row["document"]))
        except (ValueError, KeyError, TypeError) as exc:
            yield ReadError(str(row["path"]), f"not a document JSON in {table}: {exc!r}")
    errors = Path(path) / "errors"
    if table != Path(path) and errors.is_dir():
        for row in _table_rows(errors, ["path", "reason"]):
            yield ReadError(str(row["path"]), str(row["reason"]))
