"""The learned event filter: the packaged model's schema, its decision rule, the switch that turns
it off, and that a candidate reads the same off the coder's annotation and off the record."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from accord.coders import event_filter as ef
from accord.coders.event_filter import Candidate, EventFilter, features
from accord.vocab.ontology import is_event_type

FIXED = set(features(Candidate("CONSULT", None, "a", 0, 0, 0, 0, None, False, 0.0, 0, "", 0)))


def _model() -> dict:
    path = resources.files("accord") / "data" / "models" / "event_filter.json"
    return json.loads(path.read_text("utf-8"))


def test_the_packaged_model_is_well_formed() -> None:
    model = _model()
    assert 0.0 < model["threshold"] < 1.0
    assert model["types"] and all(is_event_type(t) for t in model["types"])
    assert all(not name.startswith("check-") for name in model["training_files"])
    assert math.isfinite(model["bias"])
    for name, weight in model["weights"].items():
        assert math.isfinite(weight)
        assert name in FIXED or name.split("=", 1)[0] in ("type", "mode", "trigger"), name


def _candidate(etype: str, trigger: str = "rencontré") -> Candidate:
    return Candidate(etype, None, trigger, 1, 0, 1, 0, "2024-01-02", True, 0.1, 40, "X a ", 80)


def test_types_it_does_not_judge_always_pass() -> None:
    never = EventFilter(weights={"type=ASSAULT": -50.0, "type=CONSULT": -50.0}, bias=0.0,
                        threshold=0.5, types=frozenset({"CONSULT"}))
    assert never.keeps(_candidate("ASSAULT"))
    assert not never.keeps(_candidate("CONSULT"))


def test_probability_follows_the_weights() -> None:
    model = EventFilter(weights={"trigger=CONSULT/rencontré": 3.0}, bias=-1.0, threshold=0.5,
                        types=frozenset({"CONSULT"}))
    assert model.probability(_candidate("CONSULT")) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert model.probability(_candidate("CONSULT", "reçu")) == pytest.approx(
        1 / (1 + math.exp(1.0)))


def test_quotes_and_reported_clauses_are_features() -> None:
    quoted = Candidate("AGREE", None, "aider", 1, 0, 0, 0, None, False, 0.5, 900,
                       "« Nous allons", 60)
    reported = Candidate("AGREE", None, "aider", 1, 0, 0, 0, None, False, 0.5, 900,
                         "Il a dit que le Vietnam va", 60)
    assert features(quoted)["quoted"] == 1.0 and features(quoted)["reported"] == 0.0
    assert features(reported)["reported"] == 1.0 and features(reported)["quoted"] == 0.0


def test_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    ef.event_filter.cache_clear()
    try:
        monkeypatch.setenv("ACCORD_EVENT_FILTER", "off")
        assert ef.event_filter() is None
        ef.event_filter.cache_clear()
        monkeypatch.delenv("ACCORD_EVENT_FILTER")
        assert ef.event_filter() is not None
    finally:
        ef.event_filter.cache_clear()


@pytest.mark.model
def test_a_candidate_reads_the_same_off_the_annotation_and_the_record() -> None:
    from accord.coders.build import build_document
    from accord.pipeline import load_pipeline
    from accord.read import Article

    text = ("Le ministre vietnamien de la Défense, Phan Van Giang, a reçu le 3 mars à Hanoï son "
            "homologue japonais Minoru Kihara. Les deux parties ont convenu de renforcer la "
            "coopération. « Nous allons aider le Laos », a déclaré le ministre.")
    article = Article(id="t", path="t", published="2024-03-05", language="fr", source=None,
                      dateline_place=None, text=text)
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.article = article
    doc = nlp(doc)
    record = build_document(doc, article).to_dict()
    assert doc._.events and len(record["events"]) == len(doc._.events)
    for ann, rec in zip(doc._.events, record["events"]):
        assert features(ef.candidate_of_event(ann, doc)) == features(
            ef.candidate_of_record(rec, record["text"]))
