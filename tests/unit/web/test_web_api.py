"""The JSON API: every endpoint and filter on hand-built documents, bad parameters (422, never
500), downloads, the OpenAPI description and the dashboard's entry point."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.store import Store
from accord.web.api import create_app
from tests.factories import ATTACK, TREATY, doc_id, make_doc, sample_documents


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("api") / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    return response.json()


def types(page: dict[str, Any]) -> list[str]:
    return [e["type"] for e in page["items"]]


def test_events_filters(client: TestClient) -> None:
    page = get(client, "/api/events")
    assert (page["total"], page["limit"], page["offset"]) == (3, 50, 0)
    assert types(page) == ["AGREE", "ASSAULT", "CONSULT"]
    assert types(get(client, "/api/events?actor=to%20lam")) == ["CONSULT"]
    assert types(get(client, "/api/events?country=syr")) == ["ASSAULT"]
    assert types(get(client, "/api/events?dyad=VNM-CHN")) == ["CONSULT"]
    assert types(get(client, "/api/events?type=agree")) == ["AGREE"]
    assert types(get(client, "/api/events?quad_class=4")) == ["ASSAULT"]
    assert types(get(client, "/api/events?since=2016-03&until=2016")) == ["ASSAULT"]
    assert types(get(client, "/api/events?text=signe")) == ["AGREE"]
    assert types(get(client, f"/api/events?doc_id={doc_id(TREATY)}")) == ["AGREE"]
    assert types(get(client, "/api/events?sort=-date&limit=2")) == ["CONSULT", "ASSAULT"]
    assert types(get(client, "/api/events?sort=intensity&offset=2")) == ["AGREE"]
    page = get(client, "/api/events?limit=1&offset=1")
    assert (page["total"], types(page)) == (3, ["ASSAULT"])
    actor_id = get(client, "/api/actors?name=to%20lam")["items"][0]["id"]
    assert types(get(client, f"/api/events?actor_id={actor_id}&role=recipient")) == ["CONSULT"]
    assert get(client, f"/api/events?actor_id={actor_id}&role=actor")["total"] == 0
    event = get(client, "/api/events?type=CONSULT")["items"][0]
    assert event["recipients"][0]["id"] == actor_id
    assert event["span"] == list(make_doc().events[0].span)


@pytest.mark.parametrize(
    "query",
    [
        "since=2024-02-31", "until=2024-13", "since=yesterday", "type=PARTY", "quad_class=0",
        "quad_class=5", "quad_class=x", "country=FRANCE", "country=1", "dyad=CHN", "dyad=CHN-",
        "sort=random", "limit=0", "limit=1001", "offset=-1", "role=speaker", "format=xml",
        "actor_id=0", "actor_id=abc", "text=", "actor=" + "x" * 201,
    ],
)
def test_events_bad_parameters_are_422(client: TestClient, query: str) -> None:
    detail = get(client, f"/api/events?{query}", 422)["detail"]
    assert detail and isinstance(detail, list)


@pytest.mark.parametrize(
    "url",
    [
        "/api/dyads?since=2024-02-30", "/api/network?level=planet", "/api/network?limit=0",
        "/api/places?quad_class=7", "/api/timeline?type=X", "/api/actors?kind=animal",
        "/api/actors?limit=5000", "/api/actors?country=XX", "/api/actors/abc", "/api/actors/0",
        "/api/claims?min=abc", "/api/claims?until=2016-02-30", "/api/statements?since=2024-1",
        "/api/statements?speaker_id=-3", "/api/documents?language=french",
        "/api/documents?since=20160101", "/api/documents?offset=-5",
        "/api/documents/" + "a" * 65,
    ],
)
def test_other_bad_parameters_are_422(client: TestClient, url: str) -> None:
    get(client, url, 422)


def test_downloads(client: TestClient) -> None:
    response = client.get("/api/events?format=csv&country=FRA")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(response.text.splitlines()))
    assert [(r["type"], r["actor_names"]) for r in rows] == [("AGREE", "France; Allemagne")]
    response = client.get("/api/events?format=jsonl&sort=-date")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [r["type"] for r in lines] == ["AGREE", "ASSAULT", "CONSULT"]  # all, by date
    assert [p["country"] for p in lines[0]["actors"]] == ["FRA", "DEU"]  # the items of a page
    assert lines == get(client, "/api/events?limit=1000")["items"]
    assert client.get("/api/events?format=csv&quad_class=3").text.count("\n") == 1  # header only


def test_aggregates(client: TestClient) -> None:
    dyads = get(client, "/api/dyads")
    assert [(d["country_a"], d["country_b"], d["month"], d["quad_class"], d["events"])
            for d in dyads] == [("CHN", "VNM", "2024-01", 1, 1), ("IMG", "SYR", "2016-03", 4, 1),
                                ("DEU", "FRA", "2016-02", 1, 1)]
    assert dyads[1]["mean_intensity"] == -9.3
    assert len(get(client, "/api/dyads?quad_class=1")) == 2
    assert get(client, "/api/dyads?limit=1") == dyads[:1]
    timeline = get(client, "/api/timeline?since=2016&until=2016")
    assert [(t["month"], t["events"]) for t in timeline] == [("2016-02", 1), ("2016-03", 1)]
    net = get(client, "/api/network")
    assert {(e["source"], e["target"]) for e in net["edges"]} == {
        ("CHN", "VNM"), ("DEU", "FRA"), ("IMG", "SYR")}
    conflict = next(e for e in net["edges"] if e["source"] == "IMG")
    assert (conflict["cooperation"], conflict["conflict"]) == (0, 1)
    actors = get(client, "/api/network?level=actor")
    labels = {n["id"]: n["label"] for n in actors["nodes"]}
    assert {frozenset((labels[e["source"]], labels[e["target"]])) for e in actors["edges"]} == {
        frozenset(("Chen Siyuan", "Tô Lâm")), frozenset(("France", "Allemagne"))}
    assert len(get(client, "/api/network?limit=1")["edges"]) == 1
    places = get(client, "/api/places")
    assert [(p["name"], p["lat"] is not None) for p in places] == [
        ("Deir ez-Zor", True), ("Hanoï", True), ("Paris", True)]
    assert [p["name"] for p in get(client, "/api/places?country=FRA")] == ["Paris"]
    assert [p["country_numeric"] for p in places] == ["760", "704", "250"]  # world-map ids


def test_ontology(client: TestClient) -> None:
    onto = get(client, "/api/ontology")
    types = {t["name"]: t for t in onto["types"]}
    assert len(types) == 16 and types["CONSULT"]["quad_class"] == 1
    assert "visit" in types["CONSULT"]["modes"] and types["ASSAULT"]["intensity"] == -9.3
    assert onto["quad_classes"]["4"] == "material conflict"
    assert onto["sectors"]["COP"] == "police" and "military" in onto["contexts"]


def test_stats(client: TestClient) -> None:
    stats = get(client, "/api/stats")
    assert stats["tables"]["documents"] == 3 and stats["tables"]["events"] == 3
    assert (stats["first_date"], stats["last_date"]) == ("2016-02-05", "2024-01-10")
    assert {c["key"]: c["events"] for c in stats["by_type"]} == {
        "AGREE": 1, "ASSAULT": 1, "CONSULT": 1}
    assert [c["label"] for c in stats["by_quad_class"]] == ["verbal cooperation",
                                                            "material conflict"]
    assert len(stats["timeline"]) == 3 and len(stats["top_dyads"]) == 3
    assert {c["label"] for c in stats["top_actors"]} >= {"Chen Siyuan", "Tô Lâm"}
    assert {c["key"] for c in stats["top_countries"]} >= {"FRA", "VNM"}


def test_actors(client: TestClient) -> None:
    page = get(client, "/api/actors")
    assert page["total"] == 6
    assert [a["name"] for a in get(client, "/api/actors?country=syr")["items"]] == [
        "Armée syrienne"]
    assert [a["name"] for a in get(client, "/api/actors?kind=state")["items"]] == [
        "Allemagne", "France"]
    assert get(client, "/api/actors?sector=COP")["total"] == 2
    assert get(client, "/api/actors?name=EI")["items"][0]["name"] == "État islamique"  # alias
    to_lam = get(client, "/api/actors?name=tô%20lâm&limit=1")["items"][0]
    one = get(client, f"/api/actors/{to_lam['id']}")
    assert one["actor"]["name"] == "Tô Lâm"
    assert {t["title"]: (t["first"], t["doc_ids"]) for t in one["actor"]["titles"]} == {
        "général": ("2024-01", [make_doc().id]),
        "ministre de la Sécurité publique": ("2024-01", [make_doc().id]),
    }
    assert one["as_actor"]["total"] == 0
    assert [e["type"] for e in one["as_recipient"]["items"]] == ["CONSULT"]
    assert [(c["name"], c["types"]) for c in one["counterparts"]] == [
        ("Chen Siyuan", ["CONSULT"])]
    assert [s["verb"] for s in one["statements"]["items"]] == ["déclarer"]
    assert get(client, "/api/actors/999999", 404)["detail"] == "no actor 999999"


def test_claims_and_statements(client: TestClient) -> None:
    claims = get(client, "/api/claims")
    assert claims["total"] == 2
    assert [c["unit"] for c in get(client, "/api/claims?min=50")["items"]] == ["pays"]
    assert [c["unit"] for c in get(client, "/api/claims?max=50&unit=SOLDAT")["items"]] == [
        "soldats"]
    assert get(client, "/api/claims?holder=armee%20syrienne")["total"] == 1
    assert get(client, "/api/claims?source=armee")["total"] == 1
    assert get(client, "/api/claims?country=SYR&since=2016&until=2016-03")["total"] == 1
    assert get(client, "/api/claims?text=tues")["total"] == 1
    assert get(client, f"/api/claims?doc_id={doc_id(ATTACK)}")["total"] == 1
    said = get(client, "/api/statements")
    assert said["total"] == 2
    assert [s["speaker"] for s in get(client, "/api/statements?speaker=to%20lam")["items"]] == [
        "Tô Lâm"]
    assert get(client, "/api/statements?verb=declarer")["total"] == 1
    assert get(client, "/api/statements?country=VNM")["total"] == 1
    assert get(client, "/api/statements?text=cooperation&since=2024-01")["total"] == 1
    assert get(client, "/api/statements?limit=1&offset=1")["items"][0]["verb"] == "dire"


def test_documents(client: TestClient) -> None:
    page = get(client, "/api/documents")
    assert [d["path"] for d in page["items"]] == ["treaty.txt", "attack.txt", "seeds/001.txt"]
    assert get(client, "/api/documents?text=deir")["total"] == 1
    assert get(client, "/api/documents?since=2024")["total"] == 1
    assert get(client, "/api/documents?language=en")["total"] == 0
    assert get(client, "/api/documents?source=VNA")["items"][0]["events"] == 1
    doc = get(client, f"/api/documents/{make_doc().id[:8]}")  # a unique prefix
    text = doc["text"]
    assert doc["id"] == make_doc().id
    for actor in doc["actors"]:
        assert isinstance(actor["id"], int)
        for start, end in actor["mentions"]:
            assert text[start:end] == actor["name"]
    (event,) = doc["events"]
    assert event["id"] == f"{doc['id']}:0" and text[slice(*event["span"])] == "a reçu"
    assert [text[slice(*d["span"])] for d in doc["dates"]] == ["le 10 janvier"]
    assert [(p["name"], text[slice(*p["span"])]) for p in doc["places"]] == [("Hanoï", "Hanoï")]
    assert [text[slice(*c["span"])] for c in doc["claims"]] == ["100"]
    assert text[slice(*doc["statements"][0]["content_span"])] == "la coopération était bonne"
    assert get(client, "/api/documents/0000000000", 404)["detail"].startswith("no document")
    assert get(client, "/api/documents/abc", 404)["detail"].startswith("no document")


def test_openapi_and_dashboard_entry(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/actors",
                 "/api/actors/{actor_id}", "/api/dyads", "/api/claims", "/api/statements",
                 "/api/stats", "/api/network", "/api/places", "/api/timeline"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"actor", "country", "dyad", "type", "quad_class", "since", "until", "text",
                      "sort", "limit", "offset", "format"}
    response = client.get("/")
    assert response.status_code == 200 and "/static/vendor/d3.min.js" in response.text
    assert client.get("/static/nope.js").status_code == 404


def test_missing_store_is_503(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "none.db"))) as c:
        response = c.get("/api/events")
        assert response.status_code == 503 and "no store" in response.json()["detail"]
        assert not (tmp_path / "none.db").exists()  # never created by a read


@pytest.mark.slow
def test_serve_command(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from click.testing import CliRunner

    from accord.cli import cli

    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store" in missing.output
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from accord.cli import main; main()", "serve", "--db", str(path),
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as r:
                    stats = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "accord serve did not answer"
                time.sleep(0.2)
        assert stats["tables"]["events"] == 3

        def status(url: str) -> int:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=10) as r:
                return int(r.status)

        urls = ["/api/places", "/api/events?sort=-date", "/api/network", "/api/stats"] * 10
        with ThreadPoolExecutor(max_workers=10) as pool:  # overlapping requests
            assert set(pool.map(status, urls)) == {200}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"serving {path} on http://127.0.0.1:{port}/" in err.decode()
