"""A learned filter over the events the rules find: a logistic regression, trained on the
development gold, that drops the candidates of the diplomatic types least likely to be events a
careful coder codes (an agreement "to continue" told in passing, a meeting read off a photo
caption, a second reading of a visit with the wrong sides).

The model is data (``data/models/event_filter.json``: weights, threshold, the types it judges,
how and on what it was trained); ``python evaluation/train_event_filter.py`` rebuilds it from
the rules' output on the ``dev`` gold files. Setting ``ACCORD_EVENT_FILTER=off`` in the
environment turns it off (the training command does, to see every candidate).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from accord.coders.annotations import EventAnn, text_of

__all__ = ["Candidate", "EventFilter", "candidate_of_event", "candidate_of_record", "event_filter",
           "features"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the filter sees of one event: the same whether read off the coder's annotation or
    off a document record (training)."""

    type: str
    mode: str | None
    trigger: str  # the trigger word as written
    named_actors: int
    unnamed_actors: int
    named_recipients: int
    unnamed_recipients: int
    date: str | None
    placed: bool
    position: float  # of the trigger in the text, 0 to 1
    offset: int  # character offset of the trigger
    before: str  # the sentence up to the trigger
    sentence_chars: int


def features(c: Candidate) -> dict[str, float]:
    quoted = c.before.count("«") > c.before.count("»") or c.before.count('"') % 2 == 1
    return {
        f"type={c.type}": 1.0,
        f"mode={c.type}/{c.mode}": 1.0,
        f"trigger={c.type}/{c.trigger.lower()}": 1.0,
        "named_actors": float(c.named_actors),
        "unnamed_actors": float(c.unnamed_actors),
        "named_recipients": float(c.named_recipients),
        "unnamed_recipients": float(c.unnamed_recipients),
        "no_recipient": float(c.named_recipients + c.unnamed_recipients == 0),
        "no_actor": float(c.named_actors + c.unnamed_actors == 0),
        "undated": float(c.date is None),
        "date_precision": float(len(c.date or "")) / 10,
        "unplaced": float(not c.placed),
        "position": c.position,
        "early": float(c.offset < 400),
        "quoted": float(quoted),
        "reported": float(" que " in c.before or " qu'" in c.before or " qu’" in c.before),
        "sentence_length": min(c.sentence_chars, 400) / 400,
    }


@dataclass(frozen=True)
class EventFilter:
    weights: dict[str, float]
    bias: float
    threshold: float
    types: frozenset[str]  # the event types it judges; others always pass

    def probability(self, c: Candidate) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features(c).items())
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, c: Candidate) -> bool:
        return c.type not in self.types or self.probability(c) >= self.threshold


def _load(data: dict[str, Any]) -> EventFilter:
    return EventFilter(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]), threshold=float(data["threshold"]),
        types=frozenset(str(t) for t in data["types"]),
    )


@lru_cache(maxsize=1)
def event_filter() -> EventFilter | None:
    """The packaged model, or None when it is turned off or absent."""
    if os.environ.get("ACCORD_EVENT_FILTER", "").lower() in ("off", "0", "no"):
        return None
    path = resources.files("accord") / "data" / "models" / "event_filter.json"
    if not path.is_file():
        return None
    return _load(json.loads(path.read_text("utf-8")))


def candidate_of_event(e: EventAnn, doc: Doc) -> Candidate:
    text = text_of(doc)
    tok = doc[e.trigger]
    sent = tok.sent
    return Candidate(
        type=e.type, mode=e.mode, trigger=tok.text,
        named_actors=sum(isinstance(p, int) for p in e.actors),
        unnamed_actors=sum(not isinstance(p, int) for p in e.actors),
        named_recipients=sum(isinstance(p, int) for p in e.recipients),
        unnamed_recipients=sum(not isinstance(p, int) for p in e.recipients),
        date=e.date, placed=e.place is not None,
        position=tok.idx / max(1, len(text)), offset=tok.idx,
        before=text[sent.start_char:tok.idx].lstrip(), sentence_chars=len(sent.text.strip()),
    )


def candidate_of_record(event: dict[str, Any], text: str) -> Candidate:
    start = int(event["span"][0])
    sentence = str(event.get("sentence") or "")
    at = text.rfind(sentence, 0, start + 1) if sentence else -1
    before = text[at:start] if at >= 0 else ""
    return Candidate(
        type=event["type"], mode=event.get("mode"), trigger=str(event.get("trigger") or ""),
        named_actors=sum(p.get("name") is not None for p in event["actor"]),
        unnamed_actors=sum(p.get("name") is None for p in event["actor"]),
        named_recipients=sum(p.get("name") is not None for p in event["recipient"]),
        unnamed_recipients=sum(p.get("name") is None for p in event["recipient"]),
        date=event.get("date"), placed=event.get("place") is not None,
        position=start / max(1, len(text)), offset=start, before=before,
        sentence_chars=len(sentence),
    )
