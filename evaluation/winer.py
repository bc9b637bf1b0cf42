"""Named-entity mentions measured on WiNER-fr: ``python -m evaluation.winer [DIR]``.

WiNER-fr (Wikinews 2016, BRAT standoff: ``*.txt`` + ``*.ann`` with character offsets into the
``.txt``) gives gold spans of seven types; three are scored here: **Person** (without titles),
**Organization** and **Location**. Two systems are compared on the same texts:

- **accord**: the full pipeline (:func:`accord.pipeline.load_pipeline`). Every mention of an
  actor of ``doc._.actors`` counts as Person (``person``), Organization (``organization``) or
  Location (``state``), and every place of ``doc._.places`` as Location. Identical spans are
  counted once, with the first of Person > Organization > Location.
- **model**: the same spaCy model alone, ``doc.ents`` with PER → Person, ORG → Organization,
  LOC → Location (MISC ignored), the whole model run with ``nlp.pipe``. Its entities are
  not quite those the accord coders start from: spaCy's NER never lets an entity cross a
  sentence start, and accord's ``accord_paragraphs`` component makes every paragraph start a
  sentence before the parser runs, so entities running over a paragraph break
  (``Toulouse\n\nGroupe D``) are cut or lost in accord's ``Doc``. The report counts the
  documents where the two sets of entities differ (``model_ents_differ``).

Both systems read the article's *cleaned* text (:func:`accord.read.read_text`: title and body,
without the Wikinews dateline ``9 février 2016 . –``, review notes, "Sur le même sujet" lists
and ``Fichier:`` lines), and their spans are mapped back to the raw ``.txt`` through the
cleaner's segment map (:attr:`accord.read.clean.Cleaned.segments`). Gold spans that lie outside
the kept segments (dateline places, related-article lists) are counted against neither system;
the report gives how many were set aside.

Spans are compared after stripping surrounding whitespace, quotes, brackets and punctuation
(:func:`normalize_span`), on two criteria, per type and micro-averaged over the three:

- **exact**: same type and same character span;
- **overlap**: same type and overlapping spans, matched one to one, greedily (identical spans
  first, then by decreasing overlap).

Gold spans may nest ("Grande Mosquée de Valence" Organization containing "Valence" Location)
and a few carry two types on one span; they are all kept, so a flat tagger cannot reach full
recall. The corpus (CC BY 2.5 texts, CC BY 4.0 annotations) is read where it lies.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.tokens import Doc

from accord.errors import ReadError
from accord.pipeline import MODELS, load_pipeline
from accord.read import read_text
from accord.read.clean import Cleaned, clean_text, sniff_format
from accord.read.decode import decode_bytes
from accord.records import Article

__all__ = [
    "ACTOR_LABELS",
    "DEFAULT_FOLDER",
    "LABELS",
    "MODEL_LABELS",
    "Counts",
    "Mention",
    "SystemScore",
    "WinerArticle",
    "WinerReport",
    "accord_mentions",
    "corpus_files",
    "evaluate_winer",
    "load_article",
    "main",
    "match_exact",
    "match_overlap",
    "merge_predictions",
    "model_mentions",
    "normalize_span",
    "read_ann",
    "score_document",
    "to_raw",
]

LABELS = ("Person", "Organization", "Location")
"""The gold types scored, in the order that breaks ties between identical predicted spans."""

MODEL_LABELS: Mapping[str, str] = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
ACTOR_LABELS: Mapping[str, str] = {
    "person": "Person", "organization": "Organization", "state": "Location",
}
DEFAULT_FOLDER = Path("..") / "shared" / "data" / "winer-fr-2016"
"""Where the corpus lies relative to a checkout (``shared/`` beside it)."""

SYSTEMS = ("accord", "model")
CRITERIA = ("exact", "overlap")
MICRO = "micro"

# Stripped from both ends of every span: whitespace, quotes, brackets, punctuation.
_STRIP = frozenset("\"'«»“”„‘’‚‹›`´()[]{}<>,;:.!?…-–—/\\*|\u00a0\u202f\u2009\ufeff")


class Mention(NamedTuple):
    """A typed character span ``[start, end)`` into the raw ``.txt``."""

    label: str
    start: int
    end: int


# --- reading ------------------------------------------------------------------------------


def read_ann(text: str, labels: Iterable[str] = LABELS) -> list[Mention]:
    """The text-bound annotations (``T`` lines) of a BRAT ``.ann`` whose type is in ``labels``.

    A discontinuous span (``Location 0 5;9 14``) is read as one span from its first start to its
    last end. Other lines (relations, notes) are ignored.
    """
    wanted = set(labels)
    out: list[Mention] = []
    for line in text.splitlines():
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        label, _, offsets = fields[1].partition(" ")
        if label not in wanted:
            continue
        bounds = [int(x) for part in offsets.split(";") for x in part.split()]
        if len(bounds) < 2:
            raise ValueError(f"bad BRAT offsets in line {line!r}")
        out.append(Mention(label, min(bounds), max(bounds)))
    return out


@dataclass(frozen=True, slots=True)
class WinerArticle:
    """One WiNER document: raw text, gold mentions, and the cleaned article accord reads."""

    name: str
    raw: str
    gold: tuple[Mention, ...]  # normalised, raw offsets, inside the kept segments
    dropped: tuple[Mention, ...]  # normalised gold mentions outside the cleaned text
    article: Article
    cleaned: Cleaned


def load_article(txt: Path) -> WinerArticle:
    """Read a ``.txt`` and its ``.ann``; clean the text as :func:`accord.read.read_text` does.

    :class:`~accord.records.Article` does not keep the cleaner's segment map, so the text is
    cleaned a second time with :func:`accord.read.clean.clean_text` and the two results are checked
    to agree. Raises :class:`ValueError` if the reader would change offsets (BOM, CR line ends).
    """
    raw = decode_bytes(txt.read_bytes(), str(txt))
    if raw.startswith("\ufeff") or "\r" in raw:
        raise ValueError(f"{txt}: BOM or CR line ends would shift the gold offsets")
    article = read_text(raw, str(txt))
    cleaned = clean_text(raw, sniff_format(raw))
    if cleaned.text != article.text:
        raise ValueError(f"{txt}: the reader's text differs from clean_text's")
    gold: list[Mention] = []
    dropped: list[Mention] = []
    for m in read_ann(txt.with_suffix(".ann").read_text(encoding="utf-8")):
        if raw[m.start:m.end] == "":
            raise ValueError(f"{txt}: gold span {m} is out of the text")
        span = normalize_span(raw, m.start, m.end)
        if span is None:
            continue
        mention = Mention(m.label, *span)
        (gold if _kept(cleaned, *span) else dropped).append(mention)
    return WinerArticle(txt.stem, raw, tuple(dict.fromkeys(gold)), tuple(dict.fromkeys(dropped)),
                        article, cleaned)


def _kept(cleaned: Cleaned, start: int, end: int) -> bool:
    """Whether raw ``[start, end)`` lies inside one segment kept in the cleaned text."""
    return any(raw <= start and end <= raw + length for _c, raw, length in cleaned.segments)


def to_raw(cleaned: Cleaned, start: int, end: int) -> tuple[int, int] | None:
    """The raw span of the cleaned-text span ``[start, end)``; None if an end is in a separator."""
    if end <= start:
        return None
    raw_start = cleaned.raw_offset(start)
    raw_last = cleaned.raw_offset(end - 1)
    if raw_start is None or raw_last is None:
        return None
    return raw_start, raw_last + 1


# --- spans --------------------------------------------------------------------------------


def normalize_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without surrounding whitespace, quotes, brackets and punctuation.

    Applied alike to gold and predicted spans (``« Daech »`` and ``Daech`` match; so do
    ``Inc.`` and ``Inc``). None if nothing is left.
    """
    while start < end and (text[start].isspace() or text[start] in _STRIP):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _STRIP):
        end -= 1
    return (start, end) if start < end else None


def merge_predictions(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per span: the first label in :data:`LABELS` order; sorted by position."""
    rank = {label: i for i, label in enumerate(LABELS)}
    best: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        if m.label not in rank:
            continue
        held = best.get((m.start, m.end))
        if held is None or rank[m.label] < rank[held.label]:
            best[(m.start, m.end)] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end, rank[m.label]))


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    if not 0 <= start < end <= len(doc):
        return None
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def accord_mentions(doc: Doc) -> list[Mention]:
    """accord's mentions on a coded ``Doc``, in ``doc.text`` offsets (unmerged).

    Actor mentions (``doc._.actors``, token spans) by the actor's kind, then places
    (``doc._.places``) as Location.
    """
    out: list[Mention] = []
    table = doc._.actors
    for actor in table.actors if table is not None else ():
        label = ACTOR_LABELS.get(actor.kind)
        if label is None:
            continue
        for start, end in actor.mentions:
            span = _char_span(doc, start, end)
            if span is not None:
                out.append(Mention(label, *span))
    for place in doc._.places or ():
        span = _char_span(doc, place.start, place.end)
        if span is not None:
            out.append(Mention("Location", *span))
    return out


def model_mentions(doc: Doc) -> list[Mention]:
    """The model's entities of the three scored types, in ``doc.text`` offsets."""
    return [Mention(MODEL_LABELS[e.label_], e.start_char, e.end_char)
            for e in doc.ents if e.label_ in MODEL_LABELS]


def _to_raw_mentions(item: WinerArticle, mentions: Iterable[Mention]) -> list[Mention]:
    """Cleaned-text mentions normalised, mapped to raw offsets and merged."""
    text = item.cleaned.text
    out: list[Mention] = []
    for m in mentions:
        span = normalize_span(text, m.start, m.end)
        raw = to_raw(item.cleaned, *span) if span is not None else None
        if raw is not None:
            out.append(Mention(m.label, *raw))
    return merge_predictions(out)


# --- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """Gold and predicted mention counts and how many were matched."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.predicted + other.predicted,
                      self.matched + other.matched)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def match_exact(gold: Sequence[Mention], predicted: Sequence[Mention]) -> set[Mention]:
    """The predicted mentions identical (type and span) to a gold mention."""
    return set(predicted) & set(gold)


def match_overlap(gold: Sequence[Mention], predicted: Sequence[Mention]) -> list[
        tuple[Mention, Mention]]:
    """One-to-one ``(gold, predicted)`` pairs of the same type whose spans overlap.

    Greedy: identical spans first, then pairs by decreasing overlap, then by position.
    """
    pairs: list[tuple[tuple[bool, int, int, int], Mention, Mention]] = []
    for g in gold:
        for p in predicted:
            if g.label == p.label and p.start < g.end and g.start < p.end:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                pairs.append(((g != p, -overlap, g.start, p.start), g, p))
    pairs.sort(key=lambda x: x[0])
    used_gold: set[Mention] = set()
    used_pred: set[Mention] = set()
    out: list[tuple[Mention, Mention]] = []
    for _key, g, p in pairs:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        out.append((g, p))
    return out


def score_document(gold: Sequence[Mention], predicted: Sequence[Mention]
                   ) -> dict[str, dict[str, Counts]]:
    """``{criterion: {label: Counts}}`` for one document (no micro line; see :func:`_micro`).

    ``gold`` and ``predicted`` are sets of mentions (duplicates are ignored).
    """
    gold, predicted = list(dict.fromkeys(gold)), list(dict.fromkeys(predicted))
    exact = match_exact(gold, predicted)
    overlap = match_overlap(gold, predicted)
    out: dict[str, dict[str, Counts]] = {}
    for criterion, matched in (("exact", Counter(m.label for m in exact)),
                               ("overlap", Counter(g.label for g, _p in overlap))):
        out[criterion] = {
            label: Counts(sum(g.label == label for g in gold),
                          sum(p.label == label for p in predicted), matched[label])
            for label in LABELS
        }
    return out


def _micro(per_label: Mapping[str, Counts]) -> Counts:
    total = Counts()
    for label in LABELS:
        total = total + per_label.get(label, Counts())
    return total


def _classify(gold: Sequence[Mention], predicted: Sequence[Mention]
              ) -> tuple[list[tuple[Mention, str]], list[tuple[Mention, str]]]:
    """The exact-match errors: missed gold and spurious predictions, each with its kind.

    ``boundary``: an overlapping span of the same type exists on the other side; ``type``: the
    same span exists with another type; else ``missed`` / ``spurious``.
    """
    gold_set, pred_set = set(gold), set(predicted)

    def kind(m: Mention, other: Sequence[Mention], alone: str) -> str:
        if any(o.label == m.label and o.start < m.end and m.start < o.end for o in other):
            return "boundary"
        if any((o.start, o.end) == (m.start, m.end) for o in other):
            return "type"
        return alone

    fn = [(g, kind(g, predicted, "missed")) for g in gold if g not in pred_set]
    fp = [(p, kind(p, gold, "spurious")) for p in predicted if p not in gold_set]
    return fn, fp


# --- report -------------------------------------------------------------------------------


@dataclass(slots=True)
class SystemScore:
    """One system's counts per criterion and type, its errors and its run time."""

    counts: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {c: {label: Counts() for label in LABELS} for c in CRITERIA})
    error_kinds: Counter[str] = field(default_factory=Counter)  # "fn:boundary", "fp:type", ...
    errors: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, item: WinerArticle, predicted: Sequence[Mention]) -> None:
        for criterion, per_label in score_document(item.gold, predicted).items():
            for label, counts in per_label.items():
                self.counts[criterion][label] = self.counts[criterion][label] + counts
        fn, fp = _classify(item.gold, predicted)
        for side, found in (("fn", fn), ("fp", fp)):
            for m, kind in found:
                self.error_kinds[f"{side}:{kind}"] += 1
                self.errors[(side, kind, m.label, item.raw[m.start:m.end])] += 1

    def figures(self, criterion: str) -> dict[str, Counts]:
        per_label = dict(self.counts[criterion])
        per_label[MICRO] = _micro(per_label)
        return per_label


@dataclass(slots=True)
class WinerReport:
    """Both systems' figures over a folder of WiNER documents."""

    documents: int = 0
    gold: Counter[str] = field(default_factory=Counter)  # scored gold mentions per type
    dropped: Counter[str] = field(default_factory=Counter)  # gold outside the cleaned text
    systems: dict[str, SystemScore] = field(
        default_factory=lambda: {name: SystemScore() for name in SYSTEMS})
    failures: list[str] = field(default_factory=list)  # documents accord could not code
    ents_differ: int = 0  # documents whose model entities differ from the accord Doc's

    def delta_f1(self, criterion: str, label: str) -> float:
        return (self.systems["accord"].figures(criterion)[label].f1
                - self.systems["model"].figures(criterion)[label].f1)

    def to_dict(self, *, errors: int = 0) -> dict[str, object]:
        out: dict[str, object] = {
            "documents": self.documents,
            "gold": {label: self.gold[label] for label in LABELS},
            "gold_outside_cleaned_text": {label: self.dropped[label] for label in LABELS},
            "accord_failures": self.failures,
            "model_ents_differ": self.ents_differ,
        }
        for criterion in CRITERIA:
            out[criterion] = {
                **{name: {k: c.to_dict() for k, c in s.figures(criterion).items()}
                   for name, s in self.systems.items()},
                "delta_f1": {label: round(self.delta_f1(criterion, label), 4)
                             for label in (*LABELS, MICRO)},
            }
        out["error_kinds"] = {name: dict(sorted(s.error_kinds.items()))
                              for name, s in self.systems.items()}
        out["seconds"] = {name: round(s.seconds, 1) for name, s in self.systems.items()}
        if errors:
            out["errors"] = {
                name: [{"side": side, "kind": kind, "label": label, "text": text, "count": n}
                       for (side, kind, label, text), n in s.errors.most_common(errors)]
                for name, s in self.systems.items()
            }
        return out

    def format(self, *, errors: int = 0) -> str:
        gold = sum(self.gold.values())
        dropped = sum(self.dropped.values())
        lines = [
            (f"WiNER-fr: {self.documents} documents, {gold} gold Person/Organization/Location "
             f"mentions scored ({', '.join(f'{k} {self.gold[k]}' for k in LABELS)}); "
             f"{dropped} outside accord's cleaned text not counted"),
        ]
        if self.failures:
            lines.append(f"  accord failed on {len(self.failures)} documents (no predictions): "
                         + ", ".join(self.failures[:5]))
        if self.ents_differ:
            lines.append(f"  model entities differ from the accord Doc's in {self.ents_differ} "
                         "documents")
        head = (f"{'':8}{'type':<13}{'gold':>6} | {'accord':<6}{'pred':>6}{'P':>7}{'R':>7}"
                f"{'F1':>7} | {'model':<6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7} | {'ΔF1':>7}")
        lines += [head, "-" * len(head)]
        for criterion in CRITERIA:
            acc = self.systems["accord"].figures(criterion)
            mod = self.systems["model"].figures(criterion)
            for label in (*LABELS, MICRO):
                a, m = acc[label], mod[label]
                lines.append(
                    f"{criterion if label == LABELS[0] else '':8}{label:<13}{a.gold:>6} | "
                    f"{'':<6}{a.predicted:>6}{a.precision:>7.3f}{a.recall:>7.3f}{a.f1:>7.3f} | "
                    f"{'':<6}{m.predicted:>6}{m.precision:>7.3f}{m.recall:>7.3f}{m.f1:>7.3f} | "
                    f"{self.delta_f1(criterion, label):>+7.3f}")
        for name, s in self.systems.items():
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(s.error_kinds.items()))
            lines.append(f"{name} exact-match errors: {kinds} ({s.seconds:.1f} s)")
        if errors:
            for name, s in self.systems.items():
                lines.append(f"{name}: {errors} most frequent exact-match errors")
                for (side, kind, label, text), n in s.errors.most_common(errors):
                    lines.append(f"  {n:>4} {side} {kind:<9}{label:<13}{text!r}")
        return "\n".join(lines)


# --- running ------------------------------------------------------------------------------


def corpus_files(folder: Path, limit: int | None = None) -> list[Path]:
    """The ``.txt`` files of ``folder`` (recursively) that have a ``.ann`` beside them."""
    files = sorted(p for p in Path(folder).rglob("*.txt") if p.with_suffix(".ann").is_file())
    return files[:limit] if limit is not None else files


def _run_accord(items: Sequence[WinerArticle], batch_size: int, report: WinerReport
                ) -> list[Doc | None]:
    nlp = load_pipeline("fr")
    docs = []
    for item in items:
        doc = nlp.make_doc(item.article.text)
        doc._.article = item.article
        docs.append(doc)
    try:
        return list(nlp.pipe(docs, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the failing documents one by one
        coded: list[Doc | None] = []
        for item, doc in zip(items, docs):
            try:
                coded.append(nlp(doc))
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the run
                report.failures.append(f"{item.name}: {exc!r}")
                coded.append(None)
        return coded


def _run_model(items: Sequence[WinerArticle], batch_size: int) -> list[Doc]:
    nlp = spacy.load(MODELS["fr"])
    return list(nlp.pipe((item.article.text for item in items), batch_size=batch_size))


def evaluate_winer(folder: Path, *, limit: int | None = None, batch_size: int = 32
                   ) -> WinerReport:
    """Score accord and the bare model on the WiNER documents of ``folder`` (see the module)."""
    items = [load_article(path) for path in corpus_files(folder, limit)]
    report = WinerReport(documents=len(items))
    for item in items:
        report.gold.update(m.label for m in item.gold)
        report.dropped.update(m.label for m in item.dropped)

    began = time.perf_counter()
    model_docs = _run_model(items, batch_size)
    report.systems["model"].seconds = time.perf_counter() - began
    began = time.perf_counter()
    accord_docs = _run_accord(items, batch_size, report)
    report.systems["accord"].seconds = time.perf_counter() - began

    for item, mdoc, adoc in zip(items, model_docs, accord_docs):
        report.systems["model"].add(item, _to_raw_mentions(item, model_mentions(mdoc)))
        predicted = _to_raw_mentions(item, accord_mentions(adoc)) if adoc is not None else []
        report.systems["accord"].add(item, predicted)
        if adoc is not None and [(e.start_char, e.end_char, e.label_) for e in adoc.ents] != [
            (e.start_char, e.end_char, e.label_) for e in mdoc.ents
        ]:
            report.ents_differ += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.winer",
                                     description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=None,
                        help=f"the WiNER-fr folder of .txt/.ann files (default: {DEFAULT_FOLDER}"
                             " if it exists)")
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list each system's N most frequent exact-match errors")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    args = parser.parse_args(argv)
    folder: Path | None = args.folder
    if folder is None:
        if not DEFAULT_FOLDER.is_dir():
            parser.error(f"give the corpus folder ({DEFAULT_FOLDER} does not exist)")
        folder = DEFAULT_FOLDER
    if not folder.is_dir():
        parser.error(f"not a folder: {folder}")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    try:
        report = evaluate_winer(folder, limit=args.limit, batch_size=args.batch_size)
    except (ValueError, ReadError, OSError) as exc:
        sys.stderr.write(f"evaluation.winer: {exc}\n")
        return 1
    if report.documents == 0:
        parser.error(f"no .txt file with a .ann beside it under {folder}")
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(report.format(errors=args.errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
