"""Writing many new documents into an empty store at once, as ingestion would.

    conn.execute("BEGIN")
    writer = BulkWriter(conn)
    for doc in documents:
        writer.add(doc)
        if writer.pending > 200_000:
            writer.flush()
    writer.close()
    conn.execute("COMMIT")

:class:`BulkWriter` gives exactly the rows :func:`accord.store.write.write_document` gives for
the same documents (every table, computed column and registry entry; the unit tests compare the
two row by row) but keeps the registry in memory and writes rows in ``executemany`` batches:
a million events in a few minutes, where writing them one by one takes over a quarter of an
hour. :mod:`benchmarks.synthetic` uses it to build benchmark stores.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Any

from accord.records import Actor, Document, Event
from accord.store.write import (
    DYAD_INSERT,
    _dumps,
    _named,
    _norm_text,
    dyad_rows,
    event_range,
    extraction_hash,
    registry_key,
    utc_now,
)
from accord.vocab.text import normalize_name

__all__ = ["BulkWriter"]

_SQL = {
    "documents": "INSERT INTO documents (id, path, source_id, title, source, url, published,"
    " language, text, dateline_place, dateline_country, dateline_lat, dateline_lon, captions,"
    " extra, extraction_hash, ingested_at, dates, places)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "doc_actors": "INSERT INTO doc_actors (doc_id, idx, name, norm_name, kind, country, sector,"
    " titles, aliases, mentions, registry_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "registry_aliases": "INSERT OR IGNORE INTO registry_aliases (registry_id, alias, norm_alias,"
    " doc_id) VALUES (?,?,?,?)",
    "registry_titles": "INSERT OR IGNORE INTO registry_titles (registry_id, title, date, doc_id)"
    " VALUES (?,?,?,?)",
    "events": "INSERT INTO events (id, doc_id, idx, type, mode, date, date_lo, date_hi,"
    " place_name, place_country, place_lat, place_lon, context, evidence, span_start, span_end,"
    " sentence, negated, quad_class, intensity, cameo, trigger, norm_text)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "event_dyads": DYAD_INSERT,
    "event_participants": "INSERT INTO event_participants (event_id, role, position, name,"
    " norm_name, country, sector, registry_id) VALUES (?,?,?,?,?,?,?,?)",
    "claims": "INSERT INTO claims (doc_id, idx, quantity, qualifier, unit, holder, source,"
    " evidence, span_start, span_end, sentence, norm_holder, holder_country,"
    " holder_registry_id, norm_source, source_country, source_registry_id, norm_unit,"
    " norm_text, date_lo, date_hi) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "statements": "INSERT INTO statements (doc_id, idx, speaker, verb, date, evidence,"
    " span_start, span_end, sentence, content_start, content_end, norm_speaker,"
    " speaker_country, speaker_registry_id, norm_text, date_lo, date_hi)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
}


class BulkWriter:
    """Writes new documents into an empty store as :func:`accord.store.write.write_document`
    would, row for row, but many at a time: the registry is kept in memory (and written by
    :meth:`close`), ids are given in the same order, rows go out in ``executemany`` batches.

    Runs inside the caller's transaction. Only for an empty store and distinct documents (no
    update, no "unchanged"): ``ValueError`` otherwise.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        if conn.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0]:
            raise ValueError("BulkWriter writes into an empty store only")
        self._conn = conn
        self._keys: dict[str, list[Any]] = {}  # norm_key -> [id, name, norm, kind, country, sec]
        self._entries: list[list[Any]] = []  # by id - 1
        self._aliases: dict[tuple[str, str, str | None], int] = {}  # smallest id per alias
        self._rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _SQL}
        self._ids: set[str] = set()
        self.events = 0

    @property
    def pending(self) -> int:
        """Rows waiting for :meth:`flush`."""
        return sum(len(rows) for rows in self._rows.values())

    def add(self, doc: Document) -> None:
        if doc.id in self._ids:
            raise ValueError(f"document {doc.id} written twice")
        self._ids.add(doc.id)
        place = doc.dateline_place
        source_id = doc.extra.get("source_id")
        self._rows["documents"].append((
            doc.id, doc.path, source_id if isinstance(source_id, str) else None, doc.title,
            doc.source, doc.url, doc.published, doc.language, doc.text,
            place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None,
            _dumps(list(doc.captions)), _dumps(doc.extra), extraction_hash(doc), utc_now(),
            _dumps([d.to_dict() for d in doc.dates]), _dumps([p.to_dict() for p in doc.places]),
        ))
        by_name: dict[str, list[tuple[str | None, int]]] = {}
        for idx, actor in enumerate(doc.actors):
            reg = self._register(doc, actor)
            norm = _fold(actor.name)
            by_name.setdefault(norm, []).append((actor.country, reg))
            self._rows["doc_actors"].append((
                doc.id, idx, actor.name, norm, actor.kind, actor.country, actor.sector,
                _dumps(list(actor.titles)), _dumps(list(actor.aliases)),
                _dumps([list(m) for m in actor.mentions]), reg,
            ))
        for idx, event in enumerate(doc.events):
            self._event(doc, idx, event, by_name)
        lo, hi = event_range(None, doc.published)
        for idx, c in enumerate(doc.claims):
            self._rows["claims"].append((
                doc.id, idx, c.quantity, c.qualifier, c.unit, c.holder, c.source, c.evidence,
                c.span[0], c.span[1], c.sentence, *_named(by_name, c.holder),
                *_named(by_name, c.source), _fold(c.unit),
                _norm_text(c.evidence, c.sentence), lo, hi,
            ))
        for idx, s in enumerate(doc.statements):
            content = s.content_span
            self._rows["statements"].append((
                doc.id, idx, s.speaker, s.verb, s.date, s.evidence, s.span[0], s.span[1],
                s.sentence, content[0] if content else None, content[1] if content else None,
                *_named(by_name, s.speaker), _norm_text(s.evidence, s.sentence),
                *event_range(s.date, doc.published),
            ))

    def _register(self, doc: Document, actor: Actor) -> int:
        """``store_write._register`` on the registry in memory."""
        norm = _fold(actor.name)
        entry = self._keys.get(_key(actor.name, actor.kind, actor.country))
        if entry is None:
            names = {_fold(n) for n in (actor.name, *actor.aliases)}
            found = [self._aliases[k] for n in names
                     if (k := (n, actor.kind, actor.country)) in self._aliases]
            entry = self._entries[min(found) - 1] if found else None
        if entry is not None:
            if entry[5] is None:
                entry[5] = actor.sector
            if len(actor.name) > len(entry[1]):
                entry[1], entry[2] = actor.name, norm
        else:
            entry = [len(self._entries) + 1, actor.name, norm, actor.kind, actor.country,
                     actor.sector]
            self._entries.append(entry)
            self._keys[_key(actor.name, actor.kind, actor.country)] = entry
        reg = int(entry[0])
        for alias in (actor.name, *actor.aliases):
            folded = _fold(alias)
            self._rows["registry_aliases"].append((reg, alias, folded, doc.id))
            key = (folded, entry[3], entry[4])
            self._aliases[key] = min(self._aliases.get(key, reg), reg)
        for title in actor.titles:
            self._rows["registry_titles"].append((reg, title, doc.published, doc.id))
        return reg

    def _event(
        self, doc: Document, idx: int, e: Event, by_name: dict[str, list[tuple[str | None, int]]]
    ) -> None:
        self.events += 1
        event_id = self.events
        lo, hi = event_range(e.date, doc.published)
        p = e.place
        self._rows["events"].append((
            event_id, doc.id, idx, e.type, e.mode, e.date, lo, hi, p.name if p else None,
            p.country if p else None, p.lat if p else None, p.lon if p else None,
            _dumps(list(e.context)), e.evidence, e.span[0], e.span[1], e.sentence,
            int(e.negated), e.quad_class, e.intensity, e.cameo, e.trigger,
            _fold(e.evidence) + "\n" + normalize_name(e.sentence),  # _norm_text, cached
        ))
        self._rows["event_dyads"] += dyad_rows(event_id, e, lo, hi)
        for role, people in (("actor", e.actor), ("recipient", e.recipient)):
            for position, part in enumerate(people):
                norm = _fold(part.name) if part.name is not None else None
                candidates = by_name.get(norm, []) if norm is not None else []
                same = [reg for country, reg in candidates if country == part.country]
                reg = same[0] if same else (candidates[0][1] if candidates else None)
                self._rows["event_participants"].append(
                    (event_id, role, position, part.name, norm, part.country, part.sector, reg)
                )

    def flush(self) -> None:
        """Write the rows added so far (the registry waits for :meth:`close`)."""
        for table, rows in self._rows.items():
            if rows:
                self._conn.executemany(_SQL[table], rows)
                rows.clear()

    def close(self) -> None:
        """Write what is left and the registry."""
        self.flush()
        self._conn.executemany(
            "INSERT INTO registry (id, norm_key, name, norm_name, kind, country, sector)"
            " VALUES (?,?,?,?,?,?,?)",
            [(e[0], k, *e[1:]) for k, e in sorted(self._keys.items(), key=lambda x: x[1][0])],
        )


_fold = lru_cache(maxsize=1 << 18)(normalize_name)  # names, aliases and units repeat


@lru_cache(maxsize=100_000)
def _key(name: str, kind: str, country: str | None) -> str:
    return registry_key(name, kind, country)
