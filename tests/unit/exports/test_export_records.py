"""Exports of document records without a store (`accord extract ... | accord export --input -`)
against the same exports of a store holding those documents."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from accord.cli import cli
from accord.exports import FORMATS, ExportError, export, export_documents
from accord.exports.from_records import read_documents
from accord.records import Claim, Document, Participant, Statement
from accord.store import Store
from accord.store.query import EventQuery
from accord.store.tables import TABLES
from tests.factories import other_doc, sample_documents, simple_event

# What only a store has: registry ids and titles, the time of ingestion.
REGISTRY = {"actor_ids", "recipient_ids", "speaker_id", "holder_id", "source_id", "ingested_at"}
TITLES = {"Actor Title", "Recipient Title"}


def _documents() -> list[Document]:
    """The sample articles, an undated one with a statement and a claim, two events on the
    same day in two documents (the store's order: by day, then as stored), and events of a
    document stored before the one they precede."""
    visit, attack, treaty = sample_documents()
    late = other_doc("Plus tard, à Hanoï.", "2024-05-02", (
        simple_event("CONSULT", "2016-02-05", (Participant("Tô Lâm", "VNM", "GOV"),),
                     (Participant("Xi Jinping", "CHN", "GOV"),)),
        simple_event("AGREE", None, (Participant("Xi Jinping", "CHN", "GOV"),)),
    ))
    undated = dataclasses.replace(
        other_doc("Sans date aucune.", None, (
            simple_event("THREATEN", None, (Participant("Xi Jinping", "CHN"),),
                         (Participant(None, "TWN"),)),)),
        statements=(Statement("Xi Jinping", "a dit", None, "ev", (0, 2), "Le.", (3, 4)),),
        claims=(Claim(3.0, "exact", "navires", "Xi Jinping", None, "3", (0, 1), "Le."),),
    )
    return [late, visit, undated, attack, treaty]


def _jsonl(docs: list[Document]) -> str:
    """The documents as `accord extract` writes them."""
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs)


@pytest.fixture
def docs() -> list[Document]:
    return _documents()


@pytest.fixture
def db(tmp_path: Path, docs: list[Document]) -> Path:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.put_many(docs)
    return path


def _from_store(db: Path, fmt: str, out: Path, table: str = "events") -> dict[str, int]:
    with Store.open(db) as store:
        return export(store, fmt, out, table).rows


def _from_records(docs: list[Document], fmt: str, out: Path,
                  table: str = "events") -> dict[str, int]:
    lines = io.StringIO(_jsonl(docs))
    return export_documents(read_documents(lines), fmt, out, table).rows


def _empty(value: Any) -> bool:
    return value in (None, "", "None") or (isinstance(value, list) and all(v is None for v in value)) \
        or (isinstance(value, str) and set(value) <= {";", " "})


def _same_but(stored: list[dict[str, Any]], read: list[dict[str, Any]], only_stored: set[str]
              ) -> None:
    """The rows are equal, but for the columns ``only_stored``, empty in ``read``."""
    assert len(stored) == len(read) and stored
    for a, b in zip(stored, read, strict=True):
        assert list(a) == list(b)
        assert all(_empty(b[k]) for k in only_stored if k in b), b
        assert {k: v for k, v in a.items() if k not in only_stored} == \
            {k: v for k, v in b.items() if k not in only_stored}


@pytest.mark.parametrize("fmt", ["gdelt", "icews"])
def test_tsv_without_titles_is_byte_identical(fmt: str, db: Path, docs: list[Document],
                                              tmp_path: Path) -> None:
    a, b = tmp_path / "store.tsv", tmp_path / "records.tsv"
    assert _from_store(db, fmt, a) == _from_records(docs, fmt, b) == {"events": 6}
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("fmt", ["plover", "polecat"])
def test_titled_formats_are_byte_identical_without_registry_titles(
    fmt: str, tmp_path: Path
) -> None:
    """Where no actor has a registry title (no titles in the text), byte-identical."""
    docs = _documents()[2:]  # the undated one, the attack and the agreement: no titles
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.put_many(docs)
    a, b = tmp_path / "store.out", tmp_path / "records.out"
    assert _from_store(db, fmt, a) == _from_records(docs, fmt, b) == {"events": 3}
    assert a.read_bytes() == b.read_bytes()


def test_plover_differs_only_by_registry_titles(db: Path, docs: list[Document],
                                                tmp_path: Path) -> None:
    a, b = tmp_path / "store.jsonl", tmp_path / "records.jsonl"
    _from_store(db, "plover", a)
    _from_records(docs, "plover", b)
    stored = [json.loads(line) for line in a.read_text("utf-8").splitlines()]
    read = [json.loads(line) for line in b.read_text("utf-8").splitlines()]
    for record in read:
        assert all(p["office"] is None for side in ("source", "recipient")
                   for p in record[side])
    for record in stored:
        for side in ("source", "recipient"):
            for part in record[side]:
                part["office"] = None
    assert stored == read
    assert "ministre de la Sécurité publique" in a.read_text("utf-8")


def test_polecat_differs_only_by_registry_titles(db: Path, docs: list[Document],
                                                 tmp_path: Path) -> None:
    a, b = tmp_path / "store.tsv", tmp_path / "records.tsv"
    _from_store(db, "polecat", a)
    _from_records(docs, "polecat", b)
    stored = list(csv.DictReader(io.StringIO(a.read_text("utf-8")), delimiter="\t"))
    read = list(csv.DictReader(io.StringIO(b.read_text("utf-8")), delimiter="\t"))
    _same_but(stored, read, TITLES)
    assert any(r["Actor Title"] not in ("", "None") for r in stored)


@pytest.mark.parametrize("table", ["events", "statements", "claims", "documents"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_tables_equal_but_registry_columns(fmt: str, table: str, db: Path,
                                           docs: list[Document], tmp_path: Path) -> None:
    a, b = tmp_path / "store.out", tmp_path / "records.out"
    assert _from_store(db, fmt, a, table) == _from_records(docs, fmt, b, table)
    if fmt == "jsonl":
        stored = [json.loads(line) for line in a.read_text("utf-8").splitlines()]
        read = [json.loads(line) for line in b.read_text("utf-8").splitlines()]
        # with the registry's columns as the records give them, the store's lines byte for byte
        blanked = [{**a_rec, **{k: b_rec[k] for k in REGISTRY if k in b_rec}}
                   for a_rec, b_rec in zip(stored, read, strict=True)]
        assert "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in blanked) == \
            b.read_text("utf-8")
    else:
        stored = list(csv.DictReader(io.StringIO(a.read_text("utf-8"))))
        read = list(csv.DictReader(io.StringIO(b.read_text("utf-8"))))
    _same_but(stored, read, REGISTRY)


def test_parquet_tables_equal_but_registry(db: Path, docs: list[Document],
                                           tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    a, b = tmp_path / "store", tmp_path / "records"
    stored_counts = _from_store(db, "parquet", a)
    read_counts = _from_records(docs, "parquet", b)
    assert read_counts == {**stored_counts, "actors": 0}
    for name in TABLES:
        stored, read = pq.read_table(a / f"{name}.parquet"), pq.read_table(b / f"{name}.parquet")
        assert stored.schema == read.schema
        if name == "actors":  # the registry: a store's only
            assert read.num_rows == 0 and stored.num_rows > 0
            continue
        _same_but(stored.to_pylist(), read.to_pylist(), REGISTRY)


def test_every_format_is_covered() -> None:
    assert set(FORMATS) == {"gdelt", "icews", "plover", "polecat", "csv", "jsonl", "parquet"}


def test_a_document_seen_again_is_taken_as_the_store_takes_it(
    db: Path, docs: list[Document], tmp_path: Path
) -> None:
    """Unchanged, it stays where it was; changed, it is replaced and its events come after
    the others of their day (the late article's event and the agreement share a day)."""
    late = docs[0]
    unchanged = tmp_path / "unchanged.tsv"
    export_documents([*docs, late], "gdelt", unchanged)
    first, second = unchanged.read_text("utf-8").splitlines()[:2]
    assert first.endswith("Plus tar.txt") and second.endswith("treaty.txt")
    changed = dataclasses.replace(late, events=(
        dataclasses.replace(late.events[0], evidence="autre"), *late.events[1:]))
    with Store.open(db) as store:
        store.put_many([docs[1], changed])
    a, b = tmp_path / "store.tsv", tmp_path / "records.tsv"
    _from_store(db, "gdelt", a)
    export_documents([*docs, docs[1], changed], "gdelt", b)
    assert a.read_bytes() == b.read_bytes()
    first, second = a.read_text("utf-8").splitlines()[:2]  # the day's two events
    assert first.endswith("treaty.txt") and second.endswith("Plus tar.txt")


def test_records_cannot_be_filtered_nor_give_the_registry(docs: list[Document],
                                                          tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot be filtered .*country"):
        export_documents(docs, "plover", tmp_path / "x", query=EventQuery(country="FRA"))
    with pytest.raises(ExportError, match="registry"):
        export_documents(docs, "csv", tmp_path / "x", table="actors")
    with pytest.raises(ExportError, match="unknown format"):
        export_documents(docs, "xml", tmp_path / "x")
    limited = export_documents(docs, "gdelt", tmp_path / "x", query=EventQuery(limit=2))
    assert limited.rows == {"events": 2}


def test_cli_exports_extract_output_on_standard_input(db: Path, docs: list[Document],
                                                      tmp_path: Path) -> None:
    runner = CliRunner()
    stored = runner.invoke(cli, ["export", "--format", "icews", "--db", str(db)])
    assert stored.exit_code == 0, stored.output
    piped = runner.invoke(cli, ["export", "--format", "icews", "--input", "-",
                                "--db", str(tmp_path / "none.db")], input=_jsonl(docs))
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == stored.stdout and len(piped.stdout.splitlines()) == 7
    assert "icews: 6 events written to standard output" in piped.stderr
    assert not (tmp_path / "none.db").exists()
    # a file too, and a table
    lines = tmp_path / "docs.jsonl"
    lines.write_text(_jsonl(docs), "utf-8")
    out = tmp_path / "claims.csv"
    result = runner.invoke(cli, ["export", "--format", "csv", "--table", "claims",
                                 "--input", str(lines), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.read_text("utf-8").splitlines()))) == 3


def test_cli_input_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["export", "--format", "plover", "--input", "-", "--country",
                              "FRA"], input="")
    assert bad.exit_code == 2 and "--country: filters need a store" in bad.output
    bad = runner.invoke(cli, ["export", "--format", "jsonl", "--table", "actors", "--input",
                              "-"], input="")
    assert bad.exit_code == 2 and "registry" in bad.output
    bad = runner.invoke(cli, ["export", "--format", "plover", "--input", "-"],
                        input='\n{"id": 1}\n')
    assert bad.exit_code == 1 and "<stdin>:2: not a document JSON" in bad.output
    bad = runner.invoke(cli, ["export", "--format", "plover", "--input",
                              str(tmp_path / "nope.jsonl")])
    assert bad.exit_code == 1 and "cannot read" in bad.output
