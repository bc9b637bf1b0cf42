"""End to end with the real French model: the CLI on the bundled examples."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import cli
from tests.conftest import ROOT, SHARED

pytestmark = pytest.mark.model

SEEDS = sorted(str(p) for p in (ROOT / "examples" / "vna").glob("*.txt"))
CONTRACT_DOC = {"id", "path", "text", "published", "language", "actors", "events", "claims",
                "statements"}


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_extract_emits_one_contract_document_per_input_in_order() -> None:
    lines = run("extract", *SEEDS).splitlines()
    docs = [json.loads(line) for line in lines]
    assert [Path(d["path"]).name for d in docs] == [Path(p).name for p in SEEDS]
    for d in docs:
        assert CONTRACT_DOC <= d.keys()
        assert d["language"] == "fr"
        for actor in d["actors"]:
            assert {"name", "kind", "country", "sector", "titles", "aliases", "mentions"} <= actor.keys()
            for start, end in actor["mentions"]:
                assert d["text"][start:end].strip()
        for facet in ("events", "claims", "statements"):
            for item in d[facet]:
                start, end = item["span"]
                assert 0 <= start < end <= len(d["text"])
                assert item["sentence"] in d["text"]
                assert item["evidence"]
    visit = next(e for e in docs[1]["events"] if e["mode"] == "visit")
    assert [p["name"] for p in visit["actor"]] == ["Chen Siyuan"]
    assert [p["name"] for p in visit["recipient"]] == ["To Lam"]
    assert visit["date"] == "2024-01-10"
    assert visit["place"]["name"] == "Hanoï"
    assert "Photo" not in docs[0]["text"] and docs[0]["captions"]


def test_ingest_is_idempotent_and_queries_work(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    run("ingest", "-q", *SEEDS, "--db", db)
    counts = {t: sqlite3.connect(db).execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("documents", "events", "doc_actors", "claims", "statements")}
    out = CliRunner().invoke(cli, ["ingest", "-q", *SEEDS, "--db", db])
    assert out.exit_code == 0 and "2 unchanged" in out.output
    again = {t: sqlite3.connect(db).execute(f"select count(*) from {t}").fetchone()[0]
             for t in counts}
    assert again == counts and counts["documents"] == 2

    rows = json.loads(run("events", "--db", db, "--actor", "to lam", "--json"))
    assert any(r["type"] == "CONSULT" and "Chen Siyuan" in [p["name"] for p in r["actors"]]
               for r in rows)
    csv_out = run("events", "--db", db, "--country", "chn", "--type", "support", "--csv")
    assert csv_out.splitlines()[0].startswith("id,doc_id,idx,date,date_precision")
    assert len(csv_out.splitlines()) >= 2
    assert json.loads(run("events", "--db", db, "--since", "2025-01", "--json")) == []
    statements = json.loads(run("statements", "--db", db, "--json"))
    assert len(statements) == counts["statements"]
    assert json.loads(run("statements", "--db", db, "--since", "2025-01", "--json")) == []
    claims = json.loads(run("claims", "--db", db, "--json"))
    assert len(claims) == counts["claims"]
    assert all(c["doc_published"] for c in claims)  # the seeds are dated
    bad = CliRunner().invoke(cli, ["claims", "--db", db, "--since", "hier"])
    assert bad.exit_code != 0 and "not a date" in bad.output
    actors = json.loads(run("actors", "--db", db, "--kind", "person", "--json"))
    assert {"To Lam", "Chen Siyuan", "Luong Tam Quang"} <= {a["name"] for a in actors}
    doc_id = json.loads(run("extract", SEEDS[1]))["id"]
    assert "Chen Siyuan" in run("show", doc_id[:8], "--db", db)
    assert json.loads(run("show", doc_id, "--db", db, "--json"))["id"] == doc_id


def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    db = str(tmp_path / "b.db")
    result = CliRunner().invoke(cli, ["ingest", "-q", str(bad), SEEDS[0], "--db", db])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "1 new" in result.output
    assert sqlite3.connect(db).execute("select count(*) from errors").fetchone()[0] == 1


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "no store" in result.output


@pytest.mark.golden
def test_eval_prints_every_facet_and_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    out = run("eval", str(SHARED / "gold" / "seeds.jsonl"), "--report", str(report))
    for facet in ("actors", "events_named", "events_dyadic", "claims", "statements"):
        assert facet in out
    data = json.loads(report.read_text())
    assert data["micro"]["claims"]["f1"] >= 0.8
