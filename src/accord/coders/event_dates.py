"""When an event happened: the date written in its clause, else what the tense and the
article's time line allow.

1. A date expression the parse attaches to the trigger's clause ("a reçu le 10 janvier",
   "Le 17 septembre, une frappe aérienne tue", "la démission en 2008"; durations and "depuis"
   excluded) gives the date; "le même jour" takes the date of the event before.
2. Otherwise, a present tense (or a reported conditional) is the news of the day: the article's
   date, or for an article dated to the month only, the day its lead gives ("le 10 janvier" in
   an article of 2024-01).
   "Venir de" (the immediate past) gives the article's month.
3. A past tense without a date lies between the last date the body gave before it and the
   article's day: that day when they coincide, their month when they share it, else unknown
   (``None``). Before any date of the body, it is the news of the article's day (in the lead),
   or of its month after a date of that month only ("ce mardi" in an article of 2021-04).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from accord.coders.annotations import DateAnn
from accord.vocab.text import fold

__all__ = ["EventClock", "tense"]

_FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront")
_NOT_EVENT_DATE = frozenset({"depuis", "jusqu'a", "jusqu", "avant", "des", "ici"})


def tense(tok: Token) -> str:
    """``present``, ``past``, ``pluperfect``, ``future`` or ``conditional`` of a verb,
    from its auxiliaries and morphology; ``past`` for a bare participle."""
    auxes = [c for c in tok.children if c.dep_.startswith("aux")]
    if not auxes and tok.dep_ == "conj" and tok.head.pos_ == "VERB" and (
        "Part" in tok.morph.get("VerbForm", [])
    ):
        return tense(tok.head)  # "avait négocié et signé"
    for a in auxes:
        if a.dep_ == "aux:tense" or (a.dep_ == "aux" and fold(a.lemma_) in ("avoir", "etre")):
            if "Imp" in a.morph.get("Tense", []):
                return "pluperfect"
            if "Cnd" in a.morph.get("Mood", []):
                return "conditional"
            if "Fut" in a.morph.get("Tense", []):
                return "future"
            return "past"
    for t in [*auxes, tok]:
        if "Cnd" in t.morph.get("Mood", []):
            return "conditional"
        if "Fut" in t.morph.get("Tense", []) and t.text.lower().endswith(_FUTURE_ENDINGS):
            return "future"  # the tagger reads some presents as futures ("réunit")
    finite = [t for t in [*auxes, tok] if "Fin" in t.morph.get("VerbForm", [])]
    if finite:
        t = finite[0]
        if t.text.lower().endswith(("rait", "raient")):
            return "conditional"
        if t.text.lower().endswith(("eront", "iront", "ront", "rons", "rez")):
            return "future"
        if "Imp" in t.morph.get("Tense", []) or "Past" in t.morph.get("Tense", []):
            return "past"
        return "present"
    if "Part" in tok.morph.get("VerbForm", []):
        return "past"
    return "present"


LEAD_PARAGRAPHS = 2  # the body's first paragraphs tell the news of the day; later ones background


@dataclass
class EventClock:
    doc: Doc
    dates: list[DateAnn]
    published: str | None
    body_start: int  # first token after the title and dateline lines

    def __post_init__(self) -> None:
        self.by_token: dict[int, DateAnn] = {}
        for d in self.dates:
            for i in range(d.start, d.end):
                self.by_token[i] = d
        self.news_day = self._news_day()

    def _news_day(self) -> str | None:
        pub = self.published
        if pub is None or len(pub) == 10:
            return pub
        for d in self.dates:
            if d.start >= self.body_start and d.value and len(d.value) == 10 and (
                d.value.startswith(pub)
            ):
                return d.value
        return pub

    # -- written dates --------------------------------------------------------------------
    def _usable(self, d: DateAnn) -> bool:
        if d.kind == "duration" or (d.value is None and d.kind != "anaphoric"):
            return False
        first = self.doc[d.start]
        before = fold(self.doc[d.start - 1].text) if d.start > 0 else ""
        return fold(first.text) not in _NOT_EVENT_DATE and before not in _NOT_EVENT_DATE

    def _predicate(self, d: DateAnn) -> Token:
        """The verb or noun a date expression modifies."""
        tok = self.doc[d.start:d.end].root
        while tok.head.i != tok.i:
            head = tok.head
            if head.pos_ in ("VERB", "AUX") and head.i not in self.by_token:
                return head
            if tok.dep_ == "nmod" and head.pos_ == "NOUN" and head.i not in self.by_token:
                return head
            tok = head
        return tok

    def written(self, anchors: list[Token]) -> DateAnn | None:
        """The date attached to one of ``anchors`` (the trigger, its verb chain, then the
        phrases around it), the first anchor's first: "Lors de sa visite du 12 au 16
        septembre, X a effectué le 13 septembre des visites de courtoisie" is the 13th."""
        rank: dict[int, int] = {}
        for n, t in enumerate(anchors):
            rank.setdefault(t.i, n)
        sent = anchors[0].sent
        best: tuple[int, DateAnn] | None = None
        for d in self.dates:
            if sent.start <= d.start < sent.end and self._usable(d):
                order = rank.get(self._predicate(d).i)
                if order is not None and (best is None or order < best[0]):
                    best = (order, d)
        return best[1] if best is not None else None

    def within(self, start: int, end: int) -> DateAnn | None:
        """The first usable date written between tokens ``start`` and ``end``."""
        return next((d for d in self.dates if start <= d.start < end and self._usable(d)
                     and d.value), None)

    # -- time line ------------------------------------------------------------------------
    def _last_day_before(self, i: int, precision: int = 10) -> str | None:
        """The last date of at least ``precision`` characters (10: a day, 7: a month) the
        body wrote before token ``i``, not after the article's day."""
        best = None
        for d in self.dates:
            if d.start >= i:
                break
            if d.start < self.body_start or not self._usable(d) or d.value is None:
                continue
            if len(d.value) >= precision and (
                    self.news_day is None or d.value[:len(self.news_day)] <= self.news_day):
                best = d.value
        return best

    def in_lead(self, tok: Token) -> bool:
        """Whether ``tok`` is in the body's first paragraphs (the lead that tells the news)."""
        return tok.i < self._lead_end

    @cached_property
    def _lead_end(self) -> int:
        """The first token after the body's first ``LEAD_PARAGRAPHS`` paragraphs."""
        started = False
        breaks = 0
        for t in self.doc[max(self.body_start - 1, 0):]:
            if started and ("\n" in t.whitespace_ or (t.is_space and "\n" in t.text)):
                breaks += 1
                if breaks >= LEAD_PARAGRAPHS:
                    return t.i + 1
                started = False
            started = started or (t.i >= self.body_start and not t.is_space)
        return len(self.doc)

    def default(self, tok: Token, when: str, lead_only: bool = True) -> str | None:
        """The date of an event at ``tok`` with no date of its own, from its tense."""
        if when in ("present", "conditional"):
            return self.news_day
        if when in ("future",):
            return None
        if when == "recent":  # "vient de": days before the article, its month at least
            return self.news_day[:7] if self.news_day else None
        # the days written before the event, and in its own sentence ("placé en garde à vue
        # ..., le sexagénaire qui a tué ... vendredi soir a été relâché dimanche dernier")
        last = self._last_day_before(tok.sent.end)
        day = self.news_day
        if day is None:
            return None
        if last is None:  # the news told in the past before any date: the article's day
            if not lead_only or self.in_lead(tok):
                return day
            month = self._last_day_before(tok.sent.end, precision=7)
            if month is None and len(day) == 7 and any(  # "ce mardi" in an article of a month
                    d.kind == "weekday" and self.body_start <= d.start < tok.sent.end
                    for d in self.dates):
                month = day
            # after a date of the article's month only: that month
            return day[:7] if month is not None and month[:7] == day[:7] else None
        if last == day:
            return day
        if last[:7] == day[:7]:
            return day[:7]
        return None
