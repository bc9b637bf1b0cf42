"""`accord spark` on a local Spark (local[2]) gives what `accord extract` and `accord ingest`
give on the same articles: the same document JSON, flat tables that agree with it, and the same
store once its output is ingested."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from accord.cli import cli
from accord.errors import ReadError
from accord.read import read_paths
from accord.spark.tables import TABLES, month
from tests.conftest import ROOT
from tests.unit.spark.test_spark_output import store_dump

HAS_PYSPARK = importlib.util.find_spec("pyspark") is not None
HAS_JAVA = shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))

pytestmark = [
    pytest.mark.spark,
    pytest.mark.model,
    pytest.mark.skipif(not HAS_PYSPARK,
                       reason="pyspark is not installed: pip install 'accord[spark]'"),
    pytest.mark.skipif(not HAS_JAVA, reason="Spark needs Java 17+ (no java on PATH, no JAVA_HOME)"),
]

RECORD = {
    "id": "note-1",
    "text": "Le ministre vietnamien de la Défense, Phan Van Giang, a reçu mardi à Hanoï son "
            "homologue japonais, Minoru Kihara. Les deux parties ont convenu de renforcer leur "
            "coopération dans plus de 10 domaines.",
    "published": "2024-03-05",
    "title": "Le Vietnam et le Japon renforcent leur coopération",
    "source": "note",
}
TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
}


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local[2] session for the module; `accord spark` finds it as it finds the session
    spark-submit makes, and the executors' Python workers (and their models) are reused."""
    from accord.spark.job import spark_session

    with spark_session("local[2]", "accord-test", TEST_CONF) as session:
        yield session


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two news-agency dispatches, a Wikinews article, a JSONL record, a binary file (a read
    error) and a README (not an article)."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "vna").mkdir()
    for name in ("000_2c123d201d5f5fb5.txt", "001_30a6577153054cda.txt"):
        shutil.copyfile(ROOT / "examples" / "vna" / name, folder / "vna" / name)
    shutil.copyfile(ROOT / "examples" / "wikinews" / "2016_01_24-003.txt", folder / "wiki.txt")
    (folder / "records.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", "utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "README.md").write_text("Not an article.", "utf-8")
    return folder


@pytest.fixture(scope="module")
def outputs(spark: Any, articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`accord extract` and `accord spark` of the same folder (both exit 1: bad.txt)."""
    work = tmp_path_factory.mktemp("outputs")
    run("extract", str(articles), "-o", str(work / "extract.jsonl"), code=1)
    run("spark", "--master", "local[2]", "--partitions", "2", str(articles), str(work / "spark"),
        code=1)
    return work


def table(folder: Path) -> list[dict[str, Any]]:
    """The rows of a Parquet table written by Spark, with its month= partition column."""
    dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    return list(dataset.to_table().to_pylist())


def test_spark_documents_equal_extract(outputs: Path, articles: Path) -> None:
    lines = (outputs / "extract.jsonl").read_text("utf-8").splitlines()
    extracted = sorted((json.loads(line) for line in lines), key=lambda d: d["id"])
    rows = sorted(table(outputs / "spark" / "documents"), key=lambda r: r["id"])
    assert len(extracted) == 4  # 2 dispatches, 1 Wikinews, 1 JSONL record
    assert [json.loads(r["document"]) for r in rows] == extracted
    assert {d["path"] for d in extracted} >= {str(articles / "wiki.txt"),
                                              f"{articles / 'records.jsonl'}:1"}
    for row, doc in zip(rows, extracted, strict=True):
        assert row["path"] == doc["path"] and row["published"] == doc["published"]
        assert str(row["month"]) == month(doc["published"])
        for name in ("actors", "events", "claims", "statements"):
            assert row[name] == len(doc[name])
    errors = table(outputs / "spark" / "errors")
    bad = next(iter(read_paths([str(articles / "bad.txt")])))
    assert isinstance(bad, ReadError)
    assert [(e["path"], e["reason"]) for e in errors] == [(bad.path, bad.reason)]


def test_flat_tables_agree_with_the_documents(outputs: Path) -> None:
    docs = {r["id"]: json.loads(r["document"]) for r in table(outputs / "spark" / "documents")}
    for name, spec in TABLES.items():
        rows = table(outputs / "spark" / name)
        assert len(rows) == sum(len(d[name]) for d in docs.values()), name
        assert {c.name for c in spec.columns} == set(rows[0]) if rows else True
        for row in rows:
            doc = docs[row["doc_id"]]
            assert str(row["month"]) == month(doc["published"])
            assert row["id"] == f"{row['doc_id']}:{row['idx']}"
    events = table(outputs / "spark" / "events")
    assert any(e["type"] == "CONSULT" and e["actor_names"] for e in events)


def test_ingest_of_the_spark_output_equals_ingest_of_the_articles(
    outputs: Path, articles: Path
) -> None:
    direct, loaded = outputs / "direct.db", outputs / "loaded.db"
    run("ingest", "-q", str(articles), "--db", str(direct), code=1)
    run("ingest", "-q", str(outputs / "spark"), "--db", str(loaded), code=1)
    dump = store_dump(loaded)
    assert len(dump["documents"]) == 4 and len(dump["errors"]) == 1
    assert dump == store_dump(direct)  # extraction hashes included: re-ingesting changes nothing


def test_parquet_input_gives_the_documents_of_the_same_texts(
    spark: Any, outputs: Path, tmp_path: Path
) -> None:
    from accord.spark.job import run as spark_run

    raw = (ROOT / "examples" / "vna" / "001_30a6577153054cda.txt").read_text("utf-8")
    records = [RECORD, {"text": raw, "id": "vna-1", "published": None}]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet")
    result = spark_run(spark, [str(tmp_path / "in.parquet")], str(tmp_path / "out"),
                       fmt="parquet", partitions=2)
    assert result.rows["documents"] == 2 and result.rows["errors"] == 0
    rows = sorted(table(tmp_path / "out" / "documents"), key=lambda r: r["path"])
    got = [json.loads(r["document"]) for r in rows]
    where = tmp_path / "in.parquet"
    assert [d["path"] for d in got] == [f"{where}:1", f"{where}:2"]  # FILE:ROW, as JSONL
    lines = (outputs / "extract.jsonl").read_text("utf-8").splitlines()
    extracted = {d["id"]: d for d in map(json.loads, lines)}  # the same texts from files
    for doc in got:
        assert {**doc, "path": None} == {**extracted[doc["id"]], "path": None}
