"""French date expressions, resolved against the article date.

:func:`find_dates` returns the date expressions of a text as :class:`DateMention` records, in
order and without overlaps; :func:`resolve` resolves one expression. Values are ISO strings at
the precision the text allows (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) or ``None`` when the text
and the article date (``published``, itself ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) do not fix
one. Nothing raises on odd input: an impossible date ("31 février") has value ``None``.

kinds
    ``absolute``  "24 janvier 2016", "le 10 janvier", "en mars", "en 2014", "Pentecôte"
    ``relative``  deictic: "hier", "aujourd'hui", "ce matin", "la semaine dernière",
                  "le mois dernier", "l'an prochain", "il y a trois jours", "désormais"
    ``weekday``   "mardi", "mardi prochain", "ce samedi matin", "vendredi dernier"
    ``anaphoric`` relative to another date of the text: "le même jour", "ce jour-là",
                  "le lendemain" (``offset_days`` 1), "la veille", "deux jours plus tard";
                  ``value`` is ``None``: the caller inherits (see :func:`inherit_anaphora`)
    ``range``     "du 25 au 27 janvier", "entre 1990 et 1999": ``value`` is the first day,
                  month or year, ``end_value`` the last
    ``duration``  "cinq ans", "depuis plus de 9 mois": ``value`` ``None``, ``duration`` an ISO
                  8601 duration ("P5Y", "PT7M")

Rules (documented choices):

- A day or month without a year takes the year that puts it at most 6 months before or 5 months
  after the article month (news reports the past more than the future): "le 3 janvier" in an
  article of 2023-12-28 is 2024-01-03; "en janvier" in July is January of the same year.
  "dernier"/"passé" force the past, "prochain" the future; a written weekday picks, among the
  nearby years, one where the date falls on that weekday ("dimanche 24 janvier").
- A bare weekday needs a day-precision article date (else ``None``): by default the most recent
  such day on or before the article date; "prochain" the next one after it, "dernier" the last
  one before it, "ce mardi" the nearest within three days. In :func:`find_dates` a future tense
  nearer to the weekday than a past tense in the sentence picks the coming day instead, and a
  weekday written elsewhere in the text with its date ("samedi 29 mai") gives that date.
- Day offsets ("hier", "demain") need a day-precision article date; "aujourd'hui", "ce matin"
  and "désormais" take the article date at whatever precision it has. "La semaine dernière"
  and "cette semaine" give the month (``YYYY-MM``) of that week's Monday; "le mois dernier"
  ``YYYY-MM``; "l'année dernière" ``YYYY``.
- In :func:`find_dates`, a day or month without a year takes the year of the previous date of
  the same sentence that writes one or is deictic ("en 97 (en janvier ..., en octobre ...)").

Vocabularies are in ``data/fr/dates.json``; number words in ``data/fr/numbers.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from accord.vocab.numbers import looks_like_year, parse_number

__all__ = ["DATE_KINDS", "DateMention", "find_dates", "inherit_anaphora", "month_numbers",
           "parse_published", "resolve"]

DATE_KINDS = ("absolute", "relative", "weekday", "anaphoric", "range", "duration")

Published = tuple[int, int | None, int | None]
_APOS = "['’]"


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``text[start:end]``, its resolved ``value`` and ``kind``."""

    start: int
    end: int
    value: str | None
    kind: str
    end_value: str | None = None  # last day/month/year of a range
    duration: str | None = None  # ISO 8601 duration of a duration ("P5Y")
    offset_days: int | None = None  # anaphoric: days after the date referred to
    text: str = ""
    explicit_year: bool = False  # the year is written in the expression


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    value: str | None = None
    end_value: str | None = None
    duration: str | None = None
    offset_days: int | None = None
    explicit_year: bool = False


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources.files("accord") / "data" / "fr" / name).read_text(encoding="utf-8"))
    return data


def month_numbers() -> Mapping[str, int]:
    """French month names and abbreviations (lower case) → month number, from ``dates.json``."""
    return MappingProxyType(dict(_load("dates.json")["months"]))


def _phrase(text: str) -> str:
    return re.sub(r"['’]", _APOS, re.escape(text).replace(r"\ ", r"\s+"))


def _alt(words: Any) -> str:
    return "|".join(_phrase(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, Any], dict[str, re.Pattern[str]]]:
    d = _load("dates.json")
    n = _load("numbers.json")
    month = f"(?:{_alt(d['months'])})(?![\\w])"
    wd = f"(?:{_alt(d['weekdays'])})"
    day = r"(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:\s?(?:er|re)(?![\w]))?(?!\d)"
    y4 = r"(?<![\d,.])(?:1\d|20)\d\d(?![\d])"
    mods = _alt(d["past_modifiers"] + d["future_modifiers"])
    numword = f"(?:{_alt([*n['units'], *n['tens'], *n['hundreds'], *n['thousands']])})"
    num = rf"(?:\d+(?:,\d+)?|{numword}(?:[-\s]+(?:et[-\s]+)?{numword})*)"
    mpre = f"(?:{_alt(d['month_prefixes'])})"
    b, e = r"(?<![\w-])", r"(?![\w-])"
    i = re.IGNORECASE
    pats = {
        "range_dm": rf"{b}(?:(?:du|entre\s+le|entre|des|les)\s+)?(?:{wd}\s+)?(?P<d1>{day})"
                    rf"(?:\s+(?P<m1>{month})(?:\s+(?P<y1>{y4}))?)?\s*(?:au|à|et|-|–)\s*(?:le\s+)?"
                    rf"(?:{wd}\s+)?(?P<d2>{day})\s+(?P<m2>{month})(?:\s+(?P<y2>{y4}))?",
        "range_y": rf"{b}(?:entre|de)\s+(?P<y1>{y4})\s+(?:et|à)\s+(?P<y2>{y4})",
        "range_y2": rf"(?P<y1>{y4})\s*[-–]\s*(?P<y2>{y4})",
        "range_m": rf"{b}(?:(?:de|entre)\s+)?(?P<m1>{month})\s*(?:à|et|-|–)\s*(?P<m2>{month})"
                   rf"(?:\s+(?P<y>{y4}))?",
        "dmy": rf"{b}(?:(?:le|ce|du|au)\s+)?(?:(?P<wd>{wd})\s+)?(?P<d>{day})\s+(?P<m>{month})"
               rf"(?:\s+(?P<y>{y4})|\s+(?P<yy>\d\d)(?=\s*[.,;:)]|\s*$))?(?:\s+(?P<mod>{mods}){e})?",
        "numeric": r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>\d{4})(?![\d/])"
                   r"|(?<![\d-])(?P<iy>\d{4})-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d))?(?![\d-])",
        "weekday": rf"{b}(?:(?P<ce>ce|cet)\s+)?(?P<wd>{wd})(?:\s+(?:{_alt(d['day_parts'])}))?"
                   rf"(?:\s+(?P<mod>{mods}))?{e}",
        "my": rf"{b}(?:{mpre}\s*)?(?P<m>{month})\s+(?:(?P<y>{y4})|(?P<yy>\d\d)(?=\s*[.,;:)]|\s*$))",
        "month": rf"{b}(?P<pre>{mpre}\s*)?(?P<m>{month})(?:\s+(?P<mod>{mods}){e})?",
        "year": rf"{b}(?:(?P<pre>{_alt(d['year_prefixes'])})\s*)?(?P<y>{y4})",
        "year2": rf"{b}en\s+(?P<yy>\d\d)(?=\s*[.,;:)(]|\s*$)",
        "decade": rf"{b}(?:(?:les|des|dans\s+les|au\s+début\s+des|à\s+la\s+fin\s+des)\s+)?"
                  rf"années\s+(?:19|20)?\d0{e}",
        "day_offsets": rf"{b}(?P<p>{_alt(d['day_offsets'])})(?:\s+{wd})?{e}",
        "now": rf"{b}(?P<p>{_alt(d['now'])}){e}",
        # "d'ici le 30 juin", "jusqu'ici": the "ici" is the present, the start of the span
        "now_here": r"(?<=d['’])(?P<p>ici)\b|(?<=jusqu['’])(?P<q>ici)\b",
        "anaphoric": rf"{b}(?P<p>{_alt(d['anaphoric'])}){e}",
        "weeks": rf"{b}(?P<p>{_alt(d['weeks'])}){e}",
        "months_relative": rf"{b}(?P<p>{_alt(d['months_relative'])}){e}(?!\s+d(?:e|['’]))",
        "years_relative": rf"{b}(?P<p>{_alt(d['years_relative'])}){e}",
        "amount": rf"{b}(?P<ilya>il\s+y\s+a\s+)?(?P<dans>dans\s+)?(?P<n>{num})\s+"
                  rf"(?:(?:{_alt(d['duration_modifiers'])})\s+)?(?P<u>{_alt(d['time_units'])}){e}"
                  rf"(?P<later>\s+(?:plus\s+tard|après|plus\s+tôt|auparavant){e})?",
    }
    res = {k: re.compile(p, i) for k, p in pats.items()}
    res["holiday"] = re.compile(rf"{b}(?P<h>{_alt(d['holidays'])})(?:\s+(?P<y>{y4}))?{e}")
    res["future"] = re.compile("|".join(d["future_patterns"]), i)
    res["past"] = re.compile("|".join(d["past_patterns"]), i)
    res["sentence"] = re.compile(r"[.!?…]+[\s»\"]+(?=[A-ZÀ-ÝÉ«\"—–-])|\n\s*")
    return d, res


# ----------------------------------------------------------------------------- calendar helpers

def parse_published(published: str | None) -> Published | None:
    """``(year, month|None, day|None)`` of an article date string, or None if unreadable."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
    if m is None:
        return None
    year = int(m.group(1))
    if not 1 < year < 9999:
        return None
    month = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None
    day = int(m.group(3)) if month and m.group(3) else None
    if day is not None and _iso(year, month, day) is None:
        day = None
    return year, month, day


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _day(pub: Published | None) -> date | None:
    if pub is None or pub[1] is None or pub[2] is None:
        return None
    return date(pub[0], pub[1], pub[2])


def _canonical(pub: Published | None) -> str | None:
    return _iso(*pub) if pub else None


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    j, k = divmod(c, 4)
    m = (a + 11 * h) // 319
    r = (2 * e + 2 * j - k - h + m + 32) % 7
    n = (h - m + r + 90) // 25
    return date(year, n, (h - m + r + n + 19) % 32)


def _year_for(month: int, day: int | None, pub: Published | None, mod: str | None,
              weekday: int | None = None) -> int | None:
    """The year of a day/month written without one (module doc, first rule)."""
    if pub is None:
        return None
    year, pmonth, pday = pub
    if pmonth is None:
        return year
    same = month == pmonth and day is not None and pday is not None
    after, before = same and (day or 0) > (pday or 0), same and (day or 0) < (pday or 0)
    if mod == "past":
        chosen = year - 1 if month > pmonth or after else year
    elif mod == "future":
        chosen = year + 1 if month < pmonth or before else year
    elif (pmonth - month) % 12 <= 6:
        chosen = year if month <= pmonth else year - 1
    else:
        chosen = year if month >= pmonth else year + 1
    if weekday is not None and day is not None:
        for candidate in (chosen, chosen - 1, chosen + 1, chosen - 2, chosen + 2):
            try:
                if date(candidate, month, day).weekday() == weekday:
                    return candidate
            except ValueError:
                continue
    return chosen


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _weekday(wd: int, pub: Published | None, mod: str | None, ce: bool,
             tense: str | None) -> str | None:
    today = _day(pub)
    if today is None:
        return None
    ahead = (wd - today.weekday()) % 7
    if mod == "future":
        delta = ahead or 7
    elif mod == "past":
        delta = -((today.weekday() - wd) % 7 or 7)
    elif ce:
        delta = ahead if ahead <= 3 else ahead - 7
    elif tense == "future":
        delta = ahead
    else:
        delta = -((today.weekday() - wd) % 7)
    return (today + timedelta(days=delta)).isoformat()


# ----------------------------------------------------------------------------- one expression

def _int(text: str | None) -> int:
    found = re.match(r"\d+", text or "")
    return int(found.group()) if found else 0


def _mod(word: str | None, d: dict[str, Any]) -> str | None:
    if not word:
        return None
    return "past" if word.lower() in d["past_modifiers"] else "future"


def _lookup(table: dict[str, Any], phrase: str) -> Any:
    key = re.sub(r"\s+", " ", phrase.lower().replace("’", "'"))
    return next((v for k, v in table.items() if k.lower() == key), None)


def _year2(text: str, pub: Published | None) -> int:
    value = int(text)
    pivot = (pub[0] if pub else 2000) + 10
    return 2000 + value if 2000 + value <= pivot else 1900 + value


def _evaluate(name: str, m: re.Match[str], pub: Published | None, tense: str | None,
              year_hint: int | None) -> _Found | None:
    d, _ = _vocab()
    g = m.groupdict()
    months, weekdays = d["months"], d["weekdays"]

    def month_of(key: str) -> int:
        return int(_lookup(months, g[key]))

    if name == "dmy":
        month, day = month_of("m"), _int(g["d"])
        wd = _lookup(weekdays, g["wd"]) if g["wd"] else None
        if g["y"] or g["yy"]:
            year: int | None = int(g["y"]) if g["y"] else _year2(g["yy"], pub)
        else:
            year = year_hint if year_hint and not g["mod"] else _year_for(
                month, day, pub, _mod(g["mod"], d), wd)
        return _Found("absolute", _iso(year, month, day), explicit_year=bool(g["y"] or g["yy"]))
    if name == "numeric":
        if g["iy"]:
            iday = int(g["id"]) if g["id"] else None
            return _Found("absolute", _iso(int(g["iy"]), int(g["im"]), iday), explicit_year=True)
        return _Found("absolute", _iso(int(g["y"]), int(g["m"]), int(g["d"])), explicit_year=True)
    if name == "range_dm":
        m2, d2 = month_of("m2"), _int(g["d2"])
        m1 = month_of("m1") if g["m1"] else m2
        y2 = int(g["y2"]) if g["y2"] else (year_hint or _year_for(m2, d2, pub, None))
        y1 = int(g["y1"]) if g["y1"] else (None if y2 is None else y2 - (m1 > m2))
        start, end = _iso(y1, m1, _int(g["d1"])), _iso(y2, m2, d2)
        return _Found("range", start, end, explicit_year=bool(g["y2"]))
    if name in ("range_y", "range_y2"):
        y1, y2 = int(g["y1"]), int(g["y2"])
        return _Found("range", _iso(y1), _iso(y2), explicit_year=True) if y1 < y2 else None
    if name == "range_m":
        m1, m2 = month_of("m1"), month_of("m2")
        y2 = int(g["y"]) if g["y"] else (year_hint or _year_for(m2, None, pub, None))
        y1 = None if y2 is None else y2 - (m1 > m2)
        return _Found("range", _iso(y1, m1), _iso(y2, m2), explicit_year=bool(g["y"]))
    if name == "weekday":
        value = _weekday(int(_lookup(weekdays, g["wd"])), pub, _mod(g["mod"], d), bool(g["ce"]),
                         tense)
        return _Found("weekday", value)
    if name == "my":
        year = int(g["y"]) if g["y"] else _year2(g["yy"], pub)
        return _Found("absolute", _iso(year, month_of("m")), explicit_year=True)
    if name == "month":
        month = month_of("m")
        year = year_hint if year_hint and not g["mod"] else _year_for(month, None, pub,
                                                                      _mod(g["mod"], d))
        return _Found("absolute", _iso(year, month))
    if name in ("year", "year2"):
        year = int(g["y"]) if name == "year" else _year2(g["yy"], pub)
        return _Found("absolute", _iso(year), explicit_year=True)
    if name == "decade":
        return _Found("absolute")
    if name == "holiday":
        return _holiday(g, pub, d)
    if name == "amount":
        return _amount(g, pub, d)
    return _phrases(name, g["p"], pub, d)


def _safe(name: str, m: re.Match[str], pub: Published | None, tense: str | None,
          year_hint: int | None) -> _Found | None:
    """:func:`_evaluate`, with dates off the calendar (year 0, 10000) giving no value."""
    try:
        return _evaluate(name, m, pub, tense, year_hint)
    except (ValueError, OverflowError):
        return _Found("relative" if name in ("day_offsets", "weeks") else "absolute")


def _holiday(g: dict[str, Any], pub: Published | None, d: dict[str, Any]) -> _Found:
    rule = str(_lookup(d["holidays"], g["h"]))

    def on(year: int) -> date:
        if rule.startswith("E"):
            return _easter(year) + timedelta(days=int(rule[1:]))
        return date(year, int(rule[:2]), int(rule[3:]))

    if g["y"]:
        return _Found("absolute", on(int(g["y"])).isoformat(), explicit_year=True)
    if pub is None:
        return _Found("absolute")
    guess = on(pub[0])
    year = _year_for(guess.month, guess.day, pub, None)
    return _Found("absolute", None if year is None else on(year).isoformat())


def _amount(g: dict[str, Any], pub: Published | None, d: dict[str, Any]) -> _Found:
    count = parse_number(g["n"].replace(",", ".") if g["n"][0].isdigit() else g["n"])
    unit = str(_lookup(d["time_units"], g["u"]))
    if count is None:
        return _Found("duration")
    n = int(count) if count == int(count) else count
    if g["later"]:
        days = {"D": 1, "W": 7, "TH": 0, "TM": 0, "TS": 0}.get(unit)
        late = g["later"].split()[-1].lower()
        sign = -1 if late in ("tôt", "auparavant") else 1
        return _Found("anaphoric", offset_days=None if days is None else sign * days * int(n))
    if g["ilya"] or g["dans"]:
        sign = -1 if g["ilya"] else 1
        return _Found("relative", _offset(unit, sign * int(n), pub))
    scale = {"DE": 10, "CE": 100}.get(unit, 1)
    iso = (f"PT{n}{unit[1]}" if unit.startswith("T")
           else f"P{n * scale}{'Y' if scale > 1 else unit}")
    return _Found("duration", duration=iso)


def _offset(unit: str, n: int, pub: Published | None) -> str | None:
    if pub is None:
        return None
    today = _day(pub)
    if unit == "Y":
        return _iso(pub[0] + n)
    if unit == "M":
        return _iso(*_shift_month(pub[0], pub[1], n)) if pub[1] else None
    if today is None:
        return None
    if unit == "W":
        when = today + timedelta(days=7 * n)
        return _iso(when.year, when.month)
    if unit == "D":
        return (today + timedelta(days=n)).isoformat()
    return today.isoformat() if unit.startswith("T") else None


def _phrases(name: str, phrase: str, pub: Published | None, d: dict[str, Any]) -> _Found:
    if name in ("now", "now_here"):
        return _Found("relative", _canonical(pub))
    offset = _lookup(d[name], phrase)
    if name == "anaphoric":
        return _Found("anaphoric", offset_days=offset)
    if name == "day_offsets":
        if offset == 0:
            return _Found("relative", _canonical(pub))
        today = _day(pub)
        return _Found("relative", (today + timedelta(days=offset)).isoformat() if today else None)
    if name == "weeks":
        today = _day(pub)
        if today is None:
            return _Found("relative")
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
        return _Found("relative", _iso(monday.year, monday.month))
    if name == "months_relative":
        if pub is None or pub[1] is None:
            return _Found("relative")
        return _Found("relative", _iso(*_shift_month(pub[0], pub[1], offset)))
    return _Found("relative", _iso(pub[0] + offset) if pub else None)


# ----------------------------------------------------------------------------- scanning

def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    _, res = _vocab()
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in res.items():
        if name in ("future", "past", "sentence"):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            if name == "year" and not m.group("pre") and not looks_like_year(
                    text, m.start("y"), m.end("y")):
                continue
            word = m.group("m" if name == "month" else "wd") if name in ("month", "weekday") else ""
            if word[:1].isupper() and word[1:].islower() and m.start() > 0 \
                    and not re.search(r"[.!?\n–—-]\s*$", text[max(0, m.start() - 3):m.start()]):
                continue  # "Mars" the planet, "Vendredi ou la Vie sauvage"
            if name == "amount" and m.group("dans") and re.match(r"\s+d(?:e|['’])", text[m.end():]):
                continue
            found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for cand in found:
        if not chosen or cand[0] >= chosen[-1][1]:
            chosen.append(cand)
    return chosen


def _tense(text: str, start: int, end: int, bounds: tuple[int, int]) -> str | None:
    """"future" or "past": the tense marker of the sentence nearest to ``text[start:end]``."""
    d, res = _vocab()
    sentence = text[bounds[0]:bounds[1]].lower()
    best: tuple[int, str] | None = None
    for tense in ("future", "past"):
        stop = d["future_stop"] if tense == "future" else d["past_stop"]
        for m in res[tense].finditer(sentence):
            if m.group().strip() in stop or start <= bounds[0] + m.start() < end:
                continue
            distance = min(abs(bounds[0] + m.start() - end), abs(start - bounds[0] - m.end()))
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def _sentences(text: str) -> list[tuple[int, int]]:
    _, res = _vocab()
    cuts = [0] + [m.end() for m in res["sentence"].finditer(text)] + [len(text)]
    return [(a, b) for a, b in pairwise(cuts) if b > a] or [(0, len(text))]


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """The date expressions of ``text``, resolved against the article date ``published``."""
    pub = parse_published(published)
    d, _ = _vocab()
    sentences = _sentences(text)
    mentions: list[DateMention] = []
    hint: tuple[int, int] | None = None  # (sentence index, year) of the last year written
    for start, end, name, m in _candidates(text):
        index = next((k for k, (a, b) in enumerate(sentences) if a <= start < b), 0)
        tense = _tense(text, start, end, sentences[index]) if name == "weekday" else None
        year_hint = hint[1] if hint and hint[0] == index else None
        found = _safe(name, m, pub, tense, year_hint)
        if found is None:
            continue
        if found.value and (found.explicit_year or found.kind == "relative"):
            hint = (index, int(found.value[:4]))
        mentions.append(DateMention(start, end, found.value, found.kind, found.end_value,
                                    found.duration, found.offset_days, text[start:end],
                                    found.explicit_year))
    return _anchor_weekdays(mentions, pub, d)


@lru_cache(maxsize=1)
def _weekday_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A weekday followed by its date; a bare weekday; a weekday's past or future modifier."""
    d, _ = _vocab()
    days = _alt(d["weekdays"])
    return (
        re.compile(rf"(?:(?:le|ce|du|au)\s+)?({days})\s+\d", re.IGNORECASE),
        re.compile(rf"({days})(?:\s+\S+)?", re.IGNORECASE),
        re.compile(_alt(d["past_modifiers"] + d["future_modifiers"]), re.IGNORECASE),
    )


def _anchor_weekdays(mentions: list[DateMention], pub: Published | None,
                     d: dict[str, Any]) -> list[DateMention]:
    """A bare weekday takes the date of the same weekday written with its date in the text."""
    today = _day(pub)
    if today is None:
        return mentions
    with_date, bare, modified = _weekday_patterns()
    dated: dict[int, date] = {}
    for mention in mentions:
        wd = with_date.match(mention.text)
        if wd and mention.kind == "absolute" and mention.value and len(mention.value) == 10:
            when = date.fromisoformat(mention.value)
            if abs((when - today).days) <= 7:
                dated[when.weekday()] = when
    out = []
    for mention in mentions:
        plain = bare.fullmatch(mention.text)
        if mention.kind == "weekday" and plain and not modified.search(mention.text):
            target = int(_lookup(d["weekdays"], plain.group(1)))
            if target in dated:
                mention = replace(mention, value=dated[target].isoformat())
        out.append(mention)
    return out


def inherit_anaphora(mentions: list[DateMention]) -> list[DateMention]:
    """Give each anaphoric mention the date of the closest day-precision date before it
    (plus ``offset_days``); mentions with nothing to inherit keep ``None``."""
    out: list[DateMention] = []
    last: date | None = None
    for mention in mentions:
        if mention.kind == "anaphoric" and last is not None and mention.offset_days is not None \
                and date.min + timedelta(days=3) < last < date.max - timedelta(days=3):
            mention = replace(mention, value=(last + timedelta(days=mention.offset_days)).isoformat())
        if mention.value and len(mention.value) == 10 and mention.kind != "duration":
            last = date.fromisoformat(mention.value)
        out.append(mention)
    return out


def resolve(expression: str, published: str | None, *, tense: str | None = None) -> str | None:
    """The ISO value of one date expression ("le 10 janvier", "hier", "mardi", "97").

    A bare number is read as a date: 1 to 31 is a day of the article's month ("du 19 au ..."),
    two other digits a year ("en 97"), four digits a year. ``tense`` ("past" | "future") picks
    the direction of a bare weekday. Anaphoric expressions give ``None``.
    """
    pub = parse_published(published)
    bare = re.fullmatch(r"\s*(?:(?:le|en|l['’]an)\s+)?'?(\d{1,4})\s*", expression, re.IGNORECASE)
    if bare:
        digits = bare.group(1)
        if len(digits) == 4:
            return _iso(int(digits))
        if len(digits) == 2 and int(digits) > 31:
            return _iso(_year2(digits, pub))
        return _iso(pub[0], pub[1], int(digits)) if pub and pub[1] else None
    best: _Found | None = None
    best_len = -1
    for start, end, name, m in _candidates(expression):
        found = _safe(name, m, pub, tense, None)
        if found is not None and end - start > best_len:
            best, best_len = found, end - start
    return best.value if best else None
