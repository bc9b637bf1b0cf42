"""The commands that read the store: ``accord events``, ``statements``, ``claims`` and
``actors`` (rows with the same output options), ``show`` (one article with its extraction),
``errors`` (inputs that failed) and ``export`` (the formats of other tools). Each builds its
query (:mod:`accord.store.query`) from its options."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from accord.cli.options import (
    built,
    db_option,
    open_store,
    output_format,
    output_options,
)
from accord.cli.output import emit_rows
from accord.errors import AccordError
from accord.store.query import ActorQuery, ClaimQuery, EventQuery, Query, StatementQuery

__all__ = [
    "actors_cmd", "claims_cmd", "errors_cmd", "events_cmd", "export_cmd", "show_cmd",
    "statements_cmd",
]


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
    return built(lambda: EventQuery(
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

    with open_store(db) as store:
        try:
            emit_rows(table, TABLES[table].rows(store, query), fmt, display=display,
                      no_wrap=("date",))
        except AccordError as exc:
            raise click.ClickException(str(exc)) from exc


@click.command("events", short_help="List stored events (filters, sort, paging).")
@_event_filters
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many rows first.")
@click.option("--sort", default="date", show_default=True,
              type=click.Choice(["date", "-date", "intensity", "-intensity", "type"]),
              help="Oldest or newest first, by intensity, or by type.")
@db_option
@output_options
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
    fmt = output_format(as_json, as_jsonl, as_csv)
    query = _event_query(actor, country, dyad, etype, quad_class, since, until, text, limit,
                         offset, sort)
    _print_rows(db, "events", fmt, _event_display, query)


@click.command("statements", short_help="List stored statements: who said what, and when.")
@click.option("--speaker", help="Speaker name (case and accents ignored, substring).")
@click.option("--country", help="Speaker country (ISO3 or PLOVER code).")
@click.option("--verb", help="Reporting verb, e.g. déclarer (case and accents ignored).")
@click.option("--since", help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--text", help="Words of the evidence or sentence (case and accents ignored).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@db_option
@output_options
def statements_cmd(speaker: str | None, country: str | None, verb: str | None,
                   since: str | None, until: str | None, text: str | None, limit: int | None,
                   db: str, as_json: bool, as_jsonl: bool, as_csv: bool) -> None:
    """List stored statements: who said what, and when.

    A statement whose text gives no date is filtered by its article's date and shown as
    "undated (article DATE)". --json and --jsonl print the items of /api/statements, --csv
    their flat table.
    """
    fmt = output_format(as_json, as_jsonl, as_csv)
    query = built(lambda: StatementQuery(speaker=speaker, country=country, verb=verb,
                                          since=since, until=until, text=text, limit=limit))
    _print_rows(db, "statements", fmt, _statement_display, query)


@click.command("claims", short_help="List stored claims: the numbers articles assert.")
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
@db_option
@output_options
def claims_cmd(holder: str | None, source: str | None, country: str | None, unit: str | None,
               min_quantity: float | None, max_quantity: float | None, since: str | None,
               until: str | None, text: str | None, limit: int | None, db: str, as_json: bool,
               as_jsonl: bool, as_csv: bool) -> None:
    """List stored claims: the numbers articles assert, dated by their article.

    --json and --jsonl print the items of /api/claims, --csv their flat table.
    """
    fmt = output_format(as_json, as_jsonl, as_csv)
    query = built(lambda: ClaimQuery(
        holder=holder, source=source, country=country, unit=unit, min_quantity=min_quantity,
        max_quantity=max_quantity, since=since, until=until, text=text, limit=limit,
    ))
    _print_rows(db, "claims", fmt, _claim_display, query)


@click.command("actors", short_help="List the registry's actors with their dated titles.")
@click.option("--name", help="Name (case and accents ignored, substring).")
@click.option("--country", help="ISO3 or PLOVER code.")
@click.option("--kind", type=click.Choice(["person", "organization", "state"]))
@click.option("--limit", type=click.IntRange(1), default=None)
@db_option
@output_options
def actors_cmd(name: str | None, country: str | None, kind: str | None, limit: int | None,
               db: str, as_json: bool, as_jsonl: bool, as_csv: bool) -> None:
    """List the actors of the registry, with their titles and when they held them.

    --json and --jsonl print the items of /api/actors, --csv their flat table.
    """
    fmt = output_format(as_json, as_jsonl, as_csv)
    query = built(lambda: ActorQuery(name=name, country=country, kind=kind, limit=limit))
    _print_rows(db, "actors", fmt, _actor_display, query)


@click.command("show", short_help="Show one stored article with what was extracted.")
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the document JSON.")
def show_cmd(doc_id: str, db: str, as_json: bool) -> None:
    """Show one stored article with what was extracted from it (id or unique prefix)."""
    with open_store(db) as store:
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


@click.command("errors", short_help="List the inputs that failed and why, or forget them.")
@click.argument("paths", nargs=-1)
@db_option
@click.option("--clear", is_flag=True,
              help="Forget the failures of PATHS (all failures without PATHS).")
def errors_cmd(paths: Sequence[str], db: str, clear: bool) -> None:
    """List the inputs that failed to be stored, with why and when; --clear forgets them (a
    later success of the same input forgets its failure too)."""
    with open_store(db) as store:
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


def _export_input(source: str, fmt: str, output: str, table: str, run: Any) -> Any:
    """``run`` (:func:`accord.exports.export_documents`) on the document JSON lines of
    ``source`` ("-": standard input)."""
    from accord.exports.from_records import read_documents

    try:
        if source == "-":
            return run(read_documents(sys.stdin, "<stdin>"), fmt, output,
                       table=table)
        with open(source, encoding="utf-8") as fh:
            return run(read_documents(fh, source), fmt, output, table=table)
    except OSError as exc:
        raise click.ClickException(f"cannot read {source}: {exc.strerror or exc}") from exc
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("export", short_help="Export events and tables in the formats of other tools.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "polecat", "gdelt", "icews", "parquet", "csv", "jsonl"]),
              help="plover: PLOVER JSONL; polecat, gdelt, icews: those datasets' TSV columns; "
                   "parquet: a folder of tables; csv, jsonl: one table.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file (a folder for parquet); - is standard output.")
@click.option("--table", default="events", show_default=True,
              type=click.Choice(["events", "statements", "claims", "actors", "documents"]),
              help="The table of csv and jsonl.")
@click.option("--input", "source", metavar="FILE",
              help="Export the document JSON lines of FILE (- is standard input; what `accord "
                   "extract` writes) instead of the store: no filters, no registry.")
@_event_filters
@db_option
def export_cmd(fmt: str, output: str, table: str, source: str | None, actor: str | None,
               country: str | None, dyad: str | None, etype: str | None,
               quad_class: int | None, since: str | None, until: str | None, text: str | None,
               db: str) -> None:
    """Export stored events (and tables) for other tools: PLOVER, POLECAT, GDELT, ICEWS,
    Parquet, CSV, JSONL. The filters select events as in `accord events`.

    With --input, the documents of `accord extract` are exported without a store
    (`accord extract ARTICLES | accord export --format plover --input -`): the same output
    as from a store holding them, less registry ids and titles (and the actors table, which
    is the registry). The filters then need a store: ingest the documents first.
    """
    from accord.exports import export, export_documents

    query = _event_query(actor, country, dyad, etype, quad_class, since, until, text)
    if source is not None:
        if query.filters():
            given = ", ".join("--" + k.replace("_", "-") for k in sorted(query.filters()))
            raise click.UsageError(f"{given}: filters need a store; ingest the documents "
                                   f"(accord ingest {source} --db DB) and export the store")
        if table == "actors" and fmt in ("csv", "jsonl"):
            raise click.UsageError("--table actors: the actors table is the store's registry;"
                                   " documents without a store have none")
        result = _export_input(source, fmt, output, table, export_documents)
    else:
        with open_store(db) as store:
            try:
                result = export(store, fmt, output, table=table, query=query)
            except AccordError as exc:
                raise click.ClickException(str(exc)) from exc
    written = ", ".join(f"{n} {t}" for t, n in result.rows.items())
    click.echo(f"{fmt}: {written} written to {'standard output' if output == '-' else output}",
               err=True)
