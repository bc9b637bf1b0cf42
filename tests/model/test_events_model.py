"""The events coder with the real French model, on sentences of the kinds the press writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from accord.coders.event_filter import event_filter
from accord.pipeline import extract_one
from accord.read import read_text
from accord.records import Event

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """These tests pin what the rules find; the learned filter that judges their candidates
    afterwards is tested in tests/unit/coders/test_event_filter.py and by the golden gate."""
    monkeypatch.setenv("ACCORD_EVENT_FILTER", "off")
    event_filter.cache_clear()
    yield
    event_filter.cache_clear()


def events(text: str, published: str = "2016-10-30", title: str | None = None) -> list[Event]:
    article = replace(read_text(text, "test.txt"), published=published, title=title)
    return list(extract_one(article).events)


def sides(event: Event) -> tuple[list[tuple[str | None, str | None]], ...]:
    return ([(p.name, p.country) for p in event.actor],
            [(p.name, p.country) for p in event.recipient])


def test_host_receives_the_visitor_on_the_written_day_at_the_written_place() -> None:
    (event,) = events("Le président Xi Jinping a reçu mardi à Pékin le Premier ministre "
                      "vietnamien Pham Minh Chinh.", published="2023-06-29")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert sides(event) == ([("Pham Minh Chinh", "VNM")], [("Xi Jinping", "CHN")])
    assert event.date == "2023-06-27"
    assert event.place is not None and event.place.name == "Pékin"


def test_light_verb_visit_reaches_the_counterpart_named_after_it() -> None:
    (event,) = events("Le Premier ministre Justin Trudeau a rendu visite à son homologue "
                      "indien Narendra Modi.")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert sides(event) == ([("Justin Trudeau", "CAN")], [("Narendra Modi", "IND")])


def test_coordinated_signatories_are_one_event_without_recipient() -> None:
    (event,) = events("Après sept ans de négociations, le Canada et l'Union européenne ont signé "
                      "dimanche un accord de libre-échange.")
    assert event.type == "SUPPORT"
    assert sides(event) == ([("Canada", "CAN"), ("Union européenne", "EUR")], [])
    assert event.date == "2016-10-30"


def test_future_cooperation_is_agree_and_negated_acts_are_not_coded() -> None:
    found = events("Le Vietnam et la Chine organiseront des patrouilles conjointes. "
                   "Le Laos n'a pas signé l'accord.")
    assert [(e.type, sides(e)) for e in found] == [
        ("AGREE", ([("Vietnam", "VNM"), ("Chine", "CHN")], [])),
    ]


def test_a_decided_act_is_coded_with_every_summoned_embassy() -> None:
    (event,) = events("Pierre Nkurunziza a décidé de convoquer les ambassadeurs de la France "
                      "et de l'Allemagne.")
    assert (event.type, event.mode) == ("ACCUSE", "disapprove")
    assert sides(event)[0] == [("Pierre Nkurunziza", "BDI")]
    assert {country for _, country in sides(event)[1]} == {"FRA", "DEU"}


def test_passive_agent_in_reported_conditional_is_the_actor() -> None:
    found = events("Un couvre-feu serait mis en place par l'armée turque selon la chaîne TRT.",
                   published="2016-07-15")
    assert [(e.type, e.mode, sides(e)[0]) for e in found] == [
        ("COERCE", "curfew", [("Armée turque", "TUR")]),
    ]


def test_passive_without_agent_has_an_unnamed_actor_of_the_place() -> None:
    (event,) = events("Les réseaux sociaux Twitter et Facebook ont été bloqués en Turquie.",
                      published="2016-07-15")
    assert (event.type, event.mode) == ("COERCE", "censor")
    assert sides(event) == ([(None, "TUR")], [("Twitter", "USA"), ("Facebook", "USA")])


def test_nominal_event_takes_the_subject_of_its_verb_and_its_own_date() -> None:
    (event,) = events("Pervez Musharraf a été contraint à la démission en 2008.")
    assert (event.type, event.mode, event.date) == ("RETREAT", "resign", "2008")
    assert sides(event) == ([("Pervez Musharraf", "PAK")], [])


def test_unnamed_protesters_take_the_country_of_the_place() -> None:
    (event,) = events("Des centaines de manifestants étaient rassemblés à Bruxelles.")
    assert (event.type, event.mode) == ("PROTEST", "demo")
    assert sides(event) == ([(None, "BEL")], [])


def test_pluperfect_background_is_coded_only_when_dated() -> None:
    found = events("En mars 2016, l'Union européenne avait suspendu son aide au Burundi. "
                   "La Chine avait signé un accord avec le Laos.")
    assert [(e.type, e.date) for e in found] == [("SANCTION", "2016-03")]
    assert sides(found[0]) == ([("Union européenne", "EUR")], [("Burundi", "BDI")])


def test_a_retelling_merges_and_keeps_the_written_date() -> None:
    found = events("La Russie a accusé les États-Unis. Le 17 octobre, Moscou a de nouveau "
                   "accusé Washington.")
    assert [(e.type, e.date) for e in found] == [("ACCUSE", "2016-10-17")]


def test_the_headline_gives_way_to_the_body() -> None:
    text = ("La Chine et les États-Unis ratifient l'accord de Paris\n\n"
            "La Chine a ratifié l'accord ce matin. Les États-Unis ont également annoncé "
            "leur ratification.")
    found = events(text, published="2016-09-03",
                   title="La Chine et les États-Unis ratifient l'accord de Paris")
    assert sorted(sides(e)[0][0][0] or "" for e in found if e.type == "SUPPORT") == [
        "Chine", "États-Unis",
    ]
    assert all(len(e.actor) == 1 for e in found)
    assert {e.date for e in found} == {"2016-09-03"}


def test_present_tense_and_the_first_paragraphs_are_the_day_of_the_article() -> None:
    found = events("Ban Ki-moon appelle le Burundi à renouer avec l'ONU. "
                   "Le Burundi a rejeté l'appel.", published="2016-10-13")
    assert [(e.type, e.date) for e in found] == [("REQUEST", "2016-10-13"),
                                                 ("REJECT", "2016-10-13")]
    found = events("Ban Ki-moon appelle le Burundi à renouer avec l'ONU.\n\n"
                   "Le pays traverse une crise.\n\nLe Burundi a rejeté l'appel.",
                   published="2016-10-13")
    assert [(e.type, e.date) for e in found] == [("REQUEST", "2016-10-13"), ("REJECT", None)]


def test_a_past_event_between_a_dated_one_and_the_article_gets_their_month() -> None:
    found = events("Le 17 septembre, la coalition a frappé l'armée syrienne. "
                   "Les États-Unis ont reconnu leur responsabilité.", published="2016-09-19")
    assert ("CONCEDE", "2016-09") in [(e.type, e.date) for e in found]


def test_an_unnamed_victim_is_of_the_place_and_an_act_with_nobody_acting_is_not_coded() -> None:
    (event,) = events("Un homme a été tué mardi à Lyon, en France.", published="2016-05-03")
    assert event.type == "ASSAULT"
    assert sides(event) == ([(None, "FRA")], [(None, "FRA")])
    assert events("Il a ajouté que la catastrophe a tué 800 personnes en 1981.") == []


def test_an_attack_that_takes_place_has_unnamed_sides_and_a_gas_explosion_is_none() -> None:
    (event,) = events("Des explosions ont eu lieu en Turquie, à Istanbul.",
                      published="2016-06-28")
    assert event.type == "ASSAULT"
    assert sides(event) == ([(None, "TUR")], [(None, "TUR")])
    assert events("Une explosion de gaz a eu lieu à Lyon, en France.") == []


def test_a_promise_to_cooperate_with_someone_is_made_to_them() -> None:
    found = events("Le ministre lao des Affaires étrangères Saleumxay Kommasith a eu un entretien "
                   "avec son homologue vietnamien Bui Thanh Son. Le ministre vietnamien s'est "
                   "engagé à coopérer étroitement avec son homologue lao.", published="2021-04-09")
    (agree,) = [e for e in found if e.type == "AGREE"]
    assert sides(agree) == ([("Bui Thanh Son", "VNM")], [("Saleumxay Kommasith", "LAO")])


def test_the_object_the_parser_hangs_under_a_date_is_the_visitor() -> None:
    (event,) = events("Le président de l'Assemblée nationale vietnamienne Vuong Dinh Hue a reçu "
                      "le 30 novembre le vice-Premier ministre australien Richard Marles.",
                      published="2022-11-30")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert sides(event) == ([("Richard Marles", "AUS")], [("Vuong Dinh Hue", "VNM")])


def test_a_reflexive_attack_falls_on_its_a_complement() -> None:
    (event,) = events("Dans le gouvernorat d'Idleb, le Front al-Nosra s'est attaqué à l'Armée "
                      "syrienne.", published="2016-07-29")
    assert event.type == "ASSAULT"
    assert [p.name for p in event.recipient] == ["Armée syrienne"]


def test_an_act_done_to_someone_inside_another_noun_phrase_is_told() -> None:
    (event,) = events("La manifestation est une réaction à l'assassinat de Zang Chaolin à "
                      "Aubervilliers, en France.", published="2016-09-04")
    assert (event.type, event.mode) == ("ASSAULT", "assassinate")
    assert [p.name for p in event.recipient] == ["Zang Chaolin"]


def test_opening_fire_is_an_attack_on_unnamed_victims_of_the_place() -> None:
    (event,) = events("Un homme armé a ouvert le feu dans un cinéma de Francfort, en Allemagne.",
                      published="2016-06-23")
    assert (event.type, event.mode) == ("ASSAULT", "firearms")
    assert sides(event) == ([(None, "DEU")], [(None, "DEU")])


def test_a_feminine_group_noun_is_an_unnamed_participant_and_an_evacuation_no_retreat() -> None:
    (event,) = events("À Vincennes, en France, un homme a attaqué une infirmière et une policière.",
                      published="2016-09-02")
    assert event.type == "ASSAULT"
    assert sides(event)[1] and all(name is None for name, _ in sides(event)[1])
    evacuated = events("L'église Sainte-Rita a été évacuée ce matin par la police.")
    assert all(e.type != "RETREAT" for e in evacuated)


def test_the_place_is_the_finer_one_and_never_a_time_zone() -> None:
    (event,) = events("Des explosions ont eu lieu en Turquie, à Istanbul.",
                      published="2016-06-28")
    assert event.place is not None and event.place.name == "Istanbul"
    (event,) = events("Un homme a été tué mardi peu après 19 h (heure de Paris) à Lyon.",
                      published="2016-05-03")
    assert event.place is not None and event.place.name == "Lyon"


def test_a_condemnation_without_a_named_target_has_an_unnamed_one_of_the_place() -> None:
    (event,) = events("À Bordeaux, en France, le préfet Pierre Dartout a condamné les appels "
                      "malveillants.", published="2016-09-05")
    assert event.type == "ACCUSE"
    assert sides(event)[1] == [(None, "FRA")]


def test_plural_nouns_with_nationalities_are_unnamed_participants_of_each_country() -> None:
    (event,) = events("Barack Obama a dénoncé les alliés russes et iraniens du régime.",
                      published="2016-12-18")
    assert event.type == "ACCUSE"
    assert {c for _, c in sides(event)[1]} >= {"RUS", "IRN"}


def test_coercion_constructions_state_of_emergency_custody_and_seizures() -> None:
    (event,) = events("Le président Barack Obama déclare l'état d'urgence en Floride.",
                      published="2016-10-06")
    assert (event.type, event.mode) == ("COERCE", "martial-law")
    (event,) = events("Les forces de sécurité turques ont saisi 13 tonnes de marijuana.",
                      published="2016-01-06")
    assert (event.type, event.mode) == ("COERCE", "seize")
    assert sides(event)[0] == [(None, "TUR")]


def test_a_protest_targets_whom_it_is_against() -> None:
    (event,) = events("Depuis trois jours, des milliers de personnes se réunissent dans plusieurs "
                      "villes américaines pour protester contre la victoire inattendue de Donald "
                      "Trump.", published="2016-11-11")
    assert event.type == "PROTEST"
    assert sides(event)[1] == [("Donald Trump", "USA")]


def test_a_bomb_that_goes_off_is_an_attack_and_leaving_office_a_resignation() -> None:
    (event,) = events("Une bombe a explosé samedi à Kayseri, en Turquie.", published="2016-12-17")
    assert (event.type, event.mode) == ("ASSAULT", "explosives")
    assert sides(event) == ([(None, "TUR")], [(None, "TUR")])
    (event,) = events("Le général Gregorio Álvarez a quitté ses fonctions le 12 février 1985.",
                      published="2016-12-28")
    assert (event.type, event.mode) == ("RETREAT", "resign")
    assert event.date == "1985-02-12"


def test_a_town_the_gazetteer_lacks_is_a_place_of_its_neighbour_country() -> None:
    (event,) = events("La députée Jo Cox a été blessée par balle à Birstall, près de Leeds.",
                      published="2016-06-16")
    assert event.place is not None and (event.place.name, event.place.country) == (
        "Birstall", "GBR")


def test_who_claimed_an_attack_is_its_author() -> None:
    found = events("Une bombe a explosé samedi à Istanbul. Le PKK a revendiqué l'attentat.",
                   published="2016-12-10")
    (event,) = [e for e in found if e.type == "ASSAULT"]
    assert sides(event)[0] == [("PKK", "TUR")]
def test_talks_told_after_the_speaker_are_a_visit_by_the_guest_and_the_parties_stay_persons() -> None:
    found = events("Le Laos reste un partenaire important, a déclaré le ministre laotien de la "
                   "Défense, le général Chansamone Chanyalath, lors d'un entretien, le 4 mars à "
                   "Vientiane, avec son homologue thaïlandais Prawit Wongsuwan. Le Laos coopère "
                   "avec la Thaïlande dans le déminage. Les deux parties ont convenu de renforcer "
                   "les échanges.", published="2021-03")
    talks = next(e for e in found if e.type == "CONSULT")
    assert talks.mode == "visit"
    assert sides(talks) == ([("Prawit Wongsuwan", "THA")], [("Chansamone Chanyalath", "LAO")])
    assert talks.date == "2021-03-04"
    promise = next(e for e in found if e.type == "AGREE")
    assert {n for n, _ in sides(promise)[0]} == {"Prawit Wongsuwan", "Chansamone Chanyalath"}


def test_his_country_is_the_state_of_the_speaker() -> None:
    found = events("Appréciant la coopération entre la Thaïlande et le Laos, le ministre "
                   "thaïlandais de la Défense Prawit Wongsuwan a déclaré que son pays était prêt "
                   "à travailler avec le Laos.",
                   published="2022-05-10")
    promise = next(e for e in found if e.type == "AGREE")
    assert sides(promise) == ([("Thaïlande", "THA")], [("Laos", "LAO")])


def test_a_second_title_without_article_is_the_same_person() -> None:
    (event,) = events("Le général Phan Van Giang a rendu une visite de courtoisie au Premier "
                      "secrétaire du Comité central du Parti communiste de Cuba et président "
                      "cubain Miguel Díaz-Canel.", published="2022-06")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert sides(event)[1] == [("Miguel Díaz-Canel", "CUB")]


def test_a_split_hyphenated_title_brings_no_second_host() -> None:
    (event,) = events("Le général Nguyen Van Nghia, chef d'état-major de l'Armée populaire du "
                      "Vietnam et vice-ministre de la Défense, a reçu le général Angus Campbell, "
                      "chef des forces armées australiennes, le 3 mars à Hanoï.",
                      published="2022-03-04")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert [n for n, _ in sides(event)[1]] == ["Nguyen Van Nghia"]


def test_a_named_conference_that_opens_is_a_meeting_of_that_body() -> None:
    found = events("La 12e Conférence des ministres de la Justice de l'ASEAN s'est ouverte le "
                   "3 mai à Vientiane. La 90e session de l'Assemblée générale de l'Organisation "
                   "mondiale de la santé a eu lieu le 5 mai à Genève.", published="2023-05")
    met = [e for e in found if e.type == "CONSULT"]
    assert [(e.mode, e.date) for e in met] == [("multilateral", "2023-05-03"),
                                              ("multilateral", "2023-05-05")]
    assert all(len(e.actor) == 1 and e.actor[0].name for e in met)


def test_co_chairs_named_with_their_titles_are_both_actors_of_a_dialogue_without_host() -> None:
    found = events("Le général Nguyen Van Nghia, vice-ministre vietnamien de la Défense et Peter "
                   "Tesch, secrétaire permanent du ministère australien de la Défense, ont "
                   "coprésidé le 6 mai à Hanoï le 5e Dialogue de politiques de défense "
                   "Vietnam-Australie.", published="2022-05")
    (chaired,) = [e for e in found if e.type == "CONSULT"]
    assert chaired.mode is None and not chaired.recipient
    assert {n for n, _ in sides(chaired)[0]} == {"Nguyen Van Nghia", "Peter Tesch"}


def test_two_titled_persons_who_talk_are_both_read_when_the_first_is_parsed_apart() -> None:
    (event,) = events("Le ministre de la Sécurité publique, le général Luong Tam Quang et le "
                      "directeur de la police fédérale australienne, le commissaire Reece "
                      "Kershaw, se sont entretenus à Hanoï le 3 décembre.",
                      published="2024-12-04")
    assert event.type == "CONSULT"
    assert {n for n, _ in sides(event)[0] + sides(event)[1]} == {"Luong Tam Quang",
                                                                 "Reece Kershaw"}


def test_a_promise_is_one_event_and_a_second_promised_act_joins_it() -> None:
    found = events("Le ministre lao de la Défense Chansamone Chanyalath a promis d'aider le "
                   "Cambodge.", published="2023-01-12")
    assert [(e.type, sides(e)) for e in found] == [
        ("AGREE", ([("Chansamone Chanyalath", "LAO")], [("Cambodge", "KHM")]))]
    found = events("Le général Phan Van Giang a reçu le 4 mai son homologue lao Chansamone "
                   "Chanyalath. Ils se sont engagés à étudier l'élargissement de la coopération, "
                   "ainsi qu'à se soutenir activement dans les forums.", published="2023-05-05")
    assert [e.type for e in found] == ["CONSULT", "AGREE"]


def test_an_exhortation_to_both_parties_is_no_request() -> None:
    found = events("Le ministre Bui Thanh Son s'est entretenu avec son homologue lao Saleumxay "
                   "Kommasith. Bui Thanh Son a invité les deux parties à renforcer les mécanismes "
                   "de coopération.", published="2021-04-09")
    assert [e.type for e in found] == ["CONSULT"]


def test_meetings_with_officials_of_many_countries_have_an_unnamed_partner_of_no_country() -> None:
    found = events("Moscou (VNA) - En marge du forum, le général Luong Tam Quang a eu des "
                   "rencontres bilatérales avec des responsables de nombreux pays.",
                   published="2024-05")
    (event,) = found
    assert event.type == "CONSULT"
    assert sides(event)[0] == [("Luong Tam Quang", "VNM"), (None, None)]


def test_a_delegation_visit_is_its_leaders_and_the_host_is_who_invited() -> None:
    found = events("A l'invitation du ministère des Forces armées révolutionnaires de Cuba, une "
                   "délégation du ministère de la Défense du Vietnam, dirigée par le général Vo "
                   "Minh Luong, membre de la Commission militaire centrale, vice-ministre de la "
                   "Défense, effectue une visite de travail à Cuba du 18 au 25 novembre.",
                   published="2023-11-20")
    (visit,) = found
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert sides(visit) == ([("Vo Minh Luong", "VNM")],
                            [("Ministère des Forces armées révolutionnaires", "CUB")])
    assert visit.date == "2023-11-18"
    (visit,) = events("Une délégation du ministère de la Sécurité publique vietnamien, conduite "
                      "par son ministre Tran Dai Quang, effectue une visite en Australie.")
    assert sides(visit) == ([("Tran Dai Quang", "VNM")], [("Australie", "AUS")])


def test_a_request_in_the_perfect_is_active_and_a_wish_for_others_is_not_an_act() -> None:
    found = events("Le ministre de la Défense Phan Van Giang a reçu le 4 mai l'ambassadeur "
                   "japonais Ito Naoki. Phan Van Giang a également demandé à Tokyo d'aider le "
                   "Vietnam dans le déminage. Le ministre a souhaité que son hôte intercède "
                   "auprès du gouvernement japonais pour qu'ils collaborent plus étroitement avec "
                   "le Vietnam.", published="2023-05-05")
    request = next(e for e in found if e.type == "REQUEST")
    assert [n for n, _ in sides(request)[0]] == ["Phan Van Giang"]
    assert all(e.type != "COOPERATE" for e in found)


def test_a_phone_partner_hung_on_the_medium_and_a_partner_named_deep_in_her_title() -> None:
    (call,) = events("Le ministre des Affaires étrangères du Vietnam, Bui Thanh Son, s'est "
                     "entretenu par téléphone avec le ministre ukrainien des Affaires étrangères, "
                     "Andrii Sybiha, le 17 février, à la demande de l'Ukraine.",
                     published="2025-02-17")
    assert (call.type, call.mode) == ("CONSULT", "phone")
    assert {n for n, _ in sides(call)[0]} == {"Bui Thanh Son", "Andrii Sybiha"}
    found = events("Le général Hoang Xuan Chien, vice-ministre de la Défense, et la Directrice "
                   "générale des relations internationales et de la stratégie du ministère "
                   "français des Armées, Alice Guitton, ont coprésidé le Dialogue "
                   "Vietnam-France.", published="2022-04-15")
    chaired = next(e for e in found if e.type == "CONSULT")
    assert {n for n, _ in sides(chaired)[0]} == {"Hoang Xuan Chien", "Alice Guitton"}


def test_support_for_someone_s_priorities_goes_to_them_not_to_the_forum() -> None:
    (event,) = events("Le ministre letton des Affaires étrangères Edgars Rinkevics a déclaré son "
                      "soutien pour les priorités du Vietnam au Conseil de sécurité.",
                      published="2020-01-09")
    assert event.type == "SUPPORT"
    assert sides(event) == ([("Edgars Rinkevics", "LVA")], [("Vietnam", "VNM")])


def test_co_chairs_meet_nobody_and_the_two_ministers_are_those_who_met() -> None:
    found = events("Le ministre de la Défense Phan Van Giang a eu le 22 décembre à Phnom Penh "
                   "une rencontre avec son homologue cambodgien Tea Banh, dans le cadre de la "
                   "visite du président Nguyen Xuan Phuc. Les deux ministres ont convenu de "
                   "renforcer les échanges.", published="2021-12-23")
    promise = next(e for e in found if e.type == "AGREE")
    assert {n for n, _ in sides(promise)[0]} == {"Phan Van Giang", "Tea Banh"}
    (chaired,) = events("Le ministre Phan Van Giang et son homologue cambodgien Tea Banh ont "
                        "coprésidé le 23 décembre l'échange d'amitié Vietnam-Cambodge.",
                        published="2021-12-23")
    assert chaired.type == "CONSULT" and not chaired.recipient


def test_courtesy_visits_to_two_hosts_hung_on_the_noun_and_a_visit_hung_on_its_dates() -> None:
    found = events("Le général Luong Tam Quang a effectué le 13 septembre à Pékin des visites de "
                   "courtoisie à Cai Qi, chef du Bureau du Comité central du Parti communiste "
                   "chinois et à Wang Xiaohong, ministre chinois de la Sécurité publique.",
                   published="2024-09-14")
    assert sorted(sides(e)[1][0][0] or "" for e in found if e.type == "CONSULT") == [
        "Cai Qi", "Wang Xiaohong"]
    (visit,) = events("Le général Dong Jun, ministre chinois de la Défense nationale, effectue du "
                      "27 au 29 mai une visite officielle au Vietnam.", published="2024-05")
    assert (visit.type, visit.mode, visit.date) == ("CONSULT", "visit", "2024-05-27")


def test_titles_before_a_guest_named_after_his_host_stay_the_host_s() -> None:
    (visit,) = events("Sur invitation du général Phan Van Giang, membre du Bureau politique, "
                      "ministre vietnamien de la Défense, le général Dong Jun, ministre chinois "
                      "de la Défense nationale, effectue du 27 au 29 mai une visite officielle au "
                      "Vietnam.", published="2024-05")
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert sides(visit) == ([("Dong Jun", "CHN")], [("Phan Van Giang", "VNM")])


def test_a_held_conference_is_a_meeting_of_the_body_named_in_brackets() -> None:
    (event,) = events("La 31e conférence des chefs de la police de l'ASEAN (ASEANAPOL) a eu lieu "
                      "du 31 mai au 2 juin à Vientiane.", published="2011-06")
    assert (event.type, event.mode, event.date) == ("CONSULT", "multilateral", "2011-05-31")
    assert [p.name for p in event.actor] == ["ASEANAPOL"]


def test_a_dialogue_named_by_its_states_is_the_meeting_of_the_two_who_spoke_during_it() -> None:
    found = events("Le vice-ministre vietnamien de la Défense, Hoang Xuan Chien, et le secrétaire "
                   "permanent du ministère singapourien de la Défense, Chan Heng Kee, ont "
                   "souligné l'importance de la coopération lors du 7e dialogue entre le Vietnam "
                   "et Singapour le 29 février à Singapour.", published="2016-03")
    (met,) = [e for e in found if e.type == "CONSULT"]
    assert {n for n, _ in sides(met)[0] + sides(met)[1]} == {"Hoang Xuan Chien", "Chan Heng Kee"}


def test_the_suspect_named_by_a_naming_verb_is_the_attacker() -> None:
    found = events("Une fusillade a éclaté dans une boîte de nuit à Orlando, en Floride. Selon les "
                   "médias, le suspect se dénommerait Omar Mateen.", published="2016-06-12")
    (event,) = [e for e in found if e.type == "ASSAULT"]
    assert sides(event)[0] == [("Omar Mateen", "USA")]


def test_a_letter_of_congratulations_carries_the_support_to_its_addressee() -> None:
    (event,) = events("Le vice-ministre de la Sécurité publique Lê Quốc Hùng vient d'envoyer une "
                      "lettre de félicitations à la police de la province de Khánh Hòa.",
                      published="2023-05-10")
    assert event.type == "SUPPORT"
    assert [p.name for p in event.actor] == ["Lê Quốc Hùng"]
    assert [p.name for p in event.recipient] == ["Police de la province de Khánh Hòa"]


def test_a_visit_to_a_state_told_by_its_noun_is_the_visitor_s_to_that_state() -> None:
    found = events("Après la visite officielle en Inde en mars 2019 du Premier ministre "
                   "japonais Shinzo Abe, la coopération s'est renforcée.", published="2019-09")
    (visit,) = [e for e in found if e.type == "CONSULT"]
    assert (visit.mode, visit.date) == ("visit", "2019-03")
    assert sides(visit) == ([("Shinzo Abe", "JPN")], [("Inde", "IND")])
    assert visit.place is not None and visit.place.name == "Inde"


def test_coordinated_destinations_are_one_visit_each_with_its_own_year() -> None:
    found = events("Les visites des navires de la marine indienne au Vietnam en 2018 et aux "
                   "Philippines en 2019 ont renforcé la position de la marine.",
                   published="2021-01")
    visits = sorted((e.recipient[0].name, e.date) for e in found if e.type == "CONSULT")
    assert visits == [("Philippines", "2019"), ("Vietnam", "2018")]


def test_a_visit_in_progress_beside_its_meeting_is_not_a_second_event() -> None:
    found = events("Le ministre Ngo Xuan Lich a reçu le 3 mars à Hanoï le ministre indien de la "
                   "Défense Manohar Parrikar, en visite officielle au Vietnam.",
                   published="2016-03")
    (met,) = [e for e in found if e.type == "CONSULT"]
    assert sides(met) == ([("Manohar Parrikar", "IND")], [("Ngo Xuan Lich", "VNM")])


def test_a_visit_with_no_host_is_not_coded() -> None:
    found = events("Le ministre Phan Van Giang s'est rendu au poste frontalier de Shuikou.",
                   published="2022-05")
    assert [e for e in found if e.type == "CONSULT"] == []


def test_a_subject_the_parser_read_inside_a_fronted_phrase_is_found_before_the_verb() -> None:
    found = events("Aussitôt après la cérémonie d'accueil officielle organisée le 31 août à "
                   "Hanoï, le président vénézuélien Nicolás Maduro s'est entretenu avec son "
                   "homologue vietnamien Truong Tan Sang.", published="2015-09")
    (met,) = [e for e in found if e.type == "CONSULT"]
    assert {n for n, _ in sides(met)[0] + sides(met)[1]} == {"Nicolás Maduro", "Truong Tan Sang"}


def test_a_list_of_people_each_with_title_and_name_is_met_in_full() -> None:
    met = events("Le ministre brésilien de la Justice Paulo Souza a rencontré le 3 mai à Brasilia "
                 "les ambassadeurs chilien Diego Rojas, péruvien Luis Quispe et argentin Martín "
                 "Sosa.", published="2019-05-06")
    assert {p.name for e in met if e.type == "CONSULT" for p in (*e.actor, *e.recipient)} == {
        "Paulo Souza", "Diego Rojas", "Luis Quispe", "Martín Sosa"}
    talks = events("Le ministre bolivien Juan Mamani s'est entretenu avec Carlos Ruiz, le "
                   "secrétaire du Conseil Ana Pérez et le ministre chilien de l'Intérieur "
                   "Pedro Lagos.", published="2019-05-06")
    named = {p.name for e in talks if e.type == "CONSULT" for p in (*e.actor, *e.recipient)}
    assert {"Carlos Ruiz", "Ana Pérez", "Pedro Lagos"} <= named



def test_a_capital_addressed_by_a_request_is_its_state_and_no_place() -> None:
    found = events("Hanoï (VNA) - Le ministre Tran Van Nam a rencontré ce mardi l'ambassadeur "
                   "des États-Unis.\n\nIl a rappelé la volonté du Vietnam de coopérer.\n\nTran Van "
                   "Nam a également demandé à Washington d'aider le Vietnam.", published="2021-04")
    (request,) = [e for e in found if e.type == "REQUEST"]
    assert [(p.name, p.country) for p in request.recipient] == [("États-Unis", "USA")]
    assert request.place is None or request.place.name != "Washington"
    assert request.date == "2021-04"  # after "ce mardi" in an article of that month


def test_a_meeting_with_one_side_only_is_not_coded_but_a_body_s_meeting_is() -> None:
    found = events("Le vice-Premier ministre et ministre des Affaires étrangères, Carlos Ruiz, a "
                   "rencontré le 9 janvier à New York des dirigeants et chefs de la diplomatie "
                   "de plusieurs pays participant au débat ministériel du Conseil de sécurité.",
                   published="2020-01-10")
    assert not [e for e in found if e.type == "CONSULT" and len(e.actor) + len(e.recipient) == 1
                and e.mode is None]


def test_an_event_without_a_place_is_in_the_lead_s_town_when_the_dateline_names_a_region() -> None:
    text = ("26 juillet 2016, Normandie . –\nAu cours d'une messe dans l'église de "
            "Saint-Étienne-du-Rouvray en Seine-Maritime, deux individus ont fait irruption.\n\n"
            "Selon la police, le prêtre a été égorgé par les deux individus.")
    (event,) = [e for e in events(text, published="2016-07-26") if e.type == "ASSAULT"]
    assert event.place is not None and event.place.name == "Saint-Étienne-du-Rouvray"


def test_a_present_passive_without_agent_or_date_is_a_state_not_an_act() -> None:
    assert not [e for e in events("Dans ce pays, les partis sont interdits et la presse est "
                                  "censurée. Le porte-avions est actuellement déployé en "
                                  "Méditerranée.") if e.type in ("COERCE", "MOBILIZE")]
    (sentence,) = [e for e in events("En 2009, il est finalement condamné à 25 ans de prison.")
                   if e.type == "SANCTION"]
    assert sentence.date == "2009"


def test_who_speaks_of_an_attack_is_not_its_author() -> None:
    spoken = events("Le président François Hollande est arrivé sur place à 13 h et évoque un « "
                    "ignoble attentat terroriste ».", published="2016-07-26")
    assert not [e for e in spoken if e.type == "ASSAULT" and any(p.name for p in e.actor)]
    (done,) = [e for e in events("L'armée égyptienne a mené mardi des frappes contre les "
                                 "djihadistes.") if e.type == "ASSAULT"]
    assert [p.name for p in done.actor] == ["Armée égyptienne"]


def test_il_or_elle_in_a_reported_clause_is_the_reporting_subject() -> None:
    (shot,) = [e for e in events("À Kokrajhar, la police précise qu'elle a abattu un des "
                                 "assaillants.") if e.type == "ASSAULT"]
    assert [(p.name, p.sector) for p in shot.actor] == [(None, "COP")]


def test_a_small_town_named_like_a_variant_abroad_is_in_the_article_s_state() -> None:
    (shot,) = [e for e in events("Des hommes armés ont ouvert le feu dans le marché de "
                                 "Balajan, en Inde, faisant 12 morts.") if e.type == "ASSAULT"]
    assert shot.place is not None and (shot.place.name, shot.place.country) == ("Balajan", "IND")


def test_an_attack_noun_is_an_assault_only_in_its_armed_sense_and_new() -> None:
    told = events("Des attaques perpétrées aujourd'hui à Jakarta ont fait au moins sept morts. "
                  "Ces attaques n'ont pas été revendiquées. Le gardien a réduit à néant les "
                  "efforts de l'attaque adverse.", published="2016-01-14")
    assert [e.evidence for e in told if e.type == "ASSAULT"] == ["attaques"]


def test_whoever_claims_the_attacks_is_their_author_however_parsed() -> None:
    told = events("Des attaques perpétrées aujourd'hui à Jakarta ont fait sept morts. Le groupe "
                  "autoproclamé « État islamique » a revendiqué les attaques après plusieurs "
                  "heures.", published="2016-01-14")
    (attack,) = [e for e in told if e.type == "ASSAULT"]
    assert [p.name for p in attack.actor] == ["État islamique"]


def test_an_aspectual_support_verb_carries_its_event_noun_even_past_a_date() -> None:
    told = events("Le gouvernement colombien a entamé vendredi des négociations avec les FARC.")
    assert [(e.type, sides(e)) for e in told] == [
        ("CONSULT", ([("Gouvernement colombien", "COL")], [("FARC", None)]))]
