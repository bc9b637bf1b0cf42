"""Store connections kept open between requests.

A connection keeps the pages it has read in memory (:data:`accord.store.CACHE_KIB`): the upper
levels of the indexes every query seeks into, the recent events most pages show. Opened afresh
for each request, it would read them from the file again each time. A request takes a
connection from the pool and gives it back when done; each is used by one request at a time.
A store file replaced at the same path (another inode) is opened afresh.
"""

from __future__ import annotations

import os
import threading

from accord.errors import StoreError
from accord.store import Store

__all__ = ["StorePool"]

_File = tuple[int, int]  # device and inode


class StorePool:
    """Up to ``keep`` idle connections to the store at ``path`` (more are opened for
    simultaneous requests, then closed)."""

    def __init__(self, path: str, keep: int = 2) -> None:
        self.path = path
        self.keep = keep
        self._idle: list[tuple[Store, _File]] = []
        self._taken: dict[int, _File] = {}  # id of a store taken: the file it reads
        self._lock = threading.Lock()

    def take(self) -> Store:
        """A connection for one request (:class:`StoreError` if the store cannot be opened)."""
        try:
            info = os.stat(self.path)
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc.strerror}") from exc
        current = (info.st_dev, info.st_ino)
        store = None
        with self._lock:
            while self._idle and store is None:
                idle, file = self._idle.pop()
                if file == current:
                    store = idle
                else:
                    idle.close()  # the file at the path was replaced
        if store is None:
            store = Store.open(self.path, check_same_thread=False)
        with self._lock:
            self._taken[id(store)] = current
        return store

    def give(self, store: Store, reuse: bool = True) -> None:
        """Give back a connection :meth:`take` gave: kept for the next request, or closed if
        not ``reuse`` (the request failed) or the pool is full."""
        with self._lock:
            file = self._taken.pop(id(store))
            if reuse and len(self._idle) < self.keep:
                self._idle.append((store, file))
                return
        store.close()

    def close(self) -> None:
        """Close the idle connections."""
        with self._lock:
            idle, self._idle = self._idle, []
        for store, _ in idle:
            store.close()
