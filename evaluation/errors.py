"""Error listing for a gold file: what the system missed and what it added, document by document.

    accord eval GOLD.jsonl --predictions pred.jsonl
    python evaluation/errors.py GOLD.jsonl pred.jsonl [--facet events|actors|all] [--doc ID]

Reads the gold file and the system documents ``accord eval --predictions`` wrote, matches them
as the scorer does (accord.scoring), and prints, per document, the missed gold events and the
unmatched predictions with their sentences, and the missed and extra actors. For reading errors
on ``dev-*`` files only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from accord.scoring import (
    _GoldActors,
    _match,
    _match_events,
    _named_sides_match,
    _records,
    names_match,
)


def _who(side: list[dict[str, Any]]) -> str:
    return " + ".join(f"{p.get('name')}({p.get('country')})" for p in side) or "-"


def _event(e: dict[str, Any]) -> str:
    mode = f"/{e['mode']}" if e.get("mode") else ""
    return (f"{e.get('type')}{mode} {_who(_records(e, 'actor'))} -> {_who(_records(e, 'recipient'))}"
            f" date={e.get('date')}")


def _sentence_of(text: str, evidence: str) -> str:
    i = text.find(evidence)
    if i < 0:
        return "(evidence not found in text)"
    start = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i)) + 1
    end = min([j for j in (text.find(". ", i + len(evidence)), text.find("\n", i)) if j >= 0]
              or [len(text)])
    return text[start:end + 1].strip()


def _same_actor(gold: dict[str, Any], pred: dict[str, Any]) -> int | None:
    if gold.get("kind") != pred.get("kind"):
        return None
    names = [gold["name"], *(gold.get("aliases") or [])]
    return 1 if names_match(names, pred.get("name") or "") else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--facet", choices=("events", "actors", "all"), default="all")
    ap.add_argument("--doc", default=None)
    args = ap.parse_args()
    golds = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    preds = [json.loads(line) for line in args.predictions.read_text().splitlines() if line.strip()]
    for gold, pred in zip(golds, preds):
        if args.doc and gold["id"] != args.doc:
            continue
        text = pred.get("text") or ""
        print(f"\n######## {gold['id']}  {gold.get('text_path')}")
        actors = _GoldActors(_records(gold, "actors"))
        if args.facet in ("events", "all"):
            ge, pe = _records(gold, "events"), _records(pred, "events")
            _, pairs = _match_events(ge, pe, actors, _named_sides_match)
            hit_g = {id(g) for g, _ in pairs}
            hit_p = {id(p) for _, p in pairs}
            for g in ge:
                if g.get("optional"):
                    continue
                tag = "OK  " if id(g) in hit_g else "MISS"
                print(f"  {tag} {_event(g)}  ev={g.get('evidence')!r}")
                if id(g) not in hit_g:
                    print(f"        S: {_sentence_of(text, g.get('evidence') or '')[:300]}")
            for p in pe:
                if id(p) in hit_p:
                    continue
                opt = any(g.get("optional") and g.get("type") == p.get("type") for g in ge)
                print(f"  {'FP? ' if opt else 'FP  '} {_event(p)}  ev={p.get('evidence')!r}")
                print(f"        S: {(p.get('sentence') or '')[:300]}")
        if args.facet in ("actors", "all"):
            ga, pa = _records(gold, "actors"), _records(pred, "actors")

            pairs_a = _match(len(ga), len(pa), lambda g, p, ga=ga, pa=pa: _same_actor(ga[g], pa[p]))
            mg = {g for g, _ in pairs_a}
            mp = {p for _, p in pairs_a}
            for g, p in pairs_a:
                gt = set(ga[g].get("titles") or [])
                pt = set(pa[p].get("titles") or [])
                if ga[g].get("country") != pa[p].get("country") or gt - pt or (
                        ga[g].get("sector") != pa[p].get("sector")):
                    print(f"  ACT~ {ga[g]['name']}: gold {ga[g].get('country')}/{ga[g].get('sector')}"
                          f" {sorted(gt)} | pred {pa[p].get('country')}/{pa[p].get('sector')} {sorted(pt)}")
            for g, a in enumerate(ga):
                if g not in mg:
                    print(f"  ACT- {a['kind']} {a['name']!r} {a.get('country')}/{a.get('sector')} "
                          f"{a.get('titles') or ''}")
            for p, a in enumerate(pa):
                if p not in mp:
                    print(f"  ACT+ {a.get('kind')} {a.get('name')!r} {a.get('country')}/{a.get('sector')}")


if __name__ == "__main__":
    main()
