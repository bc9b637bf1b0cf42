"""Unit tests of accord.scoring: one small hand-made gold/system pair per rule of the README."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.errors import GoldFormatError
from accord.scoring import (
    FACETS,
    Counts,
    Ratio,
    Scores,
    format_table,
    names_match,
    normalize_name,
    score,
)

GOLD_DIR = Path(__file__).resolve().parents[4] / "shared" / "gold"

Doc = dict[str, Any]


def actor(name: str, kind: str = "person", country: str | None = "VNM",
          sector: str | None = "GOV", titles: tuple[str, ...] = (),
          aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"name": name, "kind": kind, "country": country, "sector": sector,
            "titles": list(titles), "aliases": list(aliases)}


def part(name: str | None, country: str | None = "VNM") -> dict[str, Any]:
    return {"name": name, "country": country}


def event(type_: str = "CONSULT", actors: tuple[dict[str, Any], ...] = (),
          recipients: tuple[dict[str, Any], ...] = (), mode: str | None = "visit",
          **extra: Any) -> dict[str, Any]:
    record = {"type": type_, "mode": mode, "actor": list(actors), "recipient": list(recipients),
              "date": None, "place": None, "context": [], "evidence": "", "optional": False}
    record.update(extra)
    return record


def doc(id_: str = "d1", **facets: Any) -> Doc:
    return {"id": id_, "language": "fr", "published": "2024-01", **facets}


def one(gold: Doc, system: Doc) -> Scores:
    report = score([(gold, system)])
    assert report.documents[gold["id"]] == report.micro
    return report.micro


def counts(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


# Actors known to the gold document of the event tests.
LAM, CHEN, HUNG = part("To Lam", "VNM"), part("Chen Siyuan", "CHN"), part("Le Quoc Hung", "VNM")
EVENT_ACTORS = [actor("To Lam"), actor("Chen Siyuan", country="CHN"), actor("Le Quoc Hung"),
                actor("Union européenne", "organization", "EUR", aliases=("UE",))]


def events_score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Scores:
    return one(doc(actors=EVENT_ACTORS, events=gold), doc(events=pred))


# --- names -------------------------------------------------------------------------------------


def test_normalize_name_folds_case_accents_hyphens_apostrophes_and_spaces() -> None:
    assert normalize_name("  Hoàng  Xuân   CHIẾN ") == "hoang xuan chien"
    assert normalize_name("L’Hôpital-Général") == "l hopital general"
    assert normalize_name("d'Ivoire ʼ x‘y — z–w‐v") == "d ivoire x y z w v"
    assert normalize_name("") == ""


def test_names_match_equality_after_normalisation() -> None:
    assert names_match(["Hoang Xuân Chiên"], "hoàng xuan chiến")
    assert names_match(["Jean-Yves Le Drian"], "Jean Yves le drian")


def test_names_match_alias() -> None:
    assert names_match(["Union européenne", "UE"], "UE")
    assert not names_match(["Union européenne"], "UE")


def test_names_match_token_containment_needs_shared_last_token() -> None:
    assert names_match(["To Lam"], "Lam")  # predicted tokens inside gold, same last token
    assert names_match(["Lam"], "To Lam")  # gold tokens inside predicted
    assert names_match(["Trump"], "Donald Trump")
    assert not names_match(["To Lam"], "To")  # contained but the last token differs
    assert not names_match(["Ministère de la Défense"], "Ministère")
    assert not names_match(["To Lam"], "Chen Siyuan")
    assert not names_match(["To Lam"], "")
    assert not names_match([], "To Lam")


# --- actors ------------------------------------------------------------------------------------


def test_actor_exact_match_and_secondary_figures() -> None:
    gold = doc(actors=[actor("To Lam", country="VNM", sector="COP",
                             titles=("général", "ministre de la Sécurité publique"))])
    pred = doc(actors=[actor("TO LAM", country="VNM", sector="GOV",
                             titles=("Général", "vice-ministre"))])
    s = one(gold, pred)
    assert counts(s.actors) == (1, 0, 0)
    assert s.actor_country == Ratio(1, 1)
    assert s.actor_sector == Ratio(0, 1)
    assert s.actor_titles == Ratio(1, 2)


def test_title_normalisation_counts_hyphen_and_accent_variants() -> None:
    gold = doc(actors=[actor("Hoang Xuân Chiên", titles=("vice-ministre de la Défense",))])
    pred = doc(actors=[actor("Hoang Xuan Chien", titles=("Vice ministre de la defense",))])
    assert one(gold, pred).actor_titles == Ratio(1, 1)


def test_actor_alias_and_containment_match() -> None:
    gold = doc(actors=[actor("Union européenne", "organization", "EUR", aliases=("UE",)),
                       actor("Donald Trump", country="USA")])
    pred = doc(actors=[actor("UE", "organization", "EUR"), actor("Trump", country="USA")])
    assert counts(one(gold, pred).actors) == (2, 0, 0)


def test_actor_kind_mismatch_is_fp_and_fn() -> None:
    gold = doc(actors=[actor("Vietnam", "state", sector=None)])
    pred = doc(actors=[actor("Vietnam", "organization", sector=None)])
    assert counts(one(gold, pred).actors) == (0, 1, 1)


def test_same_name_actors_are_told_apart_by_country() -> None:
    gold = doc(actors=[actor("Ministère de la Sécurité publique", "organization", "VNM", "COP"),
                       actor("Ministère de la Sécurité publique", "organization", "CHN", "COP")])
    pred = doc(actors=[actor("Ministère de la sécurité publique", "organization", "CHN", "COP"),
                       actor("Ministère de la sécurité publique", "organization", "VNM", "COP")])
    s = one(gold, pred)
    assert counts(s.actors) == (2, 0, 0)
    assert s.actor_country == Ratio(2, 2)


def test_actor_matching_is_one_to_one() -> None:
    gold = doc(actors=[actor("To Lam")])
    pred = doc(actors=[actor("To Lam"), actor("Lam")])
    s = one(gold, pred)
    assert counts(s.actors) == (1, 1, 0)
    assert s.actor_country == Ratio(1, 1)


def test_actor_matching_is_maximum_not_greedy() -> None:
    # "To Lam" equals G1 and is contained in G2; "Ba To Lam" matches G1 only. A greedy pass
    # taking the exact pair first would leave one pair unmatched.
    gold = doc(actors=[actor("To Lam"), actor("Van To Lam")])
    pred = doc(actors=[actor("To Lam"), actor("Ba To Lam")])
    assert counts(one(gold, pred).actors) == (2, 0, 0)


def test_unnamed_predicted_actor_is_a_false_positive() -> None:
    s = one(doc(actors=[]), doc(actors=[{"name": None, "kind": "person"}]))
    assert counts(s.actors) == (0, 1, 0)


# --- events, named -----------------------------------------------------------------------------


def test_event_exact_match() -> None:
    e = event(actors=(CHEN,), recipients=(LAM,))
    s = events_score([e], [dict(e)])
    assert counts(s.events_named) == (1, 0, 0)
    assert counts(s.events_dyadic) == (1, 0, 0)


def test_event_type_mismatch() -> None:
    s = events_score([event("CONSULT", (CHEN,), (LAM,))], [event("AGREE", (CHEN,), (LAM,))])
    assert counts(s.events_named) == (0, 1, 1)
    assert counts(s.events_dyadic) == (0, 1, 1)


def test_event_participants_match_by_alias_and_containment() -> None:
    gold = [event("AGREE", (part("Union européenne", "EUR"),), (LAM,), mode=None)]
    pred = [event("AGREE", (part("UE", "EUR"),), (part("Lam", "VNM"),), mode=None)]
    assert counts(events_score(gold, pred).events_named) == (1, 0, 0)


def test_event_participants_must_match_both_ways() -> None:
    gold = [event(actors=(CHEN,), recipients=(LAM,))]
    extra = [event(actors=(CHEN, HUNG), recipients=(LAM,))]
    missing = [event(actors=(CHEN,), recipients=())]
    assert counts(events_score(gold, extra).events_named) == (0, 1, 1)
    assert counts(events_score(gold, missing).events_named) == (0, 1, 1)


def test_null_named_gold_participant_matches_by_country() -> None:
    gold = [event("ASSAULT", (part(None, "SYR"),), (part(None, None),), mode=None)]
    named = [event("ASSAULT", (part("Armée syrienne", "SYR"),), (part(None, None),), mode=None)]
    unnamed = [event("ASSAULT", (part(None, "SYR"),), (part(None, None),), mode=None)]
    other = [event("ASSAULT", (part(None, "RUS"),), (part(None, None),), mode=None)]
    null_vs_country = [event("ASSAULT", (part(None, "SYR"),), (part(None, "SYR"),), mode=None)]
    assert counts(events_score(gold, named).events_named) == (1, 0, 0)
    assert counts(events_score(gold, unnamed).events_named) == (1, 0, 0)
    assert counts(events_score(gold, other).events_named) == (0, 1, 1)
    assert counts(events_score(gold, null_vs_country).events_named) == (0, 1, 1)


def test_named_gold_participant_does_not_match_unnamed_prediction() -> None:
    gold = [event(actors=(CHEN,), recipients=(LAM,))]
    pred = [event(actors=(part(None, "CHN"),), recipients=(LAM,))]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (0, 1, 1)
    assert counts(s.events_dyadic) == (1, 0, 0)


def test_empty_gold_list_accepts_only_unnamed_predicted_participants() -> None:
    gold = [event("SUPPORT", (LAM,), (), mode=None)]
    empty = [event("SUPPORT", (LAM,), (), mode=None)]
    unnamed = [event("SUPPORT", (LAM,), (part(None, "CHN"),), mode=None)]
    named = [event("SUPPORT", (LAM,), (CHEN,), mode=None)]
    for pred, expected in ((empty, (1, 0, 0)), (unnamed, (1, 0, 0)), (named, (0, 1, 1))):
        s = events_score(gold, pred)
        assert counts(s.events_named) == expected
        assert counts(s.events_dyadic) == expected


def test_consult_without_mode_pools_actors_and_recipients() -> None:
    gold = [event("CONSULT", (CHEN, HUNG), (), mode=None)]
    pred = [event("CONSULT", (CHEN,), (HUNG,), mode="visit")]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (1, 0, 0)
    assert counts(s.events_dyadic) == (1, 0, 0)
    assert s.event_mode == Ratio(0, 1)


def test_consult_with_mode_does_not_pool() -> None:
    gold = [event("CONSULT", (CHEN,), (LAM,), mode="visit")]
    swapped = [event("CONSULT", (LAM,), (CHEN,), mode="visit")]
    pooled = [event("CONSULT", (CHEN, LAM), (), mode="visit")]
    for pred in (swapped, pooled):
        s = events_score(gold, pred)
        assert counts(s.events_named) == (0, 1, 1)
        assert counts(s.events_dyadic) == (0, 1, 1)


def test_pooling_is_only_for_consult() -> None:
    gold = [event("AGREE", (CHEN, HUNG), (), mode=None)]
    pred = [event("AGREE", (CHEN,), (HUNG,), mode=None)]
    assert counts(events_score(gold, pred).events_named) == (0, 1, 1)


def test_optional_gold_events_are_neither_right_nor_wrong() -> None:
    required = event(actors=(CHEN,), recipients=(LAM,))
    optional = event("AGREE", (LAM,), (CHEN,), mode=None, optional=True)
    stray = event("ASSAULT", (HUNG,), (), mode=None)
    assert counts(events_score([required, optional], [required, optional]).events_named) == (
        1, 0, 0)
    assert counts(events_score([required, optional], [required]).events_named) == (1, 0, 0)
    assert counts(events_score([optional], [optional, stray]).events_named) == (0, 1, 0)
    assert counts(events_score([optional], []).events_named) == (0, 0, 0)
    # A second prediction of the same optional event is a duplicate, hence wrong.
    assert counts(events_score([optional], [optional, optional]).events_named) == (0, 1, 0)


def test_required_event_wins_over_optional_one_for_a_prediction() -> None:
    required = event("AGREE", (LAM,), (CHEN,), mode=None)
    optional = dict(required, optional=True, evidence="x")
    s = events_score([optional, required], [dict(required)])
    assert counts(s.events_named) == (1, 0, 0)


def test_event_matching_is_one_to_one() -> None:
    e = event(actors=(CHEN,), recipients=(LAM,))
    assert counts(events_score([e], [e, e]).events_named) == (1, 1, 0)
    assert counts(events_score([e, e], [e]).events_named) == (1, 0, 1)


def test_same_name_participants_are_told_apart_by_country() -> None:
    msp = "Ministère de la Sécurité publique"
    gold_doc = doc(actors=[actor(msp, "organization", "VNM"), actor(msp, "organization", "CHN")],
                   events=[event("SUPPORT", (part(msp, "VNM"), part(msp, "CHN")), (), mode=None)])
    wrong = doc(events=[event("SUPPORT", (part(msp, "VNM"), part(msp, "VNM")), (), mode=None)])
    right = doc(events=[event("SUPPORT", (part(msp, "CHN"), part(msp, "VNM")), (), mode=None)])
    assert counts(one(gold_doc, wrong).events_named) == (0, 1, 1)
    assert counts(one(gold_doc, right).events_named) == (1, 0, 0)


# --- events, dyadic ----------------------------------------------------------------------------


def test_dyadic_compares_country_sets_only() -> None:
    gold = [event(actors=(CHEN,), recipients=(LAM,))]
    pred = [event(actors=(part("Wang Xiaohong", "CHN"),), recipients=(HUNG,))]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (0, 1, 1)
    assert counts(s.events_dyadic) == (1, 0, 0)
    wrong_country = [event(actors=(part("Chen Siyuan", "VNM"),), recipients=(LAM,))]
    s = events_score(gold, wrong_country)
    assert counts(s.events_named) == (1, 0, 0)
    assert counts(s.events_dyadic) == (0, 1, 1)


def test_dyadic_country_sets_ignore_repetition() -> None:
    gold = [event("AGREE", (LAM, HUNG), (CHEN,), mode=None)]
    pred = [event("AGREE", (LAM,), (CHEN,), mode=None)]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (0, 1, 1)
    assert counts(s.events_dyadic) == (1, 0, 0)


# --- secondary event figures -------------------------------------------------------------------


def test_date_place_mode_evidence_on_matched_events() -> None:
    hanoi = {"name": "Hanoï", "country": "VNM"}
    gold = [
        event(actors=(CHEN,), recipients=(LAM,), date="2024-01-10", place=hanoi,
              evidence="a reçu le 10  janvier"),
        event("AGREE", (LAM,), (CHEN,), mode=None, date=None, place=None,
              evidence="ont convenu de renforcer"),
        event("SUPPORT", (HUNG,), (CHEN,), mode=None, date="2024-01", place=hanoi,
              evidence="ont signé"),
    ]
    pred = [
        event(actors=(CHEN,), recipients=(LAM,), date="2024-01-10",
              place={"name": "Hanoi Vietnam", "country": "VNM", "lat": 21.0},
              sentence="To Lam a reçu le 10 janvier\nà Hanoï Chen Siyuan."),
        event("AGREE", (LAM,), (CHEN,), mode="promise", date=None, place=None,
              sentence="Les deux parties sont convenues de renforcer."),
        event("SUPPORT", (HUNG,), (CHEN,), mode=None, date="2024-01-11",
              place={"name": "Hanoï", "country": "CHN"}, evidence="ont signé un accord"),
    ]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (3, 0, 0)
    assert s.event_date == Ratio(2, 3)  # exact string; None == None is right
    assert s.event_place == Ratio(2, 3)  # containment; both null; country differs
    assert s.event_mode == Ratio(2, 3)
    assert s.event_evidence == Ratio(2, 3)  # whitespace-normalised; falls back on evidence


def test_matching_prefers_the_prediction_that_agrees_on_date() -> None:
    gold = [event(actors=(CHEN,), recipients=(LAM,), date="2024-01-10")]
    pred = [event(actors=(CHEN,), recipients=(LAM,), date="2024-01-09"),
            event(actors=(CHEN,), recipients=(LAM,), date="2024-01-10")]
    s = events_score(gold, pred)
    assert counts(s.events_named) == (1, 1, 0)
    assert s.event_date == Ratio(1, 1)


def test_place_missing_on_one_side_is_wrong() -> None:
    gold = [event(actors=(CHEN,), recipients=(LAM,), place={"name": "Hanoï", "country": "VNM"})]
    pred = [event(actors=(CHEN,), recipients=(LAM,), place=None)]
    assert events_score(gold, pred).event_place == Ratio(0, 1)
    assert events_score(pred, gold).event_place == Ratio(0, 1)


def test_secondary_figures_skip_optional_and_unmatched_events() -> None:
    optional = event(actors=(CHEN,), recipients=(LAM,), optional=True, date="2024")
    s = events_score([optional], [dict(optional, optional=False, date=None)])
    assert s.event_date == Ratio(0, 0)
    assert s.event_date.value is None


# --- claims ------------------------------------------------------------------------------------


def claim(quantity: float, unit: str, qualifier: str = "exact") -> dict[str, Any]:
    return {"quantity": quantity, "qualifier": qualifier, "unit": unit, "holder": None,
            "source": None, "evidence": ""}


def test_claims_singular_plural_first_word_and_numeric_quantity() -> None:
    gold = doc(claims=[claim(162, "organismes chargés de l'application des lois"),
                       claim(100, "pays"), claim(5, "bateaux"), claim(8, "% des voix")])
    pred = doc(claims=[claim(162.0, "Organisme"), claim(100.0, "Pays", "more_than"),
                       claim(5, "bateau"), claim(8, "%")])
    assert counts(one(gold, pred).claims) == (4, 0, 0)


def test_claims_quantity_and_unit_must_agree_and_are_multisets() -> None:
    gold = doc(claims=[claim(64, "pays"), claim(64, "pays"), claim(52, "organisations")])
    pred = doc(claims=[claim(64, "pays"), claim(65, "pays"), claim(52, "forums")])
    assert counts(one(gold, pred).claims) == (1, 2, 2)


# --- statements --------------------------------------------------------------------------------


def statement(speaker: str | None, verb: str) -> dict[str, Any]:
    return {"speaker": speaker, "verb": verb, "date": None, "evidence": ""}


def test_statements_speaker_and_verb() -> None:
    gold = doc(actors=[actor("Donald Trump", country="USA"), actor("Union européenne",
                                                                    "organization", "EUR",
                                                                    aliases=("UE",))],
               statements=[statement("Donald Trump", "déclarer"), statement("Union européenne",
                                                                            "annoncer")])
    pred = doc(statements=[statement("Trump", "Declarer"), statement("UE", "annoncer")])
    assert counts(one(gold, pred).statements) == (2, 0, 0)
    wrong_verb = doc(statements=[statement("Donald Trump", "affirmer")])
    assert counts(one(gold, wrong_verb).statements) == (0, 1, 2)


def test_statements_unnamed_speakers_match_each_other_only() -> None:
    gold = doc(statements=[statement(None, "indiquer")])
    assert counts(one(gold, doc(statements=[statement(None, "indiquer")])).statements) == (1, 0, 0)
    named = doc(statements=[statement("To Lam", "indiquer")])
    assert counts(one(gold, named).statements) == (0, 1, 1)
    assert counts(one(doc(statements=[statement("To Lam", "indiquer")]),
                      doc(statements=[statement(None, "indiquer")])).statements) == (0, 1, 1)


def test_statements_are_one_to_one() -> None:
    gold = doc(statements=[statement("To Lam", "déclarer")])
    pred = doc(statements=[statement("To Lam", "déclarer"), statement("Lam", "déclarer")])
    assert counts(one(gold, pred).statements) == (1, 1, 0)


# --- averages, edge cases, outputs -------------------------------------------------------------


def test_micro_average_over_two_documents() -> None:
    gold1 = doc("a", actors=[actor("To Lam"), actor("Chen Siyuan", country="CHN")])
    sys1 = doc("ignored", actors=[actor("To Lam"), actor("Wang Yi", country="CHN")])
    gold2 = doc("b", actors=[actor("Vietnam", "state", sector=None)])
    sys2 = doc(actors=[actor("Vietnam", "state", sector=None)])
    report = score([(gold1, sys1), (gold2, sys2)])
    assert list(report.documents) == ["a", "b"]
    assert counts(report.documents["a"].actors) == (1, 1, 1)
    assert counts(report.documents["b"].actors) == (1, 0, 0)
    micro = report.micro.actors
    assert counts(micro) == (2, 1, 1)
    assert micro.precision == pytest.approx(2 / 3)
    assert micro.recall == pytest.approx(2 / 3)
    assert micro.f1 == pytest.approx(2 / 3)
    assert report.micro.actor_country == Ratio(2, 2)


def test_counts_conventions() -> None:
    nothing = Counts()
    assert (nothing.precision, nothing.recall, nothing.f1) == (1.0, 1.0, 1.0)
    missed = Counts(0, 0, 3)
    assert (missed.precision, missed.recall, missed.f1) == (1.0, 0.0, 0.0)
    spurious = Counts(0, 2, 0)
    assert (spurious.precision, spurious.recall, spurious.f1) == (0.0, 1.0, 0.0)
    assert Counts(3, 1, 2).f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts(1, 2, 3) + Counts(1, 1, 1) == Counts(2, 3, 4)
    assert Ratio(1, 2) + Ratio(0, 1) == Ratio(1, 3)


def test_empty_and_missing_facets() -> None:
    s = one({"id": "x"}, {"events": None})
    for facet in FACETS:
        assert counts(s.facet(facet)) == (0, 0, 0)
        assert s.facet(facet).f1 == 1.0
    report = score([])
    assert report.documents == {}
    assert report.micro == Scores()
    gold_only = one(doc(actors=[actor("To Lam")], claims=[claim(1, "pays")]), doc())
    assert counts(gold_only.actors) == (0, 0, 1)
    assert gold_only.claims.f1 == 0.0


def test_malformed_input_raises_gold_format_error() -> None:
    with pytest.raises(GoldFormatError):
        score([(doc("a"), doc()), (doc("a"), doc())])
    with pytest.raises(GoldFormatError):
        score([(doc(actors={"name": "To Lam"}), doc())])


def test_to_dict_is_json_and_table_is_readable() -> None:
    gold = doc(actors=[actor("To Lam", titles=("général",))])
    report = score([(gold, gold)])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["documents_scored"] == 1
    assert set(data["micro"]) == set(FACETS)
    assert data["micro"]["actors"]["f1"] == 1.0
    assert data["micro"]["actors"]["title_recall"] == {"correct": 1, "total": 1, "value": 1.0}
    assert data["micro"]["events_named"]["date_accuracy"]["value"] is None
    assert data["documents"]["d1"]["actors"]["tp"] == 1
    table = format_table(report)
    for facet in FACETS:
        assert facet in table
    assert "title recall" in table and "(1/1)" in table
    assert "evidence hit rate" in table and "(0/0)" in table


# --- the gold files against themselves ---------------------------------------------------------


GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl")) if GOLD_DIR.is_dir() else []


@pytest.mark.skipif(not GOLD_FILES, reason="shared/gold is not beside the checkout")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_scored_against_itself_is_perfect(path: Path) -> None:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    report = score((d, d) for d in docs)
    expected = {
        "actors": sum(len(d["actors"]) for d in docs),
        "events_named": sum(not e.get("optional") for d in docs for e in d["events"]),
        "events_dyadic": sum(not e.get("optional") for d in docs for e in d["events"]),
        "claims": sum(len(d["claims"]) for d in docs),
        "statements": sum(len(d["statements"]) for d in docs),
    }
    for facet in FACETS:
        assert counts(report.micro.facet(facet)) == (expected[facet], 0, 0), facet
        assert report.micro.facet(facet).f1 == 1.0
        for scores in report.documents.values():
            assert scores.facet(facet).f1 == 1.0
    for ratio in (report.micro.actor_country, report.micro.actor_sector,
                  report.micro.actor_titles, report.micro.event_date, report.micro.event_place,
                  report.micro.event_mode, report.micro.event_evidence):
        assert ratio.correct == ratio.total


def test_matched_claims_report_qualifier_holder_and_source_agreement() -> None:
    def full(quantity: int, qualifier: str, holder: str | None, source: str | None
             ) -> dict[str, Any]:
        return {**claim(quantity, "pays"), "qualifier": qualifier, "holder": holder,
                "source": source}

    gold = doc(actors=[actor("Vietnam", "state", "VNM")],
               claims=[full(100, "more_than", "Vietnam", "Hoang Xuân Chiên"),
                       full(64, "exact", None, None)])
    pred = doc(claims=[full(64, "exact", "Vietnam", None),
                       full(100, "more_than", "Vietnam", "Hoang Xuan Chien")])
    scores = one(gold, pred)
    assert counts(scores.claims) == (2, 0, 0)
    assert (scores.claim_qualifier.correct, scores.claim_qualifier.total) == (2, 2)
    assert (scores.claim_holder.correct, scores.claim_holder.total) == (1, 2)
    assert (scores.claim_source.correct, scores.claim_source.total) == (2, 2)


def test_matched_statements_report_date_accuracy() -> None:
    gold = doc(statements=[{**statement("To Lam", "dire"), "date": "2024-01-10"},
                           {**statement("To Lam", "souligner"), "date": None}])
    pred = doc(statements=[{**statement("To Lam", "souligner"), "date": "2024-01-10"},
                           {**statement("To Lam", "dire"), "date": "2024-01-10"}])
    scores = one(gold, pred)
    assert (scores.statement_date.correct, scores.statement_date.total) == (1, 2)
