"""The pandas-friendly Python API: ``accord.open(db)`` and its tables.

    import accord
    with accord.open("accord.db") as data:
        events = data.events(actor="To Lam", since="2024")     # a pandas DataFrame
        rows = data.events(country="VNM", frame=False)        # a list of dicts
        said = data.statements(speaker="To Lam")
        pairs = data.dyads()                                  # country pairs x month x quad

Each table method takes the filters of the matching :class:`accord.store.Store` method and
returns a DataFrame with the columns of :mod:`accord.tables` (list columns for participants),
or plain records with ``frame=False``. pandas is imported only when a frame is asked for.
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
from accord.store_rows import DyadRow
from accord.tables import TABLES, Column

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

    def _table(self, name: str, frame: bool, filters: dict[str, Any]) -> Any:
        table = TABLES[name]
        records = list(table.records(self.store, **filters))
        return _frame(records, table.columns) if frame else records

    def events(self, *, frame: bool = True, **filters: Any) -> Any:
        """Events (filters of :meth:`Store.events`): a DataFrame, or records."""
        return self._table("events", frame, filters)

    def statements(self, *, frame: bool = True, **filters: Any) -> Any:
        """Statements (filters of :meth:`Store.statements`)."""
        return self._table("statements", frame, filters)

    def claims(self, *, frame: bool = True, **filters: Any) -> Any:
        """Claims (filters of :meth:`Store.claims`)."""
        return self._table("claims", frame, filters)

    def actors(self, *, frame: bool = True, **filters: Any) -> Any:
        """Registry actors (filters of :meth:`Store.actors`)."""
        return self._table("actors", frame, filters)

    def documents(self, *, frame: bool = True, **filters: Any) -> Any:
        """Documents (filters of :meth:`Store.documents`), without their text."""
        return self._table("documents", frame, filters)

    def dyads(self, *, frame: bool = True, **filters: Any) -> Any:
        """Country pairs x month x quad class: event counts and mean intensity
        (:meth:`Store.dyads`; event filters)."""
        records = [dataclasses.asdict(r) for r in self.store.dyads(**filters)]
        if not frame:
            return records
        import pandas as pd

        names = [f.name for f in dataclasses.fields(DyadRow)]
        return pd.DataFrame.from_records(records, columns=names)

    def document(self, doc_id: str) -> Document | None:
        """The full document (text and every extraction with spans), by id or prefix."""
        return self.store.document(doc_id)
