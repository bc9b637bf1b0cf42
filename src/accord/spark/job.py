"""Run the pipeline on Spark: ``accord spark INPUT OUTPUT``.

    INPUT (text, JSONL, JSON, HTML files or a Parquet table, on any path Spark reads)
      → read   (executors; accord.read's functions: one row per article or read error)
      → repartition
      → code   (mapInArrow, Spark's DataFrame mapPartitions: accord.pipeline.extract with one
                spaCy model per executor Python worker, loaded once and reused by its tasks)
      → OUTPUT/documents, actors, events, claims, statements  (Parquet, partitioned by month)
        OUTPUT/errors                                          (Parquet: path, reason)

The tables, and how ``accord ingest`` reads them back, are described in :mod:`accord.spark.tables`:
``documents`` keeps the full document JSON (nothing extracted is lost), the flat tables have the
columns of :mod:`accord.store.tables` without registry ids, and every table but ``errors`` is
partitioned by the article's published ``month``.

Input formats (``fmt``): ``auto`` reads each file as :func:`accord.read.read_paths` does (by its
suffix; in folders only files ending in :data:`accord.read.READABLE_SUFFIXES`), ``text`` and
``jsonl`` read every file as one article or as JSON lines, ``parquet`` reads a table with a
``text`` column (and optional ``id``, ``published``, ``url``, ``source``, ``title``,
``language``), one article per row. Paths of local inputs are written as ``accord extract``
writes them (relative paths stay relative), so both give the same documents.

:func:`run` is the library entry point (a session in, row counts out); :func:`spark_session`
starts a local session or uses the one ``spark-submit`` made. pyspark is imported by those two
only (extra ``accord[spark]``).
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
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, ReadError
from accord.pipeline import Options, extract
from accord.read import READABLE_SUFFIXES, read_bytes, read_record
from accord.records import Article, Document
from accord.spark.tables import DOCUMENT_ROW, TABLES, SparkTable, document_row
from accord.store.tables import Column

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["FORMATS", "SparkResult", "check_output", "run", "spark_session"]

FORMATS = ("auto", "text", "jsonl", "parquet")
"""The input formats of :func:`run`."""

_PARQUET_FIELDS = ("text", "id", "published", "url", "source", "title", "language")
_ARTICLE_COLUMNS = (Column("path", "str"), Column("reason", "str"), Column("article", "bytes"))
_CODED_COLUMNS = (*DOCUMENT_ROW, Column("reason", "str"))

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
            "bytes": pa.binary()}[kind]


def _ddl_type(kind: str) -> str:
    if kind.startswith("list["):
        return f"array<{_ddl_type(kind[5:-1])}>"
    return {"str": "string", "int": "bigint", "float": "double", "bool": "boolean",
            "bytes": "binary"}[kind]


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
                    yield document_row(item) | {"reason": None}

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
                                FutureWarning)
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


def check_output(output: str, overwrite: bool) -> None:
    """Raise :class:`AccordError` if the local folder ``output`` already has content (unless
    ``overwrite``): :func:`run` checks it before any work, the CLI before starting Spark."""
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
    check_output(output, overwrite)
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
