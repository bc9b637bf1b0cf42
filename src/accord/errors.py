"""The exceptions accord raises.

    AccordError                 base of everything below
    ├── ReadError               an input cannot be read or decoded (one document; the batch goes on)
    ├── ModelError              the spaCy model for a language is not installed
    ├── StoreError              the SQLite store cannot be opened or written
    └── GoldFormatError         a gold file does not follow shared/gold/README.md
"""

from __future__ import annotations

__all__ = ["AccordError", "GoldFormatError", "ModelError", "ReadError", "StoreError"]


class AccordError(Exception):
    """Base class of accord's errors."""


class ReadError(AccordError):
    """An input (file, line, stream) could not be turned into an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str]]:
        # pickled by its two fields: a worker process returns it as a value
        return type(self), (self.path, self.reason)


class ModelError(AccordError):
    """A spaCy model is missing or cannot be loaded."""


class StoreError(AccordError):
    """The store cannot be opened, migrated or written."""


class GoldFormatError(AccordError):
    """A gold file is malformed."""
