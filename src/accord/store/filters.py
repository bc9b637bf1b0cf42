"""The WHERE clauses of the store's queries, one builder per table, and the event sorts.

Each builder turns a query (:mod:`accord.store.query`, checked and normalised when it was made) into
SQL conditions on the table's usual alias (``e`` events, ``s`` statements, ``c`` claims, ``r``
registry, ``d`` documents) and their parameters; every value is a parameter, never part of the
SQL. :mod:`accord.store.query` and :mod:`accord.store` document what each filter means.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from accord.store.query import (
    ActorQuery,
    ClaimQuery,
    DocumentQuery,
    EventQuery,
    StatementQuery,
)
from accord.store.write import date_range
from accord.vocab.text import normalize_name

__all__ = [
    "EVENT_SORTS",
    "KIND_INDEXES",
    "SORT_INDEXES",
    "Term",
    "actor_where",
    "claim_where",
    "dated_select",
    "document_where",
    "event_terms",
    "statement_where",
]

_NAMED = (
    "(instr({col}, ?) > 0 OR {reg} IN"
    " (SELECT registry_id FROM registry_names WHERE instr(norm_alias, ?) > 0))"
)  # a name filter: a substring of the normalised name or of an alias of its registry entry


EVENT_SORTS = {
    "date": "coalesce({a}.date_lo, '~'), {a}.id",
    "-date": "coalesce({a}.date_lo, '') DESC, {a}.id DESC",
    "intensity": "coalesce({a}.intensity, 99), coalesce({a}.date_lo, '~'), {a}.id",
    "-intensity": "coalesce({a}.intensity, -99) DESC, coalesce({a}.date_lo, '~'), {a}.id",
    "type": "{a}.type, coalesce({a}.date_lo, '~'), {a}.id",
}
"""The SQL order of each of :data:`accord.store.query.SORTS`: oldest or newest first, by intensity
(then oldest first), by type (then oldest first); undated events and events without intensity
last, events of the same key in the order they were stored (newest stored first for
``-date``)."""

SORT_INDEXES = {
    "date": "events_by_date", "-date": "events_by_date_desc", "intensity": "events_by_intensity",
    "-intensity": "events_by_intensity_desc", "type": "events_by_type",
}
"""The index that gives each sort's order (migration 6: with the type, quad class and dates)."""

KIND_INDEXES = {
    "date": "events_kind_date", "-date": "events_kind_date_desc",
    "intensity": "events_kind_intensity", "-intensity": "events_kind_intensity_desc",
    "type": "events_kind_date",
}
"""The index that gives each sort's order within one type and quad class (migration 6)."""

_DATED_ORDER = "{a}.date_lo IS NULL, {a}.date_lo, {a}.doc_id, {a}.idx"


def dated_select(table: str, alias: str, where: list[str], order: str = _DATED_ORDER) -> str:
    """The query of a table of dated rows (statements, claims) with their document's
    path, title, date, URL and source, in ``order`` (oldest first by default), paged
    (``LIMIT ? OFFSET ?``)."""
    return (
        f"SELECT {alias}.*, d.path AS doc_path, d.title AS doc_title,"
        f" d.published AS doc_published, d.url AS doc_url, d.source AS doc_source"
        f" FROM {table} {alias} JOIN documents d"
        f" ON d.id = {alias}.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY "
        + order.format(a=alias)
        + " LIMIT ? OFFSET ?"
    )


@dataclass(frozen=True, slots=True)
class Term:
    """One event filter, in the forms :mod:`accord.store.plan` chooses from.

    ``where`` is a condition on the event row ``e`` (with ``params``), checked row by row;
    ``ids``, for a filter an index enumerates, the query of the ids of the events it keeps
    (with ``ids_params``; a superset for none of them). ``column`` says that ``where`` reads
    ``e``'s own columns (SQLite can range an index by it); a filter that is not a column reads
    ``e`` through ``e.id`` only (:meth:`on` another id). ``ranges`` maps an event sort
    to conditions on that sort's index key that ``where`` implies (the sort's index is then
    read in that range only). ``ordered``: ``ids`` lists the events in id order, or nearly (a
    set of them is then built for next to nothing; several lists one after the other are not).
    ``unique``: ``ids`` lists each event once (a drive can read them as they come, no set
    needed). ``ids`` names its column ``id``.
    """

    name: str
    where: str
    params: tuple[object, ...]
    ids: str | None = None
    ids_params: tuple[object, ...] = ()
    column: bool = False
    ranges: dict[str, tuple[str, tuple[object, ...]]] = field(default_factory=dict)
    facts: bool = False  # ``where`` reads only the type, quad class and dates (on any sort's
    # index, and events_facts)
    ordered: bool = True
    unique: bool = False

    @property
    def kind(self) -> bool:
        """A filter on the event's type or quad class (:data:`KIND_TERMS`)."""
        return self.name in KIND_TERMS

    def on_facts(self, alias: str) -> str:
        """``where`` on the row ``alias`` of the covering index events_facts (a facts filter)."""
        return self.where.replace("e.", f"{alias}.")

    def on(self, event_id: str) -> str:
        """``where`` for the event whose id is ``event_id`` (not a column filter)."""
        if self.column:
            raise ValueError(f"the {self.name} filter reads the event's columns")
        return self.where.replace("e.id", event_id)

    def between(self, first: int, last: int) -> Term:
        """The same filter, its ``ids`` only those from ``first`` to ``last`` (SQLite ranges
        the index that lists them)."""
        if self.ids is None:
            return self
        return dataclasses.replace(
            self, ids=f"SELECT id FROM ({self.ids}) WHERE id BETWEEN ? AND ?",
            ids_params=(*self.ids_params, first, last),
        )

    def restrict(self) -> tuple[str, tuple[object, ...]]:
        """The condition to use without a plan: ``where`` for a column, else the ids."""
        if self.column or self.ids is None:
            return self.where, self.params
        return f"e.id IN ({self.ids})", self.ids_params


KIND_TERMS = ("type", "quad_class")
"""The filters of an event's kind: the events they keep are counted in ``event_kinds``."""

_BY_EVENT = "event_participants p INDEXED BY event_participants_event"  # one seek per event


def _participant(condition: str, params: tuple[object, ...], name: str) -> Term:
    """A filter on any participant of the event (``condition`` on ``p``)."""
    return Term(
        name,
        f"EXISTS (SELECT 1 FROM {_BY_EVENT} WHERE p.event_id = e.id AND +{condition})",
        params,
        f"SELECT p.event_id AS id FROM event_participants p WHERE {condition}",
        params,
    )


def event_terms(query: EventQuery) -> list[Term]:
    """The filters of an event query as terms."""
    terms: list[Term] = []
    actor, country, type, dyad = query.actor, query.country, query.type, query.dyad
    quad_class, actor_id, role, since, until = (
        query.quad_class, query.actor_id, query.role, query.since, query.until
    )
    text, doc_id = query.text, query.doc_id
    if actor is not None:
        name = normalize_name(actor)
        names = "SELECT registry_id FROM registry_names WHERE instr(norm_alias, ?) > 0"
        unregistered = ("p.registry_id IS NULL AND p.norm_name IS NOT NULL"
                        " AND instr(p.norm_name, ?) > 0")
        others = ("SELECT p.event_id AS id FROM event_participants p"
                  f" INDEXED BY event_participants_unregistered WHERE {unregistered}")
        terms.append(Term(
            "actor",
            f"(EXISTS (SELECT 1 FROM {_BY_EVENT} WHERE p.event_id = e.id"
            f" AND +p.registry_id IN ({names})) OR e.id IN ({others}))",  # +: a check, no seek
            (name, name),
            f"SELECT p.event_id AS id FROM event_participants p WHERE p.registry_id IN ({names})"
            f" UNION ALL {others}",
            (name, name), ordered=False,  # the events of each registry entry in turn
        ))
    if country is not None:
        terms.append(_participant("p.country = ?", (country,), "country"))
    if type is not None:
        terms.append(Term("type", "e.type = ?", (type,), column=True,
                          ranges={"type": ("e.type = ?", (type,))}, facts=True))
    if dyad is not None:
        a, b = sorted(dyad.split("-"))
        terms.append(Term(
            "dyad",
            "EXISTS (SELECT 1 FROM event_dyads y WHERE y.event_id = e.id AND y.country_a = ?"
            " AND y.country_b = ?)", (a, b),
            "SELECT event_id AS id FROM event_dyads WHERE country_a = ? AND country_b = ?", (a, b),
            unique=True,
        ))
    if quad_class is not None:
        terms.append(Term("quad_class", "e.quad_class = ?", (int(quad_class),), column=True,
                          facts=True))
    if actor_id is not None:
        condition = "p.registry_id = ?" + (" AND p.role = ?" if role is not None else "")
        params = (int(actor_id),) + ((role,) if role is not None else ())
        terms.append(_participant(condition, params, "actor_id"))
    if since is not None or until is not None:
        terms.append(_dates(since, until))
    if text is not None:
        words = normalize_name(text)
        grams = _rare_trigrams(words)
        terms.append(Term(  # trigrams: a substring of three characters at least
            "text", "instr(e.norm_text, ?) > 0", (words,),
            "SELECT rowid AS id FROM events_text WHERE events_text MATCH ?" if grams else None,
            (grams,), column=True, unique=True,
        ))
    if doc_id is not None:
        terms.append(Term("doc_id", "e.doc_id = ?", (doc_id,),
                          "SELECT id FROM events WHERE doc_id = ?", (doc_id,), column=True,
                          unique=True))
    return terms


_LETTERS = "esaitnrulodcpmvqfbghjxyzwk"  # French text, the most frequent letter first


def _rare_trigrams(words: str, count: int = 3) -> str:
    """A query of the trigram index for events whose text holds ``words``: ``count`` of its
    trigrams, those of the rarest letters (a superset, far cheaper than the phrase, whose
    common trigrams have long lists; ``instr`` then checks the words); empty if none can be
    asked (fewer than three characters; a NUL ends an FTS5 query)."""
    grams = sorted(g for g in {words[i : i + 3] for i in range(len(words) - 2)} if "\x00" not in g)
    letters = [g for g in grams if g.isalnum()] or grams

    def frequency(gram: str) -> int:
        return sum(len(_LETTERS) - _LETTERS.find(c) if c in _LETTERS else 0 for c in gram)

    chosen = sorted(letters, key=lambda g: (frequency(g), g))[:count]
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in chosen)


def _dates(since: str | None, until: str | None) -> Term:
    """``since``/``until``: the event's days all within (its range: date_lo..date_hi)."""
    where, params, keys, bounds = [], [], [], []
    if since is not None:
        first = date_range(since)[0]
        where.append("e.date_lo >= ?")
        params.append(first)
        keys.append("{key} >= ?")
        bounds.append(first)
    if until is not None:
        last = date_range(until)[1]
        where.append("e.date_hi <= ?")
        params.append(last)
        keys.append("{key} <= ?")  # date_lo <= date_hi
        bounds.append(last)
    ids = " AND ".join(k.format(key="date_lo") for k in keys)
    return Term(
        "dates", " AND ".join(where), tuple(params),
        f"SELECT id FROM events WHERE {ids} AND " + " AND ".join(w[2:] for w in where),
        (*bounds, *params), column=True, facts=True, ordered=False, unique=True,
        ranges={
            sort: (" AND ".join(k.format(key=f"coalesce(e.date_lo, {null})") for k in keys),
                   tuple(bounds))
            for sort, null in (("date", "'~'"), ("-date", "''"))
        },
    )


def statement_where(
    stored_verbs: Callable[[], list[str]], query: StatementQuery
) -> tuple[list[str], list[object]]:
    """The filters of a statement query (``stored_verbs``: the verbs the store holds)."""
    where: list[str] = []
    params: list[object] = []
    speaker, speaker_id, country, verb = query.speaker, query.speaker_id, query.country, query.verb
    if speaker_id is not None:
        where.append("s.speaker_registry_id = ?")
        params.append(int(speaker_id))
    if speaker is not None:
        where.append(_NAMED.format(col="s.norm_speaker", reg="s.speaker_registry_id"))
        params += [normalize_name(speaker)] * 2
    if country is not None:
        where.append("s.speaker_country = ?")
        params.append(country)
    if verb is not None:  # accents and case ignored: matched against the stored verbs
        stored = stored_verbs()
        wanted = [v for v in stored if normalize_name(v) == normalize_name(verb)] or [verb]
        where.append(f"s.verb IN ({','.join('?' * len(wanted))})")
        params += wanted
    _common_filters("s", where, params, query.since, query.until, query.text, query.doc_id)
    return where, params


def claim_where(query: ClaimQuery) -> tuple[list[str], list[object]]:
    """The filters of a claim query."""
    where: list[str] = []
    params: list[object] = []
    holder, source, country, unit = query.holder, query.source, query.country, query.unit
    min_quantity, max_quantity = query.min_quantity, query.max_quantity
    for value, side in ((holder, "holder"), (source, "source")):
        if value is not None:
            where.append(_NAMED.format(col=f"c.norm_{side}", reg=f"c.{side}_registry_id"))
            params += [normalize_name(value)] * 2
    if country is not None:
        where.append("(c.holder_country = ? OR c.source_country = ?)")
        params += [country] * 2
    if unit is not None:
        where.append("instr(c.norm_unit, ?) > 0")
        params.append(normalize_name(unit))
    if min_quantity is not None:
        where.append("c.quantity >= ?")
        params.append(float(min_quantity))
    if max_quantity is not None:
        where.append("c.quantity <= ?")
        params.append(float(max_quantity))
    _common_filters("c", where, params, query.since, query.until, query.text, query.doc_id)
    return where, params


def _common_filters(
    alias: str,
    where: list[str],
    params: list[object],
    since: str | None,
    until: str | None,
    text: str | None,
    doc_id: str | None,
) -> None:
    """The ``since``, ``until``, ``text`` and ``doc_id`` filters of events, statements and
    claims."""
    if since is not None:
        where.append(f"{alias}.date_lo >= ?")
        params.append(date_range(since)[0])
    if until is not None:
        where.append(f"{alias}.date_hi <= ?")
        params.append(date_range(until)[1])
    if text is not None:
        where.append(f"instr({alias}.norm_text, ?) > 0")
        params.append(normalize_name(text))
    if doc_id is not None:
        where.append(f"{alias}.doc_id = ?")
        params.append(doc_id)


def actor_where(query: ActorQuery) -> tuple[list[str], list[object]]:
    """The filters of an actor query."""
    where: list[str] = []
    params: list[object] = []
    name, country, kind, sector, actor_id = (
        query.name, query.country, query.kind, query.sector, query.actor_id
    )
    if name is not None:
        where.append(
            "(instr(r.norm_name, ?) > 0 OR EXISTS (SELECT 1 FROM registry_names x"
            " WHERE x.registry_id = r.id AND instr(x.norm_alias, ?) > 0))"
        )
        params += [normalize_name(name)] * 2
    if country is not None:
        where.append("r.country = ?")
        params.append(country)
    if kind is not None:
        where.append("r.kind = ?")
        params.append(kind)
    if sector is not None:
        where.append("r.sector = ?")
        params.append(sector)
    if actor_id is not None:
        where.append("r.id = ?")
        params.append(int(actor_id))
    return where, params


def document_where(query: DocumentQuery) -> tuple[list[str], list[object]]:
    """The filters of a document query."""
    where: list[str] = []
    params: list[object] = []
    language, source, since, until, text = (
        query.language, query.source, query.since, query.until, query.text
    )
    if language is not None:
        where.append("d.language = ?")
        params.append(language)
    if source is not None:
        where.append("d.source = ?")
        params.append(source)
    first_day = "substr(d.published || '-01-01', 1, 10)"  # "2024-01" is 2024-01-01
    if since is not None:
        where.append(f"d.published IS NOT NULL AND {first_day} >= ?")
        params.append(date_range(since)[0])
    if until is not None:
        where.append(f"d.published IS NOT NULL AND {first_day} <= ?")
        params.append(date_range(until)[1])
    if text is not None:
        where.append("(instr(lower(coalesce(d.title, '')), ?) > 0 OR instr(lower(d.path), ?) > 0)")
        params += [text.lower()] * 2
    return where, params
