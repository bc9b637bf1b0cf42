"""Unit tests of accord.vocab.dates: resolution rules, find_dates in context, property tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.vocab.dates import (
    DATE_KINDS,
    DateMention,
    find_dates,
    inherit_anaphora,
    parse_published,
    resolve,
)

SHARED = Path(__file__).resolve().parents[4] / "shared"


@pytest.mark.parametrize("expression, published, value", [
    ("le 10 janvier", "2024-01", "2024-01-10"),
    ("le 14 décembre", "2021-12", "2021-12-14"),
    ("dimanche 24 janvier", "2016-01-30", "2016-01-24"),
    ("dimanche 24 janvier", "2016", "2016-01-24"),
    ("le 3 janvier", "2023-12-28", "2024-01-03"),
    ("le 28 décembre", "2024-01-05", "2023-12-28"),
    ("le 6 mai dernier", "1999-05-27", "1999-05-06"),
    ("juin prochain", "1999-05-23", "1999-06"),
    ("24 janvier 2016", None, "2016-01-24"),
    ("1er mars 2015", None, "2015-03-01"),
    ("le 1 er mars 2015", None, "2015-03-01"),
    ("le 12 septembre", "2016-09-19", "2016-09-12"),
    ("en mars", "2016-01-24", "2016-03"),
    ("en janvier", "2016-07-29", "2016-01"),
    ("décembre 2015", "2016-09-03", "2015-12"),
    ("octobre 98", "1999-05-23", "1998-10"),
    ("en 2014", "2016-01-24", "2014"),
    ("l'année 2001", "1999-05-23", "2001"),
    ("fin 2016", "2016-09-03", "2016"),
    ("mardi", "2016-01-24", "2016-01-19"),
    ("dimanche", "2016-10-30", "2016-10-30"),
    ("mardi prochain", "2016-01-24", "2016-01-26"),
    ("vendredi dernier", "1999-05-27", "1999-05-21"),
    ("mercredi dernier", "1999-07-28", "1999-07-21"),
    ("ce samedi matin", "2016-09-03", "2016-09-03"),
    ("ce jeudi", "2016-06-12", "2016-06-09"),
    ("hier", "2016-01-24", "2016-01-23"),
    ("hier soir", "2016-01-01", "2015-12-31"),
    ("aujourd'hui", "2016-01-24", "2016-01-24"),
    ("aujourd’hui", "2016-01", "2016-01"),
    ("ce matin", "2016-09-03", "2016-09-03"),
    ("ce soir", "2016-09-03", "2016-09-03"),
    ("demain", "2016-02-28", "2016-02-29"),
    ("avant-hier", "2016-03-01", "2016-02-28"),
    ("la semaine dernière", "2016-01-24", "2016-01"),
    ("la semaine dernière", "2016-01-05", "2015-12"),
    ("le mois dernier", "2016-01-24", "2015-12"),
    ("l'année dernière", "2016-01-24", "2015"),
    ("l'an prochain", "1999-05-19", "2000"),
    ("cette année", "1999-07-29", "1999"),
    ("il y a trois jours", "2016-01-02", "2015-12-30"),
    ("désormais", "2016-07-15", "2016-07-15"),
    ("Pentecôte", "1999-05-18", "1999-05-23"),
    ("Noël", "2016-12-23", "2016-12-25"),
    ("du 25 au 27 janvier", "2016-01-24", "2016-01-25"),
    ("97", "1999-07-29", "1997"),
    ("19", "1999-07-16", "1999-07-19"),
    ("1975", "1999-05-21", "1975"),
])
def test_resolve(expression: str, published: str | None, value: str | None) -> None:
    assert resolve(expression, published) == value


@pytest.mark.parametrize("expression, published", [
    ("le même jour", "2016-01-24"),
    ("mardi", "2024-01"),  # a weekday in a month-precision article is unknowable
    ("hier", "2024-01"),
    ("le 10 janvier", None),
    ("31 février 2016", "2016-01-01"),
    ("le 31 février", "2016-02-01"),
    ("le 30 février 2016", None),
    ("rien du tout", "2016-01-01"),
    ("", None),
])
def test_resolve_gives_none(expression: str, published: str | None) -> None:
    assert resolve(expression, published) is None


def test_weekday_follows_tense() -> None:
    assert resolve("dimanche", "1999-05-18", tense="future") == "1999-05-23"
    (mention,) = find_dates("Le village fera la fête dimanche.", "1999-05-18")
    assert (mention.kind, mention.value) == ("weekday", "1999-05-23")
    (mention,) = find_dates("Ils ont signé dimanche une entente.", "2016-10-30")
    assert mention.value == "2016-10-30"


def test_weekday_takes_the_date_written_elsewhere() -> None:
    text = "Une opération sera menée samedi 29 mai. Rendez-vous est fixé samedi à 8 h."
    values = [m.value for m in find_dates(text, "1999-05-26")]
    assert values == ["1999-05-29", "1999-05-29"]


def test_month_takes_the_year_written_before_it_in_the_sentence() -> None:
    text = "deux ruptures en 97 (en janvier rue Saint-Dizier, en octobre rue de Metz)."
    assert [m.value for m in find_dates(text, "1999-07-29")] == ["1997", "1997-01", "1997-10"]


def test_range() -> None:
    (mention,) = find_dates("se rendre en Italie et en France du 25 au 27 janvier.",
                            "2016-01-24")
    assert (mention.kind, mention.value, mention.end_value) == ("range", "2016-01-25",
                                                                "2016-01-27")
    (mention,) = find_dates("du 28 décembre au 3 janvier", "2016-01-02")
    assert (mention.value, mention.end_value) == ("2015-12-28", "2016-01-03")
    (mention,) = find_dates("entre 1990 et 1999,", "1999-07-07")
    assert (mention.value, mention.end_value) == ("1990", "1999")


def test_durations_and_anaphora() -> None:
    text = ("Le 17 septembre, une frappe tue 60 soldats ; sept minutes plus tard l'offensive "
            "commence. Le lendemain, ils se retirent, depuis près de deux ans.")
    mentions = find_dates(text, "2016-09-19")
    kinds = [(m.text, m.kind) for m in mentions]
    assert kinds == [("Le 17 septembre", "absolute"), ("sept minutes plus tard", "anaphoric"),
                     ("Le lendemain", "anaphoric"), ("deux ans", "duration")]
    assert mentions[2].value is None and mentions[2].offset_days == 1
    assert mentions[3].duration == "P2Y"
    inherited = inherit_anaphora(mentions)
    assert [m.value for m in inherited[:3]] == ["2016-09-17", "2016-09-17", "2016-09-18"]


def test_seed_dates() -> None:
    text = ("Le général To Lam a reçu le 10 janvier à Hanoï le vice-ministre. "
            "Le même jour, Chen Siyuan et Le Quoc Hung ont coprésidé le dialogue.")
    mentions = find_dates(text, "2024-01")
    assert [(m.value, m.kind) for m in mentions] == [("2024-01-10", "absolute"),
                                                     (None, "anaphoric")]
    assert inherit_anaphora(mentions)[1].value == "2024-01-10"


def test_not_dates() -> None:
    assert find_dates("2344 pages et 1500 soldats, la planète Mars et Vendredi ou la Vie "
                      "sauvage", "2016-01-01") == []


@pytest.mark.parametrize("published, parsed", [
    ("2016-01-24", (2016, 1, 24)), ("2024-01", (2024, 1, None)), ("1999", (1999, None, None)),
    ("2016-02-30", (2016, 2, None)), ("2016-13", (2016, None, None)), ("abc", None), (None, None),
    ("2016-01-24T10:00:00Z", (2016, 1, 24)),
])
def test_parse_published(published: str | None, parsed: object) -> None:
    assert parse_published(published) == parsed


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is absent")
def test_gold_event_dates_are_found() -> None:
    """Every day/month/year the gold gives an event or statement is the article date (at some
    precision) or the value of a date expression of the text."""
    for name in ("seeds.jsonl", "dev-wikinews-fr.jsonl"):
        for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            text = (SHARED / doc["text_path"]).read_text(encoding="utf-8")
            values = {m.value for m in inherit_anaphora(find_dates(text, doc["published"]))}
            for record in doc["events"] + doc["statements"]:
                when = record["date"]
                if when and not doc["published"].startswith(when):
                    assert when in values, (doc["id"], when)


# ----------------------------------------------------------------------------- properties

TOKENS = ["le", "du", "au", "10", "1er", "31", "janvier", "février", "mars", "2016", "97",
          "mardi", "prochain", "dernier", "ce", "hier", "aujourd'hui", "la", "semaine",
          "dernière", "l'an", "entre", "et", "-", "deux", "ans", "plus", "tard", "il", "y", "a",
          "dans", "jours", "Pentecôte", "Noël", "même", "jour", "en", "fin", ".", ",", "9999"]
PUBLISHED = st.one_of(st.none(), st.sampled_from([
    "2016-01-24", "2024-01", "1999", "9999-12-31", "0001-01-01", "0000", "2016-02-29",
    "2016-13-45", "abc", ""]), st.text(max_size=12))


def _check(text: str, published: str | None) -> None:
    mentions = find_dates(text, published)
    last_end = 0
    for m in mentions:
        assert isinstance(m, DateMention) and m.kind in DATE_KINDS
        assert last_end <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        last_end = m.end
    inherit_anaphora(mentions)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(), PUBLISHED)
def test_find_dates_never_raises(text: str, published: str | None) -> None:
    _check(text, published)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join), PUBLISHED)
def test_date_like_text_never_raises(text: str, published: str | None) -> None:
    _check(text, published)
    value = resolve(text, published)
    assert value is None or isinstance(value, str)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), PUBLISHED)
def test_resolve_never_raises(expression: str, published: str | None) -> None:
    resolve(expression, published)


def test_ici_in_d_ici_is_the_present_and_leaves_the_deadline_its_own_mention() -> None:
    found = find_dates("Le transfert d'ici le 30 juin. Jusqu'ici, rien. Ici on parle.", "1999-05-21")
    assert [(m.text, m.value) for m in found] == [
        ("ici", "1999-05-21"), ("le 30 juin", "1999-06-30"), ("ici", "1999-05-21"),
    ]


def test_d_ici_before_a_year_stays_one_mention() -> None:
    (found,) = find_dates("d'ici 2020", "1999-05-21")
    assert (found.text, found.value) == ("d'ici 2020", "2020")
