"""Claims coder: numbers the article asserts, with what they count, whom they are about and who
asserts them.

Number expressions come from :func:`accord.numbers.find_numbers` (dates, ordinals, ages, model
names are not claims). The unit is the counted noun phrase after the number; the holder is the
subject of the clause that holds the number ("son ministère entretient des relations avec 162
organismes"); the source is the speaker of the statement that reports it, or nobody.

Writes ``doc._.claims``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord.coders.annotations import ClaimAnn, StatementAnn
from accord.coders.resolve import Resolver
from accord.coders.roles import subject_heads
from accord.numbers import find_numbers

__all__ = ["code_claims"]

_UNIT_STOP_ADP = frozenset({"dans", "avec", "à", "en", "pour", "sur", "par", "selon", "depuis",
                            "contre", "vers", "entre", "au", "aux", "dont"})


def _unit(doc: Doc, start_char: int) -> str:
    """The counted noun phrase starting at ``start_char`` (after "de" for "des milliers de")."""
    span = doc.char_span(start_char, len(doc.text), alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    tokens: list[Token] = []
    for tok in span:
        if not tokens and tok.pos_ in ("ADP", "DET") and tok.text.lower() in ("de", "d'", "d’", "des"):
            continue
        if tok.is_punct and tok.text not in ("'", "’", "-", "%"):
            break
        if tok.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON") and tokens:
            break
        if tok.pos_ == "ADP" and tok.text.lower() in _UNIT_STOP_ADP and tokens:
            break
        if tok.is_sent_start and tokens:
            break
        tokens.append(tok)
        if len(tokens) >= 8:
            break
    while tokens and tokens[-1].pos_ in ("ADP", "DET"):
        tokens.pop()
    if not tokens:
        return ""
    return doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _clause_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def code_claims(
    doc: Doc, resolver: Resolver, statements: list[StatementAnn]
) -> list[ClaimAnn]:
    claims: list[ClaimAnn] = []
    for mention in find_numbers(doc.text):
        if not mention.is_claim_candidate:
            continue
        if mention.measure == "percent":
            unit = "%"
        elif mention.currency:
            unit = mention.currency
        else:
            unit = _unit(doc, mention.unit_start)
        if not unit:
            continue
        num_span = doc.char_span(mention.num_start, mention.num_end, alignment_mode="expand")
        if num_span is None or len(num_span) == 0:
            continue
        source: int | None = None
        stmt = next((s for s in statements if s.content and s.content[0] <= mention.start
                     < s.content[1]), None)
        if stmt is not None:
            source = stmt.speaker
        holder: int | None = None
        verb = _clause_verb(num_span.root)
        if verb is not None:
            heads, _ = subject_heads(verb)
            for s in heads:
                found = resolver.resolve_all(s, source)
                if found:
                    holder = found[0]
                    break
        claims.append(ClaimAnn(
            quantity=mention.value, qualifier=mention.qualifier, unit=unit, holder=holder,
            source=source, span=(mention.start, mention.end), sent_start=num_span.sent.start,
        ))
    return claims
