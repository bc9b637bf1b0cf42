"""The titles list (accord/data/fr/titles.tsv): its schema and where each entry comes from."""

from __future__ import annotations

import re

from accord.vocab.lexicon import lexicon, read_tsv
from accord.vocab.ontology import ontology
from accord.vocab.text import fold

KINDS = {"rank", "office", "honorific", "designation"}
SOURCE = re.compile(r"core|dev-gold|winer|form:(?P<entry>.+)")


def test_every_title_has_a_kind_a_known_sector_and_a_source() -> None:
    sectors = set(ontology().sectors) | {"-"}
    rows = read_tsv("fr", "titles.tsv")
    assert rows
    for row in rows:
        assert set(row) == {"title", "kind", "sector", "source"}, row
        assert row["kind"] in KINDS, row
        assert row["sector"] in sectors, row
        assert SOURCE.fullmatch(row["source"]), row


def test_titles_are_listed_once_and_a_form_names_a_listed_entry() -> None:
    rows = read_tsv("fr", "titles.tsv")
    folded = [fold(r["title"]) for r in rows]  # titles are matched accent- and case-folded
    assert len(folded) == len(set(folded))
    listed = {r["title"] for r in rows}
    for row in rows:
        match = SOURCE.fullmatch(row["source"])
        assert match is not None
        if match["entry"]:
            assert match["entry"] in listed, row


def test_the_lexicon_reads_every_title() -> None:
    assert len(lexicon().titles) == len({fold(r["title"]) for r in read_tsv("fr", "titles.tsv")})
