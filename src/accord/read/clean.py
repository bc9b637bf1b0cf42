"""Clean the raw text of one article: the CLEAN stage.

Pure functions on strings, no I/O. :func:`clean_text` takes the raw text of an article in one
of three formats and returns a :class:`Cleaned` value:

``seed``      VNA dispatches: a header line `` date YYYY-MM[-DD]`` (the rest of the line is a
              photo caption, a headline or the lead), paragraphs, a dateline ``Hanoï (VNA) -``,
              an agency trailer ``-VNA``.
``wikinews``  title line, blank line, dateline line ``24 janvier 2016 . –``, body.
``plain``     anything else.

Whatever the format, the cleaned text drops photo captions (``... Photo: VNA``, ``(Photo: AFP)``,
a line that places people on the photo ``(droite)``, a line closed by a table bar ``|``, a VOV
marker ``ảnh 1`` and the line it announces), links to other articles (``>>``, ``Lire aussi``),
page furniture (``Chia sẻ``, ``back to top``, a time stamp, which dates an undated page), an
agency dateline (``Paris (AFP) -``, ``(VOVworld) -``) at the start of the body, an agency
trailer (``-VNA``, ``(AFP)``) at its end, and sentences that repeat an earlier one (a repeated lead); it joins the remaining
paragraphs with one blank line. A seed or plain text ends at a line closed by a trailer when a
headline or the site's footer follows (another article's teaser), and a short first line without
a sentence end is its headline: the title, which stays first in the text. Inside what is kept
nothing is changed (no quote or space normalisation), so the cleaned text is made of slices of
the raw text and :attr:`Cleaned.segments` maps it back exactly.

:func:`sniff_format` guesses the format; :func:`normalize_date` turns the date strings found in
inputs (ISO dates and datetimes, French dates, RFC 2822) into ``YYYY[-MM[-DD]]``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate

from accord.vocab.dates import month_numbers

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
_KNOWN_AGENCIES = (
    "VNA|TTXVN|AFP|AP|Reuters|Xinhua|Kyodo|Yonhap|TASS|RIA|Interfax|Bernama|Antara|PTI|ANSA"
    "|EFE|dpa|DPA|UPI|APS|MAP|ATS|Belga|Sputnik|KCNA|CNA|PNA|Lusa"
)
_PAGE_AGENCIES = (  # agencies and outlets that sign VNA-family pages
    rf"(?:{_KNOWN_AGENCIES}|AVI|CVN|VOV|VOVworld|VOVWORLD|NDEL|VI|VGP)"
)
_AGENCY_DATELINE = re.compile(  # "Hanoï (VNA) -", "Da Nang, 8 juillet (VNA) -", "(VOVworld) -",
    # "Nhân Dân en ligne -"
    rf"(?:(?P<place>[A-ZÀ-ÖØ-Þ](?:[^\n().:]|\.(?!\s)){{0,60}}?)\s*\((?P<agency>{_AGENCY})\)"
    rf"|\((?P<known>{_PAGE_AGENCIES})\)|(?P<outlet>[A-ZÀ-ÖØ-Þ][^\n().:,–—-]{{0,30}}?\sen\sligne))"
    rf"\s*[-–—]+\s*"
)
_CREDIT_BEFORE_DATELINE = re.compile(r"[^\n]{0,300}?\b(?:Photos?|PHOTOS?|Ảnh)\s*:\s*\S+\s+")
_LINE_TRAILER = re.compile(  # a line closed by "-VNA" after a sentence, or a line "VNA/CVN"
    rf"(?:(?<=[.…!?»\"”)\]'’])\s*[-–—]+\s*|\s[-–—]+\s*|^|(?<=\n))"
    rf"(?P<a>{_PAGE_AGENCIES}(?:/{_PAGE_AGENCIES})*)\s*$"
)
_TRAILER = re.compile(  # "-VNA" after the last sentence, or "(VNA)" for a known agency
    rf"(?:(?<=[.…!?»\"”)\]'’])\s*|\s+|^)[-–—]+\s*(?P<a>[A-Z]{{2,8}}(?:/[A-Za-z+]{{1,12}})?"
    rf"|{_KNOWN_AGENCIES})\s*\Z|\s*\((?P<b>{_KNOWN_AGENCIES})\)\s*\Z",
    re.MULTILINE,
)
_CREDIT = re.compile(
    r"\(?(?:Photos?|PHOTOS?|Ảnh|Crédits?\s+photos?|Photo\s+credit)\s*(?::|diffusée\s+par)\s*"
    r"(?:[^\n:()!?….|]|\.(?=\S)){1,60}\.?\)?\s*\|?\s*$"
)
_PHOTO_POSITION = re.compile(r"\((?:à |au )?(?:droite|gauche|centre)\)")  # "X (droite) et Y"
_PHOTO_MARKER = re.compile(r"[-–]?\s*\bảnh\s*\d+", re.IGNORECASE)  # "Titre - ảnh 1" (VOV pages)
_FURNITURE = re.compile(  # whole lines of page furniture and links to other articles
    r"(?:>>|»\s*Lire aussi|Lire aussi\b|Voir aussi\b|!\[).*"
    r"|(?:Chia sẻ|Feedback|Top|back to top|Retour en haut|Réagir à cet article|Commentaires?"
    r"|Autres|Partager|Imprimer|Sur le même sujet)\s*:?\s*\*?"
    r"|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}",  # a time stamp
    re.IGNORECASE,
)
_TIME_STAMP = re.compile(  # "14/12/2015 11:36" alone on a line near the top of a page
    r"^[^\S\n]*(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\s+\d{1,2}:\d{2}[^\S\n]*$",
    re.MULTILINE,
)
_TIME_STAMP_SPAN = 400  # characters from the body's start where a page's time stamp is looked for
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSERS = " \"'»”’)]"
_SENTENCE_BREAK = re.compile(  # a sentence end before a capital, a line end, "mots.Il" run together
    r"(?<=[.!?…])[\"»”]?\s+(?=[\"«“]?[A-ZÀ-ÖØ-Þ])|\s*\n\s*|(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'])"
)
_WORD = re.compile(r"\w+")
_LEADING_SYMBOLS = re.compile(r"^[^\w\"«“(]+")  # pictograms and bullets before a headline
_HEADLINE_WORDS = 30  # a headline line has at most this many words
_REPEAT_WORDS = 6  # a shorter sentence may repeat (formulas); a longer repeat is dropped
_NEAR_REPEAT_WORDS = 10  # sentences this long are compared by their words
_NEAR_REPEAT = 0.9  # share of the shorter sentence's words found in the other
_NEAR_REPEAT_SIZE = 0.75  # and the shorter has at least this share of the other's words
_NEAR_REPEAT_SCOPE = 40  # near repeats are looked for among this many first long sentences
_TRAILER_SPAN = 60  # a trailer is looked for in this many last characters of a line
_CREDIT_SPAN = 100  # and a photo credit in this many
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
        body_start = header.start("rest")  # a caption, a headline or the lead itself
    elif dateline is not None:
        published = _iso(
            dateline.group("year"), str(_MONTHS[dateline.group("month").lower()]),
            _day(dateline.group("day")),
        )
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
    prelude, _ = _filter_lines(raw, prelude, captions, cut=False)
    body, trailer_agency = _filter_lines(
        raw, _paragraphs(raw, body_start, len(raw)), captions, cut=dateline is None
    )
    if dateline is None:
        title, body = _headline(raw, body)
    agency_place, agency, date_in_dateline = _cut_agency_dateline(raw, body, captions)
    if place is None:
        place = agency_place
    if published is None:
        published = date_in_dateline or _time_stamp_date(raw, body_start)
    body = _drop_repeats(raw, [r for r in body if r[0] < r[1]], prelude)
    if trailer_agency is None:
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


def _time_stamp_date(raw: str, start: int) -> str | None:
    """The date of a page's time stamp line (``14/12/2015 11:36``, day first) near the top."""
    stamp = _TIME_STAMP.search(raw, start, start + _TIME_STAMP_SPAN)
    if stamp is None:
        return None
    return _iso(stamp.group("year"), stamp.group("month"), stamp.group("day"))


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
    """A caption without its photo marker (``ảnh 1``), credit (``Photo: VNA``) and cell bar."""
    marker = _PHOTO_MARKER.search(text)
    if marker:
        text = text[marker.end() :]
    credit = _CREDIT.search(text)
    return (text[: credit.start()] if credit else text).strip().rstrip("|").strip()


def _lines(raw: str, start: int, end: int) -> list[_Range]:
    """The non-blank lines of ``raw[start:end]``, stripped."""
    out: list[_Range] = []
    pos = start
    while pos < end:
        stop = raw.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = _strip(raw, pos, stop)
        if line[0] < line[1]:
            out.append(line)
        pos = stop + 1
    return out


def _line_kind(line: str) -> str:
    """What a line of a page is: ``keep`` (article text), ``drop`` (page furniture, a link to
    another article), ``caption`` (a photo caption), ``credit`` (a photo credit alone) or
    ``marker`` (a photo marker whose caption is the next line). A line that places people on
    a photo ("X (droite) et Y") is a caption even without a credit."""
    if _FURNITURE.fullmatch(line):
        return "drop"
    marker = _PHOTO_MARKER.search(line)
    if marker:
        return "caption" if line[marker.end() :].strip() else "marker"
    credit = _CREDIT.search(line, max(0, len(line) - _CREDIT_SPAN))
    if credit:
        return "credit" if not line[: credit.start()].strip() else "caption"
    return "bar" if line.endswith("|") or _PHOTO_POSITION.search(line) else "keep"


def _line_kinds(raw: str, lines: list[_Range], bars: bool = False) -> list[str]:
    """The kinds of the lines of one paragraph (with ``bars``, a line that is a caption only by
    its cell bar or by placing people on a photo is kept as text). The line before a credit is its caption when it
    does not end a sentence (a caption over two lines) or when the credit alone follows it in a
    paragraph of two lines; the line after a photo marker is its caption."""
    kinds = [_line_kind(raw[s:e]) for s, e in lines]
    if not bars:
        kinds = ["caption" if k == "bar" else k for k in kinds]
    else:
        kinds = ["keep" if k == "bar" else k for k in kinds]
    for i, kind in enumerate(kinds):
        if kind in ("credit", "caption") and i and kinds[i - 1] == "keep":
            previous = raw[lines[i - 1][0] : lines[i - 1][1]]
            alone = kind == "credit" and len(lines) == 2
            if alone or not previous.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
                kinds[i - 1] = "caption"
        if kind == "marker" and i + 1 < len(kinds) and kinds[i + 1] == "keep":
            kinds[i + 1] = "caption"
    return kinds


def _filter_lines(
    raw: str, paragraphs: list[_Range], captions: list[str], *, cut: bool
) -> tuple[list[_Range], str | None]:
    """:func:`_filter_by_kind`; when nothing but lines that are captions only by their cell bar
    or a position on a photo would remain, those lines are the text ("X a reçu Y. |" alone)."""
    found: list[str] = []
    kept, agency = _filter_by_kind(raw, paragraphs, found, cut=cut, bars=False)
    if not kept and paragraphs:
        found = []
        kept, agency = _filter_by_kind(raw, paragraphs, found, cut=cut, bars=True)
    captions.extend(found)
    return kept, agency


def _filter_by_kind(
    raw: str, paragraphs: list[_Range], captions: list[str], *, cut: bool, bars: bool
) -> tuple[list[_Range], str | None]:
    """The paragraphs without captions (their texts are appended to ``captions``), page
    furniture and links; a paragraph loses only the lines it must, the others stay in order.
    With ``cut``, the text ends at a line closed by an agency trailer (``... . -VNA``, a line
    ``VNA/CVN``) when nothing follows or what follows starts with a headline or the site's
    footer: another article's teaser. Returns the kept ranges and the trailer's agency."""
    items = [
        (index, line, kind)
        for index, (start, end) in enumerate(paragraphs)
        for line, kind in _kinded_lines(raw, start, end, bars)
    ]
    kept: list[_Range] = []
    run: _Range | None = None
    for position, (index, (s, e), kind) in enumerate(items):
        if run and (kind != "keep" or index != items[position - 1][0]):
            kept.append(run)
            run = None
        if kind == "caption" and (caption := _caption_text(raw[s:e])):
            captions.append(caption)
        if kind != "keep":
            continue
        trailer = _LINE_TRAILER.search(raw, max(s, e - _TRAILER_SPAN), e) if cut else None
        if trailer is not None and _teaser_follows(raw, items[position + 1 :]):
            e = _strip(raw, s, trailer.start())[1]
            if e > s:
                kept.append((run[0] if run else s, e))
            elif run:
                kept.append(run)
            return kept, trailer.group("a")
        run = (run[0] if run else s, e)
    if run:
        kept.append(run)
    return kept, None


def _kinded_lines(raw: str, start: int, end: int, bars: bool = False) -> list[tuple[_Range, str]]:
    lines = _lines(raw, start, end)
    return list(zip(lines, _line_kinds(raw, lines, bars), strict=True))


def _teaser_follows(raw: str, items: list[tuple[int, _Range, str]]) -> bool:
    """Whether the first text line of ``items`` (if any) reads as a headline or a footer."""
    for _index, (s, e), kind in items:
        if kind == "keep":
            return _is_headline(_LEADING_SYMBOLS.sub("", raw[s:e]))
    return True


def _is_headline(line: str) -> bool:
    """Whether a line reads as a headline: capitalised, short, no sentence end."""
    words = line.split()
    return (
        0 < len(words) <= _HEADLINE_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and not line.rstrip(_CLOSERS).endswith((*_SENTENCE_ENDS, ",", ";", ":", "-", "–"))
        and _AGENCY_DATELINE.match(line) is None
    )


def _headline(raw: str, body: list[_Range]) -> tuple[_Range | None, list[_Range]]:
    """A headline line at the top of the body, and the body without it. A one-word line before
    a headline (a section name such as "Culture") is dropped."""
    if not body:
        return None, body
    lines = [line for start, end in body[:3] for line in _lines(raw, start, end)][:3]
    if (
        len(lines) >= 3
        and len(raw[lines[0][0] : lines[0][1]].split()) == 1
        and all(_is_headline(raw[s:e]) for s, e in lines[:2])
    ):
        body = _after(raw, body, lines[0][1])
        lines = lines[1:]
    if len(lines) < 2 or not _is_headline(raw[lines[0][0] : lines[0][1]]):
        return None, body
    return lines[0], _after(raw, body, lines[0][1])


def _after(raw: str, body: list[_Range], offset: int) -> list[_Range]:
    """The body from the raw ``offset`` on."""
    out = [_strip(raw, max(s, offset), e) for s, e in body if e > offset]
    return [r for r in out if r[0] < r[1]]


def _sentences(raw: str, start: int, end: int) -> list[_Range]:
    """The sentences of one paragraph, cut at line ends and at a sentence end followed by a
    capital."""
    out: list[_Range] = []
    pos = start
    for boundary in _SENTENCE_BREAK.finditer(raw, start, end):
        out.append((pos, boundary.start()))
        pos = boundary.end()
    out.append((pos, end))
    return [r for r in (_strip(raw, s, e) for s, e in out) if r[0] < r[1]]


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


class _Seen:
    """The sentences read so far: every one for exact repeats, the first ones for near repeats
    (a page repeats its lead or copies it into a caption near its top), so that a long text
    costs linear time."""

    def __init__(self) -> None:
        self.exact: set[tuple[str, ...]] = set()
        self.early: list[frozenset[str]] = []
        self.checked = 0  # sentences compared with the early ones

    def add(self, words: tuple[str, ...]) -> None:
        self.exact.add(words)
        if len(words) >= _NEAR_REPEAT_WORDS and len(self.early) < _NEAR_REPEAT_SCOPE:
            self.early.append(frozenset(words))

    def repeats(self, words: tuple[str, ...]) -> bool:
        """Whether a sentence repeats an earlier one: the same words, or nearly the same
        words and length (a page repeats its lead with a word changed)."""
        if len(words) < _REPEAT_WORDS:
            return False
        if words in self.exact:
            return True
        self.checked += 1
        if self.checked > 2 * _NEAR_REPEAT_SCOPE:
            return False
        bag = frozenset(words)
        for other in self.early:
            small, large = sorted((len(bag), len(other)))
            near = small >= _NEAR_REPEAT_WORDS and small >= _NEAR_REPEAT_SIZE * large
            if near and len(bag & other) >= _NEAR_REPEAT * small:
                return True
        return False


def _drop_repeats(raw: str, body: list[_Range], before: list[_Range]) -> list[_Range]:
    """The body without sentences that repeat an earlier sentence (a repeated lead paragraph,
    a caption that copies the lead); ``before`` is text read before the body."""
    seen = _Seen()
    for start, end in before:
        for s, e in _sentences(raw, start, end):
            seen.add(_words(raw[s:e]))
    kept: list[_Range] = []
    for start, end in body:
        run: _Range | None = None
        for s, e in _sentences(raw, start, end):
            words = _words(raw[s:e])
            if seen.repeats(words):
                if run:
                    kept.append(run)
                run = None
                continue
            seen.add(words)
            run = (run[0] if run else s, e)
        if run:
            kept.append(run)
    return kept


def _cut_agency_dateline(
    raw: str, paragraphs: list[_Range], captions: list[str]
) -> tuple[str | None, str | None, str | None]:
    """Remove ``Place (AGENCY) -`` from one of the first body paragraphs, in place; a photo
    caption run into the dateline's line (``... Photo: VNA Hanoï (VNA) -``) goes with it.

    Returns the place, the agency and a date written in the dateline (``Paris, 12 janvier
    2024 (AFP) -``).
    """
    for i in range(min(4, len(paragraphs))):
        start, end = paragraphs[i]
        match = _AGENCY_DATELINE.match(raw, start, end)
        credit = None if match else _CREDIT_BEFORE_DATELINE.match(raw, start, end)
        if credit is not None:
            match = _AGENCY_DATELINE.match(raw, credit.end(), end)
        if match is None:
            continue
        if credit is not None and (caption := _caption_text(raw[start : credit.end()])):
            captions.append(caption)
        place_text = (match.group("place") or "").strip()
        place = place_text.split(",")[0].strip() or None
        date = _FRENCH_DATE.search(place_text)
        published = (
            _iso(date.group("year"), str(_MONTHS[date.group("month").lower()]),
                 _day(date.group("day")))
            if date else None
        )
        paragraphs[i] = _strip(raw, match.end(), end)
        agency = match.group("agency") or match.group("known") or match.group("outlet")
        return place, agency, published
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
