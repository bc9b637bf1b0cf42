"""The scorer on random well-formed documents (``../shared/gold/README.md``): a document scored
against itself is perfect; figures stay within [0, 1] and count every record once; swapping
gold and system swaps false positives and negatives where the rules are symmetric (actors,
claims and statements without aliases); the order of predictions does not change the counts.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from accord.scoring import FACETS, Report, normalize_name, score
from tests.fuzz.profiles import fuzz

NAMES = st.one_of(
    st.sampled_from(["To Lam", "Lam", "Tô Lâm", "Chen Siyuan", "Siyuan", "Le Quoc Hung",
                     "Ministère de la Défense", "ministere de la defense", "Vietnam", "Chine",
                     "ONU", "Nations unies", "L'Autrichienne", "Jean-Pierre", "A B C"]),
    st.text(min_size=1, max_size=12).filter(lambda name: normalize_name(name) != ""),
)  # a name with no letter or digit matches nothing, not even itself
COUNTRIES = st.sampled_from([None, "VNM", "CHN", "USA", "UNO"])
DATES = st.sampled_from([None, "2024", "2024-01", "2024-01-10", "2024-01-11"])
WORDS = st.sampled_from(["a reçu", "le 10 janvier", "à Hanoï", "ont signé", "un accord", "x"])


def participant(names: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"name": st.one_of(st.none(), names), "country": COUNTRIES})


@st.composite
def documents(draw: st.DrawFn, aliases: bool = True) -> dict[str, Any]:
    names = st.sampled_from(draw(st.lists(NAMES, min_size=1, max_size=6)))
    actors = draw(st.lists(st.fixed_dictionaries({
        "name": names, "kind": st.sampled_from(["person", "organization", "state"]),
        "country": COUNTRIES, "sector": st.sampled_from([None, "GOV", "MIL", "COP"]),
        "titles": st.lists(st.sampled_from(["général", "ministre", "Vice-ministre"]), max_size=2),
        "aliases": st.lists(NAMES, max_size=2 if aliases else 0),
    }), max_size=6))
    events = draw(st.lists(st.fixed_dictionaries({
        "type": st.sampled_from(["CONSULT", "AGREE", "SUPPORT", "ACCUSE"]),
        "mode": st.sampled_from([None, "visit", "meet"]),
        "actor": st.lists(participant(names), max_size=3),
        "recipient": st.lists(participant(names), max_size=2),
        "date": DATES,
        "place": st.one_of(st.none(), st.fixed_dictionaries({
            "name": st.sampled_from(["Hanoï", "Hanoi", "Pékin", "", "Ville de Hanoï"]),
            "country": COUNTRIES})),
        "evidence": st.lists(WORDS, max_size=3).map(" ".join),
        "optional": st.booleans(),
    }), max_size=6))
    claims = draw(st.lists(st.fixed_dictionaries({
        "quantity": st.one_of(st.integers(-10, 10**9), st.floats(allow_nan=False,
                                                                 allow_infinity=False)),
        "qualifier": st.sampled_from(["exact", "more_than", "about"]),
        "unit": st.sampled_from(["pays", "Pays membres", "soldats", "soldat", "%", "", "prix"]),
        "holder": st.one_of(st.none(), names), "source": st.one_of(st.none(), names),
    }), max_size=5))
    statements = draw(st.lists(st.fixed_dictionaries({
        "speaker": st.one_of(st.none(), names),
        "verb": st.sampled_from(["déclarer", "declarer", "affirmer", "dire"]),
        "date": DATES,
    }), max_size=5))
    return {"id": draw(st.text(min_size=1, max_size=6)), "actors": actors, "events": events,
            "claims": claims, "statements": statements}


def check_bounds(report: Report, gold: dict[str, Any], system: dict[str, Any]) -> None:
    micro = report.micro
    for facet in FACETS:
        counts = micro.facet(facet)
        assert min(counts.tp, counts.fp, counts.fn) >= 0
        assert 0.0 <= counts.precision <= 1.0 and 0.0 <= counts.recall <= 1.0
        assert 0.0 <= counts.f1 <= 1.0
    for facet in ("actors", "claims", "statements"):
        counts = micro.facet(facet)
        assert counts.tp + counts.fn == len(gold[facet])
        assert counts.tp + counts.fp == len(system[facet])
    required = sum(not e["optional"] for e in gold["events"])
    for facet in ("events_named", "events_dyadic"):
        counts = micro.facet(facet)
        assert counts.tp + counts.fn == required and counts.tp + counts.fp <= len(system["events"])
    for value in micro.to_dict().values():
        for entry in value.values():
            if isinstance(entry, dict):
                assert 0 <= entry["correct"] <= entry["total"]


@fuzz(ci=60)
@given(documents())
def test_gold_scored_against_itself_is_perfect(doc: dict[str, Any]) -> None:
    report = score([(doc, doc)])
    check_bounds(report, doc, doc)
    for facet in FACETS:
        counts = report.micro.facet(facet)
        assert counts.fp == counts.fn == 0 and counts.f1 == 1.0, (facet, counts)
    for entry in report.micro.to_dict().values():
        for ratio in entry.values():
            if isinstance(ratio, dict):
                assert ratio["correct"] == ratio["total"], (entry, ratio)


@fuzz(ci=60)
@given(documents(), documents())
def test_figures_are_bounded_and_count_every_record(gold: dict[str, Any],
                                                    system: dict[str, Any]) -> None:
    check_bounds(score([(gold, system)]), gold, system)


@fuzz(ci=60)
@given(documents(aliases=False), documents(aliases=False))
def test_swapping_gold_and_system_swaps_errors(a: dict[str, Any], b: dict[str, Any]) -> None:
    forward, backward = score([(a, b)]).micro, score([(b, a)]).micro
    for facet in ("actors", "claims", "statements"):
        there, back = forward.facet(facet), backward.facet(facet)
        assert (there.tp, there.fp, there.fn) == (back.tp, back.fn, back.fp), facet


@fuzz(ci=40)
@given(documents(), documents(), st.randoms(use_true_random=False))
def test_order_of_predictions_does_not_change_counts(gold: dict[str, Any],
                                                     system: dict[str, Any], rng: Any) -> None:
    shuffled = {key: (rng.sample(value, len(value)) if isinstance(value, list) else value)
                for key, value in system.items()}
    before, after = score([(gold, system)]).micro, score([(gold, shuffled)]).micro
    for facet in FACETS:
        assert before.facet(facet) == after.facet(facet), facet


@fuzz(ci=30)
@given(st.lists(st.tuples(documents(), documents()), max_size=4, unique_by=lambda p: p[0]["id"]))
def test_micro_average_is_the_sum_of_documents(pairs: list[tuple[dict[str, Any],
                                                                 dict[str, Any]]]) -> None:
    report = score(pairs)
    assert len(report.documents) == len(pairs)
    for facet in FACETS:
        total = sum((s.facet(facet) for s in report.documents.values()), start=type(
            report.micro.facet(facet))())
        assert total == report.micro.facet(facet)
