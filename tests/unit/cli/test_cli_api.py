"""The CLI's machine output is the API's: `accord events|statements|claims|actors --json` and
`--jsonl` print the items of /api/events, /api/statements, /api/claims and /api/actors with the
same filters, `--csv` the flat table of `format=csv`; an undated event is null in the records
and "undated (article DATE)" in the table; `accord --help` shows each command's description
whole."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from accord.cli import cli
from accord.records import Participant
from accord.store import Store
from accord.store.tables import EVENT_COLUMNS
from accord.web.api import create_app
from tests.factories import (
    ATTACK,
    TEXT,
    make_doc,
    other_doc,
    sample_documents,
    simple_event,
    span,
)

UNDATED = TEXT.replace("pays coopèrent", "pays coopèrent encore")
"""The visit of the sample store again, in an article of 2024-01 that gives it no date."""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-api") / "s.db"
    month = other_doc("Le Canada a protesté en mars.", "2016-04-02", (
        simple_event("PROTEST", "2016-03", (Participant("Canada", "CAN", "GOV"),)),
    ))
    with Store.open(path) as store:
        store.put_many([*sample_documents(), make_doc(UNDATED, event_date=None), month])
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def api(client: TestClient, path: str, params: dict[str, Any]) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def options(params: dict[str, Any]) -> list[str]:
    """API query parameters as CLI options (quad_class → --quad-class)."""
    return [arg for key, value in params.items()
            for arg in ("--" + key.replace("_", "-"), str(value))]


EVENT_QUERIES = [
    {}, {"country": "VNM"}, {"type": "consult"}, {"actor": "to lam"}, {"dyad": "SYR-IMG"},
    {"quad_class": 1}, {"since": "2016", "until": "2016-03"}, {"text": "signe"},
    {"sort": "-date"}, {"sort": "intensity", "limit": 2, "offset": 1}, {"sort": "type"},
    {"limit": 3, "offset": 2},
]


@pytest.mark.parametrize("params", EVENT_QUERIES, ids=lambda p: json.dumps(p))
def test_events_json_is_the_api_items(db: str, client: TestClient, params: dict[str, Any]) -> None:
    items = api(client, "/api/events", {"limit": 1000, **params})["items"]
    assert items, params
    assert json.loads(run("events", "--db", db, "--json", *options(params))) == items
    lines = run("events", "--db", db, "--jsonl", *options(params)).splitlines()
    assert [json.loads(line) for line in lines] == items


def test_event_items_carry_every_field(db: str) -> None:
    items = json.loads(run("events", "--db", db, "--json"))
    assert [e["type"] for e in items] == ["AGREE", "PROTEST", "ASSAULT", "CONSULT", "CONSULT"]
    treaty, protest, attack, visit = items[:4]
    assert attack["id"] == f"{attack['doc_id']}:0" and len(attack["doc_id"]) == 64
    assert (attack["type"], attack["mode"], attack["quad_class"], attack["cameo"],
            attack["intensity"]) == ("ASSAULT", None, 4, "180", -9.3)
    assert attack["actors"] == [
        {"id": attack["actors"][0]["id"], "name": "État islamique", "country": "IMG",
         "sector": "REB"}]
    assert isinstance(attack["actors"][0]["id"], int)
    assert attack["recipients"] == [{"id": None, "name": None, "country": "SYR", "sector": "MIL"}]
    assert (attack["date"], attack["date_precision"]) == ("2016-03-03", "day")
    assert (attack["place_name"], attack["place_country"]) == ("Deir ez-Zor", "SYR")
    assert attack["evidence"] == "ont attaqué" and attack["span"] == list(span(ATTACK, "attaqué"))
    assert treaty["recipients"] == [] and treaty["doc_url"] is None  # no recipient: a list
    assert (protest["date"], protest["date_precision"]) == ("2016-03", "month")
    assert protest["place_name"] is None and protest["mode"] is None  # nothing: null
    assert visit["doc_url"] == "https://example.org/1" and visit["context"] == ["crime"]


def test_an_undated_event_is_null_in_records_and_marked_in_the_table(
    db: str, client: TestClient
) -> None:
    undated = [e for e in json.loads(run("events", "--db", db, "--json")) if e["date"] is None]
    assert len(undated) == 1
    event = undated[0]
    assert event["date_precision"] is None and event["doc_published"] == "2024-01"
    assert (event["date_lo"], event["date_hi"]) == ("2024-01-01", "2024-01-31")  # for sorting
    assert api(client, "/api/events", {"doc_id": event["doc_id"]})["items"] == [event]
    table = run("events", "--db", db, "--type", "CONSULT")
    assert "undated (article 2024-01)" in table and "2024-01-10" in table


def test_events_csv_is_the_api_csv(db: str, client: TestClient) -> None:
    for params in ({}, {"country": "FRA"}, {"since": "2024"}):
        result = CliRunner().invoke(cli, ["events", "--db", db, "--csv", *options(params)])
        response = client.get("/api/events", params={"format": "csv", **params})
        assert result.exit_code == 0 and result.stdout_bytes == response.content
        out = result.output
        rows = list(csv.DictReader(io.StringIO(out)))
        assert list(rows[0]) == [c.name for c in EVENT_COLUMNS]
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--csv"))))
    items = json.loads(run("events", "--db", db, "--json"))
    assert [r["id"] for r in rows] == [e["id"] for e in items]  # full ids
    treaty = rows[0]
    assert (treaty["actor_names"], treaty["actor_countries"]) == ("France; Allemagne", "FRA; DEU")
    assert treaty["recipient_names"] == "" and treaty["date_precision"] == "day"
    undated = next(r for r in rows if r["date"] == "")
    assert undated["date_precision"] == "" and undated["doc_published"] == "2024-01"


@pytest.mark.parametrize(("command", "params"), [
    ("statements", {}), ("statements", {"speaker": "to lam"}),
    ("statements", {"since": "2024-01-10", "until": "2024-01-10"}),
    ("claims", {}), ("claims", {"min": 50}), ("claims", {"country": "SYR"}),
    ("actors", {}), ("actors", {"country": "VNM"}), ("actors", {"kind": "state"}),
])
def test_other_json_is_the_api_items(db: str, client: TestClient, command: str,
                                     params: dict[str, Any]) -> None:
    items = api(client, f"/api/{command}", {"limit": 1000, **params})["items"]
    assert items, params
    assert json.loads(run(command, "--db", db, "--json", *options(params))) == items
    lines = run(command, "--db", db, "--jsonl", *options(params)).splitlines()
    assert [json.loads(line) for line in lines] == items
    rows = list(csv.DictReader(io.StringIO(run(command, "--db", db, "--csv", *options(params)))))
    assert [r["id"] for r in rows] == [str(i["id"]) for i in items]


def test_statement_dates(db: str) -> None:
    items = json.loads(run("statements", "--db", db, "--json"))
    assert {(s["verb"], s["date"], s["date_precision"]) for s in items} == {
        ("déclarer", None, None), ("dire", "2024-01-10", "day")}
    spans = [list(d.statements[0].content_span or ()) for d in (make_doc(), make_doc(UNDATED))]
    assert sorted(s["content_span"] for s in items if s["verb"] == "déclarer") == sorted(spans)
    table = run("statements", "--db", db, "--speaker", "to lam")
    assert "undated (article 2024-01)" in table


def test_empty_results(db: str) -> None:
    assert json.loads(run("events", "--db", db, "--json", "--since", "2030")) == []
    assert run("events", "--db", db, "--jsonl", "--since", "2030") == ""
    header = run("events", "--db", db, "--csv", "--since", "2030")
    assert header.strip() == ",".join(c.name for c in EVENT_COLUMNS)


def test_help_shows_each_description_whole() -> None:
    out = run("--help")
    commands = out.split("Commands:", 1)[1]
    flat = " ".join(commands.split())
    for name, command in cli.commands.items():
        assert command.short_help, name
        assert f"{name} {command.short_help}" in flat, name
    assert "..." not in commands


def test_a_missing_file_for_jsonl_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db"), "--jsonl"])
    assert result.exit_code != 0 and "no store" in result.output
