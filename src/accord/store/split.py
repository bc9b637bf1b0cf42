"""A costly read split in two by event id, both halves run at once on two connections.

SQLite runs a statement on one core. A read that drives by its filters' indexes (a drive or an
intersection, :attr:`accord.store.plan.Plan.part`) reads the same way within any range of
event ids, so its two halves can run side by side: the first on the store's own connection,
the second on a connection kept for that, in a thread of its own (SQLite lets Python threads
run while a statement steps). Both halves read one snapshot of the store: the second
connection's ``PRAGMA data_version`` before the two read transactions start and after says
whether anything was committed between; if so, nothing is split.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

__all__ = ["SPLIT_COST", "Query", "SplitReads"]

SPLIT_COST = 15_000.0
"""A plan expected to cost more (microseconds, :data:`accord.store.plan.ENTRY`) is split."""

Query = tuple[str, Sequence[object]]

_START = "SELECT 1 FROM sqlite_master LIMIT 1"  # a read: the transaction's snapshot is taken


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


class SplitReads:
    """A second connection to the store at ``path``, opened when first needed, and the thread
    that runs it."""

    def __init__(self, path: str, cache_kib: int) -> None:
        self.path = path
        self.cache_kib = cache_kib
        self._conn: sqlite3.Connection | None = None
        self._thread: ThreadPoolExecutor | None = None

    def _second(self) -> tuple[sqlite3.Connection, ThreadPoolExecutor]:
        if self._conn is None or self._thread is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA cache_size = -{self.cache_kib}")
            self._conn, self._thread = conn, ThreadPoolExecutor(1, "accord-split")
        return self._conn, self._thread

    def run(
        self, conn: sqlite3.Connection, first: Query, second: Query
    ) -> tuple[list[sqlite3.Row], list[sqlite3.Row]] | None:
        """``first`` on ``conn`` and ``second`` on the second connection at once, both on the
        snapshot ``conn`` starts anew (its read transaction, if one is open, ends first);
        None, nothing run, when a write was committed while the snapshots were taken."""
        other, thread = self._second()
        before = _version(other)
        if conn.in_transaction:
            conn.execute("COMMIT")
        conn.execute("BEGIN")
        conn.execute(_START).fetchall()
        other.execute("BEGIN")
        try:
            other.execute(_START).fetchall()
            if _version(other) != before:
                return None
            pending = thread.submit(lambda: other.execute(*second).fetchall())
            try:
                rows = conn.execute(*first).fetchall()
            finally:
                rest = pending.result()  # (waited for even when the first half failed)
            return rows, rest
        finally:
            other.execute("COMMIT")

    def close(self) -> None:
        """Close the second connection and stop its thread (idempotent)."""
        if self._thread is not None:
            self._thread.shutdown()
            self._thread = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
