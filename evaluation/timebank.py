"""Date resolution measured on ISO-TimeML files (French TimeBank): ``python -m evaluation.timebank DIR``.

Each ``*.tml`` file gives the article date (``<DCT><TIMEX3 value=...>``) and, in ``<TEXT>``,
``<TIMEX3 type="DATE" value="...">expression</TIMEX3>`` elements. Two figures are measured:

- **expression** (the headline): every DATE timex's text is resolved alone with
  :func:`accord.vocab.dates.resolve` against the article date and compared to the gold ``value``
  (exact string).
- **in context**: the plain text of the body goes through :func:`accord.vocab.dates.find_dates` and
  :func:`accord.vocab.dates.inherit_anaphora`; a gold timex takes the value of the mention that
  overlaps it (the end of a range when the timex lies after the range's "au"/"et"/"-"), and
  counts as not found when no mention overlaps it. This measures spans, tense and
  document-level rules too.

Gold values that the project's format cannot express (anything but ``YYYY``, ``YYYY-MM`` and
``YYYY-MM-DD``: weeks "1999-W27", seasons "1999-SU", decades "196X", "XXXX-07-15",
"PRESENT_REF") are counted as *unsupported*: accuracy is reported over all DATE timexes
(unsupported ones count as errors) and over the supported ones only.

The corpus (LGPL-LR) is read where it lies; nothing of it is copied into the package.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from pathlib import Path

from accord.vocab.dates import DateMention, find_dates, inherit_anaphora, resolve

__all__ = ["TimebankReport", "Timex", "evaluate_timebank", "main", "read_tml"]

_SUPPORTED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Timex:
    """One gold DATE timex and what accord makes of it."""

    document: str
    dct: str | None
    text: str
    gold: str
    start: int  # offsets into the document's plain body text
    end: int
    resolved: str | None = None  # resolve(text, dct)
    in_context: str | None = None  # value of the overlapping find_dates mention
    found: bool = False  # a find_dates mention overlaps the timex

    @property
    def supported(self) -> bool:
        return _SUPPORTED.fullmatch(self.gold) is not None


@dataclass(frozen=True, slots=True)
class TimebankReport:
    """Counts and accuracies over the DATE timexes of a folder of ``.tml`` files."""

    documents: int
    timexes: tuple[Timex, ...]

    @property
    def total(self) -> int:
        return len(self.timexes)

    @property
    def supported(self) -> int:
        return sum(t.supported for t in self.timexes)

    @property
    def correct(self) -> int:
        return sum(t.resolved == t.gold for t in self.timexes)

    @property
    def context_correct(self) -> int:
        return sum(t.in_context == t.gold for t in self.timexes)

    @property
    def context_found(self) -> int:
        return sum(t.found for t in self.timexes)

    def accuracy(self, *, supported_only: bool = False, context: bool = False) -> float:
        total = self.supported if supported_only else self.total
        right = self.context_correct if context else self.correct
        return right / total if total else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents, "date_timexes": self.total,
            "supported": self.supported, "unsupported": self.total - self.supported,
            "expression": {"correct": self.correct, "accuracy_all": self.accuracy(),
                           "accuracy_supported": self.accuracy(supported_only=True)},
            "in_context": {"correct": self.context_correct, "found": self.context_found,
                           "accuracy_all": self.accuracy(context=True),
                           "accuracy_supported": self.accuracy(supported_only=True,
                                                               context=True)},
            "errors": [asdict(t) for t in self.timexes
                       if t.supported and (t.resolved != t.gold or t.in_context != t.gold)],
        }

    def format(self, *, errors: bool = False) -> str:
        lines = [
            (f"French TimeBank: {self.documents} documents, {self.total} DATE timexes "
             f"({self.supported} supported, {self.total - self.supported} unsupported values)"),
            (f"  expression  resolve(text, dct): {self.correct}/{self.total} = "
             f"{self.accuracy():.3f} over all, {self.accuracy(supported_only=True):.3f} "
             "over supported"),
            (f"  in context  find_dates(body, dct): {self.context_correct}/{self.total} = "
             f"{self.accuracy(context=True):.3f} over all, "
             f"{self.accuracy(supported_only=True, context=True):.3f} over supported "
             f"(spans found {self.context_found}/{self.total})"),
        ]
        if errors:
            for t in self.timexes:
                if t.supported and (t.resolved != t.gold or t.in_context != t.gold):
                    lines.append(f"  {t.document} dct={t.dct} {t.text!r}: gold {t.gold} "
                                 f"expression {t.resolved} context {t.in_context}")
        return "\n".join(lines)


def _walk(element: ET.Element, parts: list[str], timexes: list[tuple[ET.Element, int, int]],
          offset: int) -> int:
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, parts, timexes, offset)
        if child.tag == "TIMEX3":
            timexes.append((child, start, offset))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def read_tml(path: Path) -> tuple[str | None, str, list[Timex]]:
    """``(dct, plain body text, DATE timexes)`` of one ISO-TimeML file (values not resolved)."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = dct_el.get("value") if dct_el is not None else None
    body = root.find("TEXT")
    if body is None:
        return dct, "", []
    parts: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    _walk(body, parts, found, 0)
    text = "".join(parts)
    timexes = [Timex(path.stem, dct, text[start:end], el.get("value") or "", start, end)
               for el, start, end in found
               if el.get("type") == "DATE"]
    return dct, text, timexes


def _in_context(timex: Timex, mentions: list[DateMention], text: str) -> tuple[str | None, bool]:
    overlapping = [m for m in mentions if m.start < timex.end and timex.start < m.end]
    if not overlapping:
        return None, False
    best = max(overlapping, key=lambda m: min(m.end, timex.end) - max(m.start, timex.start))
    if best.kind == "range":
        connector = re.search(r"\s(?:au|à|et)\s|[-–]", text[best.start:best.end])
        if connector and timex.start >= best.start + connector.end():
            return best.end_value, True
    return best.value, True


def evaluate_timebank(folder: Path) -> TimebankReport:
    """Resolve every DATE timex of the ``*.tml`` files of ``folder`` (see the module doc)."""
    files = sorted(Path(folder).glob("*.tml"))
    out: list[Timex] = []
    for path in files:
        dct, text, timexes = read_tml(path)
        mentions = inherit_anaphora(find_dates(text, dct))
        for t in timexes:
            value, found = _in_context(t, mentions, text)
            out.append(Timex(t.document, t.dct, t.text, t.gold, t.start, t.end,
                             resolve(t.text, t.dct), value, found))
    return TimebankReport(len(files), tuple(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.timebank", description=__doc__.split(
        "\n")[0])
    parser.add_argument("folder", type=Path, help="folder of ISO-TimeML .tml files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--errors", action="store_true", help="list the supported timexes missed")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    report = evaluate_timebank(args.folder)
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.format(errors=args.errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
