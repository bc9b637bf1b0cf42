"""evaluation.winer with the real French model, on the first two WiNER-fr documents."""

from __future__ import annotations

import pytest

from accord.pipeline import load_pipeline
from evaluation.winer import (
    LABELS,
    accord_mentions,
    corpus_files,
    evaluate_winer,
    load_article,
    main,
    to_raw,
)
from tests.conftest import SHARED

pytestmark = pytest.mark.model

WINER = SHARED / "data" / "winer-fr-2016"
needs_corpus = pytest.mark.skipif(not WINER.is_dir(), reason="../shared/data/winer-fr-2016 is absent")


@needs_corpus
def test_accord_mentions_map_back_to_the_raw_text() -> None:
    nlp = load_pipeline("fr")
    for path in corpus_files(WINER, limit=2):
        item = load_article(path)
        doc = nlp.make_doc(item.article.text)
        doc._.article = item.article
        doc = nlp(doc)
        mentions = accord_mentions(doc)
        assert mentions
        for m in mentions:
            raw = to_raw(item.cleaned, m.start, m.end)
            assert raw is not None
            assert item.raw[raw[0]:raw[1]] == doc.text[m.start:m.end]


@needs_corpus
def test_evaluate_two_documents(capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_winer(WINER, limit=2)
    assert report.documents == 2 and not report.failures
    assert sum(report.gold.values()) > 0
    for score in report.systems.values():
        for criterion in ("exact", "overlap"):
            figures = score.figures(criterion)
            assert set(figures) == {*LABELS, "micro"}
            micro = figures["micro"]
            assert micro.predicted > 0 and 0.0 < micro.f1 <= 1.0
        assert score.figures("overlap")["micro"].matched >= score.figures("exact")[
            "micro"].matched
    assert main([str(WINER), "--limit", "2", "--json"]) == 0
    assert '"documents": 2' in capsys.readouterr().out
