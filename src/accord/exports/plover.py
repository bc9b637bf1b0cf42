"""PLOVER JSONL: one event per line with the field names of the PLOVER manual (draft 0.8,
"Data Fields"): ``id``, ``has_event``, ``date`` (and ``enddate`` when the event is dated only to a
month or a year: the range it covers), ``source`` and ``recipient`` (lists of actor objects:
``code``, ``sector``, ``actor_text``, ``office``), ``event``, ``mode``, ``context`` (lists),
``event_loc`` (a location object with geonames' key names: ``name``, ``latitude``,
``longitude``, ``country code``, ``cc3``), ``event_text``, ``quad_code`` (1-4), ``event_scale``
(the PLOVER score), ``text`` (the sentence), ``text_info`` (``sequence``, ``start``, ``end``,
``text_story``), ``cite_info`` (``corpus``, ``citation``, ``url``, ``title``, ``language``,
``publication``, ``codebook``, ``version``) and ``coder``. The manual's actor is
``source``. Extra named fields, which the manual allows: ``cameo`` and ``publication_date``.
"""

from __future__ import annotations

from typing import Any

from accord.exports.context import CODER, ExportContext, country_alpha2
from accord.store.rows import EventRow, ParticipantRow

__all__ = ["plover_record"]


def _actor(ctx: ExportContext, part: ParticipantRow, date: str | None) -> dict[str, Any]:
    return {"code": part.country, "sector": part.sector, "actor_text": part.name,
            "office": ctx.title(part, date)}


def plover_record(ctx: ExportContext, row: EventRow) -> dict[str, Any]:
    story = ctx.story(row.doc_id)
    loc = None
    if row.place_name is not None:
        loc = {
            "name": row.place_name,
            "latitude": row.place_lat,
            "longitude": row.place_lon,
            "country code": country_alpha2(row.place_country),
            "cc3": row.place_country,
        }
    record: dict[str, Any] = {
        "id": row.id, "has_event": True, "date": row.date_lo,
        "source": [_actor(ctx, p, row.date_lo) for p in row.actors],
        "recipient": [_actor(ctx, p, row.date_lo) for p in row.recipients],
        "event": [row.type], "mode": [row.mode] if row.mode else [],
        "context": list(row.context), "event_loc": loc, "event_text": [row.evidence],
        "quad_code": row.quad_class, "event_scale": row.intensity, "text": row.sentence,
        "text_info": {"sequence": row.idx, "start": row.span[0], "end": row.span[1],
                      "text_story": row.doc_id},
        "cite_info": {"corpus": row.doc_source, "citation": row.doc_path, "url": row.doc_url,
                      "title": row.doc_title, "language": story.language if story else None,
                      "publication": row.doc_source, "codebook": "PLOVER 0.8",
                      "version": CODER},
        "coder": CODER, "cameo": row.cameo, "publication_date": row.doc_published,
    }
    if row.date_hi and row.date_hi != row.date_lo:
        record["enddate"] = row.date_hi
    return record
