"""French number expressions: "plus de 100 pays", "1,2 million", "une centaine", "entre 60 et 90".

:func:`find_numbers` returns every number expression of a text, in order, as a
:class:`NumberMention`: value, qualifier, ``kind``, ``measure`` (cardinal | money | percent, also
for range ends) and whether it may be a CLAIM of the gold format (``is_claim_candidate``).
Numbers that are not claims are returned too, with a ``kind`` saying what they are::

    cardinal        "162 organismes", "quatre kilomètres", "des centaines de manifestants"
    money           "432 millions d'euros", "2 milliards de dollars", "10 $"
    percent         "8%", "20 % du budget", "8 pour cent"
    range_low/high  the ends of "entre 60 et 90", "30 à 50 milliards", "trois ou quatre lots"
    date | year     "le 10 janvier", "du 25 au 27 janvier", "2021-12" | "en 2014", "octobre 98"
    time            "14h30", "09 h 53", "à 10 heures"
    duration | age  "cinq ans", "sept minutes plus tard" | "âgé de 45 ans", "X, 45 ans,"
    ordinal         "13e Congrès", "1er", "premier", "deuxième", "XIXe siècle"
    code            "Boeing 737 et 777", "CO 2", "article 5", "numéro deux", "5/6", "30-19"
    frequency       "trois fois", "à deux reprises"

Codes glued to letters ("A320", "F-16", "G20", "COVID-19") and "un"/"une" alone (articles) are
not returned at all. A number after a definite determiner ("les deux parties", "ces douze
personnalités") is a designation: it keeps its kind but is not a claim candidate.

Qualifiers: ``exact``, ``more_than`` ("plus de", "dépasser les", "des centaines de"),
``less_than`` ("moins de", "jusqu'à"), ``about`` ("environ", "près de", "une centaine"),
``at_least`` ("au moins", "pas moins de"). A range gives two mentions with one span: the low end
``at_least``, the high end ``less_than``; a multiplier, currency or percent written once applies
to both ends ("30 à 50 milliards de dollars" is 30e9 and 50e9 dollars).

Offsets: ``start``/``end`` cover the whole expression (qualifier, number, multiplier and, for
money and percent, the currency or percent sign); ``num_start``/``num_end`` the number itself
("une centaine" and "des milliers" are numbers). ``unit_start`` is where the counted noun phrase
begins: the next word, after "de"/"d'" following a multiplier or "centaine"; the currency word
for money; the percent sign for percent; ``end`` when no word follows. Where the unit ends is
left to the caller (it needs the parse). Vocabularies: ``data/fr/numbers.json`` (months and time
units from ``data/fr/dates.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

__all__ = ["CLAIM_KINDS", "NumberMention", "claim_numbers", "find_numbers", "looks_like_year",
           "ordinal_suffix", "parse_number"]

CLAIM_KINDS = frozenset({"cardinal", "money", "percent", "range_low", "range_high"})
"""Kinds that can be claims (when not a designation)."""

_SP = "[ \u00a0\u202f]"
_L = r"[^\W\d_]"  # a letter
_APOS = "['’]"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number expression: offsets into the text, value and what it is (see module doc)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    qualifier: str  # exact | more_than | less_than | about | at_least
    kind: str  # cardinal | money | percent | range_low | range_high | date | year | ...
    measure: str  # cardinal | money | percent: what the number counts (range ends too)
    currency: str | None
    unit_start: int
    is_claim_candidate: bool
    text: str


@dataclass(slots=True)
class _Draft:
    """A mention under construction (local to one :func:`find_numbers` call)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: Decimal
    source: str  # digits | words | approx | fixed (ordinal words, roman numerals, 2021-12)
    qualifier: str = "exact"
    kind: str = "cardinal"
    measure: str = "cardinal"
    currency: str | None = None
    scale: Decimal = Decimal(1)
    unit_start: int | None = None
    designated: bool = False
    explicit: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Vocab:
    units: dict[str, int]
    tens: dict[str, int]
    hundreds: frozenset[str]
    thousands: frozenset[str]
    multipliers: dict[str, int]
    approx: dict[str, int]
    vague_big: dict[str, int]
    vague_dets: frozenset[str]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    qualifiers: tuple[str, ...]
    function_words: frozenset[str]
    ordinal_words: dict[str, int]
    unit_suffixes: frozenset[str]
    time_preps: frozenset[str]
    res: dict[str, re.Pattern[str]]


def _alt(words: Any) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _phrase(pattern: str) -> str:
    """A data phrase as a left-context regex: spaces match whitespace, a final "de" also "d'"."""
    pattern = pattern.replace(" ", r"\s+")
    if pattern.endswith(r"\s+de"):
        return pattern[: -len(r"\s+de")] + rf"\s+(?:de\s+|d{_APOS}\s*)"
    return pattern + r"\s+"


def _load(name: str) -> dict[str, Any]:
    path = resources.files("accord") / "data" / "fr" / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = _load("numbers.json")
    dates = _load("dates.json")
    units, tens = data["units"], data["tens"]
    words = [*units, *tens, *data["hundreds"], *data["thousands"]]
    tok = f"(?:{_alt(words)})"
    join = (rf"(?:-(?:et-)?{tok}|\s+et\s+(?:un|une|onze)|\s+(?:cents?|mille)(?![\w-])"
            rf"|(?<=cent)\s+{tok}|(?<=cents)\s+{tok}|(?<=mille)\s+{tok})")
    months = _alt(dates["months"])
    mult = _alt(data["multipliers"])
    approx = _alt(data["approx_nouns"])
    big = _alt(data["vague_big_nouns"])
    i = re.IGNORECASE
    res = {
        "digits": re.compile(rf"(?<![\w.,])(?<!{_L}-)(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)"
                             rf"|\d{{1,3}}(?:\.\d{{3}})+(?![\d])|\d+)(?:,\d+|\.\d+)?"),
        "words": re.compile(rf"(?<![\w-]){tok}{join}*(?![\w-])", i),
        "approx": re.compile(
            rf"(?<![\w-])(?:(?P<det>{_alt(data['vague_determiners'])}|une?|{tok}(?:{join})*|\d+)\s+)?"
            rf"(?P<noun>{approx})(?P<pl>s?)(?:\s+(?:de\s+|d{_APOS})(?P<mul>milliers|millions|milliards))?"
            rf"(?![\w-])|(?<![\w-])(?P<vdet>{_alt(data['vague_determiners'])})\s+(?P<big>{big})s(?![\w-])",
            i),
        "ordinal": re.compile(rf"(?<![\w-])(?:{_alt(data['ordinal_words'])}|[\w-]+ièmes?)(?![\w-])", i),
        "numeric_date": re.compile(r"(?<![\d.,/-])(?:\d{4}-[01]\d(?:-[0-3]\d)?|\d{1,2}/\d{1,2}/\d{2,4})"
                                   r"(?![\d/-])"),
        "ratio": re.compile(r"(?<![\d.,/-])\d+/\d+(?![\d/])"),
        "spaced_ordinal": re.compile(r" (?:e|er|re|ème|eme|è)(?![\w-])"),
        "minutes": re.compile(r"\s+[0-5]\d(?![\d,.])"),
        "roman": re.compile(r"(?<![\w-])(?!C[ée]|L[ée])([IVXLC]{1,7})(?:e|er|ème|è)(?![\w-])"),
        "multiplier": re.compile(rf"{_SP}*(?:{mult})(?![\w-])", i),
        "percent": re.compile(rf"{_SP}*(?:{data['percent']})(?!\w)", i),
        "after_scale": re.compile(rf"\s+(?:de\s+|d{_APOS}\s*)"),
        "date": re.compile(rf"(?:er|re)?(?:\s*(?:au|et|ou|à|-|–|,)\s*(?:le\s+)?\d{{1,2}}(?:er|re)?)*"
                           rf"\s+(?:{months})(?!\w)", i),
        "month_before": re.compile(rf"(?:{months})\s+$", i),
        "decade_before": re.compile(r"(?:années|an)\s+$", i),
        "attached": re.compile(rf"{_L}+"),
        "ord_suffix": re.compile(data["ordinal_suffix"], i),
        "clock": re.compile(r"\s?h(?:\s?\d{2})?(?![^\W\d_])|:\d{2}(?!\d)", i),
        "duration": re.compile(rf"\s+(?:(?:de\s+|d{_APOS}))?(?:(?:{_alt(dates['duration_modifiers'])})\s+)?"
                               rf"(?P<u>{_alt(dates['time_units'])})(?![\w-])", i),
        "frequency": re.compile(rf"\s+(?:{_alt(data['frequency_nouns'])})(?![\w-])", i),
        "label": re.compile(rf"(?<![\w-])(?:{_alt(data['code_labels'])})\s*$", i),
        "designator": re.compile(rf"(?<![\w-])(?:{_alt(data['designators'])})\s+$", i),
        "age_noun": re.compile(rf"(?<![\w-])(?:{_alt(data['age_nouns'])})\s+(?:âgée?s?\s+)?de\s+$", i),
        "prev_word": re.compile(rf"({_L}[\w'’.]*)\s+$"),
        "prev_any": re.compile(r"(\S+)\s+$"),
        "entre": re.compile(r"(?<![\w-])entre\s+$", i),
        "currency_before": re.compile(r"(?:US\s?\$|\$|€|£)\s*$"),
        "next_word": re.compile(rf"\s*({_L})"),
        "year_prefix": re.compile(rf"(?<![\w-])(?:{_alt(dates['year_prefixes'])})\s*$", i),
    }
    quals = tuple(f"(?P<q{n}>{_phrase(p)})" for n, (p, _) in enumerate(data["qualifiers"]))
    res["qualifier"] = re.compile(rf"(?<![\w-])(?:{'|'.join(quals)})$", i)
    currencies = tuple((re.compile(rf"(?:{pat})(?![\w])"), name)
                       for pat, name in data["currencies"].items())
    return _Vocab(
        units=units, tens=tens, hundreds=frozenset(data["hundreds"]),
        thousands=frozenset(data["thousands"]), multipliers=data["multipliers"],
        approx=data["approx_nouns"], vague_big=data["vague_big_nouns"],
        vague_dets=frozenset(data["vague_determiners"]), currencies=currencies,
        qualifiers=tuple(q for _, q in data["qualifiers"]),
        function_words=frozenset(data["function_words"]),
        ordinal_words=data["ordinal_words"], unit_suffixes=frozenset(data["unit_suffixes"]),
        time_preps=frozenset(data["time_prepositions"]), res=res)


# ----------------------------------------------------------------------------- parsing values

def _digits_value(raw: str) -> Decimal | None:
    raw = re.sub(_SP, "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw.replace(",", "."))
    except InvalidOperation:
        return None


def _words_value(raw: str, v: _Vocab) -> Decimal | None:
    total, current = 0, 0
    for token in re.split(r"[-\s]+", raw.lower()):
        if token in ("", "et"):
            continue
        if token in v.units:
            current += v.units[token]
        elif token in v.tens:
            current += 76 if token.startswith("vingt") and current % 100 == 4 else v.tens[token]
        elif token in v.hundreds:
            current = (current or 1) * 100
        elif token in v.thousands:
            total, current = total + (current or 1) * 1000, 0
        else:
            return None
    return Decimal(total + current)


def parse_number(text: str) -> float | None:
    """The value of one number expression ("1 000", "1,2 million", "quatre-vingt-dix"), or None."""
    v = _vocab()
    text = text.strip()
    m = re.fullmatch(rf"(.+?)(?:{_SP}+({_alt(v.multipliers)}))?", text, re.IGNORECASE)
    if m is None:
        return None
    core, mult = m.group(1), m.group(2)
    value = (_digits_value(core) if re.fullmatch(rf"[\d{_SP[1:-1]}.,]+", core)
             else _words_value(core, v))
    if value is None:
        return None
    if mult:
        value *= v.multipliers[mult.lower()]
    return float(value)


def _int_prefix(text: str) -> int:
    found = re.match(r"\d+", text)
    return int(found.group()) if found else 0


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _ordinal_value(word: str, v: _Vocab) -> Decimal:
    lower = word.lower()
    if lower in v.ordinal_words:
        return Decimal(v.ordinal_words[lower])
    stem = re.sub(r"ièmes?$", "", lower)
    stem = {"cinqu": "cinq", "neuv": "neuf", "un": "un"}.get(stem, stem)
    for candidate in (stem, stem + "e", stem + "s"):
        value = _words_value(candidate, v)
        if value is not None:
            return value
    return Decimal(0)


def ordinal_suffix(word: str) -> bool:
    """Whether ``word`` is an ordinal ending of numbers.json ("e", "er", "ème", "nde"...)."""
    return _vocab().res["ord_suffix"].fullmatch(word) is not None


def looks_like_year(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` reads as a year ("en 2014", "1958,", "2013 a").

    A 4-digit number from 1000 to 2099, written without separators, is a year after a temporal
    word ("en", "depuis", "fin", a month name) or when no content word follows it ("2344 pages"
    and "1500 soldats" are counts).
    """
    v = _vocab()
    raw = text[start:end]
    if not re.fullmatch(r"(?:1\d|20)\d\d", raw):
        return False
    before = text[max(0, start - 30):start]
    if v.res["year_prefix"].search(before) or v.res["month_before"].search(before):
        return True
    nxt = re.match(rf"\s*({_L}[\w'’-]*)", text[end:end + 40])
    return nxt is None or nxt.group(1).lower().split("'")[0].split("’")[0] in v.function_words


# ----------------------------------------------------------------------------- scanning

def _cores(text: str, v: _Vocab) -> list[_Draft]:
    found: list[_Draft] = []
    for m in v.res["digits"].finditer(text):
        value = _digits_value(m.group())
        if value is not None:
            found.append(_Draft(m.start(), m.end(), m.start(), m.end(), value, "digits"))
    for m in v.res["words"].finditer(text):
        value = _words_value(m.group(), v)
        if value is not None:
            found.append(_Draft(m.start(), m.end(), m.start(), m.end(), value, "words"))
    for m in v.res["approx"].finditer(text):
        found.append(_approx(m, v))
    for m in v.res["ordinal"].finditer(text):
        found.append(_Draft(m.start(), m.end(), m.start(), m.end(), _ordinal_value(m.group(), v),
                            "fixed", kind="ordinal"))
    for m in v.res["roman"].finditer(text):
        found.append(_Draft(m.start(), m.end(), m.start(), m.end(), Decimal(_roman(m.group(1))),
                            "fixed", kind="ordinal"))
    for m in v.res["ratio"].finditer(text):
        found.append(_Draft(m.start(), m.end(), m.start(), m.end(), Decimal(_int_prefix(m.group())),
                            "fixed", kind="code"))
    for m in v.res["numeric_date"].finditer(text):
        found.append(_Draft(m.start(), m.end(), m.start(), m.end(), Decimal(_int_prefix(m.group())),
                            "fixed", kind="date"))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[_Draft] = []
    for draft in found:
        if not chosen or draft.start >= chosen[-1].end:
            chosen.append(draft)
    return chosen


def _approx(m: re.Match[str], v: _Vocab) -> _Draft:
    if m.group("big"):
        value = Decimal(v.vague_big[m.group("big").lower()])
        return _Draft(m.start(), m.end(), m.start(), m.end(), value, "approx",
                      qualifier="more_than", scale=value)
    det = (m.group("det") or "").lower()
    value = Decimal(v.approx[m.group("noun").lower()])
    qualifier = "about"
    if det in v.vague_dets or (not det and m.group("pl")):
        qualifier = "more_than"
    elif det and det not in ("un", "une"):
        factor = _digits_value(det) if det.isdigit() else _words_value(det, v)
        value *= factor or 1
    if m.group("mul"):
        value *= v.multipliers[m.group("mul").lower()]
    return _Draft(m.start(), m.end(), m.start(), m.end(), value, "approx", qualifier=qualifier)


def _classify_digits(text: str, d: _Draft, v: _Vocab) -> bool:
    """Kinds decided by what is glued to the digits or by a date; True when decided."""
    res, pos = v.res, d.end
    if d.value == d.value.to_integral() and 1 <= d.value <= 31 and res["date"].match(text, pos):
        d.kind = "date"
        return True
    glued = res["attached"].match(text, pos)
    if glued:
        suffix = glued.group()
        clock = res["clock"].match(text, pos)
        if res["ord_suffix"].fullmatch(suffix):
            d.kind, d.end = "ordinal", glued.end()
        elif clock:
            d.kind, d.end = "time", clock.end()
        elif suffix.lower() in v.unit_suffixes:
            d.unit_start = pos
        else:
            d.kind, d.end = "code", glued.end()
        return d.kind != "cardinal"
    clock = res["clock"].match(text, pos)
    if clock:
        d.kind, d.end = "time", clock.end()
        return True
    spaced = res["spaced_ordinal"].match(text, pos)
    if spaced:
        d.kind, d.end = "ordinal", spaced.end()
        return True
    before = text[max(0, d.start - 30):d.start]
    if looks_like_year(text, d.start, d.end) or (
            re.fullmatch(r"\d{2}", text[d.start:d.end])
            and (res["month_before"].search(before) or res["decade_before"].search(before))):
        d.kind = "year"
        return True
    return False


def _extend(text: str, d: _Draft, v: _Vocab) -> _Draft | None:
    res = v.res
    if d.source == "digits" and _classify_digits(text, d, v):
        return d
    if d.source == "fixed":
        return d
    m = res["multiplier"].match(text, d.end)
    if m and d.source != "approx" and not (d.source == "words" and m.group().strip() == "mille"):
        d.scale = Decimal(v.multipliers[m.group().strip().lower()])
        d.value *= d.scale
        d.end = d.num_end = m.end()
    if d.source == "words" and text[d.start:d.end].lower() in ("un", "une"):
        return None
    if d.source == "words" and text[d.start:d.end].lower() == "neuf" and not re.match(
            rf"\s+{_L}", text[d.end:]):
        return None
    _measure(text, d, v)
    before = text[max(0, d.start - 60):d.start]
    if d.measure == "cardinal":
        _non_claim_kind(text, d, v, before)
    if d.kind == "cardinal" and d.source != "approx":
        word = res["prev_word"].search(before)
        if res["label"].search(before) or (
                word and word.group(1)[0].isupper() and word.group(1).lower() not in v.function_words
                and not res["month_before"].search(before)):
            d.kind = "code"
    if res["designator"].search(before):
        d.designated = True
    q = res["qualifier"].search(before)
    if q:
        index = int(next(k for k, val in q.groupdict().items() if val is not None)[1:])
        d.qualifier = v.qualifiers[index]
        d.start = max(0, d.start - (len(before) - q.start()))
        d.explicit.add("qualifier")
        d.designated = False
    if d.measure == "cardinal" and d.unit_start is None:
        pos = d.end
        if d.scale != 1 or d.source == "approx":
            after = res["after_scale"].match(text, pos)
            pos = after.end() if after else pos
        nxt = res["next_word"].match(text, pos)
        d.unit_start = nxt.start(1) if nxt else pos
    return d


def _measure(text: str, d: _Draft, v: _Vocab) -> None:
    """Percent or money: a percent sign, a currency after the number, or a symbol before it."""
    res = v.res
    m = res["percent"].match(text, d.end)
    if m:
        d.measure, d.unit_start = "percent", d.end + len(m.group()) - len(m.group().lstrip())
        d.end = m.end()
        return
    pos = d.end
    spaced = re.match(rf"{_SP}*", text[pos:])
    pos += spaced.end() if spaced else 0
    if d.scale != 1 or d.source == "approx":
        after = re.match(rf"(?:de\s+|d{_APOS}\s*)", text[pos:], re.IGNORECASE)
        pos += after.end() if after else 0
    for pattern, name in v.currencies:
        m = pattern.match(text, pos)
        if m and m.end() > pos:
            d.measure, d.currency, d.unit_start, d.end = "money", name, pos, m.end()
            return
    sym = res["currency_before"].search(text[max(0, d.start - 6):d.start])
    if sym:
        name = "euros" if "€" in sym.group() else "livres" if "£" in sym.group() else "dollars"
        d.measure, d.currency = "money", name
        d.start -= len(sym.group())


def _non_claim_kind(text: str, d: _Draft, v: _Vocab, before: str) -> None:
    res = v.res
    m = res["duration"].match(text, d.end)
    if m:
        unit = m.group("u").lower()
        after = text[m.end():m.end() + 3]
        prev = res["prev_any"].search(before)
        if unit.startswith("heure") and prev and prev.group(1).lower() in v.time_preps:
            d.kind = "time"
            minutes = res["minutes"].match(text, m.end())
            if minutes:
                d.end = minutes.end()
                return
        elif unit in ("an", "ans") and ("âg" in before[-30:].lower() or res["age_noun"].search(before)
                                        or (re.search(r"[,(]\s*$", before)
                                            and re.match(r"\s*[,)]", after))):
            d.kind = "age"
        else:
            d.kind = "duration"
        d.end = m.end()
    elif res["frequency"].match(text, d.end):
        d.kind = "frequency"


def _ranges(text: str, drafts: list[_Draft], v: _Vocab) -> None:
    """Pair "A à B", "entre A et B", "A ou B": B's scale, currency and percent apply to A."""
    for a, b in pairwise(drafts):
        between = text[a.end:b.start]
        offset = max(0, a.start - 10)
        entre = v.res["entre"].search(text[offset:a.start])
        if not (re.fullmatch(r"\s*(?:à|-|–|ou)\s*", between, re.IGNORECASE)
                or (entre and re.fullmatch(r"\s*et\s*", between, re.IGNORECASE))):
            continue
        if a.kind != "cardinal" or a.measure not in ("cardinal", b.measure):
            continue
        if b.kind != "cardinal":
            if b.kind in ("duration", "age", "time", "date", "year") and a.measure == "cardinal":
                a.kind = b.kind
            continue
        low = a.value * b.scale if a.scale == 1 and a.measure == "cardinal" else a.value
        if low >= b.value:
            if between == "-" and a.source == b.source == "digits":
                a.kind = b.kind = "code"  # a score "30-19"
            continue
        a.value, a.measure, a.currency, a.unit_start = low, b.measure, b.currency, b.unit_start
        a.kind, b.kind = "range_low", "range_high"
        if "qualifier" not in a.explicit:
            a.qualifier = "at_least"
        b.qualifier = "less_than"
        a.start = b.start = offset + entre.start() if entre else a.start
        a.end = b.end


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression of ``text`` in order (see the module doc for kinds and offsets)."""
    v = _vocab()
    drafts: list[_Draft] = []
    for core in _cores(text, v):
        if drafts and core.start < drafts[-1].end:
            continue
        draft = _extend(text, core, v)
        if draft is not None:
            if drafts and drafts[-1].kind == "code" and draft.source == "digits" and \
                    draft.kind == "cardinal" and re.fullmatch(r"\s*(?:et|ou|,|/)\s*",
                                                             text[drafts[-1].end:draft.start]):
                draft.kind = "code"
            drafts.append(draft)
    _ranges(text, drafts, v)
    for d in drafts:
        if d.kind == "cardinal" and d.measure != "cardinal":
            d.kind = d.measure
    return [NumberMention(
        start=d.start, end=d.end, num_start=d.num_start, num_end=d.num_end, value=float(d.value),
        qualifier=d.qualifier, kind=d.kind, measure=d.measure, currency=d.currency,
        unit_start=d.end if d.unit_start is None else d.unit_start,
        is_claim_candidate=d.kind in CLAIM_KINDS and not d.designated,
        text=text[d.start:d.end]) for d in drafts]


def claim_numbers(text: str) -> list[NumberMention]:
    """The mentions of :func:`find_numbers` that may be claims (``is_claim_candidate``)."""
    return [m for m in find_numbers(text) if m.is_claim_candidate]
