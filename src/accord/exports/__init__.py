"""Exports of a store in the formats event-data tools read.

    with Store.open("accord.db") as store:
        export(store, "plover", "events.jsonl", query=EventQuery(country="VNM"))
        export(store, "parquet", "tables/")          # documents, actors, events, claims, statements

Formats (:data:`FORMATS`): ``plover`` (PLOVER JSONL, :mod:`.plover`), ``polecat`` (:mod:`.polecat`),
``gdelt`` (:mod:`.gdelt`) and ``icews`` (:mod:`.icews`) TSV, one row per event; ``csv`` and
``jsonl``, one table of :mod:`accord.store.tables` (``table``, events by default); ``parquet``, the
five tables as ``TABLE.parquet`` files in a folder. An event query
(:class:`accord.store.query.EventQuery`) selects the events, and for ``csv``/``jsonl`` of another
table its dates select that table's rows (another filter is then an error). Rows are read page by
page and written as they come, so memory stays flat whatever the store's size.

:func:`export_documents` writes the same exports from document records without a store
(``accord extract ... | accord export --input -``; :mod:`accord.exports.from_records`).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from accord.errors import AccordError
from accord.exports.context import ExportContext
from accord.exports.gdelt import GDELT_COLUMNS, gdelt_row
from accord.exports.icews import ICEWS_COLUMNS, icews_row
from accord.exports.plover import plover_record
from accord.exports.polecat import POLECAT_COLUMNS, polecat_row
from accord.records import Document
from accord.store.query import (
    ActorQuery,
    ClaimQuery,
    DocumentQuery,
    EventQuery,
    Query,
    StatementQuery,
)
from accord.store.rows import EventRow
from accord.store.tables import TABLES, Column, csv_cell

__all__ = ["EVENT_TSV", "FORMATS", "ExportError", "ExportResult", "export", "export_documents"]

FORMATS = ("plover", "polecat", "gdelt", "icews", "csv", "jsonl", "parquet")
_DATES_ONLY = ("since", "until")  # the filters every dated table knows


class ExportError(AccordError):
    """An export that cannot be made (bad format, table or output)."""


@dataclass(frozen=True, slots=True)
class EventTsv:
    columns: tuple[str, ...]
    row: Callable[[ExportContext, EventRow], list[Any]]
    header: bool
    missing: str  # how the dataset writes a missing value

    def line(self, ctx: ExportContext, event: EventRow) -> str:
        """One event as a line: missing values as the dataset writes them, tabs and line breaks
        inside values as spaces."""
        cells = (
            self.missing if v is None or v == "" else
            str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")
            for v in self.row(ctx, event)
        )
        return "\t".join(cells) + "\n"


EVENT_TSV = {
    "polecat": EventTsv(POLECAT_COLUMNS, polecat_row, True, "None"),
    "gdelt": EventTsv(GDELT_COLUMNS, gdelt_row, False, ""),  # GDELT's files have no header
    "icews": EventTsv(ICEWS_COLUMNS, icews_row, True, ""),
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    path: str  # "-" for standard output
    rows: dict[str, int]  # rows written per table


@contextmanager
def _text_out(path: str | Path | None) -> Iterator[IO[str]]:
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    try:
        with open(target, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc}") from exc


def _table_query(table: str, query: EventQuery, strict: bool) -> Query:
    """The query of ``table`` from the event query: the event query itself for events, its
    dates for the other dated tables, nothing for actors. With ``strict``, any other filter is
    an error (an export of one table); without, it is left out (the Parquet export of every
    table)."""
    if table == "events":
        return query
    allowed = () if table == "actors" else _DATES_ONLY
    unknown = sorted(set(query.filters()) - set(allowed))
    if unknown and strict:
        raise ExportError(f"the {table} table cannot be filtered by {', '.join(unknown)}")
    if table == "actors":
        return ActorQuery()
    if table == "statements":
        return StatementQuery(since=query.since, until=query.until)
    if table == "claims":
        return ClaimQuery(since=query.since, until=query.until)
    return DocumentQuery(since=query.since, until=query.until)


def _check(fmt: str, table: str, path: str | Path | None) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if fmt == "parquet" and (path is None or str(path) == "-"):
        raise ExportError("parquet needs an output folder (-o FOLDER)")


def export(
    store: Any,
    fmt: str,
    path: str | Path | None = None,
    table: str = "events",
    query: EventQuery | None = None,
) -> ExportResult:
    """Write the store's ``fmt`` export of the events ``query`` keeps to ``path`` (standard
    output if None or "-"; a folder for ``parquet``). Raises :class:`ExportError` for a bad
    format, table or path."""
    query = query or EventQuery()
    _check(fmt, table, path)
    if fmt == "parquet":
        assert path is not None
        return _parquet(store, Path(path), query)
    ctx = ExportContext(store)
    count = 0
    with _text_out(path) as out:
        if fmt == "plover":
            for row in TABLES["events"].rows(store, query):
                out.write(json.dumps(plover_record(ctx, row), ensure_ascii=False) + "\n")
                count += 1
        elif fmt in EVENT_TSV:
            spec = EVENT_TSV[fmt]
            if spec.header:
                out.write("\t".join(spec.columns) + "\n")
            for row in TABLES["events"].rows(store, query):
                out.write(spec.line(ctx, row))
                count += 1
        else:
            records = TABLES[table].records(store, _table_query(table, query, True))
            count = _write_records(out, fmt, TABLES[table].columns, records)
    return ExportResult(
        fmt,
        "-" if path is None else str(path),
        {"events" if fmt not in ("csv", "jsonl") else table: count},
    )


def export_documents(
    documents: Iterable[Document],
    fmt: str,
    path: str | Path | None = None,
    table: str = "events",
    query: EventQuery | None = None,
) -> ExportResult:
    """:func:`export` of document records without a store (``accord extract`` writes them):
    the same output as from a store holding these documents, less what only a store has
    (:mod:`accord.exports.from_records`: registry ids and titles, the actors table). ``query``
    may page the events but not filter them (an :class:`ExportError`: filters need a store);
    the ``actors`` table of ``csv``/``jsonl`` is an error too."""
    from accord.exports.from_records import RecordRows

    query = query or EventQuery()
    _check(fmt, table, path)
    if query.filters() or query.sort != "date":
        given = sorted(query.filters()) + ([] if query.sort == "date" else ["sort"])
        raise ExportError(
            f"records without a store cannot be filtered ({', '.join(given)}); ingest them"
            " (accord ingest FILE --db DB) and export the store with the filters"
        )
    if fmt in ("csv", "jsonl") and table == "actors":
        raise ExportError("the actors table is the store's registry; records have none: ingest"
                          " them (accord ingest FILE --db DB) and export the store")
    return export(RecordRows(documents), fmt, path, table=table, query=query)


def _write_records(
    out: IO[str], fmt: str, columns: tuple[Column, ...], records: Iterable[dict[str, Any]]
) -> int:
    count = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(out)
    writer.writerow([c.name for c in columns])
    for rec in records:
        writer.writerow([csv_cell(rec[c.name]) for c in columns])
        count += 1
    return count


_ARROW = {"str": "string", "int": "int64", "float": "float64", "bool": "bool"}


def _schema(columns: tuple[Column, ...]) -> Any:
    import pyarrow as pa

    fields = []
    for col in columns:
        if col.kind.startswith("list["):
            kind = pa.list_(pa.type_for_alias(_ARROW[col.kind[5:-1]]))
        else:
            kind = pa.type_for_alias(_ARROW[col.kind])
        fields.append(pa.field(col.name, kind))
    return pa.schema(fields)


def _parquet(store: Any, folder: Path, query: EventQuery) -> ExportResult:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; parquet writes a folder of tables")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {folder}: {exc}") from exc
    counts: dict[str, int] = {}
    for name, table in TABLES.items():
        keep = _table_query(name, query, strict=False)
        schema = _schema(table.columns)
        count = 0
        with pq.ParquetWriter(folder / f"{name}.parquet", schema) as writer:
            batch: list[dict[str, Any]] = []
            for rec in table.records(store, keep):
                batch.append(rec)
                if len(batch) >= 10_000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count += len(batch)
                    batch.clear()
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        counts[name] = count
    return ExportResult("parquet", str(folder), counts)
