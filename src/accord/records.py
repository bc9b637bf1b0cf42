"""Typed, frozen records: what accord extracts from one article.

Everything downstream of the coders (store, exports, API, eval) reads these records and never a
spaCy object. ``to_dict`` gives the document JSON of the gold format (``shared/gold/README.md``)
plus provenance (``path``, ``text``, ``mentions``, ``span``, ``sentence``) and a few extra fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "DateRef",
    "Document",
    "Event",
    "Participant",
    "Place",
    "PlaceRef",
    "Span",
    "Statement",
]

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into :attr:`Document.text`."""


@dataclass(frozen=True, slots=True)
class Article:
    """An input article after reading and cleaning, before parsing.

    ``text`` is the cleaned text that every span of the extraction refers to: photo captions,
    the dateline (``Hanoï (VNA) -``), agency trailers (``-VNA``) and header lines are removed
    from it and kept in the other fields.
    """

    id: str  # stable content hash of the input text
    path: str  # the input as given: a file path, "FILE:LINE" for JSONL, "-" for stdin
    text: str
    published: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, at the precision the source gives
    language: str  # ISO 639-1 ("fr", "en"), detected unless the input says
    title: str | None = None
    source: str | None = None  # agency or outlet ("VNA", "Wikinews", a JSONL "source")
    url: str | None = None
    dateline_place: str | None = None  # place name of the dateline, as written ("Hanoï")
    captions: tuple[str, ...] = ()  # photo captions removed from the text
    source_id: str | None = None  # the input's own id (JSONL "id"), if any
    warnings: tuple[str, ...] = ()  # what reading repaired or ignored (bad bytes, a bad date)


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an event: a named actor of the document, or an unnamed one (``name=None``)."""

    name: str | None
    country: str | None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(data.get("name"), data.get("country"), data.get("sector"))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(data["name"], data.get("country"), _ofloat(data.get("lat")),
                   _ofloat(data.get("lon")))


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date written in the text ("le 10 janvier"), with its value where one can be given."""

    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str  # as the date reader classed it: "absolute", "relative", "weekday", "anaphoric", "duration"
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "kind": self.kind, "span": list(self.span)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateRef:
        return cls(data["text"], data.get("value"), data["kind"], _span(data["span"]))


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place named in the text ("à Hanoï"), as the gazetteer knows it."""

    place: Place
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {**self.place.to_dict(), "span": list(self.span)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlaceRef:
        return cls(Place.from_dict(data), _span(data["span"]))


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str  # person | organization | state
    country: str | None
    sector: str | None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "titles": list(self.titles),
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=data["name"], kind=data["kind"], country=data.get("country"),
            sector=data.get("sector"), titles=tuple(data.get("titles", ())),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(_span(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    mode: str | None
    actor: tuple[Participant, ...]
    recipient: tuple[Participant, ...]
    date: str | None
    place: Place | None
    context: tuple[str, ...]
    evidence: str
    span: Span
    sentence: str
    negated: bool = False
    quad_class: int | None = None
    intensity: float | None = None
    cameo: str | None = None
    trigger: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "actor": [p.to_dict() for p in self.actor],
            "recipient": [p.to_dict() for p in self.recipient],
            "date": self.date,
            "place": self.place.to_dict() if self.place else None,
            "context": list(self.context),
            "evidence": self.evidence,
            "optional": False,
            "span": list(self.span),
            "sentence": self.sentence,
            "trigger": self.trigger,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "cameo": self.cameo,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of :meth:`to_dict`; ``negated`` (not in the document JSON) is read if
        present, else False."""
        place = data.get("place")
        return cls(
            type=data["type"], mode=data.get("mode"),
            actor=tuple(Participant.from_dict(p) for p in data.get("actor", ())),
            recipient=tuple(Participant.from_dict(p) for p in data.get("recipient", ())),
            date=data.get("date"), place=Place.from_dict(place) if place else None,
            context=tuple(data.get("context", ())), evidence=data["evidence"],
            span=_span(data["span"]), sentence=data.get("sentence", ""),
            negated=bool(data.get("negated", False)), quad_class=data.get("quad_class"),
            intensity=_ofloat(data.get("intensity")), cameo=data.get("cameo"),
            trigger=data.get("trigger", ""),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    quantity: float
    qualifier: str  # exact | more_than | less_than | about | at_least
    unit: str
    holder: str | None
    source: str | None
    evidence: str
    span: Span
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        quantity: float | int = self.quantity
        if float(quantity).is_integer():
            quantity = int(quantity)
        return {
            "quantity": quantity,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "holder": self.holder,
            "source": self.source,
            "evidence": self.evidence,
            "span": list(self.span),
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            quantity=float(data["quantity"]), qualifier=data["qualifier"], unit=data["unit"],
            holder=data.get("holder"), source=data.get("source"), evidence=data["evidence"],
            span=_span(data["span"]), sentence=data.get("sentence", ""),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str | None
    verb: str
    date: str | None
    evidence: str
    span: Span
    sentence: str
    content_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "verb": self.verb,
            "date": self.date,
            "evidence": self.evidence,
            "span": list(self.span),
            "sentence": self.sentence,
            "content_span": list(self.content_span) if self.content_span else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        content = data.get("content_span")
        return cls(
            speaker=data.get("speaker"), verb=data["verb"], date=data.get("date"),
            evidence=data["evidence"], span=_span(data["span"]),
            sentence=data.get("sentence", ""), content_span=_span(content) if content else None,
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its cleaned text, metadata and everything extracted from it."""

    id: str
    path: str
    text: str
    published: str | None
    language: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline_place: Place | None = None
    captions: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    statements: tuple[Statement, ...] = ()
    dates: tuple[DateRef, ...] = ()  # every date of the text (provenance; not scored)
    places: tuple[PlaceRef, ...] = ()  # every place of the text (provenance; not scored)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "language": self.language,
            "published": self.published,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "dateline_place": self.dateline_place.to_dict() if self.dateline_place else None,
            "captions": list(self.captions),
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "statements": [s.to_dict() for s in self.statements],
            "dates": [d.to_dict() for d in self.dates],
            "places": [p.to_dict() for p in self.places],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The inverse of :meth:`to_dict`: ``Document.from_dict(d.to_dict()) == d``. Keys that
        ``to_dict`` leaves out are read when present: ``extra`` (an object) and each event's
        ``negated``. Raises ``KeyError``, ``TypeError`` or ``ValueError`` for a malformed
        document."""
        place = data.get("dateline_place")
        return cls(
            id=data["id"], path=data["path"], text=data["text"], published=data.get("published"),
            language=data["language"], title=data.get("title"), source=data.get("source"),
            url=data.get("url"), dateline_place=Place.from_dict(place) if place else None,
            captions=tuple(data.get("captions", ())),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", ())),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            dates=tuple(DateRef.from_dict(d) for d in data.get("dates", ())),
            places=tuple(PlaceRef.from_dict(p) for p in data.get("places", ())),
            extra=dict(data.get("extra") or {}),
        )


def _span(value: Any) -> Span:
    start, end = value
    return int(start), int(end)


def _ofloat(value: Any) -> float | None:
    return None if value is None else float(value)
