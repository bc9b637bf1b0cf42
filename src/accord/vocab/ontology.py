"""The PLOVER ontology shipped with accord: event types, modes, contexts, sectors, actor codes.

The data live in ``accord/data/plover/`` (``ontology.json``, and ``cameo.tsv`` derived from
PLOVER's CAMEO2PLOVER-2021 table by ``scripts/build_cameo_table.py``); their sources, licence
(CC BY-SA 4.0) and the choices made are in the README beside them. Both files are read once, on
first use, and cached; every value handed out is immutable.

    >>> quad_class("CONSULT"), intensity("ASSAULT", "aerial"), cameo_code("CONSULT", "visit")
    (1, -9.3, '042')

Names are case-sensitive, as written in PLOVER: types in capitals (``CONSULT``), modes and contexts
in lower case (``visit``, ``military``), sector and actor codes in capitals (``GOV``, ``IGO``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = [
    "EventType",
    "Ontology",
    "cameo_code",
    "cameo_name",
    "intensity",
    "is_actor_code",
    "is_context",
    "is_event_type",
    "is_mode",
    "is_sector",
    "ontology",
    "quad_class",
]

_DATA = "data/plover"


@dataclass(frozen=True, slots=True)
class EventType:
    """One of the 16 PLOVER event types."""

    name: str  # "CONSULT"
    definition: str
    # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    quad_class: int
    intensity: float | None  # PLOVER score, -10 (conflict) .. +10 (cooperation)
    modes: tuple[str, ...]  # the modes this type allows, in manual order (may be empty)


@dataclass(frozen=True)
class Ontology:
    """The whole ontology. Mappings are read-only and keep the order of ``ontology.json``."""

    types: Mapping[str, EventType]  # "CONSULT" -> EventType
    contexts: Mapping[str, str]  # "military" -> definition
    sectors: Mapping[str, str]  # "GOV" -> name
    actor_codes: Mapping[str, str]  # non-ISO actor codes: "IGO" -> name
    mode_definitions: Mapping[tuple[str, str], str]  # ("CONSULT", "visit") -> definition
    quad_class_names: Mapping[int, str]  # 1 -> "verbal cooperation"
    special_contexts: frozenset[str]  # historical, future, hypothetical, negation


def _text(name: str) -> str:
    return resources.files("accord").joinpath(f"{_DATA}/{name}").read_text(encoding="utf-8")


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"ontology.json: {what} must be a non-empty string, got {value!r}")
    return value


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The PLOVER ontology, loaded from the package data on the first call and cached."""
    doc: dict[str, Any] = json.loads(_text("ontology.json"))
    types: dict[str, EventType] = {}
    mode_definitions: dict[tuple[str, str], str] = {}
    for entry in doc["event_types"]:
        name = _str(entry["name"], "event type name")
        modes = tuple(_str(m["name"], f"mode of {name}") for m in entry["modes"])
        for m in entry["modes"]:
            mode_definitions[(name, m["name"])] = _str(m["definition"], f"{name} mode definition")
        raw_intensity = entry.get("intensity")
        types[name] = EventType(
            name=name,
            definition=_str(entry["definition"], f"{name} definition"),
            quad_class=int(entry["quad_class"]),
            intensity=None if raw_intensity is None else float(raw_intensity),
            modes=modes,
        )
    contexts = {
        _str(c["name"], "context"): _str(c["definition"], "context") for c in doc["contexts"]
    }
    special = frozenset(str(c["name"]) for c in doc["contexts"] if c.get("special"))
    return Ontology(
        types=MappingProxyType(types),
        contexts=MappingProxyType(contexts),
        sectors=MappingProxyType(
            {_str(s["code"], "sector"): str(s["name"]) for s in doc["sectors"]}
        ),
        actor_codes=MappingProxyType(
            {_str(a["code"], "actor code"): str(a["name"]) for a in doc["actor_codes"]}
        ),
        mode_definitions=MappingProxyType(mode_definitions),
        quad_class_names=MappingProxyType({int(k): str(v) for k, v in doc["quad_classes"].items()}),
        special_contexts=special,
    )


@lru_cache(maxsize=1)
def _cameo_table() -> Mapping[tuple[str, str | None], str]:
    """(type, mode or None) -> CAMEO code, from cameo.tsv."""
    table: dict[tuple[str, str | None], str] = {}
    for row in csv.DictReader(io.StringIO(_text("cameo.tsv")), delimiter="\t"):
        table[(row["plover_type"], row["mode"] or None)] = row["cameo_code"]
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def _cameo_names() -> Mapping[str, str]:
    """CAMEO code -> its CAMEO description, for the codes of cameo.tsv."""
    rows = csv.DictReader(io.StringIO(_text("cameo.tsv")), delimiter="\t")
    return MappingProxyType({row["cameo_code"]: row["cameo_name"] for row in rows})


def cameo_name(code: str) -> str | None:
    """The CAMEO description of a code that :func:`cameo_code` gives ("042" → "Make a visit")."""
    return _cameo_names().get(code)


def is_event_type(s: str) -> bool:
    """True if ``s`` is one of the 16 PLOVER event types (``"CONSULT"``)."""
    return s in ontology().types


def is_mode(type: str, mode: str) -> bool:
    """True if ``mode`` is a mode of event type ``type`` (``is_mode("CONSULT", "visit")``)."""
    event_type = ontology().types.get(type)
    return event_type is not None and mode in event_type.modes


def quad_class(type: str) -> int:
    """The quad class of an event type: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict. Raises ``KeyError`` for an unknown type."""
    return ontology().types[type].quad_class


def intensity(type: str, mode: str | None = None) -> float | None:
    """The PLOVER score of an event (-10 conflict .. +10 cooperation), or None if ``type`` is not
    a PLOVER type or ``mode`` is not one of its modes.

    PLOVER scores are defined per type (PLOVER manual 0.8), so a valid mode does not change the
    value; it is checked so that a wrong pair is not given a score."""
    event_type = ontology().types.get(type)
    if event_type is None or (mode is not None and mode not in event_type.modes):
        return None
    return event_type.intensity


def cameo_code(type: str, mode: str | None = None) -> str | None:
    """The CAMEO code for a PLOVER type and mode, from cameo.tsv: the most general CAMEO code that
    PLOVER's 2021 table maps to the pair; for a mode the table never maps to (``multilateral``),
    the type's default code; None if the type is unknown or the mode is not one of its modes."""
    if mode is not None and not is_mode(type, mode):
        return None
    table = _cameo_table()
    return table.get((type, mode)) or table.get((type, None))


def is_context(s: str) -> bool:
    """True if ``s`` is a PLOVER context (``"military"``), the special ones included."""
    return s in ontology().contexts


def is_sector(s: str) -> bool:
    """True if ``s`` is a PLOVER actor sector code (``"GOV"``)."""
    return s in ontology().sectors


def is_actor_code(s: str) -> bool:
    """True if ``s`` is a non-ISO PLOVER actor code (``"IGO"``); ISO 3166 codes are not listed."""
    return s in ontology().actor_codes
