"""Run the pipeline on Spark: ``accord spark INPUT OUTPUT``.

    INPUT (text, JSONL, JSON, HTML files or a Parquet table, on any path Spark reads)
      → read   (executors; accord.read's functions: one row per article or read error)
      → repartition
      → code   (mapInArrow, Spark's DataFrame mapPartitions: accord.pipeline.extract with one
                spaCy model per executor Python worker, loaded once and reused by its tasks)
      → OUTPUT/documents, actors, events, claims, statements  (Parquet, partitioned by month)
        OUTPUT/errors                                          (Parquet: path, reason)

Every table is partitioned by ``month``, the article's published ``YYYY-MM`` (``YYYY`` for a
year, ``unknown`` without a date), so one article's rows share a partition. ``documents`` has one
row per article with the columns of :data:`accord.tables.DOCUMENT_COLUMNS` and ``document``, the
document JSON (``Document.to_dict()``, plus ``extra`` and the events' ``negated`` flags when set):
nothing extracted is lost, and :func:`read_spark_output` turns it back into
:class:`~accord.records.Document` records for ``accord ingest``. The flat tables have the
columns of :mod:`accord.tables` without the store's registry ids (a Spark job has no registry):
one row per event, claim, statement, and per actor of a document.

Input formats (``fmt``): ``auto`` reads each file as :func:`accord.read.read_paths` does (by its
suffix; in folders only files ending in :data:`accord.read.READABLE_SUFFIXES`), ``text`` and
``jsonl`` read every file as one article or as JSON lines, ``parquet`` reads a table with a
``text`` column (and optional ``id``, ``published``, ``url``, ``source``, ``title``,
``language``), one article per row. Paths of local inputs are written as ``accord extract``
writes them (relative paths stay relative), so both give the same documents.

:func:`run` is the library entry point (a session in, row counts out); :func:`spark_session`
starts a local session or uses the one ``spark-submit`` made. pyspark is imported by those two
only (extra ``accord[spark]``); reading a Spark output back needs only pyarrow.
"""

from __future__ import annotations

import glob
import json
import os
import pickle
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import reduce
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, ReadError
from accord.pipeline import Options, extract
from accord.read import READABLE_SUFFIXES, read_bytes, read_record
from accord.records import Article, Document
from accord.store_rows import ClaimRow, EventRow, ParticipantRow, StatementRow
from accord.store_schema import event_range
from accord.tables import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    STATEMENT_COLUMNS,
    Column,
    claim_record,
    event_record,
    statement_record,
)
from accord.text import normalize_name

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = [
    "FORMATS",
    "TABLES",
    "SparkResult",
    "SparkTable",
    "is_spark_output",
    "read_spark_output",
    "run",
    "spark_session",
]

FORMATS = ("auto", "text", "jsonl", "parquet")
"""The input formats of :func:`run`."""

_PARQUET_FIELDS = ("text", "id", "published", "url", "source", "title", "language")
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
_ARTICLE_COLUMNS = (Column("path", "str"), Column("reason", "str"), Column("article", "bytes"))
_CODED_COLUMNS = (*DOCUMENT_ROW, Column("reason", "str"))


def month(published: str | None) -> str:
    """The partition of an article: ``YYYY-MM`` of its date, ``YYYY`` for a year, else
    ``unknown``."""
    return published[:7] if published else "unknown"


def _names(doc: Document) -> dict[str, str | None]:
    """Normalised actor name → country of the document's first actor of that name (as the
    store gives a speaker's, holder's or source's country)."""
    out: dict[str, str | None] = {}
    for actor in doc.actors:
        out.setdefault(normalize_name(actor.name), actor.country)
    return out


def _country(names: dict[str, str | None], name: str | None) -> str | None:
    return None if name is None else names.get(normalize_name(name))


def _doc_fields(doc: Document) -> dict[str, Any]:
    return {
        "doc_path": doc.path, "doc_title": doc.title, "doc_published": doc.published,
        "doc_url": doc.url, "doc_source": doc.source,
    }  # fmt: skip


def _people(side: Iterable[Any]) -> tuple[ParticipantRow, ...]:
    return tuple(ParticipantRow(p.name, p.country, p.sector, None) for p in side)


def _event_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for idx, e in enumerate(doc.events):
        lo, hi = event_range(e.date, doc.published)
        place = e.place
        rows.append(event_record(EventRow(
            doc_id=doc.id, idx=idx, type=e.type, mode=e.mode, date=e.date,
            actors=_people(e.actor), recipients=_people(e.recipient),
            place_name=place.name if place else None,
            place_country=place.country if place else None,
            place_lat=place.lat if place else None, place_lon=place.lon if place else None,
            context=e.context, evidence=e.evidence, sentence=e.sentence, span=e.span,
            quad_class=e.quad_class, intensity=e.intensity, cameo=e.cameo, trigger=e.trigger,
            date_lo=lo, date_hi=hi, **_doc_fields(doc),
        )))  # fmt: skip
    return rows


def _statement_rows(doc: Document) -> list[dict[str, Any]]:
    names = _names(doc)
    return [
        statement_record(StatementRow(
            doc_id=doc.id, idx=idx, speaker=s.speaker,
            speaker_country=_country(names, s.speaker), speaker_registry_id=None, verb=s.verb,
            date=s.date, evidence=s.evidence, sentence=s.sentence, span=s.span,
            content_span=s.content_span, **_doc_fields(doc),
        ))
        for idx, s in enumerate(doc.statements)
    ]  # fmt: skip


def _claim_rows(doc: Document) -> list[dict[str, Any]]:
    names = _names(doc)
    return [
        claim_record(ClaimRow(
            doc_id=doc.id, idx=idx, quantity=c.quantity, qualifier=c.qualifier, unit=c.unit,
            holder=c.holder, holder_country=_country(names, c.holder), holder_registry_id=None,
            source=c.source, source_country=_country(names, c.source), source_registry_id=None,
            evidence=c.evidence, sentence=c.sentence, span=c.span, **_doc_fields(doc),
        ))
        for idx, c in enumerate(doc.claims)
    ]  # fmt: skip


def _actor_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{doc.id}:{idx}", "doc_id": doc.id, "idx": idx, "name": a.name,
            "kind": a.kind, "country": a.country, "sector": a.sector, "titles": list(a.titles),
            "aliases": list(a.aliases), "mentions": len(a.mentions), **_doc_fields(doc),
        }
        for idx, a in enumerate(doc.actors)
    ]  # fmt: skip


_ACTOR_COLUMNS = (
    Column("id", "str"), Column("doc_id", "str"), Column("idx", "int"), Column("name", "str"),
    Column("kind", "str"), Column("country", "str"), Column("sector", "str"),
    Column("titles", "list[str]"), Column("aliases", "list[str]"), Column("mentions", "int"),
    *_DOC_COLUMNS, _MONTH,
)  # fmt: skip

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


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "path": doc.path, "title": doc.title, "published": doc.published,
        "language": doc.language, "source": doc.source, "url": doc.url,
        "actors": len(doc.actors), "events": len(doc.events), "claims": len(doc.claims),
        "statements": len(doc.statements), "document": document_json(doc),
        "month": month(doc.published), "reason": None,
    }  # fmt: skip


# --- where an input file's articles say they come from ----------------------------------


@dataclass(frozen=True, slots=True)
class _Input:
    """One INPUT as given, with what the driver knows of it (executors may run elsewhere)."""

    given: str
    local: str | None  # its absolute local path (no scheme or file:), else None
    cwd: str  # the driver's working folder

    @classmethod
    def of(cls, given: str) -> _Input:
        if given.startswith("file:"):
            return cls(given, _file_path(given), os.getcwd())
        if re.match(r"^[A-Za-z][\w+.-]*://", given):
            return cls(given, None, os.getcwd())
        return cls(given, os.path.abspath(given), os.getcwd())

    def where(self, uri: str) -> str:
        """The path of a file of this input as ``accord extract`` writes it: relative to the
        given folder for local inputs, the URI for remote ones."""
        if self.local is None or not uri.startswith("file:"):
            return uri
        path = _file_path(uri)
        if path == self.local:
            return self.given
        if path.startswith(self.local.rstrip("/") + "/") and not self.given.startswith("file:"):
            return os.path.join(self.given, os.path.relpath(path, self.local))
        if not os.path.isabs(self.given) and not self.given.startswith("file:"):
            return os.path.relpath(path, self.cwd)
        return path

    def paths(self) -> list[str]:
        """What Spark reads for this input: a local glob pattern expanded as ``accord
        extract`` expands it (Python's glob, ``**`` included), else the input itself."""
        if self.local is None or not glob.has_magic(self.given):
            return [self.given]
        matches = sorted(glob.glob(self.local, recursive=True))
        if not matches:
            raise AccordError(f"{self.given}: no file matches this pattern")
        return matches

    def keeps(self, uri: str, fmt: str) -> bool:
        """Whether a listed file is read: in ``auto``, a file named by the input itself or one
        with a readable suffix (as :func:`accord.read.read_paths` walks folders)."""
        if fmt != "auto" or uri.lower().endswith(READABLE_SUFFIXES):
            return True
        if self.local is None:
            return uri.rstrip("/") == self.given.rstrip("/")
        return uri.startswith("file:") and _file_path(uri) == self.local


def _file_path(uri: str) -> str:
    """The local path of a ``file:`` URI as Hadoop writes it (not percent-encoded: ``#`` and
    ``?`` are part of the name)."""
    rest = uri[len("file:") :]
    if rest.startswith("//"):  # file://host/path, file:///path
        rest = rest[2:]
        rest = rest[rest.find("/") :] if "/" in rest else "/"
    return rest


# --- executors ----------------------------------------------------------------------------


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    if kind.startswith("list["):
        return pa.list_(_arrow_type(kind[5:-1]))
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "bytes": pa.binary()}[kind]  # fmt: skip


def _ddl_type(kind: str) -> str:
    if kind.startswith("list["):
        return f"array<{_ddl_type(kind[5:-1])}>"
    return {"str": "string", "int": "bigint", "float": "double", "bool": "boolean",
            "bytes": "binary"}[kind]  # fmt: skip


def _ddl(columns: Sequence[Column]) -> str:
    return ", ".join(f"`{c.name}` {_ddl_type(c.kind)}" for c in columns)


def _batches(rows: Iterable[dict[str, Any]], columns: Sequence[Column], size: int) -> Iterator[Any]:
    """Record batches of ``size`` rows (Spark's mapInArrow output)."""
    import pyarrow as pa

    schema = pa.schema([pa.field(c.name, _arrow_type(c.kind)) for c in columns])
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield pa.RecordBatch.from_pylist(batch, schema=schema)
            batch = []
    if batch:
        yield pa.RecordBatch.from_pylist(batch, schema=schema)


def _article_row(item: Article | ReadError) -> dict[str, Any]:
    if isinstance(item, ReadError):
        return {"path": item.path, "reason": item.reason, "article": None}
    return {"path": item.path, "reason": None, "article": pickle.dumps(item)}


_SUFFIX = {"text": ".txt", "jsonl": ".jsonl"}


def _read_files(inputs: Sequence[_Input], fmt: str) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInArrow: binaryFile rows (path, content, input) → article rows."""

    def read(batches: Iterator[Any]) -> Iterator[Any]:
        def items() -> Iterator[dict[str, Any]]:
            for batch in batches:
                for row in batch.to_pylist():
                    source = inputs[row["input"]]
                    if not source.keeps(row["path"], fmt):
                        continue
                    where = source.where(row["path"])
                    name = where + _SUFFIX[fmt] if fmt in _SUFFIX else where
                    for item in read_bytes(row["content"] or b"", name):
                        if name != where:  # the suffix was only there to choose the reader
                            item = _renamed(item, name, where)
                        yield _article_row(item)

        yield from _batches(items(), _ARTICLE_COLUMNS, 64)

    return read


def _renamed(item: Article | ReadError, name: str, where: str) -> Article | ReadError:
    path = where + item.path[len(name) :] if item.path.startswith(name) else item.path
    if isinstance(item, ReadError):
        return ReadError(path, item.reason)
    return replace(item, path=path)


def _plain(value: Any) -> Any:
    """A Parquet cell as :func:`accord.read.read_record` takes it (dates as ISO strings)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _read_rows(inputs: Sequence[_Input]) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInArrow: Parquet rows (text, metadata, _accord_file, _accord_row, input) → article
    rows; a row's path is ``FILE:ROW`` (rows numbered from 1, as JSONL lines are)."""

    def read(batches: Iterator[Any]) -> Iterator[Any]:
        def items() -> Iterator[dict[str, Any]]:
            for batch in batches:
                for row in batch.to_pylist():
                    where = inputs[row["input"]].where(row["_accord_file"])
                    record = {k: _plain(row[k]) for k in _PARQUET_FIELDS if k in row}
                    yield _article_row(read_record(record, f"{where}:{row['_accord_row'] + 1}"))

        yield from _batches(items(), _ARTICLE_COLUMNS, 64)

    return read


def _code(options: Options) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInArrow: article rows → one row per document (or read error). The model is loaded
    once per Python worker (:func:`accord.pipeline.load_pipeline` is cached) and reused by
    every task the worker runs."""

    def code(batches: Iterator[Any]) -> Iterator[Any]:
        def items() -> Iterator[Article | ReadError]:
            for batch in batches:
                for row in batch.to_pylist():
                    if row["article"] is None:
                        yield ReadError(row["path"], row["reason"])
                    else:
                        yield pickle.loads(row["article"])  # pickled by _article_row

        def rows() -> Iterator[dict[str, Any]]:
            for item in extract(items(), options):
                if isinstance(item, ReadError):
                    yield {c.name: None for c in DOCUMENT_ROW} | {
                        "path": item.path, "reason": item.reason, "month": "unknown"}
                else:
                    yield _document_row(item)

        yield from _batches(rows(), _CODED_COLUMNS, options.batch_size)

    return code


def _flatten(table: SparkTable) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInArrow: documents (document JSON, month) → the rows of ``table``."""

    def flatten(batches: Iterator[Any]) -> Iterator[Any]:
        def rows() -> Iterator[dict[str, Any]]:
            for batch in batches:
                for row in batch.to_pylist():
                    doc = Document.from_dict(json.loads(row["document"]))
                    for rec in table.rows(doc):
                        yield {c.name: rec.get(c.name) for c in table.columns} | {
                            "month": row["month"]}

        yield from _batches(rows(), table.columns, 1000)

    return flatten


# --- the driver ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SparkResult:
    output: str
    rows: dict[str, int]  # rows written per table (errors included)


def _pyspark_missing() -> AccordError:
    return AccordError(
        "accord spark needs PySpark (and Java 17 or later): pip install 'accord[spark]'"
    )


@contextmanager
def spark_session(
    master: str | None = None, app_name: str = "accord", config: Mapping[str, str] | None = None
) -> Iterator[SparkSession]:
    """The active Spark session (``spark-submit`` made one, or the caller), else a new one on
    ``master`` (``local[*]`` by default) with ``config``, stopped on exit. Logs at WARN."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise _pyspark_missing() from exc
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    env: dict[str, str] = {}
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (master or "local").startswith("local"):
        # our own local JVM: executors' Python workers run this interpreter (accord installed)
        # and the driver listens on the loopback only
        builder = builder.config("spark.pyspark.python", sys.executable)
        env = {"SPARK_LOCAL_IP": os.environ.get("SPARK_LOCAL_IP", "127.0.0.1")}
    try:
        with _no_pandas_warning(), _environ(env):
            spark = builder.getOrCreate()
    except Exception as exc:  # pyspark raises several kinds here
        raise AccordError(
            f"cannot start Spark (is Java 17+ installed, JAVA_HOME set?): {exc}"
        ) from exc
    spark.sparkContext.setLogLevel("WARN")
    try:
        yield spark
    finally:
        spark.stop()


@contextmanager
def _environ(values: Mapping[str, str]) -> Iterator[None]:
    """Environment variables for the JVM that Spark launches, restored on exit."""
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _no_pandas_warning() -> Iterator[None]:
    """pyspark 4 warns that it does not fully support pandas 3 (when a session starts, when
    an Arrow function is planned); accord hands Spark Arrow batches only."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas",
                                FutureWarning)  # fmt: skip
        yield


@contextmanager
def _conf(spark: SparkSession, key: str, value: str) -> Iterator[None]:
    """A runtime setting of the session, restored on exit."""
    old = spark.conf.get(key, None)
    spark.conf.set(key, value)
    try:
        yield
    finally:
        if old is None:
            spark.conf.unset(key)
        else:
            spark.conf.set(key, old)


def _input_frame(spark: SparkSession, inputs: Sequence[_Input], fmt: str) -> DataFrame:
    from pyspark.sql import functions as F

    frames = []
    for number, source in enumerate(inputs):
        paths = source.paths()
        # the files of a local glob are listed on the driver (a listing job per 32 paths
        # costs seconds and does nothing for a local disk)
        listing = "spark.sql.sources.parallelPartitionDiscovery.threshold"
        with _conf(spark, listing, str(max(32, len(paths) + 1))):
            df = _load(spark, paths, fmt)
        if fmt == "parquet":
            if "text" not in df.columns:
                raise AccordError(f"{source.given}: the Parquet table has no 'text' column")
            keep = [F.col(k) for k in _PARQUET_FIELDS if k in df.columns]
            df = df.select(*keep, F.col("_metadata.file_path").alias("_accord_file"),
                           F.col("_metadata.row_index").alias("_accord_row"))
        else:
            df = df.select("path", "content")
        frames.append(df.withColumn("input", F.lit(number)))
    if fmt == "parquet":
        return reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), frames)
    return reduce(lambda a, b: a.union(b), frames)


def _load(spark: SparkSession, paths: list[str], fmt: str) -> DataFrame:
    if fmt == "parquet":
        return spark.read.parquet(*paths)
    return spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(paths)


def _default_partitions(spark: SparkSession) -> int:
    return max(2, 4 * int(spark.sparkContext.defaultParallelism))


def _check_output(output: str, overwrite: bool) -> None:
    """Fail before any work if a local output folder already has content."""
    if overwrite:
        return
    target = _Input.of(output).local
    if target is not None and os.path.exists(target) and (
        not os.path.isdir(target) or os.listdir(target)
    ):
        raise AccordError(f"{output} exists; choose another OUTPUT or pass --overwrite")


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    *,
    fmt: str = "auto",
    partitions: int | None = None,
    options: Options | None = None,
    overwrite: bool = False,
) -> SparkResult:
    """Extract the articles of ``inputs`` on ``spark`` and write the tables under ``output``.

    ``fmt`` is one of :data:`FORMATS`; ``partitions`` the number of coding tasks (default:
    four per core of the session); ``options`` the pipeline's (``processes`` is ignored: Spark
    runs one worker per core). Raises :class:`AccordError` for a bad format, an existing
    output (unless ``overwrite``) or a Parquet input without ``text``.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if fmt not in FORMATS:
        raise AccordError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if not inputs:
        raise AccordError("no INPUT given")
    _check_output(output, overwrite)
    sources = [_Input.of(given) for given in inputs]
    given = options or Options()
    options = Options(processes=1, batch_size=given.batch_size, model=given.model)
    base = output.rstrip("/")
    mode = "overwrite" if overwrite else "errorifexists"
    batches = _conf(spark, "spark.sql.execution.arrow.maxRecordsPerBatch", "64")  # articles
    plans = _conf(spark, "spark.sql.debug.maxToStringFields", "200")  # no warning on our tables
    with _no_pandas_warning(), batches, plans:
        frame = _input_frame(spark, sources, fmt)
        reader = _read_rows(sources) if fmt == "parquet" else _read_files(sources, fmt)
        articles = frame.mapInArrow(reader, _ddl(_ARTICLE_COLUMNS))
        articles = articles.repartition(partitions or _default_partitions(spark))
        coded = articles.mapInArrow(_code(options), _ddl(_CODED_COLUMNS))
        coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            docs = coded.where(F.col("reason").isNull())
            _write(docs.select(*(c.name for c in DOCUMENT_ROW)), f"{base}/documents", mode)
            for name, table in TABLES.items():
                rows = docs.select("document", "month").mapInArrow(
                    _flatten(table), _ddl(table.columns))
                _write(rows, f"{base}/{name}", mode)
            errors = coded.where(F.col("reason").isNotNull()).select("path", "reason")
            _write(errors, f"{base}/errors", mode, partitioned=False)
            counts = _counts(coded)
        finally:
            coded.unpersist()
    return SparkResult(output, counts)


def _counts(coded: DataFrame) -> dict[str, int]:
    """Rows of each table, from the coded documents' counts (one small job)."""
    from pyspark.sql import functions as F

    ok = F.col("reason").isNull()
    sums = [F.coalesce(F.sum(F.when(ok, F.col(n))), F.lit(0)).alias(n) for n in TABLES]
    row = coded.agg(F.count(F.when(ok, 1)).alias("documents"), *sums,
                    F.count(F.when(~ok, 1)).alias("errors")).first()
    return {} if row is None else {k: int(v) for k, v in row.asDict().items()}


def _write(frame: DataFrame, path: str, mode: str, partitioned: bool = True) -> None:
    from py4j.protocol import Py4JError
    from pyspark.errors import AnalysisException, PySparkException

    writer = frame.write.mode(mode)
    if partitioned:
        writer = writer.partitionBy("month")
    try:
        writer.parquet(path)
    except AnalysisException as exc:  # the output exists, cannot be written
        raise AccordError(f"cannot write {path}: {exc}") from exc
    except (PySparkException, Py4JError) as exc:  # a task failed (the model is missing ...)
        raise AccordError(f"the Spark job writing {path} failed: {exc}") from exc


# --- reading an output back (accord ingest) ----------------------------------------------


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


def _has_document_column(path: Path) -> bool:
    first = next(_parquet_files(path), None) if path.exists() else None
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
