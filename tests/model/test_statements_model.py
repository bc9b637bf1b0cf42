"""The statements and claims coders with the real French model, on sentences of the kinds the
press writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.pipeline import extract_one
from accord.read import read_text
from accord.records import Document

pytestmark = pytest.mark.model


def doc(text: str, published: str = "2016-03-10", title: str | None = None) -> Document:
    article = replace(read_text(text, "test.txt"), published=published, title=title)
    return extract_one(article)


def said(document: Document) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.verb) for s in document.statements]


def test_que_clause_with_its_speaker_content_and_day() -> None:
    d = doc("Le 8 mars, le ministre japonais de la Défense Gen Nakatani a déclaré que les deux "
            "pays renforceraient leurs patrouilles.")
    (st,) = d.statements
    assert (st.speaker, st.verb, st.date) == ("Gen Nakatani", "déclarer", "2016-03-08")
    assert st.evidence == "les deux pays renforceraient leurs patrouilles"
    assert d.text[st.span[0]:st.span[1]] == "déclaré"


def test_incise_after_a_quotation_takes_the_subject_written_after_the_verb() -> None:
    d = doc("« Nous ne céderons rien sur nos principes », a affirmé mardi le porte-parole "
            "Jean Dupont.")
    assert said(d) == [("Jean Dupont", "affirmer")]
    assert d.statements[0].evidence == "Nous ne céderons rien sur nos principes"


def test_a_pronoun_speaker_is_the_person_spoken_of() -> None:
    d = doc("Le président Emmanuel Macron est arrivé à Hanoï. Il a souligné que la coopération "
            "serait renforcée. Les accords sont importants, a-t-il ajouté.")
    assert said(d) == [("Emmanuel Macron", "souligner"), ("Emmanuel Macron", "ajouter")]


def test_noun_objects_of_announcing_and_denouncing_verbs_are_reported() -> None:
    d = doc("Le gouvernement japonais a dénoncé une provocation. Le président Emmanuel Macron "
            "a annoncé sa candidature.")
    assert said(d) == [("Gouvernement japonais", "dénoncer"), ("Emmanuel Macron", "annoncer")]
    assert [s.evidence for s in d.statements] == ["une provocation", "sa candidature"]


def test_a_passive_report_is_said_by_its_agent_and_needs_one() -> None:
    d = doc("La décision a été annoncée par le président Emmanuel Macron. Le chef de l'État "
            "est annoncé en sécurité.")
    assert said(d) == [("Emmanuel Macron", "annoncer")]


def test_coordinated_speakers_make_one_statement_each() -> None:
    d = doc("La France et l'Allemagne ont affirmé que l'accord serait respecté.")
    assert said(d) == [("France", "affirmer"), ("Allemagne", "affirmer")]


def test_quoted_verbs_the_writer_and_impersonal_subjects_are_not_statements() -> None:
    d = doc("Le Premier ministre Binali Yildirim a déclaré : « Ce gouvernement ne partira que "
            "lorsque le peuple le dira ». Rappelons que le pays a quitté la CPI, c'est-à-dire "
            "la cour pénale internationale. On estime que la crise durera. Il faut dire que "
            "la situation est grave.")
    assert said(d) == [("Binali Yildirim", "déclarer")]


def test_an_unnamed_speaker_is_kept_without_a_name() -> None:
    d = doc("Un proche du président a déclaré que les ambassadeurs seraient convoqués.")
    assert said(d) == [(None, "déclarer")]


def test_a_participle_reports_for_the_subject_of_its_verb() -> None:
    d = doc("Les États-Unis ont reconnu leur responsabilité, indiquant avoir arrêté les frappes.")
    assert said(d) == [("États-Unis", "reconnaître"), ("États-Unis", "indiquer")]


def test_claims_reported_in_a_statement_have_its_speaker_as_source() -> None:
    d = doc("Le ministre Luong Tam Quang a déclaré que son ministère coopère avec plus de 160 "
            "organismes dans 64 pays.", published="2021-12-14")
    assert [(c.quantity, c.qualifier, c.unit.split()[0], c.source) for c in d.claims] == [
        (160, "more_than", "organismes", "Luong Tam Quang"),
        (64, "exact", "pays", "Luong Tam Quang"),
    ]


def test_a_source_cited_with_selon_and_an_elided_unit() -> None:
    d = doc("Selon l'agence Reuters, l'armée possède 300 avions dont 120 sont opérationnels.")
    assert [(c.quantity, c.unit.split()[0], c.source) for c in d.claims] == [
        (300, "avions", "Reuters"), (120, "avions", "Reuters"),
    ]
    assert d.statements == ()


def test_dates_ages_and_ordinals_are_not_claims_but_casualties_and_money_are() -> None:
    d = doc("Le 17 septembre, une frappe a tué entre 60 et 90 soldats syriens, dont un homme "
            "de 45 ans, pour la deuxième fois. L'aide atteint 2,5 milliards d'euros.")
    assert [(c.quantity, c.qualifier, c.unit.split()[0]) for c in d.claims] == [
        (60, "at_least", "soldats"), (90, "less_than", "soldats"),
        (2_500_000_000, "exact", "euros"),
    ]


def test_headline_numbers_the_body_retells_and_headline_rates_are_not_claims() -> None:
    d = doc("La croissance atteint 6,5 % et l'armée achète 40 avions\n\nL'armée a acheté 40 "
            "avions. Elle compte 12 bases.", title="La croissance atteint 6,5 % et l'armée "
            "achète 40 avions")
    assert [(c.quantity, c.unit.split()[0]) for c in d.claims] == [(40, "avions"), (12, "bases")]
    assert all(c.span[0] > len(d.title or "") for c in d.claims)


def test_verbs_of_praise_thanks_and_telling_report_what_they_address() -> None:
    d = doc("Le ministre Ngo Xuan Lich a salué la visite de la délégation. Il a remercié le "
            "Vietnam d'avoir créé des conditions favorables. Il a insisté sur le développement "
            "des relations.")
    assert said(d) == [("Ngo Xuan Lich", "saluer"), ("Ngo Xuan Lich", "remercier"),
                       ("Ngo Xuan Lich", "insister")]
    assert d.statements[1].evidence == "le Vietnam d'avoir créé des conditions favorables"


def test_a_wish_reports_a_que_clause_not_an_infinitive() -> None:
    d = doc("Le ministre Ngo Xuan Lich a souhaité que les deux pays renforcent leurs liens. Le "
            "président Paul Roy souhaite se présenter à l'élection.")
    assert said(d) == [("Ngo Xuan Lich", "souhaiter")]


def test_il_does_not_stand_for_the_woman_who_spoke_last() -> None:
    d = doc("Donald Trump a gagné. La candidate démocrate Hillary Clinton a reconnu sa défaite. "
            "Il a assuré qu'il allait se mettre au travail.")
    assert ("Donald Trump", "assurer") in said(d)  # "candidate" is in the feminine


def test_who_spoke_last_is_not_the_subject_of_words_addressed_to_them() -> None:
    d = doc("Donald Trump a annoncé avoir parlé au téléphone à Hillary Clinton, qui l'a félicité "
            "pour la victoire. En retour, il lui a rendu hommage et l'a félicitée pour sa "
            "campagne.")
    assert said(d)[-1] == ("Donald Trump", "féliciter")


def test_the_predicate_of_reported_words_is_no_statement_of_its_own() -> None:
    d = doc("La porte-parole Pham Thu Hang a déclaré que le Vietnam estimait que la paix était "
            "essentielle. Le ministre Paul Roy a dénoncé une provocation et averti que les "
            "responsables paieront.")
    assert said(d) == [("Pham Thu Hang", "déclarer"), ("Paul Roy", "dénoncer"),
                       ("Paul Roy", "avertir")]


def test_a_group_that_names_no_one_speaks_as_one_unnamed_speaker() -> None:
    d = doc("Le ministre Ngo Xuan Lich a reçu son homologue chinois Wei Fenghe. Les deux "
            "ministres ont affirmé que la coopération se renforçait. Ngo Xuan Lich et Wei Fenghe "
            "ont souligné que la paix était essentielle.")
    assert said(d) == [(None, "affirmer"), ("Ngo Xuan Lich", "souligner"),
                       ("Wei Fenghe", "souligner")]


def test_claims_condemnations_and_cries_are_reported() -> None:
    d = doc("Des milices pro-gouvernementales prétendent que les insurgés ont bloqué les civils. "
            "Le préfet Pierre Dartout a condamné les appels malveillants. L'assaillant Paul Noir "
            "a crié « Allah Akbar ».")
    assert said(d) == [(None, "prétendre"), ("Pierre Dartout", "condamner"),
                       ("Paul Noir", "crier")]


def test_a_speaker_declared_satisfied_reports_the_participle_and_its_complement() -> None:
    d = doc("Le général Hoàng Xuân Chiên s'est déclaré réjoui du développement vigoureux de "
            "l'amitié traditionnelle entre les deux pays.")
    assert said(d) == [("Hoàng Xuân Chiên", "déclarer")]
    assert d.statements[0].evidence.startswith("réjoui du développement")


def test_a_multi_word_reporting_verb_is_read_through_its_light_verb() -> None:
    d = doc("Le colonel Trân Van Tho a fait savoir que les deux parties avaient organisé 28 "
            "patrouilles.")
    assert said(d) == [("Trân Van Tho", "faire savoir")]
    assert d.statements[0].evidence == "les deux parties avaient organisé 28 patrouilles"


def test_a_title_written_with_its_adjective_names_who_holds_that_title() -> None:
    d = doc("Le ministre de la Défense Ali Hamid a visité Mossoul. Haïder al-Abadi, le Premier "
            "ministre irakien, a parlé mardi. Le Premier ministre a indiqué que les auteurs "
            "seront traqués. « Nous avons ordonné aux forces irakiennes de traquer les gangs », a "
            "déclaré le chef du gouvernement sur le réseau social Twitter.")
    assert said(d)[-2:] == [("Haïder al-Abadi", "indiquer"), ("Haïder al-Abadi", "déclarer")]


def test_a_verb_coordinated_by_et_is_no_incise_and_claiming_an_attack_is_no_speech() -> None:
    d = doc("Ali Hamid, le Premier ministre, a parlé d'un choc et a prévenu de troubles dus à "
            "l'exécution. L'attentat a été revendiqué par l'organisation État islamique.")
    assert said(d) == []


def test_a_participle_on_a_noun_reports_for_that_noun_or_its_agent() -> None:
    d = doc("Le quinquennat aura été marqué par le chômage, le président François Hollande "
            "promettant dès 2012 d'inverser la courbe. L'ouverture d'une enquête, annoncée par "
            "le ministre de l'Intérieur, Suresh Prabhu, devra permettre de découvrir les causes "
            "du déraillement.")
    assert said(d) == [("François Hollande", "promettre"), ("Suresh Prabhu", "annoncer")]


def test_a_quotation_that_opens_the_complement_is_reported() -> None:
    d = doc("Le président Paul Martin est arrivé à 13 h et évoque un « ignoble attentat "
            "terroriste ». La procureure Éliane Houlette avait parlé du « procès de la trahison ». "
            "Le ministre Jean Noir évoque une possible candidature.")
    assert said(d) == [("Paul Martin", "évoquer"), ("Éliane Houlette", "parler")]


def test_the_ministry_is_the_ministry_spoken_of_last() -> None:
    d = doc("Le ministère russe de la Défense a annoncé l'accident hier. Le ministère précise que "
            "l'accident serait dû à un incident technique.")
    assert said(d) == [("Ministère de la Défense", "annoncer"),
                       ("Ministère de la Défense", "préciser")]


def test_il_is_the_person_who_became_the_subject_since_the_last_speaker() -> None:
    d = doc("Le chef de l'opposition Bill Shorten a déclaré que la république était urgente. Le "
            "Premier ministre Malcolm Turnbull sait que le sujet est délicat. Il estime que la "
            "question n'est pas prioritaire.")
    assert said(d) == [("Bill Shorten", "déclarer"), ("Malcolm Turnbull", "estimer")]


def test_a_relative_or_counsel_of_someone_speaks_unnamed() -> None:
    d = doc("Jérôme Cahuzac a été condamné. Les deux avocats de Jérôme Cahuzac ont annoncé sa "
            "volonté de faire appel. L'entourage de Jérôme Cahuzac a démenti cette information.")
    assert said(d) == [(None, "annoncer"), (None, "démentir")]


def test_telling_beliefs_and_criticism_and_a_passive_with_a_pronoun() -> None:
    d = doc("La ministre Juliette Méadel a fait part de sa vive émotion en apprenant ce décès. Le "
            "maire Guy Chevrette croit que le projet protégera 22 000 emplois. Le député Jean "
            "Roy avait été critiqué. Il avait alors été vivement critiqué par l'opposition.")
    assert said(d) == [("Juliette Méadel", "faire part"), ("Guy Chevrette", "croire")]
    assert d.statements[0].evidence.startswith("de sa vive émotion")


def test_a_t_il_after_a_quotation_is_an_incise_of_someone_named_before_it() -> None:
    d = doc("David Cameron est choqué. « Je suis très préoccupé par les informations selon "
            "lesquelles Jo Cox a été blessée » a-t-il déclaré sur les médias sociaux.")
    assert said(d) == [("David Cameron", "déclarer")]


def test_declared_convinced_reports_its_complement_however_parsed() -> None:
    d = doc("Le ministre Ngô Xuân Lich a reçu les ambassadeurs. Il s'est déclaré convaincu du bon "
            "développement des relations entre le Vietnam et les pays dans le futur.")
    assert said(d) == [("Ngô Xuân Lich", "déclarer")]


def test_who_speaks_by_the_voice_of_someone_is_that_someone() -> None:
    d = doc("Le groupe est visé par les États-Unis. La Russie indique par la voix d'Igor Morozov "
            "que le groupe restera une cible de l'aviation russe.")
    assert said(d) == [("Igor Morozov", "indiquer")]


def test_a_noun_the_tagger_reads_as_a_reporting_verb_reports_nothing() -> None:
    d = doc("Le vice-ministre Vo Minh Luong a affirmé que le Vietnam prenait toujours en haute "
            "estime ses relations avec Cuba.")
    assert said(d) == [("Vo Minh Luong", "affirmer")]


def test_a_second_subject_the_parse_gives_after_the_verb_is_not_il() -> None:
    d = doc("Le général de corps d'armée Luong Tam Quang, ministre de la Sécurité publique, "
            "s'est entretenu avec le conseiller d'État Wang Xiaohong, le 20 août à Pékin.\n\n"
            "Luong Tam Quang accompagnait le secrétaire général du Parti et président du Vietnam "
            "To Lam et son épouse lors d'une visite d'État en Chine du 18 au 20 août.\n\nIl a "
            "félicité la Chine pour l'organisation réussie de la troisième session plénière.")
    assert said(d) == [("Luong Tam Quang", "féliciter")]


def test_sharing_a_view_and_uttering_a_wish_report_that_view_or_wish() -> None:
    d = doc("Les deux parties ont partagé le point de vue selon lequel les unités des deux "
            "ministères avaient organisé des activités. Le vice-ministre Hoang Xuân Chiên a émis "
            "le souhait de voir le ministre lao continuer. Les deux ministres ont partagé leurs "
            "expériences.")
    assert said(d) == [(None, "partager"), ("Hoang Xuân Chiên", "émettre")]
    assert d.statements[1].evidence.startswith("le souhait de voir")


def test_what_a_speaker_says_next_avant_de_is_reported_not_a_purpose() -> None:
    d = doc("Le ministre Tran Dai Quang a reçu la délégation. Il a affirmé que les relations "
            "étaient un bien inestimable, avant de demander à cet organe de coopérer étroitement "
            "avec son ministère. Il a parlé pour soutenir ses alliés.")
    assert said(d) == [("Tran Dai Quang", "affirmer"), ("Tran Dai Quang", "demander")]


def test_words_a_scraped_page_glued_together_are_read_apart_and_the_text_kept() -> None:
    text = ("Le ministre de la Défense, le généralPhung Quang Thanh, a reçu la délégation.\n"
            "Il ademandé à ce que chacun continue de promouvoir les relations decoopération. "
            "Les relations approfondiraient la compréhension.")
    d = doc(text)
    assert said(d) == [("Phung Quang Thanh", "demander")]
    assert d.text.endswith(text)


def test_a_paragraph_of_glued_words_is_coded_without_a_broken_parse() -> None:
    d = doc("Elles ont également définides mesures afin de consolider et d'intensifier leur "
            "coopération dans lepartage d'informations et d'expériences en matière de prévention "
            "et delutte contre la criminalité, ce qui contribuera à la promotion desrelations "
            "d'amitié et de coopération traditionnelles entre le Vietnam etle Myanmar. -VNA")
    assert "entre le Vietnam etle Myanmar" in d.text


def test_a_participle_with_an_agent_is_said_by_the_agent_and_elle_is_the_woman() -> None:
    d = doc("Nathalie Kosciusko-Morizet avait été sortie de la direction du parti en décembre, "
            "accusée par Nicolas Sarkozy de prendre des positions divergentes. Elle estime que "
            "les autres candidats sont des « hypocrites ».")
    assert said(d) == [("Nicolas Sarkozy", "accuser"), ("Nathalie Kosciusko-Morizet", "estimer")]


def test_par_ailleurs_is_no_agent_and_le_collectif_is_the_collective_named_before() -> None:
    d = doc("Le Collectif Sécurité pour tous a organisé une marche à Paris. Par ailleurs, 16 "
            "centrales nucléaires sont également annoncées comme ayant voté grève. De son côté, "
            "le collectif à l'origine de la manifestation réclame des effectifs supplémentaires.")
    assert [v for _, v in said(d)] == ["réclamer"]
    assert said(d)[0][0] is not None and said(d)[0][0].startswith("Collectif")


def test_an_apposed_name_speaks_for_its_phrase_and_a_quoted_name_is_no_quotation() -> None:
    d = doc("Par la suite, l'agence de presse de l'État islamique, Amaq, annonce que la tuerie a "
            "été perpétrée par un combattant. Le groupe autoproclamé « État islamique » a "
            "revendiqué les attaques après plusieurs heures.")
    assert said(d) == [("Amaq", "annoncer")]
