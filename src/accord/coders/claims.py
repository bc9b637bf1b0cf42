"""Claims coder: numbers the article asserts, with what they count, whom they are about and who
asserts them.

Number expressions come from :func:`accord.numbers.find_numbers` (dates, ordinals, ages, model
names are not claims). The unit is the counted noun phrase after the number; the holder is the
actor of the country a nationality adjective in the unit names ("soldats syriens" → the Syrian
army), else the subject of the clause that holds the number ("son ministère entretient des
relations avec 162 organismes"); the source is the speaker of the statement that reports it, else the actor its
sentence cites ("selon l'agence Anatolie", "d'après le média Ikiriho"), else nobody. A number
that counts the noun of the number before it takes that unit ("256 avions dont 150 sont
opérationnels", "en blesse 110 autres"). A headline number the body tells again is the body's; a headline percentage is not a claim.

Writes ``doc._.claims``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord.coders.annotations import ClaimAnn, StatementAnn, text_of
from accord.coders.resolve import Resolver
from accord.coders.roles import attributions, subject_heads
from accord.vocab import geo
from accord.vocab.numbers import find_numbers
from accord.vocab.text import fold

__all__ = ["code_claims"]

_UNIT_STOP_ADP = frozenset({"dans", "avec", "à", "en", "pour", "sur", "par", "selon", "depuis",
                            "contre", "vers", "entre", "au", "aux", "dont"})


def _unit(doc: Doc, start_char: int) -> str:
    """The counted noun phrase starting at ``start_char`` (after "de" for "des milliers de")."""
    # at most 8 tokens are kept: 300 characters are enough, and a span to the end of the text
    # costs as much as the text is long
    end = min(len(text_of(doc)), start_char + 300)
    span = doc.char_span(start_char, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    tokens: list[Token] = []
    for tok in span:
        if not tokens and tok.pos_ in ("ADP", "DET") and tok.text.lower() in ("de", "d'", "d’", "des"):
            continue
        if tok.is_space or (tok.is_punct and tok.text not in ("'", "’", "-", "%")):
            break
        if tok.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
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
    return text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _clause_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _elided(doc: Doc, num: Token, unit: str) -> bool:
    """"256 avions dont « 150 sont opérationnels »", "tue 90 soldats et en blesse 110
    autres": the number counts the noun of the number before it."""
    if fold(unit.split(" ")[0]) in ("autres", "autre"):
        return True
    before = [t for t in doc[max(num.sent.start, num.i - 3):num.i] if not t.is_punct]
    return not unit and bool(before) and fold(before[-1].text) in ("dont", "parmi", "sur")


def _national_holder(resolver: Resolver, unit: str) -> int | None:
    """"soldats syriens" → the Syrian army, "% du budget burundais" → Burundi: the actor of
    the country a nationality adjective in the unit names, of the sector its noun gives."""
    words = unit.split()
    country = next((c for c in map(geo.nationality, words[1:]) if c), None)
    if country is None:
        return None
    head = fold(words[0])
    groups = resolver.lex.groups
    sector = groups.get(head, groups.get(head.rstrip("sx")))
    actors = [a for a in resolver.table.actors if a.country == country]
    for actor in actors:
        if sector is not None and actor.kind == "organization" and actor.sector == sector:
            return actor.idx
    return next((a.idx for a in actors if a.kind == "state"), None)


def _according_to(resolver: Resolver, num: Token) -> int | None:
    """"Selon l'agence Anatolie, ...", "D'après le média Ikiriho, ...": the source named in
    the number's sentence."""
    for head in attributions(num.sent):
        found = resolver.resolve(head)
        if found:
            return found[0]
    return None


def code_claims(
    doc: Doc, resolver: Resolver, statements: list[StatementAnn], headline_end: int = 0
) -> list[ClaimAnn]:
    claims: list[ClaimAnn] = []
    headline: list[int] = []  # indexes of the claims read in the headline
    for mention in find_numbers(text_of(doc)):
        if not mention.is_claim_candidate:
            continue
        num_span = doc.char_span(mention.num_start, mention.num_end, alignment_mode="expand")
        if num_span is None or len(num_span) == 0:
            continue
        if mention.measure == "percent":
            if num_span.start < headline_end:
                continue  # a headline's rate ("La croissance atteint 6,5 %") sums up the body
            unit = "%"
        elif mention.currency:
            unit = mention.currency
        else:
            unit = _unit(doc, mention.unit_start)
            previous = claims[-1] if claims else None
            if previous is not None and previous.sent_start == num_span.sent.start and (
                _elided(doc, num_span[0], unit)
            ):
                unit = previous.unit
        if not unit:
            continue
        source: int | None = None
        stmt = next((s for s in statements if s.content and s.content[0] <= mention.start
                     < s.content[1]), None)
        if stmt is not None:
            source = stmt.speaker
        else:
            source = _according_to(resolver, num_span.root)
        holder = _national_holder(resolver, unit)
        verb = _clause_verb(num_span.root) if holder is None else None
        if verb is not None:
            heads, _ = subject_heads(verb)
            for s in heads:
                found = resolver.resolve_all(s, source)
                if found:
                    holder = found[0]
                    break
        if num_span.start < headline_end:
            headline.append(len(claims))
        claims.append(ClaimAnn(
            quantity=mention.value, qualifier=mention.qualifier, unit=unit, holder=holder,
            source=source, span=(mention.start, mention.end), sent_start=num_span.sent.start,
        ))
    # a headline number the body tells again is the body's
    retold = {i for i in headline if any(
        c.quantity == claims[i].quantity and fold(c.unit) == fold(claims[i].unit)
        for c in claims[i + 1:] if c.sent_start >= headline_end)}
    return [c for i, c in enumerate(claims) if i not in retold]
