"""What the commands share: the output options (a table for people; ``--json`` and ``--jsonl``
print the items of the JSON API, :mod:`accord.store.items`; ``--csv`` their flat table,
:mod:`accord.store.tables`), ``--db``, ``--processes``, ``--max-bytes``, reading inputs with
warnings, opening the store, and building a query from options (:mod:`accord.store.query`; a
bad value is a usage error naming its option)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from accord.errors import AccordError, QueryError, ReadError
from accord.pipeline import available_cores
from accord.read import MAX_BYTES, read_paths
from accord.records import Article
from accord.store.query import Query

__all__ = [
    "DEFAULT_DB", "FatalError", "built", "db_option", "max_bytes_option", "open_store",
    "output_format", "output_options", "processes_option", "read_inputs", "warn",
]

DEFAULT_DB = "accord.db"


class FatalError(click.ClickException):
    """Nothing (more) could be done: the store or the model failed. Exit status 3, apart from
    1 (some documents failed) and 2 (usage error)."""

    exit_code = 3


def output_options(func: Any) -> Any:
    func = click.option("--csv", "as_csv", is_flag=True,
                        help="Print the flat table as CSV (a header, full ids).")(func)
    func = click.option("--jsonl", "as_jsonl", is_flag=True,
                        help="Print the API's items as JSON, one per line.")(func)
    func = click.option("--json", "as_json", is_flag=True,
                        help="Print the API's items as one JSON array.")(func)
    return func


def db_option(func: Any) -> Any:
    return click.option(
        "--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
        help="SQLite store file.",
    )(func)


def processes_option(func: Any) -> Any:
    return click.option(
        "--processes", "-p", default=available_cores(), show_default="all cores",
        type=click.IntRange(1, 64),
        help="Worker processes (1: everything in this process).",
    )(func)


def max_bytes_option(func: Any) -> Any:
    return click.option(
        "--max-bytes", default=MAX_BYTES, show_default=True, type=click.IntRange(0),
        help="Size limit of a file, a JSONL line or standard input (0: none); a larger input "
             "is reported as an error without being read into memory.",
    )(func)


def warn(path: str, note: str) -> None:
    click.echo(f"warning: {path}: {note}", err=True)


def read_inputs(paths: Sequence[str], max_bytes: int) -> Iterator[Article | ReadError]:
    """:func:`read_paths`, echoing on standard error what reading repaired or ignored (bad
    bytes, an impossible date) and articles in a language accord has no rules for."""
    from accord.ingestion import notes

    for item in read_paths(paths, max_bytes=max_bytes, skipped=warn):
        if isinstance(item, Article):
            for note in notes(item):
                warn(item.path, note)
        yield item


def output_format(as_json: bool, as_jsonl: bool, as_csv: bool) -> str:
    if as_json + as_jsonl + as_csv > 1:
        raise click.UsageError("--json, --jsonl and --csv are exclusive")
    return "json" if as_json else "jsonl" if as_jsonl else "csv" if as_csv else "table"


def open_store(db: str) -> Any:
    from accord.store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}; create one with `accord ingest PATHS --db {db}`")
    try:
        return Store.open(db)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc


Q = TypeVar("Q", bound=Query)


def built(make: Callable[[], Q]) -> Q:
    """The query ``make`` builds from the options (:mod:`accord.store.query` checks it, as for the
    API; a usage error naming the option for a bad value)."""
    try:
        return make()
    except QueryError as exc:
        hint = "--" + exc.name.replace("_", "-")
        raise click.BadParameter(exc.reason, param_hint=f"'{hint}'") from None
