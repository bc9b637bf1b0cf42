"""Events coder: PLOVER events from verb and noun triggers and the dependency parse.

Roles come from the parse, not word order: subjects (through auxiliaries, coordination and
control verbs), objects, obliques ("avec", "à", "entre ... et ..."), passive agents. Frames in
``triggers.tsv`` say how they map to actor and recipient. Future and conditional cooperative acts,
and acts governed by "convenir de", "s'engager à", "annoncer", are AGREE; negated or
hypothetical ones are not coded; repetitions are merged.

Writes ``doc._.events``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord import geo
from accord.coders.annotations import ActorTable, DateAnn, EventAnn, PlaceAnn
from accord.coders.resolve import Resolver
from accord.lexicon import Lexicon, Trigger
from accord.text import fold

__all__ = ["AGREE_GOVERNORS", "COOPERATIVE", "code_events", "subjects"]

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
AGREE_GOVERNORS = frozenset({
    "convenir", "engager", "promettre", "accepter", "décider", "apprêter", "prévoir",
    "annoncer", "compter", "devoir", "vouloir", "souhaiter", "envisager", "projeter",
})
_BLOCKING_GOVERNORS = frozenset({
    "suggérer", "proposer", "appeler", "demander", "exhorter", "inviter", "pouvoir", "tenter",
    "essayer", "refuser", "menacer", "viser", "chercher",
})
_NEGATION = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "ni", "guère", "sans"})
_REFLEXIVE_ONLY = frozenset({"rendre", "entretenir", "engager", "apprêter", "excuser", "retirer"})
_DESTINATION_CASES = frozenset({"a", "en", "au", "aux", "dans", "vers"})


def _verb_chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it is coordinated or controlled from, nearest first."""
    chain = [tok]
    cur = tok
    while cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
        cur = cur.head
        chain.append(cur)
    return chain


def subjects(tok: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb, climbing coordination and control; and whether it is passive."""
    for verb in _verb_chain(tok):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")
                and fold(c.text) not in ("-t", "t")]
        if subj:
            passive = any(c.dep_ == "nsubj:pass" for c in subj) and verb is tok
            return subj, passive
    return [], False


def _case(tok: Token) -> str:
    cases = [c for c in tok.children if c.dep_ in ("case", "mark")]
    return fold(cases[0].text) if cases else ""


_FUTURE_ENDINGS = ("eront", "iront", "ront", "rait", "raient", "rons", "rez")


def _is_future(tok: Token) -> bool:
    """Future or conditional, from the morphology or, when the tagger says present, from the
    finite verb's ending ("organiseront" is often tagged Tense=Pres)."""
    for t in [tok, *[c for c in tok.children if c.dep_.startswith("aux")]]:
        if "Fut" in t.morph.get("Tense", []) or "Cnd" in t.morph.get("Mood", []):
            return True
        if "Fin" in t.morph.get("VerbForm", []) and t.pos_ in ("VERB", "AUX") and (
            t.text.lower().endswith(_FUTURE_ENDINGS)
        ):
            return True
    return False


def _is_negated(tok: Token) -> bool:
    for verb in [tok, *_verb_chain(tok)[1:2]]:
        for c in verb.children:
            if c.dep_ in ("advmod", "det", "cc") and fold(c.text) in _NEGATION:
                return True
    return False


def _is_background(tok: Token) -> bool:
    """Pluperfect ("avait négocié et signé"): background told before the news, not coded."""
    for verb in _verb_chain(tok)[:2]:
        for c in verb.children:
            if c.dep_ == "aux:tense" and "Imp" in c.morph.get("Tense", []):
                return True
    return False


def _is_hypothetical(tok: Token) -> bool:
    for verb in _verb_chain(tok):
        if any(c.dep_ == "mark" and fold(c.text) in ("si", "s'") for c in verb.children):
            return True
    return False


def code_events(
    doc: Doc,
    lex: Lexicon,
    table: ActorTable,
    resolver: Resolver,
    dates: list[DateAnn],
    places: list[PlaceAnn],
    dateline: PlaceAnn | None,
    published: str | None,
) -> list[EventAnn]:
    events: list[EventAnn] = []
    consumed: set[int] = set()
    narrative_date = published if published and len(published) == 10 else None
    date_by_sent: dict[int, DateAnn] = {}
    for found in dates:
        first = doc[found.start].sent.start
        if (found.value or found.kind == "anaphoric") and first not in date_by_sent:
            date_by_sent[first] = found

    for sent in doc.sents:
        sent_date = date_by_sent.get(sent.start)
        if sent_date is not None and sent_date.value and len(sent_date.value) >= 7:
            narrative_date = sent_date.value
        sent_places = [p for p in places if sent.start <= p.start < sent.end]
        for tok in sent:
            if tok.i in consumed:
                continue
            for trig in lex.triggers.get((tok.lemma_, tok.pos_), ()):
                event = _code_trigger(tok, trig, lex, table, resolver, consumed)
                if event is None:
                    continue
                event.date = narrative_date
                place = sent_places[0] if sent_places else None
                if place is None and dateline is not None and not _is_future(tok):
                    place = dateline
                event.place = place
                event.context = _contexts(sent.text, lex)
                events.append(event)
                if len([a for a in event.actors if a is not None]) >= 2:
                    resolver.last_group = [a for a in event.actors if a is not None]
                break
    return _merge(events)


def _code_trigger(
    tok: Token, trig: Trigger, lex: Lexicon, table: ActorTable, resolver: Resolver,
    consumed: set[int],
) -> EventAnn | None:
    if trig.objects:
        objs = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "obl:arg")]
        if not any(fold(o.lemma_) in trig.objects or fold(o.text) in trig.objects for o in objs):
            return None
    if tok.lemma_ in _REFLEXIVE_ONLY and not any(
        fold(c.text) in ("se", "s'") for c in tok.children
    ):
        return None
    if trig.frame == "noun":
        return _code_noun(tok, trig, resolver)
    if _is_negated(tok) or _is_hypothetical(tok) or _is_background(tok):
        return None
    etype, mode = trig.type, trig.mode
    governor = tok.head if tok.dep_ == "xcomp" and tok.head is not tok else None
    if "Inf" in tok.morph.get("VerbForm", []) or (tok.dep_ == "xcomp" and governor is not None):
        if governor is None or fold(governor.lemma_) not in AGREE_GOVERNORS:
            return None
        if etype not in COOPERATIVE:
            return None
        consumed.add(governor.i)
        etype, mode = "AGREE", None
    elif _is_future(tok):
        if etype not in COOPERATIVE:
            return None
        if etype != "AGREE":
            etype, mode = "AGREE", None
    if governor is not None and fold(governor.lemma_) in _BLOCKING_GOVERNORS:
        return None

    subject_heads, passive = subjects(tok)
    subj_actors: list[int] = []
    for s in subject_heads:
        subj_actors += [a for a in resolver.resolve_all(s) if a not in subj_actors]
    obj_actors: list[int] = []
    with_actors: list[int] = []
    dest_actors: list[int] = []
    agent_actors: list[int] = []
    for c in tok.children:
        case = _case(c)
        if c.dep_ in ("obj", "iobj") or (c.dep_ == "obl:arg" and case in ("a", "au", "aux")):
            obj_actors += resolver.resolve_all(c)
        elif c.dep_.startswith("obl") and case == "avec":
            with_actors += resolver.resolve_all(c)
        elif c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case == "par" and passive):
            agent_actors += resolver.resolve_all(c)
        elif c.dep_.startswith("obl") and case in _DESTINATION_CASES:
            dest_actors += [a for a in resolver.resolve_all(c)
                            if table.actors[a].kind == "state"]
    if passive:
        subj_actors, obj_actors = agent_actors, subj_actors

    frame = trig.frame
    if frame == "host":
        actors, recipients = obj_actors, subj_actors
    elif frame == "visit":
        actors, recipients = subj_actors, obj_actors or dest_actors
    elif frame == "joint":
        actors, recipients = subj_actors + [a for a in with_actors if a not in subj_actors], []
        if not with_actors and obj_actors:
            recipients = obj_actors  # "X a rencontré Y": Y is met
    elif frame == "subj":
        actors, recipients = subj_actors, dest_actors if etype == "AGREE" else []
    else:
        actors, recipients = subj_actors, obj_actors + with_actors
    if etype == "AGREE" and governor is not None:
        recipients = recipients or dest_actors
    if not actors and not recipients:
        return None
    recipients = [r for r in recipients if r not in actors]
    return EventAnn(
        type=etype, mode=mode if etype == trig.type else None,
        actors=list(dict.fromkeys(actors)), recipients=list(dict.fromkeys(recipients)),
        trigger=tok.i, sent_start=tok.sent.start, date=None, place=None, context=[],
        evidence=_evidence(tok),
    )


def _code_noun(tok: Token, trig: Trigger, resolver: Resolver) -> EventAnn | None:
    """Nominal events: "la visite de X au Vietnam", "la signature de l'accord entre X et Y"."""
    actors: list[int] = []
    recipients: list[int] = []
    for c in tok.children:
        case = _case(c)
        if c.dep_ == "nmod" and case in ("de", "du", "d'", "des") or c.dep_ == "nmod" and case == "entre":
            actors += resolver.resolve_all(c)
        elif c.dep_ == "nmod" and case in ("avec",) or c.dep_ == "nmod" and case in _DESTINATION_CASES:
            recipients += resolver.resolve_all(c)
        elif c.dep_ == "amod":
            iso = geo.nationality(c.text)
            if iso:
                actors += [a.idx for a in resolver.table.actors
                           if a.kind == "state" and a.country == iso]
    if not actors:
        return None
    return EventAnn(
        type=trig.type, mode=trig.mode, actors=list(dict.fromkeys(actors)),
        recipients=[r for r in dict.fromkeys(recipients) if r not in actors],
        trigger=tok.i, sent_start=tok.sent.start, date=None, place=None, context=[],
        evidence=_evidence(tok),
    )


def _evidence(tok: Token) -> tuple[int, int]:
    """A short verbatim stretch around the trigger: auxiliaries, the trigger and its object."""
    sent = tok.sent
    start = tok.idx
    for c in tok.children:
        if c.dep_.startswith("aux") and c.i < tok.i and c.i >= tok.i - 3:
            start = min(start, c.idx)
    end = tok.idx + len(tok.text)
    for c in tok.children:
        if c.dep_ in ("obj", "obl:arg") and c.i > tok.i:
            last = max(t.i for t in c.subtree)
            end = max(end, tok.doc[min(last, c.i + 4)].idx + len(tok.doc[min(last, c.i + 4)].text))
            break
    end = min(end, start + 80, sent.end_char)
    if end - start < 5:
        end = min(sent.end_char, start + 5)
    return start, end


def _contexts(text: str, lex: Lexicon) -> list[str]:
    folded = fold(text)
    found = []
    for context, stems in lex.contexts.items():
        if any(stem in folded for stem in stems):
            found.append(context)
    return found


def _merge(events: list[EventAnn]) -> list[EventAnn]:
    """One event per happening: drop an event whose participants are included in those of an
    event of the same type found earlier or richer."""
    kept: list[EventAnn] = []
    for e in events:
        ea, er = set(e.actors), set(e.recipients)
        dup = False
        for k in kept:
            if k.type == e.type and ea <= set(k.actors) | set(k.recipients) and er <= set(
                k.recipients
            ) | set(k.actors):
                dup = True
                break
        if dup:
            continue
        kept = [k for k in kept if not (
            k.type == e.type and set(k.actors) <= ea | er and set(k.recipients) <= er | ea
            and (len(k.actors) + len(k.recipients)) < len(ea) + len(er)
        )]
        kept.append(e)
    return kept
