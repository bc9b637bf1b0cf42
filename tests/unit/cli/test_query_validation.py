"""One typed query per kind of row (accord.store.query), checked when it is made, for the CLI, the
API and Python callers: the same values refused, with the same message (a usage error, exit status
2; a 422; a QueryError)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from accord.cli import cli
from accord.errors import QueryError
from accord.store import Store
from accord.store.query import (
    ActorQuery,
    ClaimQuery,
    DocumentQuery,
    EventQuery,
    Query,
    StatementQuery,
)
from accord.vocab.ontology import ontology
from accord.web.api import create_app
from tests.factories import sample_documents


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("query") / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


QUERIES = {"events": EventQuery, "statements": StatementQuery, "claims": ClaimQuery,
           "actors": ActorQuery, "documents": DocumentQuery}


def message(name: str, value: object, kind: type[Query] = EventQuery) -> str:
    with pytest.raises(QueryError) as info:
        kind(**{name: value})
    assert info.value.name == name and isinstance(info.value, ValueError)
    return info.value.reason


def test_queries_are_checked_and_normalised_when_made() -> None:
    query = EventQuery(type="consult", country="fra", dyad="vnm-chn", quad_class=2,
                       since="2024-02", until=None, text="x")
    assert query == EventQuery(type="CONSULT", country="FRA", dyad=("VNM", "CHN"),
                               quad_class=2, since="2024-02", text="x")
    assert (query.type, query.country, query.dyad) == ("CONSULT", "FRA", "VNM-CHN")
    assert query.filters() == {"type": "CONSULT", "country": "FRA", "dyad": "VNM-CHN",
                               "quad_class": 2, "since": "2024-02", "text": "x"}
    assert query.page(10, 20) == dataclasses.replace(query, limit=10, offset=20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.type = "AGREE"  # type: ignore[misc]
    assert ActorQuery(sector="gov", country="vnm").filters() == {"sector": "GOV",
                                                                   "country": "VNM"}
    for kind in QUERIES.values():  # the same check for a field every query has
        assert "must be 0 or more" in message("offset", -1, kind)
    assert "three letters" in message("country", "France", ClaimQuery)
    assert "not a date" in message("since", "mars", DocumentQuery)
    assert "unknown sort" in message("sort", "random")
    assert "role must be" in message("role", "speaker")
    assert "sector code" in message("sector", "government", ActorQuery)
    assert all(t in message("type", "MEETING") for t in ontology().types)
    assert "three letters" in message("country", "France")
    assert "CHN-VNM" in message("dyad", "CHN")
    assert "1 verbal cooperation" in message("quad_class", 5)
    assert "not a date" in message("until", "2024-13")


BAD = [
    ("events", "--type", "type", "MEETING"),
    ("events", "--country", "country", "France"),
    ("events", "--dyad", "dyad", "CHN-"),
    ("events", "--quad-class", "quad_class", "5"),
    ("events", "--since", "since", "2024-02-31"),
    ("statements", "--country", "country", "France"),
    ("claims", "--until", "until", "yesterday"),
    ("actors", "--country", "country", "FR"),
]


@pytest.mark.parametrize(("command", "option", "name", "value"), BAD)
def test_cli_and_api_refuse_alike(
    db: str, client: TestClient, command: str, option: str, name: str, value: str
) -> None:
    result = CliRunner().invoke(cli, [command, "--db", db, option, value])
    assert result.exit_code == 2, result.output
    expected = message(name, int(value) if name == "quad_class" else value, QUERIES[command])
    assert f"Invalid value for '{option}'" in result.output
    assert expected in " ".join(result.output.split())  # click may wrap the line
    response = client.get(f"/api/{command}", params={name: value})
    assert response.status_code == 422, response.text
    assert response.json()["detail"] == [
        {"loc": ["query", name], "msg": expected, "type": "value_error"}
    ]


def test_cli_lists_the_accepted_types(db: str) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--type", "MEETING"])
    assert result.exit_code == 2
    assert "CONSULT" in result.output and "ASSAULT" in result.output


def test_valid_values_still_work(db: str, client: TestClient, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--json", "--type", "agree",
                                      "--country", "fra", "--quad-class", "1"])
    assert result.exit_code == 0, result.output
    assert [r["type"] for r in json.loads(result.output)] == ["AGREE"]
    page = client.get("/api/events", params={"type": "agree", "country": "fra"}).json()
    assert [e["type"] for e in page["items"]] == ["AGREE"]
    empty = tmp_path / "empty.db"
    Store.open(empty).close()
    result = CliRunner().invoke(cli, ["events", "--db", str(empty), "--type", "CONSULT",
                                      "--country", "CHN"])
    assert result.exit_code == 0 and "no events" in result.output
