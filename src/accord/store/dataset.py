"""The pandas-friendly Python API: ``accord.open(db)`` and its tables.

    import accord
    from accord import EventQuery, StatementQuery
    with accord.open("accord.db") as data:
        events = data.events(EventQuery(actor="To Lam", since="2024"))  # a pandas DataFrame
        rows = data.events(EventQuery(country="VNM"), frame=False)     # a list of dicts
        said = data.statements(StatementQuery(speaker="To Lam"))
        pairs = data.dyads()                                           # country pairs x month

Each table method takes the query of the matching :class:`accord.store.Store` method
(:mod:`accord.store.query`; none: every row) and returns a DataFrame with the columns of
:mod:`accord.store.tables` (list columns for participants), or plain records with ``frame=False``.
pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from accord.errors import StoreError
from accord.records import Document
from accord.store import Store
from accord.store.query import (
    ActorQuery,
    ClaimQuery,
    DocumentQuery,
    EventQuery,
    Query,
    StatementQuery,
)
from accord.store.rows import DyadRow
from accord.store.tables import TABLES, Column

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Dataset", "open"]

_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def open(db: str | Path) -> Dataset:
    """Open an existing store for reading (``StoreError`` if there is none at ``db``)."""
    if str(db) != ":memory:" and not Path(db).is_file():
        raise StoreError(f"no store at {db}; create one with `accord ingest PATHS --db {db}`")
    return Dataset(Store.open(db))


def _frame(records: list[dict[str, Any]], columns: Sequence[Column]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=[c.name for c in columns])
    for col in columns:
        if col.kind in _DTYPES:
            frame[col.name] = frame[col.name].astype(_DTYPES[col.kind])
    return frame


class Dataset:
    """A store seen as tables. Use as a context manager, or call :meth:`close`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _table(self, name: str, query: Query | None, frame: bool) -> Any:
        table = TABLES[name]
        records = list(table.records(self.store, query))
        return _frame(records, table.columns) if frame else records

    def events(self, query: EventQuery | None = None, *, frame: bool = True) -> Any:
        """The events ``query`` keeps (:meth:`Store.events`): a DataFrame, or records."""
        return self._table("events", query, frame)

    def statements(self, query: StatementQuery | None = None, *, frame: bool = True) -> Any:
        """The statements ``query`` keeps (:meth:`Store.statements`)."""
        return self._table("statements", query, frame)

    def claims(self, query: ClaimQuery | None = None, *, frame: bool = True) -> Any:
        """The claims ``query`` keeps (:meth:`Store.claims`)."""
        return self._table("claims", query, frame)

    def actors(self, query: ActorQuery | None = None, *, frame: bool = True) -> Any:
        """The registry actors ``query`` keeps (:meth:`Store.actors`)."""
        return self._table("actors", query, frame)

    def documents(self, query: DocumentQuery | None = None, *, frame: bool = True) -> Any:
        """The documents ``query`` keeps (:meth:`Store.documents`), without their text."""
        return self._table("documents", query, frame)

    def dyads(
        self, query: EventQuery | None = None, *, limit: int | None = None, frame: bool = True
    ) -> Any:
        """Country pairs x month x quad class: event counts and mean intensity of the events
        ``query`` keeps (:meth:`Store.dyads`)."""
        records = [dataclasses.asdict(r) for r in self.store.dyads(query, limit)]
        if not frame:
            return records
        import pandas as pd

        names = [f.name for f in dataclasses.fields(DyadRow)]
        return pd.DataFrame.from_records(records, columns=names)

    def document(self, doc_id: str) -> Document | None:
        """The full document (text and every extraction with spans), by id or prefix."""
        return self.store.document(doc_id)
