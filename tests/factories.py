"""Documents built by hand for the store, API, export and dataset tests (no model needed)."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

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


def table(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows ``sql`` selects in the SQLite file ``db``."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


TEXT = (
    "Le général Tô Lâm, ministre de la Sécurité publique, a reçu le 10 janvier à Hanoï le "
    "vice-ministre chinois de la Sécurité publique, Chen Siyuan. Plus de 100 pays coopèrent. "
    "Tô Lâm a déclaré que la coopération était bonne."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_doc(
    text: str = TEXT,
    *,
    published: str | None = "2024-01",
    path: str = "seeds/001.txt",
    to_lam: str = "Tô Lâm",
    to_lam_titles: tuple[str, ...] = ("général", "ministre de la Sécurité publique"),
    event_date: str | None = "2024-01-10",
    event_type: str = "CONSULT",
) -> Document:
    """A seed-like dispatch: a visit, a claim, a statement."""
    sentence = text.split(". ")[0] + "."
    visit = Event(
        type=event_type,
        mode="visit",
        actor=(Participant("Chen Siyuan", "CHN", "COP"),),
        recipient=(Participant(to_lam, "VNM", "COP"),),
        date=event_date,
        place=Place("Hanoï", "VNM", 21.0245, 105.8412),
        context=("crime",),
        evidence="a reçu le 10 janvier à Hanoï",
        span=span(text, "a reçu"),
        sentence=sentence,
        quad_class=1,
        intensity=1.5,
        cameo="042",
        trigger="recevoir",
    )
    return Document(
        id=doc_id(text),
        path=path,
        text=text,
        published=published,
        language="fr",
        title="To Lam reçoit Chen Siyuan",
        source="VNA",
        url="https://example.org/1",
        dateline_place=Place("Hanoï", "VNM"),
        captions=("Photo: VNA",),
        actors=(
            Actor(
                to_lam, "person", "VNM", "COP", to_lam_titles, ("To Lam",), (span(text, "Tô Lâm"),)
            ),
            Actor(
                "Chen Siyuan",
                "person",
                "CHN",
                "COP",
                ("vice-ministre de la Sécurité publique",),
                (),
                (span(text, "Chen Siyuan"),),
            ),
        ),
        events=(visit,),
        claims=(
            Claim(
                100.0,
                "more_than",
                "pays",
                None,
                None,
                "Plus de 100 pays",
                span(text, "100"),
                "Plus de 100 pays coopèrent.",
            ),
        ),
        statements=(
            Statement(
                to_lam,
                "déclarer",
                None,
                "la coopération était bonne",
                span(text, "a déclaré"),
                "Tô Lâm a déclaré que la coopération était bonne.",
                span(text, "la coopération était bonne"),
            ),
            Statement(None, "dire", "2024-01-10", "rien", (0, 2), "Le.", None),
        ),
        extra={"source_id": "vna-1", "timing": 0.25},
    )


def simple_event(
    etype: str,
    date: str | None,
    actors: tuple[Participant, ...],
    recipients: tuple[Participant, ...] = (),
) -> Event:
    return Event(etype, None, actors, recipients, date, None, (), "ev", (0, 2), "Le.")


def other_doc(text: str, published: str | None, events: tuple[Event, ...]) -> Document:
    names = {p.name for e in events for p in (*e.actor, *e.recipient) if p.name}
    actors = tuple(Actor(n, "person", None, None) for n in sorted(names))
    return Document(doc_id(text), f"{text[:8]}.txt", text, published, "fr", actors=actors,
                    events=events)


ATTACK = (
    "Des combattants de l'État islamique ont attaqué des soldats syriens à Deir ez-Zor le "
    "3 mars 2016. Selon l'armée, 12 soldats ont été tués."
)
TREATY = "La France et l'Allemagne ont signé un accord le 5 février 2016 à Paris."


def sample_documents() -> list[Document]:
    """Three stored articles: a visit (CHN → VNM, 2024-01-10, Hanoï), an attack (IMG → SYR,
    2016-03-03, Deir ez-Zor) and an agreement with two actors and no recipient (FRA, DEU,
    2016-02-05, Paris)."""
    visit = dataclasses.replace(
        make_doc(),
        dates=(DateRef("le 10 janvier", "2024-01-10", "absolute", span(TEXT, "le 10 janvier")),),
        places=(PlaceRef(Place("Hanoï", "VNM", 21.0245, 105.8412), span(TEXT, "Hanoï")),),
    )
    attack_event = Event(
        "ASSAULT", None, (Participant("État islamique", "IMG", "REB"),),
        (Participant(None, "SYR", "MIL"),), "2016-03-03",
        Place("Deir ez-Zor", "SYR", 35.336, 40.141), ("military",), "ont attaqué",
        span(ATTACK, "attaqué"), ATTACK.split(". ")[0] + ".", quad_class=4, intensity=-9.3,
        cameo="180", trigger="attaqué",
    )
    attack = Document(
        doc_id(ATTACK), "attack.txt", ATTACK, "2016-03-04", "fr", title="Attaque à Deir ez-Zor",
        source="Wikinews", actors=(
            Actor("État islamique", "organization", "IMG", "REB", (), ("EI",),
                  (span(ATTACK, "État islamique"),)),
            Actor("Armée syrienne", "organization", "SYR", "MIL", (), (), ()),
        ),
        events=(attack_event,),
        claims=(Claim(12.0, "exact", "soldats", "Armée syrienne", "Armée syrienne",
                      "12 soldats", span(ATTACK, "12 soldats"), ATTACK.split(". ")[1]),),
        dates=(DateRef("le 3 mars 2016", "2016-03-03", "absolute", span(ATTACK, "le 3 mars 2016")),),
        places=(PlaceRef(Place("Deir ez-Zor", "SYR", 35.336, 40.141), span(ATTACK, "Deir ez-Zor")),),
    )
    treaty_event = Event(
        "AGREE", None, (Participant("France", "FRA"), Participant("Allemagne", "DEU")), (),
        "2016-02-05", Place("Paris", "FRA", 48.853, 2.349), ("diplomatic",), "ont signé",
        span(TREATY, "signé"), TREATY, quad_class=1, intensity=4.2, cameo="030", trigger="signé",
    )
    treaty = Document(
        doc_id(TREATY), "treaty.txt", TREATY, "2016-02-05", "fr", title="Accord franco-allemand",
        actors=(Actor("France", "state", "FRA", None, (), (), (span(TREATY, "France"),)),
                Actor("Allemagne", "state", "DEU", None, (), (), (span(TREATY, "Allemagne"),))),
        events=(treaty_event,),
    )
    return [visit, attack, treaty]
