"""The records of the JSON API and of the CLI's ``--json`` and ``--jsonl``: one builder per kind
turns a store row into a JSON-ready dict, so that ``accord events --json`` prints exactly the
items of ``/api/events`` (and the same for statements, claims and actors).

An event item carries its full ``id`` (``DOCID:IDX``), its type, mode, quad class, CAMEO code and
intensity, its participants as objects (``id`` = registry actor id, ``name``, ``country``,
``sector``), its own ``date`` with its ``date_precision`` (both ``null`` when the text gives no
date: the article's date is never put in their place; it is ``doc_published``), the period
``date_lo``..``date_hi`` that sorts and filters it (the article's when the event is undated),
its place, evidence, sentence, ``span`` and its document (``doc_id``, ``doc_url`` ...). An empty
list is ``[]``, a missing value ``null``.

The flat tables of :mod:`accord.store.tables` (``--csv``, exports) hold the same facts in columns.
:func:`date_label` is how every table for people (the CLI's, the dashboard's) shows a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from typing_extensions import TypedDict  # pydantic reads TypedDicts from here on Python 3.11

from accord.store.rows import (
    ActorRow,
    ClaimRow,
    EventRow,
    ParticipantRow,
    StatementRow,
    TitleRow,
)

__all__ = [
    "ITEMS",
    "ActorItem",
    "ClaimItem",
    "EventItem",
    "ParticipantItem",
    "Precision",
    "StatementItem",
    "TitleItem",
    "actor_item",
    "claim_item",
    "date_label",
    "date_precision",
    "event_item",
    "statement_item",
]

Precision = Literal["day", "month", "year"]

_PRECISIONS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}"), "year"),
)


def date_precision(date: str | None) -> Precision | None:
    """``"day"``, ``"month"`` or ``"year"`` for ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None``
    for no date (or one in another form)."""
    if date:
        for pattern, precision in _PRECISIONS:
            if pattern.fullmatch(date):
                return precision
    return None


def date_label(date: str | None, published: str | None) -> str:
    """A date as tables for people show it: the date itself, else ``"undated (article
    PUBLISHED)"``, else ``"undated"``. The dashboard's ``accord.dateLabel`` is the same."""
    if date:
        return date
    return f"undated (article {published})" if published else "undated"


class ParticipantItem(TypedDict):
    """One side of an event: a named actor of the article, or an unnamed one (``name`` null)."""

    id: int | None  # the registry actor (/api/actors/{id}); null if unnamed
    name: str | None
    country: str | None
    sector: str | None


class EventItem(TypedDict):
    """An event as the API and ``accord events --json`` give it."""

    id: str  # DOCID:IDX
    doc_id: str
    idx: int  # position of the event among its document's events
    type: str  # PLOVER
    mode: str | None
    quad_class: int | None  # 1-4: verbal/material cooperation, verbal/material conflict
    intensity: float | None
    cameo: str | None
    date: str | None  # the event's own date; null when the text gives none
    date_precision: Precision | None
    date_lo: str | None  # the days that sort and filter it (the article's when undated)
    date_hi: str | None
    actors: list[ParticipantItem]
    recipients: list[ParticipantItem]
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    context: list[str]
    trigger: str
    evidence: str
    sentence: str
    span: list[int]  # [start, end) of the evidence in the document's text
    doc_path: str
    doc_title: str | None
    doc_published: str | None
    doc_url: str | None
    doc_source: str | None


class StatementItem(TypedDict):
    """Who said what, as the API and ``accord statements --json`` give it."""

    id: str
    doc_id: str
    idx: int
    date: str | None  # the statement's own date; null when the text gives none
    date_precision: Precision | None
    speaker: str | None
    speaker_country: str | None
    speaker_id: int | None  # the registry actor
    verb: str
    evidence: str
    sentence: str
    span: list[int]
    content_span: list[int] | None  # what was said
    doc_path: str
    doc_title: str | None
    doc_published: str | None
    doc_url: str | None
    doc_source: str | None


class ClaimItem(TypedDict):
    """A number an article asserts, as the API and ``accord claims --json`` give it (a claim has
    no date of its own: ``doc_published`` dates it)."""

    id: str
    doc_id: str
    idx: int
    quantity: float
    qualifier: str
    unit: str
    holder: str | None
    holder_country: str | None
    holder_id: int | None
    source: str | None
    source_country: str | None
    source_id: int | None
    evidence: str
    sentence: str
    span: list[int]
    doc_path: str
    doc_title: str | None
    doc_published: str | None
    doc_url: str | None
    doc_source: str | None


class TitleItem(TypedDict):
    """A title of an actor, dated by the articles that give it."""

    title: str
    first: str | None
    last: str | None
    documents: int
    doc_ids: list[str]


class ActorItem(TypedDict):
    """A registry actor, as the API and ``accord actors --json`` give it."""

    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: list[str]
    titles: list[TitleItem]  # most recently seen first
    documents: int
    events: int


def _participant(p: ParticipantRow) -> ParticipantItem:
    return {"id": p.registry_id, "name": p.name, "country": p.country, "sector": p.sector}


def event_item(row: EventRow) -> EventItem:
    return {
        "id": row.id, "doc_id": row.doc_id, "idx": row.idx, "type": row.type, "mode": row.mode,
        "quad_class": row.quad_class, "intensity": row.intensity, "cameo": row.cameo,
        "date": row.date, "date_precision": date_precision(row.date), "date_lo": row.date_lo,
        "date_hi": row.date_hi, "actors": [_participant(p) for p in row.actors],
        "recipients": [_participant(p) for p in row.recipients],
        "place_name": row.place_name, "place_country": row.place_country,
        "place_lat": row.place_lat, "place_lon": row.place_lon, "context": list(row.context),
        "trigger": row.trigger, "evidence": row.evidence, "sentence": row.sentence,
        "span": list(row.span), "doc_path": row.doc_path, "doc_title": row.doc_title,
        "doc_published": row.doc_published, "doc_url": row.doc_url,
        "doc_source": row.doc_source,
    }


def statement_item(row: StatementRow) -> StatementItem:
    return {
        "id": f"{row.doc_id}:{row.idx}", "doc_id": row.doc_id, "idx": row.idx, "date": row.date,
        "date_precision": date_precision(row.date), "speaker": row.speaker,
        "speaker_country": row.speaker_country, "speaker_id": row.speaker_registry_id,
        "verb": row.verb, "evidence": row.evidence, "sentence": row.sentence,
        "span": list(row.span),
        "content_span": list(row.content_span) if row.content_span else None,
        "doc_path": row.doc_path, "doc_title": row.doc_title,
        "doc_published": row.doc_published, "doc_url": row.doc_url,
        "doc_source": row.doc_source,
    }


def claim_item(row: ClaimRow) -> ClaimItem:
    return {
        "id": f"{row.doc_id}:{row.idx}", "doc_id": row.doc_id, "idx": row.idx,
        "quantity": row.quantity, "qualifier": row.qualifier, "unit": row.unit,
        "holder": row.holder, "holder_country": row.holder_country,
        "holder_id": row.holder_registry_id, "source": row.source,
        "source_country": row.source_country, "source_id": row.source_registry_id,
        "evidence": row.evidence, "sentence": row.sentence, "span": list(row.span),
        "doc_path": row.doc_path, "doc_title": row.doc_title,
        "doc_published": row.doc_published, "doc_url": row.doc_url,
        "doc_source": row.doc_source,
    }


def _title(t: TitleRow) -> TitleItem:
    return {"title": t.title, "first": t.first, "last": t.last, "documents": t.documents,
            "doc_ids": list(t.doc_ids)}


def actor_item(row: ActorRow) -> ActorItem:
    return {
        "id": row.id, "name": row.name, "kind": row.kind, "country": row.country,
        "sector": row.sector, "aliases": list(row.aliases),
        "titles": [_title(t) for t in row.titles], "documents": row.documents,
        "events": row.events,
    }


ITEMS: Mapping[str, Callable[[Any], Mapping[str, Any]]] = {
    "events": event_item,
    "statements": statement_item,
    "claims": claim_item,
    "actors": actor_item,
}
"""The item builder of each kind, by the name of its table in :data:`accord.store.tables.TABLES`."""
