"""GDELT-2.0-style event TSV: the 61 columns of the GDELT 2.0 Event table (codebook V2.0), in
their order, tab-separated and without a header row, as GDELT's files are.

How accord fills them: one row per event; Actor1 is the first actor and Actor2 the first
recipient (or the second actor of an event without recipient); ``Actor*Code`` is the country
code followed by the CAMEO type of the PLOVER sector (``VNMCOP``), ``Actor*CountryCode`` the
ISO3 country (a PLOVER actor code such as IGO goes to ``Actor*KnownGroupCode`` instead);
``EventCode`` the CAMEO code of the PLOVER type and mode (PLOVER's CAMEO table inverted),
``QuadClass`` the PLOVER quad class and ``GoldsteinScale`` the PLOVER score; ``IsRootEvent`` is 1
for a document's first event; mentions, sources and articles are 1 and ``AvgTone`` is empty
(accord does not measure tone); actors have no geography (type 0) and ``ActionGeo`` is the
event's place (1 country, 4 world city; FIPS 10-4 country codes); ``DATEADDED`` is the
publication date at midnight; ``SOURCEURL`` the article's URL, else its path.
"""

from __future__ import annotations

from accord.exports.context import (
    ExportContext,
    country_fips,
    country_name,
    first_pair,
    numeric_id,
    sector_map,
)
from accord.store.rows import EventRow, ParticipantRow

__all__ = ["GDELT_COLUMNS", "gdelt_row"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)


def _actor(part: ParticipantRow | None) -> list[object]:
    if part is None:
        return [""] * len(_ACTOR)
    code = part.country or ""
    is_state = len(code) == 3 and country_fips(code) is not None
    cameo_type = sector_map().get(part.sector or "", ("", ""))[0]
    name = part.name or country_name(part.country) or ""
    return [code + cameo_type, name.upper(), code if is_state else "",
            "" if is_state else code, "", "", "", cameo_type, "", ""]


def _action_geo(row: EventRow) -> list[object]:
    if row.place_name is None:
        return [0, "", "", "", "", "", "", ""]
    fips = country_fips(row.place_country) or ""
    if row.place_lat is None:  # a country
        return [1, row.place_name, fips, fips, "", "", "", ""]
    full = ", ".join(x for x in (row.place_name, country_name(row.place_country)) if x)
    return [4, full, fips, fips, "", row.place_lat, row.place_lon, ""]


def gdelt_row(ctx: ExportContext, row: EventRow) -> list[object]:
    day = (row.date_lo or "").replace("-", "")
    year, month, dom = (int(day[:4]), int(day[4:6]), int(day[6:8])) if day else (0, 0, 0)
    fraction = round(year + (month * 30 + dom) / 365, 4) if day else ""
    actor1, actor2 = first_pair(row)
    cameo = row.cameo or ""
    published = (row.doc_published or "").replace("-", "")
    added = (published + "0101")[:8] + "000000" if published else ""
    return [
        numeric_id(row.doc_id, row.idx), day, day[:6], day[:4], fraction,
        *_actor(actor1), *_actor(actor2), 1 if row.idx == 0 else 0, cameo, cameo[:3],
        cameo[:2], row.quad_class or "", "" if row.intensity is None else row.intensity,
        1, 1, 1, "", 0, "", "", "", "", "", "", "", 0, "", "", "", "", "", "", "",
        *_action_geo(row), added, row.doc_url or row.doc_path,
    ]
