"""From a coded ``Doc`` to the frozen records of :mod:`accord.records` (one pure function)."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.coders.annotations import ActorTable, PlaceAnn, Unnamed, text_of
from accord.coders.places import dateline_place
from accord.records import (
    Actor,
    Article,
    Claim,
    DateRef,
    Document,
    Event,
    Participant,
    Place,
    PlaceRef,
    Statement,
)
from accord.vocab import ontology

__all__ = ["build_document"]


def _place(p: PlaceAnn | None) -> Place | None:
    if p is None:
        return None
    return Place(p.name, p.country, p.lat, p.lon)


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character span of the tokens ``[start, end)``."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _sentence(doc: Doc, token: int) -> str:
    return doc[token].sent.text.strip()


def build_document(doc: Doc, article: Article) -> Document:
    """The document record of an article whose ``Doc`` went through the coders."""
    table: ActorTable = doc._.actors or ActorTable()
    events = doc._.events or []
    claims = doc._.claims or []
    statements = doc._.statements or []

    used = {a for e in events for a in (*e.actors, *e.recipients) if isinstance(a, int)}
    used |= {c.holder for c in claims if c.holder is not None}
    used |= {s.speaker for s in statements if s.speaker is not None}
    # a state named only as a place, or a ministry only implied by a title, is an actor when
    # something the document tells uses it
    # (an actor whose every mention became part of a longer name is no actor)
    keep = [a for a in table.actors if not ((a.locative_only or a.derived) and a.idx not in used)
            and (a.mentions or a.derived)]
    name_of = {a.idx: a for a in keep}

    def participant(idx: int | Unnamed) -> Participant | None:
        if isinstance(idx, Unnamed):
            return Participant(None, idx.country, idx.sector)
        if idx not in name_of:
            return None
        a = name_of[idx]
        return Participant(a.name, a.country, a.sector)

    actors = tuple(
        Actor(
            name=a.name, kind=a.kind, country=a.country, sector=a.sector,
            titles=tuple(a.titles), aliases=tuple(a.aliases),
            mentions=tuple(_chars(doc, s, e) for s, e in sorted(a.mentions)),
        )
        for a in keep
    )
    event_records = []
    for e in events:
        trig = doc[e.trigger]
        event_records.append(Event(
            type=e.type, mode=e.mode,
            actor=tuple(p for p in map(participant, e.actors) if p is not None),
            recipient=tuple(p for p in map(participant, e.recipients) if p is not None),
            date=e.date, place=_place(e.place), context=tuple(e.context),
            evidence=text_of(doc)[e.evidence[0]:e.evidence[1]],
            span=(trig.idx, trig.idx + len(trig.text)), sentence=_sentence(doc, e.trigger),
            quad_class=ontology.quad_class(e.type), intensity=ontology.intensity(e.type, e.mode),
            cameo=ontology.cameo_code(e.type, e.mode), trigger=trig.text,
        ))
    claim_records = tuple(
        Claim(
            quantity=c.quantity, qualifier=c.qualifier, unit=c.unit,
            holder=name_of[c.holder].name if c.holder in name_of else None,
            source=name_of[c.source].name if c.source in name_of else None,
            evidence=text_of(doc)[c.span[0]:c.span[1]], span=c.span,
            sentence=doc[c.sent_start].sent.text.strip(),
        )
        for c in claims
    )
    statement_records = []
    for s in statements:
        verb = doc[s.verb_token]
        content = s.content or (verb.idx, verb.idx + len(verb.text))
        evidence = text_of(doc)[content[0]:content[1]]
        statement_records.append(Statement(
            speaker=name_of[s.speaker].name if s.speaker in name_of else None,
            verb=s.verb, date=s.date, evidence=evidence,
            span=(verb.idx, verb.idx + len(verb.text)), sentence=_sentence(doc, s.verb_token),
            content_span=s.content,
        ))
    dates = tuple(
        DateRef(doc[d.start:d.end].text, d.value, d.kind, _chars(doc, d.start, d.end))
        for d in doc._.dates or ()
    )
    places = tuple(
        PlaceRef(Place(p.name, p.country, p.lat, p.lon), _chars(doc, p.start, p.end))
        for p in doc._.places or ()
    )
    dateline = _place(dateline_place(article.dateline_place))
    return Document(
        id=article.id, path=article.path, text=article.text, published=article.published,
        language=article.language, title=article.title, source=article.source, url=article.url,
        dateline_place=dateline, captions=article.captions, actors=actors,
        events=tuple(event_records), claims=claim_records, statements=tuple(statement_records),
        dates=dates, places=places,
    )
