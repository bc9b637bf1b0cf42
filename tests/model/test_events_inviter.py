"""A visit's host is who invited, when the sentence names them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.pipeline import extract_one
from accord.read import read_text

pytestmark = pytest.mark.model


def test_the_inviter_of_another_country_is_the_host() -> None:
    article = replace(read_text(
        "Le ministre de la Défense Ngo Xuan Lich effectue une visite officielle en Belgique sur "
        "invitation de Federica Mogherini, haute représentante de l'UE.", "t.txt"),
        published="2019-10-16")
    (event,) = [e for e in extract_one(article).events if e.type == "CONSULT"]
    assert event.mode == "visit"
    assert [p.name for p in event.actor] == ["Ngo Xuan Lich"]
    assert [p.name for p in event.recipient] == ["Federica Mogherini"]
