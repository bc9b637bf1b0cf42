"""Raise the golden-gate floors to what the system measures now (never lowers them).

    python scripts/raise_floors.py [--margin 0.02] [--rebase dev-vna-fr-4.jsonl]

A floor becomes max(old floor, measured - margin), rounded down to 3 decimals. ``--rebase``
sets the floors of a revised own gold file (evaluation/gold) afresh to measured - margin: the
gate accepts this only when that file's annotations differ from every commit whose floors
would be lowered (tests/golden/test_gate.py).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.golden.test_gate import FLOORS, GOLD_FILES, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--margin", type=float, default=0.02)
    parser.add_argument("--rebase", action="append", default=[], metavar="FILE",
                        help="an own gold file whose annotations were revised")
    args = parser.parse_args()
    floors = json.loads(FLOORS.read_text())
    for name in GOLD_FILES:
        current = floors.setdefault(name, {})
        if name in args.rebase:
            current.clear()
        for key, value in sorted(measured(name).items()):
            proposed = math.floor(max(0.0, value - args.margin) * 1000) / 1000
            if proposed > current.get(key, 0.0):
                current[key] = proposed
            print(f"{name:24} {key:32} measured {value:.3f} floor {current.get(key, 0.0):.3f}")
    FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
