"""Fixtures of the browser tests: a store built by the real pipeline from the seed articles and
the dev corpus, the API and dashboard served by uvicorn in a thread, and Debian's Chromium
driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

from accord import Store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def unavailable(reason: str) -> NoReturn:
    """Skip, except on CI where a missing browser is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is not skipped)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed articles and the dev corpus, built by the real pipeline."""
    from accord import extract, read_paths

    inputs = [SHARED / "seeds", SHARED / "corpus" / "wikinews-fr"]
    if not all(p.is_dir() for p in inputs):
        unavailable(f"the seed articles and dev corpus are not in {SHARED}")
    db = tmp_path_factory.mktemp("browser") / "accord.db"
    with Store.open(db) as store:
        store.put_many(
            d for d in extract(read_paths([str(p) for p in inputs])) if not isinstance(d, Exception)
        )
    return db


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    """The dashboard served by uvicorn in a background thread, on a free port."""
    import uvicorn

    from accord.web.api import create_app

    application = create_app(str(store_path))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(application, log_level="warning", lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/api/stats", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            pytest.fail(f"the server did not answer at {url}")
        time.sleep(0.1)
    yield url
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} is missing (install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright (Python) is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True)
        yield chromium
        chromium.close()


@dataclass
class App:
    """A page of the dashboard, the errors it logged, and where it is served."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, route: str = "#/") -> None:
        self.page.goto(self.base + "/" + route)
        self.ready()

    def ready(self) -> None:
        """Wait until the view of the current address is drawn."""
        self.page.wait_for_function(
            "() => { const p = document.querySelector('#view > .page');"
            " return p && p.hasAttribute('data-ready') && p.dataset.hash === location.hash; }"
        )

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def app(browser: Any, base_url: str) -> Iterator[App]:
    """A fresh browser context; requests leaving the server are blocked and count as errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    app = App(page, base_url)

    def route(r: Any) -> None:
        if r.request.url.startswith(base_url + "/"):
            r.continue_()
        else:
            app.errors.append(f"request outside the server: {r.request.url}")
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: app.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: app.errors.append(f"page error: {exc}"))
    yield app
    context.close()
