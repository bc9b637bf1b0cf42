"""The dashboard in a real browser, over a store built from the seed articles and the dev corpus.

Run with ``python -m pytest -q tests/browser``; screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any

import pytest

from tests.browser.conftest import App

pytestmark = pytest.mark.browser

MEETING = re.compile(r"Chen Siyuan[\s\S]*To Lam|To Lam[\s\S]*Chen Siyuan")


def api(app: App, path: str) -> Any:
    with urllib.request.urlopen(app.base + path, timeout=10) as response:
        return json.load(response)


def meeting_rows(app: App) -> Any:
    """The rows of the events table of a CONSULT event between To Lam and Chen Siyuan."""
    rows = app.page.locator("table.events tbody tr")
    return rows.filter(has=app.page.locator(".type", has_text="CONSULT")).filter(has_text=MEETING)


def test_overview(app: App) -> None:
    app.open("#/")
    app.shot("overview")
    stats = api(app, "/api/stats")
    for key in ("documents", "events", "registry", "claims", "statements"):
        value = app.page.locator(f'.count[data-key="{key}"] .value').inner_text()
        assert value == f"{stats['tables'][key]:,}", key
    assert stats["tables"]["events"] > 0
    assert app.page.locator(".timeline rect.bar").count() > 0
    assert app.page.locator(".legend li").count() == 4
    assert app.page.locator("table.top-actors a[href^='#/actor/']").count() > 0
    dyad = app.page.locator("table.top-dyads a", has_text=re.compile("CHN.VNM"))
    assert dyad.get_attribute("href") == "#/events?dyad=CHN-VNM"
    assert app.errors == []


def test_events_filters(app: App) -> None:
    page = app.page
    app.open("#/events")
    assert meeting_rows(app).count() >= 1

    page.fill("form.filters input[name=actor]", "To Lam")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=To"))
    app.ready()
    assert meeting_rows(app).count() >= 1

    page.fill("form.filters input[name=actor]", "Chen Siyuan")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Chen"))
    app.ready()
    rows = page.locator("table.events tbody tr")
    expected = api(app, "/api/events?actor=Chen%20Siyuan")["total"]
    assert rows.count() == expected > 0
    for text in rows.all_inner_texts():
        assert "Chen Siyuan" in text
    csv = page.locator("a.download-csv").get_attribute("href") or ""
    assert csv.startswith("/api/events?") and "format=csv" in csv and "actor=Chen" in csv
    app.shot("events")

    page.fill("form.filters input[name=since]", "2024-13")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"since=2024-13"))
    app.ready()
    assert "since" in page.locator(".error").inner_text()
    assert app.errors == [] or all("422" in e for e in app.errors)


def test_network(app: App) -> None:
    app.open("#/network?level=country")
    app.shot("network")
    page = app.page
    edge = page.locator(
        'line.edge[data-source="VNM"][data-target="CHN"], '
        'line.edge[data-source="CHN"][data-target="VNM"]'
    )
    assert edge.count() == 1
    node = page.locator('g.node[data-id="VNM"]')
    assert node.locator("title").count() == 1 and node.locator("text").text_content() == "VNM"

    page.click("a.level-actor")
    app.ready()
    assert page.locator("g.node text", has_text="Chen Siyuan").count() == 1
    assert page.locator("line.edge").count() > 0
    assert app.errors == []


def test_document_provenance(app: App) -> None:
    page = app.page
    app.open("#/events?actor=To%20Lam")
    meeting_rows(app).first.locator("a.doc-link").click()
    page.wait_for_url(re.compile(r"#/document/\w+\?event=\d+"))
    app.ready()
    text = page.locator(".doc-text")
    assert "Chen Siyuan" in text.inner_text() and "To Lam" in text.inner_text()
    assert text.locator(".ann-actor", has_text=re.compile(r"^To Lam$")).count() >= 1
    for layer in ("event", "date", "place", "statement"):
        assert text.locator(f".ann-{layer}").count() > 0, layer
    focused = text.locator(".ann.focus")
    assert focused.count() >= 1 and "ann-event" in (focused.first.get_attribute("class") or "")

    text.locator(".ann-event").first.hover()
    tip = page.locator(".tip")
    tip.wait_for(state="visible")
    assert "Event: CONSULT" in tip.inner_text() and "To Lam" in tip.inner_text()
    app.shot("document")

    page.uncheck('.layer-legend input[data-layer="actor"]')
    assert "hide-actor" in (text.get_attribute("class") or "")

    # a list link moves the focus within the page, without drawing it again
    text.evaluate("node => { node.dataset.marker = 'same'; }")
    page.click('table.doc-events a.jump[data-layer="event"][data-index="1"]')
    app.ready()
    assert page.locator(".doc-text[data-marker=same] .ann-event.focus[data-event~='1']").count()
    assert page.locator(".doc-text .focus[data-event~='0']").count() == 0

    doc_id = page.url.split("#/document/")[1].split("?")[0]
    app.open("#/")
    app.open(f"#/document/{doc_id}?event=0")
    assert page.locator(".doc-text .ann-event.focus[data-event~='0']").count() >= 1
    assert app.errors == []


def test_document_claims(app: App) -> None:
    """The seed article about the ministries' cooperation has claims ("plus de 100 pays")."""
    docs = api(app, "/api/documents?text=000_")["items"]
    assert docs and docs[0]["claims"] > 0
    app.open(f"#/document/{docs[0]['id']}?claim=0")
    app.shot("document_claims")
    claims = app.page.locator(".doc-text .ann-claim")
    assert claims.count() > 0
    assert app.page.locator(".doc-text .ann-claim.focus").count() >= 1
    claims.first.hover()
    assert "Claim:" in app.page.locator(".tip").inner_text()
    assert app.errors == []


def test_actor_page(app: App) -> None:
    page = app.page
    app.open("#/events?actor=To%20Lam")
    meeting_rows(app).first.locator("a.actor-link", has_text="To Lam").click()
    page.wait_for_url(re.compile(r"#/actor/\d+$"))
    app.ready()
    app.shot("actor")
    assert page.locator("h1.actor-name").inner_text() == "To Lam"
    assert page.locator("table.titles", has_text="ministre de la Sécurité publique").count() == 1
    assert page.locator(".titles-chart rect.title-bar").count() > 0
    meeting = page.locator("table.events tbody tr.meeting", has_text="Chen Siyuan")
    assert meeting.count() >= 1 and "CONSULT" in meeting.first.inner_text()
    assert page.locator("table.counterparts a", has_text="Chen Siyuan").count() == 1
    assert app.errors == []


def test_map(app: App) -> None:
    app.open("#/map")
    app.shot("map")
    assert app.page.locator("svg.map path.country").count() > 100
    hanoi = app.page.locator('svg.map circle.place[data-name="Hanoï"]')
    assert hanoi.count() == 1
    assert "Hanoï" in (hanoi.locator("title").text_content() or "")
    countries = [p for p in api(app, "/api/places") if p["lat"] is None and p["country_numeric"]]
    assert countries  # the dev corpus has events placed only by a country ("en Italie")
    central = app.page.locator("svg.map circle.place.country-level")
    assert central.count() == len(countries)
    assert {central.nth(i).get_attribute("data-name") for i in range(central.count())} == {
        p["name"] for p in countries}
    assert app.errors == []


def test_documents_list(app: App) -> None:
    app.open("#/documents")
    total = api(app, "/api/documents")["total"]
    assert app.page.locator("table.documents tbody tr").count() == min(total, 50)
    app.page.fill("form.filters input[name=text]", "000_")
    app.page.click("form.filters button[type=submit]")
    app.page.wait_for_url(re.compile(r"text=000_"))
    app.ready()
    app.shot("documents")
    assert app.page.locator("table.documents tbody tr").count() == 1
    assert app.errors == []


FITS = """table => {
  const card = table.closest('.card');
  const evidence = table.querySelector('th.evidence').getBoundingClientRect().width;
  const spilled = [...table.querySelectorAll('td')]
    .filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent);
  return {evidence, card: card ? card.clientWidth : 0, scroll: card ? card.scrollWidth : 1e9,
          table: table.getBoundingClientRect().width, spilled};
}"""


def assert_fits(table: Any) -> None:
    """The events table keeps a readable evidence column and stays inside its card."""
    fit = table.evaluate(FITS)
    assert fit["evidence"] >= 240, fit
    assert fit["scroll"] <= fit["card"], fit  # nothing overflows the card
    assert fit["spilled"] == [], fit  # no cell's content spills out of its column


def test_events_table_fits_its_card(app: App) -> None:
    """At 1280 px, every event of the store (long organisation names, several participants)
    in the events page and on an actor page."""
    app.open("#/events?limit=50")
    tables = app.page.locator(".card table.events")
    assert tables.count() == 1 and tables.locator("tbody tr").count() >= 30
    assert_fits(tables.first)
    app.shot("events_all")
    actor = api(app, "/api/actors?name=Union%20europ")["items"][0]
    app.open(f"#/actor/{actor['id']}")
    tables = app.page.locator(".card table.events")
    assert tables.count() == 2
    for i in range(2):
        assert_fits(tables.nth(i))
    assert app.errors == []


OVERLAPS = """() => {
  const labels = [...document.querySelectorAll('svg.network g.node text.label')];
  const shown = labels.filter((t) => getComputedStyle(t).display !== 'none')
    .map((t) => ({text: t.textContent, box: t.getBoundingClientRect()}));
  const hits = [];
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) {
      const a = shown[i].box, b = shown[j].box;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
        hits.push([shown[i].text, shown[j].text]);
      }
    }
  }
  return {labels: labels.length, shown: shown.length, hits};
}"""


@pytest.mark.parametrize("level", ["actor", "country"])
def test_network_labels_do_not_overlap(app: App, level: str) -> None:
    app.open(f"#/network?level={level}")
    app.shot(f"network_{level}")
    found = app.page.evaluate(OVERLAPS)
    assert found["labels"] == len(api(app, f"/api/network?level={level}")["nodes"]) > 10
    assert found["hits"] == [], found
    assert found["shown"] >= 0.9 * found["labels"], found  # a label is hidden only if it must be
    hidden = app.page.locator("svg.network text.label-hidden")
    if hidden.count():  # shown while its node is hovered
        node = app.page.locator("svg.network g.node:has(text.label-hidden)").first
        node.locator("circle").hover()
        label = node.locator("text.label-hidden")
        assert label.evaluate("t => getComputedStyle(t).display") != "none"
    assert app.errors == []


def test_an_undated_event_shows_what_the_cli_shows(app: App, store_path: Any) -> None:
    """The one event of the dev corpus whose text gives no date: null in the API record (not
    the article's date), "undated (article DATE)" in the dashboard and in `accord events`."""
    from click.testing import CliRunner

    from accord.cli import cli
    from accord.store.items import date_label

    items = api(app, "/api/events?limit=1000")["items"]
    undated = [e for e in items if e["date"] is None]
    assert undated
    event = undated[0]
    assert event["date_precision"] is None and event["doc_published"]
    label = date_label(None, event["doc_published"])
    assert label == f"undated (article {event['doc_published']})"

    out = CliRunner().invoke(cli, ["events", "--db", str(store_path), "--type", event["type"]])
    assert out.exit_code == 0 and label in out.output

    app.open(f"#/events?doc_id={event['doc_id']}")
    row = app.page.locator("table.events tbody tr").nth(event["idx"])
    assert row.locator("a.doc-link").inner_text() == event["evidence"]
    cell = row.locator("td.date").text_content() or ""
    assert " ".join(cell.split()) == label
    dated = app.page.locator("table.events td.date", has_text=re.compile(r"^\d{4}"))
    assert all(not text.startswith("undated") for text in dated.all_text_contents())
    app.shot("events_undated")

    app.page.locator("a.doc-link").nth(event["idx"]).click()
    app.page.wait_for_url(re.compile(r"#/document/"))
    app.ready()
    doc_cell = app.page.locator("table.doc-events tbody tr").nth(event["idx"]).locator("td.date")
    assert " ".join((doc_cell.text_content() or "").split()) == label
    assert app.errors == []
