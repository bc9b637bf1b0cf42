"""Places coder: where things happen ("à Hanoï", "en Chine", "à Deir ez-Zor"), from the
gazetteer (:func:`accord.geo.find_place`). Writes ``doc._.places``."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.coders.annotations import PlaceAnn
from accord.vocab import geo
from accord.vocab.lexicon import lexicon
from accord.vocab.text import fold

__all__ = ["code_places", "dateline_place"]

_LOCATIVE = frozenset({"a", "en", "au", "aux", "dans", "sur"})
_ARTICLES = ("la", "l'", "l’")
_LARGE_CITY = 100_000  # a city known abroad by its French name ("Bruxelles", "Pékin")


def dateline_place(name: str | None) -> PlaceAnn | None:
    if not name:
        return None
    info = geo.find_place(name)
    if info is None:
        return PlaceAnn(-1, -1, name, None, None, None)
    return PlaceAnn(-1, -1, name, info.country_iso3, info.lat, info.lon, info.kind)


def code_places(doc: Doc) -> list[PlaceAnn]:
    places: list[PlaceAnn] = []
    unknown: list[PlaceAnn] = []  # "à X" the gazetteer does not know
    seen: set[int] = set()
    gazetteer = geo.gazetteer()
    found = {ent.start: gazetteer.lookup(ent.text) for ent in doc.ents if ent.label_ == "LOC"}
    # the states the text names or places itself in, by names that are no mere variants
    named = {hit[0].country_iso3 for hit in found.values()
             if hit is not None and hit[0].country_iso3 and not hit[1]}
    for ent in doc.ents:
        if ent.label_ != "LOC" or ent.start in seen:
            continue
        before = fold(doc[ent.start - 1].text) if ent.start > 0 else ""
        hit = found[ent.start]
        if hit is None:
            if before == "a" and ent.text[:1].isupper():
                unknown.append(PlaceAnn(ent.start, ent.end, ent.text, None, None, None))
            continue
        info, variant = hit
        if info.kind == "city" and named and info.country_iso3 not in named and (
                info.population or 0) < _LARGE_CITY and variant:
            # "Balajan, dans l'état d'Assam": a town of the article's states that shares a
            # variant name with a city elsewhere
            unknown.append(PlaceAnn(ent.start, ent.end, ent.text, None, None, None))
            seen.add(ent.start)
            continue
        if info.kind == "country" and before not in _LOCATIVE:
            continue
        if info.kind == "country" and (before in _ARTICLES or fold(
                ent.text).startswith(("la ", "l'", "l’"))):
            continue  # "a demandé à la France": a recipient; a state is where in "en France"
        if _of_an_office(doc, ent.start, ent.end):
            continue  # "le ministre de la Défense": a portfolio, not the Paris district
        seen.add(ent.start)
        places.append(PlaceAnn(ent.start, ent.end, ent.text, info.country_iso3, info.lat, info.lon,
                               info.kind))
    return sorted(places + [_situated(p, places, doc, named) for p in unknown],
                  key=lambda p: p.start)


def _of_an_office(doc: Doc, start: int, end: int) -> bool:
    """A name in the complement of a title ("ministre vietnamien de la Défense"); a body's
    complement may be a place ("le tribunal correctionnel de Paris")."""
    lex = lexicon("fr")
    k = start - 1
    if k >= 0 and fold(doc[start].text) not in _ARTICLES and fold(doc[k].text) in _ARTICLES:
        k -= 1  # "de la Défense" whether or not the entity starts at the article
    if k < 0 or fold(doc[k].text) not in ("de", "du", "d'", "d’"):
        return False
    k -= 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1  # "ministre vietnamien de la Défense"
    root_head = doc[start:end].root.head
    words = [w for w in (doc[k] if k >= 0 else None, root_head) if w is not None]
    return any(fold(w.lemma_) in lex.titles or fold(w.text) in lex.titles for w in words)


def _situated(town: PlaceAnn, known: list[PlaceAnn], doc: Doc, named: set[str]) -> PlaceAnn:
    """A town the gazetteer lacks ("à Birstall, près de Leeds"): in the country of the known
    place of its sentence, else of the article's places, else of the one state it names."""
    sent = doc[town.start].sent
    near = [p.country for p in known if sent.start <= p.start < sent.end and p.country]
    countries = [p.country for p in known if p.country]
    country = near[0] if near else (max(set(countries), key=countries.count) if countries
                                    else next(iter(named)) if len(named) == 1 else None)
    return PlaceAnn(town.start, town.end, town.name, country, None, None)
