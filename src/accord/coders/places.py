"""Places coder: where things happen ("à Hanoï", "en Chine", "à Deir ez-Zor"), from the
gazetteer (:func:`accord.geo.find_place`). Writes ``doc._.places``."""

from __future__ import annotations

from spacy.tokens import Doc

from accord import geo
from accord.coders.annotations import PlaceAnn
from accord.text import fold

__all__ = ["code_places", "dateline_place"]

_LOCATIVE = frozenset({"a", "en", "au", "aux", "dans", "sur"})


def dateline_place(name: str | None) -> PlaceAnn | None:
    if not name:
        return None
    info = geo.find_place(name)
    if info is None:
        return PlaceAnn(-1, -1, name, None, None, None)
    return PlaceAnn(-1, -1, name, info.country_iso3, info.lat, info.lon)


def code_places(doc: Doc) -> list[PlaceAnn]:
    places: list[PlaceAnn] = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "LOC" or ent.start in seen:
            continue
        before = fold(doc[ent.start - 1].text) if ent.start > 0 else ""
        info = geo.find_place(ent.text)
        if info is None:
            continue
        if info.kind == "country" and before not in _LOCATIVE:
            continue
        seen.add(ent.start)
        places.append(PlaceAnn(ent.start, ent.end, ent.text, info.country_iso3, info.lat, info.lon))
    return places
