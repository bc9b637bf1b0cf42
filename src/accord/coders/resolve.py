"""Who a noun phrase or pronoun designates, among the actors of the document.

"le général To Lam" → To Lam (a name inside the phrase); "le ministre" → the last person
titled minister; "il" → the last person spoken of; "les deux vice-ministres" → every person
titled or designated vice-minister; "les deux ministères" / "les ministères" → the ministries;
"les deux parties", "ils" → the last group that acted together; "son ministère" → the ministry of
the possessor; "l'armée", "le quotidien" → the body or news medium of that kind spoken of last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from accord.coders.annotations import ActorAnn, ActorTable
from accord.vocab import geo
from accord.vocab.lexicon import Lexicon
from accord.vocab.text import fold

__all__ = ["Resolver", "titled_as_woman"]

_CLAUSAL = frozenset({"ccomp", "acl:relcl", "acl", "advcl", "xcomp", "parataxis", "conj", "cc"})
# Nouns that, plural or counted ("les deux parties", "les deux côtés"), designate the group of
# actors in focus; singular with a nationality ("la partie chinoise"), its member of that country.
_GROUP_NOUNS = frozenset({"partie", "parties", "cote", "cotes", "dirigeant", "dirigeants",
                          "delegation", "delegations", "responsable", "responsables",
                          "party", "interlocuteur", "interlocuteurs", "homme", "hommes"})
# subjects that are the speaker in reported words ("« Nous condamnons cela », a déclaré X")
_FIRST_PERSON = frozenset({"je", "j'", "j’", "nous"})
_FEMININE_CIVILITIES = frozenset({"mme", "madame", "mlle", "mademoiselle"})
_FEMININE_ENDINGS = ("trice", "ente", "ienne", "euse", "ere", "esse", "ante", "aine")
# Participles that introduce a delegation's head ("une délégation conduite par X").
_LED_BY = frozenset({"conduire", "diriger", "mener", "presider", "emmener"})


_BODY_NOUNS = frozenset({"armee", "gouvernement", "organisation", "coalition", "regime",
                         "parlement", "assemblee", "commission", "conseil",
                         "mission", "agence", "police", "ministere"})


# "le quotidien note que": the news medium spoken of last
_MEDIA_NOUNS = frozenset({"quotidien", "journal", "hebdomadaire", "mensuel", "magazine",
                          "chaine", "radio", "television", "media", "site", "agence"})
_MEDIA_SECTORS = frozenset({"JRN", "MED"})


# Nouns that designate the author of an attack ("l'assaillant", "le tireur", "l'auteur de la
# tuerie"); "auteur" only with an attack as its complement.
_PERPETRATORS = frozenset({"assaillant", "agresseur", "tueur", "tireur", "meurtrier", "kamikaze",
                           "terroriste", "forcene", "preneur", "suspect"})
# nouns of someone's family, counsel or circle: "un proche de X", "les avocats de X",
# "l'entourage de X" designate other people than X
_RELATIVES = frozenset({"proche", "entourage", "avocat", "avocate", "famille", "fils", "fille",
                        "frere", "soeur", "epouse", "femme", "mari", "veuve", "pere", "mere",
                        "partisan", "partisane", "ami", "amie", "collaborateur", "collaboratrice"})
# verbs that name someone ("le suspect se dénommerait X", "l'assaillant est X")
_NAMING = frozenset({"nommer", "denommer", "appeler", "identifier", "etre", "s'appeler"})
_ATTACKS = frozenset({"attentat", "attaque", "tuerie", "fusillade", "meurtre", "crime",
                      "massacre", "assassinat", "agression", "carnage", "explosion"})


def titled_as_woman(actor: ActorAnn) -> bool:
    """Whether a person's titles mark her as a woman: one next to her name in the feminine ("la
    candidate X"), or a feminine form ("présidente", "ambassadrice", "chancelière")."""
    return actor.feminine or any(
        fold(t).split(" ")[0].endswith(_FEMININE_ENDINGS) for t in actor.titles)


def _is_perpetrator_noun(tok: Token) -> bool:
    lemma = fold(tok.lemma_)
    if tok.pos_ != "NOUN":
        return False
    if lemma in _PERPETRATORS:
        return True
    return lemma == "auteur" and any(
        c.dep_ == "nmod" and fold(c.lemma_) in _ATTACKS for c in tok.children)


def _led_by(tok: Token) -> bool:
    """"conduite par", "dirigée par": the parse may take the participle for a noun."""
    word = fold(tok.text)
    return fold(tok.lemma_) in _LED_BY or word.rstrip("s").rstrip("e") in (
        "conduit", "dirig", "men", "presid", "emmen")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


@dataclass
class Resolver:
    doc: Doc
    table: ActorTable
    lex: Lexicon
    last_group: list[int] = field(default_factory=list)
    designations: dict[int, set[str]] = field(default_factory=dict)
    _perpetrator: int | None = None  # -1 once looked for and not found
    _speakers: dict[int, int] | None = None  # token -> speaker of the words it stands in

    def speaker_at(self, i: int) -> int | None:
        """The speaker whose reported words contain token ``i`` ("« Nous condamnons cela », a
        déclaré X": "nous" is X's), from the statements coder's annotations."""
        if self._speakers is None:
            self._speakers = {}
            for st in getattr(self.doc._, "statements", None) or []:
                if st.speaker is not None and st.content_tokens is not None:
                    for k in range(*st.content_tokens):
                        self._speakers.setdefault(k, st.speaker)
        return self._speakers.get(i)

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

    def _named_after(self, tok: Token) -> int | None:
        """"le ministre indien de la Défense, Rajnath Singh": the person named right after the
        phrase, past a comma, when the parse did not attach the name."""
        doc = self.doc
        nxt = tok.right_edge.i + 1
        if nxt < len(doc) and doc[nxt].text == ",":
            nxt += 1
        if nxt < len(doc) and nxt in self.table.by_token:
            actor = self.table.actors[self.table.by_token[nxt]]
            if actor.kind == "person" and any(s == nxt for s, _ in actor.mentions):
                return actor.idx
        return None

    @staticmethod
    def _nationality(tok: Token) -> str | None:
        """The country of a nationality adjective on the phrase ("son homologue lao", which the
        parser may read as a noun modifier) or on its "de" complement ("le chef de la diplomatie
        vietnamienne")."""
        def adjectives(t: Token) -> list[Token]:
            return [c for c in t.children if c.dep_ == "amod" or (
                c.dep_ == "nmod" and c.pos_ == "ADJ")]
        for c in adjectives(tok):
            if geo.nationality(c.text):
                return geo.nationality(c.text)
        for c in tok.children:
            if c.dep_ == "nmod" and c.pos_ == "NOUN" and any(
                    fold(x.text) in ("de", "du") for x in c.children if x.dep_ == "case"):
                for a in adjectives(c):
                    if geo.nationality(a.text):
                        return geo.nationality(a.text)
        return None

    def last_person(self, before: int, head: str | None = None,
                    country: str | None = None) -> int | None:
        best: tuple[int, int] | None = None
        for actor in self.table.actors:
            if actor.kind != "person":
                continue
            if country is not None and actor.country != country:
                continue
            if head is not None and head not in self.designations.get(actor.idx, set()):
                continue
            pos = self._mentioned_before(actor, before)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, actor.idx)
        if best is None and head is not None:
            candidates = [a.idx for a in self.table.actors
                          if head in self.designations.get(a.idx, set())
                          and (country is None or a.country == country)]
            return candidates[0] if len(candidates) == 1 else None
        return best[1] if best else None

    def feminine(self, actor: ActorAnn) -> bool:
        """Whether the text marks a person as a woman: "Mme X", or a title in the feminine
        ("la présidente", "l'ambassadrice", "la chancelière"), or a first name that the
        tagger reads as feminine ("Nathalie", "Ségolène") in a name of two words or more."""
        doc = self.doc
        for start, end in actor.mentions:
            if any(fold(t.text).rstrip(".") in _FEMININE_CIVILITIES
                   for t in doc[max(0, start - 2):start]):
                return True
            if end - start >= 2 and doc[start].pos_ == "PROPN" and doc[start].morph.get(
                    "Gender", []) == ["Fem"]:
                return True
        return titled_as_woman(actor)

    @cached_property
    def women(self) -> frozenset[int]:
        """The persons the text marks as women (:meth:`feminine`)."""
        return frozenset(a.idx for a in self.table.actors
                         if a.kind == "person" and self.feminine(a))

    @cached_property
    def _org_heads(self) -> dict[int, str]:
        """Each organisation's first word, folded ("collectif" for "Collectif Sécurité")."""
        return {a.idx: fold(a.name).split(" ")[0] for a in self.table.actors
                if a.kind == "organization"}

    def last_subject_person(self, before: int, pronoun: str | None = None) -> int | None:
        """The person spoken of last as a subject ("Le ministre X s'est entretenu avec Y. Il a
        rencontré ..." : "il" is X), else the person spoken of last; "elle" prefers a woman,
        "il" a person not marked as one."""
        best: tuple[int, int] | None = None
        doc = self.doc
        women = self.women
        if pronoun in ("elle", "-elle") and not women:
            return self.last_person(before)  # no woman marked: the person spoken of last
        for actor in self.table.actors:
            if actor.kind != "person":
                continue
            if pronoun in ("il", "-il") and actor.idx in women:
                continue
            if pronoun in ("elle", "-elle") and women and actor.idx not in women:
                continue
            for start, end in actor.mentions:
                if start >= before:
                    continue
                tok = doc[start]
                for _ in range(3):  # the name, its title, the title's head
                    if tok.dep_ in ("nsubj", "nsubj:pass") or tok.head.i == tok.i:
                        break
                    if tok.dep_ not in ("appos", "flat:name", "dep", "conj"):
                        break
                    tok = tok.head
                if tok.dep_ in ("nsubj", "nsubj:pass") and tok.i > tok.head.i and any(
                        c.dep_ == tok.dep_ and c.i < tok.head.i for c in tok.head.children):
                    continue  # "X accompagnait le président Y": the parse's second subject
                if tok.dep_ in ("nsubj", "nsubj:pass") and (best is None or start > best[0]):
                    best = (start, actor.idx)
        if best is not None:
            return best[1]
        if pronoun in ("elle", "-elle") and women:
            return max(women, key=lambda i: self._mentioned_before(self.table.actors[i], before))
        return self.last_person(before)

    def reporter_subject(self, tok: Token) -> Token | None:
        """"La police précise qu'elle a abattu ...": the subject of the verb whose clause the
        pronoun "il" / "elle" is the subject of, when it is a noun phrase of the pronoun's
        gender (a person's by the text's marks, a noun's by its own)."""
        verb = tok.head
        if fold(tok.text) not in ("il", "elle") or tok.dep_ not in ("nsubj", "nsubj:pass") or (
                verb.dep_ not in ("ccomp", "obj:clause") or verb.head.i == verb.i):
            return None
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return None
        woman = fold(tok.text) == "elle"
        person = self.table.by_token.get(subject.i)
        if person is not None and self.table.actors[person].kind == "person":
            return subject if self.feminine(self.table.actors[person]) == woman else None
        gender = subject.morph.get("Gender", [])
        return subject if gender and (gender[0] == "Fem") == woman else None

    def _object_clitic(self, tok: Token) -> int | None:
        """"qui l'a félicité", "il lui a rendu hommage": the person spoken of last who is not
        the subject of the clitic's own verb."""
        verb = tok.head
        subjects: set[int] = set()
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubj:pass"):
                subjects |= set(self.resolve(c)) if c.i != tok.i else set()
        if not subjects and verb.dep_ == "conj":  # "il lui a rendu hommage et l'a félicitée"
            for c in verb.head.children:
                if c.dep_ in ("nsubj", "nsubj:pass"):
                    subjects |= set(self.resolve(c))
        if not subjects and tok.i > 0 and tok.i - 1 in self.table.by_token:
            subjects.add(self.table.by_token[tok.i - 1])  # "..., le ministre X l'a félicité"
        best: tuple[int, int] | None = None
        for actor in self.table.actors:
            if actor.kind != "person" or actor.idx in subjects:
                continue
            pos = self._mentioned_before(actor, tok.i)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, actor.idx)
        return best[1] if best is not None else None

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
        """The first person, and the first other actor, named inside the phrase of ``tok``;
        the phrase's own apposition names the other actor before a complement does
        ("l'agence de presse de l'État islamique, Amaq": Amaq)."""
        queue = [c for c in tok.children if c.dep_ not in _CLAUSAL or self._comma_apposition(c)]
        seen: set[int] = set()
        other: int | None = None
        for c in tok.children:
            if (c.dep_ == "appos" or self._comma_apposition(c)) and c.i in self.table.by_token:
                other = self.table.by_token[c.i]
                break
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
            queue.extend(c for c in child.children if c.dep_ not in _CLAUSAL or (
                self._second_title(c)))
            if child.i == tok.i or child.dep_ in ("nmod", "appos", "flat:name"):
                queue.extend(c for c in child.children if self._comma_apposition(c))
        return None, other

    def _second_title(self, tok: Token) -> bool:
        """A title coordinated without its own article ("le Premier secrétaire du Parti et
        président cubain X"): the same person holds both, and is named after the second."""
        return tok.dep_ == "conj" and tok.pos_ == "NOUN" and self._title_key(tok) is not None and (
            not any(c.dep_ == "det" for c in tok.children)) and any(
            c.dep_ in ("flat:name", "appos") and c.i in self.table.by_token
            and self.table.actors[self.table.by_token[c.i]].kind == "person" for c in tok.children)

    def _comma_apposition(self, tok: Token) -> bool:
        """A conjunct without a conjunction after a comma ("le commandant de la Marine, l'amiral
        X"): the parser's reading of an apposition."""
        first = tok.left_edge.i
        comma = self.doc[first].text == "," or (first > 0 and self.doc[first - 1].text == ",")
        return tok.dep_ == "conj" and comma and not any(c.dep_ == "cc" for c in tok.children)

    def _title_key(self, tok: Token) -> str | None:
        """The title a noun designates: "le secrétaire général" → "secrétaire général"."""
        keys = self._title_keys(tok)
        return keys[0] if keys else None

    def _title_keys(self, tok: Token) -> list[str]:
        """The titles a noun designates, the longest first: "le Premier ministre" →
        "premier ministre", then "ministre"; "le chef du gouvernement" → "chef du
        gouvernement", then "chef"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        word = fold(tok.text)
        keys: list[str] = []
        start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "amod" and c.i < tok.i)])
        longest = self.lex.title_head(tok.doc[start:tok.right_edge.i + 1].text)
        if longest is not None and len(longest) > len(word):
            keys.append(longest)
        for c in tok.children:
            if c.dep_ == "amod" and c.i == tok.i + 1:
                pair = f"{word} {fold(c.text)}"
                if pair in self.lex.titles and pair not in keys:
                    keys.append(pair)
        for key in (word, _singular(word), fold(tok.lemma_)):
            if key in self.lex.titles:
                if key not in keys:
                    keys.append(key)
                break
        return keys

    def designated_body(self, tok: Token) -> int | None:
        """"l'armée", "le gouvernement", "l'organisation européenne": the body of that kind
        spoken of last (of the country a nationality adjective gives)."""
        word = fold(tok.lemma_)
        heads = self._org_heads  # "le collectif" for the "Collectif ..." named before
        kind = word in _BODY_NOUNS or word in _MEDIA_NOUNS or word in heads.values()
        if not kind or tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and fold(c.text) in ("le", "la", "l'", "cette", "ce")
            for c in tok.children
        ):
            return None
        country = None
        for c in tok.children:
            if c.dep_ == "amod":
                country = geo.nationality(c.text) or country
            elif c.dep_ == "nmod" and any(g.dep_ == "case" and fold(g.text) in (
                    "de", "d'", "du", "des") for g in c.children):
                return None  # "le gouvernement du Japon": another body

        def named(actor: ActorAnn) -> bool:
            return word == "organisation" or heads.get(actor.idx) == word

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

    def focus_group(self, before: int) -> list[int]:
        """The actors acting together last ("ils", "les deux parties"): those of the last event
        with several named actors, else the first person of each of the first two countries
        spoken of before ``before`` (the two sides a dispatch opens with)."""
        if self.last_group:
            return list(self.last_group)
        firsts: list[tuple[int, int]] = []
        seen: set[str] = set()
        for actor in self.table.actors:
            pos = min((s for s, _ in actor.mentions if s < before), default=-1)
            if actor.kind == "person" and actor.country and pos >= 0:
                firsts.append((pos, actor.idx))
        if len({self.table.actors[i].country for _, i in firsts}) < 2:
            # "Lors de l'entretien avec X, les deux parties ...": the other side comes later
            firsts = [(min(s for s, _ in a.mentions), a.idx) for a in self.table.actors
                      if a.kind == "person" and a.country and a.mentions]
        group: list[int] = []
        for _, idx in sorted(firsts):
            country = self.table.actors[idx].country
            if country is not None and country not in seen:
                seen.add(country)
                group.append(idx)
        return group[:2] if len(group) >= 2 else []

    def _side(self, tok: Token) -> list[int]:
        """"la partie chinoise": the member of the group in focus of that country, else the
        state."""
        iso = next((geo.nationality(c.text) for c in tok.children
                    if c.dep_ == "amod" and geo.nationality(c.text)), None)
        if iso is None:
            return []
        members = [i for i in self.focus_group(tok.i) if self.table.actors[i].country == iso]
        if members:
            return members[:1]
        states = [a.idx for a in self.table.actors if a.kind == "state" and a.country == iso]
        return states[:1]

    def leader(self, tok: Token) -> list[int]:
        """The head of a delegation phrase, if named."""
        return self._leader(tok)

    def _leader(self, tok: Token) -> list[int]:
        """"une délégation (du ministère) conduite par le général X": X."""
        for c in tok.subtree:
            if c.dep_ in ("acl", "acl:relcl") and _led_by(c) and all(
                    a.pos_ not in ("VERB", "AUX") for a in c.ancestors if a.i != tok.i and (
                        tok.i in [x.i for x in a.ancestors])):
                for g in c.children:
                    if g.dep_ == "obl:agent" or (g.dep_.startswith("obl") and any(
                            fold(x.text) == "par" for x in g.children if x.dep_ == "case")):
                        found = self.resolve(g)
                        if found:
                            return found
        return []

    def perpetrator(self) -> int | None:
        """The person the article names as the attacker ("L'assaillant, un homme nommé X",
        "le tireur, X"): a person named within a few words after a perpetrator noun, with no
        finite verb between them; the first such person."""
        if self._perpetrator is not None:
            return self._perpetrator if self._perpetrator >= 0 else None
        found = -1
        doc = self.doc
        for tok in doc:
            if not _is_perpetrator_noun(tok):
                continue
            for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 12)]:
                if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) and (
                        fold(t.lemma_) not in _NAMING):
                    break
                idx = self.table.by_token.get(t.i)
                if idx is not None and self.table.actors[idx].kind == "person":
                    found = idx
                    break
            if found >= 0:
                break
        if found < 0:
            found = self._claimant()
        self._perpetrator = found
        return found if found >= 0 else None

    def _claimant(self) -> int:
        """Who claimed the attack: "X a revendiqué l'attentat", "revendiqué par X" (an
        organisation or person named there), else -1."""
        for tok in self.doc:
            if not fold(tok.text).startswith("revendiqu") or any(  # every form, however tagged
                    c.dep_ == "advmod" and fold(c.text) in ("pas", "jamais", "aucun")
                    for c in tok.children):
                continue
            claimers = [c for c in tok.children if c.dep_ in ("obl:agent", "nsubj") or (
                c.dep_.startswith("obl") and any(g.dep_ == "case" and fold(g.text) == "par"
                                                 for g in c.children))]
            if not claimers and tok.head.i != tok.i:
                if tok.pos_ == "ADJ" and tok.head.pos_ in ("NOUN", "PROPN"):
                    claimers = [tok.head]  # a headline's verb read as an adjective
                elif tok.dep_ in ("xcomp", "conj"):  # "Le groupe autoproclamé « État
                    claimers = [tok.head]  # islamique » a revendiqué": the words before it
            for c in claimers:  # (a passive's subject is "nsubj:pass": not a claimer)
                for t in c.subtree:
                    if c.i == tok.head.i and t.i >= tok.i:
                        break  # the verb before: only what is written before the claim
                    idx = self.table.by_token.get(t.i)
                    if idx is not None and self.table.actors[idx].kind in (
                            "organization", "person"):
                        return idx
        return -1

    def _counterpart_body(self, tok: Token) -> int | None:
        """"Le ministère chinois de la Sécurité publique est prêt à travailler avec son
        homologue vietnamien": the body of the same name of that country (an actor of the
        article, or added: the text designates it)."""
        country = self._nationality(tok)
        if country is None:
            return None
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")), None)
        while verb is not None and not any(c.dep_ in ("nsubj", "nsubj:pass")
                                           for c in verb.children) and verb.head.i != verb.i:
            verb = verb.head  # "est prêt à travailler avec son homologue": the subject of "prêt"
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")),
                       None) if verb is not None else None
        owner = self.table.by_token.get(subject.i) if subject is not None else None
        if owner is None or self.table.actors[owner].kind != "organization":
            return None
        mine = self.table.actors[owner]
        if mine.country == country:
            return None
        twin = next((a for a in self.table.actors if a.kind == "organization"
                     and a.country == country and fold(a.name) == fold(mine.name)), None)
        if twin is None:
            twin = self.table.new(mine.name, "organization", country, mine.sector)
            self.table.add_mention(twin, tok.i, tok.i + 1)
        return twin.idx

    # -- main entry ----------------------------------------------------------------------
    def resolve(self, tok: Token, speaker: int | None = None) -> list[int]:
        """Actors designated by the phrase headed by ``tok`` (conjuncts not included)."""
        if tok.i in self.table.by_token:
            return [self.table.by_token[tok.i]]
        if _is_perpetrator_noun(tok) and "Plur" not in tok.morph.get("Number", []):
            named, _ = self._inside(tok)
            if named is not None:
                return [named]
            p = self.perpetrator()  # "l'assaillant", "l'auteur de la tuerie"
            if p is not None:
                return [p]
        if fold(tok.lemma_) in ("delegation", "equipe", "groupe") or fold(tok.text) in (
                "delegation", "delegations"):
            leader = self._leader(tok)
            if leader:
                return leader
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in _RELATIVES and any(
                c.dep_ == "nmod" and any(g.dep_ == "case" and fold(g.text) in (
                    "de", "d'", "du", "des") for g in c.children) for c in tok.children):
            return []  # "un proche de X", "les avocats de X": not X
        # a name inside the phrase: apposition, flat name, "de X" complement; a person first
        person, other = self._inside(tok)
        if person is not None:
            return [person]
        if tok.pos_ == "NOUN" and fold(tok.lemma_) == "homologue":
            body = self._counterpart_body(tok)  # a body's counterpart is a body
            if body is not None:
                return [body]
        keys = self._title_keys(tok)
        if keys and "Plur" not in tok.morph.get("Number", []):
            named = self._named_after(tok)
            if named is not None:
                return [named]
            nationality = self._nationality(tok)
            p = next((p for p in (self.last_person(tok.i, k, nationality) for k in keys)
                      if p is not None), None)
            if p is None and nationality is not None and not any(
                    k in names for k in keys for names in self.designations.values()):
                p = self.last_person(tok.i, None, nationality)  # "le chef de la diplomatie
            if p is not None:  # vietnamienne" for a minister named before
                return [p]
        if other is not None:
            return [other]
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in ("homologue", "interlocuteur"):
            named = self._named_after(tok)  # "son homologue japonais Taro Kono"
            if named is not None:
                return [named]
            p = self.last_person(tok.i, None, self._nationality(tok))
            return [p] if p is not None and self._nationality(tok) else []
        word = fold(tok.text)
        lemma = fold(tok.lemma_)
        if tok.pos_ == "PRON":
            if word in ("l'", "le", "la", "lui", "l’") and tok.dep_ in ("obj", "iobj", "obl:arg"):
                p = self._object_clitic(tok)
                return [p] if p is not None else []
            if word in ("il", "elle", "-il", "-elle", "lui"):
                if speaker is not None:
                    return [speaker]
                reporter = self.reporter_subject(tok)
                if reporter is not None:  # "La police précise qu'elle a abattu ..."
                    return self.resolve(reporter)
                p = self.last_subject_person(tok.i, word)
                return [p] if p is not None else []
            if word in ("ils", "elles", "-ils", "-elles", "eux"):
                return self.focus_group(tok.i)
            if word in _FIRST_PERSON and tok.dep_ in ("nsubj", "nsubj:pass"):
                p = speaker if speaker is not None else self.speaker_at(tok.i)
                return [p] if p is not None else []
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
        body = self.designated_body(tok)  # "le ministère précise": the ministry spoken of last
        if body is not None:
            return [body]
        if word in _GROUP_NOUNS or lemma in _GROUP_NOUNS:
            if any(fold(d.text) in ("des", "de", "d'") for d in det):
                return []  # "des responsables de nombreux pays": not the sides in focus
            return self.focus_group(tok.i) if plural else self._side(tok)
        if word == "pays" and possessive and "Plur" not in tok.morph.get("Number", []) and not any(
                fold(d.text) in ("ses", "leurs") for d in det):  # "pays" ends in "s" either way
            # "son pays": the state of its possessor (the speaker, the person in focus)
            p = speaker if speaker is not None else self.last_subject_person(tok.i)
            country = self.table.actors[p].country if p is not None else None
            states = [a.idx for a in self.table.actors
                      if a.kind == "state" and country is not None and a.country == country]
            return states[:1]
        if word in ("pays",) and any(fold(c.text) == "deux" for c in tok.children):
            states = [a.idx for a in self.table.actors if a.kind == "state"]
            return states if len(states) == 2 else []
        head = _singular(word) if plural else word
        if head in self.lex.titles or lemma in self.lex.titles:
            key = head if head in self.lex.titles else lemma
            nationality = self._nationality(tok)
            if plural:
                found = [a for a, heads in self.designations.items() if key in heads and (
                    nationality is None or self.table.actors[a].country == nationality)]
                if len(found) != 2 and any(fold(c.text) == "deux" for c in tok.children):
                    return self.focus_group(tok.i) or found  # "les deux ministres"
                return found if len(found) > 1 else []  # "les ministres": not one person
            p = self.last_person(tok.i, key, nationality)  # "le ministre japonais": not the
            return [p] if p is not None else []  # minister of another country
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
