"""The dashboard: static files (HTML, CSS, JavaScript) served beside the API, reading only the
API. Its JavaScript libraries and map data (d3, topojson-client, world-atlas) come from npm at
build time (``npm ci && npm run build`` in ``web/``) into ``static/vendor/``; nothing is fetched
from the network when it runs."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["STATIC", "VENDOR_FILES", "missing_vendor_files", "mount"]

STATIC = Path(__file__).parent / "static"
VENDOR_FILES = ("d3.min.js", "topojson-client.min.js", "countries-110m.json")


def missing_vendor_files() -> list[str]:
    """The vendor files the dashboard needs that are not built yet."""
    return [name for name in VENDOR_FILES if not (STATIC / "vendor" / name).is_file()]


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its files at ``/static``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> FileResponse | JSONResponse:
        missing = missing_vendor_files()
        if missing:
            return JSONResponse(
                {"detail": "the dashboard is not built: run `npm ci && npm run build` in web/ "
                           f"(missing {', '.join(missing)}); the API works at /api and /docs"},
                status_code=503,
            )
        return FileResponse(STATIC / "index.html")
