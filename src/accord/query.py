"""The validation of query filters, shared by the CLI and the web API.

Each check takes a filter's raw value and returns it normalised (upper-case codes, a dyad as two
codes), or raises :class:`~accord.errors.QueryError` naming the filter, with a message that says
what it accepts; :func:`checked` applies them to keyword filters. The CLI turns the error into a
usage error (exit status 2), the API into a 422.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from accord import ontology
from accord.errors import QueryError
from accord.store_write import date_range

__all__ = ["CHECKS", "checked", "country", "date", "dyad", "event_type", "quad_class"]

_CODE = re.compile(r"[A-Za-z]{3}")


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


def dyad(value: str, name: str = "dyad") -> tuple[str, str]:
    """Two countries joined by "-" (either order)."""
    parts = value.split("-")
    if len(parts) != 2 or not all(_CODE.fullmatch(p) for p in parts):
        raise QueryError(name, f"not a dyad: {value!r} (two three-letter country codes joined"
                               " by '-', e.g. CHN-VNM)")
    return parts[0].upper(), parts[1].upper()


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


CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "type": event_type, "country": country, "dyad": dyad, "quad_class": quad_class,
    "since": date, "until": date,
}
"""The check of each filter that has one, by filter name."""


def checked(**filters: Any) -> dict[str, Any]:
    """``filters`` with each value that is not ``None`` checked and normalised by its
    :data:`CHECKS` entry (the others as they are); :class:`QueryError` for the first bad one."""
    return {
        key: value if value is None or key not in CHECKS else CHECKS[key](value, key)
        for key, value in filters.items()
    }
