"""Named actors the package knows in advance: organisations and public figures.

International bodies live in :mod:`accord.vocab.geo` (``bodies.tsv``) beside states and places; this
module reads the two dictionaries of named national actors:

- ``data/fr/organizations.tsv``: news media, companies, parties, intelligence and police
  services, universities (name, home state or ``MNC``/``NGO``, PLOVER sector, aliases);
- ``data/fr/people.tsv``: heads of state and government, ministers, international officials
  and other frequently named figures, one row per office held, with its dates.

The actor coder uses them to give a country and a sector to "Bloomberg" or "Vladimir Poutine"
when the article does not say them, and :func:`office_at` tells which office a known person
held on an article's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from accord.vocab.names import NameIndex, NameIndexBuilder, data_rows, fold, split_cell

__all__ = [
    "KnownOrganization",
    "KnownPerson",
    "Office",
    "may_start_organization",
    "office_at",
    "organization",
    "person",
    "person_by_surname",
]


@dataclass(frozen=True, slots=True)
class KnownOrganization:
    name: str  # usual French form ("Radio France internationale")
    code: str  # ISO3 of the home state, or MNC / NGO
    sector: str | None  # PLOVER sector (JRN, BUS, PTY, SPY ...)
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Office:
    title: str  # as the press writes it ("président des États-Unis")
    start: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None  # None while in office


@dataclass(frozen=True, slots=True)
class KnownPerson:
    name: str
    country: str  # ISO3, or UNO / EUR / IGO for international officials
    sector: str | None
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]


@lru_cache(maxsize=1)
def _organizations() -> NameIndex[KnownOrganization]:
    builder: NameIndexBuilder[KnownOrganization] = NameIndexBuilder()
    for name, code, sector, aliases in data_rows("fr/organizations.tsv"):
        entry = KnownOrganization(name, code, sector or None, tuple(split_cell(aliases)))
        for form in (name, *entry.aliases):
            builder.add(form, entry)
    return builder.build(proper=True)


@dataclass(frozen=True, slots=True)
class _People:
    names: NameIndex[KnownPerson]
    surnames: dict[str, KnownPerson]  # folded last word → the only person with it


@lru_cache(maxsize=1)
def _people() -> _People:
    rows: dict[str, list[list[str]]] = {}
    for cells in data_rows("fr/people.tsv"):
        rows.setdefault(cells[0], []).append(cells)
    builder: NameIndexBuilder[KnownPerson] = NameIndexBuilder()
    by_surname: dict[str, list[KnownPerson]] = {}
    for name, group in rows.items():
        aliases = tuple(dict.fromkeys(a for cells in group for a in split_cell(cells[1])))
        first = group[0]
        offices = tuple(
            Office(cells[4], cells[5] or None, cells[6] or None) for cells in group if cells[4]
        )
        entry = KnownPerson(name, first[2], first[3] or None, aliases, offices)
        for form in (name, *aliases):
            builder.add(form, entry)
        for form in (name, *aliases):
            words = fold(form).split()
            if len(words) >= 2:
                by_surname.setdefault(words[-1], []).append(entry)
    surnames = {
        key: people[0]
        for key, people in by_surname.items()
        if len({p.name for p in people}) == 1
    }
    return _People(builder.build(proper=True), surnames)


@lru_cache(maxsize=1 << 14)  # called for every capitalised span of every article
def organization(name: str) -> KnownOrganization | None:
    """The known organisation named ``name`` ("Bloomberg", "RFI", "l'agence Anadolu" is not: the
    caller strips designations)."""
    return _organizations().get(name)


def may_start_organization(word: str) -> bool:
    """Whether ``word`` can be the first word of a known organisation's name."""
    key = fold(word).split()
    return bool(key) and key[0] in _organizations().first_words


def person(name: str) -> KnownPerson | None:
    """The known public figure of full name ``name`` (or one of its recorded spellings)."""
    return _people().names.get(name)


def person_by_surname(surname: str) -> KnownPerson | None:
    """The only known public figure whose name ends with ``surname`` ("Obama"), if unique."""
    key = fold(surname)
    if " " in key:
        return None
    return _people().surnames.get(key)


def office_at(known: KnownPerson, date: str | None) -> Office | None:
    """The office ``known`` held on ``date`` (ISO at any precision), else None. Dates are
    compared as strings at the precision both sides share."""
    if date is None:
        return None
    for office in known.offices:
        start, end = office.start, office.end
        if start and date[: len(start)] < start[: len(date)]:
            continue
        if end and date[: len(end)] > end[: len(date)]:
            continue
        return office
    return None
