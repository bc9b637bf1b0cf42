"""Reading an `accord spark` output back without Spark: Document.from_dict, the documents table
as `accord ingest` loads it, and where a file's articles say they come from."""

from __future__ import annotations

import dataclasses
import json
import pickle
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from accord.cli import cli
from accord.errors import ReadError
from accord.records import Article, Document
from accord.spark.job import _Input, _read_files, _read_rows
from accord.spark.tables import (
    DOCUMENT_ROW,
    TABLES,
    _order,
    document_json,
    is_spark_output,
    month,
    read_spark_output,
)
from accord.store import Store
from tests.factories import TEXT, make_doc

TIMESTAMPS = {"ingested_at", "at"}


def store_dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of a store, sorted, without the times rows were written."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        out = {}
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if n not in TIMESTAMPS]
            out[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
        return out
    finally:
        conn.close()


def docs() -> list[Document]:
    first = make_doc()
    negated = dataclasses.replace(first.events[0], negated=True)
    second = dataclasses.replace(
        make_doc(TEXT + " Fin.", path="seeds/002.txt", published=None), events=(negated,),
        extra={},
    )
    third = make_doc(TEXT + " Encore.", path="seeds/010.txt", published="2016-02-09")
    return [first, second, third]


def write_output(folder: Path, documents: list[Document], errors: list[tuple[str, str]]) -> None:
    """A documents and an errors table laid out as Spark writes them (month= partitions)."""
    columns = [c.name for c in DOCUMENT_ROW if c.name != "month"]
    by_month: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        row = {"id": doc.id, "path": doc.path, "title": doc.title, "published": doc.published,
               "language": doc.language, "source": doc.source, "url": doc.url,
               "actors": len(doc.actors), "events": len(doc.events), "claims": len(doc.claims),
               "statements": len(doc.statements), "document": document_json(doc)}
        by_month.setdefault(month(doc.published), []).append(row)
    for value, rows in by_month.items():
        part = folder / "documents" / f"month={value}"
        part.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(rows).select(columns), part / "part-00000.parquet")
    (folder / "documents" / "_SUCCESS").write_text("")
    (folder / "errors").mkdir()
    table = pa.table({"path": [p for p, _ in errors], "reason": [r for _, r in errors]},
                     schema=pa.schema([("path", pa.string()), ("reason", pa.string())]))
    pq.write_table(table, folder / "errors" / "part-00000.parquet")


def test_from_dict_inverts_to_dict() -> None:
    for doc in docs():
        plain = dataclasses.replace(  # the document JSON has no negated flag
            doc, events=tuple(dataclasses.replace(e, negated=False) for e in doc.events))
        assert Document.from_dict(doc.to_dict()) == plain
        back = Document.from_dict(json.loads(document_json(doc)))
        assert back == doc
        assert back.extra == doc.extra
        assert [e.negated for e in back.events] == [e.negated for e in doc.events]
        assert back.to_dict() == doc.to_dict()


def test_flat_tables_have_one_row_per_record() -> None:
    doc = docs()[0]
    counts = {"actors": len(doc.actors), "events": len(doc.events), "claims": len(doc.claims),
              "statements": len(doc.statements)}
    for name, table in TABLES.items():
        rows = table.rows(doc)
        assert len(rows) == counts[name]
        names = {c.name for c in table.columns}
        assert "month" in names and "doc_id" in names
        assert not names & {"actor_ids", "speaker_id", "holder_id", "ingested_at"}
        for row in rows:
            assert row["doc_id"] == doc.id
            assert set(row) >= names - {"month"}
    event = TABLES["events"].rows(doc)[0]
    assert event["actor_names"] == ["Chen Siyuan"] and event["date_lo"] == "2024-01-10"
    statement = TABLES["statements"].rows(doc)[0]
    assert statement["speaker_country"] == "VNM"


def test_month_partitions() -> None:
    assert month("2024-01-10") == "2024-01"
    assert month("2024") == "2024"
    assert month(None) == "unknown"


def test_ingest_of_a_spark_output_equals_ingest_of_the_documents(tmp_path: Path) -> None:
    documents = docs()
    out = tmp_path / "out"
    write_output(out, list(reversed(documents)), [("seeds/bad.txt", "binary file (NUL bytes)")])
    assert is_spark_output(str(out))
    assert is_spark_output(str(out / "documents"))
    assert not is_spark_output(str(tmp_path / "nothing"))
    loaded = list(read_spark_output(str(out)))
    assert [d.path for d in loaded[:3] if isinstance(d, Document)] == [
        "seeds/001.txt", "seeds/002.txt", "seeds/010.txt"]  # path order, as a folder is read
    assert loaded[:3] == documents and loaded[3].path == "seeds/bad.txt"

    direct = tmp_path / "direct.db"
    with Store.open(str(direct)) as store:
        store.put_many(documents)
        store.record_error("seeds/bad.txt", "binary file (NUL bytes)")
    spark = tmp_path / "spark.db"
    result = CliRunner().invoke(cli, ["ingest", "-q", str(out), "--db", str(spark)])
    assert result.exit_code == 1, result.output  # the output's read error is a failure
    assert store_dump(spark) == store_dump(direct)
    again = CliRunner().invoke(cli, ["ingest", "-q", str(out / "documents"), "--db", str(spark)])
    assert again.exit_code == 0 and "3 unchanged" in again.output


def test_a_folder_of_articles_is_not_a_spark_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Un texte.", "utf-8")
    pq.write_table(pa.table({"text": ["x"]}), tmp_path / "t.parquet")
    assert not is_spark_output(str(tmp_path))
    assert not is_spark_output(str(tmp_path / "t.parquet"))
    assert not is_spark_output("-")


def test_paths_are_written_as_accord_extract_writes_them(tmp_path: Path) -> None:
    cwd = str(tmp_path)
    folder = _Input("in/", str(tmp_path / "in"), cwd)
    assert folder.where(f"file:{tmp_path}/in/vna/a b é.txt") == "in/vna/a b é.txt"
    assert folder.where(f"file://localhost{tmp_path}/in/n°1 #2?.txt") == "in/n°1 #2?.txt"
    assert _Input.of(f"file://{tmp_path}/in").local == f"{tmp_path}/in"
    one = _Input("in/a.txt", str(tmp_path / "in" / "a.txt"), cwd)
    assert one.where(f"file:{tmp_path}/in/a.txt") == "in/a.txt"
    glob = _Input("in/*/a.txt", str(tmp_path / "in" / "*" / "a.txt"), cwd)
    assert glob.where(f"file:{tmp_path}/in/x/a.txt") == "in/x/a.txt"
    absolute = _Input(f"{tmp_path}/in", f"{tmp_path}/in", cwd)
    assert absolute.where(f"file://{tmp_path}/in/a.txt") == f"{tmp_path}/in/a.txt"
    remote = _Input.of("hdfs://nn/data")
    assert remote.local is None
    assert remote.where("hdfs://nn/data/a.txt") == "hdfs://nn/data/a.txt"
    assert _Input.of("hdfs://nn/data/notes.md").keeps("hdfs://nn/data/notes.md", "auto")
    assert not remote.keeps("hdfs://nn/data/notes.md", "auto")
    assert folder.keeps(f"file:{tmp_path}/in/a.jsonl", "auto")
    assert not folder.keeps(f"file:{tmp_path}/in/README.md", "auto")
    assert folder.keeps(f"file:{tmp_path}/in/README.md", "text")
    named = _Input("in/notes.md", str(tmp_path / "in" / "notes.md"), cwd)
    assert named.keeps(f"file:{tmp_path}/in/notes.md", "auto")


def test_order_follows_read_paths() -> None:
    paths = ["d/b.txt", "d/a.jsonl:10", "d/a.jsonl:2", "d/a-b/c.txt", "d/a/z.txt"]
    assert sorted(paths, key=_order) == [
        "d/a/z.txt", "d/a-b/c.txt", "d/a.jsonl:2", "d/a.jsonl:10", "d/b.txt"]


def test_without_pyspark_the_command_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # import fails as if not installed
    result = CliRunner().invoke(cli, ["spark", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "pip install 'accord[spark]'" in result.output


def _articles(reader: Any, rows: list[dict[str, Any]]) -> list[Any]:
    """What a read function of the Spark job makes of input rows (no Spark: Arrow batches)."""
    out = []
    for batch in reader(iter([pa.RecordBatch.from_pylist(rows)])):
        for row in batch.to_pylist():
            out.append(pickle.loads(row["article"]) if row["article"] else
                       ReadError(row["path"], row["reason"]))
    return out


def test_files_are_read_as_accord_extract_reads_them(tmp_path: Path) -> None:
    source = _Input("in", str(tmp_path / "in"), str(tmp_path))
    lines = '{"text": "Le ministre a reçu son homologue.", "id": "a"}\n\n{"x": 1}\n'.encode()
    rows = [
        {"path": f"file:{tmp_path}/in/a.txt", "content": b"Un article.", "input": 0},
        {"path": f"file:{tmp_path}/in/b.jsonl", "content": lines, "input": 0},
        {"path": f"file:{tmp_path}/in/notes.md", "content": b"Notes.", "input": 0},
        {"path": f"file:{tmp_path}/in/bad.txt", "content": b"\x00\x01", "input": 0},
    ]
    auto = _articles(_read_files([source], "auto"), rows)
    assert [a.path for a in auto] == ["in/a.txt", "in/b.jsonl:1", "in/b.jsonl:3", "in/bad.txt"]
    assert [type(a).__name__ for a in auto] == ["Article", "Article", "ReadError", "ReadError"]
    assert auto[1].source_id == "a"
    text = _articles(_read_files([source], "text"), rows[1:3])
    assert [a.path for a in text] == ["in/b.jsonl", "in/notes.md"]  # one article per file
    no_suffix = {**rows[1], "path": rows[1]["path"].removesuffix(".jsonl")}
    as_lines = _articles(_read_files([source], "jsonl"), [no_suffix])
    assert [a.path for a in as_lines] == ["in/b:1", "in/b:3"]  # FILE:LINE, whatever the suffix


def test_parquet_rows_are_read_as_jsonl_records(tmp_path: Path) -> None:
    source = _Input("t.parquet", str(tmp_path / "t.parquet"), str(tmp_path))
    rows = [
        {"text": "Le ministre a reçu son homologue.", "id": "a", "published": date(2024, 1, 10),
         "_accord_file": f"file:{tmp_path}/t.parquet", "_accord_row": 0, "input": 0},
        {"text": None, "id": "b", "published": None,
         "_accord_file": f"file:{tmp_path}/t.parquet", "_accord_row": 1, "input": 0},
    ]
    got = _articles(_read_rows([source]), rows)
    assert isinstance(got[0], Article) and got[0].path == "t.parquet:1"
    assert got[0].published == "2024-01-10" and got[0].source_id == "a"
    assert isinstance(got[1], ReadError) and got[1].path == "t.parquet:2"
