"""The ``accord`` command: a thin layer over the library.

Every command that prints rows of the store takes the same output options: a table for people
by default; ``--json`` (one array) and ``--jsonl`` (one object per line) print the items of the
JSON API (:mod:`accord.store.items`), ``--csv`` their flat table (:mod:`accord.store.tables`). Every command
that reads or writes the store takes ``--db FILE``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from accord.cli.output import emit_rows
from accord.errors import AccordError, QueryError, ReadError
from accord.pipeline import Options, available_cores, extract
from accord.read import MAX_BYTES, count_documents, read_paths
from accord.records import Article, Document
from accord.store.query import ActorQuery, ClaimQuery, EventQuery, Query, StatementQuery

__all__ = ["cli", "main"]

DEFAULT_DB = "accord.db"
SHOWN_FAILURES = 20
"""Failures `accord ingest` lists in its summary (all of them are in the errors table)."""


class FatalError(click.ClickException):
    """Nothing (more) could be done: the store or the model failed. Exit status 3, apart from
    1 (some documents failed) and 2 (usage error)."""

    exit_code = 3


def _output_options(func: Any) -> Any:
    func = click.option("--csv", "as_csv", is_flag=True,
                        help="Print the flat table as CSV (a header, full ids).")(func)
    func = click.option("--jsonl", "as_jsonl", is_flag=True,
                        help="Print the API's items as JSON, one per line.")(func)
    func = click.option("--json", "as_json", is_flag=True,
                        help="Print the API's items as one JSON array.")(func)
    return func


def _db_option(func: Any) -> Any:
    return click.option(
        "--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
        help="SQLite store file.",
    )(func)


def _processes_option(func: Any) -> Any:
    return click.option(
        "--processes", "-p", default=available_cores(), show_default="all cores",
        type=click.IntRange(1, 64),
        help="Worker processes (1: everything in this process).",
    )(func)


def _max_bytes_option(func: Any) -> Any:
    return click.option(
        "--max-bytes", default=MAX_BYTES, show_default=True, type=click.IntRange(0),
        help="Size limit of a file, a JSONL line or standard input (0: none); a larger input "
             "is reported as an error without being read into memory.",
    )(func)


def _warn(path: str, note: str) -> None:
    click.echo(f"warning: {path}: {note}", err=True)


def _read(paths: Sequence[str], max_bytes: int) -> Iterator[Article | ReadError]:
    """:func:`read_paths`, echoing on standard error what reading repaired or ignored (bad
    bytes, an impossible date) and articles in a language accord has no rules for."""
    from accord.ingestion import notes

    for item in read_paths(paths, max_bytes=max_bytes, skipped=_warn):
        if isinstance(item, Article):
            for note in notes(item):
                _warn(item.path, note)
        yield item


def _fmt(as_json: bool, as_jsonl: bool, as_csv: bool) -> str:
    if as_json + as_jsonl + as_csv > 1:
        raise click.UsageError("--json, --jsonl and --csv are exclusive")
    return "json" if as_json else "jsonl" if as_jsonl else "csv" if as_csv else "table"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord")
def cli() -> None:
    """accord: political event data from news articles (French first)."""


@cli.command("extract", short_help="Extract articles to document JSON lines (JSONL).")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSONL here (default: standard output).")
@_processes_option
@_max_bytes_option
def extract_cmd(paths: Sequence[str], output: TextIO, processes: int, max_bytes: int) -> None:
    """Extract one document JSON per line (JSONL), in input order.

    PATHS are files, folders, globs, .jsonl, .html, or "-" for standard input. A document
    that cannot be read or coded is reported on standard error and the others go on.

    Exit status: 0 all extracted, 1 some documents failed, 2 usage error, 3 the model failed.
    """
    _require_paths(paths, urls=False)
    failed = 0
    try:
        for item in extract(_read(paths, max_bytes), Options(processes=processes)):
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


@cli.command("ingest",
             short_help="Extract articles, pages or feed items and store them (idempotent).")
@click.argument("paths", nargs=-1)
@_web_options
@_db_option
@_processes_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@_max_bytes_option
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
                             max_bytes=max_bytes, progress=advance, warn=_warn,
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


def _open_store(db: str) -> Any:
    from accord.store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}; create one with `accord ingest PATHS --db {db}`")
    try:
        return Store.open(db)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc


Q = TypeVar("Q", bound=Query)


def _built(make: Callable[[], Q]) -> Q:
    """The query ``make`` builds from the options (:mod:`accord.store.query` checks it, as for the
    API; a usage error naming the option for a bad value)."""
    try:
        return make()
    except QueryError as exc:
        hint = "--" + exc.name.replace("_", "-")
        raise click.BadParameter(exc.reason, param_hint=f"'{hint}'") from None


def _event_filters(func: Any) -> Any:
    """The event filters of `accord events` and `accord export`."""
    for option in reversed([
        click.option("--actor", help="Participant name (case and accents ignored, substring)."),
        click.option("--country", help="Participant country (ISO3 or PLOVER code)."),
        click.option("--dyad", help="Two countries, e.g. CHN-VNM (either order)."),
        click.option("--type", "etype", help="PLOVER event type, e.g. CONSULT."),
        click.option("--quad-class", type=int,
                     help="1-4: verbal/material cooperation, verbal/material conflict."),
        click.option("--since", help="Earliest date (YYYY[-MM[-DD]])."),
        click.option("--until", help="Latest date (YYYY[-MM[-DD]])."),
        click.option("--text", help="Words of the evidence or sentence (case and accents ignored)."),
    ]):
        func = option(func)
    return func


def _event_query(actor: str | None, country: str | None, dyad: str | None, etype: str | None,
                 quad_class: int | None, since: str | None, until: str | None,
                 text: str | None, limit: int | None = None, offset: int = 0,
                 sort: str = "date") -> EventQuery:
    """The query of the options of :func:`_event_filters` (and of the page)."""
    return _built(lambda: EventQuery(
        actor=actor, country=country, dyad=dyad, type=etype, quad_class=quad_class,
        since=since, until=until, text=text, limit=limit, offset=offset, sort=sort,
    ))


def _who(name: str | None, country: str | None) -> str | None:
    return None if name is None else f"{name} ({country or '-'})"


def _sides(people: Sequence[Any]) -> str:
    return "; ".join(f"{p.name or '?'} ({p.country or '-'})" for p in people)


def _event_display(r: Any) -> dict[str, Any]:
    from accord.store.items import date_label

    return {
        "date": date_label(r.date, r.doc_published), "type": r.type, "mode": r.mode,
        "actor": _sides(r.actors), "recipient": _sides(r.recipients), "place": r.place_name,
        "evidence": r.evidence, "doc": r.doc_id,
    }


def _statement_display(r: Any) -> dict[str, Any]:
    from accord.store.items import date_label

    return {
        "date": date_label(r.date, r.doc_published), "speaker": r.speaker,
        "country": r.speaker_country, "verb": r.verb, "evidence": r.evidence,
        "doc": r.doc_id,
    }


def _quantity(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _claim_display(r: Any) -> dict[str, Any]:
    return {
        "published": r.doc_published, "qualifier": r.qualifier,
        "quantity": _quantity(r.quantity), "unit": r.unit,
        "holder": _who(r.holder, r.holder_country), "source": _who(r.source, r.source_country),
        "evidence": r.evidence, "doc": r.doc_id,
    }


def _actor_display(r: Any) -> dict[str, Any]:
    return {
        "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
        "titles": "; ".join(
            f"{t.title} ({t.first or '?'}" + (f"..{t.last}" if t.last and t.last != t.first else "")
            + ")" for t in r.titles
        ),
        "aliases": "; ".join(r.aliases),
        "documents": r.documents, "events": r.events,
    }


def _print_rows(db: str, table: str, fmt: str, display: Callable[[Any], dict[str, Any]],
                query: Query) -> None:
    """The rows of ``table`` that ``query`` keeps, read from the store ``db`` as they are
    printed (:func:`accord.cli.output.emit_rows`)."""
    from accord.store.tables import TABLES

    with _open_store(db) as store:
        try:
            emit_rows(table, TABLES[table].rows(store, query), fmt, display=display,
                      no_wrap=("date",))
        except AccordError as exc:
            raise click.ClickException(str(exc)) from exc


@cli.command("events", short_help="List stored events (filters, sort, paging).")
@_event_filters
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many rows first.")
@click.option("--sort", default="date", show_default=True,
              type=click.Choice(["date", "-date", "intensity", "-intensity", "type"]),
              help="Oldest or newest first, by intensity, or by type.")
@_db_option
@_output_options
def events_cmd(actor: str | None, country: str | None, dyad: str | None, etype: str | None,
               quad_class: int | None, since: str | None, until: str | None, text: str | None,
               limit: int | None, offset: int, sort: str, db: str, as_json: bool,
               as_jsonl: bool, as_csv: bool) -> None:
    """List stored events.

    --json and --jsonl print the items of /api/events (the same filters give the same
    objects): full id, type, mode, quad class, CAMEO code, intensity, participants as objects
    (id, name, country, sector), the event's own date (null when undated) and its precision,
    place, evidence, span, document id and URL. --csv prints the same in flat columns. The
    table shows an undated event as "undated (article DATE)".
    """
    fmt = _fmt(as_json, as_jsonl, as_csv)
    query = _event_query(actor, country, dyad, etype, quad_class, since, until, text, limit,
                         offset, sort)
    _print_rows(db, "events", fmt, _event_display, query)


@cli.command("statements", short_help="List stored statements: who said what, and when.")
@click.option("--speaker", help="Speaker name (case and accents ignored, substring).")
@click.option("--country", help="Speaker country (ISO3 or PLOVER code).")
@click.option("--verb", help="Reporting verb, e.g. déclarer (case and accents ignored).")
@click.option("--since", help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--text", help="Words of the evidence or sentence (case and accents ignored).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@_db_option
@_output_options
def statements_cmd(speaker: str | None, country: str | None, verb: str | None,
                   since: str | None, until: str | None, text: str | None, limit: int | None,
                   db: str, as_json: bool, as_jsonl: bool, as_csv: bool) -> None:
    """List stored statements: who said what, and when.

    A statement whose text gives no date is filtered by its article's date and shown as
    "undated (article DATE)". --json and --jsonl print the items of /api/statements, --csv
    their flat table.
    """
    fmt = _fmt(as_json, as_jsonl, as_csv)
    query = _built(lambda: StatementQuery(speaker=speaker, country=country, verb=verb,
                                          since=since, until=until, text=text, limit=limit))
    _print_rows(db, "statements", fmt, _statement_display, query)


@cli.command("claims", short_help="List stored claims: the numbers articles assert.")
@click.option("--holder", help="Holder name (case and accents ignored, substring).")
@click.option("--source", help="Source name (case and accents ignored, substring).")
@click.option("--country", help="Holder's or source's country (ISO3 or PLOVER code).")
@click.option("--unit", help="Unit, e.g. pays (case and accents ignored, substring).")
@click.option("--min", "min_quantity", type=float, default=None, help="Smallest quantity.")
@click.option("--max", "max_quantity", type=float, default=None, help="Largest quantity.")
@click.option("--since", help="Earliest article date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Latest article date (YYYY[-MM[-DD]]).")
@click.option("--text", help="Words of the evidence or sentence (case and accents ignored).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@_db_option
@_output_options
def claims_cmd(holder: str | None, source: str | None, country: str | None, unit: str | None,
               min_quantity: float | None, max_quantity: float | None, since: str | None,
               until: str | None, text: str | None, limit: int | None, db: str, as_json: bool,
               as_jsonl: bool, as_csv: bool) -> None:
    """List stored claims: the numbers articles assert, dated by their article.

    --json and --jsonl print the items of /api/claims, --csv their flat table.
    """
    fmt = _fmt(as_json, as_jsonl, as_csv)
    query = _built(lambda: ClaimQuery(
        holder=holder, source=source, country=country, unit=unit, min_quantity=min_quantity,
        max_quantity=max_quantity, since=since, until=until, text=text, limit=limit,
    ))
    _print_rows(db, "claims", fmt, _claim_display, query)


@cli.command("actors", short_help="List the registry's actors with their dated titles.")
@click.option("--name", help="Name (case and accents ignored, substring).")
@click.option("--country", help="ISO3 or PLOVER code.")
@click.option("--kind", type=click.Choice(["person", "organization", "state"]))
@click.option("--limit", type=click.IntRange(1), default=None)
@_db_option
@_output_options
def actors_cmd(name: str | None, country: str | None, kind: str | None, limit: int | None,
               db: str, as_json: bool, as_jsonl: bool, as_csv: bool) -> None:
    """List the actors of the registry, with their titles and when they held them.

    --json and --jsonl print the items of /api/actors, --csv their flat table.
    """
    fmt = _fmt(as_json, as_jsonl, as_csv)
    query = _built(lambda: ActorQuery(name=name, country=country, kind=kind, limit=limit))
    _print_rows(db, "actors", fmt, _actor_display, query)


@cli.command("show", short_help="Show one stored article with what was extracted.")
@click.argument("doc_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the document JSON.")
def show_cmd(doc_id: str, db: str, as_json: bool) -> None:
    """Show one stored article with what was extracted from it (id or unique prefix)."""
    with _open_store(db) as store:
        try:
            doc = store.document(doc_id)
        except AccordError as exc:
            raise click.ClickException(str(exc)) from exc
    if doc is None:
        raise click.ClickException(f"no document {doc_id!r} in {db}")
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return
    from accord.cli.output import show_document

    show_document(doc)


@cli.command("errors", short_help="List the inputs that failed and why, or forget them.")
@click.argument("paths", nargs=-1)
@_db_option
@click.option("--clear", is_flag=True,
              help="Forget the failures of PATHS (all failures without PATHS).")
def errors_cmd(paths: Sequence[str], db: str, clear: bool) -> None:
    """List the inputs that failed to be stored, with why and when; --clear forgets them (a
    later success of the same input forgets its failure too)."""
    with _open_store(db) as store:
        if clear:
            n = store.clear_errors(list(paths) or None)
            click.echo(f"{n} failure(s) forgotten")
            return
        rows = [r for r in store.errors() if not paths or r.path in paths]
    if not rows:
        click.echo("no failures")
        return
    for r in rows:
        click.echo(f"{r.at}  {r.path}: {r.reason}")


@cli.command("eval", short_help="Score the system against a gold file.")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--root", type=click.Path(exists=True, file_okay=False),
              help="Folder the gold text paths are relative to (default: the gold file's "
                   "parent's parent).")
@click.option("--report", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Also write the system documents (JSONL) here.")
@_processes_option
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report instead.")
def eval_cmd(gold: str, root: str | None, report: str | None, predictions: str | None,
             processes: int, as_json: bool) -> None:
    """Score the system against a gold file (shared/gold/README.md, "Scoring")."""
    from accord.scoring.gold import evaluate_gold

    try:
        result, docs = evaluate_gold(Path(gold), Path(root) if root else None,
                                     Options(processes=processes))
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    from accord.scoring import format_table

    if report:
        Path(report).write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    if predictions:
        with open(predictions, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(f"gold: {gold}")
        click.echo(format_table(result))


@cli.command("export", short_help="Export events and tables in the formats of other tools.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "polecat", "gdelt", "icews", "parquet", "csv", "jsonl"]),
              help="plover: PLOVER JSONL; polecat, gdelt, icews: those datasets' TSV columns; "
                   "parquet: a folder of tables; csv, jsonl: one table.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file (a folder for parquet); - is standard output.")
@click.option("--table", default="events", show_default=True,
              type=click.Choice(["events", "statements", "claims", "actors", "documents"]),
              help="The table of csv and jsonl.")
@_event_filters
@_db_option
def export_cmd(fmt: str, output: str, table: str, actor: str | None, country: str | None,
               dyad: str | None, etype: str | None, quad_class: int | None, since: str | None,
               until: str | None, text: str | None, db: str) -> None:
    """Export stored events (and tables) for other tools: PLOVER, POLECAT, GDELT, ICEWS,
    Parquet, CSV, JSONL. The filters select events as in `accord events`."""
    from accord.exports import export

    query = _event_query(actor, country, dyad, etype, quad_class, since, until, text)
    with _open_store(db) as store:
        try:
            result = export(store, fmt, output, table=table, query=query)
        except AccordError as exc:
            raise click.ClickException(str(exc)) from exc
    written = ", ".join(f"{n} {t}" for t, n in result.rows.items())
    click.echo(f"{fmt}: {written} written to {'standard output' if output == '-' else output}",
               err=True)


@cli.command("spark", short_help="Extract articles on Spark into Parquet tables.")
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


@cli.command("serve", short_help="Serve the JSON API and the dashboard.")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other than this machine (anyone reaching it reads the store).")
@click.option("--allow-writes", is_flag=True,
              help="Add POST /api/documents (ingest articles); needs $ACCORD_API_TOKEN, which "
                   "requests send as 'Authorization: Bearer TOKEN'.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="URL",
              help="An origin (https://host[:port]) whose pages may GET the API; repeatable. "
                   "Default: none (CORS closed).")
def serve_cmd(db: str, host: str, port: int, allow_remote: bool, allow_writes: bool,
              cors_origins: tuple[str, ...]) -> None:
    """Serve the JSON API (/api, described at /docs) and the dashboard (/) for a store.

    Read-only and on this machine only by default; see --allow-writes, --allow-remote and
    --cors-origin.
    """
    import os

    import uvicorn

    from accord.web.api import create_app
    from accord.web.dashboard import missing_vendor_files
    from accord.web.security import (
        LOOPBACK_HOSTS,
        TOKEN_ENV,
        check_origin,
        check_token,
        is_loopback,
    )

    for origin in cors_origins:
        try:
            check_origin(origin)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--cors-origin") from None
    local = is_loopback(host)
    if not local and not allow_remote:
        raise click.ClickException(
            f"--host {host} is not this machine only: anyone who can reach it could read the "
            "store; add --allow-remote to do this on purpose"
        )
    token = None
    if allow_writes:
        try:
            token = check_token(os.environ.get(TOKEN_ENV))
        except ValueError as exc:
            raise click.ClickException(
                f"--allow-writes refused: {exc} (for instance: export {TOKEN_ENV}=$(python3 -c "
                "'import secrets; print(secrets.token_urlsafe(32))'))"
            ) from None
        if not Path(db).exists():
            from accord.store import Store

            try:
                Store.open(db).close()  # writes may start from an empty store
            except AccordError as exc:
                raise click.ClickException(str(exc)) from exc
    _open_store(db).close()  # a clear error now rather than on the first request
    missing = missing_vendor_files()
    if missing:
        click.echo(f"warning: files of the dashboard are missing ({', '.join(missing)}): "
                   "reinstall accord, or in a checkout run `npm ci && npm run build` in web/; "
                   "the API works without them", err=True)
    if not local:
        also = " and, with the token, write it" if allow_writes else ""
        click.echo(f"warning: listening on {host}, not only this machine: anyone who can reach "
                   f"port {port} can read the store{also}; put it behind a TLS proxy",
                   err=True)
    mode = "read and write (POST /api/documents, bearer token)" if allow_writes else "read-only"
    click.echo(f"accord: serving {db} on http://{host}:{port}/ ({mode}; API docs at /docs)",
               err=True)
    hosts = None
    if local:
        hosts = [*LOOPBACK_HOSTS, host.lower() if ":" not in host else f"[{host.strip('[]')}]"]
    app = create_app(db, allow_writes=allow_writes, token=token, cors_origins=cors_origins,
                     allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="accord")


