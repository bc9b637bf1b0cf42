"""Number parsing: French number words and digit formats round-trip; random text never raises
and every mention has consistent offsets (what :mod:`accord.vocab.numbers` promises)."""

from __future__ import annotations

import math

from hypothesis import assume, given
from hypothesis import strategies as st

from accord.vocab.numbers import CLAIM_KINDS, claim_numbers, find_numbers, parse_number
from tests.fuzz.profiles import fuzz

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
KINDS = {"cardinal", "money", "percent", "range_low", "range_high", "date", "year", "time",
         "duration", "age", "ordinal", "code", "frequency"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "at_least"}


def below_100(n: int, et: str) -> str:
    """``n`` < 100 in words, hyphenated; ``et`` joins "vingt et un" (" et " or "-et-")."""
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return f"dix-{UNITS[n - 10]}"
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, soixante et onze, quatre-vingt-dix
        base, rest = ("soixante", n - 60) if tens == 7 else ("quatre-vingt", n - 80)
        return f"{base}{et if rest == 11 and tens == 7 else '-'}{below_100(rest, et)}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{UNITS[unit]}"
    if unit == 0:
        return TENS[tens]
    return f"{TENS[tens]}{et}un" if unit == 1 else f"{TENS[tens]}-{UNITS[unit]}"


def below_1000(n: int, joiner: str, et: str) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return below_100(rest, et)
    head = "cent" if hundreds == 1 else f"{UNITS[hundreds]}{joiner}cent{'s' if rest == 0 else ''}"
    return head if rest == 0 else f"{head}{joiner}{below_100(rest, et)}"


def french(n: int, joiner: str = " ") -> str:
    """``n`` (0 to 999 999) in French words: the traditional spelling (``joiner`` " ": hyphens
    below 100 only) or the 1990 one (``joiner`` "-": hyphens everywhere)."""
    et = " et " if joiner == " " else "-et-"
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return below_1000(rest, joiner, et)
    head = "mille" if thousands == 1 else f"{below_1000(thousands, joiner, et)}{joiner}mille"
    for plural in ("cents", "vingts"):  # "deux cent mille", "quatre-vingt mille"
        head = head.replace(plural + joiner + "mille", plural[:-1] + joiner + "mille")
    return head if rest == 0 else f"{head}{joiner}{below_1000(rest, joiner, et)}"


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


@fuzz(ci=400)
@given(st.integers(1, 999_999), st.sampled_from([" ", "-"]))
def test_french_number_words_round_trip(n: int, joiner: str) -> None:
    words = french(n, joiner)
    assert parse_number(words) == n, words
    assert parse_number(words.capitalize()) == n, words


@fuzz(ci=300)
@given(st.integers(0, 10**12), st.sampled_from(["", " ", "\u00a0", "\u202f", "."]))
def test_digit_formats_round_trip(n: int, separator: str) -> None:
    assume(separator != "." or n >= 1000)  # "1.5" is a decimal, "1.500" a thousand
    text = grouped(n, separator) if separator else str(n)
    assert parse_number(text) == n, text


@fuzz(ci=300)
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from([
    ("million", 10**6), ("millions", 10**6), ("milliard", 10**9), ("milliards", 10**9)]))
def test_decimals_with_a_multiplier(whole: int, tenth: int, multiplier: tuple[str, int]) -> None:
    word, factor = multiplier
    value = parse_number(f"{whole},{tenth} {word}")
    assert value is not None and math.isclose(value, (whole + tenth / 10) * factor)
    assert parse_number(f"{french(whole)} {word}") == whole * factor


@fuzz(ci=300)
@given(st.integers(2, 999), st.sampled_from(["digits", "words"]), st.sampled_from([
    ("au moins", "at_least"), ("plus de", "more_than"), ("moins de", "less_than"),
    ("environ", "about"), ("", "exact")]))
def test_a_count_in_a_sentence_is_one_claim(n: int, form: str, qualifier: tuple[str, str]) -> None:
    words, expected = qualifier
    number = str(n) if form == "digits" else french(n)
    assume(number != "neuf")  # "neuf" alone is an adjective before a noun ("un neuf soldats"?)
    text = f"Selon l'armée, {words} {number} soldats ont été tués.".replace("  ", " ")
    (claim,) = claim_numbers(text)
    assert claim.value == n and claim.qualifier == expected, (text, claim)
    assert text[claim.num_start : claim.num_end] == number


PIECES = st.sampled_from([
    "plus de", "au moins", "entre", "et", "à", "ou", "environ", "une centaine de", "des milliers",
    "millions", "milliards", "d'euros", "de dollars", "%", "pour cent", "$", "€", "le", "les",
    "deux", "vingt", "quatre-vingt", "cent", "mille", "1er", "13e", "XIXe", "janvier", "2014",
    "14h30", "ans", "âgé de", "fois", "Boeing", "A320", "1,5", "1 000", "1.000", "30-19", "5/6",
    "soldats", "pays", "morts", ",", ".", "-", " ",
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.integers(0, 10**7).map(str),
                                                st.text(max_size=4)), max_size=15).map(" ".join))


@fuzz(ci=400)
@given(TEXTS)
def test_find_numbers_on_random_text(text: str) -> None:
    start = 0
    for mention in find_numbers(text):
        assert 0 <= mention.start <= mention.num_start < mention.num_end <= mention.end
        assert mention.end <= len(text) and 0 <= mention.unit_start <= len(text)
        assert mention.text == text[mention.start : mention.end]
        assert mention.start >= start  # in order (the two ends of a range share a start)
        assert math.isfinite(mention.value) and mention.value >= 0
        assert mention.kind in KINDS and mention.qualifier in QUALIFIERS
        assert mention.is_claim_candidate <= (mention.kind in CLAIM_KINDS)
        start = mention.start
    parse_number(text)  # no exception either
