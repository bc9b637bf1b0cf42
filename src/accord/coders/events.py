"""Events coder: PLOVER events from verb and noun triggers and the dependency parse.

A trigger (``triggers.tsv``: lemma, part of speech, type, mode, frame, required objects for
light verbs such as "effectuer une visite") is read with its arguments (:mod:`.roles`); the frame
says how they map to actor and recipient. Mood and time (:mod:`.event_dates`):

- negated or hypothetical ("si ...") acts are not coded, nor background told in the pluperfect
  unless the clause dates it;
- future and conditional cooperative acts, and cooperative acts governed by "convenir de",
  "s'engager à", "annoncer" ..., are AGREE; other acts in the future are not coded, except in a
  conditional of reported news ("seraient mis en place par l'armée selon la chaîne TRT");
- an act decided or announced ("a décidé de convoquer", "son intention de cesser") is coded as
  the act.

Nominal events ("la visite de X au Vietnam", "leur ratification", "lors du sommet du COMESA")
take their actor from a "de"/"par" complement, a nationality adjective, or the subject of the
verb that governs them. Repetitions of one happening are merged (the explicit date and the
verbal reading win), and the headline's events give way to the body's.

Writes ``doc._.events``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.coders.annotations import ActorTable, DateAnn, EventAnn, Participant, PlaceAnn, Unnamed
from accord.coders.event_dates import EventClock, tense
from accord.coders.event_filter import candidate_of_event, event_filter
from accord.coders.resolve import Resolver
from accord.coders.roles import (
    MEDIA_OF_TALK,
    Arguments,
    Roles,
    attributions,
    case_of,
    is_passive,
    passive_agent,
    reflexive,
    subject_heads,
    verb_chain,
)
from accord.coders.verbs import first_group_lemma, hypothetical, just_did, negated, wished
from accord.vocab import geo
from accord.vocab.lexicon import Lexicon, Trigger
from accord.vocab.text import fold

__all__ = ["AGREE_GOVERNORS", "COOPERATIVE", "code_events"]

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
AGREE_GOVERNORS = frozenset({
    "convenir", "engager", "promettre", "accepter", "decider", "appreter", "prevoir",
    "annoncer", "compter", "devoir", "vouloir", "souhaiter", "envisager", "projeter",
    "intention", "resoudre", "preparer", "proposer", "pret", "prete", "dispose", "disposee",
    "determine", "determinee", "volonte", "engagement", "accorder", "entendre",
})
# types whose events always have a recipient in the guideline's coding (the gold files code
# an unnamed one, of the place, when the text names none)
_ALWAYS_A_TARGET = frozenset({"ASSAULT", "ACCUSE", "REQUEST", "THREATEN", "COERCE"})
# what a message of congratulations, thanks or condolences is sent in
_MESSAGES = frozenset({"lettre", "message", "telegramme", "courrier", "missive"})
# devices that attack when they go off (CAMEO 183, bombings; 190, conventional force)
_WEAPONS = frozenset({"bombe", "voiture", "camion", "engin", "explosif", "obus", "roquette",
                      "missile", "grenade", "mine", "colis", "drone", "kamikaze"})
# commitments one side makes alone: "X s'est engagé à coopérer avec Y" is X's promise to Y
_ONE_SIDED = frozenset({
    "engager", "promettre", "pret", "prete", "dispose", "disposee", "determine", "determinee",
    "volonte", "engagement", "vouloir", "souhaiter", "entendre", "compter",
})
# governors of a cooperative act that, in the future or conditional, promise it ("continuera à
# aider", "poursuivra la coopération")
_CONTINUE_GOVERNORS = frozenset({"continuer", "poursuivre", "commencer"})
# governors under which a non-cooperative act counts as done or decided
_ACT_GOVERNORS = frozenset({"decider", "annoncer", "intention", "permettre", "venir", "commencer",
                            "continuer", "poursuivre", "choisir", "ordonner"})
_BLOCKING_GOVERNORS = frozenset({
    "suggerer", "appeler", "demander", "exhorter", "inviter", "pouvoir", "tenter",
    "essayer", "refuser", "menacer", "viser", "chercher", "eviter", "empecher", "craindre",
    "nier", "dementir", "opposer", "hesiter", "falloir", "esperer",
})
_REFLEXIVE = frozenset({"se", "s'", "s"})
_REFLEXIVE_ONLY = frozenset({"rendre", "entretenir", "engager", "appreter", "excuser", "retirer",
                             "accorder"})
_NOUN_BLOCKING_CASES = frozenset({"avant", "apres", "sans", "contre", "depuis"})
_OCCUR_VERBS = frozenset({"avoir", "derouler", "tenir", "commencer", "ouvrir", "achever",
                          "terminer", "intervenir", "survenir", "produire", "poursuivre",
                          "eclater"})
# Relations of an event noun to its support verb ("a eu une rencontre", "a participé à la
# conférence"; "obl:mod" where the parse took a date for the object)
_SUPPORTED_DEPS = frozenset({"obj", "obl:arg", "obl", "obl:mod", "nsubj:pass", "xcomp"})
_WITH_CASES = frozenset({"avec", "aupres"})
_HOST_CASES = frozenset({"a", "au", "aux", "aupres"})
_TARGET_CASES = frozenset({"a", "au", "aux", "avec", "pour", "envers", "contre"})
_QUANTITY_NOUNS = frozenset({"centaine", "millier", "dizaine", "groupe", "foule", "million",
                             "cortege", "poignee", "nombre", "plupart", "milliers", "centaines"})
_DURING = frozenset({"lors", "pendant", "durant"})
# "une visite au Vietnam", "sa visite en Chine": the cases of a visit's destination
_TO_A_STATE = frozenset({"en", "au", "aux", "a"})
# heads under which a visit is not told as made ("la perspective d'une visite en Chine")
_NOUN_BLOCKING_HEADS = frozenset({"veille", "lendemain", "perspective", "projet", "idee",
                                  "possibilite", "eventualite", "absence", "refus", "fin"})
_TRIP_BLOCKING_HEADS = _NOUN_BLOCKING_HEADS - {"lendemain", "fin"}  # "au lendemain de sa visite"
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})


def _lookup(lex: Lexicon, tok: Token) -> tuple[Trigger, ...]:
    found = lex.triggers.get((tok.lemma_, tok.pos_), ())
    if not found and tok.pos_ in ("NOUN", "VERB"):
        found = lex.triggers.get((tok.lemma_.lower(), tok.pos_), ())
    if not found and tok.pos_ == "NOUN" and tok.text.lower().endswith("s"):
        found = lex.triggers.get((tok.text.lower()[:-1], "NOUN"), ())
    if not found and tok.pos_ == "VERB":
        lemma = first_group_lemma(tok.text, lambda verb: (verb, "VERB") in lex.triggers)
        if lemma is not None:
            return lex.triggers[(lemma, "VERB")]
    return found


def _reported(tok: Token) -> bool:
    """A conditional of reported news: "selon la chaîne TRT", "d'après l'agence"."""
    return bool(attributions(tok.sent))


def _governor(tok: Token) -> Token | None:
    """The verb or noun a trigger in the infinitive depends on ("a décidé de convoquer",
    "son intention de cesser", "s'apprêtait à signer"); for a second infinitive ("ont convenu
    de ... ainsi que de tenir"), the first one's."""
    if tok.dep_ == "conj" and "Inf" in tok.morph.get("VerbForm", []) and (
            "Inf" in tok.head.morph.get("VerbForm", [])) and tok.head.i != tok.i:
        first = _governor(tok.head)
        if first is not None:
            return first
    if tok.dep_ == "conj" and "Inf" in tok.morph.get("VerbForm", []) and tok.head.i != tok.i and (
            tok.head.pos_ == "VERB") and any(c.dep_ == "mark" and fold(c.text) in (
                "a", "de", "d'") for c in tok.children):
        return tok.head  # "se sont engagées à étudier ..., ainsi qu'à se soutenir": the parse
        # coordinates the second infinitive with the governor
    if tok.dep_ in ("xcomp", "ccomp", "acl", "obl", "obl:arg", "advcl") and tok.head.i != tok.i and (
        "Inf" in tok.morph.get("VerbForm", [])
    ):
        for c in tok.head.children:  # "a réaffirmé l'engagement de X à poursuivre": the noun
            if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < tok.i and (
                    fold(c.lemma_) in AGREE_GOVERNORS):
                return c
        return tok.head
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head
    return None


def _named(tok: Token, words: frozenset[str]) -> bool:
    """Whether the folded lemma or text of ``tok`` is one of ``words``."""
    return fold(tok.lemma_) in words or fold(tok.text) in words


def _object_matches(tok: Token, trig: Trigger) -> Token | None:
    """For a light verb, the object that makes it a trigger ("effectuer une visite")."""
    for c in tok.children:
        if c.dep_ in ("obj", "nsubj:pass", "obl:arg", "obl", "obl:mod", "xcomp"):
            for t in (c, *[x for x in c.children if x.dep_ == "conj"]):
                if _named(t, trig.objects):
                    return t
                for g in t.children:  # "l'état d'urgence", "en garde à vue"
                    if g.dep_ in ("nmod", "fixed", "flat") and _named(g, trig.objects):
                        return t
    for c in tok.children:  # "effectue du 27 au 29 mai une visite": the parse hangs the
        # object on the date; "a qualifié ce tir, le 5e en 10 jours, de provocation": on an
        # incidental phrase
        if c.dep_ in ("obl:arg", "obl", "obl:mod") and c.like_num or c.dep_ in ("dep", "appos"):
            for t in c.subtree:
                if t.dep_ == "nmod" and t.pos_ == "NOUN" and _named(t, trig.objects):
                    return t
    return None


@dataclass
class _Coder:
    doc: Doc
    lex: Lexicon
    table: ActorTable
    roles: Roles
    clock: EventClock
    headline_end: int  # token index where the body starts
    places: list[PlaceAnn]

    # -- verbs ------------------------------------------------------------------------------
    def code_verb(self, tok: Token, trig: Trigger, consumed: set[int]) -> EventAnn | None:
        light = None
        if trig.objects:
            if fold(tok.lemma_) == "avoir" and any(
                    c.dep_ == "obj" and fold(c.text) == "lieu" for c in tok.children):
                return None  # "a eu lieu un entretien entre X et Y": the noun tells it
            light = _object_matches(tok, trig)
            if light is None:
                return None
            consumed.add(light.i)
        elif fold(tok.lemma_) in _REFLEXIVE_ONLY and not any(
            fold(c.text) in _REFLEXIVE for c in tok.children
        ):
            return None
        if negated(tok) or hypothetical(tok) or wished(tok):
            return None
        if trig.type == "AGREE" and trig.frame in ("subj", "svo") and any(
            c.dep_ == "xcomp" and any(not t.objects or _object_matches(c, t) is not None
                                      for t in _lookup(self.lex, c))
            for c in tok.children
        ):
            return None  # "s'apprêtait à signer": the act it governs is coded as AGREE
        if trig.type == "AGREE" and _agrees_on_a_view(tok):
            return None  # "ont convenu que la paix était la tendance commune": no act
        etype, mode = trig.type, trig.mode
        if fold(tok.lemma_) == "condamner" and (_judicial(tok) or is_passive(tok)):
            etype, mode = "SANCTION", "convict"  # "a été condamné à trois ans de prison"
            trig = Trigger(trig.lemma, trig.pos, etype, mode, trig.frame, trig.objects)
        when = tense(tok)
        anchors = [tok, *verb_chain(tok)[1:]]
        if light is not None:
            anchors.append(light)  # "effectue une visite à Cuba du 18 au 25 novembre"
        for c in tok.children:  # "lors de la visite ... en février dernier, ont signé": the
            # act takes the date of the happening it was part of
            for w in (c, *(f for f in c.children if f.dep_ == "fixed")):  # "En particulier,
                if fold(w.text) in _DURING:  # lors de": the parse may fix "lors" to "En"
                    anchors += [w, *(g for g in w.children if g.dep_.startswith("obl"))]
            if c.dep_.startswith("obl") and case_of(c) in _DURING:
                anchors.append(c)
        if trig.type in _STATE_TYPES and _present_state(tok) and self.clock.written(
                anchors) is None:
            return None  # "les partis sont interdits", "le porte-avions est déployé": a state
        if just_did(tok):
            when = "recent"  # "vient d'annoncer": the immediate past
        governor = _governor(tok)
        done = any(c.dep_.startswith("aux") for c in tok.children)  # "annonce avoir parlé"
        if governor is not None and done and "Inf" in tok.morph.get("VerbForm", []) and (
                fold(governor.lemma_) not in _BLOCKING_GOVERNORS):
            anchors.append(governor)
            when = "past" if tense(governor) not in ("pluperfect",) else "pluperfect"
            governor = None  # a perfect infinitive tells a past act
        if governor is not None and fold(governor.lemma_) in _CONTINUE_GOVERNORS:
            higher = _governor(governor) if "Inf" in governor.morph.get("VerbForm", []) else None
            if higher is not None and fold(higher.lemma_) in AGREE_GOVERNORS and _lookup(
                    self.lex, higher):
                return None  # "ont convenu de continuer de se soutenir": what was agreed
            elif trig.type in COOPERATIVE and higher is None and "Fin" in governor.morph.get(
                    "VerbForm", []) and tense(governor) in ("present", "past") and not any(
                    c.dep_.startswith("aux") for c in governor.children):
                return None  # "le Vietnam continuait de coopérer avec la Russie": a state of
                # things, not a happening
        if governor is not None:
            gov = fold(governor.lemma_)
            anchors.append(governor)
            if governor.dep_ in ("obj", "nsubj") and governor.head.i != governor.i:
                anchors.append(governor.head)  # "a annoncé son intention de ..."
                when = tense(governor.head)
            else:
                when = tense(governor)
            if gov in _BLOCKING_GOVERNORS:
                return None
            if gov == "devoir" and when not in ("future", "conditional"):
                return None  # "doivent ratifier": an obligation, not a commitment
            if gov in _ACT_GOVERNORS and gov not in AGREE_GOVERNORS and when in (
                "future", "conditional"
            ):
                if etype not in COOPERATIVE or gov not in _CONTINUE_GOVERNORS:
                    return None  # "permettrait à l'organisation d'évacuer"
                consumed.add(governor.i)  # "continuerait à aider le Vietnam": a promise
                etype, mode = "AGREE", None
                anchors = [a for a in anchors if a.i != tok.i]
            if etype in COOPERATIVE and gov in AGREE_GOVERNORS:
                consumed.add(governor.i)
                etype, mode = "AGREE", None
                anchors = [a for a in anchors if a.i != tok.i]  # the act's date is its plan
            elif gov in _ACT_GOVERNORS:
                consumed.add(governor.i)
            elif gov in AGREE_GOVERNORS or (
                governor.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm", [])
            ):
                return None  # a non-cooperative act merely intended, or under another verb
        if when in ("future", "conditional") and governor is None:
            if etype in COOPERATIVE:
                etype, mode = "AGREE", None
            elif not (when == "conditional" and _reported(tok)):
                return None
        if when == "pluperfect" and self.clock.written(anchors) is None:
            return None
        if tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", []) and not any(
                c.dep_.startswith("aux") for c in tok.children) and (
                self.clock.written(anchors) is None) and trig.frame != "host":
            return None  # "les accords signés entre les deux pays": background, not news
        if trig.frame == "plan" and etype != "AGREE":
            return None  # "renforcer la coopération": coded only as a promise

        args = self.roles.arguments(tok)
        if governor is not None and governor.pos_ == "NOUN":
            # "l'engagement de l'Australie à poursuivre": the noun's "de X" holds it
            holders = [p for c in governor.children if c.dep_ == "nmod" and case_of(c) in (
                "de", "d'", "du", "des") for p in self.roles.participants(c)]
            args.subjects = holders or args.subjects
        if governor is not None and not args.subjects:
            holder = governor
            if governor.pos_ == "NOUN" and governor.head.i != governor.i:
                holder = governor.head  # "a annoncé son intention de cesser"
            args.subjects = self.roles.participants_all(subject_heads(holder)[0])
            if not args.subjects and "Fin" in self.roles.finite(holder).morph.get(
                "VerbForm", []
            ):
                args.subjects = self.roles.preceding_actors(holder)
        if etype in ("ASSAULT", "COERCE") and self._disaster(tok, light) and not any(
                isinstance(p, int) for p in args.subjects):
            return None  # "le séisme a tué 200 personnes": nobody attacked
        actors, recipients = self._frame(trig, etype, args, tok, light)
        if etype == "REQUEST" and set(actors) & set(recipients):
            return None  # "X a invité les deux parties à renforcer ...": an exhortation to both
        if etype not in COOPERATIVE and any(isinstance(p, Unnamed) and p.country is None
                                            for p in actors + recipients):
            # "un homme a été tué à Aix-les-Bains": the unnamed are of the event's place
            where = self._where(tok)
            actors, recipients = ([Unnamed(where, p.sector) if isinstance(p, Unnamed) and (
                p.country is None) else p for p in side] for side in (actors, recipients))
        if etype == "AGREE" and governor is not None and fold(governor.lemma_) in _ONE_SIDED and (
                len(args.subjects) == 1 and args.subjects[0] in actors and len(actors) > 1):
            # "X s'est engagé à coopérer avec Y": the partner is whom the promise is made to
            recipients = [p for p in actors if p not in args.subjects] + recipients
            actors = list(args.subjects)
        if etype == "ASSAULT" and not actors and any(
                fold(h.lemma_) in _WEAPONS for h in subject_heads(tok)[0]):
            # "une voiture piégée a explosé": a weapon, set off by someone unnamed of the place
            actors = [Unnamed(self._where(tok))]
        if not actors and all(isinstance(p, Unnamed) for p in recipients):
            return None  # "tuant 32 personnes" with nobody acting: nothing said of who did it
        if etype == "CONSULT" and all(isinstance(p, Unnamed) and p.sector == "CVL"
                                      for p in actors + recipients):
            return None  # "des milliers de personnes se réunissent": a crowd, not talks
        if etype == "SANCTION" and actors and not recipients and self.table.home and all(
            not isinstance(p, int) or self.table.actors[p].country != self.table.home
            for p in actors
        ):
            # a sanction whose target is not written falls on the state the article is about
            recipients = [self.roles.home_state()]
        if not actors and not recipients:
            return None
        mode = mode if etype == trig.type else None
        if etype == "CONSULT" and any(c.dep_.startswith("obl") and fold(c.lemma_) in MEDIA_OF_TALK
                                      for c in tok.children) or etype == "CONSULT" and any(
                fold(g.text).startswith("telephon") for c in tok.children if c.dep_ == "obj"
                for g in c.children if g.dep_ in ("amod", "nmod")):
            mode = "phone"  # "s'est entretenu par téléphone avec X", "a eu un entretien
            # téléphonique avec X"
        event = self._event(tok, etype, mode, actors, recipients)
        self._date(event, anchors, when)
        for c in tok.children:  # "ont coprésidé le dialogue": the noun names the same happening
            if (c.dep_ == "obl:arg" or _bare_object(c, tok)) and any(
                    t.pos == "NOUN" and t.type == trig.type for t in _lookup(self.lex, c)):
                consumed.add(c.i)
        return event

    def _frame(self, trig: Trigger, etype: str, a: Arguments, tok: Token,
               light: Token | None = None) -> tuple[list[Participant], list[Participant]]:
        frame = trig.frame
        subj = a.subjects
        if light is None and frame == "sign":
            light = next((c for c in tok.children if c.dep_ == "obj"), None)
        if light is not None and frame in ("svo", "sign"):
            # "interrompre son aide au gouvernement", "cesser le financement ... pour le
            # Burundi", "signer un contrat pour l'achat de 114 Airbus"
            found = self.roles.complements(light, _TARGET_CASES) or a.beneficiary or a.to
            if found:
                return subj + (a.with_ if frame == "sign" else []), found
        if a.passive and not subj and frame == "subj" and a.objects and etype == "MOBILIZE":
            return a.objects, []  # "225 militaires ont été déployés": they act
        if frame == "undergo":  # "X a écopé d'une amende": X undergoes it
            return [self._court(tok)], subj
        if a.passive and not subj and etype in ("COERCE", "ASSAULT", "SANCTION", "PROTEST",
                                                "RETREAT"):
            if etype == "SANCTION" and trig.mode == "convict":
                subj = [self._court(tok)]
            else:
                subj = [Unnamed(self._where(tok))]
        if frame == "host":  # "a reçu le titre", "a reçu des demandes": nobody visits
            return (a.objects, subj) if a.objects else ([], [])
        if frame == "visit":  # "s'est rendu auprès de X"
            hosts = a.objects + a.to or a.destination or a.with_
            if not hosts and light is not None:  # "a effectué des visites de courtoisie à X et
                hosts = self.roles.complements(light, _HOST_CASES)  # à Y"
            return subj, hosts
        if frame == "joint":
            partners = a.with_ or (self.roles.complements(light, _WITH_CASES) if light is not None
                                   else [])  # "a eu des rencontres avec X": X hangs on the noun
            actors = subj + [p for p in partners if p not in subj]
            if fold(tok.lemma_) in _CHAIRED:
                return actors, []  # "ont coprésidé l'échange d'amitié Vietnam-Cambodge"
            if light is None and any(_bare_object(c, tok) and any(
                    t.pos == "NOUN" for t in _lookup(self.lex, c)) for c in tok.children):
                return actors, []  # "ont coprésidé le Dialogue Vietnam-France": no one is met
            if not a.with_ and (a.objects or a.to):
                return actors, a.objects + a.to  # "X a rencontré Y": Y is met
            return actors, []
        if frame == "sign":
            return subj + [p for p in a.with_ if p not in subj], []
        accused = _TARGET_CASES | {"par"} if etype == "ACCUSE" else _TARGET_CASES
        if frame == "subj":
            if etype == "PROTEST":  # "pour protester contre la victoire de Donald Trump"
                return subj, self._against(tok)
            return subj, (a.destination if etype == "AGREE" else [])
        if frame == "plan":  # "s'engagent à renforcer la coopération avec X", "à aider X"
            partners = a.with_ + a.to
            if not partners:  # "poursuivre son soutien et sa collaboration avec le Vietnam"
                for c in tok.children:
                    if c.dep_ == "obj":
                        partners += self.roles.complements(c, frozenset({"avec", "a", "au", "aux"}))
                        for conj in (x for x in c.children if x.dep_ == "conj"):
                            partners += self.roles.complements(
                                conj, frozenset({"avec", "a", "au", "aux"}))
            return subj, [p for p in dict.fromkeys(partners) if p not in subj]
        recipients = a.objects + a.to + a.with_
        if not recipients and reflexive(tok) and etype not in COOPERATIVE:
            recipients = list(a.destination)  # "s'est attaqué à la 13e division de X"
        if not recipients:
            for c in tok.children:
                if c.dep_ in ("obj", "nsubj:pass") or (a.passive and c.dep_ == "nsubj"):
                    recipients += self.roles.complements(c, accused)
            recipients += a.beneficiary
        if not recipients and etype in ("THREATEN", "ACCUSE", "REQUEST"):
            for c in tok.children:
                if c.dep_ in ("ccomp",):
                    heads = [h for h in c.children if h.dep_ in ("nsubj", "nsubj:pass")]
                    recipients += self.roles.participants_all(heads)
        return subj, recipients

    # -- nouns ------------------------------------------------------------------------------
    def code_noun(self, tok: Token, trig: Trigger) -> EventAnn | None:
        if trig.objects and not any(_named(c, trig.objects)
                                    for c in tok.children if c.dep_ in ("amod", "nmod")):
            return None  # "un appel téléphonique", not any "appel"
        if fold(tok.lemma_) in _ARMED_SENSE_ONLY and not _armed_sense(tok):
            return None  # "l'attaque adverse" of a match, "ces attaques" told before
        head = tok.head
        if case_of(tok) in _NOUN_BLOCKING_CASES or fold(head.lemma_) in _NOUN_BLOCKING_HEADS:
            return None
        after_date = _after_circumstance(tok, self.roles.date_tokens)
        if after_date:  # "a entamé vendredi des négociations": the object hung on the date
            head = head.head
        if head.i != tok.i and head.pos_ in ("ADV", "ADP") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "lors du sommet": "sommet" hangs on "lors"
        holder: Token | None = None  # "a déclaré le ministre X, lors d'un entretien": X's
        if head.i != tok.i and head.pos_ in ("ADV", "ADP") and fold(head.text) == "lors" and (
                head.head.pos_ in ("NOUN", "PROPN")):
            holder, clause = _clause_phrase(head.head)
            head = clause or head
        verb = head if head.i != tok.i and head.pos_ in ("VERB", "AUX") else None
        conveyed = tok.dep_ == "nmod" and fold(head.lemma_) in _MESSAGES and (
            head.head.pos_ == "VERB" and head.dep_ == "obj")
        if conveyed:  # "a envoyé une lettre de félicitations à X": the letter carries the act
            verb = head.head
        if tok.dep_ in ("nmod",) and head.pos_ == "NOUN" and not (conveyed or after_date) and not (
            trig.frame == "agentnoun" and fold(head.lemma_) in _QUANTITY_NOUNS
        ) and not (trig.frame == "patient" and _definite_of_someone(tok)):
            # "à la veille du sommet": a noun inside a noun phrase; but "une réaction à
            # l'assassinat de X" tells that X was killed
            return None
        if trig.frame == "agentnoun" and tok.dep_ == "nmod":
            verb = head.head if head.head.pos_ in ("VERB", "AUX") else None
        if verb is not None and (negated(verb) or hypothetical(verb)):
            return None
        if verb is not None and fold(verb.lemma_) == "agir":
            return None  # "il s'agit de sa première visite": a restatement
        if verb is not None and case_of(tok) == "en" and not any(
                c.dep_ == "det" for c in tok.children):
            return None  # "a reçu X, en visite au Vietnam": the state of the visitor, told by the verb
        if verb is not None and _requested(verb):
            return None  # "appelle le gouvernement à continuer son dialogue": asked for
        if any(c.dep_ == "nmod" and fold(c.lemma_) == "presse" for c in tok.children):
            return None  # "une conférence de presse": no meeting between actors
        passive_support = tok.dep_ == "nsubj:pass" and verb is not None and fold(
            verb.lemma_) in self.lex.support_verbs  # "les accusations ont été formulées par X"
        if tok.dep_ in ("nsubj", "nsubj:pass") and verb is not None and (
            fold(verb.lemma_) not in _OCCUR_VERBS
        ) and not passive_support and not _took_lives(verb):
            return None  # "la visite serait couronnée de succès": spoken of, not told
        actors: list[Participant] = []
        recipients: list[Participant] = []
        by_complement: list[Participant] = []
        for c in tok.children:
            case = case_of(c)
            if c.dep_ in ("nmod", "acl") and case in ("de", "du", "d'", "des", "par", "entre"):
                by_complement += self.roles.participants(c)
                if trig.objects and _named(c, trig.objects):  # "le tir d'un missile
                    by_complement += self._nationals(c, state=True)  # nord-coréen": the
                    # state the weapon is of
            elif c.dep_ == "amod":
                actors += self._nationals(c)
            elif c.dep_ == "nmod" and case in ("avec", "a", "au", "aux", "en", "aupres", "vers"):
                recipients += self.roles.participants(c)
            elif c.dep_ == "acl":  # "les sanctions décidées par l'organisation européenne"
                for g in c.children:
                    if g.dep_ in ("obl:agent",) or (g.dep_.startswith("obl") and case_of(g) == "par"):
                        actors += self.roles.participants(g)
        if _held(tok, trig):
            # the meeting named as a body, or its name in brackets ("La 31e conférence des chefs
            # de la police de l'ASEAN (ASEANAPOL) a eu lieu")
            body = self.table.by_token.get(tok.i, self._bracketed_body(tok))
            if body is not None:
                by_complement = [body]
        clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if trig.type == "CONSULT" and trig.frame == "noun" and clause is not None and fold(
                tok.head.text) == "lors" and all(
                isinstance(p, int) and self.table.actors[p].kind == "state" for p in by_complement):
            # "X et Y sont parvenus à ce consensus lors du Dialogue Vietnam-Singapour": the two
            # who spoke met, the states of the dialogue's name are their sides
            persons: list[Participant] = [
                p for p in self.roles.participants_all(subject_heads(clause)[0])
                if isinstance(p, int) and self.table.actors[p].kind == "person"]
            if len(persons) >= 2:
                by_complement = persons
        if trig.type == "CONSULT" and verb is not None and tok.dep_ in ("nsubj", "nsubj:pass"):
            # "le dialogue Vietnam-Inde s'est tenu sous la présidence de X et de Y": the chairs
            # met, more precisely than the states of the dialogue's name
            by_complement = self._chairs(verb) or by_complement
        if not by_complement and trig.type == "CONSULT":
            by_complement = self._between(tok)  # "le dialogue ... entre le Vietnam et l'Inde"
        support = verb is not None and fold(verb.lemma_) in self.lex.support_verbs and (
            tok.dep_ in _SUPPORTED_DEPS or after_date)
        if passive_support and verb is not None and not by_complement:
            for c in verb.children:
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par"):
                    actors += self.roles.participants(c)
        if support and verb is not None:
            # "a eu une conversation avec X": the partner hangs on the support verb
            for c in verb.children:
                if c.dep_.startswith("obl") and case_of(c) in ("avec", "aupres", "entre"):
                    recipients += self.roles.participants(c)
        if trig.type == "CONSULT" and not recipients and not by_complement and case_of(
                tok) in ("lors", "d'", "de", "du", "au"):
            recipients = self._with_after(tok)
        occurs = tok.dep_ in ("nsubj", "nsubj:pass") and verb is not None
        if trig.frame == "summit" and not occurs:
            recipients = by_complement + recipients
        else:  # "la conférence de l'ASEANAPOL s'est ouverte": its body holds it
            actors = by_complement + actors
        if trig.frame == "agentnoun":
            actors = [Unnamed(self._where(tok), "CVL")]
        if trig.frame == "patient":
            # "l'arrestation de X par la police": X undergoes it
            agents = [p for c in tok.children for g in ([c] if c.dep_ in ("nmod", "obl") and case_of(
                c) == "par" else [g for g in c.children if c.dep_ == "acl" and (
                    g.dep_ == "obl:agent" or case_of(g) == "par")]) for p in self.roles.participants(g)]
            recipients = [p for p in by_complement if p not in agents] + recipients
            actors = agents or [a for a in actors if a not in by_complement] or [
                Unnamed(self._where(tok))]
        if verb is not None and is_passive(verb) and (
                tok.dep_ == "obl:agent" or case_of(tok) == "par") and trig.type in (
                "ASSAULT", "COERCE"):
            # "deux mosquées visées par des attentats": the passive subject is the target
            targets = self.roles.participants_all(subject_heads(verb)[0])
            if targets:
                recipients = targets
                actors = [a for a in actors if a not in targets] or [
                    Unnamed(self._where(tok))]
        possessive = _possessed(tok)
        when = tense(verb) if verb is not None else "present"
        anchors = [tok] + ([verb] if verb is not None else [])
        if trig.type in ("ASSAULT", "COERCE") and self._disaster(tok) and not any(
                isinstance(p, int) for p in actors):
            return None  # "un séisme", "la foudre": no attacker
        if not actors and holder is not None:
            actors = self.roles.participants(holder)
        spoken_of = trig.type == "ASSAULT" and verb is not None and not possessive and (
            fold(verb.lemma_) in _SPEAKING_OF or verb.lemma_ in self.lex.reporting_verbs) and (
            fold(verb.lemma_) not in _CLAIMING)
        if not actors and verb is not None and (possessive or tok.dep_ != "nsubj") and not (
                spoken_of):  # "Hollande évoque un attentat": not its author
            heads, _ = subject_heads(verb)
            if tok.dep_ == "obl:arg" or tok.dep_.startswith("obl") or tok.dep_ in ("obj",) or (
                    conveyed or after_date):
                actors = self.roles.participants_all([h for h in heads if h.i != tok.i])
                if not actors and "Fin" in self.roles.finite(verb).morph.get("VerbForm", []):
                    actors = self.roles.preceding_actors(verb)
        if not actors and occurs and trig.type == "ASSAULT" and verb is not None and _takes_place(
                verb):
            # "une fusillade a éclaté à Orlando", "des explosions ont eu lieu à l'aéroport":
            # someone attacked people of the place (the attacker named elsewhere replaces it)
            where = self._where(tok)
            actors, recipients = [Unnamed(where)], recipients or [Unnamed(where, "CVL")]
        carrier = False
        if not actors and trig.frame != "summit":
            # "Le 17 septembre, une frappe aérienne ...": no actor, but a date for the
            # happening told elsewhere; kept only to lend its date when merged
            if self.clock.written(anchors) is None:
                return None
            carrier = True
        elif not actors:
            return None
        etype, mode = trig.type, trig.mode
        if etype == "CONSULT" and any(fold(c.text).startswith("telephon") for c in tok.children
                                      if c.dep_ in ("amod", "nmod")):
            mode = "phone"  # "une conversation téléphonique", "un entretien par téléphone"
        prevu = _planned(tok)
        if prevu or when in ("future",) or (when == "conditional" and not _reported(tok)):
            if etype not in COOPERATIVE:
                return None
            etype, mode = "AGREE", None
        recipients = [r for r in recipients if r not in actors]
        event = self._event(tok, etype, mode, actors, recipients)
        event.nominal = True
        event.carrier = carrier
        self._date(event, anchors, when)
        return event

    def trips(self, tok: Token, trig: Trigger) -> list[EventAnn]:
        """Visits to states told by a noun, wherever the noun sits: "dans le cadre de la visite
        officielle au Cambodge du président X", "deux mois après la visite au Vietnam de X",
        "Lors de sa visite en Chine, X a ...", "X, qui est en visite au Vietnam", "les visites
        des navires en Inde en 2018 et au Japon en 2019". The visitor is the actor, each state
        visited the recipient (PLOVER: the host) of its own event."""
        if trig.mode != "visit" or case_of(tok) == "sans" or fold(
                tok.head.lemma_) in _TRIP_BLOCKING_HEADS:
            return []
        inside = {t.i for t in tok.subtree}
        phrase = [t for t in tok.subtree if t.i == tok.i or t.pos_ not in ("VERB", "AUX") and not any(
            a.pos_ in ("VERB", "AUX") for a in t.ancestors if a.i in inside and a.i != tok.i)]

        found = [(t, p) for t in phrase if t.i > tok.i and t.dep_ in ("nmod", "conj")
                 and case_of(t) in _TO_A_STATE for p in self.roles.participants(t)
                 if isinstance(p, int) and self.table.actors[p].kind == "state"
                 and self.table.by_token.get(t.i) == p]
        end = max(t.i for t in phrase) + 1
        if not found and end + 1 < len(self.doc) and fold(self.doc[end].text) in _TO_A_STATE:
            # "la visite du président X au Cambodge les 21 et 22 décembre": the parse hung the
            # destination right after the phrase elsewhere
            state = self.table.by_token.get(end + 1)
            if state is not None and self.table.actors[state].kind == "state":
                found = [(self.doc[end + 1], state)]
                end = max(t.i for t in self.doc[end + 1].subtree) + 1
        if not found or len({p for _, p in found}) != len(found):
            return []
        clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and (negated(clause) or hypothetical(clause) or fold(
                clause.lemma_) == "agir" or _requested(clause)):
            return []  # "il s'agit de sa première visite": a restatement
        when = tense(clause) if clause is not None else "present"
        if when in ("future", "conditional") or _planned(tok):
            return []  # "lors de la visite de X en France, prévue le 27 janvier": to come
        events = []
        for k, (where, state) in enumerate(found):
            visitors = self._visitors(tok, phrase, clause, self.table.actors[state].country)
            if not visitors:
                return []
            event = self._event(tok, trig.type, trig.mode, visitors, [state])
            event.nominal = event.trip = True
            stop = found[k + 1][0].i if k + 1 < len(found) else end
            written = self.clock.within(where.i, stop) or (
                self.clock.written(phrase) if len(found) == 1 else None)
            if written is not None and written.value:  # "sa visite en Chine du 12 au 16
                event.date, event.explicit_date = written.value, True  # septembre"
            else:  # a visit the clause's date does not date: of the article's month
                event.date = self.clock.news_day[:7] if self.clock.news_day else None
            event.tense = when
            event.place = next((p for p in self.places if p.start <= where.i < p.end), None)
            events.append(event)
        return events

    def _visitors(self, tok: Token, phrase: list[Token], clause: Token | None,
                  host: str | None) -> list[Participant]:
        """Who makes the visit: the "de X" the visit's phrase names (the parse may hang it on
        the place or the date before it), else, for "sa visite" or "en visite", the one of the
        clause's subject and objects who is not of the state visited ("X a reçu Y à l'occasion
        de sa visite au Vietnam": Y)."""
        def guests(found: list[Participant]) -> list[Participant]:
            return [p for p in found if isinstance(p, int) and self.table.actors[p].kind != "state"
                    and self.table.actors[p].country not in (host, None)]

        cut = next((t.i for t in phrase if t.i > tok.i and (t.dep_ == "mark" or (
            t.pos_ == "PUNCT" and t.text not in "-'’"))), len(self.doc))  # "..., que selon lui"
        for c in phrase:
            if tok.i < c.i < cut and c.dep_ == "nmod" and case_of(c) in ("de", "du", "d'", "des"):
                found = guests(self.roles.participants(c))
                if found:
                    return found
        if tok.dep_ == "acl:relcl":  # "X, qui est en visite au Vietnam"
            return guests(self.roles.participants(tok.head))
        possessive = _possessed(tok)
        bare = case_of(tok) == "en" and not any(c.dep_ == "det" for c in tok.children)
        if clause is None or not (possessive or bare):
            return []
        heads, _ = subject_heads(clause)
        found = guests(self.roles.participants_all(heads)) or guests(self.roles.participants_all(
            [c for c in clause.children if c.dep_ == "obj"]))
        return found if len({self.table.actors[p].country for p in found if isinstance(
            p, int)}) == 1 else []

    def _court(self, tok: Token) -> Participant:
        """Who convicts: the court the article names last before the trigger, else an unnamed
        judiciary of the place's or the article's country."""
        best: tuple[int, int] | None = None
        for actor in self.table.actors:
            if actor.kind == "organization" and fold(actor.name).split(" ")[0] in _COURTS:
                pos = max((st for st, _ in actor.mentions if st < tok.i), default=-1)
                if best is None or pos > best[0]:
                    best = (pos, actor.idx)
        if best is not None:
            return best[1]
        return Unnamed(self._where(tok), "JUD")

    def _disaster(self, tok: Token, light: Token | None = None) -> bool:
        """Whether a natural disaster or an accident is named in the trigger's clause
        (disasters.tsv): the deaths are no attack. The trigger's own object is no disaster
        ("ont ouvert le feu")."""
        clause = tok if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i else tok.head
        words = self.lex.disasters
        return any(_named(t, words) for t in clause.subtree if light is None or t.i != light.i)

    def _against(self, tok: Token) -> list[Participant]:
        """Whom a protest targets: its "contre X" complement, or the "de" complement of the
        thing protested against ("contre la victoire de Donald Trump")."""
        found: list[Participant] = []
        for c in tok.children:
            if c.dep_.startswith("obl") and case_of(c) == "contre":
                found += [p for p in self.roles.participants(c) if isinstance(p, int)] or [
                    p for g in c.children if g.dep_ == "nmod" and case_of(g) in (
                        "de", "d'", "du", "des") for p in self.roles.participants(g)]
        return found

    def _chairs(self, verb: Token) -> list[Participant]:
        """"s'est tenu ... sous la coprésidence de X et de Y": who chaired it."""
        for c in verb.children:
            if c.dep_.startswith("obl") and fold(c.lemma_) in ("presidence", "copresidence"):
                # "et de son homologue Y": the parse may hang the second chair on the verb
                second = [x for x in verb.children if x.dep_ == "conj" and x.i > c.i
                          and x.pos_ in ("NOUN", "PROPN") and case_of(x) in ("de", "d'", "du")]
                return [p for g in [*(g for g in c.children if g.dep_ == "nmod"), *second]
                        for p in self.roles.participants(g)]
        return []

    def _nationals(self, tok: Token, state: bool = False) -> list[Participant]:
        """The state of a nationality adjective, or of those on a noun ("nord-coréen"): the
        actor of that state, else an unnamed one of it, or with ``state`` the state itself,
        which the adjective designates."""
        words = [tok] if tok.dep_ == "amod" else [c for c in tok.children if c.dep_ == "amod"]
        found: list[Participant] = []
        for w in words:
            iso = geo.nationality(w.text)
            if not iso:
                continue
            known = [a.idx for a in self.table.actors if a.kind == "state" and a.country == iso]
            name = geo.state_name(iso) if state and not known else None
            if name:
                actor = self.table.new(name, "state", iso, None)
                self.table.add_mention(actor, w.i, w.i + 1)
                known = [actor.idx]
            found += known[:1] or [Unnamed(iso)]
        return found

    def _bracketed_body(self, tok: Token) -> int | None:
        """The organisation named in brackets within a meeting noun's phrase: the meeting's own
        name ("la conférence des chefs de la police de l'ASEAN (ASEANAPOL)")."""
        table = self.table
        for t in tok.subtree:
            idx = table.by_token.get(t.i)
            if idx is not None and t.i > tok.i and self.doc[t.i - 1].text == "(" and (
                    table.actors[idx].kind == "organization"):
                return idx
        return None

    def _with_after(self, tok: Token) -> list[Participant]:
        """The partner of a meeting noun in an "avec X" written after it, past a date and a
        place ("lors d'un entretien, le 5 février à Moscou, avec son homologue X"), which the
        parse hangs elsewhere; the clause ends at a verb or a semicolon."""
        doc = self.doc
        for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 15)]:
            if t.pos_ in ("VERB", "AUX") or t.text in (";", ":", "(", ")"):
                return []
            if t.dep_ == "case" and fold(t.text) == "avec" and t.head.i > t.i:
                return self.roles.participants(t.head)
        return []

    def _between(self, tok: Token) -> list[Participant]:
        """The actors of an "entre X et Y" written after a noun within its phrase, read off the
        words (the parse often hangs the second one elsewhere)."""
        doc = self.doc
        end = min(tok.sent.end, tok.i + 12)
        start = next((t.i for t in doc[tok.i + 1:end] if fold(t.text) == "entre"), None)
        if start is None:
            return []
        found: list[Participant] = []
        for t in doc[start + 1:min(tok.sent.end, start + 12)]:
            if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":", "(", ")"):
                break
            idx = self.table.by_token.get(t.i)
            if idx is not None and idx not in found:
                found.append(idx)
        return found if len(found) >= 2 else []

    # -- shared -----------------------------------------------------------------------------
    def _event(self, tok: Token, etype: str, mode: str | None, actors: list[Participant],
               recipients: list[Participant]) -> EventAnn:
        if etype == "CONSULT" and mode == "phone":
            actors, recipients = actors + recipients, []  # a call has no host
        actors = list(dict.fromkeys(actors))
        # unnamed attackers and unnamed victims of one country are different people
        recipients = [r for r in dict.fromkeys(recipients)
                      if r not in actors or isinstance(r, Unnamed)]
        return EventAnn(
            type=etype, mode=mode, actors=actors, recipients=recipients, trigger=tok.i,
            sent_start=tok.sent.start, date=None, place=None, context=[],
            evidence=_evidence(tok), headline=tok.i < self.headline_end,
        )

    def _date(self, event: EventAnn, anchors: list[Token], when: str) -> None:
        event.tense = when
        written = self.clock.written(anchors)
        if written is not None and written.value:
            event.date, event.explicit_date = written.value, True
        elif written is not None:  # "le même jour": resolved by the caller
            event.date, event.explicit_date = "same", True
        elif event.type == "AGREE" and when in ("future", "conditional"):
            event.date = self.clock.news_day
        else:
            event.date = self.clock.default(self.doc[event.trigger], when)

    def _where(self, tok: Token) -> str | None:
        """The country of the trigger's place, else of the article: that of its unnamed
        participants."""
        return self._place_country(tok) or self.table.home

    def _place_country(self, tok: Token) -> str | None:
        places = [p for p in self.places if tok.sent.start <= p.start < tok.sent.end]
        if places and places[0].country:
            return places[0].country
        for c in tok.subtree:
            if c.dep_.startswith("obl") and case_of(c) in ("dans", "en", "a", "au"):
                if fold(c.text) == "pays":
                    return self.table.home
                iso = geo.country_code(c.text)
                if iso:
                    return iso
        return None


def code_events(
    doc: Doc,
    lex: Lexicon,
    table: ActorTable,
    resolver: Resolver,
    dates: list[DateAnn],
    places: list[PlaceAnn],
    dateline: PlaceAnn | None,
    published: str | None,
    headline_end: int = 0,
    body_start: int = 0,
) -> list[EventAnn]:
    coder = _Coder(doc, lex, table, Roles(resolver, lex.groups),
                   EventClock(doc, dates, published, body_start), headline_end, places)
    events: list[EventAnn] = []
    consumed: set[int] = set()
    previous_date: str | None = None
    headline_contexts = _contexts(doc[:headline_end].text, lex) if headline_end else []
    places = [p for p in places if not _metonym(p, table)]
    news_place = _news_place(dateline, _lead_place(doc, places, body_start))
    for sent in doc.sents:
        sent_places = [p for p in places if sent.start <= p.start < sent.end]
        for tok in sent:
            if tok.i in consumed:
                continue
            for trig in _lookup(lex, tok):
                if trig.pos != tok.pos_ and not (trig.pos == "NOUN" and tok.pos_ == "PROPN"):
                    continue
                if trig.pos == "NOUN" and tok.i in table.by_token and tok.text[:1].isupper() and (
                        not _held(tok, trig)):
                    continue  # "la Réunion élargie des ministres de la Défense": a body's name
                told: list[EventAnn | None] = []
                if trig.pos == "NOUN":
                    told += coder.trips(tok, trig) or [coder.code_noun(tok, trig)]
                else:
                    told.append(coder.code_verb(tok, trig, consumed))
                fresh = [e for e in told if e is not None and not any(
                    k.trigger == tok.i and k.type == e.type and k.mode == e.mode for k in events)]
                if not fresh:
                    continue
                for event in fresh:
                    if event.date == "same":  # "le même jour", "deux jours plus tard": of the
                        # last date written, else in the month of the act told before
                        event.date = previous_date or next(
                            (e.date[:7] for e in reversed(events) if e.date and e.date != "same"),
                            None)
                    elif event.date is not None and event.explicit_date and len(event.date) == 10:
                        previous_date = event.date  # "le même jour" refers to a day
                    event.place = event.place or _place(
                        event, sent_places, news_place, coder.clock, doc)
                    event.context = _contexts(sent.text, lex)
                    event.context += [c for c in headline_contexts if c not in event.context]
                    events.append(event)
                    named = [a for a in event.actors if isinstance(a, int)]
                    if event.type == "CONSULT":  # "X a reçu Y ... Les deux hommes ont convenu"
                        persons = [a for a in event.actors + event.recipients if isinstance(a, int)
                                   and table.actors[a].kind == "person"]
                        named = persons if len(persons) == 2 else named
                    if len(named) >= 2 and not _same_sides(named, resolver.last_group, table):
                        resolver.last_group = named
                if not trig.objects:
                    break
    kept = _merge(events, table, doc)
    for e in kept:
        if e.type == "ACCUSE" and not any(isinstance(p, int) for p in e.recipients):
            author = _author_of_the_act(e, kept, doc)  # "Nous condamnons cela": the author
            if author:  # of the act told before
                e.recipients = author
        if e.type in _ALWAYS_A_TARGET and not e.recipients and not e.carrier:
            # an attack has victims ("des hommes armés ont ouvert le feu dans le marché"), a
            # condemnation a target ("a condamné « les appels malveillants »"): unnamed ones
            # of the place when the text names none
            where = e.place.country if e.place is not None and e.place.country else table.home
            e.recipients = [Unnamed(where, "CVL" if e.type == "ASSAULT" else None)]
    for e in kept:
        if e.type == "COERCE" and e.mode == "arrest" and all(
                isinstance(p, Unnamed) for p in e.actors):
            police = _police_of(e, table)  # "X a été arrêté": by the police the article
            if police is not None:  # speaks of
                e.actors = [police]
    attacker = resolver.perpetrator()
    if attacker is not None:
        for e in kept:  # "X a été tué ... L'assaillant, nommé Y": Y attacked
            if e.type == "ASSAULT" and e.actors and all(
                    isinstance(p, Unnamed) for p in e.actors) and attacker not in e.recipients:
                e.actors = [attacker]
    trips = _trips(kept, table)
    visits = [_as_visit(e, table, trips, doc) for e in kept]
    for e in visits:
        if e.type == "CONSULT" and e.mode == "visit":
            _to_the_inviter(e, coder.roles, table, doc)
    # a visit with no host named nor found ("s'est rendu au poste frontalier de X") has one
    # side only, as has a meeting of one person or state ("X a rencontré" with the other side
    # unread): PLOVER's CONSULT needs the other (a body's meeting, a summit, a call may not)
    found = [part for e in visits for part in _one_visit_each(e, table)
             if not (e.type == "CONSULT" and not e.recipients and (
                 e.mode == "visit" or (e.mode is None and _one_sided(e, table))))]
    # the visit in progress told beside its meeting ("X a reçu Y, en visite au Vietnam") is
    # that meeting's setting; an undated trip is coded when it is told on its own
    found = [e for e in found if not (e.trip and not e.explicit_date and any(
        k is not e and k.type == "CONSULT" and k.sent_start == e.sent_start for k in found))]
    judge = event_filter()
    if judge is None:
        return found
    return [e for e in found if judge.keeps(candidate_of_event(e, doc))]


# acts whose author a condemnation that points back at them ("ce tir", "cela") targets
_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "REJECT"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
_POINTING_PRONOUNS = frozenset({"cela", "ceci", "ca"})


def _author_of_the_act(event: EventAnn, events: list[EventAnn], doc: Doc) -> list[Participant]:
    """The named actors of the latest hostile act told before a condemnation whose object
    points back at it ("Séoul a qualifié ce tir de provocation", "« Nous condamnons cela »")."""
    verb = doc[event.trigger]
    pointing = any(
        c.dep_ in ("obj", "nsubj:pass") and (
            c.pos_ == "PRON" and fold(c.text) in _POINTING_PRONOUNS
            or c.pos_ == "NOUN" and any(d.dep_ == "det" and fold(d.text) in _DEMONSTRATIVES
                                        for d in c.children))
        for c in verb.children)
    if not pointing:
        return []
    before = [e for e in events if e.trigger < event.trigger and e.type in _HOSTILE
              and any(isinstance(p, int) for p in e.actors)]
    if not before:
        return []
    act = max(before, key=lambda e: e.trigger)
    return [p for p in act.actors if isinstance(p, int)]


def _police_of(event: EventAnn, table: ActorTable) -> int | None:
    """The one police or public security body of the country of an arrest whose author the
    sentence leaves unsaid, most spoken of if several."""
    country = next((p.country for p in event.actors if isinstance(p, Unnamed) and p.country),
                   None) or (event.place.country if event.place is not None else None) or table.home
    bodies = [a for a in table.actors if a.kind == "organization" and a.sector == "COP"
              and a.country == country]
    if not bodies:
        return None
    return max(bodies, key=lambda a: len(a.mentions)).idx


def _agrees_on_a_view(verb: Token) -> bool:
    """An agreement whose only content is a clause in the present or past ("ont convenu que la
    paix ... était la tendance commune"): a shared view, not a commitment to act, which the
    future or the conditional would tell ("ont convenu que les deux pays renforceraient")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in ("xcomp", "obj", "obl:arg") for c in verb.children):
        return False
    for c in clauses:
        chain = [c, *(a for a in c.children if a.dep_.startswith("aux"))]
        if any("Fut" in t.morph.get("Tense", []) or "Cnd" in t.morph.get("Mood", [])
               for t in chain) or "Inf" in c.morph.get("VerbForm", []):
            return False
    return True


# what an attack that took place leaves ("l'attentat a fait cinq morts", "a causé la mort de")
_TOLLS = frozenset({"mort", "morts", "victime", "victimes", "blesse", "blesses", "tue", "tues",
                    "deces", "degat", "degats"})


# Types whose participle in the present passive tells a state of things ("sont interdits",
# "est déployé", "est accusée de"), not an act; an attack told so is narrated ("est tué").
_STATE_TYPES = frozenset({"COERCE", "MOBILIZE", "ACCUSE", "SANCTION"})


# Verbs whose subject speaks of, feels or undergoes the attack their object names, and is not
# its author ("évoque un attentat", "condamne l'attaque", "a subi des frappes"), besides the
# reporting verbs; an author may announce, confirm or claim what he did.
_SPEAKING_OF = frozenset({"evoquer", "condamner", "denoncer", "deplorer", "craindre", "redouter",
                          "subir", "regretter", "qualifier", "mentionner", "commemorer",
                          "enqueter", "attribuer", "imputer", "connaitre", "vivre"})
_CLAIMING = frozenset({"annoncer", "confirmer", "revendiquer", "promettre", "assumer"})


def _present_state(verb: Token) -> bool:
    """A passive participle under a present "être", with no agent."""
    aux = [c for c in verb.children if c.dep_ == "aux:pass"]
    if not aux or any(c.dep_ == "aux:tense" for c in verb.children):
        return False
    if "Pres" not in aux[0].morph.get("Tense", []) or "Ind" not in aux[0].morph.get("Mood", []):
        return False
    return passive_agent(verb) is None


def _after_circumstance(tok: Token, dated: frozenset[int]) -> bool:
    """Whether a noun is the object of a verb that the parser hung under the date before it
    ("a entamé vendredi des négociations": "négociations" as nmod of "vendredi")."""
    head = tok.head
    return (tok.dep_ == "nmod" and head.i in dated and head.i < tok.i
            and head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i
            and case_of(tok) in ("", "de", "des", "du", "d'"))


def _possessed(tok: Token) -> bool:
    """"sa visite", "leur entretien": the noun has a possessive determiner."""
    return any(c.dep_ == "det" and fold(c.text) in _POSSESSIVES for c in tok.children)


def _planned(tok: Token) -> bool:
    """"la visite prévue le 27 janvier": an event noun told as planned, not done."""
    return any(c.dep_ == "acl" and fold(c.lemma_) in ("prevoir", "programmer", "envisager")
               for c in tok.children)


def _took_lives(verb: Token) -> bool:
    """"a fait cinq morts", "a causé la mort de deux policiers", "a coûté la vie à": the act
    that is the subject took place."""
    if fold(verb.lemma_) not in ("faire", "causer", "provoquer", "couter", "entrainer"):
        return False
    return any(c.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and (
        _named(c, _TOLLS) or fold(c.lemma_) == "vie") for c in verb.children)


def _bare_object(c: Token, verb: Token) -> bool:
    """The verb's direct object, also where the parse took it for a modifier after a date or
    a place ("ont coprésidé le 5 octobre à Hanoï le 14e Dialogue ...")."""
    return c.dep_ == "obj" or (c.dep_ in ("obl:mod", "obl") and c.i > verb.i and c.pos_ in (
        "NOUN", "PROPN") and not case_of(c))


def _held(tok: Token, trig: Trigger) -> bool:
    """A named meeting that is held ("La 39e Conférence des chefs de la police de l'ASEAN
    s'est ouverte ...", "... a eu lieu"): the body of that name met."""
    return trig.frame == "summit" and tok.dep_ in ("nsubj", "nsubj:pass") and (
        tok.head.pos_ in ("VERB", "AUX")) and _takes_place(tok.head)


def _takes_place(verb: Token) -> bool:
    """A verb telling that something happens: "s'est ouverte", "a éclaté", "a eu lieu", "a
    fait cinq morts"."""
    return fold(verb.lemma_) in _OCCUR_VERBS and (
        fold(verb.lemma_) != "avoir" or any(fold(c.text) == "lieu" for c in verb.children)
    ) or _took_lives(verb)


def _same_sides(named: list[int], group: list[int], table: ActorTable) -> bool:
    """Whether the states or bodies of an event are the countries of the persons in focus ("X
    et Y se sont entretenus ... le Vietnam coopère avec la Russie ... les deux parties ont
    convenu": the parties are still X and Y)."""
    if not group or any(table.actors[p].kind != "person" for p in group) or any(
            table.actors[p].kind == "person" for p in named):
        return False
    return {table.actors[p].country for p in named} == {table.actors[p].country for p in group}


def _to_the_inviter(event: EventAnn, roles: Roles, table: ActorTable, doc: Doc) -> None:
    """"À l'invitation du ministère X, une délégation ... effectue une visite à Cuba": the
    host is who invited, when the sentence names them and they are of another country."""
    sent = doc[event.sent_start].sent
    guests = {table.actors[p].country for p in event.actors if isinstance(p, int)}
    for tok in sent:
        if fold(tok.lemma_) != "invitation":
            continue
        inviters: list[Participant] = [
            p for c in tok.children if c.dep_ == "nmod" and case_of(c) in ("de", "d'", "du", "des")
            for p in roles.participants(c) if isinstance(p, int) and p not in event.actors
            and table.actors[p].country not in guests | {None}]
        if inviters:
            event.recipients = inviters
        return


def _one_visit_each(event: EventAnn, table: ActorTable) -> list[EventAnn]:
    """A visit to several people ("a rencontré X, et Y"), or a host receiving several visitors,
    is one event per person met: each meeting is its own happening."""
    if event.type != "CONSULT" or event.mode != "visit":
        return [event]
    def persons(side: list[Participant]) -> list[int]:
        return [p for p in side if isinstance(p, int) and table.actors[p].kind == "person"]

    met, guests = persons(event.recipients), persons(event.actors)
    if len(met) >= 2 and len(met) == len(event.recipients) and len(event.actors) == 1:
        return [replace(event, recipients=[p]) for p in met]
    if len(guests) >= 2 and len(guests) == len(event.actors) and len(event.recipients) == 1:
        return [replace(event, actors=[p]) for p in guests]
    return [event]


def _trips(events: list[EventAnn], table: ActorTable) -> dict[int, str]:
    """Visitor → the country visited, from the document's visits ("X a effectué une visite en
    France")."""
    trips: dict[int, str] = {}
    for e in events:
        if e.type != "CONSULT" or e.mode != "visit":
            continue
        hosts = {table.actors[p].country for p in e.recipients if isinstance(p, int)}
        hosts.discard(None)
        if len(hosts) != 1:
            continue
        (host,) = hosts
        for p in e.actors:
            if isinstance(p, int) and table.actors[p].country not in (host, None):
                trips.setdefault(p, str(host))
    return trips


def _as_visit(event: EventAnn, table: ActorTable, trips: dict[int, str], doc: Doc) -> EventAnn:
    """A meeting in the country of one side is a visit by the other (PLOVER: the visitor is the
    actor, the host the recipient): "Le ministre X s'est entretenu à Paris avec son homologue
    français", or with no place written, during a visit the article tells of."""
    if event.type != "CONSULT" or event.mode is not None:
        return event
    if fold(doc[event.trigger].lemma_) in _CHAIRED:
        return event  # "X et Y ont coprésidé le dialogue": both hold it, nobody visits
    named = [p for p in event.actors + event.recipients if isinstance(p, int)]
    if event.place is not None:
        host = event.place.country
    else:
        visited = {trips[p] for p in named if p in trips}
        host = visited.pop() if len(visited) == 1 else None
    if host is None or len(named) != len(event.actors + event.recipients):
        return event
    guests: list[Participant] = [p for p in named if table.actors[p].country not in (host, None)]
    hosts: list[Participant] = [p for p in named if table.actors[p].country == host]
    if not guests or not hosts or len(guests) + len(hosts) != len(named):
        return event
    if event.recipients and set(event.actors) <= set(hosts) and not event.nominal:
        return event  # "X a rencontré Y" told from the host's side: left as written
    event.actors, event.recipients, event.mode = guests, hosts, "visit"
    return event


_CHAIRED = frozenset({"copresider", "coprésider", "presider", "coorganiser"})
_SENTENCES = frozenset({"an", "annee", "mois", "jour", "semaine", "prison", "amende", "peine",
                        "reclusion", "perpetuite", "mort", "emprisonnement", "detention"})
_COURTS = frozenset({"tribunal", "cour", "justice", "juge", "juridiction", "magistrat"})


def _clause_phrase(tok: Token) -> tuple[Token | None, Token | None]:
    """The subject phrase a noun belongs to, through titles and appositions, and its verb ("a
    déclaré le ministre russe, le général X, lors de ...": the parse hangs "lors" on the name,
    and takes the inverted subject for an object)."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None, None
        if cur.dep_ in ("nsubj", "nsubj:pass", "obj") and cur.head.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "obj" and any(c.dep_.startswith("nsubj") for c in cur.head.children):
                return None, None  # a real object: "a reçu le ministre X lors de ..."
            return cur, cur.head
        if cur.dep_ not in ("conj", "appos", "flat:name"):
            return None, None
        cur = cur.head
    return None, None


def _judicial(tok: Token) -> bool:
    """"condamner" as a sentence, not a reproach: "a été condamné à trois ans de prison", "le
    tribunal a condamné X"."""
    for c in tok.children:
        if c.dep_.startswith("obl") and case_of(c) in ("a", "au", "aux", "pour") and (
                fold(c.lemma_) in _SENTENCES or any(
                    fold(g.lemma_) in _SENTENCES for g in c.children if g.dep_ == "nmod")):
            return True
        if c.dep_ in ("nsubj", "obl:agent") and fold(c.lemma_) in _COURTS:
            return True
    return False


def _requested(verb: Token) -> bool:
    """Whether an infinitive is governed, through infinitives, by a verb of asking, trying or
    refusing ("appelle X à continuer son dialogue", "tente de reprendre les négociations")."""
    cur = verb
    for _ in range(3):
        if "Inf" not in cur.morph.get("VerbForm", []) or cur.head.i == cur.i:
            return False
        cur = cur.head
        if fold(cur.lemma_) in _BLOCKING_GOVERNORS:
            return True
    return False


def _clock_time(place: PlaceAnn, doc: Doc) -> bool:
    """"19 h 00 (heure de Paris)": a time zone, not where it happened."""
    return place.start >= 2 and fold(doc[place.start - 2].text) == "heure"


def _lead_place(doc: Doc, places: list[PlaceAnn], body_start: int) -> PlaceAnn | None:
    """Where the news happened when no dateline says it: the first place of the lead
    sentence ("Un homme a été tué ... à Aix-les-Bains")."""
    if body_start >= len(doc):
        return None
    first = next((t for t in doc[body_start:] if not t.is_space), None)
    if first is None:
        return None
    lead = first.sent
    return next((p for p in places if lead.start <= p.start < lead.end
                 and not _clock_time(p, doc)), None)


def _news_place(dateline: PlaceAnn | None, lead: PlaceAnn | None) -> PlaceAnn | None:
    """Where the news happened: the dateline, or the lead's town when the dateline names only
    its region or country ("Normandie . – ... dans l'église de Saint-Étienne-du-Rouvray")."""
    if dateline is None:
        return lead
    if lead is not None and dateline.kind in ("region", "country") and lead.kind == "city" and (
            lead.country == dateline.country):
        return lead
    return dateline


def _place(event: EventAnn, sent_places: list[PlaceAnn], dateline: PlaceAnn | None,
           clock: EventClock, doc: Doc) -> PlaceAnn | None:
    usable = [p for p in sent_places if not _clock_time(p, doc)
              and not _of_another_predicate(p, event, doc)]
    if usable:
        first = usable[0]
        if first.kind == "country":  # "à l'aéroport d'Istanbul, en Turquie": the finer place
            finer = [p for p in usable[1:] if p.country == first.country and p.kind != "country"]
            return finer[0] if finer else first
        return first
    if dateline is not None and event.date in (None, clock.news_day) and (
        event.tense not in ("future", "conditional")
    ):
        return dateline
    return None


def _one_sided(event: EventAnn, table: ActorTable) -> bool:
    """Whether an event's only participant is one person or one state."""
    return len(event.actors) == 1 and isinstance(event.actors[0], int) and (
        table.actors[event.actors[0]].kind in ("person", "state"))


def _metonym(place: PlaceAnn, table: ActorTable) -> bool:
    """A capital that names its state's government ("a demandé à Washington de ..."): an
    actor, not where the event is."""
    idx = table.by_token.get(place.start)
    return place.kind != "country" and idx is not None and table.actors[idx].kind == "state"


def _of_another_predicate(place: PlaceAnn, event: EventAnn, doc: Doc) -> bool:
    """A place in a verb the trigger governs ("a demandé à la France de transférer au
    Vietnam des technologies") or in a relative clause: where that act is, not the event."""
    trigger = doc[event.trigger]
    tok = doc[place.start]
    for a in tok.ancestors:
        if a.i == trigger.i:
            return False
        if a.pos_ == "VERB":  # the verb the place belongs to: one the trigger governs, or
            # a relative clause on a participant ("le sexagénaire qui a tué ... en Isère")
            return trigger in a.ancestors or (
                a.dep_ == "acl:relcl" and a not in trigger.ancestors)
    return False


# nouns that are an attack only in their armed sense, told as a new act
_ARMED_SENSE_ONLY = frozenset({"attaque"})
_ARMED_MODIFIERS = frozenset({"terroriste", "suicide", "arme", "armee", "kamikaze", "aerien",
                              "aerienne", "chimique", "meurtrier", "meurtriere", "djihadiste",
                              "islamiste", "jihadiste", "sanglant", "sanglante"})
_PERPETRATING = frozenset({"perpetrer", "commettre", "mener", "lancer", "conduire"})


def _armed_sense(tok: Token) -> bool:
    """"une attaque contre l'hôtel", "des attaques perpétrées à Jakarta", "l'attaque par la
    garde républicaine", "une attaque terroriste"; not one pointed back at ("cette attaque")."""
    if any(c.dep_ == "det" and fold(c.text) in _DEMONSTRATIVES for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "nmod" and case_of(c) in ("contre", "par", "sur"):
            return True
        if c.dep_ == "amod" and fold(c.text) in _ARMED_MODIFIERS:
            return True
        if c.dep_ == "acl" and fold(c.lemma_) in _PERPETRATING:
            return True
    return tok.dep_ == "obj" and fold(tok.head.lemma_) in _PERPETRATING


def _definite_of_someone(tok: Token) -> bool:
    """"l'assassinat ... de Zang Chaolin": a definite act done to someone the text names."""
    definite = any(c.dep_ == "det" and fold(c.text) in ("l'", "l’", "le", "la", "les")
                   for c in tok.children) or case_of(tok) in ("du", "au", "des", "aux")
    return definite and any(c.dep_ == "nmod" and case_of(c) in ("de", "d'", "d’") and (
        c.pos_ == "PROPN" or c.ent_type_ == "PER") for c in tok.children)


def _evidence(tok: Token) -> tuple[int, int]:
    """A short verbatim stretch around the trigger: auxiliaries, the trigger and its object."""
    sent = tok.sent
    start = tok.idx
    for c in tok.children:
        if c.dep_.startswith("aux") and c.i < tok.i and c.i >= tok.i - 3:
            start = min(start, c.idx)
    end = tok.idx + len(tok.text)
    for c in tok.children:
        if c.dep_ in ("obj", "obl:arg", "nmod") and c.i > tok.i:
            last = max(t.i for t in c.subtree)
            stop = tok.doc[min(last, c.i + 4)]
            end = max(end, stop.idx + len(stop.text))
            break
    end = min(end, start + 80, sent.end_char)
    if end - start < 5:
        end = min(sent.end_char, start + 5)
    return start, end


def _contexts(text: str, lex: Lexicon) -> list[str]:
    folded = fold(text)
    return [context for context, stems in lex.contexts.items()
            if any(stem in folded for stem in stems)]


def _covers(big: EventAnn, small: EventAnn, table: ActorTable) -> bool:
    """Every participant of ``small`` is one of ``big`` (an unnamed one by its country)."""
    pooled = big.type in ("CONSULT", "SUPPORT", "AGREE", "COOPERATE")
    if pooled:
        sides = [(big.actors + big.recipients, small.actors + small.recipients)]
    else:
        sides = [(big.actors, small.actors), (big.recipients, small.recipients)]
    for b, s in sides:
        named = {p for p in b if isinstance(p, int)}
        unnamed = {p.country for p in b if isinstance(p, Unnamed)}
        unnamed |= {table.actors[p].country for p in named}
        for p in s:
            if isinstance(p, int) and p not in named:
                return False
            if isinstance(p, Unnamed) and p.country not in unnamed and not (
                not unnamed and p.country is None
            ):
                return False
    return True


def _rank(e: EventAnn) -> tuple[int, int, int]:
    """Which reading of one happening to keep: body over headline, verb over noun, fuller."""
    return (not e.headline, not e.nominal, len(e.actors) + len(e.recipients))


def _retells(big: EventAnn, small: EventAnn, doc: Doc) -> bool:
    """Whether ``small`` can be a retelling of ``big``: the same trigger word, or a mention
    that names no actor of its own (a noun, the headline, an unnamed or missing actor). Promises
    told in different sentences of the body are different promises."""
    if big.type == "AGREE" and big.sent_start != small.sent_start and not (
            big.headline or small.headline or big.nominal or small.nominal):
        return False
    if fold(doc[big.trigger].lemma_) == fold(doc[small.trigger].lemma_):
        return True
    if set(map(str, big.actors + big.recipients)) == set(map(str, small.actors + small.recipients)):
        return True
    return small.nominal or small.headline or not any(isinstance(p, int) for p in small.actors)


def _same_stem(a: Token, b: Token) -> bool:
    """"frappe" and "frapper", "visite" and "visiter": one word family."""
    x, y = fold(a.lemma_), fold(b.lemma_)
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return n >= 4 and n >= 0.6 * min(len(x), len(y))


def _merge(events: list[EventAnn], table: ActorTable, doc: Doc) -> list[EventAnn]:
    """One event per happening: a mention whose participants are included in another's of the
    same type is the same happening; the kept one takes a written date from the other. The
    headline's events give way to body events of the same type, which tell them in full."""
    body = [e for e in events if not e.headline]
    kept: list[EventAnn] = []
    for e in events:
        if e.headline and any(b.type == e.type for b in body):
            continue
        if e.carrier:
            twin = next((k for k in reversed(kept) if k.type == e.type and not k.carrier
                         and _same_stem(doc[k.trigger], doc[e.trigger])), None)
        else:
            twin = next((k for k in kept if k.type == e.type and not k.carrier and (
                _covers(k, e, table) and _retells(k, e, doc) or _covers(e, k, table)
                and _retells(e, k, doc))), None)
        if twin is None:
            if not e.carrier:
                kept.append(e)
            continue
        if _covers(e, twin, table) and not _covers(twin, e, table) or (
            _covers(e, twin, table) and _rank(e) > _rank(twin)
        ):
            best, other = e, twin
        else:
            best, other = twin, e
        if not best.explicit_date and other.explicit_date:
            best.date, best.explicit_date = other.date, True
            if other.place is not None:
                best.place = other.place
        kept[kept.index(twin)] = best
    return kept
