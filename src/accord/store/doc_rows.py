"""The rows of one :class:`~accord.records.Document` without a store: its events, statements
and claims as the store's query rows (:mod:`accord.store.rows`), its story and its document row.

One definition serves every reader of records that has no store: the Spark job's flat tables
(:mod:`accord.spark.tables`) and the exports of ``accord extract ... | accord export --input -``
(:func:`accord.exports.export_documents`). The rows are those the store gives for the same
document, less what only a store has: registry ids are None (no registry), a speaker's, holder's
or source's country is that of the document's first actor of that name (as the store gives it),
``ingested_at`` is None. :func:`sort_keys` give the store's orders of these rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.records import Document
from accord.store.rows import (
    ClaimRow,
    DocumentRow,
    EventRow,
    ParticipantRow,
    StatementRow,
    StoryRow,
)
from accord.store.schema import event_range
from accord.vocab.text import normalize_name

__all__ = [
    "claim_rows",
    "claim_sort_key",
    "document_row",
    "document_sort_key",
    "event_rows",
    "event_sort_key",
    "statement_rows",
    "statement_sort_key",
    "story_row",
]


def _names(doc: Document) -> dict[str, str | None]:
    """Normalised actor name → country of the document's first actor of that name (as the
    store gives a speaker's, holder's or source's country)."""
    out: dict[str, str | None] = {}
    for actor in doc.actors:
        out.setdefault(normalize_name(actor.name), actor.country)
    return out


def _country(names: dict[str, str | None], name: str | None) -> str | None:
    return None if name is None else names.get(normalize_name(name))


def _doc_fields(doc: Document) -> dict[str, Any]:
    return {
        "doc_path": doc.path, "doc_title": doc.title, "doc_published": doc.published,
        "doc_url": doc.url, "doc_source": doc.source,
    }


def _people(side: Iterable[Any]) -> tuple[ParticipantRow, ...]:
    return tuple(ParticipantRow(p.name, p.country, p.sector, None) for p in side)


def event_rows(doc: Document) -> list[EventRow]:
    """The events of ``doc``, in its order, as the store's event rows (no registry ids)."""
    rows = []
    for idx, e in enumerate(doc.events):
        lo, hi = event_range(e.date, doc.published)
        place = e.place
        rows.append(EventRow(
            doc_id=doc.id, idx=idx, type=e.type, mode=e.mode, date=e.date,
            actors=_people(e.actor), recipients=_people(e.recipient),
            place_name=place.name if place else None,
            place_country=place.country if place else None,
            place_lat=place.lat if place else None, place_lon=place.lon if place else None,
            context=e.context, evidence=e.evidence, sentence=e.sentence, span=e.span,
            quad_class=e.quad_class, intensity=e.intensity, cameo=e.cameo, trigger=e.trigger,
            date_lo=lo, date_hi=hi, **_doc_fields(doc),
        ))
    return rows


def statement_rows(doc: Document) -> list[StatementRow]:
    """The statements of ``doc`` as the store's statement rows (no registry ids)."""
    names = _names(doc)
    return [
        StatementRow(
            doc_id=doc.id, idx=idx, speaker=s.speaker,
            speaker_country=_country(names, s.speaker), speaker_registry_id=None, verb=s.verb,
            date=s.date, evidence=s.evidence, sentence=s.sentence, span=s.span,
            content_span=s.content_span, **_doc_fields(doc),
        )
        for idx, s in enumerate(doc.statements)
    ]


def claim_rows(doc: Document) -> list[ClaimRow]:
    """The claims of ``doc`` as the store's claim rows (no registry ids)."""
    names = _names(doc)
    return [
        ClaimRow(
            doc_id=doc.id, idx=idx, quantity=c.quantity, qualifier=c.qualifier, unit=c.unit,
            holder=c.holder, holder_country=_country(names, c.holder), holder_registry_id=None,
            source=c.source, source_country=_country(names, c.source), source_registry_id=None,
            evidence=c.evidence, sentence=c.sentence, span=c.span, **_doc_fields(doc),
        )
        for idx, c in enumerate(doc.claims)
    ]


def story_row(doc: Document) -> StoryRow:
    """What ``doc`` says overall, as :meth:`accord.store.Store.story` gives it."""
    return StoryRow(
        doc.id, doc.language,
        tuple(a.name for a in doc.actors if a.kind == "person"),
        tuple(a.name for a in doc.actors if a.kind != "person"),
        tuple(dict.fromkeys(p.place.name for p in doc.places)),
    )


def document_row(doc: Document) -> DocumentRow:
    """The row of ``doc`` in the documents table (``ingested_at`` None: never stored)."""
    return DocumentRow(
        id=doc.id, path=doc.path, title=doc.title, published=doc.published,
        language=doc.language, source=doc.source, ingested_at=None,
        actors=len(doc.actors), events=len(doc.events), claims=len(doc.claims),
        statements=len(doc.statements), url=doc.url,
    )


# The store's orders (accord.store.filters); ``position`` is an event's place in the input, the
# order the store would have stored it in.


def event_sort_key(row: EventRow, position: int) -> tuple[str, int]:
    """The ``date`` sort of events: by first day (undated last), then as stored."""
    return (row.date_lo if row.date_lo is not None else "~", position)


def statement_sort_key(row: StatementRow | ClaimRow) -> tuple[Any, ...]:
    """The order of statements and claims: by first day (the document's date for a claim or
    an undated statement; undated last), document, index."""
    date = row.date if isinstance(row, StatementRow) else None
    lo = event_range(date, row.doc_published)[0]
    return (lo is None, lo or "", row.doc_id, row.idx)


claim_sort_key = statement_sort_key


def document_sort_key(row: DocumentRow) -> tuple[Any, ...]:
    """The order of documents: by date (undated last), then id."""
    return (row.published is None, row.published or "", row.id)
