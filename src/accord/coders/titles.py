"""Titles of persons: ranks and offices with their complements, and the chains of titles that
one name carries.

    le vice-ministre chinois de la Sécurité publique          office, country CHN
    le commandant de la Marine royale australienne            a rank with a complement: office
    ministre du Travail, des Invalides et des Affaires sociales   coordinated complements
    secrétaire à la Défense, ambassadeur du Vietnam en Australie, chef de la Mission permanente
    du Vietnam auprès de l'ONU, Secrétaire d'État chargé du Commerce extérieur

A complement is a run of groups, each a particle ("de", "à", "auprès de", "chargé de", "en"
before a state), an optional article, a head (a capitalised word, a portfolio word, a territory
noun or a common noun) and its adjectives. Groups coordinated by "," or "et" continue the
complement only when the next group starts with a particle. A nationality adjective right
after the head ("vice-ministre chinois") gives the country and is left out of the title; one
after "national(e)" is too ("l'Assemblée nationale française"); others belong to the name of
the body ("la Marine royale australienne") and give the country, except right after a common
noun ("le chef de la diplomatie russe").

Titles joined by "," or "et" ("le vice-président du Parti travailliste, vice-Premier ministre
et ministre de la Défense, Richard Marles") form a chain that :func:`title_chain` follows from
the title next to the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.vocab import geo
from accord.vocab.lexicon import Lexicon
from accord.vocab.numbers import ordinal_suffix
from accord.vocab.text import fold

__all__ = ["TitleSpan", "coordinated_groups", "find_titles", "state_at", "title_chain"]

_PARTICLES = frozenset({"de", "du", "des", "d'"})
_TO = frozenset({"a", "au", "aux"})  # "secrétaire à la Défense", "ministre adjointe aux Affaires"
_DETERMINERS = frozenset({"la", "l'", "le", "les"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})  # "le patron de cette banque"
# Words before an office that belong to it ("premier vice-président", "futur président").
_TITLE_MODIFIERS = frozenset(fold(w) for w in [
    "premier", "première", "second", "seconde", "deuxième", "troisième", "ancien", "ancienne",
    "ex", "futur", "future", "nouveau", "nouvelle", "haut", "haute",
])
# Adjectives after an office that belong to it ("secrétaire adjoint", "membre permanent",
# "Président élu", "maire sortant", "candidat républicain", "sénateur indépendant").
_POST_MODIFIERS = frozenset(fold(w) for w in [
    "adjoint", "adjointe", "adjoints", "adjointes", "permanent", "permanente", "élu", "élue",
    "délégué", "déléguée", "intérimaire", "exécutif", "exécutive", "principal", "principale",
    "honoraire", "suppléant", "suppléante", "sortant", "sortante", "indépendant", "indépendante",
    "républicain", "républicaine", "démocrate", "socialiste", "conservateur", "conservatrice",
    "travailliste", "écologiste", "centriste", "libéral", "libérale", "olympique",
    # the level of government an office is of ("ancienne ministre provinciale")
    "provincial", "provinciale", "fédéral", "fédérale", "régional", "régionale", "municipal",
    "municipale", "départemental", "départementale", "cantonal", "cantonale",
])
# Common nouns that may close an office's complement ("le Premier ministre de l'île").
TERRITORY_NOUNS = frozenset(
    fold(w) for w in ["île", "province", "région", "pays", "territoire", "ville", "république",
                      "royaume", "émirat", "principauté", "état", "commune", "district"]
)
# Offices whose complement is a portfolio ("ministre de la Défense"); the complement of other
# offices names a body ("commandant de la Marine royale australienne", "membre du Politburo").
_MINISTER = re.compile(r"ministre|secretaire d'etat")
_NATIONAL = frozenset({"national", "nationale", "nationaux", "nationales"})
_MAX_GROUPS = 6


@dataclass(frozen=True, slots=True)
class TitleSpan:
    start: int  # token span of the whole title
    end: int
    text: str  # the title as written, without the article and nationality adjective
    head: str  # folded lexicon entry ("vice-ministre")
    kind: str
    country: str | None  # from a nationality adjective or a state inside the title
    states: tuple[tuple[int, int], ...] = ()  # token spans of states named in the complement
    portfolio: tuple[int, int] | None = None  # tokens of a list of portfolios ("... et du X")
    body: tuple[int, int] | None = None  # a complement that names a body ("de la Marine ...")
    singular: str | None = None  # a plural office in the singular ("les candidats" → "candidat")


@dataclass(slots=True)
class _Complement:
    end: int
    country: str | None = None
    skip: frozenset[int] = frozenset()
    states: tuple[tuple[int, int], ...] = ()
    groups: int = 0
    coordinated: bool = False
    named: bool = False  # the first group's head is a proper name ("de la Marine ...")
    portfolio: bool = False  # the last group's head is a portfolio ("de la Défense")
    minister: bool = False  # the office is a minister's, its complement a portfolio
    body_head: bool = False  # the last group's head names a body ("de l'Union africaine")


def _is_cap(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def state_at(doc: Doc, k: int) -> tuple[int, str] | None:
    """A state named from token ``k`` ("Vietnam", "Corée du Sud"): (end, code)."""
    if not _is_cap(doc[k]):
        return None
    for length in (3, 2, 1):
        if k + length <= len(doc) and not doc[k + length - 1].is_punct:
            code = geo.country_code(doc[k:k + length].text)
            if code is not None:
                return k + length, code
    return None


def _particle(doc: Doc, k: int) -> tuple[int, str] | None:
    """The end of the particle starting at ``k`` and its kind: "de", "to", "en"."""
    n = len(doc)
    word = fold(doc[k].text)
    after = fold(doc[k + 1].text) if k + 1 < n else ""
    if word in _PARTICLES:
        return k + 1, "de"
    if word in _TO:
        return k + 1, "to"
    if word in ("aupres", "charge", "chargee") and after in _PARTICLES:
        return k + 2, "de"  # "auprès de l'ONU", "chargé du Commerce extérieur"
    if word == "en" and after == "charge" and k + 2 < n and fold(doc[k + 2].text) in _PARTICLES:
        return k + 3, "de"  # "en charge de l'Emploi"
    if word == "en":
        return k + 1, "en"  # "ambassadeur du Vietnam en Australie"
    if word == "pour":
        return k + 1, "for"  # "chef de mission de MSF pour la Syrie"
    return None


def _portfolio_at(doc: Doc, k: int, lex: Lexicon) -> int:
    """End of a portfolio word at ``k`` ("défense nationale", "finances"), else ``k``."""
    for length in (3, 2, 1):
        if k + length <= len(doc) and fold(doc[k:k + length].text) in lex.portfolios:
            return k + length
    return k


def _group(doc: Doc, lex: Lexicon, k: int, into: _Complement) -> int | None:
    """Parse one complement group at ``k`` into ``into``; its end, or None if none starts."""
    n = len(doc)
    if k >= n:
        return None
    particle = _particle(doc, k)
    if particle is None:
        return None
    h, how = particle
    if h < n and doc[h].pos_ == "DET" and fold(doc[h].text) in _DETERMINERS | _DEMONSTRATIVES:
        h += 1
    if h + 1 < n and doc[h].like_num and not doc[h].is_digit and doc[h + 1].pos_ == "NOUN":
        h += 1  # "le chauffeur des deux journalistes"
    if h >= n:
        return None
    head = doc[h]
    state = state_at(doc, h)
    portfolio_end = _portfolio_at(doc, h, lex)
    if how == "en" and state is None:
        return None
    if how == "for" and not into.groups:
        return None  # "le président pour ...": only after the office's own complement
    if how == "for" and not (h > k + 1 and doc[h - 1].pos_ == "DET"):
        return None  # "pour sa part", "pour raison de santé": no article, no domain
    if head.ent_iob_ == "B" and head.ent_type_ == "PER" and state is None and portfolio_end == h:
        # "le ministre de la Défense Lloyd Austin": the tagger's PER may start early (but a PER
        # that starts before the complement is the tagger's error: "le président de la
        # République François Hollande")
        return None
    if state is not None:
        end = state[0]
        if how != "for":  # "chef de mission de MSF pour la Syrie" is not of Syria
            into.country = into.country or state[1]  # "ambassadeur du Vietnam en Australie"
            into.states = (*into.states, (h, end))
    elif portfolio_end > h:
        end = portfolio_end
    elif _is_cap(head) and not head.like_num:
        if how == "to" and geo.find_place(head.text) is not None:
            return None  # "à Hanoï" says where, not what
        end = h + 1
        while end < n and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "LOC" and (
                _is_cap(doc[end])):
            end += 1  # "sénatrice de New York": the rest of a place's name
        if k > 0 and fold(doc[k - 1].text) in TERRITORY_NOUNS:
            while end < n and (_is_cap(doc[end]) or doc[end].text == "-"):
                end += 1  # "de la province de Luang Namtha": the place's whole name
    elif into.minister and into.portfolio and fold(head.text) not in TERRITORY_NOUNS:
        return None  # "informé le ministre de la Défense des résultats du dialogue"
    elif head.pos_ == "NOUN" and head.is_alpha and (how == "de" or fold(head.text) in lex.titles):
        end = h + 1  # "chef de l'organisation", "responsable du bureau du gouvernement",
        # "adjoint à la maire de Paris"
    else:
        return None
    into.portfolio = state is None and portfolio_end > h
    into.body_head = fold(head.text) in lex.org_heads and _is_cap(head)
    if not into.groups and state is None and (_is_cap(head) or (
        fold(head.text) in lex.org_heads and portfolio_end == h
    )):
        into.named = True  # "de la Marine royale", "du département d'État", not "de la diplomatie"
    return _tail(doc, end, into, head=end - 1, lowercase_head=not _is_cap(head))


def _tail(doc: Doc, k: int, into: _Complement, head: int, lowercase_head: bool) -> int:
    """Adjectives of a group's head ("Marine royale australienne", "Bureau Politique") and, after
    a common noun, one proper name ("la région Occitanie", "le bureau Afrique")."""
    n = len(doc)
    skip = set(into.skip)
    named = False
    while k < n:
        tok = doc[k]
        word = fold(tok.text)
        joined = _joined_name(doc, k)
        if joined > k:
            k = joined  # "Australie-Occidentale", "du Front al-Nosra"
            continue
        if word in _PARTICLES or tok.is_punct or tok.ent_type_ == "PER":
            break
        participle = tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm", [])
        if not _is_cap(tok) and (tok.pos_ == "ADJ" or participle):
            nat = geo.nationality(tok.text)
            if nat:
                into.country = into.country or nat
                previous = doc[k - 1]
                if fold(previous.text) in _NATIONAL or (lowercase_head and k - 1 == head) or (
                        _disagree(doc[head], tok)):
                    skip.add(k)  # "l'Assemblée nationale française", "la diplomatie russe",
                    # "le président de la République italien" (of the office, not the body)
            k += 1
        elif _is_cap(tok) and tok.pos_ == "ADJ":
            k += 1
        elif lowercase_head and not named and _is_cap(tok) and tok.pos_ == "PROPN":
            named = True
            k += 1
        else:
            break
    into.skip = frozenset(skip)
    return k


def _joined_name(doc: Doc, k: int) -> int:
    """The end of a hyphen-joined continuation of a name at ``k`` ("-Occidentale" after
    "Australie", "al-Nosra" after "Front"), else ``k``."""
    n = len(doc)
    j = k
    if j + 1 < n and doc[j].is_lower and len(doc[j].text) <= 3 and not doc[j].whitespace_ and (
            doc[j + 1].text == "-"):
        j += 1  # "al", "el", "ad" before the hyphen
    if j + 1 < n and doc[j].text == "-" and not doc[j].whitespace_ and not doc[
            j - 1].whitespace_ and _is_cap(doc[j + 1]) and state_at(doc, j + 1) is None:
        return j + 2  # but "Vietnam-Laos" joins two states
    return k


def _ordinal_before(doc: Doc, i: int) -> int:
    """Where an office starts when a number ranks its holder before it ("45e", "42 e")."""
    word = doc[i - 1].text
    digits = len(word) - len(word.lstrip("0123456789"))
    if 0 < digits < len(word) and ordinal_suffix(word[digits:]):
        return i - 1
    if i > 1 and doc[i - 2].is_digit and ordinal_suffix(word):
        return i - 2
    return i


def _party_acronym(tok: Token) -> bool:
    """A party's acronym after an office ("député LR", "maire UDI"): capitals that name no
    state and no international body."""
    text = tok.text
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 5 and (
        geo.country_code(text) is None and geo.international_body(text) is None)


def _disagree(noun: Token, adjective: Token) -> bool:
    """Whether an adjective's gender is not its noun's: it qualifies another word."""
    gender, agreed = noun.morph.get("Gender", []), adjective.morph.get("Gender", [])
    return bool(gender and agreed and set(gender).isdisjoint(agreed))


def _complement(doc: Doc, lex: Lexicon, start: int, minister: bool) -> _Complement:
    """The complement groups from ``start`` ("de la Défense", "du Travail, des Invalides et des
    Affaires sociales", "de la Commission ... de l'Assemblée nationale")."""
    n = len(doc)
    found = _Complement(start, minister=minister)
    k = start
    while found.groups < _MAX_GROUPS:
        end = _group(doc, lex, k, found)
        if end is None:
            break
        found.end = end
        found.groups += 1
        k = end
        if k < n and (doc[k].text == "," or fold(doc[k].text) == "et"):
            step = 2 if doc[k].text == "," and k + 1 < n and fold(doc[k + 1].text) == "et" else 1
            trial = _Complement(k, found.country, found.skip, found.states)
            if k + step < n and fold(doc[k + step].text) in _PARTICLES and _group(
                doc, lex, k + step, trial
            ) is not None and (minister or not (
                trial.body_head or len(trial.states) > len(found.states))):
                # "ministre du Travail, des Invalides et des Affaires sociales", "en charge de
                # l'Emploi et de l'Apprentissage"; not "président du Tchad et de l'Union
                # africaine", two offices
                found.coordinated = True
                found.portfolio = False
                k += step
    return found


def coordinated_groups(doc: Doc, lex: Lexicon, k: int) -> tuple[int, frozenset[int]]:
    """The end of the complement groups coordinated to a group that ends at ``k`` ("du Travail
    [et de la Protection sociale]"), and the nationality adjectives to leave out of a name."""
    n = len(doc)
    found = _Complement(k)
    while k < n and (doc[k].text == "," or fold(doc[k].text) == "et"):
        step = 2 if doc[k].text == "," and k + 1 < n and fold(doc[k + 1].text) == "et" else 1
        if k + step >= n or fold(doc[k + step].text) not in _PARTICLES:
            break
        end = _group(doc, lex, k + step, found)
        if end is None:
            break
        k = found.end = end
    return found.end, found.skip


def find_titles(doc: Doc, lex: Lexicon) -> list[TitleSpan]:
    """Ranks and offices with their complements ("vice-ministre chinois de la Sécurité publique")."""
    titles: list[TitleSpan] = []
    i = 0
    n = len(doc)
    longest = max(len(t.split()) for t in lex.titles) + 2  # "d'armée" is two tokens
    while i < n:
        match = None
        first = fold(doc[i].text)
        plural = first.endswith("s") and first[:-1] in lex.title_starts and (
            first not in lex.title_starts
        )
        adjective = i > 0 and doc[i].pos_ == "ADJ" and doc[i - 1].pos_ == "NOUN" and (
            doc[i - 1].is_lower)  # "l'assistant adjoint au secrétaire": of the noun before
        if (first in lex.title_starts or plural) and not adjective:
            for j in range(min(n, i + longest), i, -1):
                key = fold(doc[i:j].text)
                if plural:  # "les chefs de la diplomatie vietnamienne et russe"
                    key = first[:-1] + key[len(first):]
                if key in lex.titles:
                    match = (j, key)
                    break
        if match is None:
            i += 1
            continue
        title = _title_at(doc, lex, i, *match)
        if plural:  # "les candidats X et Y", "les ministres de la Défense X et Y"
            singular = None
            if title.kind == "office" and title.text.split(" ")[0].lower().endswith("s"):
                words = title.text.split(" ")
                singular = " ".join([words[0][:-1], *words[1:]])
            title = replace(title, kind="designation", singular=singular)
        titles.append(title)
        i = title.end
    return titles


def _title_at(doc: Doc, lex: Lexicon, i: int, end: int, head: str) -> TitleSpan:
    n = len(doc)
    kind = lex.titles[head].kind
    if kind in ("office", "rank") and i > 0 and fold(doc[i - 1].text) in _TITLE_MODIFIERS:
        i -= 1  # "second vice-président", "futur président", "ancien ministre"
    elif kind == "office" and i > 0:
        i = _ordinal_before(doc, i)  # "le 45e président", "42 e président"
    country = None
    skip: set[int] = set()
    while kind == "office" and end < n and (
            fold(doc[end].text).split("-")[-1] in _POST_MODIFIERS or _party_acronym(doc[end])):
        end += 1  # "secrétaire adjoint", "membre permanent", "député LR", "maire UDI de ...",
        # "chef néo-démocrate"
    # nationality adjective right after the head ("vice-ministre chinois")
    if end < n and doc[end].pos_ in ("ADJ", "NOUN", "PROPN") and not _is_cap(doc[end]):
        nat = geo.nationality(doc[end].text)
        if nat:
            country = nat
            skip.add(end)
            end += 1
    states: tuple[tuple[int, int], ...] = ()
    portfolio = body = None
    if kind in ("office", "rank"):
        complement = _complement(doc, lex, end, minister=bool(_MINISTER.search(head)))
        if complement.groups:
            kind = "office"  # "commandant de la Marine royale australienne"
            country = country or complement.country
            skip |= complement.skip
            states = complement.states
            if complement.coordinated:
                portfolio = (end, complement.end)
            if not _MINISTER.search(head) and complement.named:
                body = (end, complement.end)
            end = complement.end
    text = "".join(t.text_with_ws for t in doc[i:end] if t.i not in skip).strip()
    return TitleSpan(i, end, text, head, kind, country, states, portfolio, body)


def title_chain(
    first: TitleSpan, by_end: dict[int, TitleSpan], by_start: dict[int, TitleSpan], doc: Doc,
    forward: bool,
) -> list[TitleSpan]:
    """The titles joined to ``first`` by "," or "et" (", et"), going back from a title before a
    name or forward from one after it. Going forward, a title introduced by its own article
    ("et le ministre") belongs to another person and ends the chain; going back, ", le" may join
    a rank to the office before it ("le ministre de la Défense, le général Phan Van Giang")."""
    chain = [first]
    current = first
    n = len(doc)
    while True:
        if forward:
            k = current.end
            if k < n and doc[k].text == ",":
                k += 1
            if k < n and fold(doc[k].text) == "et":
                k += 1
            following = by_start.get(k) if k != current.end else None
            if following is None or doc[k].pos_ == "DET" or following in chain:
                break
            chain.append(following)
            current = following
        else:
            k = current.start - 1
            if k > 0 and doc[k].pos_ == "DET" and doc[k - 1].text == ",":
                k -= 1  # "du ministre de la Défense, le général Phan Van Giang"
            if k < 0 or not (doc[k].text == "," or fold(doc[k].text) == "et"):
                break
            if doc[k].text == "et" and k > 0 and doc[k - 1].text == ",":
                k -= 1
            previous = by_end.get(k)
            if previous is None or previous in chain:
                break
            chain.insert(0, previous)
            current = previous
    if not forward and len(chain) > 1:
        k = chain[0].start - 1
        if k > 0 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
            # "du général X, membre du Bureau politique, ministre vietnamien de la Défense, le
            # général Y": the titles before belong to X, named before them
            return [first]
    return chain
