"""Exports of document records without a store (``accord extract ... | accord export --input -``).

:class:`RecordRows` reads the documents once into the rows a store would give for them
(:mod:`accord.store.doc_rows`, the rows Spark's tables are built from too), sorted in the store's
orders, and answers the reads an export makes of a store, so that :func:`accord.exports.export`
writes the same files from either. What only a store has is missing: registry ids (the ``*_id``
columns of the tables), the titles of registry actors (PLOVER ``office``, POLECAT ``Actor
Title``, empty), the actors table (the registry: empty) and ``ingested_at`` (empty). A document
id seen again is taken as ingesting it again would: left as it was if its extraction is the
same, else replaced (its events then stored after the others). The rows are held in memory (not
the documents' text) to sort them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from accord.records import Document
from accord.store.doc_rows import (
    claim_rows,
    document_row,
    document_sort_key,
    event_rows,
    event_sort_key,
    statement_rows,
    statement_sort_key,
    story_row,
)
from accord.store.query import Query
from accord.store.rows import ClaimRow, DocumentRow, EventRow, StatementRow, StoryRow
from accord.store.write import extraction_hash

__all__ = ["RecordRows", "read_documents"]


def _page(rows: list[Any], query: Query) -> list[Any]:
    end = None if query.limit is None else query.offset + query.limit
    return rows[query.offset:end]


class RecordRows:
    """The rows of document records, read as an export reads a store (no filters: the
    caller checks that the query has none)."""

    def __init__(self, documents: Iterable[Document]) -> None:
        kept: dict[str, tuple[str, list[EventRow], list[StatementRow], list[ClaimRow],
                              DocumentRow, StoryRow]] = {}
        for doc in documents:
            digest = extraction_hash(doc)
            if doc.id in kept:
                if kept[doc.id][0] == digest:
                    continue  # unchanged: the store keeps it as it was
                del kept[doc.id]  # changed: stored again, after the others
            kept[doc.id] = (digest, event_rows(doc), statement_rows(doc), claim_rows(doc),
                            document_row(doc), story_row(doc))
        events: list[tuple[tuple[str, int], EventRow]] = []
        self._statements: list[StatementRow] = []
        self._claims: list[ClaimRow] = []
        self._documents: list[DocumentRow] = []
        self._stories: dict[str, StoryRow] = {}
        for doc_id, (_, doc_events, statements, claims, document, story) in kept.items():
            start = len(events)
            events.extend((event_sort_key(row, start + i), row)
                          for i, row in enumerate(doc_events))
            self._statements.extend(statements)
            self._claims.extend(claims)
            self._documents.append(document)
            self._stories[doc_id] = story
        kept.clear()
        events.sort(key=lambda pair: pair[0])
        self._events = [row for _, row in events]
        self._statements.sort(key=statement_sort_key)
        self._claims.sort(key=statement_sort_key)
        self._documents.sort(key=document_sort_key)

    def iter_events(self, query: Query, page: int = 2000) -> Iterator[EventRow]:
        return iter(_page(self._events, query))

    def statements(self, query: Query) -> list[StatementRow]:
        return _page(self._statements, query)

    def claims(self, query: Query) -> list[ClaimRow]:
        return _page(self._claims, query)

    def documents(self, query: Query) -> list[DocumentRow]:
        return _page(self._documents, query)

    def actors(self, query: Query) -> list[Any]:
        return []

    def story(self, doc_id: str) -> StoryRow | None:
        return self._stories.get(doc_id)

    def actor(self, actor_id: int) -> None:
        return None


def read_documents(lines: Iterable[str], name: str = "-") -> Iterator[Document]:
    """The documents of document JSON lines as ``accord extract`` writes them (blank lines
    skipped). A line that is not a document JSON raises :class:`ExportError` naming
    ``name:LINE``."""
    from accord.exports import ExportError

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield Document.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ExportError(f"{name}:{number}: not a document JSON ({exc})") from None
