"""Actors coder: people with their titles, organisations and states.

The stock French NER is often wrong on these texts (``Luong Tam Quang`` as ORG, ``To Lam`` as
MISC, ``Le Quoc Hung`` as LOC "Quoc Hung"), so mentions come from several sources read
together: titles and ranks next to capitalised name chains, NER entities, country names and
nationality adjectives, organisation heads ("ministère", "armée", "Commission") and
international bodies. A string read once as a person is a person everywhere in the document.

Writes ``doc._.actors`` (an :class:`ActorTable`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from accord.coders.annotations import ActorAnn, ActorTable, text_of
from accord.coders.resolve import titled_as_woman
from accord.coders.titles import (
    TitleSpan,
    coordinated_groups,
    find_titles,
    state_at,
    title_chain,
)
from accord.vocab import geo, known
from accord.vocab.lexicon import Lexicon, read_tsv
from accord.vocab.text import fold

__all__ = ["TitleSpan", "code_actors", "default_country", "find_titles"]

# Capitalised words that never start or continue a name.
_NOT_NAME = frozenset(
    fold(w)
    for w in ["le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "et", "ou", "en", "au", "aux", "à", "a", "dans", "sur", "par", "pour", "lors", "selon", "après", "avant", "depuis", "pendant", "mais", "ce", "ces", "cet", "cette", "son", "sa", "ses", "leur", "leurs", "il", "ils", "elle", "elles", "on", "nous", "vous", "je", "tu", "qui", "que", "quoi", "dont", "où", "si", "comme", "ainsi", "alors", "toutefois", "cependant", "outre", "quant", "photo", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "m.", "mme"]
)
_PARTICLES = frozenset({"de", "du", "des", "d'", "d’"})
_NATIONAL = frozenset({"national", "nationale", "nationaux", "nationales"})
# Words of _NOT_NAME that, capitalised inside a sentence after a name, continue it (Vietnamese
# "Son", "Mai": "Bui Thanh Son", "Nguyen Thi Mai").
_ALSO_NAMES = frozenset({"son", "mai"})
# Particles inside a person's name, between capitalised words.
_NAME_PARTICLES = frozenset({"le", "la", "de", "du", "des", "d'", "al", "el", "ben", "bin",
                             "ibn", "van", "von", "der", "den", "da", "di", "dos", "abou"})
# Vietnamese family names that the parser reads as French words ("Le Quoc Hung").
_VN_SURNAMES = frozenset({"le", "la", "do", "ho", "vu", "ly", "mai", "dang", "ha"})


def default_country(doc: Doc, lex: Lexicon | None = None) -> str | None:
    """The country an article's unmarked actors belong to: for a dispatch signed with a
    dateline by a national agency, the agency's (a VNA dispatch from La Havane writes "le
    vice-ministre Vo Minh Luong" for a Vietnamese and "le ministre cubain" for a Cuban), else
    the dateline's."""
    article = doc._.article
    if article is None or not article.dateline_place:
        return None
    agency = lex.agencies.get(article.source or "") if lex is not None else None
    if agency:
        return agency
    if article.dateline_place:
        place = geo.find_place(article.dateline_place)
        if place is not None:
            return place.country_iso3
    return None


def _is_cap(tok: Token) -> bool:
    return _capitalised(tok.text)


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _is_name_token(tok: Token, lex: Lexicon) -> bool:
    if not _is_cap(tok) or tok.like_num:
        return False
    folded = fold(tok.text)
    if folded in _NOT_NAME or folded in lex.titles or folded in lex.org_heads:
        return False
    if tok.text.isupper() and len(tok.text) > 1 and tok.text in lex.agencies:
        return False
    if geo.nationality(tok.text) and not geo.country_code(tok.text):
        return False  # "l'Espagnol Mario Mola": a demonym, not part of the name
    return not (tok.is_sent_start and tok.pos_ not in ("PROPN", "X") and not tok.ent_type_)


def _state_name_end(doc: Doc, start: int, end: int, blocked: set[int]) -> int:
    """The end of a state's name that goes on past the capitalised run with particles or
    adjectives ("Corée" | "du Sud", "Arabie" | "saoudite", "Côte" | "d'Ivoire"), or ``end``."""
    for k in range(min(len(doc), end + 3), end, -1):
        if any(x in blocked or doc[x].is_punct and doc[x].text not in "'’-" or
               doc[x].is_sent_start for x in range(end, k)):
            continue
        if geo.country_code(doc[start:k].text) is not None:
            return k
    return end


def _named_apart(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Whether the name of two or more words starting at ``k``, right after a hyphen, is also
    written on its own in the document ("Entretien Truong Tan Sang-Nicolás Maduro ... le
    président Nicolás Maduro"), unlike the second half of "Miguel Díaz-Canel Bermúdez"."""
    end = k
    while end < len(doc) and _is_cap(doc[end]) and _is_name_token(doc[end], lex):
        end += 1
    if end - k < 2:
        return False
    name = doc[k:end].text
    return doc.text.count(name) > doc.text.count("-" + name)


def _name_chains(doc: Doc, lex: Lexicon, blocked: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised name tokens, outside titles."""
    chains: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        if i in blocked or not _is_name_token(doc[i], lex):
            i += 1
            continue
        j = i + 1
        while j < n and j not in blocked:
            tok = doc[j]
            prev = doc[j - 1]
            broken = tok.is_sent_start and (prev.is_punct or "\n" in prev.whitespace_)
            if _is_name_token(tok, lex) and not broken or (
                fold(tok.text) in _ALSO_NAMES and _is_cap(tok) and not tok.is_sent_start
            ):
                j += 1  # "Bui Thanh Son": inside a name, "Son" is no possessive
            elif fold(tok.text) in _NAME_PARTICLES and j + 1 < n and not broken and (
                _is_cap(doc[j + 1]) or doc[j + 1].text == "-"
            ) and (_is_cap(tok) or tok.ent_type_ == "PER" == doc[j + 1].ent_type_) and (
                _is_name_token(doc[j + 1], lex) or doc[j + 1].text == "-"
            ):
                j += 1  # "Jean-Yves Le Drian", "Caroline de Haas", "Haïder al-Abadi"
            elif tok.text == "-" and j + 1 < n and not tok.whitespace_ and not doc[
                j - 1
            ].whitespace_ and doc[j + 1].is_alpha and not (
                geo.country_code(doc[j - 1].text) and geo.country_code(doc[j + 1].text)
            ) and not (j - i >= 2 and _named_apart(doc, j + 1, lex)):
                # "Ban Ki-moon", "Alain-Guillaume Bunyoni"; "Vietnam-Chine" and "Entretien
                # Truong Tan Sang-Nicolás Maduro" are two names
                j += 2
            else:
                break
        j = _state_name_end(doc, i, j, blocked)
        # "Le Quoc Hung": a Vietnamese family name read as an article
        if i > 0 and fold(doc[i - 1].text) in _VN_SURNAMES and _is_cap(doc[i - 1]) and (
            not doc[i - 1].is_sent_start and j - i >= 2 and i - 1 not in blocked
        ):
            before = doc[i - 2] if i >= 2 else None
            if before is not None and (
                before.pos_ in ("ADJ", "NOUN") or before.i in blocked
            ) and not _is_cap(before):
                i -= 1
        chains.append((i, j))
        i = j
    return chains


def _adjacent_title(
    start: int, end: int, titles_by_end: dict[int, TitleSpan], titles_by_start: dict[int, TitleSpan],
    doc: Doc, name_starts: frozenset[int] = frozenset(),
) -> list[TitleSpan]:
    """Titles right before a name ("le général To Lam", "chinois ..., Chen Siyuan") or after it
    as an apposition ("Hoang Xuân Chiên, vice-ministre de la Défense")."""
    found: list[TitleSpan] = []
    before = titles_by_end.get(start)
    if before is None and start > 0 and doc[start - 1].text == ",":
        before = titles_by_end.get(start - 1) or _seated_title(doc, start - 1, titles_by_end)
    if before is None:
        gap = _gap_before(doc, start)  # "le gardien parisien, X", "la chanteuse de 22 ans X"
        before = titles_by_end.get(gap) if gap < start else None
    if before is not None and _apposed(doc, before, name_starts):
        before = None  # "X, adjoint à la maire de Paris, Y": the title is X's
    if before is None and start > 1 and _copula(doc[start - 1]):
        before = titles_by_end.get(start - 1)  # "le vice-président sera Mike Pence"
    if before is not None:
        found.extend(title_chain(before, titles_by_end, titles_by_start, doc, forward=False))
    if end < len(doc) and (doc[end].text == "," or _copula(doc[end])):
        k = end + 1  # "Michel Sapin, l'actuel ministre des finances", "X est ministre de ..."
        if k + 1 < len(doc) and doc[end].text == "," and fold(doc[k].text) == "qui" and (
                _copula(doc[k + 1])):
            k += 2  # "X, qui était alors sénatrice de New York"
        if k < len(doc) and fold(doc[k].text) in _THEN:
            k += 1
        if k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        if k < len(doc) and fold(doc[k].text) in _CURRENT:
            k += 1
        after = titles_by_start.get(k)
        if after is not None:
            chain = title_chain(after, titles_by_end, titles_by_start, doc, forward=True)
            # "Alexander Bortnikov, le secrétaire du FSB Nikolai Patrushev": a title written
            # right before another name is that name's, and the list goes on
            if not (chain[-1].end in name_starts and doc[k - 1].pos_ == "DET"):
                found.extend(chain)
    elif end < len(doc) and not _is_cap(doc[end]):
        # an office with its complement right after the name, the comma lost ("le
        # lieutenant-général Lê Quốc Hùng vice-ministre de la Sécurité publique")
        after = titles_by_start.get(end)
        if after is not None and after.kind == "office" and after.end - after.start >= 3:
            found.extend(title_chain(after, titles_by_end, titles_by_start, doc, forward=True))
    return found


def _coordinated_name_end(doc: Doc, start: int) -> int:
    """The last word of the name a name starting at ``start`` is coordinated with ("X et Y",
    "X, Y", "X (qui ...) et Y"), else -1."""
    k = start - 1
    if k < 1 or fold(doc[k].text) not in ("et", ","):
        return -1
    k -= 1
    if doc[k].text == ")":
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    return k


_SEAT_SPAN = 8
_AGE = frozenset({"an", "ans"})


def _gap_before(doc: Doc, start: int) -> int:
    """Where the words between a title and the name after it begin: adjectives that are not
    part of the title ("le gardien parisien, Thierry Omeyer", "le dirigeant actuel, X") and an
    age ("la chanteuse de 22 ans X"), with the comma before the name."""
    k = start
    if k > 0 and doc[k - 1].text == ",":
        k -= 1
    if k >= 3 and fold(doc[k - 1].text) in _AGE and doc[k - 2].like_num and (
            fold(doc[k - 3].text) == "de"):
        k -= 3
    while k > 0 and doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower and doc[k - 1].is_alpha:
        k -= 1
    return k


def _apposed(doc: Doc, title: TitleSpan, name_starts: frozenset[int]) -> bool:
    """A title written without an article right after "Name," is that name's apposition, not
    a title of the name that follows it."""
    k = title.start
    if k < 2 or doc[k - 1].text != ",":
        return False
    j = k - 2
    return doc[j].pos_ == "PROPN" and any(s <= j for s in name_starts) and doc[j].ent_type_ == "PER"
# Adverbs between a copula and an office that say when it is held ("qui était alors ministre").
_THEN = frozenset({"alors", "encore", "deja", "desormais", "actuellement", "toujours"})
# Adjectives between an article and an office that say it is held now ("l'actuel ministre").
_CURRENT = frozenset({"actuel", "actuelle"})


def _copula(tok: Token) -> bool:
    """ "est", "sera", "était" joining a name and an office ("le vice-président sera Mike
    Pence"), not the auxiliary of a compound tense."""
    return tok.lemma_ == "être" and tok.dep_ == "cop"



def _seated_title(doc: Doc, end: int, titles_by_end: dict[int, TitleSpan]) -> TitleSpan | None:
    """An office followed by its seat before a name ("la consule générale des États-Unis à Hô
    Chi Minh-Ville, Susan Burns"), the seat made part of the title."""
    for k in range(max(0, end - _SEAT_SPAN), end):
        title = titles_by_end.get(k)
        if title is not None and title.kind == "office" and _seat(doc, k) == end:
            return replace(title, end=end, text=f"{title.text} {doc[k:end].text}")
    return None


def _demonym_before(doc: Doc, start: int) -> str | None:
    """The state of a demonym right before a name ("l'Autrichienne Nadine Fest", "la
    Bermudienne Flora Duffy", "l'américain River Radamus", "les ambassadeurs chinois X,
    indonésien Y")."""
    if start < 2:
        return None
    word, det = doc[start - 1], doc[start - 2]
    if fold(det.text) not in _ARTICLES and not (
            det.text in (",", "et") or det.pos_ == "NOUN" and word.is_lower):
        return None  # "les ambassadeurs chinois X, indonésien Y et américain Z"
    return geo.nationality(word.text)


def _lone_name(tok: Token) -> bool:
    """A single word the parser reads as a person's name, inside a sentence, that is no
    known place, state, body or organisation ("Hansen", "Surikova")."""
    text = tok.text
    return (
        tok.pos_ == "PROPN" and tok.ent_type_ == "PER" and not tok.is_sent_start
        and len(text) > 2 and not text.isupper()
        and geo.find_place(text) is None and geo.international_body(text) is None
        and known.organization(text) is None and geo.nationality(text) is None
    )


# Nouns after which a capitalised name is a place ("la province de Khánh Hòa").
_PLACE_NOUNS = frozenset(fold(w) for w in [
    "province", "provinces", "ville", "villes", "district", "districts", "commune", "communes",
    "village", "villages", "quartier", "arrondissement", "localité", "région", "département",
    "municipalité", "préfecture", "canton", "comté", "île", "port", "aéroport",
])


def _place_name(doc: Doc, start: int, end: int) -> bool:
    """A name that is a place by its form or its context: a city in "-Ville" ("Hô Chi
    Minh-Ville"), a name after a territory noun ("la province de Dak Lak", "le district de
    ...")."""
    if fold(doc[end - 1].text) == "ville" and end - start >= 2 and doc[end - 2].text == "-":
        return True
    k = start - 1
    if k >= 0 and fold(doc[k].text) in _PARTICLES:
        k -= 1
        if k >= 0 and doc[k].pos_ == "DET":
            k -= 1
        return k >= 0 and not _is_cap(doc[k]) and fold(doc[k].text) in _PLACE_NOUNS
    return False


# Nouns of an apposition that state a person's nationality ("un citoyen américain", "de
# nationalité kirghize", "une ressortissante chinoise").
_NATIONAL_NOUNS = frozenset(fold(w) for w in [
    "citoyen", "citoyenne", "ressortissant", "ressortissante", "nationalité", "sujet",
])
_APPOSITION_SPAN = 10


def _apposed_nationality(doc: Doc, end: int) -> str | None:
    """The nationality an apposition or a parenthesis right after a name states: "Polie
    Phan, un citoyen américain", "Omokeev Ulukbek (né en 1978 de nationalité kirghize)"."""
    if end >= len(doc) or doc[end].text not in (",", "("):
        return None
    closing = {",": (",", ".", ";", ")"), "(": (")", ".", ";")}[doc[end].text]
    for k in range(end + 1, min(len(doc), end + 1 + _APPOSITION_SPAN)):
        tok = doc[k]
        if tok.text in closing:
            return None
        if fold(tok.text) in _NATIONAL_NOUNS and k + 1 < len(doc) and not _is_cap(doc[k + 1]):
            return geo.nationality(doc[k + 1].text)
    return None


def _same_person(key: tuple[str, ...], other: tuple[str, ...], cut: bool = False) -> bool:
    """Whether two folded names are one person's ("Xi Jinping", "Xi"); with ``cut``, ``key``
    ends the page mid-word ("Federica Mogh" for "Federica Mogherini")."""
    if key == other:
        return True
    if cut and len(key) == len(other) and len(key[-1]) >= 3 and key[:-1] == other[:-1] and (
            other[-1].startswith(key[-1])):
        return True
    short, long_ = (key, other) if len(key) <= len(other) else (other, key)
    if set(short) <= set(long_):
        return short[-1] == long_[-1] or len(short) == 1
    return False


def code_actors(doc: Doc, lex: Lexicon) -> ActorTable:
    table = ActorTable()
    home = default_country(doc, lex)
    article = doc._.article
    agency = article.source if article is not None else None

    titles = find_titles(doc, lex)
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    # bodies named in a title's complement are actors ("commandant de la Marine royale ...")
    body_tokens = {i for t in titles if t.body for i in range(*t.body)}
    lists = {i for t in titles if t.portfolio for i in range(*t.portfolio)}
    known_tokens = _code_known_names(doc, lex, table, agency, {t.start for t in titles} | lists)
    known_tokens |= _code_designated(doc, lex, table, known_tokens | title_tokens)
    for t in titles:  # "Président du Tchad": the state is an actor too
        for start, end in t.states:
            _code_state(doc, table, start, end, geo.country_code(doc[start:end].text))
    by_end = {t.end: t for t in titles}
    by_start = {t.start: t for t in titles}
    # a title that starts with "le"/"la" is found by the token after the article
    for t in titles:
        if t.start > 0 and doc[t.start - 1].pos_ == "DET":
            by_start.setdefault(t.start - 1, t)

    chains = _name_chains(doc, lex, title_tokens | known_tokens)
    ent_label = {tok.i: tok.ent_type_ for tok in doc}

    persons: dict[tuple[str, ...], ActorAnn] = {}
    figures: dict[int, known.KnownPerson] = {}  # actor idx → the public figure it names
    person_strings: set[str] = set()
    # pass 1: people (name next to a title, honorific, or NER PER)
    pending: list[tuple[int, int, list[TitleSpan], str | None]] = []
    places = {fold(doc[s:e].text) for s, e in chains if _place_name(doc, s, e)}
    attached: set[int] = set()  # starts of the titles that sit next to a name
    name_starts = frozenset(start for start, _ in chains)
    for start, end in chains:
        near = _adjacent_title(start, end, by_end, by_start, doc, name_starts)
        attached.update(t.start for t in near)
        is_person = bool(near)  # a rank, office, honorific or designation next to the name
        labels = {ent_label[i] for i in range(start, end)}
        text = doc[start:end].text
        if agency and text == agency:
            continue
        if is_person and "PER" not in labels and (
            geo.find_place(text) is not None or geo.country_code(text) is not None
        ):
            is_person = False
        if fold(text) in places:
            continue  # "Hô Chi Minh-Ville", "la province de Khánh Hòa" (and "à Khánh Hòa")
        if known.organization(text) is not None or geo.international_body(text) is not None:
            continue
        demonym = _demonym_before(doc, start)
        if not is_person and demonym and (end - start >= 2 or "PER" in labels) and (
            geo.find_place(text) is None and geo.country_code(text) is None
        ):
            is_person = True  # "l'Autrichienne Nadine Fest"
        if not is_person and "PER" in labels and geo.country_code(text) is None:
            is_person = end - start >= 2 or any(fold(text) in s for s in person_strings) or (
                _lone_name(doc[start])
            )
        if not is_person and end - start >= 2 and known.person(text) is not None:
            is_person = True  # a public figure of people.tsv the tagger missed ("Ban Ki-moon")
        if is_person:
            person_strings.add(fold(text))
            pending.append((start, end, near, demonym))
    # the end of the page's last word: a name that reaches it may be cut ("Federica Mogh")
    words_end = next((t.i + 1 for t in reversed(doc) if not (t.is_space or t.is_punct)), 0)
    shared: dict[int, str] = {}  # tokens of names a plural office precedes -> the office
    for start, end, near, demonym in pending:
        key = tuple(fold(t.text) for t in doc[start:end])
        cut = end >= words_end
        actor = next((a for k, a in persons.items() if _same_person(key, k, cut)), None)
        name = doc[start:end].text
        if fold(doc[end - 1].text) in _SUFFIXES and end < len(doc) and doc[end].text == "." and (
                not doc[end - 1].whitespace_):
            name += "."  # "Joseph Robinette Biden Jr." at a sentence's end
        if actor is None:
            actor = table.new(name, "person", None, None)
            persons[key] = actor
            figure = known.person(name)
            if figure is not None:
                figures[actor.idx] = figure
        elif len(name) > len(actor.name) and len(key) > len(actor.name.split()):
            actor.aliases.append(actor.name)
            actor.name = name
        elif fold(name) != fold(actor.name) and name not in actor.aliases:
            actor.aliases.append(name)
        table.add_mention(actor, start, end)
        before = _coordinated_name_end(doc, start)
        if before in shared and not near:  # "les candidats X (...) et Alain Juppé"
            _add_title(actor, shared[before])
        stated = _apposed_nationality(doc, end)
        if stated is not None:  # "Polie Phan, un citoyen américain": over any other clue
            actor.country = stated
        if demonym and actor.country is None:
            actor.country = demonym
        for t in near:
            if t.kind in ("rank", "office"):
                _add_title(actor, t.text)
                head = next((x for x in doc[t.start:t.end] if x.pos_ == "NOUN"), None)
                actor.feminine = actor.feminine or (
                    head is not None and "Fem" in head.morph.get("Gender", []))
            elif t.singular:  # "les candidats François Fillon et Alain Juppé"
                _add_title(actor, t.singular)
                shared.update(dict.fromkeys(range(start, end), t.singular))
            if t.country and actor.country is None:
                actor.country = t.country
            if t.head.startswith("homologue"):  # "son homologue vietnamien Le Quoc Hung"
                actor.counterpart = True

    # consistency: every other occurrence of a known person's name (or surname)
    for start, end in chains:
        if start in table.by_token:
            continue
        key = tuple(fold(t.text) for t in doc[start:end])
        actor = next((a for k, a in persons.items() if _same_person(key, k)), None)
        if actor is not None:
            table.add_mention(actor, start, end)
        elif end - start == 1 and ent_label[start] == "PER":
            # a well-known figure named by surname alone ("Obama")
            figure = known.person_by_surname(doc[start].text)
            if figure is not None:
                actor = table.new(doc[start].text, "person", None, None)
                figures[actor.idx] = figure
                persons[key] = actor
                table.add_mention(actor, start, end)

    # states, bodies, organisations among the remaining chains and NER entities
    for start, end in chains:
        if any(i in table.by_token for i in range(start, end)):
            continue
        _code_named_entity(doc, lex, table, start, end, home, agency)
    for ent in doc.ents:
        if ent.label_ in ("ORG",) and not any(i in table.by_token for i in range(ent.start, ent.end)):
            if any(i in title_tokens - body_tokens for i in range(ent.start, ent.end)):
                continue
            _code_named_entity(doc, lex, table, ent.start, ent.end, home, agency)

    _listed_countries(doc, table, by_end, figures)
    home = home or _topic_country(doc, table)
    table.home = home
    _code_org_heads(doc, lex, table, home, title_tokens - body_tokens)
    _acronyms_as_aliases(doc, table)
    _designations_as_titles(doc, lex, table, titles, attached)
    published = article.published if article is not None else None
    _finish_people(table, lex, _people_home(doc, table, home), figures, published)
    _lone_titles_to_persons(doc, lex, table, titles, attached)
    _appointed_titles(doc, table, titles)
    for actor in table.actors:
        if actor.leader is not None and table.actors[actor.leader].country:
            actor.country = table.actors[actor.leader].country
        if actor.kind == "organization" and actor.country is None:
            actor.country = _country_in_name(actor.name) or home
    _derive_ministries(lex, table)
    return table


# offices that name the same post as others ("le chef du gouvernement" for a prime minister)
_SAME_POST = {
    "chef du gouvernement": frozenset({"premier ministre", "premiere ministre",
                                       "president du conseil", "presidente du conseil"}),
    "chef de l'etat": frozenset({"president", "presidente", "roi", "reine", "monarque", "emir",
                                 "sultan"}),
}


def _listed_countries(doc: Doc, table: ActorTable, titles_by_end: dict[int, TitleSpan],
                      figures: dict[int, known.KnownPerson]) -> None:
    """A person whom nothing gives a country, coordinated right after one of a stated country,
    shares it: "le ministre australien de la Défense, Richard Marles et le ministre du Commerce
    Don Farrell" (not "et son homologue X", who is of the other side)."""
    ends = {e: a for a in table.actors if a.kind == "person" for _, e in a.mentions}
    for actor in table.actors:
        if actor.kind != "person" or actor.country is not None or actor.counterpart or (
                actor.idx in figures):  # a public figure's country is known
            continue
        for start, _ in sorted(actor.mentions):
            k = start
            title = titles_by_end.get(k)
            if title is not None:
                if title.head.startswith("homologue"):
                    break
                k = title.start
            if k > 0 and doc[k - 1].pos_ == "DET":
                k -= 1
            if not (k > 1 and doc[k - 1].text == "et"):
                continue  # after a bare comma it may be another side ("avec X, Y a proposé")
            k -= 1
            if doc[k - 1].text == ",":
                k -= 1
            before = ends.get(k)
            if before is not None and before.country is not None:
                actor.country = before.country
                break


def _lone_titles(doc: Doc, titles: list[TitleSpan], attached: set[int]) -> Iterator[TitleSpan]:
    """Offices and ranks written alone with their article ("le président a déclaré")."""
    for t in titles:
        if t.start not in attached and t.kind in ("office", "rank") and t.start > 0 and fold(
                doc[t.start - 1].text) in ("le", "la", "l'", "l’"):
            yield t


def _last_mention(actor: ActorAnn, before: int) -> int:
    """Where an actor was last mentioned before token ``before`` (-1: not yet)."""
    return max((s for s, _ in actor.mentions if s < before), default=-1)


def _designations_as_titles(doc: Doc, lex: Lexicon, table: ActorTable,
                            titles: list[TitleSpan], attached: set[int]) -> None:
    """A title written alone ("le chef du gouvernement a déclaré") designates a person named
    before it: it is one of that person's titles as the article writes them when it names the
    post the person holds under another name ("chef du gouvernement" for a prime minister,
    "chef de l'État" for a president or a monarch). The person is the last one named before it
    who holds that post."""
    people = [a for a in table.actors if a.kind == "person"]
    for t in _lone_titles(doc, titles, attached):
        posts = _SAME_POST.get(fold(t.text), frozenset())
        for a in sorted(people, key=lambda a: -_last_mention(a, t.start)):
            if _last_mention(a, t.start) < 0 or (
                    t.country is not None and a.country not in (None, t.country)):
                continue
            if {lex.title_head(x) for x in a.titles} & posts:
                _add_title(a, t.text)
                break


def _lone_titles_to_persons(doc: Doc, lex: Lexicon, table: ActorTable, titles: list[TitleSpan],
                            attached: set[int]) -> None:
    """A title written alone with its article that no person holds designates the person named
    last, in its sentence or the two before, of its gender and country ("Hollande ... le
    président, qui est candidat", "Yoka ... le boxeur de 23 ans"): one of that person's
    titles."""
    people = [a for a in table.actors if a.kind == "person"]
    for t in _lone_titles(doc, titles, attached):
        if any(t.head in {lex.title_head(x) for x in a.titles} for a in people):
            continue  # "le ministre": the person titled so, whom the resolver finds
        person = max(people, default=None, key=lambda a: (_last_mention(a, t.start), a.idx))
        if person is None or _last_mention(person, t.start) < 0:
            continue
        if (t.country is None or person.country in (None, t.country)) and _in_focus(
                doc, _last_mention(person, t.start), t.start) and _agrees(doc[t.start], person):
            _add_title(person, t.text)


# verbs whose bare complement is the office their subject takes ("X a été nommé premier
# ministre", "X est devenu président", "X a été élu maire de Paris")
_APPOINTING = frozenset({"nommer", "elire", "designer", "devenir", "reelire", "reconduire",
                         "investir", "proclamer"})
_POSTS = frozenset({"poste", "fonction", "fonctions"})  # "a quitté le poste de ministre"


def _appointed_titles(doc: Doc, table: ActorTable, titles: list[TitleSpan]) -> None:
    """An office written bare as the complement of a verb of appointment, or as the post a
    verb's subject takes or leaves, is that subject's title: "Bernard Cazeneuve a été nommé
    par François Hollande premier ministre", "Manuel Valls a démissionné du poste de premier
    ministre"."""
    for t in titles:
        if t.kind != "office" or (t.start > 0 and doc[t.start - 1].pos_ == "DET"):
            continue
        head = next((x for x in doc[t.start:t.end] if x.pos_ == "NOUN"), None)
        if head is None:
            continue
        if head.dep_ == "nmod" and fold(head.head.lemma_) in _POSTS and (
                head.head.head.pos_ == "VERB"):
            verb = head.head.head  # "a démissionné du poste de premier ministre"
        elif head.dep_ in ("xcomp", "obj", "obl:mod") and not any(
                c.dep_ == "case" for c in head.children) and fold(
                head.head.lemma_) in _APPOINTING:
            verb = head.head
        else:
            continue
        for c in verb.children:
            if c.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            # the subject, or the person named in it ("le ministre de l'Intérieur X")
            idx = next((table.by_token[x.i] for x in c.subtree if x.i in table.by_token and (
                table.actors[table.by_token[x.i]].kind == "person")), None)
            if idx is not None:
                _add_title(table.actors[idx], t.text)


_FOCUS_SENTENCES = 2


def _in_focus(doc: Doc, mention: int, at: int) -> bool:
    """Whether a mention is in the sentence of ``at`` or one of the two before it."""
    sentence = doc[at].sent.start
    for _ in range(_FOCUS_SENTENCES):
        if mention >= sentence or sentence == 0:
            break
        sentence = doc[sentence - 1].sent.start
    return mention >= sentence


def _agrees(title: Token, person: ActorAnn) -> bool:
    """A title in the masculine does not designate a woman the text marks as one (a title in
    the feminine); the feminine form of a title only a woman, or someone without title."""
    woman = titled_as_woman(person)
    if "Fem" in title.morph.get("Gender", []):
        return woman or not person.titles
    return not ("Masc" in title.morph.get("Gender", []) and woman)


def _add_title(actor: ActorAnn, title: str) -> None:
    """Keep titles in order of first appearance; a short form of a known title adds nothing and
    a fuller form replaces its short form ("vice-ministre" then "vice-ministre de la Défense")."""
    title = title.rstrip(" .,;:")  # "Président élu des États-Unis." at a sentence end
    folded = fold(title)
    for k, held in enumerate(actor.titles):
        fk = fold(held)
        if fk == folded or fk.startswith(folded + " "):
            return
        if folded.startswith(fk + " "):
            actor.titles[k] = title
            return
    actor.titles.append(title)


# Nouns that name meetings, texts and events rather than bodies ("Conférence nationale ...").
_EVENT_NOUNS = frozenset(fold(w) for w in ["conférence", "congrès", "sommet", "forum", "réunion", "dialogue", "session", "festival", "exposition", "déclaration", "résolution", "accord", "traité", "protocole", "convention", "mémorandum", "plan", "programme", "stratégie", "campagne", "opération", "exercice", "coupe", "championnat", "jeux", "prix", "élection", "élections"])


def _code_named_entity(
    doc: Doc, lex: Lexicon, table: ActorTable, start: int, end: int, home: str | None,
    agency: str | None,
) -> None:
    span = doc[start:end]
    text = span.text.strip()
    if not text or (agency and text == agency) or text in lex.agencies:
        return
    iso = geo.country_code(text)
    metonym = None if iso else geo.capital_metonym(text)
    if iso or (metonym and _is_subject(span)):
        _code_state(doc, table, start, end, iso or metonym)
        return
    body = geo.international_body(text)
    if body is not None:
        _code_known_org(doc, table, start, end, text, body.name, body.code, body.sector)
        return
    if doc[start].ent_type_ == "ORG":
        if geo.find_place(text) is not None or _bare_head(span, lex) or (
            end - start == 1 and text.islower()
        ) or (
            _acronym_of_no_body(doc, lex, start, end)
        ):
            return  # "onusien", "Parti", "Partis", "la pêche illicite ... (INN)": no name
        end = _complement_state(doc, end)  # "le Comité ... pour la sécurité maritime du | Cambodge"
        span = doc[start:end]
        text = span.text.strip()
        words = [fold(t.text) for t in span if not t.is_punct and not t.like_num]
        if not words or words[0] in _EVENT_NOUNS or any(
            fold(t.text) in _EVENT_NOUNS for t in span[:2]
        ):
            return
        first = span[0]
        if first.pos_ == "NOUN" and not _is_cap(first):
            return
        if _portfolio_fragment(doc, lex, start, end):
            return
        if fold(first.text) in lex.org_heads and _portfolio_after_and(doc, end):
            end = _coordinated(doc, lex, end)[0]  # "la Commission de la défense nationale |
            # et des forces armées" (not "... et du Centre culturel", another body)
        end = _with_state_and_seat(doc, lex, start, end)
        span = doc[start:end]
        text = span.text.strip()
        sector = lex.portfolio_sector(text)
        country = next((geo.nationality(t.text) for t in span if t.pos_ == "ADJ"
                        and geo.nationality(t.text)), None) or _country_in_name(text) or home
        if len(span) > 2 and fold(span[-2].text) in _NATIONAL and geo.nationality(span[-1].text):
            text = span[:-1].text  # "l'Assemblée nationale française" of France
        actor = _find(table, text, "organization", country) or table.new(
            text, "organization", country, sector
        )
        _absorb(table, actor, start, end)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_SUFFIXES = frozenset({"jr", "sr"})  # of a name: "Jr.", whose dot the tokenizer may split off


def _acronyms_as_aliases(doc: Doc, table: ActorTable) -> None:
    """An acronym in parentheses right after an organisation's name is that organisation's
    alias ("la Garde côtière du Vietnam (VCG)"): the acronym written anywhere in the article
    names it, and an actor coded from the acronym alone joins it."""
    n = len(doc)
    for actor in table.actors:
        if actor.kind != "organization":
            continue
        for _, e in sorted(actor.mentions):
            if not (e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")"
                    and _ACRONYM.fullmatch(doc[e + 1].text)):
                continue
            acronym = doc[e + 1].text
            owner = table.by_token.get(e + 1)
            if owner is not None and owner != actor.idx and (
                    table.actors[owner].kind != "organization"
                    or fold(table.actors[owner].name) != fold(acronym)):
                continue  # the parenthesis names another actor ("(Chine)")
            if acronym not in actor.aliases and fold(acronym) != fold(actor.name):
                actor.aliases.append(acronym)
            for other in table.actors:
                if other is not actor and other.kind == "organization" and (
                        fold(other.name) == fold(acronym)):
                    moved, other.mentions = other.mentions, []
                    for start, end in moved:
                        table.add_mention(actor, start, end)
            for tok in doc:
                if tok.text == acronym and tok.i not in table.by_token:
                    table.add_mention(actor, tok.i, tok.i + 1)
            break


def _portfolio_after_and(doc: Doc, end: int) -> bool:
    """Whether "et" at ``end`` starts a lower-case complement ("et des forces armées")."""
    k = end + 1
    while k < len(doc) and (fold(doc[k].text) in _PARTICLES or doc[k].pos_ == "DET"):
        k += 1
    return end < len(doc) and fold(doc[end].text) == "et" and k > end + 1 and k < len(doc) and (
        not _is_cap(doc[k]))


def _bare_head(span: Span, lex: Lexicon) -> bool:
    """A head noun alone ("Parti", "Partis", "Service"): a designation, not a name."""
    if len(span) != 1:
        return False
    word = fold(span[0].text)
    plural = word.endswith(("s", "x")) and word[:-1] in lex.org_heads
    return plural or word in _BARE_NOUNS


_ACRONYM_WINDOW = 12


def _phrase_head(tok: Token) -> Token:
    """The noun that the adjectives and participles ending at ``tok`` modify ("la pêche
    illégale, non déclarée et non réglementée" → "pêche"), or ``tok``."""
    while tok.pos_ != "NOUN" and tok.dep_ in ("amod", "conj", "acl", "advmod", "fixed") and (
            tok.head.i < tok.i):
        tok = tok.head
    return tok


def _acronym_of_no_body(doc: Doc, lex: Lexicon, start: int, end: int) -> bool:
    """An acronym in parentheses after a phrase that names no body: a lower-case phrase ("la
    pêche illicite, non déclarée et non réglementée (INN)") or a meeting ("le 13e Dialogue sur
    la politique de défense Singapour-Vietnam (DPD)")."""
    word = doc[start].text
    if end - start != 1 or not word.isupper() or start < 2 or doc[start - 1].text != "(":
        return False
    if end >= len(doc) or doc[end].text != ")":
        return False
    head = _phrase_head(doc[start - 2])
    if any(_is_cap(t) for t in doc[head.i + 1:start - 1]):
        head = doc[start - 1]  # a name inside the phrase ("... la guerre au Vietnam (VNOSMP)")
    if head.pos_ == "NOUN" and not _is_cap(head) and not (
            fold(head.text) in lex.org_heads or fold(head.lemma_) in lex.org_heads
            or fold(head.lemma_) in lex.groups):
        return True  # "la lutte du Vietnam contre la pêche illégale ... (INN)"
    if head.pos_ == "NOUN" and _is_cap(head) and (
            fold(head.text) in lex.titles or fold(head.lemma_) in lex.titles):
        return True  # "la Directrice générale des relations internationales ... (DGRIS)": a post
    for k in range(start - 2, max(-1, start - 2 - _ACRONYM_WINDOW), -1):
        tok = doc[k]
        if tok.is_sent_start and k < start - 2 or tok.text in (".", "(", ")", ";"):
            break
        if _is_cap(tok) and tok.pos_ == "NOUN":
            return fold(tok.text) in _EVENT_NOUNS
    return not any(_is_cap(t) for t in doc[max(0, start - 2 - _ACRONYM_WINDOW):start - 1]
                   if t.i > doc[start].sent.start)


# Heads that alone designate no body in particular ("le Parti", "le Service"), unlike "le Sénat"
# or "le Parlement".
_BARE_NOUNS = frozenset(fold(w) for w in [
    "parti", "service", "services", "armées", "front", "direction", "département", "office",
    "agence", "mouvement", "association", "union", "comité", "bureau", "état", "états",
])


def _complement_state(doc: Doc, end: int) -> int:
    """The end of an organisation's name the tagger cut before the state or place of its last
    complement ("... du" | "Cambodge"), or ``end``."""
    if end >= len(doc) or fold(doc[end - 1].text) not in _PARTICLES:
        return end
    k = end
    while k < len(doc) and (_is_cap(doc[k]) or doc[k].text == "-" and not doc[k].whitespace_):
        k += 1
    if k == end:
        return end
    named = doc[end:k].text
    if geo.country_code(named) or geo.find_place(named) or geo.capital_metonym(named) or (
            end >= 2 and fold(doc[end - 2].text) in _PLACE_NOUNS):
        return k  # "... de la province de" | "Luang Namtha"
    return end


def _portfolio_fragment(doc: Doc, lex: Lexicon, start: int, end: int) -> bool:
    """A capitalised common noun alone after "de la"/"des" that is no organisation's head: a
    portfolio in the complement of a lower-case noun ("le ministère vietnamien de la Sécurité
    publique", "les ministres des Affaires étrangères")."""
    if end - start != 1 or doc[start].pos_ != "NOUN" or fold(doc[start].text) in lex.org_heads:
        return False
    k = start - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and fold(doc[k].text) in _PARTICLES


def _code_state(doc: Doc, table: ActorTable, start: int, end: int, code: str | None) -> None:
    if code is None:
        return
    span = doc[start:end]
    text = span.text.strip()
    name = geo.state_name(code) or text
    actor = _find(table, name, "state", code) or table.new(name, "state", code, None)
    if not actor.mentions:
        actor.locative_only = True
    if fold(text) != fold(name) and text not in actor.aliases:
        actor.aliases.append(text)
    if not _is_locative(span) and not (
        _headline_label(doc, end) and not _named_again(doc, code, end)
    ):
        actor.locative_only = False
    table.add_mention(actor, start, end)


def _named_again(doc: Doc, code: str, after: int) -> bool:
    """Whether the body names the state ``code`` again after the headline, other than as a part
    of its territory ("le centre de l'Irak")."""
    return any(
        ent.start > after and geo.country_code(ent.text) == code and not _part_of(ent)
        for ent in doc.ents
    )


def _headline_label(doc: Doc, end: int) -> bool:
    """A name that labels the headline ("Irak : deux mosquées visées..."): the article's topic,
    an actor only when the body names it again."""
    return end < len(doc) and doc[end].text == ":" and "\n" not in text_of(doc)[: doc[end].idx]


def _code_known_org(
    doc: Doc, table: ActorTable, start: int, end: int, written: str, key: str,
    code: str | None, sector: str | None,
) -> ActorAnn:
    """A known body or organisation, named by its fullest form written in the article ("ONU"
    when the article never writes "Organisation des Nations unies"), unless that form is only
    written inside another name ("l'ONU ... la Convention des Nations Unies sur le droit de la
    mer": the "ONU")."""
    actor = next(
        (a for a in table.actors if a.kind == "organization" and a.key == key), None
    ) or _find(table, written, "organization", code)
    written = written[:1].upper() + written[1:]
    if actor is None:
        actor = table.new(written, "organization", code, sector)
    actor.key = actor.key or key
    if fold(written) != fold(actor.name):
        named_inside = all(_inside_a_name(doc, s) for s, _ in actor.mentions)
        if not _inside_a_name(doc, start) and (len(written) > len(actor.name) or named_inside):
            written, actor.name = actor.name, written
        if written not in actor.aliases:
            actor.aliases.append(written)
    table.add_mention(actor, start, end)
    return actor


def _inside_a_name(doc: Doc, start: int) -> bool:
    """Whether a name at ``start`` is the complement of a capitalised noun, inside a longer
    name ("la Convention des | Nations Unies", "la Charte de l' | ONU")."""
    k = start - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 1 and fold(doc[k].text) in _PARTICLES and _is_cap(doc[k - 1]) and (
        doc[k - 1].pos_ == "NOUN")


def _strip_article(span: Span, keep_capital: bool = True) -> Span:
    """Without its leading article; a capitalised article inside a sentence is part of the
    name ("le quotidien L'Orient-Le Jour", "Le Temps") unless ``keep_capital`` is False."""
    while len(span) > 1 and span[0].pos_ == "DET" and fold(span[0].text) in _ARTICLES and (
        not _is_cap(span[0]) or not keep_capital
    ):
        span = span[1:]
    return span


_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "l"})


def _known_at(text: str, first: str, lex: Lexicon, length: int) -> tuple[str, str | None,
                                                                      str | None, str] | None:
    """(canonical name, code, sector, kind) of a known body, organisation or institutional
    metonym written as ``text``, a span of ``length`` tokens whose first token is ``first``."""
    capitalised = _capitalised(first)
    body = geo.international_body(text)
    if body is not None and (capitalised or (length >= 2 and fold(first) in lex.org_heads)):
        return body.name, body.code, body.sector, "body"
    if not capitalised:
        return None
    org = known.organization(text)
    if org is not None and _capitals_agree((org.name, *org.aliases), text):
        return org.name, org.code, org.sector, "organization"
    place = geo.metonym(text)
    if place is not None and place.sector is not None and geo.capital_metonym(text) is None:
        return place.name, place.code, place.sector, "metonym"
    return None


def _capitals_agree(forms: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` has the capitals of the recorded form it matches: "Le Pays" the paper,
    not "le pays" or "Le pays"."""
    words = [w for w in geo.fold(text).split() if w]
    written = [w for w in re.split(r"[\s\-'’.]+", text) if w]
    for form in forms:
        if geo.fold(form) != geo.fold(text):
            continue
        parts = [w for w in re.split(r"[\s\-'’.]+", form) if w]
        if len(parts) != len(written):
            return len(words) == 1 and text[:1].isupper()
        return all(not p[:1].isupper() or w[:1].isupper() for p, w in zip(parts, written))
    return bool(text[:1].isupper())


def _code_known_names(
    doc: Doc, lex: Lexicon, table: ActorTable, agency: str | None, blocked: set[int]
) -> set[int]:
    """International bodies, known organisations and institutional metonyms ("le Pentagone"),
    longest match first, wherever they are written (also inside a title's complement, but not
    inside a list of portfolios or at a title's start: ``blocked``). A body's name followed
    by a state ("le Conseil de sécurité de Russie") is that state's organ. Returns the tokens
    they cover."""
    covered: set[int] = set()
    n = len(doc)
    # the tokens' text, trailing space and part of speech, read once (each doc[k] builds a Token)
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    pos = [t.pos_ for t in doc]
    punct = [t.is_punct for t in doc]
    i = 0
    while i < n:
        text = texts[i]
        if punct[i] or i in blocked or not (
            _capitalised(text) or fold(text) in lex.org_heads
        ) or not (geo.may_start_name(text) or known.may_start_organization(text)):
            i += 1
            continue
        hit = None
        for j in range(min(n, i + _LONGEST_NAME), i, -1):
            last = texts[j - 1]
            if not any(c.isalnum() for c in last) or fold(last) in _PARTICLES or (
                pos[j - 1] in ("DET", "ADP")
            ):
                continue
            if j < n and texts[j] == "-" and not spaces[j - 1]:
                continue  # part of a hyphenated word
            span_text = "".join(texts[k] + spaces[k] for k in range(i, j - 1)) + last
            found = _known_at(span_text, texts[i], lex, j - i)
            if found is not None:
                hit = (j, found)
                break
        if hit is None:
            i += 1
            continue
        end, (key, code, sector, kind) = hit
        if kind == "organization" and (
            (i > 0 and _is_cap(doc[i - 1]) and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start
             and fold(doc[i - 1].text) not in _ARTICLES)
            or (end < n and _is_cap(doc[end]) and doc[end].is_alpha)
            or (end < n and pos[end] == "ADJ" and not _is_cap(doc[end])
                and not _is_cap(doc[end - 1]) and i <= doc[end].head.i < end
                and not geo.nationality(texts[end]))
        ):
            i = end  # "Rob Ford", "Sanofi Pasteur", "le Parti populaire révolutionnaire du
            continue  # Laos": part of a longer name
        span = _strip_article(doc[i:end], keep_capital=fold(key).split()[0] in _ARTICLES)
        written = span.text
        if agency and fold(written) == fold(agency):
            covered.update(range(i, end))  # the agency that signs the dispatch is a source
            i = end
            continue
        if kind == "metonym" and _is_locative(span):
            i = end
            continue
        national = _state_of(doc, end) if kind == "body" else None
        if national is not None:  # "le Conseil de sécurité de Russie"
            end, code = national
            written = doc[span.start:end].text
            key = written
        _code_known_org(doc, table, span.start, end, written, key, code, sector)
        covered.update(range(i, end))
        i = end
    return covered


_LONGEST_NAME = 12


def _state_of(doc: Doc, k: int) -> tuple[int, str] | None:
    """A state named by a complement at ``k`` ("de Russie", "du Vietnam"): (end, code)."""
    n = len(doc)
    if k + 1 >= n or fold(doc[k].text) not in _PARTICLES:
        return None
    k += 1
    if doc[k].pos_ == "DET" and fold(doc[k].text) in _ARTICLES and k + 1 < n:
        k += 1
    for length in (3, 2, 1):
        if k + length <= n and _is_cap(doc[k]) and not doc[k + length - 1].is_punct:
            code = geo.country_code(doc[k:k + length].text)
            if code is not None:
                return k + length, code
    return None

# Nouns that introduce a medium's or a company's name ("l'agence Bloomberg", "le quotidien
# suisse Le Temps", "les firmes Startup Square et TiE").
_MEDIA_HEADS = frozenset(fold(w) for w in [
    "agence", "agences", "quotidien", "quotidiens", "journal", "journaux", "hebdomadaire",
    "magazine", "radio", "chaîne", "télévision", "site", "média", "médias", "mensuel",
])
_COMPANY_HEADS = frozenset(fold(w) for w in [
    "entreprise", "entreprises", "société", "sociétés", "firme", "firmes", "groupe",
    "constructeur", "compagnie", "start-up", "opérateur", "fabricant", "géant", "réseau",
    "réseaux", "plateforme", "banque", "consortium",
])


def _name_run(doc: Doc, lex: Lexicon, start: int, blocked: set[int]) -> int:
    """End of the proper name that starts at ``start`` ("L'Orient-Le Jour", "Aspin Kemp and
    Associates"), or ``start`` if none does."""
    n = len(doc)
    k = start
    while k < n and k not in blocked:
        tok = doc[k]
        if _is_cap(tok) and not tok.like_num and fold(tok.text) not in lex.titles or tok.text == "-" and not tok.whitespace_ and k > start and k + 1 < n or fold(tok.text) in ("and", "&") and k > start and k + 1 < n and _is_cap(doc[k + 1]):
            k += 1
        else:
            break
    while k > start and (doc[k - 1].text == "-" or fold(doc[k - 1].text) in ("and", "&")):
        k -= 1
    return k


def _code_designated(doc: Doc, lex: Lexicon, table: ActorTable, blocked: set[int]) -> set[int]:
    """Media and companies introduced by what they are: "l'agence Bloomberg" (JRN), "la chaîne
    publique TRT", "le quotidien libanais L'Orient-Le Jour", "les firmes Startup Square et TiE"
    (BUS), with coordinated names."""
    covered: set[int] = set()
    n = len(doc)
    for tok in doc:
        head = fold(tok.text)
        if _is_cap(tok) or tok.i in blocked or (head not in _MEDIA_HEADS and head not in _COMPANY_HEADS):
            continue
        sector = "JRN" if head in _MEDIA_HEADS else "BUS"
        k = tok.i + 1
        country = None
        while k < n and doc[k].pos_ == "ADJ" and not _is_cap(doc[k]):
            country = country or geo.nationality(doc[k].text)
            k += 1
        while k < n:
            end = _name_run(doc, lex, k, blocked)
            if end == k:
                break
            text = _strip_article(doc[k:end]).text
            if (
                geo.country_code(text) or geo.find_place(text) or known.person(text)
                or geo.international_body(text)
            ):
                break
            org = known.organization(text)
            actor = _code_known_org(
                doc, table, k, end, text, org.name if org else text,
                org.code if org else country, org.sector if org else sector,
            )
            if actor.country is None:
                actor.country = country
            covered.update(range(k, end))
            k = end
            # coordination: "X, Y et Z", "X ainsi que Y"
            if k < n and doc[k].text == "," and k + 1 < n or k < n and fold(doc[k].text) == "et":
                k += 1
            elif k + 1 < n and fold(doc[k].text) == "ainsi" and fold(doc[k + 1].text) == "que":
                k += 2
            else:
                break
    return covered


def _topic_country(doc: Doc, table: ActorTable) -> str | None:
    """The state an article is about, for its unmarked actors: the state its headline names
    before a colon ("Burundi : ..."), else the state named clearly more often than any other."""
    article = doc._.article
    title = article.title if article is not None and article.title else None
    for headline in (title, text_of(doc).split("\n", 1)[0]):
        if headline and ":" in headline:
            head = headline.split(":", 1)[0].strip()
            place = geo.find_place(head)  # "Floride : ...", "Isère : ..."
            iso = geo.country_code(head) or (place.country_iso3 if place is not None else None)
            if iso:
                return iso
    counts = sorted(
        ((len(a.mentions), a.country) for a in table.actors if a.kind == "state" and a.country),
        reverse=True,
    )
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
        return counts[0][1]
    return _places_country(doc)


def _places_country(doc: Doc) -> str | None:
    """The country of the places an article names, when one clearly leads ("à Viernheim",
    "près de Francfort": Germany)."""
    found: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "LOC":
            place = geo.find_place(ent.text)
            if place is not None and place.country_iso3:
                found[place.country_iso3] = found.get(place.country_iso3, 0) + 1
    ranked = sorted(found.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _country_in_name(name: str) -> str | None:
    """The state an organisation's name names ("Bureau des MIA des États-Unis à Hanoi" → USA),
    else the state of the place it ends with ("Université de l'Île-du-Prince-Édouard" → CAN)."""
    for match in re.finditer(r"\b(?:de la|de l'|des|du|de|d'|en|au)\s*([A-ZÀ-Ý][\w-]*"
                             r"(?:[ -][A-ZÀ-Ý][\w-]*)*)", name):
        iso = geo.country_code(match.group(1))
        if iso:
            return iso
    for match in re.finditer(r"\b(?:de la|de l'|des|du|de|d'|en|au)\s*([A-ZÀ-Ý][^,;()]*)$", name):
        tail = match.group(1).strip()
        iso = geo.country_code(tail)
        if iso:
            return iso
        place = geo.find_place(tail)
        if place is not None and place.country_iso3:
            return place.country_iso3
    return None


def _is_subject(span: Span) -> bool:
    """A capital that acts: the subject of a verb ("Washington a annoncé"), or whom a verb of
    saying or asking addresses ("a demandé à Washington de ...", "a accusé Moscou")."""
    root = span.root
    if root.dep_.startswith("nsubj"):
        return True
    return root.dep_ in ("obj", "iobj", "obl:arg") and root.head.pos_ == "VERB" and fold(
        root.head.lemma_) in _ADDRESSING_VERBS


# verbs whose object or indirect object is someone addressed, never a place
_ADDRESSING_VERBS = frozenset(fold(w) for w in [
    "demander", "appeler", "exhorter", "inviter", "presser", "accuser", "critiquer",
    "condamner", "remercier", "féliciter", "avertir", "menacer", "sommer", "prier", "enjoindre",
    "dénoncer", "blâmer", "soutenir", "reprocher",
])


def _is_locative(span: Span) -> bool:
    """A state or place named as where something is ("en Syrie", "à Madagascar"), not as
    an actor; the destination of a visit ("sa visite en France") is an actor (the host)."""
    if _part_of(span):
        return True
    root = span.root
    case = [c for c in root.children if c.dep_ == "case"]
    if not case or fold(case[0].text) not in ("en", "a", "au", "aux", "dans", "vers"):
        return False
    head = root.head
    return fold(head.lemma_) not in _VISIT_WORDS


def _part_of(span: Span) -> bool:
    """A state named for a part of its territory or its past ("le centre de l'Irak", "Bruxelles,
    capitale de la Belgique", "l'histoire des États-Unis")."""
    root = span.root
    case = [c for c in root.children if c.dep_ == "case"]
    return bool(case) and fold(case[0].text) in _PARTICLES and fold(root.head.lemma_) in _PART_NOUNS


_VISIT_WORDS = frozenset(fold(w) for w in ["visite", "visiter", "rendre", "tournée", "déplacement"])
# Nouns of a part of a territory or of its past: "le nord de la Syrie", "l'histoire des États-Unis".
_PART_NOUNS = frozenset(fold(w) for w in [
    "centre", "nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
    "capitale", "région", "province", "territoire", "frontière", "côte", "sol", "histoire",
    "reste", "ville", "intérieur",
])


def _find(table: ActorTable, name: str, kind: str, country: str | None) -> ActorAnn | None:
    key = fold(name)
    for actor in table.actors:
        if actor.kind == kind and fold(actor.name) == key and (
            country is None or actor.country in (None, country)
        ):
            return actor
    return None


def _person_at(table: ActorTable, i: int) -> ActorAnn | None:
    """The person a mention starting at token ``i`` names, if any."""
    idx = table.by_token.get(i)
    actor = table.actors[idx] if idx is not None else None
    return actor if actor is not None and actor.kind == "person" and any(
        s == i for s, _ in actor.mentions) else None


def _absorb(table: ActorTable, actor: ActorAnn, start: int, end: int) -> None:
    """Mention ``actor`` at ``[start, end)``, taking the tokens from the actors read there
    before: a state or a place inside an organisation's name ("la Garde-côte du Vietnam", "le
    Comité national pour la sécurité maritime du Cambodge") is part of the name, not an actor
    (one left with no mention is dropped); people keep theirs ("le régime de Pierre
    Nkurunziza")."""
    for other in table.actors:
        if other is not actor and other.mentions and other.kind != "person":
            other.mentions = [(s, e) for s, e in other.mentions if not (start <= s and e <= end)]
    for i in range(start, end):
        table.by_token.pop(i, None)
    table.add_mention(actor, start, end)


def _code_org_heads(
    doc: Doc, lex: Lexicon, table: ActorTable, home: str | None, title_tokens: set[int]
) -> None:
    """Organisations named by a head noun: "le ministère de la Défense", "l'Armée populaire
    vietnamienne", "la Commission militaire centrale", "le gouvernement iranien"."""
    n = len(doc)
    for tok in doc:
        head = lex.org_heads.get(fold(tok.text)) or lex.org_heads.get(fold(tok.lemma_))
        if head is None or tok.i in table.by_token or tok.i in title_tokens:
            continue
        if tok.i > 0 and (doc[tok.i - 1].text[:1].isdigit() or fold(doc[tok.i - 1].text) in (
            "premier", "premiere", "dernier", "prochain"
        )):
            continue  # "le 13e Congrès national du Parti" is a meeting, not a body
        end = tok.i + 1
        country = None
        institutional = False
        if head.with_nationality and _code_coordinated(doc, table, tok, head.sector):
            continue
        if _designation(doc, tok) and fold(tok.text) not in lex.org_heads:  # "forces" is plural
            continue
        adjectives: set[int] = set()
        while end < n and doc[end].pos_ == "ADJ" and not _is_cap(doc[end]) and (
            fold(doc[end].text) not in _COMPARATIVES
        ) and (
            doc[end].dep_ in ("amod", "flat:name")
            or geo.nationality(doc[end].text)
            or fold(doc[end].text) in _INSTITUTIONAL_ADJECTIVES
        ):
            nat = geo.nationality(doc[end].text)
            if nat:
                country = nat
                adjectives.add(end)
            institutional = institutional or fold(doc[end].text) in _INSTITUTIONAL_ADJECTIVES
            end += 1
        pair = _state_pair(doc, end)
        if pair is not None:  # "le Comité intergouvernemental Vietnam-Laos": a body of two states
            end, country, institutional = pair, "IGO", True
        has_portfolio = False
        bare = end  # the head and its adjectives
        if end < n and fold(doc[end].text) in _PARTICLES:
            k = end + 1
            if k < n and doc[k].pos_ == "DET" and fold(doc[k].text) in ("la", "l'", "le", "les"):
                k += 1
            territory = _territory_of(doc, k)
            if territory is not None:  # "la police de la province de Khánh Hòa"
                k = territory
                end = k
                has_portfolio = True
            elif k < n and (_is_cap(doc[k]) or lex.portfolio_sector(doc[k:k + 3].text)):
                k += 1
                while k < n and (
                    (doc[k].pos_ in ("ADJ", "NOUN") and doc[k].dep_ in ("amod", "flat:name"))
                    or (_is_cap(doc[k]) and doc[k].pos_ in ("PROPN", "NOUN", "ADJ"))
                ) and fold(doc[k].text) not in _PARTICLES and doc[k].text != ",":
                    nat = geo.nationality(doc[k].text)
                    if nat and not _is_cap(doc[k]):  # "le ministère de l'Intérieur turc":
                        country = country or nat  # Turkey's "Ministère de l'Intérieur"
                        adjectives.add(k)
                    k += 1
                complement = doc[end + 1 if doc[end + 1].pos_ != "DET" else end + 2: k]
                state = geo.country_code(complement.text) or geo.capital_metonym(complement.text)
                has_portfolio = lex.portfolio_sector(doc[end:k].text) is not None or (
                    len(complement) > 0 and _is_cap(complement[0])
                )
                if state and head.with_nationality:  # "le régime de Bujumbura"
                    country = state
                if state:  # "la Garde-côte du Vietnam": the name ends with its state
                    end = k
                    country = country or state
                elif has_portfolio:
                    end, skip = _coordinated(doc, lex, k)  # "du Travail et de la ..."
                    adjectives |= skip
        after = _state_of(doc, end) if has_portfolio else None
        if after is not None and country is None:  # "du Département d'Etat des États-Unis"
            country = after[1]
        if end == bare and end < n and head.with_nationality and not _is_cap(tok):
            leader = _person_at(table, end)  # "le gouvernement Assad", "le régime Kim"
            if leader is not None:
                end = next(e for s, e in leader.mentions if s == end)
                has_portfolio = True
        leader = next((a for k in range(bare, end) if (a := _person_at(table, k))),
                      None) if has_portfolio and head.with_nationality else None
        base = end
        end = _with_state_and_seat(doc, lex, tok.i, end) if has_portfolio else _seat_of(
            doc, tok, end)
        capitalised = _is_cap(tok) and not tok.is_sent_start
        nationality_only = head.with_nationality and (country is not None or institutional)
        if not (capitalised and end > tok.i + 1) and not has_portfolio and not nationality_only:
            continue
        if not capitalised and not adjectives and "Plur" in tok.morph.get("Number", []) and (
            end - bare <= 2 or fold(doc[bare].text) in ("du", "des")
            or doc[bare + 1].pos_ == "DET"
        ):
            # "les forces de l'ordre", "des forces de police": no body in particular (but "les
            # forces de sécurité publique populaire")
            continue
        name_tokens = doc[tok.i:end]
        if geo.country_code(name_tokens.text):
            continue
        # "le ministère vietnamien de la Défense" is "Ministère de la Défense" of Vietnam
        kept = [t for t in name_tokens if t.i not in adjectives or not has_portfolio and not (
            fold(doc[t.i - 1].text) in _NATIONAL  # "l'Assemblée nationale française"
        )]
        text = "".join(t.text_with_ws for t in kept).strip().rstrip(",")
        name = text[0].upper() + text[1:]
        sector = lex.portfolio_sector(name) or head.sector
        if country is None:
            country = home
        short = "".join(t.text_with_ws for t in kept if t.i < base).strip().rstrip(",")
        short = short[:1].upper() + short[1:]
        actor = _find(table, name, "organization", country) or (None if leader else (
            _government_of(table, name, country) or _find(table, short, "organization",
                                                          country)))
        if actor is None:
            actor = table.new(name, "organization", country, sector)
            if leader is not None:  # "le régime de Pierre Nkurunziza": of the leader's state,
                actor.leader = leader.idx  # known once the people are finished
        elif len(name) > len(actor.name):  # the name with its seat is the fuller form
            actor.aliases.append(actor.name)
            actor.name = name
        elif fold(actor.name) != fold(name) and name not in actor.aliases:
            actor.aliases.append(name)
        if actor.country is None:
            actor.country = country
        _absorb(table, actor, tok.i, end)


# Words after a head noun that start a comparison, not its adjectives ("des forces puissantes
# tels que ...").
_COMPARATIVES = frozenset({"tel", "tels", "telle", "telles"})
# Heads of bodies that represent a state somewhere, named with their seat ("le Consulat
# général des États-Unis à Hô Chi Minh-Ville", "l'Ambassade du Vietnam en France").
_REPRESENTATIONS = frozenset(fold(w) for w in ["consulat", "ambassade", "bureau", "mission"])


def _territory_of(doc: Doc, k: int) -> int | None:
    """The end of a territory named by a common noun and its name from ``k`` ("province de
    Khánh Hòa", "la ville de Da Nang"), or None."""
    n = len(doc)
    if k + 2 >= n or fold(doc[k].text) not in _PLACE_NOUNS or _is_cap(doc[k]):
        return None
    if fold(doc[k + 1].text) not in _PARTICLES or not _is_cap(doc[k + 2]):
        return None
    j = k + 2
    while j < n and (_is_cap(doc[j]) and doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "X")
                     or doc[j].text == "-" and not doc[j].whitespace_):
        j += 1
    return j if j > k + 2 else None


def _name_end(doc: Doc, k: int) -> int:
    """The end of the run of capitalised words (and particles between them) from ``k``."""
    n = len(doc)
    j = k
    while j < n and (_is_cap(doc[j]) or fold(doc[j].text) in _PARTICLES | _ARTICLES and (
        j + 1 < n and _is_cap(doc[j + 1]) and j > k
    )):
        j += 1
    return j


_DASHES = frozenset({"-", "–", "—"})


def _state_pair(doc: Doc, k: int) -> int | None:
    """The end of two states joined by a dash from ``k`` ("Vietnam-Laos", "Vietnam – Laos"),
    or None."""
    first = state_at(doc, k) if k < len(doc) else None
    if first is None or first[0] >= len(doc) - 1 or doc[first[0]].text not in _DASHES:
        return None
    second = state_at(doc, first[0] + 1)
    return second[0] if second is not None else None


def _seat_of(doc: Doc, head: Token, end: int) -> int:
    """A representation's name goes on with its seat ("le consulat général des États-Unis à
    Hô Chi Minh-Ville", "le Bureau des MIA à Hanoi")."""
    return _seat(doc, end) if fold(head.text) in _REPRESENTATIONS else end


def _with_state_and_seat(doc: Doc, lex: Lexicon, start: int, end: int) -> int:
    """The end of a body's name with the state of its last complement ("le Département d'État
    des États-Unis", "la Direction politique des Forces armées révolutionnaires de Cuba"; not a
    ministry's: "le ministère de la Défense du Vietnam" is the "Ministère de la Défense"; not a
    company's: "Viettel Global JSC du Vietnam") and a representation's seat."""
    head = _strip_article(doc[start:end], keep_capital=False)[0]
    after = _state_of(doc, end)
    word = fold(head.text)
    if after is not None and (word in lex.org_heads or word in _REPRESENTATIONS) and not (
            word.startswith("minist")):
        end = after[0]
    return _seat_of(doc, head, end)


def _seat(doc: Doc, end: int) -> int:
    """The end of a name that goes on with its seat ("à Hanoï", "en France") at ``end``."""
    n = len(doc)
    if end + 2 < n and fold(doc[end].text) == "aupres" and fold(doc[end + 1].text) in _PARTICLES:
        k = end + 2  # "la Mission permanente du Vietnam auprès de l'ONU"
        if doc[k].pos_ == "DET" and k + 1 < n:
            k += 1
        j = _name_end(doc, k)
        return j if j > k and geo.international_body(doc[k:j].text) is not None else end
    if end + 2 < n and fold(doc[end].text) == "dans":
        k = end + 2 if doc[end + 1].pos_ == "DET" else end + 1
        territory = _territory_of(doc, k)  # "dans la province de Luang Prabang"
        return territory if territory is not None else end
    if end + 1 >= n or fold(doc[end].text) not in ("a", "en", "au") or not _is_cap(doc[end + 1]):
        return end
    k = end + 1
    while k < n and (_is_cap(doc[k]) or doc[k].text == "-" and not doc[k].whitespace_):
        k += 1
    while k > end + 1 and doc[k - 1].text == "-":
        k -= 1
    seat = doc[end + 1:k].text
    if geo.find_place(seat) is None and geo.country_code(seat) is None and not (
        _place_name(doc, end + 1, k)
    ):
        return end
    return k


def _coordinated(doc: Doc, lex: Lexicon, k: int) -> tuple[int, frozenset[int]]:
    """:func:`coordinated_groups` for an organisation's name: a group after a comma goes on
    with the name only when it starts with a capital ("du Travail, des Invalides et des
    Affaires sociales", but not "du ministère de la Sécurité publique, des forces de police")."""
    end, skip = coordinated_groups(doc, lex, k)
    i = k
    while i < end:
        if doc[i].text == ",":
            j = i + 2
            if j < end and doc[j].pos_ == "DET":
                j += 1
            if j >= end or not _is_cap(doc[j]):
                return i, frozenset(x for x in skip if x < i)
        i += 1
    return end, skip


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
                          "mon", "ma", "mes"})


def _designation(doc: Doc, tok: Token) -> bool:
    """A head noun that designates organisations already named rather than naming one: after a
    possessive ("leurs Partis", "son ministère") or in the plural, written in lower case or after
    a number ("les deux ministères de la Défense", "les forces de police")."""
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and fold(before.text) in _POSSESSIVES:
        return True
    if "Plur" not in tok.morph.get("Number", []):
        return False
    counted = before is not None and (before.like_num or before.pos_ == "NUM")
    return counted or not _is_cap(tok)


# Adjectives that make a lower-case head an institution of the article's state ("le
# gouvernement civil", "le pouvoir central").
_INSTITUTIONAL_ADJECTIVES = frozenset(fold(w) for w in [
    "civil", "fédéral", "central", "intérimaire", "provisoire", "régulier", "régulière",
    "loyaliste", "national", "nationale", "antiterroriste", "anticorruption",
])
_GOVERNMENT_HEADS = ("gouvernement", "regime")


def _government_of(table: ActorTable, name: str, country: str | None) -> ActorAnn | None:
    """The government already named for ``country``: "le régime de Bujumbura" is "le
    gouvernement burundais" of the same article."""
    if country is None or not fold(name).startswith(_GOVERNMENT_HEADS):
        return None
    return next((a for a in table.actors if a.kind == "organization" and a.country == country
                 and fold(a.name).startswith(_GOVERNMENT_HEADS)), None)


def _code_coordinated(doc: Doc, table: ActorTable, tok: Token, sector: str | None) -> bool:
    """"Les gouvernements britannique, australien et danois": one organisation per
    nationality. Returns whether the head was coded that way."""
    n = len(doc)
    k = tok.i + 1
    found: list[tuple[int, str, str]] = []
    while k < n:
        word = doc[k]
        nat = geo.nationality(word.text) if word.pos_ in ("ADJ", "NOUN", "PROPN") else None
        if nat is None or _is_cap(word):
            break
        found.append((k, word.text, nat))
        k += 1
        if k + 1 < n and (doc[k].text == "," or fold(doc[k].text) == "et") and geo.nationality(
            doc[k + 1].text
        ):
            k += 1
        else:
            break
    if len(found) < 2:
        return False
    lemma = tok.lemma_ if tok.lemma_ and tok.lemma_ != tok.text else tok.text.rstrip("s")
    head = lemma[:1].upper() + lemma[1:]
    for position, adjective, nat in found:
        name = f"{head} {adjective}"
        actor = _find(table, name, "organization", nat) or table.new(
            name, "organization", nat, sector
        )
        table.add_mention(actor, position, position + 1)
    table.add_mention(table.actors[table.by_token[found[0][0]]], tok.i, tok.i + 1)
    return True


def _person_sector(titles: list[str], lex: Lexicon) -> str | None:
    """A portfolio first ("général, ministre de la Sécurité publique" → COP), then an office,
    then a rank."""
    for title in titles:
        sector = lex.portfolio_sector(title)
        if sector:
            return sector
    heads = [lex.titles[h] for h in map(lex.title_head, titles) if h]
    for kind in ("office", "rank"):
        for head in heads:
            if head.kind == kind and head.sector:
                return head.sector
    return None


def _people_home(doc: Doc, table: ActorTable, home: str | None) -> str | None:
    """The country of unmarked people: the article's, except when a counterpart is marked with
    it ("X a rencontré son homologue vietnamien Y" in a VNA dispatch from Pékin: X is the
    host, of the dateline's state)."""
    article = doc._.article
    if home is None or article is None or not article.dateline_place:
        return home
    if not any(a.counterpart and a.country == home for a in table.actors):
        return home
    place = geo.find_place(article.dateline_place)
    local = place.country_iso3 if place is not None else None
    return local or home


def _finish_people(
    table: ActorTable, lex: Lexicon, home: str | None, figures: dict[int, known.KnownPerson],
    published: str | None,
) -> None:
    """Country and sector of each person: from the article's titles first, then from what is
    known of a public figure (the office held on the article's date), then the article's
    topic country."""
    people = [a for a in table.actors if a.kind == "person"]
    for actor in people:
        actor.sector = actor.sector or _person_sector(actor.titles, lex)
        figure = figures.get(actor.idx)
        if figure is not None:
            actor.key = figure.name
            office = known.office_at(figure, published)
            actor.sector = actor.sector or (
                office and _person_sector([office.title], lex)
            ) or figure.sector
            actor.country = actor.country or figure.country
        if actor.country is None:
            by_name = _family_name_country(actor.name)
            if by_name is not None and any(a.counterpart and a.country == by_name for a in people):
                by_name = None  # "X a rencontré son homologue vietnamien Y": X is not Vietnamese
            if by_name is None and home is not None and _foreign_name(actor.name, home):
                # "Alice Guitton" in a Vietnamese dispatch that names France alone besides Vietnam
                others = {a.country for a in table.actors
                          if a.kind == "state" and a.country and a.country != home}
                by_name = others.pop() if len(others) == 1 else None
            actor.country = by_name or home
    # a counterpart ("son homologue") shares the sector of the person he is counterpart to
    for actor in people:
        if actor.counterpart and actor.sector is None:
            peers = [a for a in people if a.sector and a is not actor]
            if peers:
                actor.sector = peers[-1].sector


@lru_cache(maxsize=1)
def _family_names() -> dict[str, str]:
    return {fold(r["name"]): r["country"] for r in read_tsv("fr", "family_names.tsv")}


def _foreign_name(name: str, home: str) -> bool:
    """Whether a name of two words or more has none of the family names distinctive of the
    home country, when that country has some (family_names.tsv): "Alice Guitton" is no
    Vietnamese name."""
    words = [fold(w) for w in name.split()]
    names = _family_names()
    if len(words) < 2 or home not in names.values():
        return False
    return not any(names.get(w) == home for w in words)


def _family_name_country(name: str) -> str | None:
    """The country a name of three words or more, family name first, is distinctive of
    (family_names.tsv): "Trinh Van Quyêt" is Vietnamese."""
    words = name.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return _family_names().get(fold(words[0]))


def _derive_ministries(lex: Lexicon, table: ActorTable) -> None:
    """A minister's office designates a ministry: "vice-ministre de la Sécurité publique" of
    Vietnam designates Vietnam's "Ministère de la Sécurité publique", an actor of the article
    only when an event or a designation uses it."""
    for actor in list(table.actors):
        if actor.kind != "person":
            continue
        for title in actor.titles:
            folded = fold(title)
            for head in ("vice-ministre ", "ministre adjoint ", "ministre "):
                if folded.startswith(head) and " de" in folded[len(head) - 1 : len(head) + 3]:
                    complement = title[len(head):].strip()
                    name = "Ministère " + complement
                    existing = _find(table, name, "organization", actor.country)
                    if existing is None:
                        org = table.new(
                            name, "organization", actor.country, lex.portfolio_sector(complement)
                        )
                        org.derived = True  # never named: kept when something uses it
                    elif existing.country is None:
                        existing.country = actor.country
                    break
