"""accord: political event data from news articles, French first.

    from accord import read_paths, extract
    for doc in extract(read_paths(["article.txt"])):
        print(doc.to_dict())

Public API: the records (:mod:`accord.records`), reading (:func:`read_paths`, :func:`read_text`),
the pipeline (:func:`extract`, :class:`Options`), the store (:class:`Store`) and its queries
(:class:`EventQuery`, :class:`StatementQuery`, :class:`ClaimQuery`, :class:`ActorQuery`,
:class:`DocumentQuery`), reading, coding
and storing in one call (:func:`ingest`, :class:`IngestSummary`), the tables of a
store as pandas DataFrames (:func:`open`, :class:`Dataset`), scoring
(:func:`score`) and the errors (:mod:`accord.errors`).
"""

from __future__ import annotations

from accord.errors import (
    AccordError,
    FetchError,
    GoldFormatError,
    ModelError,
    ReadError,
    StoreError,
)
from accord.ingestion import IngestSummary, ingest
from accord.pipeline import Options, extract, extract_one
from accord.read import read_paths, read_text
from accord.records import (
    Actor,
    Article,
    Claim,
    Document,
    Event,
    Participant,
    Place,
    Statement,
)
from accord.scoring import score
from accord.store import Store
from accord.store.dataset import Dataset, open
from accord.store.query import ActorQuery, ClaimQuery, DocumentQuery, EventQuery, StatementQuery

__all__ = [
    "AccordError",
    "Actor",
    "ActorQuery",
    "Article",
    "Claim",
    "ClaimQuery",
    "Dataset",
    "Document",
    "DocumentQuery",
    "Event",
    "EventQuery",
    "FetchError",
    "GoldFormatError",
    "IngestSummary",
    "ModelError",
    "Options",
    "Participant",
    "Place",
    "ReadError",
    "Statement",
    "StatementQuery",
    "Store",
    "StoreError",
    "extract",
    "extract_one",
    "ingest",
    "open",
    "read_paths",
    "read_text",
    "score",
]

__version__ = "0.1.0"
