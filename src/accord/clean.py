"""Clean the raw text of one article: the CLEAN stage.

Pure functions on strings, no I/O. :func:`clean_text` takes the raw text of an article in one
of three formats and returns a :class:`Cleaned` value:

``seed``      VNA dispatches: a header line `` date YYYY-MM[-DD]`` (possibly followed by a photo
              caption), paragraphs, a dateline ``Hanoï (VNA) -``, an agency trailer ``-VNA``.
``wikinews``  title line, blank line, dateline line ``24 janvier 2016 . –``, body.
``plain``     anything else.

Whatever the format, the cleaned text drops photo-caption paragraphs (``... Photo: VNA``,
``(Photo: AFP)``), an agency dateline (``Paris (AFP) -``) at the start of the body and an agency
trailer (``-VNA``, ``(AFP)``) at its very end, and joins the remaining paragraphs with one blank
line. Inside a paragraph nothing is changed (no quote or space normalisation), so the cleaned
text is made of slices of the raw text and :attr:`Cleaned.segments` maps it back exactly.

:func:`sniff_format` guesses the format; :func:`normalize_date` turns the date strings found in
inputs (ISO dates and datetimes, French dates, RFC 2822) into ``YYYY[-MM[-DD]]``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate

from accord.dates import month_numbers

__all__ = ["FORMATS", "Cleaned", "Segment", "clean_text", "normalize_date", "sniff_format"]

FORMATS = ("seed", "wikinews", "plain")
"""The text formats :func:`clean_text` knows."""

Segment = tuple[int, int, int]
"""``(clean_start, raw_start, length)``: ``text[clean_start:+length] == raw[raw_start:+length]``."""

_SEPARATOR = "\n\n"
_Range = tuple[int, int]  # [start, end) in the raw text

_MONTHS: Mapping[str, int] = month_numbers()
_MONTH_RE = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
_FRENCH_DATE = re.compile(
    rf"(?<!\w)(?P<day>1er|\d{{1,2}})\s+(?P<month>{_MONTH_RE})\s+(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_SEED_HEADER = re.compile(
    r"\ufeff?[^\S\n]*date:?[^\S\n]+(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?(?:-(?P<day>\d{1,2}))?"
    r"(?![\d-])(?P<rest>[^\n]*)",
    re.IGNORECASE,
)
_HS = r"[^\S\n]"  # horizontal whitespace, including no-break spaces
_WIKINEWS_DATELINE = re.compile(
    rf"^{_HS}*(?P<day>1er|\d{{1,2}}){_HS}+(?P<month>{_MONTH_RE}){_HS}+(?P<year>\d{{4}})"
    rf"(?:{_HS}*,{_HS}*(?P<extra>[^\n]{{1,60}}?))?{_HS}*\.{_HS}*[–—-]{_HS}*",
    re.IGNORECASE | re.MULTILINE,
)
_CLOCK = re.compile(r"\d{1,2}\s*h\s*\d{0,2}|\d{1,2}:\d{2}|UTC|GMT", re.IGNORECASE)
_AGENCY = r"[A-Z][A-Za-z0-9+&./-]{0,15}(?: [A-Z][A-Za-z0-9+&./-]{0,15}){0,2}"
_AGENCY_DATELINE = re.compile(
    rf"(?P<place>[A-ZÀ-ÖØ-Þ][^\n()]{{0,60}}?)\s*\((?P<agency>{_AGENCY})\)\s*[-–—]+\s*"
)
_KNOWN_AGENCIES = (
    "VNA|TTXVN|AFP|AP|Reuters|Xinhua|Kyodo|Yonhap|TASS|RIA|Interfax|Bernama|Antara|PTI|ANSA"
    "|EFE|dpa|DPA|UPI|APS|MAP|ATS|Belga|Sputnik|KCNA|CNA|PNA|Lusa"
)
_TRAILER = re.compile(  # "-VNA" after the last sentence, or "(VNA)" for a known agency
    rf"(?:(?<=[.…!?»\"”)\]'’])\s*|\s+|^)[-–—]+\s*(?P<a>[A-Z]{{2,8}}(?:/[A-Za-z+]{{1,12}})?"
    rf"|{_KNOWN_AGENCIES})\s*\Z|\s*\((?P<b>{_KNOWN_AGENCIES})\)\s*\Z",
    re.MULTILINE,
)
_CREDIT = re.compile(
    r"\(?(?:Photos?|PHOTOS?|Ảnh|Crédits?\s+photos?|Photo\s+credit)\s*:\s*"
    r"(?:[^\n:()!?….]|\.(?=\S)){1,60}\.?\)?\s*$"
)
_BLANK_RUN = re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)*")
_WIKINEWS_BOILERPLATE = re.compile(
    r"État\s+Vérifié\s*$|Page actualisée\s*:|Cet article mentionne la Fondation Wikimedia"
    r"|Fichier\s*:|Sur le même sujet\b"
)
_SNIFF_WINDOW = 4000  # a Wikinews dateline must start within this many characters


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text of one article and what cleaning took out of it."""

    text: str
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    title: str | None = None
    source: str | None = None  # news agency of the dateline or trailer ("VNA")
    dateline_place: str | None = None  # as written ("Hanoï")
    captions: tuple[str, ...] = ()  # photo captions removed, without their credit
    segments: tuple[Segment, ...] = ()
    warnings: tuple[str, ...] = ()  # what was ignored: an impossible header or dateline date

    def raw_offset(self, offset: int) -> int | None:
        """The raw-text offset of the cleaned-text ``offset``, or None inside a separator."""
        for clean_start, raw_start, length in self.segments:
            if clean_start <= offset < clean_start + length:
                return raw_start + offset - clean_start
        return None


def sniff_format(raw: str) -> str:
    """Guess the format of a raw text: ``"seed"``, ``"wikinews"`` or ``"plain"``."""
    if _seed_header(raw) is not None:
        return "seed"
    if _wikinews_dateline(raw) is not None:
        return "wikinews"
    return "plain"


def clean_text(raw: str, fmt: str) -> Cleaned:
    """Clean ``raw`` written in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown text format {fmt!r}; expected one of {', '.join(FORMATS)}")
    published: str | None = None
    title: _Range | None = None
    captions: list[str] = []
    body_start = 0
    prelude: list[_Range] = []  # Wikinews paragraphs between the title and the dateline
    header = _seed_header(raw) if fmt == "seed" else None
    dateline = _wikinews_dateline(raw) if fmt == "wikinews" else None
    place: str | None = None
    warnings: list[str] = []
    if header is not None:
        published = _iso(header.group("year"), header.group("month"), header.group("day"))
        if published is None:
            written = raw[header.start("year") : header.start("rest")]
            warnings.append(f"impossible date {written!r} in the header line ignored")
        caption = _caption_text(header.group("rest"))
        if caption:
            captions.append(caption)
        body_start = header.end()
    elif dateline is not None:
        published = _iso(
            dateline.group("year"), str(_MONTHS[dateline.group("month").lower()]),
            _day(dateline.group("day")),
        )  # fmt: skip
        if published is None:
            written = raw[dateline.start("day") : dateline.end("year")]
            warnings.append(f"impossible date {written!r} in the dateline ignored")
        extra = (dateline.group("extra") or "").strip()
        if extra and not _CLOCK.search(extra):
            place = extra
        before = _paragraphs(raw, 0, dateline.start())
        if before:
            title, prelude = before[0], _drop_wikinews_boilerplate(raw, before[1:])
        body_start = dateline.end()
    prelude = _drop_captions(raw, prelude, captions)
    body = _drop_captions(raw, _paragraphs(raw, body_start, len(raw)), captions)
    agency_place, agency, date_in_dateline = _cut_agency_dateline(raw, body)
    if place is None:
        place = agency_place
    if published is None:
        published = date_in_dateline
    trailer_agency = _cut_trailer(raw, body)
    pieces = ([title] if title else []) + prelude + [r for r in body if r[0] < r[1]]
    text, segments = _assemble(raw, pieces)
    return Cleaned(
        text=text,
        published=published,
        title=raw[title[0] : title[1]] if title else None,
        source=agency or trailer_agency,
        dateline_place=place,
        captions=tuple(captions),
        segments=segments,
        warnings=tuple(warnings),
    )


def normalize_date(value: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` for a date string, at its precision; else None.

    Accepts ISO dates and datetimes (``2024-01-10T08:00:00Z`` gives ``2024-01-10``),
    ``YYYY/MM/DD``, French dates (``1er mars 2016``) and RFC 2822 dates. An impossible date
    (``2021-13-45``) gives None.
    """
    value = value.strip()
    iso = re.fullmatch(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ].*)?", value)
    if iso:
        return _iso(iso.group(1), iso.group(2), iso.group(3))
    french = _FRENCH_DATE.search(value)
    if french:
        month = str(_MONTHS[french.group("month").lower()])
        return _iso(french.group("year"), month, _day(french.group("day")))
    parsed = parsedate(value)
    if parsed:
        return _iso(str(parsed[0]), str(parsed[1]), str(parsed[2]))
    return None


# --- helpers ------------------------------------------------------------------------------


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    """An ISO date at the given precision, or None if impossible."""
    y = int(year)
    if not 1 <= y <= 9999:
        return None
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _day(day: str) -> str:
    return "1" if day.lower() == "1er" else day


def _seed_header(raw: str) -> re.Match[str] | None:
    """The ``date YYYY-MM[-DD] ...`` header line, after leading blank lines."""
    start = len(raw) - len(raw.lstrip("\ufeff \t\r\n"))
    start = raw.rfind("\n", 0, start) + 1  # back to the start of the header's line
    return _SEED_HEADER.match(raw, start)


def _wikinews_dateline(raw: str) -> re.Match[str] | None:
    return _WIKINEWS_DATELINE.search(raw, 0, min(len(raw), _SNIFF_WINDOW))


def _strip(raw: str, start: int, end: int) -> _Range:
    while start < end and (raw[start].isspace() or raw[start] == "\ufeff"):
        start += 1
    while end > start and (raw[end - 1].isspace() or raw[end - 1] == "\ufeff"):
        end -= 1
    return start, end


def _paragraphs(raw: str, start: int, end: int) -> list[_Range]:
    """The non-empty paragraphs (separated by blank lines) of ``raw[start:end]``, stripped."""
    out: list[_Range] = []
    pos = start
    for blank in _BLANK_RUN.finditer(raw, start, end):
        out.append(_strip(raw, pos, blank.start()))
        pos = blank.end()
    out.append(_strip(raw, pos, end))
    return [r for r in out if r[0] < r[1]]


def _drop_wikinews_boilerplate(raw: str, paragraphs: list[_Range]) -> list[_Range]:
    """Drop Wikinews page furniture: review status, update notes, related-article lists."""
    kept: list[_Range] = []
    topic: str | None = None  # "Sur le même sujet TOPIC" announces a list of TOPIC links
    for start, end in paragraphs:
        text = raw[start:end]
        lines = text.splitlines()
        if topic and all(line.strip().startswith(topic) for line in lines):
            topic = None
            continue
        topic = None
        if _WIKINEWS_BOILERPLATE.match(text):
            if text.startswith("Sur le même sujet"):
                topic = text[len("Sur le même sujet") :].strip() or None
            continue
        kept.append((start, end))
    return kept


def _caption_text(text: str) -> str:
    """A caption without its credit (``Photo: VNA``), stripped."""
    credit = _CREDIT.search(text)
    return (text[: credit.start()] if credit else text).strip()


def _drop_captions(raw: str, paragraphs: list[_Range], captions: list[str]) -> list[_Range]:
    """The paragraphs that are not photo captions; caption texts are appended to ``captions``."""
    kept: list[_Range] = []
    for start, end in paragraphs:
        if _CREDIT.search(raw, start, end) is None:
            kept.append((start, end))
        elif caption := _caption_text(raw[start:end]):
            captions.append(caption)
    return kept


def _cut_agency_dateline(
    raw: str, paragraphs: list[_Range]
) -> tuple[str | None, str | None, str | None]:
    """Remove ``Place (AGENCY) -`` from one of the first body paragraphs, in place.

    Returns the place, the agency and a date written in the dateline (``Paris, 12 janvier
    2024 (AFP) -``).
    """
    for i in range(min(3, len(paragraphs))):
        start, end = paragraphs[i]
        match = _AGENCY_DATELINE.match(raw, start, end)
        if match is None:
            continue
        place_text = match.group("place").strip()
        place = place_text.split(",")[0].strip() or None
        date = _FRENCH_DATE.search(place_text)
        published = (
            _iso(date.group("year"), str(_MONTHS[date.group("month").lower()]),
                 _day(date.group("day")))
            if date else None
        )  # fmt: skip
        paragraphs[i] = _strip(raw, match.end(), end)
        return place, match.group("agency"), published
    return None, None, None


def _cut_trailer(raw: str, paragraphs: list[_Range]) -> str | None:
    """Remove an agency trailer (``-VNA``, ``(AFP)``) at the end of the last paragraph."""
    while paragraphs and paragraphs[-1][0] >= paragraphs[-1][1]:
        paragraphs.pop()
    if not paragraphs:
        return None
    start, end = paragraphs[-1]
    match = _TRAILER.search(raw, start, end)
    if match is None:
        return None
    paragraphs[-1] = _strip(raw, start, match.start())
    return match.group("a") or match.group("b")


def _assemble(raw: str, pieces: list[_Range]) -> tuple[str, tuple[Segment, ...]]:
    """Join raw slices with blank lines; one segment per slice."""
    parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for start, end in pieces:
        if parts:
            parts.append(_SEPARATOR)
            offset += len(_SEPARATOR)
        parts.append(raw[start:end])
        segments.append((offset, start, end - start))
        offset += end - start
    return "".join(parts), tuple(segments)
