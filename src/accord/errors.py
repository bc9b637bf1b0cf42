"""The exceptions accord raises.

    AccordError                 base of everything below
    ├── ReadError               an input cannot be read or decoded (one document; the batch goes on)
    │   └── FetchError          a URL cannot be fetched: HTTP status, timeout, robots.txt, not HTML
    ├── ModelError              the spaCy model for a language is not installed
    ├── StoreError              the SQLite store cannot be opened or written
    ├── QueryError              a query filter is malformed (also a ValueError)
    └── GoldFormatError         a gold file does not follow shared/gold/README.md
"""

from __future__ import annotations

__all__ = [
    "AccordError", "FetchError", "GoldFormatError", "ModelError", "QueryError", "ReadError",
    "StoreError",
]


class AccordError(Exception):
    """Base class of accord's errors."""


class ReadError(AccordError):
    """An input (file, line, stream) could not be turned into an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ReadError], tuple[object, ...]]:
        # pickled by its two fields: a worker process returns it as a value
        return type(self), (self.path, self.reason)


class FetchError(ReadError):
    """A URL (a page, a feed) could not be fetched; ``status`` is the HTTP status the server
    answered, if it answered one."""

    def __init__(self, path: str, reason: str, status: int | None = None) -> None:
        super().__init__(path, reason)
        self.status = status

    def __reduce__(self) -> tuple[type[ReadError], tuple[object, ...]]:
        return type(self), (self.path, self.reason, self.status)


class ModelError(AccordError):
    """A spaCy model is missing or cannot be loaded."""


class StoreError(AccordError):
    """The store cannot be opened, migrated or written."""


class QueryError(AccordError, ValueError):
    """A query filter has a value it cannot take: ``name`` is the filter, ``reason`` says why
    and what it accepts (the message)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name
        self.reason = reason

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, str]]:
        return type(self), (self.name, self.reason)


class GoldFormatError(AccordError):
    """A gold file is malformed."""
