"""Folding names and looking them up: the machinery the vocabularies share.

:func:`fold` gives the lookup key of a name (case, accents, hyphens, apostrophes and dots do not
matter); a :class:`NameIndex` maps folded names to values, with two exceptions: acronyms of up
to four capitals ("EAU", "UA", "EI") match only when written in capitals, and, in an index of
proper nouns, names of places that are also French words ("réunion", "grenade", "tours") need a
capital letter. :func:`data_rows` reads the TSV data files under ``accord/data``. Used by
:mod:`accord.vocab.geo` and :mod:`accord.vocab.known`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Generic, TypeVar

__all__ = [
    "NameIndex",
    "NameIndexBuilder",
    "apostrophes",
    "data_rows",
    "fold",
    "homographs",
    "is_acronym",
    "proper_noun",
    "split_cell",
    "without_article",
]

T = TypeVar("T")

_CHARS: Mapping[int, str] = MappingProxyType(str.maketrans({
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "TH",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
}))
_SEPARATORS = re.compile(r"[-‐‑‒–—―'.]+")
_LEADING_ARTICLE = re.compile(
    r"^(?:de\s+la\s+|de\s+l'|la\s+|le\s+|les\s+|l'|du\s+|des\s+|de\s+|d'|au\s+|aux\s+|en\s+|à\s+)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)  # the same names are looked up again and again
def fold(text: str) -> str:
    """The lookup key of a name: no accents, case folded, hyphens, apostrophes and dots as
    spaces, spaces collapsed. ``fold("Viêt-Nam") == fold("viet nam") == "viet nam"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.translate(_CHARS).casefold()
    return " ".join(_SEPARATORS.sub(" ", bare).split())


def apostrophes(text: str) -> str:
    return text.translate({0x2019: "'", 0x2018: "'", 0x02BC: "'"}).strip()


def is_acronym(alias: str) -> bool:
    core = alias.replace(".", "").replace("-", "")
    return core.isalnum() and core.isupper() and len(core) <= 4


def without_article(name: str) -> str:
    return _LEADING_ARTICLE.sub("", apostrophes(name), count=1)


@lru_cache(maxsize=1)
def homographs() -> frozenset[str]:
    """Folded place names that are also French words ("reunion", "grenade", "tours")."""
    text = files("accord").joinpath("data", "geo", "homographs.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def proper_noun(name: str, key: str) -> bool:
    """Whether ``name`` may be the proper noun of ``key``: a name that is also a French word
    ("la réunion", "une grenade", "paris" the bets) needs a capital letter."""
    if any(c.isupper() for c in name):
        return True
    words = homographs()
    article, _, rest = key.partition(" ")
    return key not in words and not (article in ("le", "la", "les", "l") and rest in words)


@dataclass(frozen=True, slots=True)
class NameIndex(Generic[T]):
    """Folded names → values; acronyms (``is_acronym``) only match when written in capitals,
    and, in an index of proper nouns, names that are French words only with a capital."""

    words: Mapping[str, T]
    acronyms: Mapping[str, T]
    proper: bool = False
    first_words: frozenset[str] = frozenset()  # first word of every key, to skip lookups

    def get(self, name: str) -> T | None:
        key = fold(name)
        hit = self.words.get(key)
        if hit is not None and self.proper and not proper_noun(name, key):
            hit = None
        if hit is None and is_acronym(name.replace(" ", "")):
            hit = self.acronyms.get(key)
        return hit


class NameIndexBuilder(Generic[T]):
    """Collects names for a :class:`NameIndex`; the first value given for a key wins."""

    def __init__(self) -> None:
        self.words: dict[str, T] = {}
        self.acronyms: dict[str, T] = {}

    def add(self, name: str, value: T) -> None:
        name = apostrophes(name)
        if not name:
            return
        table = self.acronyms if is_acronym(name) else self.words
        table.setdefault(fold(name), value)

    def build(self, proper: bool = False) -> NameIndex[T]:
        first = frozenset(key.split()[0] for key in (*self.words, *self.acronyms) if key)
        return NameIndex(
            MappingProxyType(dict(self.words)), MappingProxyType(dict(self.acronyms)), proper,
            first,
        )


def data_rows(path: str) -> Iterator[list[str]]:
    """Rows of a TSV data file under ``accord/data``: comments and the header line skipped,
    cells stripped, short rows padded to the header's width."""
    text = files("accord").joinpath("data", *path.split("/")).read_text(encoding="utf-8")
    width = 0
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not width:
            width = len(cells)
            continue
        yield cells + [""] * (width - len(cells))


def split_cell(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]
