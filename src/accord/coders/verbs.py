"""What a verb group says about itself, shared by the event and statement coders: its lemma
when the lemmatizer slipped, negation, hypothesis, the immediate past ("venir de").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from accord.coders.roles import verb_chain
from accord.vocab.text import fold

__all__ = ["first_group_lemma", "hypothetical", "just_did", "negated", "wished"]

NEGATION = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "ni", "guere", "sans",
                      "nullement"})
_FIRST_GROUP_ENDINGS = frozenset({"e", "es", "ent", "é", "ée", "és", "ées", "er", "ez", "ons",
                                  "ait", "aient", "a", "ant"})


def first_group_lemma(word: str, known: Callable[[str], bool]) -> str | None:
    """The infinitive of a first-group verb form when ``known`` accepts it: the rule-based
    lemmatizer reads some forms as other words ("tue" as "taire", "indique" as "indique")."""
    word = word.lower()
    for cut in range(1, 4):
        stem = word[:-cut]
        if stem and word[-cut:] in _FIRST_GROUP_ENDINGS and known(stem + "er"):
            return stem + "er"
    return None


def negated(tok: Token, climb: bool = True) -> bool:
    """"n'a pas signé", "ne reconnaîtra plus": a negation on the verb or, with ``climb``, on
    the verb it is coordinated with or depends on."""
    for verb in verb_chain(tok)[:2] if climb else [tok]:
        for c in verb.children:
            if c.dep_ in ("advmod", "det", "cc", "advmod:neg") and fold(c.text) in NEGATION:
                return True
    return False


def hypothetical(tok: Token) -> bool:
    """A verb under "si": "s'il signe". A "si" clause in a past tense is concessive, not a
    condition ("Si X a été libérée, l'inquiétude reste grande")."""
    for verb in verb_chain(tok):
        if any(c.dep_ == "mark" and fold(c.text) in ("si", "s'") for c in verb.children):
            past = any(c.dep_.startswith("aux") and "Part" in verb.morph.get("VerbForm", [])
                       for c in verb.children)
            return not past
    return False


def just_did(tok: Token) -> bool:
    """"vient d'annoncer son intention de cesser": an act under "venir de"."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if fold(cur.lemma_) == "venir" and cur.pos_ == "VERB":
            return True
    return False


_WISHES = frozenset({"souhaiter", "esperer", "vouloir", "desirer", "attendre"})


def wished(tok: Token) -> bool:
    """An act in a clause wished for someone ("a souhaité que son hôte intercède ... pour
    qu'ils collaborent", "espère que X soutiendra"): hoped for, not told nor promised."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("conj", "advcl", "ccomp"):
            return False
        clause = cur.dep_
        cur = cur.head
        if clause == "ccomp" and fold(cur.lemma_) in _WISHES:
            return True
    return False

