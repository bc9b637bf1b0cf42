"""The golden gate: the system scored on ../shared/gold and on the project's own development gold
(evaluation/gold) must not drop under the recorded floors."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from accord.scoring.gold import evaluate_gold
from tests.conftest import ROOT, SHARED

FLOORS = Path(__file__).with_name("floors.json")
GOLD_FILES = ("seeds.jsonl", "dev-wikinews-fr.jsonl", "dev-wikinews-fr-2.jsonl", "dev-vna-fr.jsonl",
              "check-wikinews-fr.jsonl", "check-vna-fr.jsonl",
              # the project's own development gold (evaluation/gold, texts in ../shared)
              "dev-vna-fr-2.jsonl", "dev-wikinews-fr-3.jsonl", "dev-wikinews-fr-4.jsonl",
              "dev-vna-fr-3.jsonl", "dev-vna-fr-4.jsonl", "dev-wikinews-fr-5.jsonl")
OWN_GOLD = ROOT / "evaluation" / "gold"


def figures(report: dict[str, Any]) -> dict[str, float]:
    """The flat figures the gate watches, from a scoring report."""
    micro = report["micro"]
    out: dict[str, float] = {}
    for facet in ("actors", "events_named", "events_dyadic", "claims", "statements"):
        for key in ("precision", "recall", "f1"):
            out[f"{facet}.{key}"] = micro[facet][key]
    for facet, keys in (("actors", ("country_accuracy", "sector_accuracy", "title_recall")),
                        ("events_named", ("date_accuracy", "place_accuracy"))):
        for key in keys:
            value = micro[facet][key]["value"]
            if value is not None:
                out[f"{facet}.{key}"] = value
    return out


@cache
def measured(name: str) -> dict[str, float]:
    own = OWN_GOLD / name
    if own.exists():
        report, _ = evaluate_gold(own, root=SHARED)
    else:
        report, _ = evaluate_gold(SHARED / "gold" / name)
    return figures(report.to_dict())


@pytest.mark.model
@pytest.mark.golden
@pytest.mark.parametrize("name", GOLD_FILES)
def test_gold_figures_stay_above_floors(name: str) -> None:
    floors = json.loads(FLOORS.read_text())[name]
    got = measured(name)
    below = {k: (got.get(k, 0.0), v) for k, v in floors.items() if got.get(k, 0.0) + 1e-9 < v}
    assert not below, f"{name}: figures under their floor (got, floor): {below}"


def _git_show(commit: str, rel: str) -> str | None:
    shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    return shown.stdout if shown.returncode == 0 else None


def test_floors_never_lowered() -> None:
    """No floor of the working file is lower than in any committed version of it, for the
    same gold. A revision of one of the project's own gold files (documented in
    evaluation/gold/README.md) measures something else: the floors of that file are compared
    only with the commits that had the same annotations."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git history")
    rel = FLOORS.relative_to(ROOT).as_posix()
    log = subprocess.run(["git", "log", "--format=%H", "--", rel], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    current = json.loads(FLOORS.read_text())
    own_now = {p.name: p.read_text() for p in OWN_GOLD.glob("*.jsonl")}
    for commit in log.stdout.split():
        shown = _git_show(commit, rel)
        if shown is None:
            continue
        old = json.loads(shown)
        for name, values in old.items():
            if name.startswith("_"):
                continue
            if name in own_now and _git_show(
                    commit, (OWN_GOLD / name).relative_to(ROOT).as_posix()) != own_now[name]:
                continue  # the annotations were revised since: other figures
            for key, floor in values.items():
                assert current.get(name, {}).get(key, 0.0) + 1e-9 >= floor, (
                    f"floor {name}:{key} lowered from {floor} (commit {commit[:8]})"
                )
