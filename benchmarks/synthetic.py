"""A synthetic store of any size, for measuring the store's queries at scale
(``python -m benchmarks --queries``).

    stats = generate("bench.db", events=1_000_000, seed=0)   # a few minutes, about 2.5 GB

:func:`documents` draws seeded, deterministic French-language documents shaped like accord's
extractions: about 5,000 registry actors (people with titles and an alias, organisations,
states) of 90 countries, a few hundred country pairs with a skewed (Zipf) distribution, the 16
PLOVER types with their modes, quad classes, intensities and CAMEO codes, dates over ten years
at day, month and year precision, places with coordinates, contexts, four events per document on
average, some claims and statements, and sentences in French whose words ``--text`` can find
(common ones such as "coopération", rare ones such as "cybersécurité").

:func:`generate` writes them through :class:`benchmarks.bulk.BulkWriter`, which gives exactly
the rows that :func:`accord.store.write.write_document` gives for the same documents (every
table, computed column and registry entry; the unit tests compare the two row by row) but in
large ``executemany`` batches inside one transaction, with the secondary indexes and the triggers
dropped during the load and created again at the end (the search tables the triggers keep are
filled then). The store is built beside ``path`` and moved there when complete; it is marked as
synthetic in its ``meta`` table, and :func:`generate` reuses a store built with the same size
and seed instead of building it again (it never overwrites a store that is not synthetic).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

from accord.errors import StoreError
from accord.records import (
    Actor,
    Claim,
    DateRef,
    Document,
    Event,
    Participant,
    Place,
    PlaceRef,
    Statement,
)
from accord.store.schema import check_accord, fill_search, migrate, normalize_name, registry_key
from accord.vocab import geo, ontology
from benchmarks.bulk import BulkWriter

__all__ = ["SyntheticStats", "documents", "generate", "synthetic_events"]

T = TypeVar("T")
_VERSION = 1  # of the generator: a store built by another version is built again
_FIRST_DAY = dt.date(2016, 1, 1)
_DAYS = 3653  # ten years: 2016-01-01 .. 2025-12-31
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")
_HEAD = ("VNM", "CHN", "USA", "FRA", "RUS", "JPN", "KOR", "IND", "LAO", "KHM", "THA", "UKR",
         "SYR", "IRN", "ISR", "GBR", "DEU", "AUS", "TUR", "PHL")  # the most frequent countries
_COUNTRIES = 90
_DYADS = 400

_VN = (("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý", "Tô", "Lương"),
       ("Văn", "Thị", "Hữu", "Đức", "Quốc", "Xuân", "Minh", "Thanh", "Công", "Tấn", "Tam"),
       ("An", "Bình", "Chiến", "Dũng", "Hùng", "Lâm", "Long", "Nam", "Phúc", "Quang", "Sơn",
        "Tâm", "Thắng", "Tuấn", "Việt", "Hải", "Khánh", "Lợi", "Trọng", "Cường"))
_CN = (("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
        "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao"),
       ("Jian", "Wei", "Hong", "Ming", "Xiao", "Yi", "Zhi", "Guo", "Hai", "Jun", "Qing", "Si",
        "Yu", "Chun", "Lei"),
       ("ping", "hua", "yuan", "dong", "feng", "gang", "jie", "lin", "qiang", "tao", "wen", "xin",
        "yang", "bo", "hui"))
_WORLD = (("Jean", "Marie", "Pierre", "Ahmed", "Fatima", "Sergueï", "John", "Olga", "Kim",
           "Carlos", "Ana", "Mohammed", "Hassan", "Aïcha", "David", "Sarah", "Ivan", "Elena",
           "Kofi", "Amina", "Hiroshi", "Yuki", "Ali", "Leïla", "Javier", "Lucía", "Anders",
           "Ingrid", "Rahul", "Priya", "Omar", "Nadia"),
          ("Dupont", "Martin", "Petrov", "Smith", "Haddad", "Diallo", "Kowalski", "Müller",
           "Rossi", "Silva", "Sato", "Park", "Ivanova", "García", "Khan", "Mensah", "Traoré",
           "Nakamura", "Hosseini", "Cohen", "Yılmaz", "Novak", "Horvat", "Johansson", "Sharma",
           "Okafor", "Benali", "Castillo", "Fernández", "Kuznetsov", "Nguema", "Abebe",
           "Lindqvist", "Moreau", "Bernard", "Fofana", "Kamara", "Ortega", "Popescu",
           "Szabó"))
_TITLES = (("ministre de la Défense", "GOV"), ("vice-ministre de la Défense", "GOV"),
           ("ministre des Affaires étrangères", "GOV"), ("ministre de la Sécurité publique", "COP"),
           ("président", "GOV"), ("Premier ministre", "GOV"), ("ambassadeur", "GOV"),
           ("général", "MIL"), ("chef d'état-major", "MIL"), ("amiral", "MIL"),
           ("porte-parole", "GOV"), ("député", "LEG"), ("juge", "JUD"),
           ("directeur général", "BUS"), ("journaliste", "JRN"), ("militant", "CVL"),
           ("chef rebelle", "REB"), ("secrétaire général", "PTY"))
_ORGS = (("le", "ministère de la Défense", "GOV"), ("le", "ministère des Affaires étrangères", "GOV"),
         ("le", "ministère de la Sécurité publique", "COP"), ("l'", "armée populaire", "MIL"),
         ("la", "police nationale", "COP"), ("l'", "Assemblée nationale", "LEG"),
         ("la", "Cour suprême", "JUD"), ("la", "garde côtière", "MIL"),
         ("l'", "agence de presse nationale", "JRN"), ("la", "Croix-Rouge nationale", "SOC"),
         ("la", "chambre de commerce", "BUS"), ("le", "parti au pouvoir", "PTY"),
         ("le", "mouvement d'opposition", "OPP"), ("les", "services de renseignement", "SPY"),
         ("l'", "université nationale", "EDU"))
_TYPES = (("CONSULT", 30), ("AGREE", 12), ("SUPPORT", 8), ("COOPERATE", 10), ("AID", 5),
          ("CONCEDE", 1), ("RETREAT", 2), ("REQUEST", 5), ("ACCUSE", 7), ("REJECT", 3),
          ("THREATEN", 3), ("PROTEST", 4), ("SANCTION", 3), ("MOBILIZE", 2), ("COERCE", 4),
          ("ASSAULT", 5))
_VERBS = {
    "CONSULT": (("a reçu", "recevoir"), ("s'est entretenu avec", "entretenir"),
                ("a rencontré", "rencontrer")),
    "AGREE": (("est convenu avec", "convenir"), ("a promis à", "promettre")),
    "SUPPORT": (("a signé un accord avec", "signer"), ("a salué", "saluer")),
    "CONCEDE": (("a cédé aux demandes de", "céder"),),
    "COOPERATE": (("a coopéré avec", "coopérer"), ("a mené des exercices conjoints avec", "mener")),
    "AID": (("a fourni une aide à", "fournir"), ("a fait un don à", "faire")),
    "RETREAT": (("a retiré ses troupes face à", "retirer"),
                ("a libéré des ressortissants de", "libérer")),
    "REQUEST": (("a demandé à", "demander"), ("a appelé", "appeler")),
    "ACCUSE": (("a accusé", "accuser"), ("a critiqué", "critiquer")),
    "REJECT": (("a rejeté la proposition de", "rejeter"),),
    "THREATEN": (("a menacé", "menacer"),),
    "PROTEST": (("ont manifesté contre", "manifester"),),
    "SANCTION": (("a imposé des sanctions à", "imposer"),
                 ("a expulsé des diplomates de", "expulser")),
    "MOBILIZE": (("a déployé des troupes face à", "déployer"),),
    "COERCE": (("a arrêté", "arrêter"), ("a saisi les biens de", "saisir")),
    "ASSAULT": (("a bombardé des positions de", "bombarder"), ("a attaqué", "attaquer")),
}
_TOGETHER = {  # events of co-actors without a recipient ("X et Y ont ...")
    "CONSULT": ("ont tenu des pourparlers", "tenir"),
    "AGREE": ("ont convenu de renforcer leurs relations", "convenir"),
    "SUPPORT": ("ont signé un mémorandum d'entente", "signer"),
    "COOPERATE": ("ont mené des patrouilles conjointes", "mener"),
}
_TOPICS = (("pour renforcer la coopération bilatérale", ("diplomatic",)),
           ("dans le domaine de la défense", ("military",)),
           ("en matière de sécurité maritime", ("military", "resource")),
           ("sur la lutte contre le terrorisme", ("terrorism",)),
           ("sur le commerce et l'investissement", ("economic",)),
           ("pour la formation des officiers", ("military",)),
           ("sur la criminalité transnationale", ("crime",)),
           ("dans le cadre de l'ASEAN", ("diplomatic",)),
           ("pour le maintien de la paix", ("peacekeeping",)),
           ("à propos des réfugiés", ("migration",)),
           ("sur les droits de l'homme", ("human_rights",)),
           ("sur la sécurité alimentaire", ("human_security",)),
           ("concernant le trafic de stupéfiants", ("illegal_drugs",)),
           ("sur la prévention des catastrophes naturelles", ("enviro_disaster",)),
           ("à l'occasion de l'anniversaire des relations diplomatiques", ("diplomatic",)),
           ("contre la pêche illégale", ("resource", "crime")),
           ("concernant l'épidémie de choléra", ("disease",)),
           ("au sujet de la cybersécurité", ("cyber",)),
           ("sur la corruption des fonctionnaires", ("corruption",)),
           ("sur les essais nucléaires", ("cbrn",)),
           ("lors des élections législatives", ("election",)),
           ("sur la liberté de la presse", ("rights_freedoms",)),
           ("sur les frontières terrestres", ("resource",)),
           ("pour l'aide humanitaire aux sinistrés", ("humanitarian",)),
           ("sur la réforme de la justice", ("legal",)))
_SAYING = (("déclarer", "déclaré"), ("affirmer", "affirmé"), ("souligner", "souligné"),
           ("indiquer", "indiqué"), ("annoncer", "annoncé"), ("estimer", "estimé"))
_SAID = ("la coopération entre les deux pays se développe bien",
         "les deux parties doivent intensifier les échanges de délégations",
         "la situation dans la région reste préoccupante",
         "le dialogue est la seule voie vers la paix",
         "les accords signés seront appliqués rapidement")
_UNITS = ("pays", "morts", "organisations", "soldats", "réfugiés", "blessés", "navires")
_SOURCES = ("VNA", "AFP", "Reuters", "Xinhua", "Wikinews", "AP", "TASS")


def _cum(n: int, s: float) -> list[float]:
    """Cumulative Zipf weights of ``n`` ranks with exponent ``s``."""
    return list(accumulate(1.0 / (i + 1) ** s for i in range(n)))


def _pick(rng: random.Random, items: Sequence[T], cum: Sequence[float]) -> T:
    return rng.choices(items, cum_weights=cum)[0]


@dataclass(frozen=True, slots=True)
class _Country:
    code: str
    name: str
    cities: tuple[Place, ...]
    actors: tuple[Actor, ...]  # people, organisations, the state; most frequent first
    cum: list[float]


@dataclass(frozen=True, slots=True)
class _World:
    countries: tuple[_Country, ...]
    cum: list[float]
    pairs: tuple[tuple[_Country, _Country], ...]
    pair_cum: list[float]
    phrase: dict[str, str]  # "name|country" of a person or state -> how the text names it
    articles: dict[str, str]  # organisation name -> its article


def _cities() -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for row in geo.data_rows("geo/cities.tsv"):  # the most populous first
        places = found.setdefault(row[2], [])
        if len(places) < 5:
            places.append(Place(row[0], row[2], float(row[3]), float(row[4])))
    return found


def _person(rng: random.Random, code: str) -> tuple[str, tuple[str, ...]]:
    """A name in the style of the country and an alias (unaccented, reversed or initial)."""
    if code == "VNM":
        name = " ".join(rng.choice(part) for part in _VN)
        return name, (normalize_name(name).title(),)
    if code in ("CHN", "TWN", "HKG", "SGP"):
        family, first, second = (rng.choice(part) for part in _CN)
        return f"{family} {first}{second}", (f"{first}{second} {family}",)
    first, last = rng.choice(_WORLD[0]), rng.choice(_WORLD[1])
    return f"{first} {last}", (f"{first[0]}. {last}",)


def _actors(rng: random.Random, country: str, name: str, rank: int,
            phrase: dict[str, str], articles: dict[str, str]) -> list[Actor]:
    """The registry actors of one country: people (more for frequent countries), the
    organisations and the state; every name and alias folds to something unique there."""
    used: set[str] = set()
    people: list[Actor] = []
    wanted = max(12, int(260 / (rank + 1) ** 0.55))
    for _ in range(4 * wanted):
        if len(people) >= wanted:
            break
        full, aliases = _person(rng, country)
        folds = {normalize_name(full), *(normalize_name(a) for a in aliases)}
        if folds & used or registry_key(full, "person", country) in used:
            continue
        used |= folds | {registry_key(full, "person", country)}
        title, sector = rng.choice(_TITLES)
        titles = (title,) if rng.random() < 0.7 else (title, rng.choice(_TITLES)[0])
        people.append(Actor(full, "person", country, sector, titles, aliases))
        phrase[f"{full}|{country}"] = _article("le", f"{title} {full}")
    orgs = []
    for article, org, sector in _ORGS:
        orgs.append(Actor(org, "organization", country, sector))
        articles[org] = article
    phrase[f"{name}|{country}"] = name
    state = Actor(name, "state", country, "GOV")
    out = []  # people and organisations interleaved, the state among the most frequent
    for i in range(max(len(people), len(orgs))):
        if i == 1:
            out.append(state)
        out += people[i : i + 1] + orgs[i : i + 1]
    return out


@lru_cache(maxsize=4)
def _world(seed: int) -> _World:
    rng = random.Random(seed)
    cities = _cities()
    codes = list(_HEAD) + [c for c in cities if c not in _HEAD]
    countries: list[_Country] = []
    phrase: dict[str, str] = {}
    articles: dict[str, str] = {}
    for code in codes:
        if len(countries) == _COUNTRIES:
            break
        try:
            name = geo.state_name(code)
        except KeyError:
            continue
        actors = _actors(rng, code, name, len(countries), phrase, articles)
        countries.append(_Country(code, name, tuple(cities[code]), tuple(actors),
                                  _cum(len(actors), 1.0)))
    cum = _cum(len(countries), 1.1)
    pairs: dict[tuple[str, str], tuple[_Country, _Country]] = {}
    while len(pairs) < _DYADS:
        a, b = _pick(rng, countries, cum), _pick(rng, countries, cum)
        if a.code != b.code:
            pairs.setdefault((min(a.code, b.code), max(a.code, b.code)), (a, b))
    return _World(tuple(countries), cum, tuple(pairs.values()), _cum(len(pairs), 1.0), phrase,
                  articles)


_TYPE_NAMES = tuple(t for t, _ in _TYPES)
_TYPE_CUM = list(accumulate(w for _, w in _TYPES))
_TOPIC_CUM = _cum(len(_TOPICS), 0.9)
_EVENTS_PER_DOC = (1, 2, 3, 4, 5, 6, 7, 8, 10)
_EVENTS_CUM = list(accumulate((12, 14, 16, 16, 13, 10, 8, 6, 5)))


class _Text:
    """A document's text, sentence by sentence, with the offsets of what it names."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, sentence: str) -> int:
        """Append ``sentence``; return its offset."""
        if self.parts:
            self.parts.append(" ")
            self.size += 1
        start = self.size
        self.parts.append(sentence)
        self.size += len(sentence)
        return start

    def text(self) -> str:
        return "".join(self.parts)


def _side(world: _World, actors: Sequence[Actor]) -> str:
    return " et ".join(
        world.phrase.get(f"{a.name}|{a.country}") or _article(world.articles[a.name], a.name)
        for a in actors
    )


def _article(article: str, words: str) -> str:
    """``article`` before ``words``, elided before a vowel ("l'amiral")."""
    if article in ("le", "la", "l'") and words[0].lower() in "aeiouéèêâîôûh":
        return f"l'{words}"
    return f"{article} {words}"


def _day(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]}"


def _document(rng: random.Random, world: _World, number: int, n_events: int) -> Document:
    """One synthetic document of ``n_events`` events."""
    first, second = _pick(rng, world.pairs, world.pair_cum)
    if rng.random() < 0.5:
        first, second = second, first
    day = _FIRST_DAY + dt.timedelta(days=int(_DAYS * rng.random() ** 0.8))  # more recent news
    precision = rng.random()
    published = day.isoformat() if precision < 0.85 else day.isoformat()[:7] if precision < 0.97 \
        else day.isoformat()[:4]
    cast = {c.code: [_pick(rng, c.actors, c.cum) for _ in range(3)] for c in (first, second)}
    text = _Text()
    dates: list[DateRef] = []
    places: list[PlaceRef] = []
    events: list[Event] = []
    named: dict[str, Actor] = {}
    for _ in range(n_events):
        etype = _pick(rng, _TYPE_NAMES, _TYPE_CUM)
        a, b = (first, second) if rng.random() < 0.7 else (second, first)
        shape = rng.random()
        if etype in ("PROTEST", "COERCE") or shape < 0.12:  # within one country
            b = a
        left = [rng.choice(cast[a.code])]
        right = [rng.choice(cast[b.code])]
        if b is a:
            right = [x for x in right if x not in left] or [_pick(rng, a.actors, a.cum)]
        if rng.random() < 0.08:
            left.append(rng.choice(cast[a.code]))
            left = list(dict.fromkeys(left))
        together = etype in _TOGETHER and b is not a and shape > 0.9
        if together:
            left, right = left + right, []
        unnamed = etype == "PROTEST" or (etype == "ASSAULT" and rng.random() < 0.3)
        if together:
            verb, trigger = _TOGETHER[etype]
        else:
            verb, trigger = rng.choice(_VERBS[etype])
        who = "des manifestants" if etype == "PROTEST" else "des soldats" if unnamed else \
            _side(world, left)
        evidence = f"{verb} {_side(world, right)}" if right else verb
        date: str | None = None
        opening = ""
        if len(published) == 10 and rng.random() < 0.75:
            when = day - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 3, 7)))
            date, opening = when.isoformat(), f"Le {_day(when)}, "
        elif len(published) == 7 and rng.random() < 0.5:
            date = f"{published}-{rng.randint(1, 28):02d}"
            opening = f"Le {_day(dt.date.fromisoformat(date))}, "
        elif len(published) == 4 and rng.random() < 0.5:
            date = f"{published}-{rng.randint(1, 12):02d}"
        place = rng.choice(rng.choice((a, b)).cities) if rng.random() < 0.7 else None
        where = f" à {place.name}" if place else ""
        topic, contexts = _pick(rng, _TOPICS, _TOPIC_CUM)
        sentence = f"{opening}{who} {evidence}{where} {topic}."
        sentence = sentence[0].upper() + sentence[1:]
        start = text.add(sentence)
        if opening:
            dates.append(DateRef(_day(dt.date.fromisoformat(date or "")), date, "absolute",
                                 (start + 3, start + len(opening) - 2)))
        if place:
            at = start + sentence.index(where) + 3
            places.append(PlaceRef(place, (at, at + len(place.name))))
        mode_choices = ontology.ontology().types[etype].modes
        mode = rng.choice(mode_choices) if mode_choices and rng.random() < 0.7 else None
        if etype == "CONSULT" and verb == "a reçu":
            mode = "visit"
        actor_side: tuple[Participant, ...]
        if unnamed:
            actor_side = (Participant(None, a.code, "CVL" if etype == "PROTEST" else "MIL"),)
        else:
            actor_side = tuple(Participant(x.name, x.country, x.sector) for x in left)
        for x in [] if unnamed else left:
            named.setdefault(x.name, x)
        for x in right:
            named.setdefault(x.name, x)
        at = start + sentence.index(evidence)
        events.append(Event(
            type=etype, mode=mode, actor=actor_side,
            recipient=tuple(Participant(x.name, x.country, x.sector) for x in right),
            date=date, place=place, context=contexts[: rng.choice((0, 1, 1, 2))],
            evidence=evidence, span=(at, at + len(evidence)), sentence=sentence,
            negated=rng.random() < 0.01, quad_class=ontology.quad_class(etype),
            intensity=ontology.intensity(etype, mode), cameo=ontology.cameo_code(etype, mode),
            trigger=trigger,
        ))
    statements: list[Statement] = []
    people = [x for x in named.values() if x.kind == "person"]
    if people and rng.random() < 0.4:
        speaker = rng.choice(people)
        lemma, participle = rng.choice(_SAYING)
        said = rng.choice(_SAID)
        sentence = f"{speaker.name} a {participle} que {said}."
        start = text.add(sentence)
        verb_at = start + len(speaker.name) + 1
        content_at = start + sentence.index(said)
        statements.append(Statement(
            speaker.name, lemma, None if rng.random() < 0.7 else published,
            said, (verb_at, verb_at + len(participle) + 2), sentence,
            (content_at, content_at + len(said)),
        ))
    claims: list[Claim] = []
    if rng.random() < 0.25:
        quantity, unit = rng.choice((2, 3, 12, 40, 64, 100, 162, 1500)), rng.choice(_UNITS)
        holder = rng.choice(list(named.values())).name if named and rng.random() < 0.5 else None
        qualifier, words = rng.choice((("exact", ""), ("more_than", "plus de "),
                                       ("about", "environ ")))
        evidence = f"{words}{quantity} {unit}"
        sentence = f"Au total, {evidence} sont concernés, selon {rng.choice(_SOURCES)}."
        start = text.add(sentence) + len("Au total, ")
        claims.append(Claim(float(quantity), qualifier, unit, holder, None, evidence,
                            (start, start + len(evidence)), sentence))
    body = text.text()
    actors = tuple(
        Actor(x.name, x.kind, x.country, x.sector, x.titles, x.aliases, _mentions(body, x.name))
        for x in named.values()
    )
    path = f"synthetic/{number:07d}.txt"
    head = events[0]
    title = f"{head.actor[0].name or 'Des manifestants'} : {head.evidence}"
    return Document(
        id=hashlib.sha256(f"{path}\n{body}".encode()).hexdigest()[:16], path=path, text=body,
        published=published, language="fr", title=title[:120], source=rng.choice(_SOURCES),
        url=f"https://example.org/synthetic/{number}",
        dateline_place=first.cities[0] if rng.random() < 0.6 else None, actors=actors,
        events=tuple(events), claims=tuple(claims), statements=tuple(statements),
        dates=tuple(dates), places=tuple(places), extra={"source_id": f"syn-{number}"},
    )


def _mentions(text: str, name: str) -> tuple[tuple[int, int], ...]:
    found = []
    at = text.find(name)
    while at >= 0:
        found.append((at, at + len(name)))
        at = text.find(name, at + len(name))
    return tuple(found)


def documents(events: int, seed: int = 0) -> Iterator[Document]:
    """Synthetic documents holding ``events`` events in all, the same for the same seed."""
    world = _world(seed)
    rng = random.Random(f"documents-{seed}")
    done = number = 0
    while done < events:
        n = min(_pick(rng, _EVENTS_PER_DOC, _EVENTS_CUM), events - done)
        yield _document(rng, world, number, n)
        done += n
        number += 1


@dataclass(frozen=True, slots=True)
class SyntheticStats:
    path: str
    events: int
    documents: int
    seconds: float  # building time (0 when an existing store was reused)
    bytes: int  # size of the store file
    reused: bool


def synthetic_events(path: str | Path, seed: int = 0) -> int | None:
    """How many events the synthetic store at ``path`` was built with (by this generator and
    ``seed``), or None if it is not such a store (or there is no file)."""
    if not Path(path).is_file():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    info = json.loads(row[0])
    if info.get("version") != _VERSION or info.get("seed") != seed:
        return None
    return int(info["events"])


def _is_synthetic(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT 1 FROM meta WHERE key = 'synthetic'").fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def generate(
    path: str | Path,
    events: int = 1_000_000,
    seed: int = 0,
    *,
    progress: Callable[[int], None] | None = None,
) -> SyntheticStats:
    """Build a synthetic store of ``events`` events at ``path`` (reused if one of that size and
    seed is there already). ``progress`` is called with the number of events written so far.

    Raises :class:`StoreError` if ``path`` holds a store (or another file) that is not
    synthetic: it is never overwritten.
    """
    target = Path(path)
    from accord.store import Store

    if synthetic_events(target, seed) == events:
        with Store.open(target) as store:  # migrates a store of an older schema
            docs = store.stats()["documents"]
        return SyntheticStats(str(target), events, docs, 0.0, target.stat().st_size, True)
    if target.exists() and not _is_synthetic(target):
        raise StoreError(f"{target} exists and is not a synthetic store; not overwriting it")
    start = time.perf_counter()
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    docs = _build(partial, events, seed, progress)
    _remove(target)
    os.replace(partial, target)
    Store.open(target).close()  # WAL mode, as every store
    return SyntheticStats(str(target), events, docs, time.perf_counter() - start,
                          target.stat().st_size, False)


def _build(path: Path, events: int, seed: int, progress: Callable[[int], None] | None) -> int:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        check_accord(conn, str(path))
        migrate(conn)
        conn.execute("PRAGMA journal_mode = OFF")  # a partial file is thrown away anyway
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -1000000")  # 1 GB while building
        conn.execute("PRAGMA temp_store = MEMORY")
        derived = conn.execute(  # built again at the end, faster than kept up row by row
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        conn.execute("BEGIN")
        for kind, name, _ in derived:
            conn.execute(f'DROP {kind.upper()} "{name}"')
        writer = BulkWriter(conn)
        count = 0
        for doc in documents(events, seed):
            writer.add(doc)
            count += 1
            if writer.pending >= 200_000:
                writer.flush()
                if progress is not None:
                    progress(writer.events)
        writer.close()
        for _, _, sql in derived:
            conn.execute(sql)
        fill_search(conn)  # what the triggers would have done
        info = {"version": _VERSION, "seed": seed, "events": events}
        conn.execute("INSERT INTO meta (key, value) VALUES ('synthetic', ?)", (json.dumps(info),))
        conn.execute("COMMIT")
        if progress is not None:
            progress(writer.events)
        return count
    finally:
        conn.close()
