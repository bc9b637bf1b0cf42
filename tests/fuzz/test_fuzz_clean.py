"""Cleaning offsets on random texts: what :mod:`accord.read.clean` promises.

The cleaned text is made of slices of the raw text joined by blank lines: every segment
``(clean_start, raw_start, length)`` maps ``text[clean_start:+length]`` to the same characters of
``raw``; segments are ordered and disjoint on both sides; every character outside them belongs
to a ``"\\n\\n"`` separator; :meth:`Cleaned.raw_offset` agrees. Title, captions and dateline
place are read from the raw text, and a date is a real one.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from accord.errors import ReadError
from accord.read import read_text
from accord.read.clean import FORMATS, Cleaned, clean_text, normalize_date, sniff_format
from tests.fuzz.profiles import fuzz

PIECES = st.sampled_from([
    " date 2024-01 ", "date 2021-12-14", "date 2024-13-45", "Photo: VNA", "(Photo: AFP)",
    "Photos : Reuters", "Hanoï (VNA) - ", "Paris (AFP) – ", "Paris, 12 janvier 2024 (AFP) - ",
    "-VNA", " - VNA", "(VNA)", "(AFP)", "24 janvier 2016 . – ", "1er mai 2016, Hanoï . – ",
    "31 février 2016 . – ", "État  Vérifié", "Sur le même sujet ", "Page actualisée :",
    "\n", "\n\n", "\n \n", "\r\n", "\r", " ", "\t", "\u00a0", "\u202f", "\ufeff", "\u2028",
    "Le ministre a reçu son homologue.", "…", ".", "é", "(", ")", "-", "–", "»", "A",
])
RAW = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join))


def check_offsets(raw: str, cleaned: Cleaned) -> None:
    text = cleaned.text
    assert text == text.strip() or not text
    mapped = [False] * len(text)
    previous_clean = previous_raw = 0
    for index, (clean_start, raw_start, length) in enumerate(cleaned.segments):
        assert length > 0
        assert clean_start >= previous_clean and raw_start >= previous_raw
        if index:
            assert text[previous_clean:clean_start] == "\n\n"  # one separator between slices
        assert text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
        for offset in range(clean_start, clean_start + length):
            mapped[offset] = True
            raw_offset = cleaned.raw_offset(offset)
            assert raw_offset is not None and raw[raw_offset] == text[offset]
        previous_clean, previous_raw = clean_start + length, raw_start + length
    assert previous_clean == len(text)
    assert all(mapped[i] or cleaned.raw_offset(i) is None for i in range(len(text)))
    for part in (cleaned.title, cleaned.dateline_place, *cleaned.captions):
        assert part is None or part in raw
    if cleaned.published is not None:
        assert normalize_date(cleaned.published) == cleaned.published
    assert all(w.startswith("impossible date ") for w in cleaned.warnings)


@fuzz(ci=400)
@given(RAW, st.sampled_from(FORMATS))
def test_offsets_map_back_to_the_raw_text(raw: str, fmt: str) -> None:
    check_offsets(raw, clean_text(raw, fmt))
    check_offsets(raw, clean_text(raw, sniff_format(raw)))


@fuzz(ci=200)
@given(RAW)
def test_read_text_cleans_the_normalised_raw_text(raw: str) -> None:
    """An article's offsets refer to its raw text without BOM and with ``\\n`` line ends."""
    try:
        article = read_text(raw, "mem")
    except ReadError:
        return
    normal = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    cleaned = clean_text(normal, sniff_format(normal))
    assert article.text == cleaned.text
    check_offsets(normal, cleaned)


@fuzz(ci=300)
@given(st.one_of(
    st.dates().map(date.isoformat),
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(0, 10_000), st.integers(0, 13),
              st.integers(0, 32)),
    st.text(max_size=30),
))
def test_normalize_date_gives_a_real_date_or_none(value: str) -> None:
    result = normalize_date(value)
    if result is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", result)
        parts = [int(p) for p in result.split("-")]
        date(parts[0], *(parts[1:] + [1, 1])[:2])
        assert normalize_date(result) == result
