"""Ingesting: read articles, code them and store the documents, in one call::

    from accord import ingest
    summary = ingest(["articles/", "batch.jsonl"], "accord.db")
    print(summary.new, summary.unchanged, summary.failed)

``accord ingest``, ``POST /api/documents`` and the ``ingest`` stage of the throughput
benchmark run :func:`ingest`. Storing is idempotent: an article already stored with the same
extraction is counted ``unchanged`` and changes nothing, so running the same input again after
an interruption completes the store.

``http(s)`` URLs among the sources are web pages and :class:`~accord.read.fetch.Feed` values RSS or
Atom feeds, fetched politely by :mod:`accord.read.fetch`; a page whose URL is stored already is
skipped without a request (counted in :attr:`IngestSummary.skipped`), so the same feeds can be
ingested again and again (from cron) and only their new items are fetched::

    summary = ingest([Feed("https://example.org/rss.xml")], "accord.db")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from accord.errors import ReadError
from accord.pipeline import MODELS, Options, extract
from accord.read import MAX_BYTES, read_paths
from accord.read.fetch import Feed, Fetcher, WebReader, is_http_url
from accord.records import Article, Document
from accord.store import Store

__all__ = ["IngestSummary", "Source", "ingest", "notes"]

Source = str | Path | Article | ReadError | Feed
"""A path as :func:`accord.read_paths` reads it (file, folder, glob, ``-``), an ``accord spark``
output, an ``http(s)`` URL of a web page, a :class:`~accord.read.fetch.Feed`, an article already
read, or a read error to record."""


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What :func:`ingest` did: documents stored new, updated or left unchanged (already stored
    with the same extraction), inputs that failed (read, fetched, coded or stored), the first
    ``max_failures`` of these failures (all of them are rows of the store's ``errors`` table),
    and the web pages skipped because their URL was stored already (not fetched)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: tuple[ReadError, ...] = ()
    skipped: int = 0

    @property
    def articles(self) -> int:
        """Inputs handled: documents stored and failures."""
        return self.new + self.updated + self.unchanged + self.failed


def notes(article: Article) -> list[str]:
    """What to warn about ``article``: what reading repaired or ignored (bad bytes, an
    impossible date) and a language accord has no rules for."""
    found = list(article.warnings)
    if article.language not in MODELS:
        found.append(f"language {article.language!r} detected: accord's rules are French, "
                     "expect few extractions")
    return found


def ingest(
    sources: Iterable[Source],
    store: Store | str | Path,
    *,
    options: Options | None = None,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[Document | ReadError], object] | None = None,
    on_stored: Callable[[Document | ReadError, str | ReadError], object] | None = None,
    warn: Callable[[str, str], object] | None = None,
    max_failures: int = 100,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Read, code and store ``sources`` as a stream, in order; return what was done.

    Paths are read with :func:`accord.read_paths` (``max_bytes`` as there) and coded with
    :func:`accord.extract` (default :class:`Options` unless ``options``); an ``accord spark``
    output is loaded as it is, without coding again. ``store`` is an open :class:`Store` or
    the path of one (opened and closed here). Documents are committed in batches
    (:meth:`Store.put_many`); an input that cannot be read, coded or stored is recorded in the
    ``errors`` table and the others go on.

    ``progress`` is called with each document or failure as the pipeline yields it (before it is
    stored), ``on_stored`` with each input and what became of it ("new", "updated", "unchanged"
    or its :class:`ReadError`) once committed, ``warn`` with the path and the text of each
    :func:`notes` of an article. Web pages and feeds are fetched by ``fetcher`` (default: a
    :class:`~accord.read.fetch.Fetcher` with its defaults and ``max_bytes``); a page whose URL the
    store has (:meth:`Store.has_url`) or that came earlier in the run is skipped, and a feed
    read without failure is cleared from the ``errors`` table. A failure of the store or the
    model raises
    (:class:`accord.errors.StoreError`, :class:`accord.errors.ModelError`); what was committed
    before stays.
    """
    if not isinstance(store, Store):
        with Store.open(store) as opened:
            return ingest(sources, opened, options=options, max_bytes=max_bytes,
                          progress=progress, on_stored=on_stored, warn=warn,
                          max_failures=max_failures, fetcher=fetcher)
    failures: list[ReadError] = []

    def failed(error: ReadError) -> None:
        if len(failures) < max_failures:
            failures.append(error)

    clear_errors = store.clear_errors
    web = WebReader(fetcher or Fetcher(max_bytes=max_bytes), store.has_url,
                    on_feed=lambda url: clear_errors([url]))
    items = _items(sources, options or Options(), max_bytes, warn, web)
    if progress is not None:
        items = _passed_to(progress, items)
    stats = store.put_many(items, on_error=failed, on_stored=on_stored)
    return IngestSummary(stats.new, stats.updated, stats.unchanged, stats.failed,
                         tuple(failures), web.skipped)


def _passed_to(
    progress: Callable[[Document | ReadError], object], items: Iterator[Document | ReadError]
) -> Iterator[Document | ReadError]:
    for item in items:
        progress(item)
        yield item


def _is_output(source: Source) -> bool:
    if not isinstance(source, str | Path) or is_http_url(str(source)):
        return False
    from accord.spark.tables import is_spark_output

    return is_spark_output(str(source))


def _items(
    sources: Iterable[Source], options: Options, max_bytes: int,
    warn: Callable[[str, str], object] | None, web: WebReader,
) -> Iterator[Document | ReadError]:
    """The documents and failures of ``sources``, in order: spark outputs loaded, the rest
    read and coded."""
    from accord.spark.tables import read_spark_output

    for is_output, group in groupby(sources, key=_is_output):
        if is_output:
            for output in group:
                yield from read_spark_output(str(output))
        else:
            yield from extract(_read(group, max_bytes, warn, web), options)


def _read(
    sources: Iterable[Source], max_bytes: int, warn: Callable[[str, str], object] | None,
    web: WebReader,
) -> Iterator[Article | ReadError]:
    for source in sources:
        read: Iterable[Article | ReadError]
        if isinstance(source, Feed):
            read = web.feed(source.url)
        elif isinstance(source, str) and is_http_url(source):
            read = web.page(source.strip())
        elif isinstance(source, str | Path):
            read = read_paths([str(source)], max_bytes=max_bytes, skipped=warn)
        else:
            read = (source,)
        for item in read:
            if warn is not None and isinstance(item, Article):
                for note in notes(item):
                    warn(item.path, note)
            yield item
