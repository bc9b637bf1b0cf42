"""The trigger lexicon (accord/data/fr/trigger_lexicon.tsv): its schema and its sources.

Each row is a PLOVER trigger in the columns of triggers.tsv plus the resource it was taken from;
the core list (triggers.tsv) wins where both list a word, so the lexicon does not repeat it.
"""

from __future__ import annotations

import csv
import io
import re
from importlib import resources

import pytest

from accord.vocab.lexicon import lexicon, read_tsv
from accord.vocab.ontology import is_event_type, is_mode, ontology

COLUMNS = ["lemma", "pos", "type", "mode", "frame", "objects", "source"]
VERB_FRAMES = {"svo", "host", "visit", "joint", "sign", "subj", "plan"}
# the frames the core list documents (triggers.tsv header)
NOUN_FRAMES = {"noun", "summit", "agentnoun", "patient"}
# one resource cited in a `source` cell (several are joined by "; ")
SOURCE = re.compile(
    r"cameo:(?P<cameo>\d{3,4}) \([^()]+\)"
    r"|framenet:(?P<frame>[A-Z][A-Za-z_.-]+)( \([^()]+\))?"
    r"|plover:definition (?P<type>[A-Z]+)( [a-z-]+)?( \([^()]+\))?"
    r"|vectors:(?P<seed>[a-zàâçéèêëîïôûùüÿœ-]+)( \([^()]+\))?"
)


def _rows() -> list[dict[str, str]]:
    return read_tsv("fr", "trigger_lexicon.tsv")


def _raw_lines() -> list[list[str]]:
    text = (resources.files("accord") / "data" / "fr" / "trigger_lexicon.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _cameo_codes() -> set[str]:
    text = (resources.files("accord") / "data" / "plover" / "cameo.tsv").read_text("utf-8")
    codes: set[str] = set()
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        codes |= {row["cameo_code"], *filter(None, row["alternatives"].split(","))}
    return codes


ROWS = _rows()
CAMEO_CODES = _cameo_codes()


def test_the_lexicon_has_entries_of_every_type() -> None:
    assert {r["type"] for r in ROWS} == set(ontology().types)


def test_header_and_seven_columns() -> None:
    lines = _raw_lines()
    assert lines[0] == COLUMNS
    for cells in lines[1:]:
        assert len(cells) == 7, cells
        assert all(c.strip() == c and c for c in cells), cells


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['lemma']}-{r['type']}")
def test_row(row: dict[str, str]) -> None:
    lemma, pos, etype, mode, frame = (row[k] for k in ("lemma", "pos", "type", "mode", "frame"))
    assert lemma == lemma.lower() and " " not in lemma
    assert pos in ("VERB", "NOUN")
    assert is_event_type(etype)
    assert mode == "-" or is_mode(etype, mode), f"{mode} is not a mode of {etype}"
    assert frame in (VERB_FRAMES if pos == "VERB" else NOUN_FRAMES)
    if pos == "NOUN":
        assert row["objects"] == "-", "light-verb objects belong to verbs"
    else:
        objects = row["objects"].split(",")
        assert row["objects"] == "-" or all(o and o == o.lower() for o in objects)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['lemma']}-{r['type']}")
def test_source_names_a_known_resource(row: dict[str, str]) -> None:
    for part in row["source"].split("; "):
        found = SOURCE.fullmatch(part)
        assert found, f"unknown source: {part!r}"
        if found["cameo"]:
            code = found["cameo"]
            # a CAMEO code PLOVER maps (03-20), listed in cameo.tsv or under a listed root
            assert code in CAMEO_CODES or (3 <= int(code[:2]) <= 20), code
        if found["type"]:
            assert is_event_type(found["type"])


def test_no_duplicate_lemma_pos_type() -> None:
    keys = [(r["lemma"], r["pos"], r["type"]) for r in ROWS]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_no_row_repeats_the_core_list() -> None:
    core = {(r["lemma"], r["pos"]) for r in read_tsv("fr", "triggers.tsv")}
    assert not [(r["lemma"], r["pos"]) for r in ROWS if (r["lemma"], r["pos"]) in core]


def test_the_lexicon_entries_are_loaded() -> None:
    triggers = lexicon("fr").triggers
    for r in ROWS:
        assert any(t.type == r["type"] for t in triggers[(r["lemma"], r["pos"])]), r
