"""The dashboard and the API page: static files (HTML, CSS, JavaScript) served beside the API,
reading only the API. Their libraries and map data (d3, topojson-client, world-atlas, Swagger
UI) ship in the package, in ``static/vendor/`` with their licences (``MANIFEST.json`` gives
their versions; ``web/`` in a checkout refreshes them from npm); nothing is fetched from the
network when they run."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

__all__ = [
    "DOCS_FILES",
    "STATIC",
    "VENDOR_FILES",
    "docs_page",
    "missing_vendor_files",
    "mount",
    "mount_docs",
]

STATIC = Path(__file__).parent / "static"
VENDOR_FILES = ("d3.min.js", "topojson-client.min.js", "countries-110m.json")
"""The files of ``static/vendor/`` the dashboard loads."""
DOCS_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")
"""The files of ``static/vendor/`` the API page loads."""


def missing_vendor_files(names: tuple[str, ...] = VENDOR_FILES + DOCS_FILES) -> list[str]:
    """The files of ``names`` missing from ``static/vendor/`` (none in an installed package)."""
    return [name for name in names if not (STATIC / "vendor" / name).is_file()]


def _missing(names: list[str], page: str) -> JSONResponse:
    return JSONResponse(
        {"detail": f"the {page} is missing files of the package ({', '.join(names)}): reinstall "
                   "accord, or in a checkout run `npm ci && npm run build` in web/"},
        status_code=503,
    )


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its files at ``/static``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> FileResponse | JSONResponse:
        missing = missing_vendor_files(VENDOR_FILES)
        if missing:
            return _missing(missing, "dashboard")
        return FileResponse(STATIC / "index.html")


def docs_page(title: str, openapi_url: str = "/openapi.json") -> str:
    """The HTML of the API page: Swagger UI from ``static/vendor/``, started by
    ``static/js/docs.js`` on ``openapi_url`` (no inline script, no other origin)."""
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)}</title>
  <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/vendor/swagger-ui.css">
  <script src="/static/vendor/swagger-ui-bundle.js" defer></script>
  <script src="/static/js/docs.js" defer></script>
</head>
<body>
  <div id="swagger-ui" data-openapi="{escape(openapi_url)}"></div>
  <noscript>The API page needs JavaScript; the description is at
    <a href="{escape(openapi_url)}">{escape(openapi_url)}</a>.</noscript>
</body>
</html>
"""


def mount_docs(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    """Serve the OpenAPI browser (Swagger UI) at ``/docs``, from the package's own files and
    under the same Content-Security-Policy as the rest (it works offline)."""
    html = docs_page(f"{app.title} - API", openapi_url)

    @app.get("/docs", include_in_schema=False, response_model=None)
    def docs() -> HTMLResponse | JSONResponse:
        missing = missing_vendor_files(DOCS_FILES)
        if missing:
            return _missing(missing, "API page")
        return HTMLResponse(html)
