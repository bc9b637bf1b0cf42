"""Derive ``src/accord/data/plover/cameo.tsv`` from PLOVER's CAMEO-to-PLOVER table.

Usage (from the repository root)::

    python scripts/build_cameo_table.py            # rewrite cameo.tsv
    python scripts/build_cameo_table.py --check    # exit 1 if cameo.tsv is out of date

Input: ``CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER, CC BY-SA 4.0), by default from
``../shared/data/plover/`` beside the checkout, and the package's ``ontology.json`` (the modes a
type may have). Each line of the input reads ``CODE: TYPE, MODE, CONTEXT[; CONTEXT] # text``.

Derivation rule (documented in ``src/accord/data/plover/README.md`` too):

1. Only the 3- and 4-digit CAMEO codes are mappings; the 2-digit lines (``03: AGREE``) are section
   headings and are skipped (``08`` heads both CONCEDE and RETREAT, ``18``-``20`` all ASSAULT).
2. Each line is read on its own: a line filed under another section (``163: COERCE`` under 16)
   maps to the type it names.
3. A line whose mode is not a mode of its type in ``ontology.json`` (``085: RETREAT, ease``, which
   the file itself marks as retired, ``1321: THREATEN, political``, ``175: ASSAULT, pro_autocracy``,
   ``1712: ASSAULT, seize``) is left out of the (type, mode) rows and reported on stderr.
4. For every (type, mode) pair, the chosen CAMEO code is the most general of the codes that map to
   it: the shortest code, then the lowest number (``042`` visit rather than ``043`` host).
5. Every type gets a row with an empty mode (its default code): the most general code among its
   lines with an empty mode, or, when the type has none (ACCUSE), among all of its lines.

Output columns: ``plover_type``, ``mode`` (empty for the default row), ``cameo_code``,
``cameo_name`` (the text of the chosen line), ``alternatives`` (every code mapping to the pair,
comma separated, most general first). Rows follow the order of types and modes in ontology.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
ONTOLOGY = ROOT / "src" / "accord" / "data" / "plover" / "ontology.json"
OUTPUT = ROOT / "src" / "accord" / "data" / "plover" / "cameo.tsv"
HEADER = ("plover_type", "mode", "cameo_code", "cameo_name", "alternatives")


@dataclass(frozen=True)
class CameoLine:
    """One line of CAMEO2PLOVER: a CAMEO code and the PLOVER type, mode and contexts it maps to."""

    code: str
    type: str
    mode: str  # "" when the line gives no mode
    contexts: tuple[str, ...]
    name: str


def parse_mappings(lines: Iterable[str]) -> list[CameoLine]:
    """The mapping lines of CAMEO2PLOVER-2021.txt, 2-digit headings included."""
    out: list[CameoLine] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        head, _, rest = line.partition(":")
        code = head.strip()
        if not code.isdigit():
            continue
        body, _, comment = rest.partition("#")
        fields = [f.strip() for f in body.split(",")]
        fields += [""] * (3 - len(fields))
        contexts = tuple(c.strip() for c in fields[2].split(";") if c.strip())
        out.append(CameoLine(code, fields[0], fields[1], contexts, comment.strip()))
    return out


def load_modes(path: Path = ONTOLOGY) -> dict[str, tuple[str, ...]]:
    """Type name -> its modes, in ontology.json order."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {t["name"]: tuple(m["name"] for m in t["modes"]) for t in doc["event_types"]}


def _generality(m: CameoLine) -> tuple[int, int]:
    return (len(m.code), int(m.code))


def derive(
    mappings: Sequence[CameoLine], modes: dict[str, tuple[str, ...]]
) -> tuple[list[tuple[str, ...]], list[str]]:
    """The rows of cameo.tsv (header first) and notes on the lines that were left out."""
    notes: list[str] = []
    lines = [m for m in mappings if len(m.code) >= 3]
    by_pair: dict[tuple[str, str], list[CameoLine]] = {}
    valid: list[CameoLine] = []
    for m in lines:
        if m.type not in modes:
            notes.append(f"{m.code}: unknown PLOVER type {m.type!r}, line skipped")
            continue
        if m.mode and m.mode not in modes[m.type]:
            note = f"{m.code}: {m.mode!r} is not a mode of {m.type}, line left out"
            if note not in notes:
                notes.append(note)
            continue
        valid.append(m)
        by_pair.setdefault((m.type, m.mode), []).append(m)
    rows: list[tuple[str, ...]] = [HEADER]
    for plover_type, type_modes in modes.items():
        default = by_pair.get((plover_type, "")) or [m for m in valid if m.type == plover_type]
        if not default:
            notes.append(f"{plover_type}: no CAMEO code maps to this type")
        for mode, candidates in [("", default)] + [
            (md, by_pair.get((plover_type, md), [])) for md in type_modes
        ]:
            if not candidates:
                continue
            ranked = sorted({m.code: m for m in candidates}.values(), key=_generality)
            best = ranked[0]
            alternatives = ",".join(m.code for m in ranked)
            rows.append((plover_type, mode, best.code, best.name, alternatives))
    return rows, notes


def render(rows: Sequence[tuple[str, ...]]) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def build(source: Path = DEFAULT_SOURCE, ontology: Path = ONTOLOGY) -> tuple[str, list[str]]:
    """The text of cameo.tsv derived from ``source``, and the notes."""
    mappings = parse_mappings(source.read_text(encoding="utf-8").splitlines())
    rows, notes = derive(mappings, load_modes(ontology))
    return render(rows), notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Derive cameo.tsv from CAMEO2PLOVER-2021.txt.")
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output is out of date")
    args = parser.parse_args(argv)
    text, notes = build(args.source)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({text.count(chr(10)) - 1} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
