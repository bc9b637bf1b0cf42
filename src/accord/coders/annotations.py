"""What the coders write on a ``Doc``: one extension attribute per facet.

Each coder component sets its own attribute and reads the ones of the components before it:

    doc._.article     Article            set by the pipeline before the coders run
    doc._.actors      ActorTable          actors coder
    doc._.places      list[PlaceAnn]      places coder
    doc._.dates       list[DateAnn]       dates coder
    doc._.statements  list[StatementAnn]  statements coder
    doc._.events      list[EventAnn]      events coder
    doc._.claims      list[ClaimAnn]      claims coder

The annotation classes are plain dataclasses private to the coding stage; ``accord.build`` turns
them into the frozen records of ``accord.records``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

__all__ = [
    "ActorAnn",
    "ActorTable",
    "ClaimAnn",
    "DateAnn",
    "EventAnn",
    "Participant",
    "PlaceAnn",
    "StatementAnn",
    "Unnamed",
    "ensure_extensions",
    "text_of",
]


@dataclass
class ActorAnn:
    idx: int
    name: str
    kind: str  # person | organization | state
    country: str | None
    sector: str | None
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    locative_only: bool = False  # a state named only as a place ("en Syrie")
    derived: bool = False  # designated by a title, never named ("Ministère de la Défense")
    counterpart: bool = False  # introduced as someone's counterpart ("son homologue X")
    feminine: bool = False  # a title next to the name is in the feminine ("la candidate X")
    key: str | None = None  # canonical name of a known body or organisation ("Union européenne")
    leader: int | None = None  # the person a body is named after ("le régime de X"): its state


@dataclass
class ActorTable:
    """The actors of a document and which tokens mention them."""

    actors: list[ActorAnn] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> actor idx
    home: str | None = None  # the state the article is about (dateline, headline, dominant)

    def add_mention(self, actor: ActorAnn, start: int, end: int) -> None:
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
        for i in range(start, end):
            self.by_token[i] = actor.idx

    def new(self, name: str, kind: str, country: str | None, sector: str | None) -> ActorAnn:
        actor = ActorAnn(len(self.actors), name, kind, country, sector)
        self.actors.append(actor)
        return actor


@dataclass
class PlaceAnn:
    start: int  # token span
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None = None  # the gazetteer's kind ("city", "country", ...), if it knows it


@dataclass
class DateAnn:
    start: int  # token span
    end: int
    value: str | None
    kind: str


@dataclass(frozen=True)
class Unnamed:
    """A participant the text does not name ("des manifestants", "les ambassadeurs de la
    France", "un groupe de militaires"): what is known of it."""

    country: str | None
    sector: str | None = None


Participant = int | Unnamed  # an actor of the table (its idx) or an unnamed participant


@dataclass
class EventAnn:
    type: str
    mode: str | None
    actors: list[Participant]
    recipients: list[Participant]
    trigger: int  # token index
    sent_start: int  # token index of the sentence start
    date: str | None
    place: PlaceAnn | None
    context: list[str]
    evidence: tuple[int, int]  # char span
    explicit_date: bool = False  # the date is written in the event's clause
    nominal: bool = False  # read from a noun ("la visite de X"), not a verb
    headline: bool = False  # read from the article's title line
    tense: str = "present"  # of the trigger's clause (see accord.coders.event_dates.tense)
    carrier: bool = False  # a dated mention without actors, kept only to date a retelling
    trip: bool = False  # a visit to a state told by its noun ("sa visite au Vietnam")


@dataclass
class ClaimAnn:
    quantity: float
    qualifier: str
    unit: str
    holder: int | None
    source: int | None
    span: tuple[int, int]  # char span of the number expression
    sent_start: int


@dataclass
class StatementAnn:
    speaker: int | None
    verb: str
    date: str | None
    verb_token: int
    content: tuple[int, int] | None  # char span of the reported content
    sent_start: int
    content_tokens: tuple[int, int] | None = None  # token span of the content


def ensure_extensions() -> None:
    """Register the ``Doc`` extension attributes (idempotent)."""
    for name in ("article", "actors", "places", "dates", "events", "claims", "statements"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token's text on each access,
    which the coders would otherwise pay for every number, quote or evidence they read."""
    text = doc.user_data.get("accord.text")
    if not isinstance(text, str):
        text = doc.user_data["accord.text"] = doc.text
    return text
