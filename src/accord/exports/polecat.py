"""POLECAT-style TSV: the 40 columns of the POLECAT weekly files (Harvard Dataverse,
doi:10.7910/DVN/AJGVIT), in their order, with their header. Missing values are written
``None`` and lists are joined with ``"; "``, as in those files; ``Quad Code`` is the quad class
in capitals ("VERBAL COOPERATION"). accord has no COW codes or Wikidata ids: those columns are
``None``. ``Actor Title`` is the title the actor held at the event's date (from the registry).
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.exports.context import CODER, ExportContext, joined
from accord.store.rows import EventRow, ParticipantRow
from accord.vocab import ontology

__all__ = ["POLECAT_COLUMNS", "polecat_row"]

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)

def _side(
    ctx: ExportContext, people: Sequence[ParticipantRow], date: str | None
) -> list[str | None]:
    titles = [ctx.title(p, date) for p in people]
    return [
        joined(p.name for p in people), joined(p.country for p in people), None,
        people[0].sector if people else None,
        joined(p.sector for p in people), joined(titles), joined(p.name for p in people), None,
    ]


def polecat_row(ctx: ExportContext, row: EventRow) -> list[object]:
    story = ctx.story(row.doc_id)
    quad = ontology.ontology().quad_class_names.get(row.quad_class or 0)
    is_city = row.place_name is not None and row.place_lat is not None
    return [
        row.id, row.date_lo, row.type, row.mode, row.intensity, quad.upper() if quad else None,
        joined(row.context), *_side(ctx, row.actors, row.date_lo),
        *_side(ctx, row.recipients, row.date_lo), row.place_name,
        row.place_name if is_city else None, None, None, row.place_country, row.place_lat,
        row.place_lon, None, row.place_name,
        None if row.place_name is None else "PPL" if is_city else "PCLI",
        row.doc_source or row.doc_url or row.doc_path, row.doc_published,
        joined(story.people) if story else None, joined(story.organizations) if story else None,
        joined(story.places) if story else None, story.language if story else None, CODER,
    ]
