"""Train the event filter (accord/coders/event_filter.py) on the development gold files.

    python evaluation/train_event_filter.py [--cv] [--out src/accord/data/models/event_filter.json]

Runs the rules with the filter off on every ``dev-*`` gold file (../shared/gold and
evaluation/gold; never a ``check-*`` file), labels each candidate event of the judged types as
right (it matches a scored gold event under the "named" or the "dyadic" scoring) or wrong (it
matches none; candidates matching an optional gold event are left out), fits an L2-regularised logistic
regression (numpy, Newton steps) and picks the highest probability threshold that drops no more
than 1% of the right candidates. ``--cv`` first prints the leave-one-file-out figures: each file scored by
a model trained on the others. Deterministic: the same rules and gold give the same model.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
os.environ["ACCORD_EVENT_FILTER"] = "off"  # see every candidate of the rules

from accord.coders.event_filter import candidate_of_record, features
from accord.pipeline import Options
from accord.scoring import (
    _dyadic_sides_match,
    _GoldActors,
    _match_events,
    _named_sides_match,
    _records,
)
from accord.scoring.gold import evaluate_gold

DEV_FILES = [
    SHARED / "gold" / "dev-wikinews-fr.jsonl", SHARED / "gold" / "dev-wikinews-fr-2.jsonl",
    SHARED / "gold" / "dev-vna-fr.jsonl",
    *sorted((ROOT / "evaluation" / "gold").glob("dev-*.jsonl")),
]
# the diplomatic types: on the dev files, judging the others (attacks, accusations) cost more
# true events than it saved
TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST")
C = 0.5  # inverse L2 strength
MAX_LOST = 0.01  # share of the right candidates the threshold may drop
Rows = list[tuple[dict[str, float], int]]


def _rows(path: Path, processes: int) -> tuple[Rows, int, int, int]:
    """(features, label) of the judged candidates; gold events scored; right and wrong
    candidates of the other types (they always pass)."""
    root = SHARED if path.is_relative_to(ROOT) else None
    _, system = evaluate_gold(path, root=root, options=Options(processes=processes))
    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows: Rows = []
    scored = other_right = other_wrong = 0
    for g, p in zip(gold, system):
        actors = _GoldActors(_records(g, "actors"))
        gold_events, predicted = _records(g, "events"), _records(p, "events")
        _, pairs = _match_events(gold_events, predicted, actors, _named_sides_match)
        _, dyadic = _match_events(gold_events, predicted, actors, _dyadic_sides_match)
        scored += sum(not e.get("optional") for e in gold_events)
        matched = {id(q): e for e, q in pairs}
        by_country = {id(q) for e, q in dyadic if not e.get("optional")}
        for q in predicted:
            e = matched.get(id(q))
            if e is not None and e.get("optional"):
                continue
            # right: a scored event, by its named sides or at least by their countries (a
            # candidate with the right dyad is worth keeping even where a name is missed)
            label = int(e is not None or id(q) in by_country)
            if q["type"] not in TYPES:
                other_right += label
                other_wrong += 1 - label
                continue
            rows.append((features(candidate_of_record(q, p["text"])), label))
    return rows, scored, other_right, other_wrong


def _fit(rows: Rows) -> tuple[list[str], np.ndarray, float]:
    names = sorted({k for f, _ in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    y = np.array([label for _, label in rows], dtype=float)
    for r, (f, _) in enumerate(rows):
        for k, v in f.items():
            x[r, index[k]] = v
        x[r, -1] = 1.0  # bias, not penalised
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], 1.0 / C)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return names, w[:-1], float(w[-1])


def _probabilities(rows: Rows, names: list[str], w: np.ndarray, bias: float) -> np.ndarray:
    index = {k: i for i, k in enumerate(names)}
    z = np.array([bias + sum(w[index[k]] * v for k, v in f.items() if k in index)
                  for f, _ in rows])
    return 1.0 / (1.0 + np.exp(-z))


def _f1(right: int, wrong: int, scored: int) -> float:
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = right / scored if scored else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _file_f1(data: tuple[Rows, int, int, int], keep: np.ndarray) -> float:
    rows, scored, other_right, other_wrong = data
    labels = np.array([label for _, label in rows], dtype=int)
    right = int(labels[keep].sum()) + other_right
    wrong = int((1 - labels[keep]).sum()) + other_wrong
    return _f1(right, wrong, scored)


def _threshold(files: list[tuple[Rows, int, int, int]], names: list[str], w: np.ndarray,
               bias: float, show: bool = False) -> float:
    """The highest threshold that keeps all but ``MAX_LOST`` of the right candidates of the
    files: the filter exists to drop wrong events, and the golden gate's recall floors must
    hold; among those thresholds, this one drops the most wrong candidates."""
    probabilities = [_probabilities(d[0], names, w, bias) for d in files]
    labels = [np.array([label for _, label in d[0]], dtype=int) for d in files]
    right_all = sum(int(lab.sum()) for lab in labels)
    chosen = 0.0
    for t in np.round(np.arange(0.05, 0.61, 0.05), 2):
        kept = sum(int(lab[p >= t].sum()) for lab, p in zip(labels, probabilities))
        dropped = sum(int((1 - lab[p < t]).sum()) for lab, p in zip(labels, probabilities))
        if show:
            print(f"  threshold {t:.2f}: keeps {kept} of {right_all} right, drops {dropped} wrong")
        if right_all - kept <= MAX_LOST * right_all:
            chosen = float(t)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="print leave-one-file-out figures")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "src" / "accord" / "data" / "models" / "event_filter.json")
    parser.add_argument("-p", "--processes", type=int, default=2)
    args = parser.parse_args(argv)
    data = {}
    for path in DEV_FILES:
        print(f"extracting {path.name} ...", file=sys.stderr)
        data[path.name] = _rows(path, args.processes)
    if args.cv:
        print(f"{'held-out file':24} {'rules':>6} {'filtered':>8}")
        for held, d in data.items():
            train = [other for n, other in data.items() if n != held]
            names, w, bias = _fit([r for o in train for r in o[0]])
            t = _threshold(train, names, w, bias)
            keep = _probabilities(d[0], names, w, bias) >= t
            before = _file_f1(d, np.ones(len(d[0]), dtype=bool))
            print(f"{held:24} {before:6.3f} {_file_f1(d, keep):8.3f}")
    rows = [r for d in data.values() for r in d[0]]
    names, w, bias = _fit(rows)
    t = _threshold(list(data.values()), names, w, bias, show=True)
    model: dict[str, Any] = {
        "about": "Logistic regression over the rules' candidate events of the judged types; "
                 "built by evaluation/train_event_filter.py",
        "trained": date.today().isoformat(),
        "training_files": list(data),
        "candidates": len(rows), "right": int(sum(label for _, label in rows)),
        "types": list(TYPES), "C": C, "threshold": t, "bias": round(bias, 6),
        "weights": {k: round(float(v), 6) for k, v in zip(names, w) if abs(v) >= 1e-6},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"{len(rows)} candidates, threshold {t}, {len(model['weights'])} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
