"""Running the system on a gold file and scoring it (``accord eval``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accord.errors import GoldFormatError, ReadError
from accord.pipeline import Options, extract
from accord.read import read_paths
from accord.scoring import Report, score

__all__ = ["evaluate_gold", "load_gold"]


def load_gold(path: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or "text_path" not in record or "id" not in record:
            raise GoldFormatError(f"{path}:{n}: a gold document needs 'id' and 'text_path'")
        docs.append(record)
    return docs


def evaluate_gold(
    gold_path: Path, root: Path | None = None, options: Options | None = None
) -> tuple[Report, list[dict[str, Any]]]:
    """Extract every text of the gold file and score; returns the report and system documents."""
    gold = load_gold(gold_path)
    base = root if root is not None else gold_path.resolve().parent.parent
    paths = [str(base / g["text_path"]) for g in gold]
    system: list[dict[str, Any]] = []
    for g, item in zip(gold, extract(read_paths(paths), options or Options())):
        if isinstance(item, ReadError):
            raise GoldFormatError(f"gold document {g['id']}: {item}")
        system.append(item.to_dict())
    return score(zip(gold, system)), system
