"""Unit tests of evaluation.winer: BRAT reading, span normalisation, the scorer (no model loaded)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from accord.coders.annotations import ActorTable, PlaceAnn, ensure_extensions
from evaluation.winer import (
    Counts,
    Mention,
    SystemScore,
    WinerReport,
    accord_mentions,
    corpus_files,
    load_article,
    main,
    match_overlap,
    merge_predictions,
    model_mentions,
    normalize_span,
    read_ann,
    score_document,
    to_raw,
)

ANN = """T1\tPerson 0 5\tObama
T2\tDate 10 26\t9 février 2016
T3\tOrganization 30 45;50 55\tGrande Mosquée de Valence
#1\tAnnotatorNotes T1\tnote
R1\tPart Arg1:T3 Arg2:T4
T4\tLocation 50 57\tValence
T5\tProduct 60 71\tPeugeot 307
"""

RAW = (
    "Obama rencontre Hollande à Paris\n"
    "\n"
    "9 février 2016, Washington . –\n"
    "Barack Obama a reçu « Daech » à l'ONU, avec François Hollande.\n"
)


def _ann_line(n: int, label: str, text: str, needle: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return f"T{n}\t{label} {start} {start + len(needle)}\t{needle}\n"


def _write_article(folder: Path) -> Path:
    txt = folder / "2016_02_09-001.txt"
    txt.write_text(RAW, encoding="utf-8")
    ann = "".join([
        _ann_line(1, "Person", RAW, "Obama"),
        _ann_line(2, "Person", RAW, "Hollande"),
        _ann_line(3, "Location", RAW, "Paris"),
        _ann_line(4, "Date", RAW, "9 février 2016"),
        _ann_line(5, "Location", RAW, "Washington"),  # in the dateline: set aside
        _ann_line(6, "Person", RAW, "Barack Obama"),
        _ann_line(7, "Organization", RAW, "« Daech »"),  # quotes stripped
        _ann_line(8, "Organization", RAW, "ONU"),
        _ann_line(9, "Person", RAW, "François Hollande"),
    ])
    txt.with_suffix(".ann").write_text(ann, encoding="utf-8")
    return txt


def _m(text: str, label: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(label, start, start + len(needle))


# --- reading ------------------------------------------------------------------------------


def test_read_ann_keeps_the_three_types_and_joins_fragments() -> None:
    assert read_ann(ANN) == [
        Mention("Person", 0, 5),
        Mention("Organization", 30, 55),  # discontinuous: first start to last end
        Mention("Location", 50, 57),
    ]
    assert read_ann(ANN, labels=("Product",)) == [Mention("Product", 60, 71)]
    assert read_ann("") == []


def test_read_ann_rejects_bad_offsets() -> None:
    with pytest.raises(ValueError):
        read_ann("T1\tPerson 12\tX\n")


def test_load_article_keeps_gold_in_the_cleaned_text(tmp_path: Path) -> None:
    txt = _write_article(tmp_path)
    item = load_article(txt)
    assert item.name == "2016_02_09-001"
    assert item.article.text.startswith("Obama rencontre Hollande à Paris\n\n")
    assert "février" not in item.article.text  # the dateline is dropped
    assert item.article.dateline_place == "Washington"
    assert [(m.label, RAW[m.start:m.end]) for m in item.gold] == [
        ("Person", "Obama"), ("Person", "Hollande"), ("Location", "Paris"),
        ("Person", "Barack Obama"), ("Organization", "Daech"), ("Organization", "ONU"),
        ("Person", "François Hollande"),
    ]
    assert [RAW[m.start:m.end] for m in item.dropped] == ["Washington"]
    # cleaned offsets map back to the raw text
    clean = item.cleaned.text
    for needle in ("Obama", "Daech", "François Hollande", "Paris"):
        start = clean.rindex(needle)
        raw = to_raw(item.cleaned, start, start + len(needle))
        assert raw is not None and RAW[raw[0]:raw[1]] == needle
    separator = clean.index("\n\n")
    assert to_raw(item.cleaned, separator, separator + 1) is None
    assert to_raw(item.cleaned, 3, 3) is None


def test_load_article_refuses_shifting_line_ends(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("Titre\r\n\r\n9 février 2016 . –\r\nCorps.\r\n", encoding="utf-8", newline="")
    txt.with_suffix(".ann").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="CR"):
        load_article(txt)


def test_corpus_files_need_an_ann(tmp_path: Path) -> None:
    (tmp_path / "01").mkdir()
    _write_article(tmp_path / "01")
    (tmp_path / "2016-01-urls.txt").write_text("x\thttp://x\n", encoding="utf-8")
    (tmp_path / "license.txt").write_text("CC\n", encoding="utf-8")
    assert [p.name for p in corpus_files(tmp_path)] == ["2016_02_09-001.txt"]
    assert corpus_files(tmp_path, limit=0) == []


# --- spans --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Daech »", "Daech"),
        ("(ONU)", "ONU"),
        ("  Barack Obama, ", "Barack Obama"),
        ("\"Le Monde\".", "Le Monde"),
        ("l'ONU", "l'ONU"),  # articles are not stripped
        ("Jean-Yves Le Drian", "Jean-Yves Le Drian"),
        ("Toulouse\n\n", "Toulouse"),
    ],
)
def test_normalize_span(text: str, expected: str) -> None:
    padded = "xx " + text + " yy"
    span = normalize_span(padded, 3, 3 + len(text))
    assert span is not None and padded[span[0]:span[1]] == expected


def test_normalize_span_of_punctuation_only() -> None:
    assert normalize_span("a « » b", 2, 5) is None
    assert normalize_span("abc", 1, 1) is None


def test_merge_predictions_keeps_one_label_per_span() -> None:
    merged = merge_predictions([
        Mention("Location", 10, 15), Mention("Organization", 10, 15), Mention("Person", 0, 5),
        Mention("Location", 0, 5), Mention("Location", 0, 5), Mention("Organization", 20, 25),
        Mention("MISC", 30, 35),
    ])
    assert merged == [Mention("Person", 0, 5), Mention("Organization", 10, 15),
                      Mention("Organization", 20, 25)]


# --- the scorer ---------------------------------------------------------------------------

GOLD = [
    Mention("Person", 0, 5), Mention("Person", 10, 20), Mention("Organization", 30, 40),
    Mention("Location", 50, 55), Mention("Location", 60, 70),
]
PREDICTED = [
    Mention("Person", 0, 5),  # exact
    Mention("Person", 10, 15),  # boundary: overlap only
    Mention("Location", 30, 40),  # type error: no match
    Mention("Location", 50, 55),  # exact
    Mention("Location", 58, 62),  # boundary: overlap only
    Mention("Location", 80, 90),  # spurious
]


def test_score_document_exact_per_type() -> None:
    exact = score_document(GOLD, PREDICTED)["exact"]
    assert exact["Person"] == Counts(2, 2, 1)
    assert exact["Organization"] == Counts(1, 0, 0)
    assert exact["Location"] == Counts(2, 4, 1)
    assert (exact["Person"].precision, exact["Person"].recall, exact["Person"].f1) == (
        0.5, 0.5, 0.5)
    assert (exact["Organization"].precision, exact["Organization"].f1) == (0.0, 0.0)
    assert exact["Location"].precision == 0.25
    assert exact["Location"].recall == 0.5
    assert exact["Location"].f1 == pytest.approx(1 / 3)


def test_score_document_overlap_per_type() -> None:
    overlap = score_document(GOLD, PREDICTED)["overlap"]
    assert overlap["Person"] == Counts(2, 2, 2)
    assert overlap["Person"].f1 == 1.0
    assert overlap["Organization"] == Counts(1, 0, 0)
    assert overlap["Location"] == Counts(2, 4, 2)
    assert overlap["Location"].f1 == pytest.approx(2 / 3)


def test_micro_averages_over_the_three_types() -> None:
    score = SystemScore()
    for criterion, per_label in score_document(GOLD, PREDICTED).items():
        score.counts[criterion] = per_label
    exact = score.figures("exact")["micro"]
    assert exact == Counts(5, 6, 2)
    assert exact.precision == pytest.approx(1 / 3)
    assert exact.recall == pytest.approx(2 / 5)
    assert exact.f1 == pytest.approx(4 / 11)
    overlap = score.figures("overlap")["micro"]
    assert overlap == Counts(5, 6, 4)
    assert overlap.f1 == pytest.approx(8 / 11)


def test_counts_add_and_empty() -> None:
    assert Counts(1, 2, 1) + Counts(3, 0, 0) == Counts(4, 2, 1)
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert Counts(2, 0, 0).to_dict()["recall"] == 0.0


def test_overlap_is_one_to_one_and_greedy() -> None:
    # one prediction over two gold spans matches only one of them
    assert len(match_overlap([Mention("Location", 0, 10), Mention("Location", 12, 20)],
                             [Mention("Location", 0, 20)])) == 1
    # identical spans first, then the largest overlap
    gold = [Mention("Location", 0, 10), Mention("Location", 12, 20)]
    pred = [Mention("Location", 5, 15), Mention("Location", 0, 10)]
    assert sorted(match_overlap(gold, pred)) == sorted([
        (Mention("Location", 0, 10), Mention("Location", 0, 10)),
        (Mention("Location", 12, 20), Mention("Location", 5, 15)),
    ])
    pairs = match_overlap([Mention("Person", 0, 10)],
                          [Mention("Person", 0, 4), Mention("Person", 2, 10)])
    assert pairs == [(Mention("Person", 0, 10), Mention("Person", 2, 10))]
    # types must agree; touching spans do not overlap
    assert match_overlap([Mention("Person", 0, 5)], [Mention("Location", 0, 5)]) == []
    assert match_overlap([Mention("Person", 0, 5)], [Mention("Person", 5, 9)]) == []


def test_duplicates_count_once() -> None:
    exact = score_document(GOLD + GOLD[:1], PREDICTED + PREDICTED[:1])["exact"]
    assert exact["Person"] == Counts(2, 2, 1)


# --- from a Doc, and the report -----------------------------------------------------------


def test_mentions_from_a_coded_doc() -> None:
    ensure_extensions()
    nlp = spacy.blank("fr")  # a tokenizer only: the model is not loaded
    doc = nlp("Barack Obama a reçu l'ONU en France et à Paris .")
    table = ActorTable()
    obama = table.new("Barack Obama", "person", "USA", None)
    table.add_mention(obama, 0, 2)
    onu = table.new("ONU", "organization", None, None)
    table.add_mention(onu, 5, 6)
    france = table.new("France", "state", "FRA", None)
    table.add_mention(france, 7, 8)
    table.add_mention(france, 12, 14)  # out of the Doc: ignored
    table.new("Ministère", "organization", None, None)  # derived: no mention
    doc._.actors = table
    doc._.places = [PlaceAnn(7, 8, "France", "FRA", None, None),
                    PlaceAnn(10, 11, "Paris", "FRA", None, None),
                    PlaceAnn(-1, -1, "Hanoï", "VNM", None, None)]  # a dateline place
    found = [(m.label, doc.text[m.start:m.end]) for m in accord_mentions(doc)]
    assert found == [("Person", "Barack Obama"), ("Organization", "ONU"),
                     ("Location", "France"), ("Location", "France"), ("Location", "Paris")]
    doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 5, 6, "ORG"), Span(doc, 7, 8, "MISC"),
                Span(doc, 10, 11, "LOC")]
    assert [(m.label, doc.text[m.start:m.end]) for m in model_mentions(doc)] == [
        ("Person", "Barack Obama"), ("Organization", "ONU"), ("Location", "Paris")]


def test_report_on_hand_predictions(tmp_path: Path) -> None:
    item = load_article(_write_article(tmp_path))
    report = WinerReport(documents=1)
    report.gold.update(m.label for m in item.gold)
    report.dropped.update(m.label for m in item.dropped)
    accord = [_m(RAW, "Person", "Obama"), _m(RAW, "Person", "Barack Obama"),
              _m(RAW, "Organization", "ONU"), _m(RAW, "Location", "Paris"),
              _m(RAW, "Person", "François Hollande")]
    model = [_m(RAW, "Person", "Obama"), _m(RAW, "Location", "l'ONU"),
             _m(RAW, "Person", "Hollande", 1)]
    report.systems["accord"].add(item, accord)
    report.systems["model"].add(item, model)
    exact_accord = report.systems["accord"].figures("exact")["micro"]
    assert exact_accord == Counts(7, 5, 5)
    assert report.systems["model"].figures("exact")["micro"] == Counts(7, 3, 1)
    assert report.systems["model"].figures("overlap")["micro"] == Counts(7, 3, 2)
    assert report.systems["model"].error_kinds["fp:boundary"] == 1  # "Hollande" in a full name
    assert report.systems["model"].error_kinds["fp:spurious"] == 1  # "l'ONU" as a Location
    assert report.delta_f1("exact", "micro") == pytest.approx(
        exact_accord.f1 - Counts(7, 3, 1).f1)
    data = report.to_dict(errors=3)
    assert data["gold_outside_cleaned_text"] == {"Person": 0, "Organization": 0, "Location": 1}
    assert data["exact"]["accord"]["micro"]["matched"] == 5  # type: ignore[index]
    assert len(data["errors"]["model"]) == 3  # type: ignore[index]
    text = report.format(errors=2)
    assert "7 gold Person/Organization/Location mentions" in text
    assert "1 outside accord's cleaned text" in text
    assert "micro" in text and "ΔF1" in text


def test_main_rejects_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path / "absent")])
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--limit", "0"])
