"""Exports round trip: PLOVER JSONL re-read, TSV headers and column counts, Parquet read by
pyarrow, pandas and DuckDB, CSV and JSONL tables, the CLI and its errors."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import cli
from accord.exports import EVENT_TSV, ExportError, export
from accord.exports.context import country_fips, numeric_id
from accord.exports.gdelt import GDELT_COLUMNS
from accord.exports.icews import ICEWS_COLUMNS
from accord.exports.polecat import POLECAT_COLUMNS
from accord.store import Store
from accord.store.query import EventQuery
from accord.store.tables import TABLES
from tests.factories import ATTACK, TREATY, doc_id, sample_documents


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    yield path


def _export(db: Path, fmt: str, out: Path, table: str = "events",
            query: EventQuery | None = None) -> dict[str, int]:
    with Store.open(db) as store:
        return export(store, fmt, out, table, query).rows


def test_plover_jsonl_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert _export(db, "plover", out) == {"events": 3}
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    by_type = {r["event"][0]: r for r in records}
    visit = by_type["CONSULT"]
    for key in ("id", "date", "source", "recipient", "event", "mode", "context", "event_loc",
                "event_text", "quad_code", "event_scale", "text_info", "cite_info"):
        assert key in visit
    assert visit["date"] == "2024-01-10" and "enddate" not in visit
    assert visit["source"] == [{"code": "CHN", "sector": "COP", "actor_text": "Chen Siyuan",
                                "office": "vice-ministre de la Sécurité publique"}]
    assert visit["recipient"][0]["actor_text"] == "Tô Lâm"
    assert visit["recipient"][0]["office"] in ("général", "ministre de la Sécurité publique")
    assert visit["mode"] == ["visit"] and visit["context"] == ["crime"]
    assert visit["event_loc"] == {"name": "Hanoï", "latitude": 21.0245, "longitude": 105.8412,
                                  "country code": "VN", "cc3": "VNM"}
    assert (visit["quad_code"], visit["event_scale"], visit["cameo"]) == (1, 1.5, "042")
    assert visit["cite_info"]["url"] == "https://example.org/1"
    assert visit["text_info"]["start"] < visit["text_info"]["end"]
    treaty = by_type["AGREE"]
    assert [a["code"] for a in treaty["source"]] == ["FRA", "DEU"] and treaty["recipient"] == []
    assert by_type["ASSAULT"]["recipient"] == [
        {"code": "SYR", "sector": "MIL", "actor_text": None, "office": None}]


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text("utf-8").splitlines()]


def test_polecat_tsv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "polecat.tsv"
    _export(db, "polecat", out)
    rows = _tsv(out)
    assert tuple(rows[0]) == POLECAT_COLUMNS and len(POLECAT_COLUMNS) == 40
    assert all(len(r) == 40 for r in rows) and len(rows) == 4
    records = list(csv.DictReader(out.read_text("utf-8").splitlines(), delimiter="\t"))
    treaty = next(r for r in records if r["Event Type"] == "AGREE")
    assert treaty["Actor Name"] == "France; Allemagne"
    assert treaty["Actor Country"] == "FRA; DEU"
    assert treaty["Recipient Name"] == "None" and treaty["Quad Code"] == "VERBAL COOPERATION"
    attack = next(r for r in records if r["Event Type"] == "ASSAULT")
    assert attack["Quad Code"] == "MATERIAL CONFLICT" and attack["Intensity"] == "-9.3"
    assert attack["Story Organizations"] == "État islamique; Armée syrienne"
    assert (attack["City"], attack["Feature Type"], attack["Country"]) == (
        "Deir ez-Zor", "PPL", "SYR")


def test_gdelt_tsv_has_61_columns_and_no_header(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gdelt.tsv"
    _export(db, "gdelt", out)
    rows = _tsv(out)
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert len(rows) == 3 and all(len(r) == 61 for r in rows)
    records = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    visit = next(r for r in records if r["EventCode"] == "042")
    assert (visit["Day"], visit["MonthYear"], visit["Year"]) == ("20240110", "202401", "2024")
    assert (visit["Actor1Code"], visit["Actor1CountryCode"], visit["Actor1Name"]) == (
        "CHNCOP", "CHN", "CHEN SIYUAN")
    assert (visit["Actor2CountryCode"], visit["EventRootCode"], visit["QuadClass"]) == (
        "VNM", "04", "1")
    assert (visit["ActionGeo_Type"], visit["ActionGeo_CountryCode"]) == ("4", "VM")
    assert visit["ActionGeo_Fullname"] == "Hanoï, Vietnam"
    assert visit["DATEADDED"] == "20240101000000" and visit["SOURCEURL"] == "https://example.org/1"
    assert int(visit["GlobalEventID"]) < 2**63
    attack = next(r for r in records if r["EventCode"] == "180")
    assert (attack["Actor1KnownGroupCode"], attack["Actor1CountryCode"]) == ("IMG", "")
    treaty = next(r for r in records if r["EventCode"] == "030")
    assert (treaty["Actor1CountryCode"], treaty["Actor2CountryCode"]) == ("FRA", "DEU")


def test_icews_tsv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "icews.tsv"
    _export(db, "icews", out)
    rows = _tsv(out)
    assert tuple(rows[0]) == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    assert all(len(r) == 20 for r in rows) and len(rows) == 4
    records = list(csv.DictReader(out.read_text("utf-8").splitlines(), delimiter="\t",
                                  quoting=csv.QUOTE_NONE))
    visit = next(r for r in records if r["CAMEO Code"] == "042")
    assert (visit["Source Name"], visit["Source Country"], visit["Source Sectors"]) == (
        "Chen Siyuan", "China", "Police")
    assert (visit["Target Country"], visit["Event Text"], visit["City"]) == (
        "Vietnam", "Make a visit", "Hanoï")
    assert visit["Story ID"] == str(numeric_id(sample_documents()[0].id) // 1000)
    assert visit["Event ID"] == str(numeric_id(sample_documents()[0].id, 0))


def test_parquet_tables_load_in_pyarrow_pandas_and_duckdb(db: Path, tmp_path: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    folder = tmp_path / "tables"
    counts = _export(db, "parquet", folder)
    assert counts == {"events": 3, "statements": 2, "claims": 2, "actors": 6, "documents": 3}
    for name, table in TABLES.items():
        arrow = pq.read_table(folder / f"{name}.parquet")
        assert arrow.column_names == [c.name for c in table.columns]
        assert arrow.num_rows == counts[name]
    events = pd.read_parquet(folder / "events.parquet")
    treaty = events[events["type"] == "AGREE"].iloc[0]
    assert list(treaty["actor_countries"]) == ["FRA", "DEU"]
    duckdb = pytest.importorskip("duckdb")
    found = duckdb.sql(
        f"SELECT type, intensity FROM read_parquet('{folder / 'events.parquet'}')"
        " WHERE quad_class = 4"
    ).fetchall()
    assert found == [("ASSAULT", -9.3)]


def test_filtered_exports(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.jsonl"
    assert _export(db, "plover", out, query=EventQuery(dyad="VNM-CHN")) == {"events": 1}
    assert _export(db, "jsonl", out, query=EventQuery(quad_class=4)) == {"events": 1}
    assert json.loads(out.read_text("utf-8"))["doc_id"] == doc_id(ATTACK)
    assert _export(db, "csv", out, "claims", EventQuery(since="2016", until="2016")) == {
        "claims": 1}
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert [r["unit"] for r in rows] == ["soldats"]
    counts = _export(db, "parquet", tmp_path / "p", query=EventQuery(country="FRA"))
    assert counts["events"] == 1 and counts["documents"] == 3
    assert _export(db, "csv", out, table="documents") == {"documents": 3}
    assert doc_id(TREATY) in out.read_text("utf-8")


def test_export_errors(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        with pytest.raises(ExportError, match="unknown format"):
            export(store, "xml", tmp_path / "x")
        with pytest.raises(ExportError, match="cannot be filtered by actor"):
            export(store, "csv", tmp_path / "x", "claims", EventQuery(actor="To Lam"))
        with pytest.raises(ExportError, match="output folder"):
            export(store, "parquet", None)
        with pytest.raises(ExportError, match="is a folder"):
            export(store, "csv", tmp_path)
        (tmp_path / "file").write_text("x")
        with pytest.raises(ExportError, match="is a file"):
            export(store, "parquet", tmp_path / "file")


def test_export_cli(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "icews", "--db", str(db),
                                 "--dyad", "CHN-VNM"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Event ID\t")
    assert "icews: 1 events written to standard output" in result.stderr
    out = tmp_path / "o.tsv"
    result = runner.invoke(cli, ["export", "--format", "polecat", "--db", str(db), "-o", str(out),
                                 "--type", "assault"])
    assert result.exit_code == 0 and len(out.read_text("utf-8").splitlines()) == 2
    bad = runner.invoke(cli, ["export", "--format", "gdelt", "--db", str(db), "--dyad", "CHN"])
    assert bad.exit_code == 2 and "CHN-VNM" in bad.output
    bad = runner.invoke(cli, ["export", "--format", "gdelt", "--db", str(db), "--since", "2024-13"])
    assert bad.exit_code == 2 and "month out of range" in bad.output
    missing = runner.invoke(cli, ["export", "--format", "csv", "--db", str(tmp_path / "no.db")])
    assert missing.exit_code == 1 and "no store" in missing.output


def test_event_tsv_specs_are_consistent() -> None:
    assert set(EVENT_TSV) == {"polecat", "gdelt", "icews"}
    assert country_fips("GBR") == "UK" and country_fips("IMG") is None
