"""The coders: spaCy components, each writing one annotation on the ``Doc``.

    accord_actors → accord_places → accord_dates → accord_statements → accord_events → accord_claims

See :mod:`accord.coders.annotations` for what each one sets.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accord.coders.actors import code_actors
from accord.coders.annotations import DateAnn, ensure_extensions, text_of
from accord.coders.claims import code_claims
from accord.coders.event_dates import EventClock
from accord.coders.events import code_events
from accord.coders.places import code_places, dateline_place
from accord.coders.resolve import Resolver
from accord.coders.roles import Roles
from accord.coders.statements import code_statements
from accord.vocab.dates import find_dates
from accord.vocab.lexicon import lexicon

__all__ = ["CODER_NAMES", "add_coders"]

CODER_NAMES = (
    "accord_actors",
    "accord_places",
    "accord_dates",
    "accord_statements",
    "accord_events",
    "accord_claims",
)


def _published(doc: Doc) -> str | None:
    article = doc._.article
    return article.published if article is not None else None


def _lang(doc: Doc) -> str:
    return "fr"


def _body_bounds(doc: Doc) -> tuple[int, int]:
    """Token indexes where the title line ends and where the body starts (after a dateline
    such as "24 janvier 2016 . –" or "Hanoï (VNA) -")."""
    article = doc._.article
    title = article.title if article is not None else None
    headline_end = 0
    if title and text_of(doc).startswith(title):
        span = doc.char_span(0, len(title), alignment_mode="expand")
        headline_end = span.end if span is not None else 0
    body_start = headline_end
    for tok in doc[headline_end:headline_end + 30]:
        if tok.text in ("–", "—", "-") and tok.i > headline_end:
            body_start = tok.i + 1
            break
    return headline_end, body_start


_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "»", ":", ";", ")", '"', "”", "...", "-", "–", "—"})


@Language.component("accord_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """A new paragraph always starts a new sentence, and a sentence starts only after a
    paragraph break or a sentence-ending mark: the parser otherwise splits some sentences after
    a name ("Béatrice Négrier | , vice-présidente ..."). The parser respects preset boundaries."""
    prev_text = prev_ws = ""
    prev_space = False
    for tok in doc:  # one Token object per token: the previous one is kept as plain values
        text = tok.text
        if tok.i > 0:
            if "\n" in prev_ws or (prev_space and "\n" in prev_text) or tok.is_space:
                tok.is_sent_start = True
            elif prev_text not in _SENTENCE_ENDS and not prev_text.endswith((".", "!", "?")):
                tok.is_sent_start = False
        prev_text, prev_ws, prev_space = text, tok.whitespace_, tok.is_space
    return doc


@Language.component("accord_actors", assigns=["doc._.actors"])
def actors_component(doc: Doc) -> Doc:
    doc._.actors = code_actors(doc, lexicon(_lang(doc)))
    return doc


@Language.component("accord_places", assigns=["doc._.places"])
def places_component(doc: Doc) -> Doc:
    doc._.places = code_places(doc)
    return doc


@Language.component("accord_dates", assigns=["doc._.dates"])
def dates_component(doc: Doc) -> Doc:
    found = []
    for mention in find_dates(text_of(doc), _published(doc)):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append(DateAnn(span.start, span.end, mention.value, mention.kind))
    doc._.dates = found
    return doc


@Language.component("accord_statements", requires=["doc._.actors", "doc._.dates"],
                    assigns=["doc._.statements"])
def statements_component(doc: Doc) -> Doc:
    lex = lexicon(_lang(doc))
    roles = Roles(Resolver(doc, doc._.actors, lex), lex.groups)
    headline_end, body_start = _body_bounds(doc)
    clock = EventClock(doc, doc._.dates, _published(doc), body_start)
    doc._.statements = code_statements(doc, lex, roles, clock, headline_end)
    return doc


@Language.component("accord_events", requires=["doc._.actors", "doc._.dates", "doc._.places"],
                    assigns=["doc._.events"])
def events_component(doc: Doc) -> Doc:
    lex = lexicon(_lang(doc))
    resolver = Resolver(doc, doc._.actors, lex)
    article = doc._.article
    dateline = dateline_place(article.dateline_place if article is not None else None)
    headline_end, body_start = _body_bounds(doc)
    doc._.events = code_events(doc, lex, doc._.actors, resolver, doc._.dates, doc._.places,
                               dateline, _published(doc), headline_end, body_start)
    return doc


@Language.component("accord_claims", requires=["doc._.actors", "doc._.statements"],
                    assigns=["doc._.claims"])
def claims_component(doc: Doc) -> Doc:
    resolver = Resolver(doc, doc._.actors, lexicon(_lang(doc)))
    headline_end, _ = _body_bounds(doc)
    doc._.claims = code_claims(doc, resolver, doc._.statements, headline_end)
    return doc


def add_coders(nlp: Language) -> Language:
    """Append accord's coders to a loaded spaCy pipeline."""
    ensure_extensions()
    if "accord_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("accord_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    for name in CODER_NAMES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
