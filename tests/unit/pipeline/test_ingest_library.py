"""`accord.ingest` without the model (a blank spaCy pipeline stands in for it): documents stored,
failures recorded while the others go on, a second run changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import accord
from accord import pipeline
from accord.coders.annotations import ensure_extensions
from accord.errors import ReadError
from accord.read import read_text
from accord.records import Document
from tests.factories import table

FINE = "Le ministre a reçu son homologue à Hanoï."
OTHER = "Le général a visité la base."


@pytest.fixture(autouse=True)
def blank_model(monkeypatch: pytest.MonkeyPatch) -> None:
    ensure_extensions()
    nlp = spacy.blank("fr")
    monkeypatch.setattr(pipeline, "load_pipeline", lambda lang="fr", model=None: nlp)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in [("1.txt", FINE), ("2-empty.txt", "  \n"), ("3.txt", OTHER)]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_documents_are_stored_and_a_bad_file_is_recorded_while_the_others_go_on(
    tmp_path: Path,
) -> None:
    folder = corpus(tmp_path)
    db = tmp_path / "accord.db"
    summary = accord.ingest([folder], db)
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (2, 0, 0, 1)
    assert summary.articles == 3
    empty = str(folder / "2-empty.txt")
    assert [(f.path, f.reason) for f in summary.failures] == [(empty, "empty text")]
    assert sorted(table(db, "SELECT path FROM documents")) == [
        (str(folder / "1.txt"),), (str(folder / "3.txt"),),
    ]
    assert table(db, "SELECT path, reason FROM errors") == [(empty, "empty text")]


def test_a_second_run_leaves_what_is_stored_unchanged(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    db = tmp_path / "accord.db"
    accord.ingest([str(folder)], db)
    with accord.Store.open(db) as store:
        summary = accord.ingest([str(folder)], store)
        assert store.stats()["documents"] == 2
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (0, 0, 2, 1)


def test_articles_and_read_errors_in_order_with_each_outcome(tmp_path: Path) -> None:
    first = read_text(FINE, "mem:1", language="fr")
    second = read_text(OTHER, "mem:2", language="fr")
    bad = ReadError("mem:bad", "no text")
    seen: list[Document | ReadError] = []
    outcomes: list[tuple[str, str]] = []

    def stored(item: Document | ReadError, outcome: str | ReadError) -> None:
        outcomes.append((item.path, outcome if isinstance(outcome, str) else outcome.reason))

    db = tmp_path / "accord.db"
    summary = accord.ingest([first, bad, second, tmp_path / "missing.txt"], db,
                            progress=seen.append, on_stored=stored, max_failures=1)
    missing = str(tmp_path / "missing.txt")
    assert [item.path for item in seen] == ["mem:1", "mem:bad", "mem:2", missing]
    assert outcomes == [("mem:1", "new"), ("mem:bad", "no text"), ("mem:2", "new"),
                        (missing, "no such file or directory")]
    assert (summary.new, summary.failed) == (2, 2)
    assert [f.path for f in summary.failures] == ["mem:bad"]  # the first max_failures
    assert sorted(table(db, "SELECT path FROM errors")) == [(missing,), ("mem:bad",)]
    again = accord.ingest([first], db, on_stored=stored)
    assert again.unchanged == 1 and outcomes[-1] == ("mem:1", "unchanged")


def test_warnings_name_the_article(tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text("The minister met his counterpart in Hanoi yesterday evening.", "utf-8")
    warned: list[tuple[str, str]] = []
    accord.ingest([english], tmp_path / "accord.db", warn=lambda path, note: warned.append(
        (path, note)))
    assert [path for path, _ in warned] == [str(english)]
    assert "accord's rules are French" in warned[0][1]
