"""Hostile articles in the dashboard: markup in an article's text, title, source, id and URL
(``<script>``, ``<img onerror>``, ``javascript:`` links, ``<svg onload>``, attribute breakouts)
goes through the real pipeline and the store, and every view shows it as text: nothing runs,
no dialog opens, no ``javascript:`` URL or event-handler attribute reaches the DOM, and the
page breaks no rule of its Content-Security-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import App

pytestmark = pytest.mark.browser

PWNED = "window.__pwned=1"
SCRIPT = f"<script>{PWNED}</script>"
IMG = f'<img src=x onerror="{PWNED}">'
LINK = f'<a href="javascript:{PWNED}">clic</a>'
SVG = f'<svg onload="{PWNED}">pays</svg>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
RECORDS = [
    {
        "id": SCRIPT, "published": "2024-01-10", "source": f'<b onmouseover="{PWNED}">VNA</b>',
        "url": f"javascript:{PWNED}", "title": f"Visite {SCRIPT}{IMG} à Hanoï",
        "text": "Le ministre vietnamien de la Sécurité publique, To Lam, a reçu le 10 janvier à "
                f"Hanoï le vice-ministre chinois de la Sécurité publique, Chen Siyuan {SCRIPT}. "
                f"Les deux parties ont signé un accord {IMG} sur la cybersécurité. To Lam a "
                f"déclaré que « la coopération {LINK} est bonne ». Plus de 100 {SVG} coopèrent "
                f'avec le ministère <iframe src="javascript:{PWNED}"></iframe>.',
    },
    {
        "id": "h2", "published": "2024-02", "title": BREAKOUT, "url": "JaVaScRiPt:alert(1)",
        "text": "Le ministre chinois de la Défense, Dong Jun, a rencontré le 5 février à Pékin son "
                "homologue vietnamien Phan Van Giang <img src=x onerror=alert(1)><body "
                "onload=alert(1)>. Ils ont convenu de renforcer la coopération <math><mi "
                'xlink:href="javascript:alert(1)">x</mi></math> ${alert(1)} '
                "{{constructor.constructor('alert(1)')()}} <object data=\"javascript:alert(1)\">"
                "</object>.",
    },
]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""

INSPECT = r"""() => {
  const urlAttrs = /^(href|xlink:href|src|srcset|srcdoc|action|formaction|data|poster|background)$/i;
  const bad = [];
  for (const node of document.querySelectorAll("*")) {
    for (const a of node.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${node.tagName} ${a.name}`);
      if (urlAttrs.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
        bad.push(`${node.tagName} ${a.name}=${a.value}`);
      }
    }
  }
  const view = document.getElementById("view");
  return {
    pwned: typeof window.__pwned,
    violations: window.__violations || [],
    bad,
    embedded: view ? view.querySelectorAll("script, img, iframe, object, embed, math, body").length
                   : -1,
    scripts: [...document.scripts].map((s) => s.getAttribute("src")),
  };
}"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the hostile articles, read from JSONL and coded by the real pipeline."""
    from accord import Store, extract, read_paths

    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                      encoding="utf-8")
    docs = list(extract(read_paths([str(source)])))
    assert not [d for d in docs if isinstance(d, Exception)]
    db = folder / "accord.db"
    with Store.open(db) as store:
        store.put_many(d for d in docs if not isinstance(d, Exception))
    return db


@pytest.fixture
def guarded(app: App) -> tuple[App, list[str]]:
    """The app with CSP violations recorded and every dialog (alert, confirm) logged."""
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    app.page.on("dialog", on_dialog)
    app.page.add_init_script(WATCH)
    return app, dialogs


def assert_inert(app: App, dialogs: list[str]) -> None:
    state = app.page.evaluate(INSPECT)
    assert state["pwned"] == "undefined"
    assert dialogs == []
    assert state["violations"] == []
    assert state["bad"] == []
    assert state["embedded"] == 0
    assert all(src and src.startswith("/static/") for src in state["scripts"]), state["scripts"]
    assert app.errors == []


def view_text(app: App) -> str:
    return str(app.page.locator("#view").inner_text())


def api(app: App, path: str) -> Any:
    import urllib.request

    with urllib.request.urlopen(app.base + path, timeout=10) as response:
        return json.load(response)


def hover_and_jump(app: App) -> list[str]:
    """Hover every highlighted span and follow every list link of a document page; the texts
    of the explanations shown."""
    page = app.page
    tips = []
    spans = page.locator(".doc-text .ann")
    for i in range(spans.count()):
        spans.nth(i).hover()
        tip = page.locator(".tip")
        if tip.is_visible():
            tips.append(tip.inner_text())
    jumps = page.locator("a.jump")
    for i in range(jumps.count()):
        jumps.nth(i).click()
        app.ready()
    return tips


def test_hostile_documents_are_text(guarded: tuple[App, list[str]]) -> None:
    app, dialogs = guarded
    page = app.page
    app.open("#/documents")
    listing = page.locator("table.documents").inner_text()
    for markup in (SCRIPT, IMG, BREAKOUT, f'<b onmouseover="{PWNED}">VNA</b>'):
        assert markup in listing, markup
    app.shot("hostile_documents")
    assert_inert(app, dialogs)

    page.locator("table.documents a.doc-title", has_text="Visite").click()
    page.wait_for_url(re.compile(r"#/document/\w+"))
    app.ready()
    assert page.locator("h1.doc-heading").inner_text() == RECORDS[0]["title"]
    text = page.locator(".doc-text").inner_text()
    for markup in (SCRIPT, IMG, LINK, SVG):
        assert markup in text, markup
    assert page.locator("a", has_text="Original article").count() == 0  # a javascript: URL
    tips = hover_and_jump(app)
    assert any(SCRIPT[:20] in tip or PWNED in tip for tip in tips), tips
    assert any("Event: CONSULT" in tip for tip in tips)
    app.shot("hostile_document")
    assert_inert(app, dialogs)

    app.open("#/documents")
    page.locator("table.documents a.doc-title", has_text=BREAKOUT).click()
    page.wait_for_url(re.compile(r"#/document/\w+"))
    app.ready()
    assert page.locator("h1.doc-heading").inner_text() == BREAKOUT
    assert "<img src=x onerror=alert(1)><body onload=alert(1)>" in view_text(app)
    assert page.locator("a", has_text="Original article").count() == 0
    hover_and_jump(app)
    assert_inert(app, dialogs)


def test_hostile_events_and_actors_are_text(guarded: tuple[App, list[str]]) -> None:
    app, dialogs = guarded
    page = app.page
    app.open("#/events")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 2
    assert RECORDS[0]["title"] in view_text(app) and BREAKOUT in view_text(app)
    rows.filter(has_text="To Lam").first.locator("a.doc-link").hover()
    assert_inert(app, dialogs)

    rows.filter(has_text="To Lam").first.locator("a.actor-link", has_text="To Lam").click()
    page.wait_for_url(re.compile(r"#/actor/\d+$"))
    app.ready()
    assert page.locator("h1.actor-name").inner_text() == "To Lam"
    assert LINK in view_text(app)  # what To Lam said, markup included, as text
    app.shot("hostile_actor")
    assert_inert(app, dialogs)

    for route in ("#/", "#/network?level=actor", "#/network?level=country", "#/map",
                  "#/events?text=cooperation"):
        app.open(route)
        assert_inert(app, dialogs)
    claims = api(app, "/api/claims")["items"]
    assert any("<" in c["unit"] for c in claims)  # markup reached the claims, shown as text


def test_hostile_markup_is_stored_verbatim(guarded: tuple[App, list[str]]) -> None:
    """The API returns the markup as it was written: the dashboard, not the store, makes it
    harmless (the article stays citable as it was published)."""
    app, _ = guarded
    docs = api(app, "/api/documents")["items"]
    assert {d["title"] for d in docs} == {RECORDS[0]["title"], BREAKOUT}
    first = next(d for d in docs if d["title"] == RECORDS[0]["title"])
    doc = api(app, f"/api/documents/{first['id']}")
    assert SCRIPT in doc["text"] and doc["url"] == RECORDS[0]["url"]
