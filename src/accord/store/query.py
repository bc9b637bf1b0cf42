"""The queries of the store: one typed query per kind of row, shared by the CLI, the web API
and Python callers.

    EventQuery(type="consult", country="vnm", since="2024-01")   # type CONSULT, country VNM
    EventQuery(dyad="CHN-VNM", sort="-date", limit=50)
    StatementQuery(speaker="To Lam", text="coopération")
    store.events(EventQuery(actor="To Lam"))                      # the store takes the query

A query is a frozen dataclass (:class:`EventQuery`, :class:`StatementQuery`,
:class:`ClaimQuery`, :class:`ActorQuery`, :class:`DocumentQuery`), checked and normalised when
it is made, whoever makes it: the CLI from its options, the API from the request's parameters,
a Python caller from keywords. Every field is optional (``None``: no filter) and the filters
combine with AND; ``limit`` and ``offset`` page the rows (``limit=None``: all of them). A value
a field cannot take raises :class:`~accord.errors.QueryError` naming the field, with a message
that says what it accepts; the CLI turns it into a usage error (exit status 2), the API into a
422, in the same words. What each filter keeps is said by :mod:`accord.store` and the store
method that takes the query.

Normalised: a PLOVER type, a country, a dyad's codes and a sector are upper-cased (``dyad``
becomes ``"CHN-VNM"``; a pair of codes is taken too); dates are checked
(``YYYY[-MM[-DD]]``) and kept as given.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

from accord.errors import QueryError
from accord.store.write import date_range
from accord.vocab import ontology

__all__ = [
    "SORTS",
    "ActorQuery",
    "ClaimQuery",
    "DocumentQuery",
    "EventQuery",
    "Query",
    "StatementQuery",
    "country",
    "date",
    "dyad",
    "event_type",
    "quad_class",
]

_CODE = re.compile(r"[A-Za-z]{3}")

SORTS = ("date", "-date", "intensity", "-intensity", "type")
"""The orders of events: oldest or newest first, by intensity (weakest first, or strongest),
by type (then oldest first)."""

ROLES = ("actor", "recipient")
"""The sides of an event a registry actor can be on (``EventQuery.role``)."""


def event_type(value: str, name: str = "type") -> str:
    """A PLOVER event type, in any case."""
    types = ontology.ontology().types
    if value.upper() not in types:
        raise QueryError(name, f"not a PLOVER event type: {value!r} (one of {', '.join(types)})")
    return value.upper()


def country(value: str, name: str = "country") -> str:
    """A country: three letters, an ISO3 or PLOVER code, in any case."""
    if _CODE.fullmatch(value) is None:
        raise QueryError(name, f"not a country code: {value!r} (three letters, ISO3 or PLOVER,"
                               " e.g. FRA)")
    return value.upper()


def dyad(value: str | tuple[str, str], name: str = "dyad") -> str:
    """Two countries joined by "-" (either order), or a pair of them: ``"CHN-VNM"``."""
    parts = value.split("-") if isinstance(value, str) else list(value)
    if len(parts) != 2 or not all(isinstance(p, str) and _CODE.fullmatch(p) for p in parts):
        raise QueryError(name, f"not a dyad: {value!r} (two three-letter country codes joined"
                               " by '-', e.g. CHN-VNM)")
    return f"{parts[0].upper()}-{parts[1].upper()}"


def quad_class(value: int, name: str = "quad_class") -> int:
    """A quad class, 1 to 4."""
    if not 1 <= value <= 4:
        names = ", ".join(f"{k} {v}" for k, v in ontology.ontology().quad_class_names.items())
        raise QueryError(name, f"not a quad class: {value!r} ({names})")
    return value


def date(value: str, name: str = "since") -> str:
    """A ``YYYY[-MM[-DD]]`` date (kept as given)."""
    try:
        date_range(value)
    except ValueError as exc:
        raise QueryError(name, str(exc)) from None
    return value


def sector(value: str, name: str = "sector") -> str:
    """A PLOVER sector code: three letters, in any case."""
    if _CODE.fullmatch(value) is None:
        raise QueryError(name, f"not a sector code: {value!r} (three letters, e.g. GOV)")
    return value.upper()


def role(value: str, name: str = "role") -> str:
    """A side of an event: "actor" or "recipient"."""
    if value not in ROLES:
        raise QueryError(name, f"role must be 'actor' or 'recipient', not {value!r}")
    return value


def sort(value: str, name: str = "sort") -> str:
    """One of :data:`SORTS`."""
    if value not in SORTS:
        raise QueryError(name, f"unknown sort {value!r}; one of {', '.join(SORTS)}")
    return value


def _count(value: int, name: str) -> int:
    if value < 0:
        raise QueryError(name, f"must be 0 or more, not {value!r}")
    return value


_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "type": event_type, "country": country, "dyad": dyad, "quad_class": quad_class,
    "since": date, "until": date, "sector": sector, "role": role, "sort": sort,
    "limit": _count, "offset": _count,
}
"""The check of each field that has one, by field name (the same name in every query)."""

_PAGE = frozenset({"limit", "offset", "sort"})


@dataclass(frozen=True, kw_only=True)
class Query:
    """What every query has: a page (``limit`` rows at most, ``None`` for all, after
    ``offset``). Made only through its subclasses."""

    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            check = _CHECKS.get(field.name)
            if value is not None and check is not None:
                object.__setattr__(self, field.name, check(value, field.name))

    def page(self, limit: int | None, offset: int = 0) -> Self:
        """The same filters, the page ``limit`` rows after ``offset``."""
        return dataclasses.replace(self, limit=limit, offset=offset)

    def filters(self) -> dict[str, Any]:
        """The filters given (the fields that are not ``None``, the page and sort aside)."""
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self)
            if f.name not in _PAGE and getattr(self, f.name) is not None
        }


@dataclass(frozen=True, kw_only=True)
class EventQuery(Query):
    """Events (:meth:`accord.store.Store.events`), and the events the aggregates count
    (dyads, timeline, network, places; their page and sort aside).

    ``actor``: a substring of a participant's name or of a registry alias of it (case and
    accents ignored); ``country``: any participant's; ``type``: a PLOVER type; ``dyad``: two
    countries the event pairs, either order; ``quad_class``: 1 to 4; ``since``/``until``:
    ``YYYY[-MM[-DD]]``, the event's days all within; ``text``: words of the evidence or
    sentence (case and accents ignored); ``actor_id``: a registry entry among the
    participants, on the side ``role`` ("actor" or "recipient") if given; ``doc_id``: exact.
    ``sort``: one of :data:`SORTS`.
    """

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    dyad: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    actor_id: int | None = None
    role: str | None = None
    doc_id: str | None = None
    sort: str = "date"


@dataclass(frozen=True, kw_only=True)
class StatementQuery(Query):
    """Statements (:meth:`accord.store.Store.statements`), oldest first.

    ``speaker``: a substring of the speaker's name or of a registry alias; ``country``: the
    speaker's; ``verb``: the reporting verb (case and accents ignored); ``since``/``until``:
    the statement's date, else its article's; ``text``: words of the evidence or sentence;
    ``speaker_id``: the speaker's registry entry; ``doc_id``: exact.
    """

    speaker: str | None = None
    country: str | None = None
    verb: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    speaker_id: int | None = None
    doc_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class ClaimQuery(Query):
    """Claims (:meth:`accord.store.Store.claims`), oldest article first.

    ``holder``/``source``: a substring of the name or of a registry alias of the claim's
    holder or source; ``country``: the holder's or the source's; ``unit``: a substring of the
    unit (case and accents ignored); ``min_quantity``/``max_quantity``: bounds of the quantity
    (inclusive); ``since``/``until``: the article's date; ``text``: words of the evidence or
    sentence; ``doc_id``: exact.
    """

    holder: str | None = None
    source: str | None = None
    country: str | None = None
    unit: str | None = None
    min_quantity: float | None = None
    max_quantity: float | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class ActorQuery(Query):
    """Registry actors (:meth:`accord.store.Store.actors`), most documents first.

    ``name``: a substring of a name or alias (case and accents ignored); ``country``;
    ``kind``: person, organization or state; ``sector``: a PLOVER sector code; ``actor_id``:
    one registry entry.
    """

    name: str | None = None
    country: str | None = None
    kind: str | None = None
    sector: str | None = None
    actor_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class DocumentQuery(Query):
    """Stored documents (:meth:`accord.store.Store.documents`), by published date.

    ``language``: its code; ``source``: exact; ``since``/``until``: bounds of ``published``
    (a partial date counts as its first day); ``text``: a substring of the title or the path
    (case ignored).
    """

    language: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
