"""Writing through the API: ``POST /api/documents`` runs the pipeline on posted articles and
stores them, as ``accord ingest`` does for JSONL.

The endpoint exists only in an application made with ``create_app(allow_writes=True,
token=...)`` (``accord serve --allow-writes`` with ``ACCORD_API_TOKEN`` set); otherwise a POST
is a 405. A request must carry ``Authorization: Bearer TOKEN`` (401 otherwise, checked before
the body is read), be JSON (415), weigh at most ``max_body`` bytes (413) and hold one article
object or a list of at most ``max_articles`` (422). An article has the fields of a JSONL line of
``accord ingest``: ``text`` (required), ``id``, ``published``, ``url``, ``source``, ``title``,
``language``; any other field is a 422. The answer gives, per article in request order, the
stored document id and whether it was ``new``, ``updated`` or ``unchanged``, or the reason it
could not be read or coded (``error``; recorded in the store's ``errors`` table too).
"""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from accord import ingestion
from accord.errors import ModelError, ReadError, StoreError
from accord.read import content_id, read_text
from accord.records import Article, Document
from accord.web.security import require_bearer

__all__ = ["MAX_ARTICLES", "MAX_BODY", "ArticleIn", "ArticleResult", "IngestResult", "mount"]

MAX_BODY = 10 * 1024 * 1024
MAX_ARTICLES = 100
MAX_TEXT = 1_000_000  # spaCy's default max_length


class ArticleIn(BaseModel):
    """One posted article: the fields of a JSONL line of ``accord ingest``."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
    id: Annotated[str, Field(min_length=1, max_length=200)] | int | None = None
    published: Annotated[str | None, Field(max_length=40, description="YYYY[-MM[-DD]]")] = None
    url: Annotated[str | None, Field(max_length=2048)] = None
    source: Annotated[str | None, Field(max_length=200)] = None
    title: Annotated[str | None, Field(max_length=1000)] = None
    language: Annotated[str | None, Field(pattern=r"^[a-z]{2}$")] = None


class ArticleResult(BaseModel):
    index: int
    id: str | None
    status: Literal["new", "updated", "unchanged", "error"]
    error: str | None = None


class IngestResult(BaseModel):
    new: int
    updated: int
    unchanged: int
    errors: int
    results: list[ArticleResult]


class _Body:
    """The body's validators: one article, or a list of 1 to ``max_articles``, and the union
    of both for the OpenAPI description."""

    def __init__(self, max_articles: int) -> None:
        many = Annotated[list[ArticleIn], Field(min_length=1, max_length=max_articles)]
        self.one: TypeAdapter[ArticleIn] = TypeAdapter(ArticleIn)
        self.many: TypeAdapter[list[ArticleIn]] = TypeAdapter(many)
        self.either: TypeAdapter[Any] = TypeAdapter(ArticleIn | many)


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is known to exceed ``limit`` bytes."""
    too_big = HTTPException(413, detail=f"the body is over {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPException(400, detail="invalid Content-Length")
        if int(declared) > limit:
            raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _articles(body: bytes, types: _Body) -> list[ArticleIn]:
    """The articles of a body (a list if it starts with "[", else one object), else 422 with
    the place of each error in the body, without echoing the input."""
    try:
        if body.lstrip()[:1] == b"[":
            return types.many.validate_json(body)
        return [types.one.validate_json(body)]
    except ValidationError as exc:
        raise RequestValidationError([
            {"loc": ("body", *e["loc"]), "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_url=False)
        ]) from None


def _article(item: ArticleIn) -> Article | ReadError:
    source_id = None if item.id is None else str(item.id)
    path = "api:" + (source_id or content_id(item.text)[:16])
    try:
        return read_text(
            item.text, path, published=item.published, title=item.title, source=item.source,
            url=item.url, source_id=source_id, language=item.language,
        )
    except ReadError as exc:
        return exc


def ingest(db: str, articles: list[ArticleIn], lock: threading.Lock) -> IngestResult:
    """Read, code and store ``articles``; one result per article, in order. ``lock`` keeps one
    pipeline run at a time (a spaCy pipeline is not shared between threads)."""
    results: list[ArticleResult] = []

    def stored(item: Document | ReadError, outcome: str | ReadError) -> None:
        index = len(results)
        if isinstance(outcome, ReadError):  # a read error is its own outcome
            results.append(ArticleResult(index=index, id=None, status="error",
                                         error=outcome.reason))
            return
        status: Literal["new", "updated", "unchanged"] = (
            "new" if outcome == "new" else "updated" if outcome == "updated" else "unchanged"
        )
        if isinstance(item, Document):  # stored: not a read error
            results.append(ArticleResult(index=index, id=item.id, status=status))

    with lock:
        try:
            summary = ingestion.ingest([_article(a) for a in articles], db, on_stored=stored)
        except (ModelError, StoreError) as exc:
            raise HTTPException(503, detail=str(exc)) from exc
    return IngestResult(new=summary.new, updated=summary.updated, unchanged=summary.unchanged,
                        errors=summary.failed, results=results)


def mount(app: FastAPI, token: str, max_body: int = MAX_BODY,
          max_articles: int = MAX_ARTICLES) -> None:
    """Add ``POST /api/documents`` to ``app``, guarded by the bearer ``token``."""
    types = _Body(max_articles)
    lock = threading.Lock()
    schema = types.either.json_schema(ref_template="#/components/schemas/{model}")
    defs = schema.pop("$defs", {})

    @app.post(
        "/api/documents", response_model=IngestResult, tags=["documents"],
        responses={401: {"description": "Missing or wrong bearer token"},
                   413: {"description": f"Body over {max_body} bytes"},
                   415: {"description": "Body not JSON"},
                   422: {"description": "Invalid article, or not 1 to "
                                        f"{max_articles} articles"}},
        openapi_extra={"requestBody": {"required": True,
                                       "content": {"application/json": {"schema": schema}}},
                       "security": [{"bearer": []}]},
    )
    async def post_documents(request: Request) -> IngestResult:
        """Extract and store articles (one object or a list): the fields of an ``accord
        ingest`` JSONL line. Needs ``Authorization: Bearer TOKEN``."""
        require_bearer(request, token)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            raise HTTPException(415, detail="the body must be application/json")
        articles = _articles(await _read_body(request, max_body), types)
        return await run_in_threadpool(ingest, request.app.state.db, articles, lock)

    generate = app.openapi

    def openapi() -> dict[str, Any]:
        spec = generate()
        components = spec.setdefault("components", {})
        components.setdefault("schemas", {}).update(defs)
        components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
