"""Date resolution on random expressions and article dates: what :mod:`accord.vocab.dates` promises.

Nothing raises; every value is a real date at a valid precision; a range starts no later than
it ends; a written full date resolves to itself; a day and month without a year land at most
6 months before or 5 months after the article month; weekdays follow their documented rules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.vocab.dates import DATE_KINDS, find_dates, inherit_anaphora, resolve
from tests.fuzz.profiles import fuzz

MONTHS = ["janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
          "aout", "septembre", "octobre", "novembre", "décembre", "janv.", "févr.", "sept.",
          "déc."]
MONTH_NUMBER = {"fevrier": 2, "aout": 8, "janv.": 1, "févr.": 2, "sept.": 9, "déc.": 12} | {
    name: n for n, name in enumerate(["janvier", "février", "mars", "avril", "mai", "juin",
                                      "juillet", "août", "septembre", "octobre", "novembre",
                                      "décembre"], start=1)}
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WORDS = st.sampled_from([
    *MONTHS, *WEEKDAYS, "le", "du", "au", "en", "entre", "et", "à", "-", "1er", "dernier",
    "prochain", "passé", "prochaine", "hier", "demain", "aujourd'hui", "avant-hier",
    "le lendemain", "la veille", "le même jour", "il y a", "dans", "jours", "semaines", "mois",
    "ans", "plus tard", "la semaine dernière", "le mois prochain", "l'an dernier", "cette année",
    "début", "fin", "mi-", "Noël", "Pâques", "Pentecôte", "années", "depuis", "trois", "deux",
    "ce", "matin", "soir", ",", ".", "/", "'", "97", "2016", "1999", "2099", "0000", "9999",
])
NUMBERS = st.integers(0, 10_000).map(str)
EXPRESSIONS = st.lists(st.one_of(WORDS, NUMBERS, st.text(max_size=4)), max_size=8).map(" ".join)


@st.composite
def published(draw: st.DrawFn) -> str | None:
    """Article dates: real ones at the three precisions, impossible ones, garbage, None."""
    day = draw(st.dates(date(1, 1, 1), date(9999, 12, 31)))
    return draw(st.sampled_from([
        None, day.isoformat(), day.isoformat()[:7], day.isoformat()[:4], "2024-13-45",
        "0000-00-00", "2016-02-30", "abc", "",
    ]))


def check_value(value: str | None) -> None:
    if value is None:
        return
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), value
    parts = [int(p) for p in value.split("-")]
    date(parts[0], *(parts[1:] + [1, 1])[:2])  # raises if not a real date


def month_index(value: str) -> int:
    return int(value[:4]) * 12 + int(value[5:7])


@fuzz(ci=400)
@given(EXPRESSIONS, published(), st.sampled_from([None, "past", "future"]))
def test_resolve_gives_a_real_date_or_none(expression: str, pub: str | None,
                                           tense: str | None) -> None:
    check_value(resolve(expression, pub, tense=tense))


@fuzz(ci=200)
@given(st.lists(st.one_of(EXPRESSIONS, st.text(max_size=20)), max_size=6).map(". ".join),
       published())
def test_find_dates_mentions_are_ordered_real_and_ranges_ascend(text: str,
                                                               pub: str | None) -> None:
    mentions = inherit_anaphora(find_dates(text, pub))
    end = 0
    for mention in mentions:
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind in DATE_KINDS
        check_value(mention.value)
        check_value(mention.end_value)
        if mention.kind == "range" and mention.value and mention.end_value:
            shorter = min(len(mention.value), len(mention.end_value))
            assert mention.value[:shorter] <= mention.end_value[:shorter], mention
        end = mention.end


@fuzz(ci=300)
@given(st.dates(date(1000, 1, 1), date(2099, 12, 31)).flatmap(lambda day: st.tuples(
    st.just(day), st.sampled_from([m for m in MONTHS if MONTH_NUMBER[m] == day.month]))),
       published(),
       st.sampled_from(["le {d} {m} {y}", "{d} {m} {y}", "du {d} {m} {y}", "{w} {d} {m} {y}"]))
def test_a_written_full_date_resolves_to_itself(written_day: tuple[date, str], pub: str | None,
                                                pattern: str) -> None:
    day, month = written_day
    written = "1er" if day.day == 1 else str(day.day)
    expression = pattern.format(d=written, m=month, y=day.year, w=WEEKDAYS[day.weekday()])
    assert resolve(expression, pub) == day.isoformat()
    assert resolve(f"{month} {day.year}", pub) == day.isoformat()[:7]
    assert resolve(f"en {day.year}", pub) == str(day.year)


@fuzz(ci=300)
@given(st.integers(1, 31), st.sampled_from(MONTHS), st.dates(date(2, 1, 1), date(9998, 12, 31)))
def test_a_day_without_year_lands_near_the_article_month(day: int, month: str,
                                                         pub: date) -> None:
    value = resolve(f"le {day} {month}", pub.isoformat())
    if value is None:  # "le 31 février", or "le 29 février" in a year that has none
        assert day > 28
        return
    assert value[5:7] == f"{MONTH_NUMBER[month]:02d}" and int(value[8:]) == day
    assert -6 <= month_index(value) - month_index(pub.isoformat()) <= 5


@fuzz(ci=300)
@given(st.sampled_from(range(7)), st.dates(date(2, 1, 1), date(9998, 12, 31)),
       st.sampled_from(["", " dernier", " prochain"]))
def test_weekdays_follow_their_rules(weekday: int, pub: date, modifier: str) -> None:
    value = resolve(WEEKDAYS[weekday] + modifier, pub.isoformat())
    assert value is not None
    day = date.fromisoformat(value)
    assert day.weekday() == weekday
    if modifier == " dernier":
        assert pub - timedelta(days=7) <= day < pub
    elif modifier == " prochain":
        assert pub < day <= pub + timedelta(days=7)
    else:
        assert pub - timedelta(days=6) <= day <= pub
    assert resolve(WEEKDAYS[weekday], pub.isoformat()[:7]) is None  # needs the article's day
