"""The WHERE clauses of the store's queries, one builder per table, and the event sorts.

Each builder turns keyword filters into SQL conditions on the table's usual alias (``e`` events,
``s`` statements, ``c`` claims, ``r`` registry, ``d`` documents) and their parameters; every value
is a parameter, never part of the SQL. :mod:`accord.store` documents what each filter means.
"""

from __future__ import annotations

from collections.abc import Callable

from accord.store_schema import date_range, normalize_name

__all__ = [
    "EVENT_SORTS",
    "actor_where",
    "claim_where",
    "dated_select",
    "document_where",
    "event_where",
    "statement_where",
]

_NAMED = (
    "(instr({col}, ?) > 0 OR {reg} IN"
    " (SELECT registry_id FROM registry_aliases WHERE instr(norm_alias, ?) > 0))"
)  # a name filter: a substring of the normalised name or of an alias of its registry entry


EVENT_SORTS = {
    "date": "{a}.date_lo IS NULL, {a}.date_lo, {a}.doc_id, {a}.idx",
    "-date": "{a}.date_lo IS NULL, {a}.date_lo DESC, {a}.doc_id, {a}.idx",
    "intensity": "{a}.intensity IS NULL, {a}.intensity, {a}.date_lo, {a}.doc_id, {a}.idx",
    "-intensity": "{a}.intensity IS NULL, {a}.intensity DESC, {a}.date_lo, {a}.doc_id, {a}.idx",
    "type": "{a}.type, {a}.date_lo IS NULL, {a}.date_lo, {a}.doc_id, {a}.idx",
}
"""The orders :meth:`Store.events` knows: oldest or newest first, by intensity, by type."""


def dated_select(table: str, alias: str, where: list[str], order: str = EVENT_SORTS["date"]) -> str:
    """The query of a table of dated rows (events, statements, claims) with their document's
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


def event_where(
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_id: str | None = None,
    dyad: tuple[str, str] | None = None,
    quad_class: int | None = None,
    text: str | None = None,
    actor_id: int | None = None,
    role: str | None = None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if actor is not None:
        where.append(
            "e.id IN (SELECT event_id FROM event_participants WHERE instr(norm_name, ?) > 0"
            " OR registry_id IN"
            " (SELECT registry_id FROM registry_aliases WHERE instr(norm_alias, ?) > 0))"
        )
        params += [normalize_name(actor)] * 2
    if country is not None:
        where.append("e.id IN (SELECT event_id FROM event_participants WHERE country = ?)")
        params.append(country.upper())
    if type is not None:
        where.append("e.type = ?")
        params.append(type.upper())
    if dyad is not None:
        a, b = sorted(c.upper() for c in dyad)
        where.append(
            "e.id IN (SELECT event_id FROM event_dyads WHERE country_a = ? AND country_b = ?)"
        )
        params += [a, b]
    if quad_class is not None:
        where.append("e.quad_class = ?")
        params.append(int(quad_class))
    if role is not None and role not in ("actor", "recipient"):
        raise ValueError(f"role must be 'actor' or 'recipient', not {role!r}")
    if actor_id is not None:
        where.append(
            "e.id IN (SELECT event_id FROM event_participants WHERE registry_id = ?"
            + (" AND role = ?)" if role is not None else ")")
        )
        params += [int(actor_id)] + ([role] if role is not None else [])
    _common_filters("e", where, params, since, until, text, doc_id)
    return where, params


def statement_where(
    stored_verbs: Callable[[], list[str]],
    speaker: str | None = None,
    country: str | None = None,
    verb: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    doc_id: str | None = None,
    speaker_id: int | None = None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if speaker_id is not None:
        where.append("s.speaker_registry_id = ?")
        params.append(int(speaker_id))
    if speaker is not None:
        where.append(_NAMED.format(col="s.norm_speaker", reg="s.speaker_registry_id"))
        params += [normalize_name(speaker)] * 2
    if country is not None:
        where.append("s.speaker_country = ?")
        params.append(country.upper())
    if verb is not None:  # accents and case ignored: matched against the stored verbs
        stored = stored_verbs()
        wanted = [v for v in stored if normalize_name(v) == normalize_name(verb)] or [verb]
        where.append(f"s.verb IN ({','.join('?' * len(wanted))})")
        params += wanted
    _common_filters("s", where, params, since, until, text, doc_id)
    return where, params


def claim_where(
    holder: str | None = None,
    source: str | None = None,
    country: str | None = None,
    unit: str | None = None,
    min_quantity: float | None = None,
    max_quantity: float | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    doc_id: str | None = None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    for value, side in ((holder, "holder"), (source, "source")):
        if value is not None:
            where.append(_NAMED.format(col=f"c.norm_{side}", reg=f"c.{side}_registry_id"))
            params += [normalize_name(value)] * 2
    if country is not None:
        where.append("(c.holder_country = ? OR c.source_country = ?)")
        params += [country.upper()] * 2
    if unit is not None:
        where.append("instr(c.norm_unit, ?) > 0")
        params.append(normalize_name(unit))
    if min_quantity is not None:
        where.append("c.quantity >= ?")
        params.append(float(min_quantity))
    if max_quantity is not None:
        where.append("c.quantity <= ?")
        params.append(float(max_quantity))
    _common_filters("c", where, params, since, until, text, doc_id)
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


def actor_where(
    name: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    actor_id: int | None = None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if name is not None:
        where.append(
            "(instr(r.norm_name, ?) > 0 OR EXISTS (SELECT 1 FROM registry_aliases x"
            " WHERE x.registry_id = r.id AND instr(x.norm_alias, ?) > 0))"
        )
        params += [normalize_name(name)] * 2
    if country is not None:
        where.append("r.country = ?")
        params.append(country.upper())
    if kind is not None:
        where.append("r.kind = ?")
        params.append(kind)
    if sector is not None:
        where.append("r.sector = ?")
        params.append(sector.upper())
    if actor_id is not None:
        where.append("r.id = ?")
        params.append(int(actor_id))
    return where, params


def document_where(
    language: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
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
