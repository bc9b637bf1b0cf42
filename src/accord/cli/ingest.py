"""The commands that read articles and run the pipeline: ``accord extract`` (document JSON
lines), ``accord ingest`` (into the store; files, URLs, feeds, `accord spark` outputs) and
``accord spark`` (on a Spark cluster, into Parquet tables)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from accord.cli.options import (
    FatalError,
    db_option,
    max_bytes_option,
    processes_option,
    read_inputs,
    warn,
)
from accord.errors import AccordError, ReadError
from accord.pipeline import Options, extract
from accord.read import count_documents
from accord.records import Document

__all__ = ["SHOWN_FAILURES", "extract_cmd", "ingest_cmd", "spark_cmd"]

SHOWN_FAILURES = 20
"""Failures `accord ingest` lists in its summary (all of them are in the errors table)."""


@click.command("extract", short_help="Extract articles to document JSON lines (JSONL).")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSONL here (default: standard output).")
@processes_option
@max_bytes_option
def extract_cmd(paths: Sequence[str], output: TextIO, processes: int, max_bytes: int) -> None:
    """Extract one document JSON per line (JSONL), in input order.

    PATHS are files, folders, globs, .jsonl, .html, or "-" for standard input. A document
    that cannot be read or coded is reported on standard error and the others go on.

    Exit status: 0 all extracted, 1 some documents failed, 2 usage error, 3 the model failed.
    """
    _require_paths(paths, urls=False)
    failed = 0
    try:
        for item in extract(read_inputs(paths, max_bytes), Options(processes=processes)):
            if isinstance(item, ReadError):
                failed += 1
                click.echo(f"error: {item}", err=True)
                continue
            output.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    except AccordError as exc:  # the model is missing
        raise FatalError(str(exc)) from exc
    output.flush()
    if failed:
        sys.exit(1)


def _require_paths(paths: Sequence[str], *, urls: bool = True) -> None:
    """A path named that does not exist is a usage error, found before the model loads or the
    store opens (a glob, "-" or, if ``urls``, an http(s) URL is read as it comes)."""
    from accord.read.feeds import is_http_url

    if not urls and (web := [p for p in paths if is_http_url(p)]):
        raise click.UsageError(f"{', '.join(web)}: accord extract reads files; `accord ingest "
                               "URL` fetches web pages")
    missing = [p for p in paths if p != "-" and not any(c in p for c in "*?[")
               and not is_http_url(p) and not Path(p).exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")


def _web_options(func: Any) -> Any:
    from accord.read.fetch import DEFAULT_DELAY, DEFAULT_TIMEOUT

    for option in reversed([
        click.option("--feed", "feeds", multiple=True, metavar="URL",
                     help="An RSS or Atom feed: its items not stored yet are fetched and "
                          "stored; repeatable."),
        click.option("--delay", default=DEFAULT_DELAY, show_default=True,
                     type=click.FloatRange(0), metavar="SECONDS",
                     help="Wait between two requests to one host (longer if its robots.txt "
                          "asks)."),
        click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True,
                     type=click.FloatRange(0, min_open=True), metavar="SECONDS",
                     help="Give up a request after this long."),
        click.option("--user-agent", "agent", default=None, metavar="TEXT",
                     help="User agent of the requests (default: accord/VERSION (+URL)); add "
                          "a contact, for instance."),
    ]):
        func = option(func)
    return func


def _sources(paths: Sequence[str], feeds: Sequence[str]) -> list[Any]:
    """What `accord ingest` reads: ``paths`` (files, folders, URLs...) then ``feeds``; a usage
    error if there is nothing, or a feed is no http(s) URL, or a path does not exist."""
    from accord.read.fetch import Feed, is_http_url

    if not paths and not feeds:
        raise click.UsageError("nothing to ingest: give PATHS or URLs, or --feed URL")
    bad = [f for f in feeds if not is_http_url(f)]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {', '.join(bad)}", param_hint="'--feed'")
    _require_paths(paths)
    return [*paths, *(Feed(f.strip()) for f in feeds)]


def _count(paths: Sequence[str], feeds: Sequence[str]) -> int | None:
    """How many items `accord ingest` handles, when the inputs tell (a feed does not)."""
    from accord.read.fetch import is_http_url

    files = [p for p in paths if not is_http_url(p)]
    counted = count_documents(files) if files else 0
    if feeds or counted is None:
        return None
    return counted + len(paths) - len(files)


@click.command("ingest", short_help="Extract files, web pages or feeds into the store.")
@click.argument("paths", nargs=-1)
@_web_options
@db_option
@processes_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@max_bytes_option
def ingest_cmd(paths: Sequence[str], feeds: Sequence[str], delay: float, timeout: float,
               agent: str | None, db: str, processes: int, quiet: bool, max_bytes: int) -> None:
    """Extract articles and store them (idempotent: the same article changes nothing).

    PATHS are files, folders, globs, .jsonl, .html, "-" for standard input, or http(s) URLs of
    web pages; they are read as a stream. A folder written by `accord spark` (or its documents
    table) is loaded as it is, without extracting again, in path order, with its read errors.
    A document that cannot be read, fetched, coded or stored is listed in the summary and
    recorded in the store's errors table, and the others go on. Documents are committed in
    batches: after an interruption (even a kill), the same command again completes the store.

    Pages and the items of --feed are fetched politely (user agent, --timeout, robots.txt,
    --delay per host); a page whose URL is stored already is skipped without a request, so the
    same command can run from cron and fetches only what is new.

    Exit status: 0 all stored, 1 some documents failed, 2 usage error, 3 the store or the
    model failed, 130 interrupted (Ctrl-C).
    """
    from accord.ingestion import ingest
    from accord.read.fetch import Fetcher
    from accord.spark.tables import is_spark_output
    from accord.store import Store

    sources = _sources(paths, feeds)
    try:
        store = Store.open(db)
    except AccordError as exc:
        raise FatalError(str(exc)) from exc
    fetcher = Fetcher(agent=agent, timeout=timeout, delay=delay, max_bytes=max_bytes)
    started = time.perf_counter()
    bar = not quiet and sys.stderr.isatty()
    outputs = bar and any(is_spark_output(p) for p in paths)
    total = _count(paths, feeds) if bar and not outputs else None
    with store, _progress(total, bar) as advance:
        try:
            summary = ingest(sources, store, options=Options(processes=processes),
                             max_bytes=max_bytes, progress=advance, warn=warn,
                             max_failures=SHOWN_FAILURES, fetcher=fetcher)
        except AccordError as exc:  # the store or the model failed
            raise FatalError(f"{exc}; what was committed before stays in {db}: run the same "
                             "command again to complete it") from exc
        except KeyboardInterrupt:
            click.echo(f"interrupted; what was committed stays in {db}: run the same command "
                       "again to complete it", err=True)
            sys.exit(130)
        counts = store.stats()
    seconds = time.perf_counter() - started
    articles = summary.articles
    skipped = f", skipped {summary.skipped} already stored" if summary.skipped or feeds else ""
    click.echo(
        f"{articles} articles in {seconds:.1f} s ({articles / max(seconds, 1e-9):.1f} "
        f"articles/s): {summary.new} new, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.failed} failed{skipped}",
        err=True,
    )
    click.echo(f"store {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), err=True)
    if summary.failed:
        click.echo(f"failed ({summary.failed}):", err=True)
        for error in summary.failures:
            click.echo(f"  {error.path}: {error.reason}", err=True)
        if summary.failed > len(summary.failures):
            click.echo(f"  ... and {summary.failed - len(summary.failures)} more (all in the "
                       f"errors table of {db})", err=True)
        sys.exit(1)


_Item = Document | ReadError


@contextmanager
def _progress(total: int | None, enabled: bool) -> Iterator[Callable[[_Item], _Item]]:
    """A progress bar on standard error, if ``enabled``: articles done (of ``total`` if
    known), articles/s, time elapsed; yields the function to pass each item through."""
    if not enabled:
        yield lambda item: item
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):  # since the start, as the summary says (spaCy works in bursts)
        def render(self, task: Task) -> Text:
            elapsed = task.elapsed
            if not task.completed or not elapsed:
                return Text("- articles/s")
            return Text(f"{task.completed / elapsed:.1f} articles/s")

    columns: list[ProgressColumn] = [TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                     Rate(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    # No refresh thread: with no other thread alive, the workers can be forked with the model
    # already loaded (accord.pipeline._context); the bar is redrawn as items arrive instead.
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  auto_refresh=False) as progress:
        task = progress.add_task("ingest", total=total)
        drawn = time.perf_counter()

        def advance(item: _Item) -> _Item:
            nonlocal drawn
            progress.advance(task)
            if time.perf_counter() - drawn >= 0.2:
                progress.refresh()
                drawn = time.perf_counter()
            return item

        yield advance


@click.command("spark", short_help="Extract articles on Spark into Parquet tables.")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--master", default=None,
              help="Spark master (default: the session spark-submit made, else local[*]).")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "jsonl", "parquet"]),
              help="auto: by suffix, as accord extract reads files; text: one article per "
                   "file; jsonl: one per line; parquet: one per row of a table with 'text'.")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Coding tasks (default: four per core).")
@click.option("--overwrite", is_flag=True, help="Replace the tables of an existing OUTPUT.")
def spark_cmd(inputs: Sequence[str], output: str, master: str | None, fmt: str,
              partitions: int | None, overwrite: bool) -> None:
    """Extract articles on Spark and write Parquet tables partitioned by month.

    INPUTS are files, folders or globs on any path Spark reads (local, HDFS, S3...). OUTPUT
    gets documents (with the full document JSON), actors, events, claims, statements and
    errors; `accord ingest OUTPUT` stores them. Needs `pip install 'accord[spark]'` and Java.

    Exit status: 0 all extracted, 1 some documents failed (see OUTPUT/errors), 2 usage error,
    3 Spark or the model failed.
    """
    from accord.spark.job import check_output, run, spark_session

    started = time.perf_counter()
    try:
        check_output(output, overwrite)
        with spark_session(master) as spark:
            result = run(spark, inputs, output, fmt=fmt, partitions=partitions,
                         overwrite=overwrite)
    except AccordError as exc:
        raise FatalError(str(exc)) from exc
    seconds = time.perf_counter() - started
    articles = result.rows["documents"] + result.rows["errors"]
    click.echo(f"{articles} articles in {seconds:.1f} s ({articles / max(seconds, 1e-9):.1f} "
               "articles/s); " + ", ".join(f"{n} {t}" for t, n in result.rows.items())
               + f" written to {output}", err=True)
    if result.rows["errors"]:
        sys.exit(1)
