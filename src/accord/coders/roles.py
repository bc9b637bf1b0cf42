"""Who does what to whom in a clause: the arguments of a trigger from the dependency parse.

Subjects climb coordination and control ("a décidé de convoquer", "a permis à X de lancer");
a relative "qui" stands for its antecedent; the passive swaps subject and agent ("mis en place
par l'armée"); obliques are sorted by their preposition ("avec", "à", "entre", "en", "pour").
Where the parse finds no subject for a finite verb, the actors written just before the verb in
the same clause are taken ("Après 7 ans de négociations, le Canada et l'UE ont signé").

Participants are actors of the table or :class:`Unnamed` ones ("des manifestants", "les
ambassadeurs de la France", "un groupe de militaires"), see :meth:`Roles.participants`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Span, Token

from accord.coders.annotations import Participant, Unnamed
from accord.coders.resolve import Resolver
from accord.vocab import geo
from accord.vocab.text import fold

__all__ = ["ETRE_VERBS", "MEDIA_OF_TALK", "Arguments", "Roles", "attributions", "case_of", "is_passive", "passive_agent", "reflexive",
           "subject_heads", "verb_chain"]

_WITH = frozenset({"avec", "aupres"})
_TO = frozenset({"a", "au", "aux"})
_DESTINATION = frozenset({"a", "en", "au", "aux", "dans", "vers"})
# prepositions that make a phrase a complement, never a subject
_COMPLEMENT_CASES = _DESTINATION | _WITH | {"de", "d'", "du", "des", "par", "selon"}
_FOR = frozenset({"pour", "envers", "contre", "aupres"})
_OF = frozenset({"de", "d'", "du", "des"})
_ACCORDING_TO = frozenset({"selon", "d'apres"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "«", "»", "—", "–"})


def attributions(sent: Span) -> list[Token]:
    """The heads of the "selon X" / "d'après X" phrases of a sentence: whom it is reported
    from ("selon la chaîne TRT", "D'après le média Ikiriho")."""
    doc = sent.doc
    heads = []
    for tok in sent:
        word = fold(tok.text)
        if word == "d'" and tok.i + 1 < len(doc) and fold(doc[tok.i + 1].text) == "apres":
            word = "d'apres"  # "D'" + "après" (fixed)
        if tok.dep_ == "case" and word in _ACCORDING_TO and tok.head.i != tok.i:
            heads.append(tok.head)
    return heads


def case_of(tok: Token) -> str:
    """The folded preposition (or subordinator) of a phrase: "à", "avec", "lors de" → "lors"."""
    cases = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
    if tok.head.pos_ == "ADV" and fold(tok.head.text) in ("aupres", "pres") and (
            tok.head.i < tok.i):
        return "aupres"  # "auprès de X" with "auprès" parsed as an adverb over X
    return fold(cases[0].text) if cases else ""


def verb_chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it is coordinated with or controlled by, nearest first."""
    chain = [tok]
    cur = tok
    while (cur.dep_ in ("conj", "xcomp") or _gerund(cur)) and cur.head.i != cur.i and (
            cur.head.pos_ in ("VERB", "AUX", "ADJ")):
        cur = cur.head
        chain.append(cur)
    return chain


def _gerund(tok: Token) -> bool:
    """"a réagi en dénonçant": a gerund shares the subject of the verb it depends on."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and fold(c.text) == "en" for c in tok.children)


# Verbs whose compound tenses take "être" in the active voice ("les parties sont convenues",
# "il est venu"): the parser reads them as passives.
ETRE_VERBS = frozenset({"convenir", "venir", "parvenir", "intervenir", "survenir", "revenir",
                        "aller", "arriver", "partir", "repartir", "rester", "demeurer", "devenir",
                        "entrer", "rentrer", "retourner", "sortir", "tomber", "mourir", "naitre",
                        "deceder", "passer", "monter", "descendre"})
_REFLEXIVE_CLITICS = frozenset({"se", "s'", "s", "s’", "me", "m'", "te", "nous", "vous"})


def reflexive(tok: Token) -> bool:
    """Whether a verb has a reflexive clitic ("se sont entretenus", "s'est engagée")."""
    return any(c.i < tok.i and fold(c.text) in _REFLEXIVE_CLITICS and c.dep_ in (
        "expl:comp", "expl:pv", "expl:pass", "expl", "obj", "iobj", "nsubj:pass", "dep")
        for c in tok.children)


def passive_agent(verb: Token) -> Token | None:
    """The agent of a passive verb: "par X" ("a été annoncé par X"), not an adverb ("par
    ailleurs", "par contre")."""
    for c in verb.children:
        if (c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")) and (
                c.pos_ in ("NOUN", "PROPN", "PRON")):
            return c
    return None


def is_passive(tok: Token) -> bool:
    if fold(tok.lemma_) in ETRE_VERBS or reflexive(tok):
        return False  # "sont convenues", "se sont engagés": active voice with "être"
    if any(c.dep_ == "aux:tense" and fold(c.lemma_) == "avoir" for c in tok.children) and not any(
            c.dep_ == "aux:pass" for c in tok.children):
        return False  # "X a demandé à Y": the parse may mark the subject of a perfect passive
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) or (
        "Pass" in tok.morph.get("Voice", []) and tok.dep_ in ("acl", "ROOT", "conj")
    )


def subject_heads(tok: Token) -> tuple[list[Token], Token]:
    """Subject heads of a verb (climbing coordination and control) and the verb they belong
    to; a relative "qui" is replaced by its antecedent."""
    for verb in verb_chain(tok):
        # "a permis à l'organisation de lancer": the controller is the "à" complement
        if verb.i != tok.i and fold(verb.lemma_) in ("permettre", "autoriser", "pousser"):
            ctrl = [c for c in verb.children if c.dep_ in ("obl:arg", "iobj", "obj")]
            if ctrl:
                return ctrl, verb
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")
                and fold(c.text) not in ("-t", "t")]
        if not subj and verb.dep_ == "acl" and "Fin" in verb.morph.get("VerbForm", []) and (
                verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i):
            subj = [verb.head]  # a headline "le Front Al-Nosra rompt ses liens": parsed as acl
        if subj:
            out = []
            subj = [_fronted(s, verb) for s in subj]
            for s in subj:
                if fold(s.text) in ("qui", "lequel", "laquelle") and verb.dep_ == "acl:relcl":
                    antecedent = verb.head
                    while antecedent.dep_ == "conj" and antecedent.head.dep_ == "appos":
                        antecedent = antecedent.head  # "X, président du Tchad et de l'UA, qui"
                    if antecedent.dep_ == "appos" and antecedent.head.i != antecedent.i:
                        antecedent = antecedent.head  # "X, responsable de ..., qui"
                    out.append(antecedent)
                else:
                    out.append(s)
            return out, verb
        # "a permis à l'organisation de lancer": the controller is the "à" complement
    if any(c.dep_ == "mark" and fold(c.text) == "en" for c in tok.children):
        # "En recevant X, ..., le vice-ministre Y a apprécié": a gerund the parse left
        # without its verb shares the subject of the clause that follows it
        for t in tok.doc[tok.right_edge.i + 1:tok.sent.end]:
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.pos_ in ("VERB", "AUX"):
                return [t], t.head
    return [], tok


def _fronted(subj: Token, verb: Token) -> Token:
    """A subject never has a preposition: "Aussitôt après la cérémonie d'accueil organisée le
    31 août, le président X s'est entretenu" parsed with "cérémonie" as the subject and X as the
    object of "organisée" has its subject in the phrase between the last comma and the verb."""
    if not any(c.dep_ == "case" for c in subj.children) or subj.i > verb.i:
        return subj
    doc = verb.doc
    start = next((t.i + 1 for t in reversed(doc[subj.i:verb.i]) if t.text == ","), None)
    if start is None:
        return subj
    return next((t for t in doc[start:verb.i] if t.pos_ in ("NOUN", "PROPN")), subj)


def _apart_from_appositions(heads: list[Token]) -> list[Token]:
    """Subject heads without those the parser took out of an earlier subject's apposition ("Le
    général X, chef d'état-major de l'Armée ..., a reçu": "major" is no second subject)."""
    if len(heads) < 2:
        return heads
    ordered = sorted(heads, key=lambda t: t.i)
    kept = [ordered[0]]
    doc = ordered[0].doc
    for h in ordered[1:]:
        between = doc[kept[-1].i + 1:h.left_edge.i]
        if any(t.text == "," for t in between) and not any(t.pos_ == "CCONJ" for t in between):
            continue
        kept.append(h)
    return kept


def _through_adverbs(tok: Token) -> list[Token]:
    """A verb's dependents, with "auprès de X" read as a complement of the verb: the parser
    makes "auprès" an adverb and hangs "X" under it."""
    out: list[Token] = []
    for c in tok.children:
        if c.pos_ == "ADV" and fold(c.text) in ("aupres", "pres") and c.i > tok.i:
            out.extend(g for g in c.children if g.pos_ in ("NOUN", "PROPN", "PRON"))
        else:
            out.append(c)
        if c.dep_.startswith("obl") and fold(c.lemma_) in MEDIA_OF_TALK:
            # "s'est entretenu par téléphone avec X": "avec X" hangs on "téléphone"
            out.extend(g for g in c.children if g.dep_ == "nmod" and case_of(g) in (
                "avec", "aupres"))
    return out


# Means of a conversation at a distance: a meeting through them is a phone call.
MEDIA_OF_TALK = frozenset({"telephone", "visioconference", "videoconference", "visiophone"})


@dataclass
class Arguments:
    """The participants around one trigger, by grammatical role."""

    subjects: list[Participant] = field(default_factory=list)
    objects: list[Participant] = field(default_factory=list)
    with_: list[Participant] = field(default_factory=list)  # "avec X", "entre X et Y"
    to: list[Participant] = field(default_factory=list)  # "à X" (indirect object)
    destination: list[Participant] = field(default_factory=list)  # "en Chine", "au Vietnam"
    beneficiary: list[Participant] = field(default_factory=list)  # "pour X", "contre X"
    agent: list[Participant] = field(default_factory=list)  # "par X" of a passive
    passive: bool = False


def _adjective_chains(tok: Token) -> list[tuple[Token, ...]]:
    """Each adjective of a noun with the adjectives coordinated to it ("britannique, australien
    et danois")."""
    return [(c, *[x for x in c.subtree if x.dep_ == "conj"])
            for c in tok.children if c.dep_ == "amod"]


def _nationalities(tok: Token) -> list[str]:
    """Countries of the nationality adjectives of a noun, coordinated ones included."""
    found: list[str] = []
    for chain in _adjective_chains(tok):
        for t in chain:
            iso = geo.nationality(t.text)
            if iso and iso not in found:
                found.append(iso)
    return found


def _masculine(word: str) -> tuple[str, ...]:
    """Masculine forms of a folded feminine noun: "policiere" → "policier", "citoyenne" →
    "citoyen", "habitante" → "habitant"."""
    forms = []
    for fem, masc in (("iere", "ier"), ("enne", "en"), ("euse", "eur"), ("rice", "eur"),
                      ("e", "")):
        if word.endswith(fem):
            forms.append(word[: len(word) - len(fem)] + masc)
    return tuple(forms)


def _hyphenated(tok: Token) -> bool:
    """The second half of a hyphenated word the parser split and coordinated ("chef
    d'état-major de l'Armée": "major" is no second participant)."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "‑") and not (
        doc[tok.i - 2].whitespace_ or doc[tok.i - 1].whitespace_)


def _add(into: list[Participant], found: list[Participant]) -> None:
    for p in found:
        if p not in into:
            into.append(p)


@dataclass
class Roles:
    resolver: Resolver
    groups: Mapping[str, str | None]  # folded singular group noun -> sector

    @property
    def home(self) -> str | None:
        return self.resolver.table.home

    @cached_property
    def date_tokens(self) -> frozenset[int]:
        """Tokens of the document's date expressions ("le 3 mars", "du 2 au 5 juin")."""
        dates = getattr(self.resolver.doc._, "dates", None) or []
        return frozenset(i for d in dates for i in range(d.start, d.end))

    @cached_property
    def place_tokens(self) -> frozenset[int]:
        """Tokens of the document's places that are not actors ("à Hanoï")."""
        places = getattr(self.resolver.doc._, "places", None) or []
        by_token = self.resolver.table.by_token
        return frozenset(i for p in places for i in range(p.start, p.end) if i not in by_token)

    # -- participants -----------------------------------------------------------------------
    def participants(self, tok: Token, speaker: int | None = None) -> list[Participant]:
        """Actors of a phrase and its conjuncts; an unnamed group when no actor is found."""
        found: list[Participant] = []
        stack = [tok]
        while stack:
            t = stack.pop(0)
            offices = self._offices_of_states(t)
            if offices:  # "les ministres de la Défense des deux pays"
                _add(found, offices)
                continue
            named = self.resolver.resolve(t, speaker)
            deep = self._person_within(t) if t.dep_ == "conj" and t.pos_ == "NOUN" and (
                found) else None
            if deep is not None and deep not in found and not any(
                    self.resolver.table.actors[p].kind == "person" for p in named):
                named = [deep]  # "X, ..., et la Directrice ... du ministère des Armées, Y"
            if named:
                _add(found, list(named))
                _add(found, self._coordinated_adjectives(t))
                by_token = self.resolver.table.by_token
                for inner in t.subtree:  # "les réseaux sociaux Twitter et Facebook"
                    if inner.i != t.i and by_token.get(inner.i) in named:
                        stack.extend(c for c in inner.children if c.dep_ == "conj")
                    elif inner.dep_ == "appos" and inner.head.i == t.i:
                        if self._titled_other(inner, named):
                            stack.append(inner)  # "X, le secrétaire du FSB Y et le ministre Z"
                            continue
                        # "le général X, vice-ministre de la Défense et Y, secrétaire ...": the
                        # parse coordinates Y with X's title
                        stack.extend(c for c in inner.children if c.dep_ == "conj" and (
                            self._other_person(c, named)))
            else:
                reporter = self.resolver.reporter_subject(t) if t.pos_ == "PRON" else None
                unnamed = self.unnamed(reporter if reporter is not None else t)
                if unnamed is not None:
                    _add(found, [unnamed])
                elif t.pos_ == "NOUN" and "Plur" in t.morph.get("Number", []):
                    # "ses alliés russes et iraniens": one unnamed participant per country
                    _add(found, [Unnamed(iso) for iso in _nationalities(t)])
            stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in (
                "NOUN", "PROPN", "PRON") and not self._another_title(c, found)
                and not _hyphenated(c))
        return found

    def _person_within(self, tok: Token, other_than: int | None = None) -> int | None:
        """A person named in apposition deep inside a phrase, which the parse hung on a
        complement ("la Directrice des relations ... du ministère des Armées, Alice Guitton")."""
        table = self.resolver.table
        for t in tok.subtree:
            idx = table.by_token.get(t.i)
            if idx is not None and idx != other_than and t.dep_ == "appos" and (
                    table.actors[idx].kind == "person"):
                return idx
        return None

    def _other_person(self, tok: Token, named: list[int]) -> bool:
        return self._person_at(tok.i) and self.resolver.table.by_token[tok.i] not in named

    def _person_at(self, i: int) -> bool:
        idx = self.resolver.table.by_token.get(i)
        return idx is not None and self.resolver.table.actors[idx].kind == "person"

    def _titled_other(self, appos: Token, named: list[int]) -> bool:
        """An apposition that is the next item of a list, not a title of the name before it:
        an office with its article and its own person's name ("Alexander Bortnikov, le
        secrétaire du FSB Nikolai Patrushev")."""
        after = appos.right_edge.i + 1
        if after < len(appos.doc) and appos.doc[after].pos_ in ("AUX", "VERB"):
            return False  # "du président X, le ministre Y a eu ...": Y is the clause's subject
        return any(c.dep_ == "det" for c in appos.children) and (
            self.resolver._title_key(appos) is not None) and any(
            c.dep_ in ("appos", "flat:name") and self._other_person(c, named)
            for c in appos.children)

    def _another_title(self, conj: Token, found: list[Participant]) -> bool:
        """"le général X, chef d'état-major de l'Armée et vice-ministre de la Défense": a
        coordinated title of the person already found, not another participant."""
        person = next((p for p in found if isinstance(p, int)
                       and self.resolver.table.actors[p].kind == "person"), None)
        if person is None or self.resolver._title_key(conj) is None:
            return False
        if self._person_within(conj, person) is not None:
            return False  # "et la Directrice générale ... du ministère français des Armées, Y"
        inside, _ = self.resolver._inside(conj)
        if inside is None:
            inside = self.resolver._named_after(conj)  # "et l'assistant ..., Y"
        return inside is None or inside == person

    def _coordinated_adjectives(self, tok: Token) -> list[Participant]:
        """"Les gouvernements britannique, australien et danois": one actor per adjective."""
        table = self.resolver.table
        found: list[Participant] = []
        for chain in _adjective_chains(tok):
            words = {t.i for t in chain} | {tok.i}
            # actors named by a noun of the phrase: an adjective of theirs is no participant
            # ("vietnamienne" of "le président de l'Assemblée nationale vietnamienne")
            named = {table.by_token.get(x.i) for x in tok.subtree
                     if x.i not in words and x.pos_ in ("NOUN", "PROPN")}
            for t in chain:
                idx = table.by_token.get(t.i)
                if idx is not None and idx not in named:
                    _add(found, [idx])
        return found

    def participants_all(self, tokens: list[Token]) -> list[Participant]:
        """:meth:`participants` of several phrases, without repeats."""
        found: list[Participant] = []
        for t in tokens:
            _add(found, self.participants(t))
        return found

    def unnamed(self, tok: Token) -> Participant | None:
        """"des manifestants" → Unnamed(home, CVL); "soldats syriens" → Unnamed(SYR, MIL);
        "le pays" → the article's state."""
        word = fold(tok.text)
        lemma = fold(tok.lemma_)
        if word in ("ceux", "celles") and self.home:
            return Unnamed(self.home)
        definite = any(c.dep_ == "det" and fold(c.text) in ("le", "du", "au", "l'", "ce")
                       for c in tok.children) or case_of(tok) in ("du", "au")
        if word == "pays" and self.home and definite and not any(
            c.dep_ in ("nummod", "amod") for c in tok.children
        ):
            state = self._state(self.home)
            return state if state is not None else Unnamed(self.home)
        key = next((k for k in (lemma, word.rstrip("sx"), *_masculine(word.rstrip("s")))
                    if k in self.groups), None)
        if key is None:
            office = self._office_of_a_state(tok)
            if office is not None:
                return office
        if key is None:
            # "un groupe de militaires", "des centaines de manifestants"
            for c in tok.children:
                if c.dep_ == "nmod" and case_of(c) in ("de", "d'", "des") and (
                    fold(c.lemma_) in self.groups
                ):
                    return self.unnamed(c)
            return None
        country = None
        for c in tok.children:
            if c.dep_ == "amod":
                country = geo.nationality(c.text) or country
            elif c.dep_ == "nmod" and case_of(c) in ("de", "d'", "du", "des"):
                if fold(c.text) == "pays" and not self.resolver.resolve(c) and not any(
                        d.dep_ == "det" and fold(d.text) in ("le", "ce", "son", "leur")
                        for d in c.children):
                    return Unnamed(None, self.groups[key])  # "de nombreux pays": of no one
                named = self.resolver.resolve(c)
                if named and self.resolver.table.actors[named[0]].kind == "organization" and (
                        self.groups[key] not in ("CVL", None)):
                    return named[0]  # "16 djihadistes du Front al-Nosra": the organisation
                if named:
                    country = self.resolver.table.actors[named[0]].country
                else:  # "les gardes-frontières de la province vietnamienne de X"
                    country = country or next((geo.nationality(g.text) for g in c.children
                                               if g.dep_ == "amod" and geo.nationality(g.text)),
                                              None)
        return Unnamed(country or self.home, self.groups[key])

    def _offices_of_states(self, tok: Token) -> list[Participant]:
        """"les ministres des Affaires étrangères du Laos, du Cambodge et de l'Indonésie", "les
        ministres de la Défense des deux pays": for each state, its titled person the article
        names, else an unnamed participant of that state and of the office's sector."""
        table = self.resolver.table
        office = self._office(tok) if "Plur" in tok.morph.get("Number", []) else None
        if office is None:
            return []
        head, sector = office
        states: list[int] = []
        for t in tok.subtree:
            if t.dep_ in ("acl", "acl:relcl", "appos") or t.i == tok.i:
                continue
            idx = table.by_token.get(t.i)
            if idx is not None and table.actors[idx].kind == "state" and idx not in states:
                states.append(idx)
            elif fold(t.text) == "pays" and t.head.i == tok.i and any(
                    fold(c.text) == "deux" for c in t.children):
                states += [i for i in self.resolver.resolve(t) if i not in states]
        if not states:
            return []
        found: list[Participant] = []
        for idx in states:
            country = table.actors[idx].country
            person = self.resolver.last_person(tok.i, head, country) if country else None
            found.append(person if person is not None else Unnamed(country, sector))
        return found

    def _office_of_a_state(self, tok: Token) -> Unnamed | None:
        """"le ministre japonais de la Défense", whom the text does not name: an unnamed
        participant of that state, of the office's sector."""
        office = self._office(tok)
        country = self.resolver._nationality(tok) if office is not None else None
        if office is None or country is None:
            return None
        return Unnamed(country, office[1])

    def _office(self, tok: Token) -> tuple[str, str | None] | None:
        """The office a noun names ("ministres de la Défense") and that office's sector, or
        None for a noun that is no office."""
        lex = self.resolver.lex
        if tok.pos_ != "NOUN":
            return None
        word = fold(tok.text)
        head = next((k for k in (fold(tok.lemma_), word, word.rstrip("sx")) if k in lex.titles),
                    None)
        if head is None or lex.titles[head].kind != "office":
            return None
        phrase = " ".join(t.text for t in tok.subtree if t.i >= tok.i)
        return head, lex.title_sector(phrase) or lex.titles[head].sector

    def home_state(self) -> Participant:
        """The state the article is about, as an actor when it is one, else unnamed."""
        state = self._state(self.home) if self.home else None
        return state if state is not None else Unnamed(self.home)

    def _state(self, iso: str) -> int | None:
        for actor in self.resolver.table.actors:
            if actor.kind == "state" and actor.country == iso:
                return actor.idx
        return None

    # -- arguments --------------------------------------------------------------------------
    def preceding_actors(self, tok: Token) -> list[Participant]:
        """Actors written between the clause start and a verb whose subject the parse missed."""
        found: list[Participant] = []
        table = self.resolver.table
        i = tok.i - 1
        sent_start = tok.sent.start
        for t in tok.doc[sent_start:tok.i]:
            # "À l'invitation de X, une délégation ..., dirigée par Y, effectue une visite": Y
            if fold(t.lemma_) == "delegation" and t.pos_ == "NOUN":
                _add(found, list(self.resolver.leader(t)))
        if found:
            return found
        while i >= sent_start:
            t = tok.doc[i]
            if t.text in _CLAUSE_BREAK and found:
                break
            if t.pos_ in ("VERB",) and not t.dep_.startswith("aux") and i < tok.i - 1:
                break
            if i in table.by_token and not self._is_complement(i):
                idx = table.by_token[i]
                if idx not in found:
                    found.insert(0, idx)
            i -= 1
        return found

    def _is_complement(self, i: int) -> bool:
        """Whether the actor mention at token ``i`` is a complement ("de la Commission
        militaire centrale", "avec X", "selon Y"), not a subject: its phrase has a preposition."""
        doc, table = self.resolver.doc, self.resolver.table
        span = next(((s, e) for s, e in table.actors[table.by_token[i]].mentions if s <= i < e),
                    (i, i + 1))
        root = doc[span[0]:span[1]].root
        cases = [c for c in root.children if c.dep_ == "case"] + [
            t for t in doc[max(root.sent.start, span[0] - 2):span[0]] if t.dep_ == "case"
            and t.head.i >= span[0]]
        return any(fold(c.text) in _COMPLEMENT_CASES for c in cases)

    def arguments(self, tok: Token) -> Arguments:
        args = Arguments(passive=is_passive(tok))
        heads, _ = subject_heads(tok)
        heads = _apart_from_appositions(heads)
        for s in heads:
            _add(args.subjects, self.participants(s))
        if not heads and "Fin" in self.finite(tok).morph.get("VerbForm", []):
            _add(args.subjects, self.preceding_actors(tok))
        if heads and "Plur" in self.finite(tok).morph.get("Number", []):
            for c in tok.children:  # "Le ministre X et le directeur Y, le général Z, se sont
                # entretenus": the parse takes the first of the subjects for a bare modifier
                if c.dep_ in ("obl:mod", "obl") and c.i < min(h.i for h in heads) and (
                        c.pos_ == "NOUN") and not case_of(c) and c.i not in self.date_tokens:
                    found = self.participants(c)
                    if any(isinstance(p, int) for p in found):
                        args.subjects[:0] = [p for p in found if p not in args.subjects]
        last: list[Participant] | None = None
        dated = self.date_tokens
        for c in _through_adverbs(tok):
            case = case_of(c)
            if c.dep_.startswith("obl") and fold(c.lemma_) in MEDIA_OF_TALK:
                for g in c.children:  # "s'est entretenu par téléphone avec X": the parse hangs
                    if g.dep_ == "nmod" and case_of(g) in _WITH:  # X on "téléphone"
                        _add(args.with_, self.participants(g))
            if c.i in dated or c.i in self.place_tokens:
                # "a reçu le 3 mars le ministre": the date is no object, but the parser may
                # hang the object under it
                hidden = self._under_circumstance(c, dated | self.place_tokens)
                if hidden and c.i > tok.i:
                    _add(args.objects, hidden)
                    last = args.objects
                continue
            if (c.dep_ in ("obj", "iobj") or (
                c.dep_ in ("obl:mod", "obl", "nmod") and c.i > tok.i and c.pos_ in (
                    "NOUN", "PROPN") and not any(
                    x.dep_ in ("case", "mark") for x in c.children))) and not case:
                target = args.objects  # an object after a date or place: "obl:mod" in the parse
            elif c.dep_ == "iobj" or (c.dep_ == "obl:arg" and case in _TO):
                target = args.to
            elif c.dep_.startswith("obl") and (case in _WITH or case == "entre"):
                target = args.with_
            elif c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case == "par"):
                target = args.agent
            elif c.dep_.startswith("obl") and case in _DESTINATION:
                target = args.destination
            elif c.dep_.startswith("obl") and case in _FOR:
                target = args.beneficiary
            elif c.dep_ == "obl:arg" and not case and fold(c.text) in ("ceux", "celles"):
                target = args.objects
            elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and last is not None:
                target = last  # an argument's conjunct the parser hung on the verb
            elif last is not None and c.dep_.startswith("obl") and case in _OF and (
                c.i > tok.i
            ):
                target = last  # "les ambassadeurs de l'Allemagne, de la Belgique ..."
            elif last is not None and c.pos_ == "VERB" and c.i in self.resolver.table.by_token:
                target = last  # a name the parser read as a verb ("Narendra Modi")
            else:
                continue
            _add(target, self.participants(c))
            last = target
        if last is not None:
            _add(last, self._listed_after(tok, last))
        if args.passive:
            args.subjects, args.objects = args.agent, args.subjects
            args.agent = []
        return args

    def _listed_after(self, tok: Token, found: list[Participant]) -> list[Participant]:
        """People listed after the last one found, whom a broken parse left out: "les
        ambassadeurs chinois X, indonésien Y et américain Z", "X, le colonel Y et le colonel Z".
        Between two names only a comma or "et", an article, titles and nationalities."""
        table = self.resolver.table
        persons = [p for p in found if isinstance(p, int) and table.actors[p].kind == "person"]
        if not persons or persons[-1] != found[-1]:
            return []
        doc, end_of = tok.doc, tok.sent.end
        ends = [e for s, e in table.actors[persons[-1]].mentions if tok.i < s < end_of]
        if not ends:
            return []
        listed: list[Participant] = []
        k = ends[0]
        while k < end_of and (doc[k].text == "," or fold(doc[k].text) == "et"):
            j = k + 1
            if j < end_of and fold(doc[j].text) == "et":
                j += 1
            gap = 0
            while j < end_of and gap < 8 and not self._person_at(j) and (
                    doc[j].pos_ == "DET" or geo.nationality(doc[j].text)
                    or self.resolver._title_key(doc[j]) is not None
                    or (gap and fold(doc[j].text) in _OF)
                    or (gap and doc[j].text[:1].isupper() and doc[j].pos_ in ("NOUN", "PROPN"))):
                j, gap = j + 1, gap + 1  # "le secrétaire du Conseil", "indonésien"
            idx = table.by_token.get(j)
            if idx is None or table.actors[idx].kind != "person" or idx in found or (
                    idx in listed):
                break
            listed.append(idx)
            k = next(e for s, e in table.actors[idx].mentions if s == j)
        return listed

    def _under_circumstance(self, circ: Token, skipped: frozenset[int]) -> list[Participant]:
        """Participants of a bare noun phrase that the parser hung under a date or place
        ("a reçu le 30 novembre le vice-président ...": "vice-président" as nmod of "novembre")."""
        found: list[Participant] = []
        for x in circ.subtree:
            if (x.i not in skipped and x.head.i in skipped and x.i > circ.i
                    and x.dep_ in ("nmod", "appos") and x.pos_ in ("NOUN", "PROPN")
                    and not case_of(x)):
                _add(found, self.participants(x))
        return found

    @staticmethod
    def finite(tok: Token) -> Token:
        """The finite word of a verb group: its tensed auxiliary, else the verb."""
        for c in tok.children:
            if c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm", []):
                return c
        return tok

    def complements(self, noun: Token, cases: frozenset[str]) -> list[Participant]:
        """Participants in a noun's complements with one of ``cases``, two levels down
        ("son aide directe au gouvernement burundais", "le financement de la Mission pour le
        Burundi")."""
        found: list[Participant] = []
        frontier = [noun]
        for _ in range(2):
            nxt = []
            for n in frontier:
                for c in n.children:
                    if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg"):
                        here = self.participants(c) if case_of(c) in cases else []
                        _add(found, here)
                        if not here:  # "son soutien pour les priorités du Vietnam au Conseil
                            nxt.append(c)  # de sécurité": the Council is where, not whom
            frontier = nxt
        return found
