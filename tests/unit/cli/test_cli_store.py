"""The store commands of the CLI on hand-built documents (no model): statements, claims,
events; their --json items are those of the API (tests/unit/cli/test_cli_api.py compares them)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import cli
from accord.records import Actor
from accord.store import Store
from accord.store.tables import CLAIM_COLUMNS
from tests.unit.store.test_store import MSP, claim, make_doc, said_doc, statement


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "accord.db"
    chen = Actor("Chen Siyuan", "person", "CHN", "COP")
    msp = Actor(MSP, "organization", "VNM", "COP", aliases=("MSP",))
    with Store.open(path) as store:
        store.put(make_doc())  # published 2024-01: Tô Lâm déclarer, an unnamed dire; 100 pays
        store.put(said_doc("doc said two", "2024-03-05", (chen, msp), statements=(
            statement("Chen Siyuan", "affirmer", "2024-03-04", "l'économie progresse"),
            statement(MSP, "annoncer", None, "un plan de sécurité"),
        ), claims=(
            claim(2.5, "milliards de dollars", "Chen Siyuan", MSP),
            claim(30, "morts", None, MSP),
        )))
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def fails(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code != 0 and result.exception is not None
    assert isinstance(result.exception, SystemExit), result.exception  # a clean click error
    return result.output


def test_statements_json_and_filters(db: str) -> None:
    rows = json.loads(run("statements", "--db", db, "--json"))
    assert [(r["speaker"], r["verb"]) for r in rows] == [
        ("Tô Lâm", "déclarer"), (None, "dire"), ("Chen Siyuan", "affirmer"), (MSP, "annoncer"),
    ]
    first = rows[0]
    assert first["speaker_country"] == "VNM" and first["evidence"] == "la coopération était bonne"
    assert first["date"] is None and first["date_precision"] is None  # undated: not the article's
    assert first["doc_published"] == "2024-01" and len(first["doc_id"]) == 64
    assert first["id"] == f"{first['doc_id']}:0" and isinstance(first["speaker_id"], int)
    assert rows[2]["date"] == "2024-03-04" and rows[2]["date_precision"] == "day"

    def speakers(*args: str) -> list[str | None]:
        return [r["speaker"] for r in json.loads(run("statements", "--db", db, "--json", *args))]

    assert speakers("--speaker", "to lam") == ["Tô Lâm"]
    assert speakers("--speaker", "msp") == [MSP]
    assert speakers("--country", "vnm") == ["Tô Lâm", MSP]
    assert speakers("--verb", "AFFIRMER") == ["Chen Siyuan"]
    assert speakers("--text", "economie") == ["Chen Siyuan"]
    assert speakers("--since", "2024-03", "--until", "2024-03-04") == ["Chen Siyuan"]
    assert speakers("--limit", "1") == ["Tô Lâm"]
    assert speakers("--since", "2025") == []


def test_statements_table_and_csv(db: str) -> None:
    table = run("statements", "--db", db, "--country", "chn")
    assert "1 statements" in table and "Chen Siyuan" in table and "CHN" in table
    assert "undated (article 2024-01)" in run("statements", "--db", db, "--speaker", "to lam")
    out = run("statements", "--db", db, "--csv")
    lines = list(csv.DictReader(io.StringIO(out)))
    assert len(lines) == 4 and lines[0]["speaker"] == "Tô Lâm" and lines[1]["speaker"] == ""
    items = json.loads(run("statements", "--db", db, "--json"))
    assert [line["id"] for line in lines] == [item["id"] for item in items]  # full ids
    assert lines[0]["date"] == "" and lines[0]["doc_published"] == "2024-01"
    assert "no statements" in run("statements", "--db", db, "--speaker", "Nguyen")


def test_claims_json_and_filters(db: str) -> None:
    rows = json.loads(run("claims", "--db", db, "--json"))
    assert [r["quantity"] for r in rows] == [100, 2.5, 30]
    dollars = rows[1]
    assert dollars == {
        "id": dollars["doc_id"] + ":0", "doc_id": dollars["doc_id"], "idx": 0,
        "doc_published": "2024-03-05", "qualifier": "exact", "quantity": 2.5,
        "unit": "milliards de dollars", "holder": "Chen Siyuan", "holder_country": "CHN",
        "holder_id": dollars["holder_id"], "source": MSP, "source_country": "VNM",
        "source_id": dollars["source_id"], "evidence": "2.5 milliards de dollars",
        "sentence": "Il y a 2.5 milliards de dollars.", "span": [0, 2],
        "doc_path": dollars["doc_path"], "doc_title": "doc said two", "doc_url": None,
        "doc_source": None,
    }
    assert isinstance(dollars["holder_id"], int) and isinstance(dollars["source_id"], int)
    assert rows[0]["holder"] is None and rows[0]["holder_id"] is None

    def quantities(*args: str) -> list[float]:
        return [r["quantity"] for r in json.loads(run("claims", "--db", db, "--json", *args))]

    assert quantities("--holder", "siyuan") == [2.5]
    assert quantities("--source", "msp") == [2.5, 30]
    assert quantities("--country", "chn") == [2.5]
    assert quantities("--unit", "PAYS") == [100]
    assert quantities("--min", "3", "--max", "30") == [30]
    assert quantities("--max", "2.5") == [2.5]
    assert quantities("--text", "cooperent") == [100]
    assert quantities("--since", "2024-02") == [2.5, 30]
    assert quantities("--until", "2024-01", "--limit", "5") == [100]


def test_claims_table_and_csv(db: str) -> None:
    table = run("claims", "--db", db, "--unit", "morts")
    assert "1 claims" in table and "morts" in table and "(VNM)" in table
    out = run("claims", "--db", db, "--csv", "--min", "10")
    assert out.splitlines()[0] == ",".join(c.name for c in CLAIM_COLUMNS)
    assert len(out.splitlines()) == 3
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["quantity"], r["holder"], r["source"]) for r in rows] == [
        ("100.0", "", ""), ("30.0", "", MSP)]
    assert all(len(r["doc_id"]) == 64 and r["id"].startswith(r["doc_id"]) for r in rows)


@pytest.mark.parametrize("command", ["statements", "claims", "events"])
def test_bad_dates_and_options_are_clear_errors(db: str, command: str) -> None:
    assert "not a date" in fails(command, "--db", db, "--since", "janvier")
    assert "not a date" in fails(command, "--db", db, "--until", "2024-02-30")
    assert "exclusive" in fails(command, "--db", db, "--json", "--csv")
    assert "exclusive" in fails(command, "--db", db, "--json", "--jsonl")


@pytest.mark.parametrize("command", ["statements", "claims"])
def test_a_missing_store_is_a_clear_error(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "none.db"
    assert "no store" in fails(command, "--db", str(missing))
    assert not missing.exists()


def test_min_must_be_a_number(db: str) -> None:
    assert "--min" in fails("claims", "--db", db, "--min", "beaucoup")


def test_events_dyad_quad_class_and_text(db: str) -> None:
    def types(*args: str) -> list[str]:
        return [r["type"] for r in json.loads(run("events", "--db", db, "--json", *args))]

    assert types("--dyad", "vnm-chn") == ["CONSULT"]
    assert types("--dyad", "CHN-USA") == []
    assert types("--quad-class", "1", "--text", "recu") == ["CONSULT"]
    assert types("--text", "bombarde") == []
    assert "CHN-VNM" in fails("events", "--db", db, "--dyad", "CHINE-VIETNAM")
    assert "--quad-class" in fails("events", "--db", db, "--quad-class", "5")


def test_events_sort_and_offset(tmp_path: Path) -> None:
    from tests.factories import sample_documents

    path = str(tmp_path / "s.db")
    with Store.open(path) as store:
        store.put_many(sample_documents())

    def types(*args: str) -> list[str]:
        return [r["type"] for r in json.loads(run("events", "--db", path, "--json", *args))]

    assert types() == ["AGREE", "ASSAULT", "CONSULT"]
    assert types("--sort", "-date") == ["CONSULT", "ASSAULT", "AGREE"]
    assert types("--sort", "intensity", "--offset", "1", "--limit", "1") == ["CONSULT"]
    assert "--sort" in fails("events", "--db", path, "--sort", "random")
