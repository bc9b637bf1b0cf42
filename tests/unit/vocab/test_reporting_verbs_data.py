"""The reporting verbs (accord/data/fr/reporting_verbs.tsv): their schema and their sources."""

from __future__ import annotations

import re

from accord.vocab.lexicon import lexicon, read_tsv

TAKES = {"clause", "that", "noun", "quote", "addressee", "opinion"}
# one resource cited in a `source` cell (several are joined by "; ")
SOURCE = re.compile(r"core|framenet:[A-Z][A-Za-z_.-]+|cameo:(\d{3,4}|---) \([^()]+\)")


def test_every_reporting_verb_says_what_it_reports_and_where_it_comes_from() -> None:
    rows = read_tsv("fr", "reporting_verbs.tsv")
    assert rows
    for row in rows:
        assert set(row) == {"lemma", "takes", "source"}, row
        assert row["lemma"] == row["lemma"].strip().lower(), row
        assert set(row["takes"].split(",")) <= TAKES, row
        assert all(SOURCE.fullmatch(s) for s in row["source"].split("; ")), row
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas))


def test_a_wish_takes_a_que_clause_only_and_praise_its_addressee() -> None:
    verbs = lexicon().reporting_verbs
    assert verbs["souhaiter"].clause and verbs["souhaiter"].finite_only
    assert not verbs["déclarer"].finite_only
    assert verbs["remercier"].addressee and not verbs["remercier"].noun
