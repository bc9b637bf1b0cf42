"""The typed rows that :class:`accord.store.Store` queries return.

Rows are frozen dataclasses of plain values (no SQLite or spaCy objects), so the CLI, the Python
API (:mod:`accord.store.dataset`), the exports and the web API share them.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.records import Span

__all__ = [
    "ActorRow",
    "ClaimRow",
    "CountRow",
    "CounterpartRow",
    "DocumentRow",
    "DyadRow",
    "EdgeRow",
    "ErrorRow",
    "EventRow",
    "NodeRow",
    "ParticipantRow",
    "PlaceRow",
    "PutStats",
    "StatementRow",
    "StoryRow",
    "TimelineRow",
    "TitleRow",
]


@dataclass(frozen=True, slots=True)
class PutStats:
    """What :meth:`Store.put_many` did: documents stored new, updated or left unchanged, and
    inputs that failed (read, coded or stored; each one is a row of the ``errors`` table)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        """Documents stored (new, updated or unchanged); failures not counted."""
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    name: str | None
    country: str | None
    sector: str | None
    registry_id: int | None  # the registry entry of the matching actor of the document


@dataclass(frozen=True, slots=True)
class EventRow:
    doc_id: str
    idx: int  # position of the event in the document's events
    type: str
    mode: str | None
    date: str | None  # as extracted; may be None (the document's published then dates it)
    actors: tuple[ParticipantRow, ...]
    recipients: tuple[ParticipantRow, ...]
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    context: tuple[str, ...]
    evidence: str
    sentence: str
    span: Span
    quad_class: int | None
    intensity: float | None
    cameo: str | None
    trigger: str
    date_lo: str | None  # the first and last day the event (or its document) is dated by
    date_hi: str | None
    doc_path: str
    doc_title: str | None
    doc_published: str | None
    doc_url: str | None
    doc_source: str | None

    @property
    def id(self) -> str:
        """A stable id: the document's id and the event's position in it."""
        return f"{self.doc_id}:{self.idx}"


@dataclass(frozen=True, slots=True)
class StatementRow:
    doc_id: str
    idx: int  # position of the statement in the document's statements
    speaker: str | None
    speaker_country: str | None  # of the document's actor named ``speaker``
    speaker_registry_id: int | None  # the registry entry of that actor
    verb: str
    date: str | None  # as extracted; may be None (the document's published then dates it)
    evidence: str
    sentence: str
    span: Span
    content_span: Span | None
    doc_path: str
    doc_title: str | None
    doc_published: str | None
    doc_url: str | None
    doc_source: str | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    doc_id: str
    idx: int  # position of the claim in the document's claims
    quantity: float
    qualifier: str
    unit: str
    holder: str | None
    holder_country: str | None  # of the document's actor named ``holder``
    holder_registry_id: int | None
    source: str | None
    source_country: str | None  # of the document's actor named ``source``
    source_registry_id: int | None
    evidence: str
    sentence: str
    span: Span
    doc_path: str
    doc_title: str | None
    doc_published: str | None  # a claim has no date of its own: this dates it
    doc_url: str | None
    doc_source: str | None


@dataclass(frozen=True, slots=True)
class TitleRow:
    """A title of a registry actor, dated by the published dates of the documents that give it."""

    title: str
    first: str | None  # earliest published date among those documents (None if all undated)
    last: str | None  # latest
    documents: int
    doc_ids: tuple[str, ...] = ()  # the documents that give it, oldest first


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]  # other forms seen across documents
    titles: tuple[TitleRow, ...]  # most recently seen first
    documents: int
    events: int


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    path: str
    title: str | None
    published: str | None
    language: str
    source: str | None
    ingested_at: str | None  # None for a document read from records, never stored
    actors: int
    events: int
    claims: int
    statements: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorRow:
    path: str
    reason: str
    at: str


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Events between two countries in one month and quad class."""

    country_a: str  # the pair in alphabetical order
    country_b: str
    month: str | None  # YYYY-MM; None for events dated only to the year (or spanning months)
    quad_class: int | None
    events: int
    mean_intensity: float | None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """Events in one month and quad class."""

    month: str | None  # as in :class:`DyadRow`
    quad_class: int | None
    events: int


@dataclass(frozen=True, slots=True)
class NodeRow:
    """A country or a registry actor in the network of events."""

    id: str  # the country code, or the registry id as a string
    label: str
    country: str | None
    kind: str  # "country", "person", "organization" or "state"
    events: int


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """Two nodes that took part in the same events (see :func:`accord.store.write.dyads`)."""

    source: str
    target: str
    events: int
    cooperation: int  # events of quad class 1 or 2
    conflict: int  # events of quad class 3 or 4
    mean_intensity: float | None


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place where events happened, with its coordinates from the gazetteer."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    cooperation: int
    conflict: int
    country_numeric: str | None = None  # ISO 3166-1 numeric: a map draws a country without
    # coordinates from its outline


@dataclass(frozen=True, slots=True)
class CounterpartRow:
    """An actor that shared events with another, and how."""

    id: int  # registry id
    name: str
    kind: str
    country: str | None
    events: int
    types: tuple[str, ...]  # the PLOVER types of those events, most frequent first


@dataclass(frozen=True, slots=True)
class CountRow:
    """A value and how many events have it (a type, a quad class, an actor ...)."""

    key: str
    label: str
    events: int


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What a document says overall, for the story-level columns of exports."""

    doc_id: str
    language: str
    people: tuple[str, ...]
    organizations: tuple[str, ...]  # organisations and states
    places: tuple[str, ...]  # place names of the text, in order, without repeats
