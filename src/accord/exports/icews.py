"""ICEWS-style TSV: the 20 columns of the ICEWS coded event data (Harvard Dataverse,
doi:10.7910/DVN/28075), in their order, with their header. One row per event: the source is
the first actor, the target the first recipient (or the second actor of an event without
recipient); sectors are ICEWS-style names joined with "," (no space), countries English names;
``Event Text`` is the CAMEO description of ``CAMEO Code``; ``Intensity`` the PLOVER score;
``Event ID`` and ``Story ID`` are stable integers derived from the document id. accord does not
number sentences: ``Sentence Number`` is empty, as are ``District`` and ``Province``.
"""

from __future__ import annotations

from accord.exports.context import (
    ExportContext,
    country_name,
    first_pair,
    numeric_id,
    sector_map,
)
from accord.store.rows import EventRow, ParticipantRow
from accord.vocab import ontology

__all__ = ["ICEWS_COLUMNS", "icews_row"]

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)


def _side(part: ParticipantRow | None) -> tuple[str, str, str]:
    if part is None:
        return "", "", ""
    sector = sector_map().get(part.sector or "", ("", ""))[1]
    country = country_name(part.country) or ""
    return part.name or country, sector, country


def icews_row(ctx: ExportContext, row: EventRow) -> list[object]:
    source, target = first_pair(row)
    s_name, s_sectors, s_country = _side(source)
    t_name, t_sectors, t_country = _side(target)
    is_city = row.place_name is not None and row.place_lat is not None
    return [
        numeric_id(row.doc_id, row.idx), row.date_lo, s_name, s_sectors, s_country,
        ontology.cameo_name(row.cameo) if row.cameo else None, row.cameo, row.intensity,
        t_name, t_sectors, t_country, numeric_id(row.doc_id) // 1000, None, row.doc_source,
        row.place_name if is_city else None, None, None, country_name(row.place_country),
        row.place_lat if is_city else None, row.place_lon if is_city else None,
    ]
