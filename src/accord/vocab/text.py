"""Folding text for comparison: one place for the two forms the project compares strings in.

- :func:`fold` keys the vocabularies of ``accord/data``: case folded, accents stripped,
  apostrophes unified; hyphens kept ("vice-ministre", "état-major").
- :func:`normalize_name` compares names (scoring, the store's registry and searches): the same,
  with stroked and ligatured letters spelled out (đ → d, œ → oe) and hyphens and apostrophes
  turned into spaces ("Tô Lâm" → "to lam").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "normalize_name"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_LETTERS = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"})
_NAME_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―'’‘ʼ`´]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # the same words are folded again and again
def fold(text: str) -> str:
    """Case-fold and strip accents; apostrophes unified to ``'``."""
    return _strip_accents(text.translate(_APOSTROPHES).casefold())


def normalize_name(name: str) -> str:
    """Case-fold, strip accents, hyphens and apostrophes to space, collapse whitespace."""
    plain = _strip_accents(name.casefold().translate(_LETTERS))
    return _NAME_SEPARATORS.sub(" ", plain).strip()
