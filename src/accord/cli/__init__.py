"""The ``accord`` command: a thin layer over the library, one module per kind of command.

- :mod:`.ingest`: ``extract``, ``ingest``, ``spark`` (articles in, through the pipeline);
- :mod:`.queries`: ``events``, ``statements``, ``claims``, ``actors``, ``show``, ``errors``,
  ``export`` (the store out);
- :mod:`.serve`: ``serve`` (the JSON API and the dashboard);
- :mod:`.evaluate`: ``eval`` (scoring a gold file);
- :mod:`.options`: what they share (output options, ``--db``, queries from options);
  :mod:`.output`: printing rows and documents.

Every command that prints rows of the store takes the same output options: a table for people
by default; ``--json`` (one array) and ``--jsonl`` (one object per line) print the items of the
JSON API (:mod:`accord.store.items`), ``--csv`` their flat table (:mod:`accord.store.tables`).
Every command that reads or writes the store takes ``--db FILE``.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from accord.cli.evaluate import bench_cmd, eval_cmd
from accord.cli.ingest import extract_cmd, ingest_cmd, spark_cmd
from accord.cli.queries import (
    actors_cmd,
    claims_cmd,
    errors_cmd,
    events_cmd,
    export_cmd,
    show_cmd,
    statements_cmd,
)
from accord.cli.serve import serve_cmd

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord")
def cli() -> None:
    """accord: political event data from news articles (French first)."""


for _command in (extract_cmd, ingest_cmd, events_cmd, statements_cmd, claims_cmd, actors_cmd,
                 show_cmd, errors_cmd, eval_cmd, bench_cmd, export_cmd, spark_cmd, serve_cmd):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="accord")
