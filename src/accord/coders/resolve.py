"""Who a noun phrase or pronoun designates, among the actors of the document.

"le général To Lam" → To Lam (a name inside the phrase); "le ministre" → the last person
titled minister; "il" → the last person spoken of; "les deux vice-ministres" → every person
titled or designated vice-minister; "les deux ministères" / "les ministères" → the ministries;
"les deux parties", "ils" → the last group that acted together; "son ministère" → the ministry of
the possessor; "l'armée", "le quotidien" → the body or news medium of that kind spoken of last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from accord import geo
from accord.coders.annotations import ActorAnn, ActorTable
from accord.lexicon import Lexicon
from accord.text import fold

__all__ = ["Resolver"]

_CLAUSAL = frozenset({"ccomp", "acl:relcl", "acl", "advcl", "xcomp", "parataxis", "conj", "cc"})
_GROUP_NOUNS = frozenset({"partie", "parties", "côté", "côtés", "dirigeant", "dirigeants",
                          "délégation", "délégations", "responsable", "responsables"})


_BODY_NOUNS = frozenset({"armee", "gouvernement", "organisation", "coalition", "regime",
                         "parlement", "assemblee", "commission", "conseil",
                         "mission", "agence", "police"})


# "le quotidien note que": the news medium spoken of last
_MEDIA_NOUNS = frozenset({"quotidien", "journal", "hebdomadaire", "mensuel", "magazine",
                          "chaine", "radio", "television", "media", "site", "agence"})
_MEDIA_SECTORS = frozenset({"JRN", "MED"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


@dataclass
class Resolver:
    doc: Doc
    table: ActorTable
    lex: Lexicon
    last_group: list[int] = field(default_factory=list)
    designations: dict[int, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        persons = [a for a in self.table.actors if a.kind == "person"]
        for actor in persons:
            heads = (self.lex.title_head(t) for t in actor.titles)
            self.designations[actor.idx] = {h for h in heads if h}
        # a counterpart ("son homologue vietnamien X") shares the designation of his peer
        for actor in persons:
            if actor.counterpart:
                for other in persons:
                    if other is not actor and self.designations.get(other.idx):
                        self.designations[actor.idx] |= self.designations[other.idx]

    # -- helpers -------------------------------------------------------------------------
    def _mentioned_before(self, actor: ActorAnn, i: int) -> int:
        starts = [s for s, _ in actor.mentions if s < i]
        return max(starts) if starts else -1

    def last_person(self, before: int, head: str | None = None) -> int | None:
        best: tuple[int, int] | None = None
        for actor in self.table.actors:
            if actor.kind != "person":
                continue
            if head is not None and head not in self.designations.get(actor.idx, set()):
                continue
            pos = self._mentioned_before(actor, before)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, actor.idx)
        if best is None and head is not None:
            candidates = [a.idx for a in self.table.actors
                          if head in self.designations.get(a.idx, set())]
            return candidates[0] if len(candidates) == 1 else None
        return best[1] if best else None

    def ministry_of(self, person: int | None) -> int | None:
        if person is None:
            return None
        actor = self.table.actors[person]
        for title in actor.titles:
            folded = fold(title)
            for org in self.table.actors:
                if org.kind == "organization" and fold(org.name).startswith("ministere") and (
                    fold(org.name)[len("ministere"):].strip() in folded
                ) and org.country == actor.country:
                    return org.idx
        return None

    def _inside(self, tok: Token) -> tuple[int | None, int | None]:
        """The first person, and the first other actor, named inside the phrase of ``tok``."""
        queue = [c for c in tok.children if c.dep_ not in _CLAUSAL]
        seen: set[int] = set()
        other: int | None = None
        while queue:
            child = queue.pop(0)
            if child.i in seen:
                continue
            seen.add(child.i)
            if child.i in self.table.by_token:
                actor = self.table.actors[self.table.by_token[child.i]]
                if actor.kind == "person":
                    return actor.idx, None
                if other is None and child.dep_ in ("appos", "flat:name", "nmod", "amod"):
                    other = actor.idx
            queue.extend(c for c in child.children if c.dep_ not in _CLAUSAL)
        return None, other

    def _title_key(self, tok: Token) -> str | None:
        """The title a noun designates: "le secrétaire général" → "secrétaire général"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        word = fold(tok.text)
        for c in tok.children:
            if c.dep_ == "amod" and c.i == tok.i + 1:
                pair = f"{word} {fold(c.text)}"
                if pair in self.lex.titles:
                    return pair
        head = _singular(word)
        for key in (word, head, fold(tok.lemma_)):
            if key in self.lex.titles:
                return key
        return None

    def designated_body(self, tok: Token) -> int | None:
        """"l'armée", "le gouvernement", "l'organisation européenne": the body of that kind
        spoken of last (of the country a nationality adjective gives)."""
        word = fold(tok.lemma_)
        if word not in _BODY_NOUNS | _MEDIA_NOUNS or not any(
            c.dep_ == "det" and fold(c.text) in ("le", "la", "l'", "cette", "ce")
            for c in tok.children
        ):
            return None
        country = None
        for c in tok.children:
            if c.dep_ == "amod":
                country = geo.nationality(c.text) or country
            elif c.dep_ == "nmod":
                return None
        def named(actor: ActorAnn) -> bool:
            return word == "organisation" or fold(actor.name).split(" ")[0] == word

        def medium(actor: ActorAnn) -> bool:
            return word in _MEDIA_NOUNS and actor.sector in _MEDIA_SECTORS

        for fits in (named, medium):
            best: tuple[int, int] | None = None
            for actor in self.table.actors:
                if actor.kind != "organization" or not fits(actor):
                    continue
                if country is not None and actor.country != country:
                    continue
                pos = self._mentioned_before(actor, tok.i)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, actor.idx)
            if best is not None:
                return best[1]
        return None

    # -- main entry ----------------------------------------------------------------------
    def resolve(self, tok: Token, speaker: int | None = None) -> list[int]:
        """Actors designated by the phrase headed by ``tok`` (conjuncts not included)."""
        if tok.i in self.table.by_token:
            return [self.table.by_token[tok.i]]
        # a name inside the phrase: apposition, flat name, "de X" complement; a person first
        person, other = self._inside(tok)
        if person is not None:
            return [person]
        key = self._title_key(tok)
        if key is not None and "Plur" not in tok.morph.get("Number", []):
            p = self.last_person(tok.i, key)
            if p is not None:
                return [p]
        if other is not None:
            return [other]
        word = fold(tok.text)
        lemma = fold(tok.lemma_)
        if tok.pos_ == "PRON":
            if word in ("il", "elle", "-il", "-elle", "lui"):
                p = speaker if speaker is not None else self.last_person(tok.i)
                return [p] if p is not None else []
            if word in ("ils", "elles", "-ils", "-elles", "eux"):
                return list(self.last_group)
            return []
        if word in ("dernier", "derniere") and any(
            fold(c.text) in ("ce", "cette") for c in tok.children
        ):
            p = self.last_person(tok.i)
            return [p] if p is not None else []
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        det = [c for c in tok.children if c.dep_ == "det"]
        possessive = any(fold(d.text) in ("son", "sa", "ses", "leur", "leurs") for d in det)
        plural = "Plur" in tok.morph.get("Number", []) or word.endswith(("s", "x"))
        if lemma.startswith("ministere") or word.startswith("ministere"):
            ministries = [a.idx for a in self.table.actors
                          if a.kind == "organization" and fold(a.name).startswith("ministere")]
            if plural:
                return ministries
            if possessive:
                p = speaker if speaker is not None else self.last_person(tok.i)
                m = self.ministry_of(p)
                return [m] if m is not None else []
            return []
        body = self.designated_body(tok)
        if body is not None:
            return [body]
        if word in _GROUP_NOUNS or lemma in _GROUP_NOUNS:
            return list(self.last_group) if plural else []
        if word in ("pays",) and any(fold(c.text) == "deux" for c in tok.children):
            states = [a.idx for a in self.table.actors if a.kind == "state"]
            return states if len(states) == 2 else []
        head = _singular(word) if plural else word
        if head in self.lex.titles or lemma in self.lex.titles:
            key = head if head in self.lex.titles else lemma
            if plural:
                return [a for a, heads in self.designations.items() if key in heads]
            p = self.last_person(tok.i, key)
            return [p] if p is not None else []
        return []

    def resolve_all(self, tok: Token, speaker: int | None = None) -> list[int]:
        """Actors of the phrase and of its conjuncts ("X et son homologue Y")."""
        found: list[int] = []
        stack = [tok]
        while stack:
            t = stack.pop(0)
            for idx in self.resolve(t, speaker):
                if idx not in found:
                    found.append(idx)
            stack.extend(c for c in t.children if c.dep_ == "conj")
        return found
