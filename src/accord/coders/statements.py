"""Statements coder: reported speech, who said what.

A reporting verb (``reporting_verbs.tsv``) with a reported clause: "a déclaré que ...",
"a suggéré aux deux parties de ...", "s'est dit convaincu que ...", or an incise after the
quoted clause ("..., a-t-il souligné"). The speaker is the verb's subject, resolved through the
document's actors ("il", "le ministre", "le vice-ministre Hoang Xuân Chiên").

Writes ``doc._.statements``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord.coders.annotations import DateAnn, StatementAnn
from accord.coders.resolve import Resolver
from accord.lexicon import Lexicon
from accord.text import fold

__all__ = ["code_statements"]

_CONTENT_DEPS = ("ccomp", "xcomp", "obj:clause")


def _content(tok: Token) -> tuple[int, int] | None:
    """Token span of the reported content, or None when the verb reports nothing."""
    for c in tok.children:
        if c.dep_ in _CONTENT_DEPS and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "ADJ") and c.lemma_ in (
                "convaincre", "certain", "sûr", "persuader", "heureux", "prêt",
            ):
                inner = _content(c)
                if inner:
                    return inner
            if c.dep_ == "xcomp" and c.pos_ not in ("VERB",):
                continue
            span = list(c.subtree)
            start = span[0].i
            while start < c.i and tok.doc[start].dep_ in ("mark", "punct"):
                start += 1
            end = span[-1].i + 1
            while end > start + 1 and tok.doc[end - 1].is_punct:
                end -= 1
            if end > tok.i:
                return start, end
    return None


def _incise(tok: Token) -> tuple[int, int] | None:
    """"..., a-t-il souligné." : the content is the clause before the comma."""
    inverted = any(c.dep_ == "expl:subj" or fold(c.text).startswith("-") for c in tok.children)
    sent = tok.sent
    if not inverted:
        if tok.dep_ not in ("parataxis", "advcl") or tok.head.i > tok.i:
            return None
        subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
        if not subj or subj[0].i < tok.i - 4:
            return None
    first = sent.start
    stop = tok.i
    while stop > first and (
        tok.doc[stop - 1].dep_.startswith("aux") or tok.doc[stop - 1].text in (",", "-t", "-il", "-elle")
    ):
        stop -= 1
    while stop > first and tok.doc[stop - 1].is_punct:
        stop -= 1
    if stop - first < 3:
        return None
    return first, stop


def code_statements(
    doc: Doc, lex: Lexicon, resolver: Resolver, dates: list[DateAnn], published: str | None
) -> list[StatementAnn]:
    statements: list[StatementAnn] = []
    narrative = published if published and len(published) == 10 else None
    dated: dict[int, str] = {}
    for d in dates:
        if d.value and len(d.value) >= 7:
            dated.setdefault(doc[d.start].sent.start, d.value)
    last_speaker: int | None = None
    for sent in doc.sents:
        if sent.start in dated:
            narrative = dated[sent.start]
        for tok in sent:
            lemma = tok.lemma_
            if tok.pos_ != "VERB" or lemma not in lex.reporting_verbs:
                continue
            content = _content(tok)
            if content is None:
                content = _incise(tok)
            if content is None:
                continue
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "expl:subj", "nsubj:pass")
                        and fold(c.text) not in ("-t",)]
            if not subjects:
                head = tok
                while head.dep_ in ("conj",) and head.head.i != head.i:
                    head = head.head
                    subjects = [c for c in head.children if c.dep_ == "nsubj"]
                    if subjects:
                        break
            speaker: int | None = None
            for s in subjects:
                found = resolver.resolve(s, last_speaker if fold(s.text).lstrip("-") in (
                    "il", "elle") else None)
                if found:
                    speaker = found[0]
                    break
            if speaker is None and any(fold(s.text).lstrip("-") in ("il", "elle") for s in subjects):
                speaker = last_speaker
            start_tok, end_tok = content
            start_char = doc[start_tok].idx
            end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
            statements.append(StatementAnn(
                speaker=speaker, verb=lemma, date=narrative, verb_token=tok.i,
                content=(start_char, end_char), sent_start=sent.start,
                content_tokens=(start_tok, end_tok),
            ))
            if speaker is not None and resolver.table.actors[speaker].kind == "person":
                last_speaker = speaker
    return statements
