"""The actors coder with the real French model, on sentences of the kinds the press writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.coders.titles import find_titles
from accord.pipeline import extract_one, load_pipeline
from accord.read import read_text
from accord.records import Actor
from accord.vocab.lexicon import lexicon

pytestmark = pytest.mark.model


def actors(text: str, published: str = "2016-09-19") -> dict[str, Actor]:
    article = replace(read_text(text, "test.txt"), published=published)
    return {a.name: a for a in extract_one(article).actors}


def test_known_bodies_are_named_as_written_and_found_in_lower_case() -> None:
    found = actors(
        "La coalition internationale a frappé. Le secrétaire général a appelé le Burundi à "
        "renouer avec l'ONU et avec le Haut-Commissariat des Nations unies aux droits de "
        "l'homme."
    )
    assert found["Coalition internationale"].country == "IGO"
    assert found["Coalition internationale"].sector == "MIL"
    assert found["ONU"].country == "UNO"  # not the canonical "Organisation des Nations unies"
    assert "Haut-Commissariat des Nations unies aux droits de l'homme" in found


def test_media_and_companies_from_their_designation() -> None:
    found = actors(
        "Selon l'agence Bloomberg, le contrat est signé. Le quotidien suisse Le Temps estime "
        "que les firmes Startup Square et TiE y participent."
    )
    assert found["Bloomberg"].sector == "JRN"
    assert found["Bloomberg"].country == "USA"  # from the dictionary of organisations
    assert (found["Le Temps"].country, found["Le Temps"].sector) == ("CHE", "JRN")
    assert found["Startup Square"].sector == "BUS"
    assert found["TiE"].sector == "BUS"


def test_coordinated_nationalities_make_one_government_each() -> None:
    found = actors("Les gouvernements britannique, australien et danois ont reconnu leur implication.")
    assert {n: (a.country, a.sector) for n, a in found.items() if a.kind == "organization"} == {
        "Gouvernement britannique": ("GBR", "GOV"),
        "Gouvernement australien": ("AUS", "GOV"),
        "Gouvernement danois": ("DNK", "GOV"),
    }


def test_state_in_a_title_complement_gives_the_country_and_is_an_actor() -> None:
    found = actors(
        "C'est Joseph Butore, second vice-président du Burundi, qui représente le pays au sommet."
    )
    butore = found["Joseph Butore"]
    assert butore.country == "BDI"
    assert butore.titles == ("second vice-président du Burundi",)
    assert found["Burundi"].kind == "state"


def test_known_figures_get_their_country_and_sector_and_the_article_wins() -> None:
    found = actors(
        "Vladimir Poutine a répondu à Obama. Le ministre iranien des Transports, Abbas "
        "Akhoundi, a annoncé un contrat."
    )
    assert (found["Vladimir Poutine"].country, found["Vladimir Poutine"].sector) == ("RUS", "GOV")
    assert found["Obama"].country == "USA"  # a surname alone, unique among known figures
    assert (found["Abbas Akhoundi"].country, found["Abbas Akhoundi"].sector) == ("IRN", "GOV")


def test_demonyms_hyphens_and_particles_in_names() -> None:
    found = actors(
        "L'Autrichienne Nadine Fest remporte la course. Le secrétaire général Ban Ki-moon a "
        "parlé avec Jean-Yves Le Drian et Haïder al-Abadi."
    )
    assert found["Nadine Fest"].country == "AUT"
    assert found["Nadine Fest"].kind == "person"
    assert "Ban Ki-moon" in found
    assert "Jean-Yves Le Drian" in found
    assert "Haïder al-Abadi" in found


def test_headline_country_is_the_default_for_unmarked_actors() -> None:
    found = actors(
        "Pakistan : l'armée a un nouveau chef\n\nLe général Qamar Javed Bajwa remplace Raheel "
        "Sharif. Elle dicte son budget au gouvernement civil."
    )
    assert found["Qamar Javed Bajwa"].country == "PAK"
    assert (found["Gouvernement civil"].country, found["Gouvernement civil"].sector) == (
        "PAK", "GOV"
    )


def test_a_government_named_by_its_capital_is_the_same_government() -> None:
    found = actors(
        "Le gouvernement burundais a refusé. Le régime de Bujumbura accuse l'Union européenne."
    )
    government = found["Gouvernement burundais"]
    assert "Régime de Bujumbura" in government.aliases
    assert "Régime de Bujumbura" not in found


def test_a_headline_pair_joined_by_a_hyphen_is_two_people() -> None:
    doc = extract_one(read_text(
        "date 2015-09\nEntretien Truong Tan Sang-Nicolás Maduro\n\nLe président vietnamien "
        "Truong Tan Sang a reçu le président vénézuélien Nicolás Maduro. Le président cubain "
        "Miguel Díaz-Canel Bermúdez a salué cette rencontre.", "x.txt"))
    names = {a.name for a in doc.actors if a.kind == "person"}
    assert names == {"Truong Tan Sang", "Nicolás Maduro", "Miguel Díaz-Canel Bermúdez"}


def test_an_acronym_in_parentheses_is_its_body_alias_unless_the_phrase_names_no_body() -> None:
    found = actors(
        "La Garde côtière du Pérou (GCP) et la Garde côtière chilienne (GCC) ont tenu une "
        "réunion. La GCP a remercié la GCC. Le Chili a salué la lutte contre la pêche illégale, "
        "non déclarée et non réglementée (INN)."
    )
    assert "GCP" in found["Garde côtière du Pérou"].aliases
    assert "GCC" in found["Garde côtière chilienne"].aliases
    assert not {"GCP", "GCC", "INN"} & set(found)
    # the name, the acronym in parentheses and "La GCP"
    assert len(found["Garde côtière du Pérou"].mentions) == 3


def test_a_title_written_before_the_next_name_of_a_list_is_that_name_s() -> None:
    found = actors("Il a rencontré Carlos Ruiz, le secrétaire du Conseil Ana Pérez et le "
                   "ministre chilien de l'Intérieur Pedro Lagos.")
    assert found["Carlos Ruiz"].titles == ()
    assert found["Ana Pérez"].titles == ("secrétaire du Conseil",)


def test_a_body_s_name_goes_on_with_its_state_its_seat_and_its_territory() -> None:
    found = actors(
        "Étaient présents le Bureau des disparus des États-Unis à Lima, le Département d'État "
        "des États-Unis, le ministère de la Défense du Maroc, le Consulat général "
        "du Pérou dans la province de Salta et le Comité du Parti de la province de Luang "
        "Namtha. Le Comité intergouvernemental Pérou-Chili s'est réuni."
    )
    assert found["Bureau des disparus des États-Unis à Lima"].country == "USA"
    assert found["Département d'État des États-Unis"].country == "USA"
    # a ministry's name ends before its state
    assert found["Ministère de la Défense"].country == "MAR"
    assert "Consulat général du Pérou dans la province de Salta" in found
    assert "Comité du Parti de la province de Luang Namtha" in found
    assert found["Comité intergouvernemental Pérou-Chili"].country == "IGO"


def test_a_person_coordinated_after_one_of_a_stated_country_shares_it() -> None:
    found = actors("Le président Carlos Ruiz a reçu le ministre australien de la Défense, Peter "
                   "Walsh et le ministre du Commerce et du Tourisme Tom Kelly. Lors de sa "
                   "rencontre avec le ministre estonien Jaan Tamm, Carlos Ruiz a proposé un "
                   "accord.", published="2022-11-30")
    assert found["Tom Kelly"].country == "AUS"
    assert found["Carlos Ruiz"].country != "EST"  # after a bare comma: another side


def test_a_known_name_inside_a_longer_one_is_the_longer_one() -> None:
    found = actors("Le Parti populaire révolutionnaire du Laos a salué le Parti populaire "
                   "espagnol. Un photographe de l'AFP présent sur place l'a vu.")
    assert found["Parti populaire révolutionnaire du Laos"].country == "LAO"
    assert found["Parti populaire"].country == "ESP"
    assert "AFP" in found


def test_a_body_named_inside_another_name_keeps_its_own_name() -> None:
    found = actors("La Convention des Nations Unies sur le droit de la mer de 1982 est "
                   "importante. Les deux pays se soutiennent au sein de l'ONU.")
    assert "ONU" in found and "Nations Unies" not in found


def test_titles_keep_their_political_adjective_and_drop_a_nationality_of_the_office() -> None:
    found = actors("Le candidat républicain John Smith affrontera le maire sortant Paul Roy. Le "
                   "président de la République italien Marco Bianchi a reçu le policier Luca "
                   "Verdi et le commandant de la Marine royale australienne, Tom Reed.")
    assert found["John Smith"].titles == ("candidat républicain",)
    assert found["Paul Roy"].titles == ("maire sortant",)
    assert found["Marco Bianchi"].titles == ("président de la République",)
    assert found["Marco Bianchi"].country == "ITA"
    assert found["Luca Verdi"].titles == ("policier",)
    # a nationality that agrees with the body is the body's name
    assert found["Tom Reed"].titles == ("commandant de la Marine royale australienne",)


def test_a_title_s_complement_may_have_a_demonstrative_or_a_number_and_a_party_acronym() -> None:
    found = actors("Enfin, le patron de cette banque, Marc Blanc, a été condamné. On est sans "
                   "nouvelle du chauffeur des deux journalistes, Paul Noir. Selon Luc Gris, "
                   "maire UDI de Vincennes, rien n'est joué.")
    assert found["Marc Blanc"].titles == ("patron de cette banque",)
    assert found["Paul Noir"].titles == ("chauffeur des deux journalistes",)
    assert found["Luc Gris"].titles == ("maire UDI de Vincennes",)


def test_a_name_keeps_the_dot_of_jr_and_a_vietnamese_family_name_gives_the_country() -> None:
    found = actors("Le Premier ministre est parti sur invitation du président américain, John "
                   "Henry Smith Jr. Le ministre du Travail, Dao Van Minh, était du voyage au Japon.")
    assert "John Henry Smith Jr." in found
    assert found["Dao Van Minh"].country == "VNM"


def test_a_named_body_goes_on_with_its_coordinated_portfolios() -> None:
    found = actors("Elle a rencontré la présidente de la Commission de la défense nationale et "
                   "des forces armées de l’Assemblée nationale française, Mme Anne Roy.")
    assert "Commission de la défense nationale et des forces armées" in found
    other = actors("Il fut une clé de voûte de l'Agence de développement de culture kanak et du "
                   "Centre culturel Tjibaou.")
    assert "Agence de développement de culture kanak" in other  # "et du Centre": another body


def test_a_title_reaches_its_name_past_an_adjective_an_age_or_a_comma() -> None:
    found = actors("Le gardien parisien, Paul Noir, a brillé. Il a chanté avec la chanteuse de 22 "
                   "ans Anne Roy. Le prêtre, Jacques Blanc, avait 84 ans. On voit Kim Jong-un, le "
                   "dirigeant actuel, à bord.")
    assert found["Paul Noir"].titles == ("gardien",)
    assert found["Anne Roy"].titles == ("chanteuse",)
    assert found["Jacques Blanc"].titles == ("prêtre",)
    assert found["Kim Jong-un"].titles == ("dirigeant",)


def test_an_apposition_without_article_is_the_title_of_the_name_before_it() -> None:
    found = actors("Des élus étaient présents, tels que Bruno Julliard, adjoint à la maire de "
                   "Paris, Stéphane Troussel et Anne Roy.")
    assert found["Bruno Julliard"].titles == ("adjoint à la maire de Paris",)
    assert found["Stéphane Troussel"].titles == ()


def test_title_complements_read_joined_names_and_stop_at_another_office_or_a_noun() -> None:
    found = actors("Le chef du Front al-Nosra, Abou Mohammed al-Joulani, annonce la rupture. "
                   "Idriss Déby, président du Tchad et de l'Union africaine, est arrivé.")
    assert found["Abou Mohammed al-Joulani"].titles == ("chef du Front al-Nosra",)
    assert found["Idriss Déby"].titles == ("président du Tchad",)
    assert "Union africaine" in found
    nlp = load_pipeline()
    doc = nlp("Hoang In-Mu a informé le ministre vietnamien de la Défense des résultats du "
              "dialogue de politique de défense Vietnam-République de Corée.")
    assert [t.text for t in find_titles(doc, lexicon())] == ["ministre de la Défense"]


def test_an_elided_word_written_apart_reads_as_the_joined_form() -> None:
    found = actors("Seul le premier ministre d' Australie-Occidentale , Colin Barnett, n' a pas "
                   "signé.")
    barnett = found["Colin Barnett"]
    assert barnett.titles == ("premier ministre d' Australie-Occidentale",)
    assert barnett.country == "AUS"


def test_a_lone_title_that_no_one_holds_designates_the_person_named_just_before() -> None:
    found = actors("Le boxeur Tony Yoka a gagné dimanche. À son arrivée, le champion olympique a "
                   "exprimé sa joie. Paul Roy, chef du parti, est venu. La présidente a parlé.")
    assert found["Tony Yoka"].titles == ("boxeur", "champion olympique")
    assert found["Paul Roy"].titles == ("chef du parti",)  # "la présidente" is no man's


def test_plural_offices_and_hyphenated_party_adjectives_are_titles() -> None:
    found = actors("Ce tour oppose les candidats François Fillon et Alain Juppé. La députée "
                   "néo-démocrate Ruth Ellen Brosseau a été touchée.")
    assert found["François Fillon"].titles == ("candidat",)
    assert found["Ruth Ellen Brosseau"].titles == ("députée néo-démocrate",)


def test_a_prosecutor_s_office_is_a_judicial_body_that_speaks() -> None:
    found = actors("Le parquet fédéral confirme que les explosions sont des attentats. Le parquet "
                   "antiterroriste se charge de l'affaire.")
    assert (found["Parquet fédéral"].kind, found["Parquet fédéral"].sector) == (
        "organization", "JUD")
    assert "Parquet antiterroriste" in found


def test_an_office_s_complement_may_name_its_domain_with_pour() -> None:
    found = actors("Selon Massimiliano Rebaudengo, chef de mission de MSF pour la Syrie, le bilan "
                   "est lourd. Paul Roy, ministre de la Défense, pour sa part, a parlé.")
    assert found["Massimiliano Rebaudengo"].titles == ("chef de mission de MSF pour la Syrie",)
    assert found["Paul Roy"].titles == ("ministre de la Défense",)


def test_a_nationality_after_a_body_s_complement_gives_its_country_not_its_name() -> None:
    found = actors("Le navire a été arraisonné, a précisé le ministère de l'Intérieur turc.")
    assert found["Ministère de l'Intérieur"].country == "TUR"


def test_a_plural_office_is_the_title_of_each_name_coordinated_after_it() -> None:
    found = actors("Le second tour oppose les candidats François Fillon (qui remporte "
                   "l'élection) et Alain Juppé.")
    assert found["François Fillon"].titles == ("candidat",)
    assert found["Alain Juppé"].titles == ("candidat",)


def test_a_government_named_after_its_leader_is_a_body_of_the_leader_s_state() -> None:
    found = actors("Le président Pierre Nkurunziza a parlé. Le régime de Pierre Nkurunziza a "
                   "protesté. Le président syrien Bashar al-Assad a parlé. Le gouvernement Assad "
                   "a bombardé Alep.")
    assert found["Régime de Pierre Nkurunziza"].country == "BDI"
    assert (found["Gouvernement Assad"].kind, found["Gouvernement Assad"].country) == (
        "organization", "SYR")


def test_an_office_one_is_appointed_to_or_leaves_is_one_s_title() -> None:
    found = actors("Manuel Valls a démissionné du poste de premier ministre. Le ministre de "
                   "l'Intérieur Bernard Cazeneuve a été nommé par François Hollande premier "
                   "ministre. Jean Roy a été élu maire de Lyon. Le maire a reçu Paul Noir.")
    assert found["Manuel Valls"].titles == ("premier ministre",)
    assert found["Bernard Cazeneuve"].titles == ("ministre de l'Intérieur", "premier ministre")
    assert found["Jean Roy"].titles == ("maire de Lyon",)
    assert found["François Hollande"].titles == ()
