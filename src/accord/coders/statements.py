"""Statements coder: reported speech, who said what and when.

A statement is a reporting verb of ``reporting_verbs.tsv`` with what it reports:

- a clause, an infinitive or an adjective: "a déclaré que ...", "annonce avoir pris le
  pouvoir", "dit regretter", "se dit optimiste", "recommandent à leurs citoyens de rester";
- for some verbs a noun phrase: "dénonce une tentative de coup d'État", "ont reconnu leur
  responsabilité";
- a quotation written right after it: "a réagi : « ... »", "parle de « boycottage »";
- in an incise, the clause before it: "« ... », a déclaré M. MacLauchlan", "..., a-t-il
  souligné", "Il restera ouvert indique enfin le secrétariat général".

The speaker is the verb's subject (through coordination, control, a relative "qui", the verb a
participle depends on: "ont reconnu leur responsabilité, indiquant ..."), the agent of a passive
("un autre contrat a été annoncé par Abbas Akhoundi") or the subject written after the verb of
an incise. It is resolved through the document's actors: a name, a title ("le ministre"), "ce
dernier", a pronoun (the last speaker). Coordinated speakers make one statement each; a speaker
that names no actor ("un proche du Président") is unnamed (``None``).

Not statements: verbs inside a quotation (they belong to the quoted words), in the first or
second person (the writer: "Rappelons que"), negated or hypothetical, "c'est-à-dire", "il faut
dire", "vouloir dire", a passive without agent ("est annoncé en sécurité"), and the headline,
which retells the body.

The date is the one written in the clause, else what the tense gives on the article's time line
(:class:`~accord.coders.event_dates.EventClock`, as for events).

Writes ``doc._.statements``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from accord.coders.annotations import Participant, StatementAnn, text_of
from accord.coders.event_dates import EventClock, tense
from accord.coders.roles import Roles, case_of, passive_agent, subject_heads, verb_chain
from accord.coders.verbs import first_group_lemma, hypothetical, just_did, negated
from accord.vocab.lexicon import Lexicon, ReportingVerb
from accord.vocab.text import fold

__all__ = ["code_statements", "quoted_ranges"]

_CLAUSE_DEPS = frozenset({"ccomp", "obj:clause", "csubj"})
_OPENING = {"«": "»", "“": "”", '"': '"'}
_INVERTED = frozenset({"-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle", "-on", "-t-on"})
_REFLEXIVE = frozenset({"se", "s'"})
_ATTITUDE_ADJECTIVES = frozenset({"convaincre", "convaincu", "certain", "sur", "persuade",
                                  "persuader", "heureux", "pret"})
_IMPERSONAL = frozenset({"falloir"})  # "il faut rappeler que": the writer
_MEANING = frozenset({"vouloir", "entendre"})  # "veut dire", "entendre dire": no speaker
_BEFORE_QUOTE = frozenset({":", "par", "de", "d'"})
_WRITER_PRONOUNS = frozenset({"je", "j'", "nous", "tu", "vous"})
_SENTENCE_END = frozenset({".", ";", "!", "?"})
_LOOKAHEAD = 24  # tokens scanned for a complement the parse missed
_NOBODY = frozenset({"on", "rien", "personne", "nul"})
_VOICES = frozenset({"voix", "intermediaire", "bouche", "biais"})  # "par la voix de X"
# nouns of a view or a wish that a verb of sharing or uttering reports (French FrameNet's
# FR_Awareness-Certainty-Opinion and Desiring nouns; "point de vue" by its head)
_OPINIONS = frozenset({"avis", "point", "opinion", "conviction", "sentiment", "idee", "vue",
                       "position", "souhait", "voeu", "desir", "espoir"})
_OBJECT_CLITICS = frozenset({"l'", "l’", "le", "la", "lui", "leur"})
# complements of what a verb of praise or telling addresses ("insiste sur", "informé de")
_ADDRESSED_CASES = frozenset({"sur", "de", "d'", "du", "des", "pour"})


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges (opening mark, closing mark) of the quotations in ``text``, outermost
    only; a quotation left open ends with its paragraph."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if stack and ch == _OPENING[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                ranges.append((start, i))
        elif ch in _OPENING:
            stack.append((ch, i))
        elif ch == "\n":
            stack.clear()
    return ranges


def _group_start(tok: Token) -> int:
    """The first word of a verb group: its first auxiliary, else the verb."""
    return min([tok.i, *[c.i for c in tok.children if c.dep_.startswith("aux")]])


def _infinitive(tok: Token) -> bool:
    """"frapper", "avoir voulu", "avoir été trompés"."""
    return any("Inf" in t.morph.get("VerbForm", [])
               for t in [tok, *[c for c in tok.children if c.dep_.startswith("aux")]])


@dataclass
class _Coder:
    doc: Doc
    lex: Lexicon
    roles: Roles
    clock: EventClock
    headline_end: int
    quotes: list[tuple[int, int]] = field(default_factory=list)
    last_speaker: int | None = None
    last_sentence: int = -1
    last_date: str | None = None
    idiom: set[int] = field(default_factory=set)  # the words of a multi-word verb after its
    # light verb ("part" of "a fait part de"), which are not what it reports

    # -- what counts as a reporting verb -----------------------------------------------------
    def entry(self, tok: Token) -> ReportingVerb | None:
        verbs = self.lex.reporting_verbs
        self.idiom = set()
        if tok.dep_.startswith("aux") or tok.dep_ in ("case", "mark", "det", "fixed", "advmod"):
            return None  # ("en haute estime" tagged a verb the parse hangs as an adverbial)
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in verbs:
            return verbs[tok.lemma_]
        if tok.pos_ == "VERB" and tok.lemma_ in self.lex.reporting_light_verbs:
            for c in tok.children:  # "a fait part de", "fait savoir que", "a mis l'accent sur"
                if c.dep_ in ("obj", "xcomp", "obl:mod", "obl:arg", "advmod") and c.i > tok.i:
                    words = c.lemma_ if c.dep_ == "xcomp" else self.doc[c.left_edge.i:c.i + 1].text
                    entry = verbs.get(f"{tok.lemma_} {words.lower()}")
                    if entry is not None:
                        self.idiom = set(range(c.left_edge.i, c.i + 1))
                        return entry
        # the lemmatizer's slips ("indique", "estime"), and verbs the tagger read as nouns when
        # they have a subject ("L'armée turque annonce, via un communiqué, avoir pris")
        if tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            lemma = first_group_lemma(tok.text, verbs.__contains__)
            if lemma is not None:
                return verbs[lemma]
        return None

    def _quoted(self, char: int) -> bool:
        k = bisect.bisect_right(self.quotes, (char, len(text_of(self.doc)))) - 1
        return k >= 0 and self.quotes[k][0] < char < self.quotes[k][1]

    @staticmethod
    def _writer(tok: Token) -> bool:
        """"Rappelons que", "notons que", "nous dirons": the writer speaks, nobody reported.
        (The tagger's person is not trusted alone: "parle" is also a first person.)"""
        subjects = [fold(c.text) for c in tok.children if c.dep_.startswith("nsubj")]
        if any(s in _WRITER_PRONOUNS for s in subjects):
            return True
        return not subjects and (
            "Imp" in tok.morph.get("Mood", []) or fold(tok.text).endswith(("ons", "ez"))
        ) and "Fin" in tok.morph.get("VerbForm", [])

    def excluded(self, tok: Token, lemma: str) -> bool:
        if tok.i < self.headline_end or self._quoted(tok.idx):
            return True
        if self._writer(tok):
            return True
        if lemma == "dire" and text_of(self.doc)[max(0, tok.idx - 1):tok.idx] == "-":
            return True  # "c'est-à-dire"
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i:
            governor = fold(tok.head.lemma_)
            if governor in _IMPERSONAL or (lemma == "dire" and governor in _MEANING):
                return True
        if "Inf" in tok.morph.get("VerbForm", []) and tok.dep_ == "advcl" and not any(
                c.dep_ in ("mark", "case") and fold(c.text) in ("avant", "apres")
                for c in tok.children):
            return True  # "n'est pas sans rappeler", "pour soutenir ses alliés" (but "...,
            # avant de demander à X de ...": the next thing the speaker said)
        if tok.i == tok.sent.start and "Part" in tok.morph.get("VerbForm", []) and (
                "Pres" in tok.morph.get("Tense", [])):
            return True  # "Soulignant la nécessité ..., X a invité": what X says is the verb
        return negated(tok, climb=tok.dep_ == "xcomp") or hypothetical(tok)

    # -- what is reported -------------------------------------------------------------------
    def _subtree_span(self, tok: Token, after: int) -> tuple[int, int] | None:
        span = list(tok.subtree)
        start, end = span[0].i, span[-1].i + 1
        while start < tok.i and (self.doc[start].dep_ in ("mark", "punct")
                                 or self.doc[start].text in ("«", "“")):
            start += 1
        while end > start + 1 and self.doc[end - 1].is_punct:
            end -= 1
        return (start, end) if end > after else None

    def _clause(self, tok: Token) -> tuple[int, int] | None:
        reflexive = any(fold(c.text) in _REFLEXIVE for c in tok.children
                        if c.dep_ in ("obj", "expl:comp", "expl:pv", "expl"))
        for c in tok.children:
            if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                return self._subtree_span(c, tok.i)
            if c.dep_ != "xcomp" and not (reflexive and c.dep_ == "advcl" and c.i == tok.i + 1):
                continue  # (the parse may attach "s'est déclaré convaincu de" as an adverbial)
            if c.pos_ in ("VERB", "ADJ") and fold(c.lemma_) in _ATTITUDE_ADJECTIVES:
                inner = self._clause(c)  # "s'est dit convaincu que ..."
                if inner:
                    return inner
            participle = c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm", []) and not any(
                x.dep_.startswith("aux") for x in c.children)
            if (c.pos_ in ("VERB", "AUX") and _infinitive(c)) or (
                (c.pos_ == "ADJ" or participle) and reflexive
            ):
                return self._subtree_span(c, tok.i)  # "indique vouloir", "se dit optimiste",
                # "s'est déclaré satisfait du développement"
        # "recommandent à leurs citoyens de rester", "appelle le gouvernement à continuer"
        for c in tok.children:
            if c.dep_ in ("obl:arg", "iobj", "obj") and c.i > tok.i:
                for x in c.children:
                    if x.dep_ in ("acl", "xcomp") and _infinitive(x):
                        return self._subtree_span(x, tok.i)
        # the parse missed the complement: a "que" after the verb's own complements ("a
        # rappelé au cours d'un voyage en Allemagne que ..."), or, for a verb read as a noun,
        # its first infinitive past an aside (where the parser may even start a sentence)
        for t in self.doc[tok.i + 1:min(len(self.doc), tok.i + _LOOKAHEAD)]:
            if t.text in _SENTENCE_END or "\n" in t.text:
                break
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) or (
                tok.pos_ != "NOUN" and t.pos_ == "VERB"
            ):
                break  # another verb's complement
            if fold(t.text) in ("que", "qu'") and t.pos_ in ("SCONJ", "ADV"):
                return self._until_sentence_end(t.i + 1)
            if tok.pos_ == "NOUN" and t.pos_ in ("VERB", "AUX") and _infinitive(t):
                return self._until_sentence_end(t.i)
        return None

    def _until_sentence_end(self, start: int) -> tuple[int, int] | None:
        """From ``start`` to the next full stop (not the parser's sentence end, which the
        rescues above may have crossed)."""
        end = start
        while end < len(self.doc) and self.doc[end].text not in _SENTENCE_END and (
            "\n" not in self.doc[end].text
        ):
            end += 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        return (start, end) if end > start else None

    def _noun(self, tok: Token) -> tuple[int, int] | None:
        """A noun phrase object; one that designates an actor is a subject the parse misread
        ("C'est ce qu'a annoncé le président de la Région")."""
        for c in tok.children:
            if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and c.i > tok.i and (
                    c.i not in self.idiom):
                if self.roles.resolver.resolve(c):
                    return None
                return self._subtree_span(c, tok.i)
        return None

    def _addressed(self, tok: Token) -> tuple[int, int] | None:
        """What a verb of praise, thanks or telling addresses, an actor included: its object
        ("a salué la visite", "a remercié le Vietnam d'avoir ...") or its complement ("a
        insisté sur le développement", "l'a informé de la décision")."""
        objects = [c for c in tok.children if c.i > tok.i and c.i not in self.idiom and (
            c.dep_ in ("obj", "iobj") and c.pos_ in ("NOUN", "PROPN"))]
        complements = [c for c in tok.children if c.i > tok.i and c.dep_.startswith("obl") and (
            case_of(c) in _ADDRESSED_CASES) and c.pos_ in ("NOUN", "PROPN", "VERB")]
        for c in objects or complements:
            span = self._subtree_span(c, tok.i)
            after = [x for x in tok.children if x.i > c.i and (x in complements or (
                x.dep_ == "xcomp" and _infinitive(x)))]
            if span is not None and objects and after:  # "le Vietnam d'avoir créé ..."
                last = self._subtree_span(after[-1], tok.i)
                span = (span[0], last[1]) if last is not None else span
            return span
        return None

    def _opinion(self, tok: Token) -> tuple[int, int] | None:
        """An object that names a view or a wish, and what follows it: "ont partagé le point
        de vue selon lequel ...", "a émis le souhait de voir ..."."""
        for c in tok.children:
            if c.dep_ == "obj" and c.i > tok.i and fold(c.lemma_) in _OPINIONS:
                return self._subtree_span(c, tok.i)
        return None

    def _quotation(self, tok: Token) -> tuple[int, int] | None:
        """A quotation after the verb, past its complements and a colon."""
        colon = False
        for k in range(tok.i + 1, min(len(self.doc), tok.i + 14)):
            t = self.doc[k]
            if t.text in _OPENING:
                # "parle de « boycottage »", "évoque un « ignoble attentat »", "a parlé du
                # « procès »": the quotation opens the verb's complement
                near = k - tok.i <= 4 and all(
                    fold(x.text) in _BEFORE_QUOTE or x.is_space or x.pos_ in ("DET", "ADJ")
                    or x.dep_ == "case" for x in self.doc[tok.i + 1:k]
                )
                if not (colon or near):
                    return None
                inside = self._inside_quotation(t.idx, opening=True)
                return inside if inside is not None and inside[1] > inside[0] else None
            if t.text == ":":
                colon = True
            elif t.text in _SENTENCE_END or (
                t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
            ):
                return None
        return None

    def _incise(self, tok: Token) -> tuple[tuple[int, int], list[Token]] | None:
        """"« ... », a déclaré M. X" / "..., a-t-il souligné": the verb after its clause,
        with its subject written after it. Returns the content and the subject."""
        if any(c.dep_.startswith("nsubj") and c.i < tok.i and fold(c.text) not in _INVERTED
               and fold(c.text) not in ("-t", "t") for c in tok.children) or (
            "Fin" not in Roles.finite(tok).morph.get("VerbForm", [])
        ):
            return None  # a subject before the verb, but "a-t-il déclaré" is an incise
        if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.i < tok.i for c in tok.children):
            return None  # "X a fait part de ... et a prévenu de ...": coordinated, no incise
        sent = tok.sent
        group_start = _group_start(tok)
        subject: list[Token] = []
        for t in self.doc[group_start:min(sent.end, tok.i + 3)]:
            if fold(t.text) in _INVERTED:
                subject = [t]
                break
        if not subject:
            subject = [c for c in tok.children if c.i > tok.i and (
                c.dep_.startswith("nsubj") or (c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN"))
            )]
            if not subject:
                return None
        quoted = self._quotation_before(group_start)
        if quoted is not None and self._named_in_quotes(quoted):
            return None  # "Le groupe autoproclamé « État islamique » a revendiqué": a name
        if quoted is not None:
            return quoted, subject
        stop = group_start
        while stop > sent.start and (self.doc[stop - 1].is_punct or self.doc[stop - 1].is_space):
            stop -= 1
        first = sent.start
        while first < stop and (self.doc[first].is_punct or self.doc[first].is_space):
            first += 1
        if stop - first < 3:
            return None
        return (first, stop), subject

    # -- who said it --------------------------------------------------------------------------
    def _speakers_of(self, subjects: list[Token], before: int | None = None
                     ) -> list[Participant]:
        """The actors the subjects name; a pronoun after the words it reports ("« ... », a-t-il
        déclaré") stands for someone spoken of ``before`` them, not inside them."""
        found: list[Participant] = []
        table = self.roles.resolver.table
        for s in subjects:
            nxt = self.doc[s.i + 1] if s.i + 1 < len(self.doc) else None
            if s.pos_ == "PRON" and nxt is not None and nxt.text in ("[", "("):
                # "Elle [l'UE] vient d'annoncer"
                for t in self.doc[nxt.i + 1:min(len(self.doc), nxt.i + 8)]:
                    if t.text in ("]", ")"):
                        break
                    if t.i in table.by_token:
                        found.append(table.by_token[t.i])
                        break
                if found:
                    continue
            antecedent = self._antecedent(s)
            if antecedent is None and before is not None and before < s.i and fold(
                    s.text).lstrip("-") in ("il", "elle"):
                antecedent = self.roles.resolver.last_subject_person(before, fold(s.text))
            speakers = self.roles.participants(s, antecedent)
            if len(speakers) > 1 and _designates_a_group(s, table.by_token):
                # "les deux parties ont affirmé", "elles ont souligné": they speak together,
                # no one of them by name
                return []
            for p in speakers:
                if p not in found:
                    found.append(p)
        return found

    def _inside_quotation(self, mark: int, opening: bool) -> tuple[int, int] | None:
        """Token span of the words of the quotation whose opening (or closing) mark is at
        character ``mark``."""
        for q_start, q_end in self.quotes:
            if (q_start if opening else q_end) == mark:
                span = self.doc.char_span(q_start + 1, q_end, alignment_mode="contract")
                return (span.start, span.end) if span is not None else None
        return None

    def _closing_mark_before(self, i: int) -> Token | None:
        """The closing quotation mark just before token ``i``, past a comma."""
        k = i - 1
        while k >= 0 and (self.doc[k].text == "," or self.doc[k].is_space):
            k -= 1
        return self.doc[k] if k >= 0 and self.doc[k].text in ("»", "”", '"') else None

    def _named_in_quotes(self, quoted: tuple[int, int]) -> bool:
        """A few words in quotation marks right after a word of the sentence ("le groupe
        autoproclamé « État islamique »"): a name or a term, not words reported."""
        start = quoted[0]
        while start > 0 and self.doc[start - 1].is_punct and self.doc[start - 1].is_quote:
            start -= 1
        if start == quoted[0] or start == 0 or start <= self.doc[quoted[0]].sent.start:
            return False
        before = self.doc[start - 1]
        return quoted[1] - quoted[0] <= 4 and before.pos_ in ("NOUN", "ADJ", "VERB", "PROPN")

    def _quotation_before(self, i: int) -> tuple[int, int] | None:
        """The quotation that ends just before token ``i`` (past a comma), which the parser
        may have made a sentence of its own."""
        mark = self._closing_mark_before(i)
        inside = None if mark is None else self._inside_quotation(mark.idx, opening=False)
        return inside if inside is not None and inside[1] - inside[0] >= 2 else None

    def _antecedent(self, tok: Token) -> int | None:
        """Whom "il" / "elle" stands for: the last speaker when that is a person or spoke in
        the same sentence ("Le Pentagone a précisé qu'il visait ... et dit regretter"), else
        the resolver's last person."""
        if self.last_speaker is None:
            return None
        actor = self.roles.resolver.table.actors[self.last_speaker]
        resolver = self.roles.resolver
        if fold(tok.text) in ("il", "ils") and resolver.feminine(actor):
            return None  # "il" is not the woman who spoke last
        if fold(tok.text) == "elle" and actor.kind == "person" and resolver.women and (
                actor.idx not in resolver.women):
            return None  # nor "elle" a man who spoke last, when a woman is in the text
        verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj")]
        if any(c.pos_ == "PRON" and fold(c.text) in _OBJECT_CLITICS and c.dep_ in (
                "obj", "iobj", "obl:arg") for v in verbs for c in v.children):
            return None  # "qui l'a félicité. ... il lui a rendu hommage": who spoke last is
            # now spoken to
        if self.last_sentence == tok.sent.start:
            return self.last_speaker
        if actor.kind == "person":
            # "X a déclaré ... Y sait que ... Il estime": the person who became the subject
            # since, outside quotations
            resolver = self.roles.resolver
            recent = resolver.last_subject_person(tok.i, fold(tok.text))
            if recent is not None and recent != self.last_speaker and any(
                    self.doc[s].sent.start > self.last_sentence and not self._quoted(
                        self.doc[s].idx) for s, _ in resolver.table.actors[recent].mentions
                    if s < tok.sent.start):
                return None
            return self.last_speaker
        return None

    def _subjects(self, tok: Token) -> list[Token]:
        heads, _ = subject_heads(tok)
        if heads:
            return heads
        if _participle_of(tok) and "Pres" in tok.morph.get("Tense", []) and (
                self.roles.resolver.resolve(tok.head) or not any(
                    t.text == "," for t in self.doc[tok.head.i:tok.i])):
            # "le président promettant ...", "la comédienne X, dénonçant ..." (not "ont
            # reconnu leur responsabilité, indiquant ...": the subject of the verb speaks)
            return [tok.head]
        # a participle or gerund takes the subject of the verb it depends on
        if tok.dep_ in ("advcl", "acl", "conj") or "Part" in tok.morph.get("VerbForm", []):
            cur = tok
            for _ in range(4):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    heads, _ = subject_heads(cur)
                    if heads:
                        return heads
        return []

    # -- main ---------------------------------------------------------------------------------
    def code(self, tok: Token) -> list[StatementAnn]:
        entry = self.entry(tok)
        if entry is None or self.excluded(tok, entry.lemma):
            return []
        content: tuple[int, int] | None = None
        subjects: list[Token] = []
        continued = False  # the same speaker goes on
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
            agent = passive_agent(tok) if entry.noun else None
            if agent is None:
                return []  # "est annoncé en sécurité": nobody speaks
            # "un autre contrat a été annoncé par X"
            subj = [c for c in tok.children if c.dep_ == "nsubj:pass"]
            if subj and fold(subj[0].text) in ("il", "elle", "ils", "elles"):
                return []  # "il a été critiqué par X": what X said is not written
            content = self._subtree_span(subj[0], -1) if subj else None
            subjects = [agent]
        elif _participle_of(tok) and entry.noun and (agent := passive_agent(tok)) is not None:
            # "l'ouverture d'une enquête, annoncée par le ministre X": what the noun the
            # participle qualifies names, said by the agent
            start, end = tok.head.left_edge.i, tok.left_edge.i
            while start < end and self.doc[start].pos_ == "ADP":
                start += 1
            while end > start and self.doc[end - 1].is_punct:
                end -= 1
            content = (start, end) if end > start else None
            subjects = [agent]
        else:
            if entry.clause:
                content = self._clause(tok)
                if content is not None and " " in entry.lemma and content[1] - content[0] == 1:
                    # "a fait savoir que ...": the words after the light verb's "que"
                    content = next((self._until_sentence_end(t.i + 1) for t in self.doc[
                        content[1]:min(len(self.doc), content[1] + 3)] if fold(t.text) in (
                        "que", "qu'")), content)
                if content is not None and entry.finite_only and _infinitive(
                        self.doc[content[0]:content[1]].root):
                    return []  # "souhaite se présenter": a wish, not words reported
            if content is None and entry.quote:
                content = self._quotation(tok)
            if content is None and entry.noun:
                content = self._noun(tok)
            if content is None and entry.addressee:
                content = self._addressed(tok)
            if content is None and entry.opinion:
                content = self._opinion(tok)
            if content is None and entry.clause:
                incise = self._incise(tok)
                if incise is not None:
                    content, subjects = incise
        if content is None:
            return []
        if not subjects and _passive_participle(tok):
            agent = passive_agent(tok)  # "..., accusée par X de prendre ...": X accuses
            subjects = [agent] if agent is not None else []
        if subjects:
            speakers = self._speakers_of(subjects, before=content[0])
        elif self.last_speaker is not None and self._closing_mark_before(
            _group_start(tok)
        ) is not None:
            speakers = [self.last_speaker]  # "« ... » poursuivant par « ... »"
            continued = True
        else:
            subjects = self._subjects(tok)
            if any(fold(t.text) in _NOBODY for t in subjects):
                return []  # "On estime que", "rien ne dit que"
            speakers = self._speakers_of(subjects)
            if subjects and all(t.pos_ == "NOUN" and (t.lemma_, "NOUN") in self.lex.triggers
                                for t in subjects) and not any(
                    isinstance(p, int) for p in speakers):
                return []  # "Des émeutes ont éclaté, demandant que ...": a happening says
                # nothing
            if not subjects:
                if "Fin" not in Roles.finite(tok).morph.get("VerbForm", []):
                    return []
                # a subject the parse missed: the actors just before the verb, else unnamed
                speakers = self.roles.preceding_actors(tok)
        voice = self._voice(tok)
        if voice is not None:
            speakers = [voice]
        named: list[int | None] = [p for p in speakers if isinstance(p, int)]
        date = self.last_date if continued else self._date(tok, content)
        start, end = content
        span = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))
        out = [
            StatementAnn(speaker=speaker, verb=entry.lemma, date=date, verb_token=tok.i,
                         content=span, sent_start=tok.sent.start, content_tokens=content)
            for speaker in named or [None]
        ]
        if named:
            self.last_speaker, self.last_sentence = named[0], tok.sent.start
        self.last_date = date
        return out

    def _voice(self, tok: Token) -> int | None:
        """Who speaks for the subject: "la Russie indique par la voix d'Igor Morozov que ...",
        "par l'intermédiaire de son porte-parole X"."""
        for c in tok.children:
            if c.dep_.startswith("obl") and case_of(c) == "par" and fold(c.lemma_) in _VOICES:
                for x in c.children:
                    if x.dep_ == "nmod":
                        found = self.roles.resolver.resolve(x)
                        if len(found) == 1:
                            return found[0]
        return None

    def _date(self, tok: Token, content: tuple[int, int]) -> str | None:
        anchors = verb_chain(tok)
        written = self.clock.written(anchors)
        if written is not None and content[0] <= written.start < content[1]:
            written = None  # a date of the reported words, not of their saying
        if written is not None and written.value:
            return written.value
        when = "recent" if just_did(tok) else tense(tok)
        if tok.dep_ in ("advcl", "acl") and "Part" in tok.morph.get("VerbForm", []):
            cur = tok.head
            while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
                cur = cur.head
            when = tense(cur)
        return self.clock.default(tok, when, lead_only=False)


def code_statements(doc: Doc, lex: Lexicon, roles: Roles, clock: EventClock,
                    headline_end: int) -> list[StatementAnn]:
    coder = _Coder(doc, lex, roles, clock, headline_end, quoted_ranges(text_of(doc)))
    statements: list[StatementAnn] = []
    for tok in doc:
        statements.extend(coder.code(tok))
    # the predicate of reported words belongs to them ("a déclaré espérer que ...", "a déclaré :
    # le Vietnam salue l'accord"), and so do the predicates coordinated with it when another
    # speaker is their subject ("a affirmé que les parties étaient prêtes et souhaitaient ...")
    return [s for s in statements if not any(
        o.verb_token != s.verb_token and o.content_tokens is not None
        and _reported_by(doc, o.content_tokens, s.verb_token, o.speaker != s.speaker)
        for o in statements)]


def _designates_a_group(tok: Token, named: dict[int, int]) -> bool:
    """A plural noun phrase or pronoun that names no one ("les deux parties", "les deux
    ministres", "elles"), not coordinated names."""
    if tok.i in named or any(c.dep_ == "conj" for c in tok.children):
        return False
    if any(t.i in named for t in tok.subtree):
        return False  # "les ministres X et Y"
    return "Plur" in tok.morph.get("Number", []) and tok.pos_ in ("NOUN", "PRON")


def _reported_by(doc: Doc, content: tuple[int, int], verb: int, other_speaker: bool) -> bool:
    root = doc[content[0]:content[1]].root
    return verb == root.i or other_speaker and any(
        c.i == verb for c in root.children if c.dep_ == "conj")


def _passive_participle(tok: Token) -> bool:
    """A past participle standing alone, with no auxiliary: "accusée par X de ..."."""
    return tok.dep_ in ("advcl", "acl", "conj") and "Part" in tok.morph.get("VerbForm", []) and (
        "Past" in tok.morph.get("Tense", [])) and not any(
        c.dep_.startswith("aux") for c in tok.children)


def _participle_of(tok: Token) -> bool:
    """A participle that qualifies the noun before it ("le président promettant ...",
    "une enquête, annoncée par ...")."""
    return tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", []) and (
        tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i) and not any(
        c.dep_ == "mark" for c in tok.children)  # "en lui indiquant": a gerund

