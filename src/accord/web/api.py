"""The JSON API over a store: a FastAPI application, the single source of the dashboard.

    uvicorn "accord.web.api:create_app" --factory    # or: accord serve --db accord.db

Every list endpoint pages (``limit`` ≤ 1000, ``offset``) and answers ``{"total", "limit",
"offset", "items", "total_exact"}``: events are counted up to the next thousand past the page
(``"total": 1000, "total_exact": false`` means 1,000 or more), every other list exactly; every
parameter is validated (a bad one is a 422 with the reason, never a 500). Dates are ``YYYY[-MM[-DD]]`` as in :mod:`accord.store`; countries are three letters (ISO3
or a PLOVER code); a dyad is two countries joined by "-" ("CHN-VNM", either order). The OpenAPI
description is at ``/openapi.json`` and browsable at ``/docs``.

The application is read-only unless made with ``allow_writes=True`` (then ``POST
/api/documents``, :mod:`accord.web.writes`, guarded by a bearer token); CORS is closed unless
origins are given; every response carries the headers of :mod:`accord.web.security`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from accord.errors import QueryError, StoreError
from accord.store import Store
from accord.store.items import (
    ITEMS,
    ActorItem,
    ClaimItem,
    EventItem,
    StatementItem,
    actor_item,
    claim_item,
    event_item,
    statement_item,
)
from accord.store.query import ActorQuery, ClaimQuery, DocumentQuery, EventQuery, StatementQuery
from accord.store.query import Query as RowQuery
from accord.store.rows import (
    CounterpartRow,
    CountRow,
    DocumentRow,
    DyadRow,
    EdgeRow,
    NodeRow,
    PlaceRow,
    TimelineRow,
)
from accord.store.tables import TABLES, csv_lines, jsonl_lines
from accord.vocab import ontology
from accord.web.dashboard import mount, mount_docs
from accord.web.pool import StorePool
from accord.web.security import TOKEN_ENV, SecurityHeaders, check_origin, check_token

__all__ = ["create_app"]

T = TypeVar("T")
MAX_PAGE = 1000
TOTAL_STEP = 1000  # events are counted up to the next multiple past the page
_COUNTRY = r"^[A-Za-z]{3}$"


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]
    total_exact: bool = True  # false: ``total`` is a lower bound (events are counted so far)


class Network(BaseModel):
    nodes: list[NodeRow]
    edges: list[EdgeRow]


class ActorPage(BaseModel):
    actor: ActorItem
    counterparts: list[CounterpartRow]
    as_actor: Page[EventItem]
    as_recipient: Page[EventItem]
    statements: Page[StatementItem]


class EventTypeInfo(BaseModel):
    name: str
    definition: str
    quad_class: int
    intensity: float | None
    modes: list[str]


class Ontology(BaseModel):
    types: list[EventTypeInfo]
    quad_classes: dict[int, str]
    sectors: dict[str, str]
    contexts: list[str]


class Stats(BaseModel):
    tables: dict[str, int]
    first_date: str | None
    last_date: str | None
    by_type: list[CountRow]
    by_quad_class: list[CountRow]
    timeline: list[TimelineRow]
    top_actors: list[CountRow]
    top_countries: list[CountRow]
    top_dyads: list[CountRow]


def _invalid(name: str, message: str, where: str = "query") -> HTTPException:
    return HTTPException(422, detail=[{"loc": [where, name], "msg": message,
                                       "type": "value_error"}])


Q = TypeVar("Q", bound=RowQuery)


def _built(make: Callable[[], Q]) -> Q:
    """The query ``make`` builds from the request's parameters (:mod:`accord.store.query` checks
    it, as for the CLI; a bad value is a 422 with its message)."""
    try:
        return make()
    except QueryError as exc:
        raise _invalid(exc.name, exc.reason) from None


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Name = Annotated[str | None, Query(min_length=1, max_length=200)]
Country = Annotated[str | None, Query(max_length=200, description="ISO3 or PLOVER code.",
                                      json_schema_extra={"pattern": _COUNTRY})]
# checked by accord.store.query (as in the CLI), the pattern only documented
DateParam = Annotated[str | None, Query(max_length=200, description="YYYY[-MM[-DD]]")]


def _event_query(
    actor: Name = None,
    country: Country = None,
    dyad: Annotated[
        str | None,
        Query(max_length=200, description="Two countries, e.g. CHN-VNM.",
              json_schema_extra={"pattern": r"^[A-Za-z]{3}-[A-Za-z]{3}$"}),
    ] = None,
    type: Annotated[str | None, Query(max_length=200, description="PLOVER type.")] = None,
    quad_class: Annotated[
        int | None, Query(json_schema_extra={"minimum": 1, "maximum": 4})
    ] = None,
    since: DateParam = None,
    until: DateParam = None,
    text: Text = None,
    actor_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    role: Literal["actor", "recipient"] | None = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
) -> EventQuery:
    """The event filters shared by /api/events and the aggregate endpoints, as one query."""
    return _built(lambda: EventQuery(
        actor=actor, country=country, dyad=dyad, type=type, quad_class=quad_class,
        since=since, until=until, text=text, actor_id=actor_id, role=role, doc_id=doc_id,
    ))


def _store(request: Request) -> Iterator[Store]:
    """A store connection for the request, from the app's :class:`StorePool`. FastAPI may take
    it, use it and give it back from different worker threads (one at a time), hence
    ``check_same_thread=False``."""
    pool: StorePool = request.app.state.pool
    if not Path(pool.path).is_file():
        raise HTTPException(503, detail=f"no store at {pool.path}")
    try:
        store = pool.take()
    except StoreError as exc:
        raise HTTPException(503, detail=str(exc)) from exc
    try:
        yield store
    except BaseException:
        pool.give(store, reuse=False)
        raise
    pool.give(store)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.pool.close()  # the connections kept between requests


Db = Annotated[Store, Depends(_store)]
Events = Annotated[EventQuery, Depends(_event_query)]


def _streamed(table: str, path: str, query: RowQuery) -> Iterator[Any]:
    """Every row of ``table`` that ``query`` keeps, read through a connection of its own (a
    streamed response is iterated from worker threads, one at a time)."""
    store = Store.open(path, check_same_thread=False)
    try:
        yield from TABLES[table].rows(store, query)
    finally:
        store.close()


def _download(table: str, rows: Iterator[Any], fmt: str) -> StreamingResponse:
    """``rows`` as JSONL of their items (:data:`accord.store.items.ITEMS`, the objects of a page) or
    as CSV of their flat table (:data:`accord.store.tables.TABLES`)."""
    spec = TABLES[table]
    if fmt == "jsonl":
        lines = jsonl_lines(map(ITEMS[table], rows))
    else:
        lines = csv_lines(spec.columns, map(spec.record, rows))
    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(
        lines, media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{table}.{fmt}"'},
    )


def _event_page(db: Store, query: EventQuery, limit: int, offset: int) -> Page[EventItem]:
    """A page of the events ``query`` keeps; its total is counted up to the next multiple of
    :data:`TOTAL_STEP` past the page (a lower bound beyond, so that a page never counts a
    million events), or exactly when the store lists the events the filters keep anyway."""
    cap = TOTAL_STEP * ((offset + limit) // TOTAL_STEP + 1)
    items, total, exact = db.events_page(query.page(limit, offset), at_most=cap + 1)
    exact = exact or total <= cap
    return Page[EventItem](
        total=total if exact else cap, limit=limit, offset=offset, total_exact=exact,
        items=[event_item(r) for r in items],
    )


def create_app(
    db: str | None = None,
    *,
    allow_writes: bool = False,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    allowed_hosts: Sequence[str] | None = None,
    max_body: int | None = None,
    max_articles: int | None = None,
) -> FastAPI:
    """The application serving the store ``db`` (default: ``$ACCORD_DB``, else accord.db).

    Read-only unless ``allow_writes``: then ``POST /api/documents`` (:mod:`accord.web.writes`)
    stores posted articles for requests bearing ``token`` (default: ``$ACCORD_API_TOKEN``;
    ``ValueError`` if there is none or it is shorter than 16 characters), up to ``max_body``
    bytes and ``max_articles`` articles per request. CORS is closed unless ``cors_origins``
    lists origins, which may then GET. ``allowed_hosts`` (default: any) are the Host header
    values answered; others get a 400. Every response carries the headers of
    :mod:`accord.web.security`.
    """
    from accord import __version__

    origins = [check_origin(o) for o in cors_origins]
    if allow_writes:
        token = check_token(token if token is not None else os.environ.get(TOKEN_ENV))
    app = FastAPI(
        title="accord", version=__version__,
        description="Political event data extracted from news articles: events, actors, "
        "claims and statements, each traced to its sentence.",
        docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None, lifespan=_lifespan,
    )
    app.state.db = db or os.environ.get("ACCORD_DB", "accord.db")
    app.state.pool = StorePool(app.state.db)
    app.state.allow_writes = allow_writes
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET"],
                           allow_headers=["Accept"], max_age=600)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)  # the outermost: every response has the headers
    mount_docs(app)

    @app.get("/api/stats", response_model=Stats, tags=["overview"])
    def stats(db: Db) -> Stats:
        """Row counts, events by type and quad class, the monthly timeline, the top actors,
        countries and dyads."""
        dates = [r.date_lo for r in db.events(EventQuery(limit=1))
                 + db.events(EventQuery(limit=1, sort="-date"))]
        return Stats(
            tables=db.stats(), first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None, by_type=db.event_counts("type"),
            by_quad_class=db.event_counts("quad_class"), timeline=db.timeline(),
            top_actors=db.event_counts("actor", limit=15),
            top_countries=db.event_counts("country", limit=15),
            top_dyads=db.event_counts("dyad", limit=15),
        )

    @app.get("/api/ontology", response_model=Ontology, tags=["overview"])
    def plover() -> Ontology:
        """The PLOVER event types (quad class, intensity, modes), quad classes, sectors and
        contexts that the filters and the records use."""
        onto = ontology.ontology()
        return Ontology(
            types=[EventTypeInfo(name=t.name, definition=t.definition, quad_class=t.quad_class,
                                 intensity=t.intensity, modes=list(t.modes))
                   for t in onto.types.values()],
            quad_classes=dict(onto.quad_class_names), sectors=dict(onto.sectors),
            contexts=list(onto.contexts),
        )

    @app.get("/api/documents", response_model=Page[DocumentRow], tags=["documents"])
    def documents(
        db: Db,
        language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
        source: Name = None,
        since: DateParam = None,
        until: DateParam = None,
        text: Text = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Page[DocumentRow]:
        """Stored documents by date, with their extraction counts (``text``: in the title or
        path)."""
        query = _built(lambda: DocumentQuery(language=language, source=source, since=since,
                                             until=until, text=text, limit=limit, offset=offset))
        return Page[DocumentRow](
            total=db.count_documents(query), limit=limit, offset=offset,
            items=db.documents(query),
        )

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(db: Db, doc_id: str) -> dict[str, Any]:
        """The cleaned text and every extraction with its character spans: actors (with their
        registry ``id``), events (with their ``id``), claims, statements, dates and places."""
        if len(doc_id) > 64:
            raise _invalid("doc_id", "too long", "path")
        try:
            doc = db.document(doc_id)
        except StoreError as exc:  # an ambiguous id prefix
            raise _invalid("doc_id", str(exc), "path") from None
        if doc is None:
            raise HTTPException(404, detail=f"no document {doc_id!r}")
        out = doc.to_dict()
        for actor, reg in zip(out["actors"], db.registry_ids(doc.id), strict=True):
            actor["id"] = reg
        for idx, event in enumerate(out["events"]):
            event["id"] = f"{doc.id}:{idx}"
        return out

    @app.get("/api/events", response_model=Page[EventItem], tags=["events"])
    def events(
        db: Db,
        filters: Events,
        sort: Literal["date", "-date", "intensity", "-intensity", "type"] = "date",
        limit: Limit = 50,
        offset: Offset = 0,
        format: Literal["json", "csv", "jsonl"] = "json",
    ) -> Any:
        """Events, filtered, sorted and paged; ``format=jsonl`` downloads every matching event
        (from ``offset``, by date) as the items of a page, one per line, ``format=csv`` as a
        flat table (the columns of ``accord events --csv``)."""
        if format != "json":  # every event from offset, by date
            every = filters.page(None, offset)
            return _download("events", _streamed("events", app.state.db, every), format)
        return _event_page(db, dataclasses.replace(filters, sort=sort), limit, offset)

    @app.get("/api/dyads", response_model=list[DyadRow], tags=["events"])
    def dyads(db: Db, filters: Events, limit: Limit = MAX_PAGE) -> list[DyadRow]:
        """Country pairs x month x quad class: event counts and mean intensity."""
        return db.dyads(filters, limit)

    @app.get("/api/timeline", response_model=list[TimelineRow], tags=["events"])
    def timeline(db: Db, filters: Events) -> list[TimelineRow]:
        """Events per month and quad class."""
        return db.timeline(filters)

    @app.get("/api/network", response_model=Network, tags=["events"])
    def network(
        db: Db,
        filters: Events,
        level: Literal["country", "actor"] = "country",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
    ) -> Network:
        """Countries (or registry actors) linked by their events, the heaviest edges first."""
        nodes, edges = db.network(level, filters, limit)
        return Network(nodes=nodes, edges=edges)

    @app.get("/api/places", response_model=list[PlaceRow], tags=["events"])
    def places(db: Db, filters: Events, limit: Limit = MAX_PAGE) -> list[PlaceRow]:
        """Where events happened, with coordinates from the gazetteer."""
        return db.places(filters, limit)

    @app.get("/api/actors", response_model=Page[ActorItem], tags=["actors"])
    def actors(
        db: Db,
        name: Name = None,
        country: Country = None,
        kind: Literal["person", "organization", "state"] | None = None,
        sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Page[ActorItem]:
        """Registry actors, most documents first, with aliases and dated titles."""
        query = _built(lambda: ActorQuery(name=name, country=country, kind=kind, sector=sector,
                                          limit=limit, offset=offset))
        return Page[ActorItem](
            total=db.count_actors(query), limit=limit, offset=offset,
            items=[actor_item(r) for r in db.actors(query)],
        )

    @app.get("/api/actors/{actor_id}", response_model=ActorPage, tags=["actors"])
    def actor(
        db: Db, actor_id: Annotated[int, PathParam(ge=1, le=2**62)], limit: Limit = 100
    ) -> ActorPage:
        """One actor: aliases, titles with dates and the documents that give them, events as
        actor and as recipient, counterparts, statements."""
        row = db.actor(actor_id)
        if row is None:
            raise HTTPException(404, detail=f"no actor {actor_id}")
        said = StatementQuery(speaker_id=actor_id, limit=limit)
        return ActorPage(
            actor=actor_item(row), counterparts=db.counterparts(actor_id, limit=50),
            as_actor=_event_page(db, EventQuery(actor_id=actor_id, role="actor"), limit, 0),
            as_recipient=_event_page(db, EventQuery(actor_id=actor_id, role="recipient"), limit,
                                     0),
            statements=Page[StatementItem](
                total=db.count_statements(said), limit=limit, offset=0,
                items=[statement_item(r) for r in db.statements(said)],
            ),
        )

    @app.get("/api/claims", response_model=Page[ClaimItem], tags=["claims and statements"])
    def claims(
        db: Db,
        holder: Name = None,
        source: Name = None,
        country: Country = None,
        unit: Name = None,
        min: float | None = None,
        max: float | None = None,
        since: DateParam = None,
        until: DateParam = None,
        text: Text = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Page[ClaimItem]:
        """Numbers the articles assert, dated by their article."""
        query = _built(lambda: ClaimQuery(
            holder=holder, source=source, country=country, unit=unit, min_quantity=min,
            max_quantity=max, since=since, until=until, text=text, doc_id=doc_id, limit=limit,
            offset=offset,
        ))
        return Page[ClaimItem](
            total=db.count_claims(query), limit=limit, offset=offset,
            items=[claim_item(r) for r in db.claims(query)],
        )

    @app.get("/api/statements", response_model=Page[StatementItem],
             tags=["claims and statements"])
    def statements(
        db: Db,
        speaker: Name = None,
        country: Country = None,
        verb: Name = None,
        since: DateParam = None,
        until: DateParam = None,
        text: Text = None,
        speaker_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Page[StatementItem]:
        """Who said what, and when: ``date`` is the statement's own (null when the text gives
        none; the filters then date it by its article, ``doc_published``)."""
        query = _built(lambda: StatementQuery(
            speaker=speaker, country=country, verb=verb, since=since, until=until, text=text,
            speaker_id=speaker_id, doc_id=doc_id, limit=limit, offset=offset,
        ))
        return Page[StatementItem](
            total=db.count_statements(query), limit=limit, offset=offset,
            items=[statement_item(r) for r in db.statements(query)],
        )

    if allow_writes:
        from accord.web import writes

        assert token is not None
        writes.mount(app, token, max_body=max_body or writes.MAX_BODY,
                     max_articles=max_articles or writes.MAX_ARTICLES)

    mount(app)
    return app
