"""The API page (/docs) in a real browser with no network but the server: Swagger UI comes from
the package, lists every operation of /openapi.json and runs one against the server.

Run with ``python -m pytest -q tests/browser``; the screenshot goes to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.conftest import App

pytestmark = pytest.mark.browser


def test_api_page_works_offline(app: App) -> None:
    with urllib.request.urlopen(app.base + "/openapi.json", timeout=10) as response:
        spec = json.load(response)
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert operations >= 12

    page = app.page
    page.goto(app.base + "/docs")
    blocks = page.locator(".opblock")
    page.wait_for_function(f"() => document.querySelectorAll('.opblock').length === {operations}")
    assert blocks.count() == operations
    assert "accord" in page.locator(".info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1

    path = page.locator(".opblock-summary-path[data-path='/api/stats']")
    stats = page.locator(".opblock", has=path)
    stats.locator(".opblock-summary").first.click()
    stats.locator(".try-out__btn").click()
    stats.locator(".execute").click()
    live = stats.locator(".live-responses-table tr.response .response-col_status")
    live.first.wait_for()
    assert live.first.inner_text().strip().startswith("200")
    app.shot("api-page")
    assert app.errors == []
