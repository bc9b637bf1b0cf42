"""The ``accord`` command: a thin layer over the library.

Every command that prints rows takes the same output options (a table by default, ``--json``,
``--csv``); every command that reads or writes the store takes ``--db FILE``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from accord.errors import AccordError, ReadError
from accord.output import emit
from accord.pipeline import Options, extract
from accord.read import read_paths
from accord.records import Document

__all__ = ["cli", "main"]

DEFAULT_DB = "accord.db"


def _output_options(func: Any) -> Any:
    func = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(func)
    func = click.option("--json", "as_json", is_flag=True, help="Print JSON (one array).")(func)
    return func


def _db_option(func: Any) -> Any:
    return click.option(
        "--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
        help="SQLite store file.",
    )(func)


def _processes_option(func: Any) -> Any:
    return click.option(
        "--processes", "-p", default=1, show_default=True, type=click.IntRange(1, 64),
        help="Worker processes, each with its own model.",
    )(func)


def _fmt(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise click.UsageError("--json and --csv are exclusive")
    return "json" if as_json else "csv" if as_csv else "table"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord")
def cli() -> None:
    """accord: political event data from news articles (French first)."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSONL here (default: standard output).")
@_processes_option
def extract_cmd(paths: Sequence[str], output: TextIO, processes: int) -> None:
    """Extract one document JSON per line (JSONL), in input order.

    PATHS are files, folders, globs, .jsonl, .html, or "-" for standard input.
    """
    failed = 0
    for item in extract(read_paths(paths), Options(processes=processes)):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"error: {item}", err=True)
            continue
        output.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    output.flush()
    if failed:
        sys.exit(1)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_processes_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest_cmd(paths: Sequence[str], db: str, processes: int, quiet: bool) -> None:
    """Extract articles and store them (idempotent: the same article changes nothing)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from accord.store import Store

    items = list(read_paths(paths))
    errors: list[ReadError] = []

    def documents(progress: Progress | None, task: Any) -> Iterator[Document]:
        for item in extract(items, Options(processes=processes)):
            if progress is not None:
                progress.advance(task)
            if isinstance(item, ReadError):
                errors.append(item)
                store.record_error(item.path, item.reason)
                continue
            yield item

    try:
        store = Store.open(db)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        if quiet or not sys.stderr.isatty():
            stats = store.put_many(documents(None, None))
        else:
            with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                          transient=True) as progress:
                task = progress.add_task("ingest", total=len(items))
                stats = store.put_many(documents(progress, task))
        counts = store.stats()
    click.echo(
        f"{stats.new} new, {stats.updated} updated, {stats.unchanged} unchanged, "
        f"{len(errors)} failed; store {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
        err=True,
    )
    for err in errors:
        click.echo(f"error: {err}", err=True)
    if errors:
        sys.exit(1)


def _open_store(db: str) -> Any:
    from accord.store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}; create one with `accord ingest PATHS --db {db}`")
    try:
        return Store.open(db)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise click.BadParameter("two three-letter country codes, e.g. CHN-VNM", param_hint="--dyad")
    return parts[0], parts[1]


def _event_filters(func: Any) -> Any:
    """The event filters of `accord events` and `accord export`."""
    for option in reversed([
        click.option("--actor", help="Participant name (case and accents ignored, substring)."),
        click.option("--country", help="Participant country (ISO3 or PLOVER code)."),
        click.option("--dyad", help="Two countries, e.g. CHN-VNM (either order)."),
        click.option("--type", "etype", help="PLOVER event type, e.g. CONSULT."),
        click.option("--quad-class", type=click.IntRange(1, 4),
                     help="1-4: verbal/material cooperation, verbal/material conflict."),
        click.option("--since", help="Earliest date (YYYY[-MM[-DD]])."),
        click.option("--until", help="Latest date (YYYY[-MM[-DD]])."),
        click.option("--text", help="Words of the evidence or sentence (case and accents ignored)."),
    ]):
        func = option(func)
    return func


def _event_kwargs(actor: str | None, country: str | None, dyad: str | None, etype: str | None,
                  quad_class: int | None, since: str | None, until: str | None,
                  text: str | None) -> dict[str, Any]:
    return {"actor": actor, "country": country.upper() if country else None, "dyad": _dyad(dyad),
            "type": etype.upper() if etype else None, "quad_class": quad_class, "since": since,
            "until": until, "text": text}


@cli.command("events")
@_event_filters
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@_db_option
@_output_options
def events_cmd(actor: str | None, country: str | None, dyad: str | None, etype: str | None,
               quad_class: int | None, since: str | None, until: str | None, text: str | None,
               limit: int | None, db: str, as_json: bool, as_csv: bool) -> None:
    """List stored events."""
    filters = _event_kwargs(actor, country, dyad, etype, quad_class, since, until, text)
    with _open_store(db) as store:
        try:
            rows = store.events(limit=limit, **filters)
        except (AccordError, ValueError) as exc:  # ValueError: a malformed date
            raise click.ClickException(str(exc)) from exc
    records = [{
        "date": r.date, "type": r.type, "mode": r.mode,
        "actor": "; ".join(f"{p.name or '?'} ({p.country or '-'})" for p in r.actors),
        "recipient": "; ".join(f"{p.name or '?'} ({p.country or '-'})" for p in r.recipients),
        "place": r.place_name, "evidence": r.evidence, "doc": r.doc_id[:12],
    } for r in rows]
    emit(records, _fmt(as_json, as_csv), title="events")


def _who(name: str | None, country: str | None) -> str | None:
    return None if name is None else f"{name} ({country or '-'})"


def _quantity(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@cli.command("statements")
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
                   db: str, as_json: bool, as_csv: bool) -> None:
    """List stored statements: who said what, when (the article's date if none is given)."""
    fmt = _fmt(as_json, as_csv)
    with _open_store(db) as store:
        try:
            rows = store.statements(speaker=speaker, country=country.upper() if country else None,
                                    verb=verb, since=since, until=until, text=text, limit=limit)
        except (AccordError, ValueError) as exc:  # ValueError: a malformed date
            raise click.ClickException(str(exc)) from exc
    records = [{
        "date": r.date, "speaker": r.speaker, "country": r.speaker_country, "verb": r.verb,
        "evidence": r.evidence, "doc": r.doc_id[:12],
    } for r in rows]
    emit(records, fmt, title="statements")


@cli.command("claims")
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
               as_csv: bool) -> None:
    """List stored claims: the numbers articles assert, dated by their article."""
    fmt = _fmt(as_json, as_csv)
    with _open_store(db) as store:
        try:
            rows = store.claims(holder=holder, source=source,
                                country=country.upper() if country else None, unit=unit,
                                min_quantity=min_quantity, max_quantity=max_quantity,
                                since=since, until=until, text=text, limit=limit)
        except (AccordError, ValueError) as exc:  # ValueError: a malformed date
            raise click.ClickException(str(exc)) from exc
    records = [{
        "published": r.doc_published, "qualifier": r.qualifier,
        "quantity": _quantity(r.quantity), "unit": r.unit,
        "holder": _who(r.holder, r.holder_country), "source": _who(r.source, r.source_country),
        "evidence": r.evidence, "doc": r.doc_id[:12],
    } for r in rows]
    emit(records, fmt, title="claims")


@cli.command("actors")
@click.option("--name", help="Name (case and accents ignored, substring).")
@click.option("--country", help="ISO3 or PLOVER code.")
@click.option("--kind", type=click.Choice(["person", "organization", "state"]))
@click.option("--limit", type=click.IntRange(1), default=None)
@_db_option
@_output_options
def actors_cmd(name: str | None, country: str | None, kind: str | None, limit: int | None,
               db: str, as_json: bool, as_csv: bool) -> None:
    """List the actors of the registry, with their titles and when they held them."""
    with _open_store(db) as store:
        rows = store.actors(name=name, country=country.upper() if country else None, kind=kind,
                            limit=limit)
    records = [{
        "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
        "titles": "; ".join(
            f"{t.title} ({t.first or '?'}" + (f"..{t.last}" if t.last and t.last != t.first else "")
            + ")" for t in r.titles
        ),
        "aliases": "; ".join(r.aliases),
        "documents": r.documents, "events": r.events,
    } for r in rows]
    emit(records, _fmt(as_json, as_csv), title="actors")


@cli.command("show")
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
    from accord.output import show_document

    show_document(doc)


@cli.command("eval")
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
    from accord.evaluation import evaluate_gold

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


@cli.command("export")
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

    filters = _event_kwargs(actor, country, dyad, etype, quad_class, since, until, text)
    with _open_store(db) as store:
        try:
            result = export(store, fmt, output, table=table, **filters)
        except (AccordError, ValueError) as exc:  # ValueError: a malformed date
            raise click.ClickException(str(exc)) from exc
    written = ", ".join(f"{n} {t}" for t, n in result.rows.items())
    click.echo(f"{fmt}: {written} written to {'standard output' if output == '-' else output}",
               err=True)


@cli.command("bench")
@click.option("--docs", default=571, show_default=True, type=click.IntRange(1),
              help="Articles to process (the corpus is repeated up to this number).")
@click.option("--processes", "-p", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Processes for every stage.")
@click.option("--corpus", type=click.Path(exists=True),
              help="Folder of .txt articles (default: ../shared/data/winer-fr-2016 beside the "
                   "checkout).")
@click.option("--stage", "stages", multiple=True, type=click.Choice(["bare", "extract", "ingest"]),
              help="Run only these stages (repeatable; default: all three).")
def bench_cmd(docs: int, processes: int, corpus: str | None, stages: Sequence[str]) -> None:
    """Throughput and peak memory: bare spaCy vs accord extract vs accord ingest, on the same
    articles (prints figures)."""
    from accord.bench import STAGES, default_corpus, run_bench

    folder = Path(corpus) if corpus else default_corpus()
    if folder is None:
        raise click.ClickException("no corpus: give --corpus FOLDER of .txt articles")
    click.echo(f"bench: {docs} articles from {folder}, {processes} process(es)", err=True)
    try:
        results = run_bench(folder, docs, processes, stages=stages or STAGES)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    bare = next((r for r in results if r.stage == "bare"), None)
    rows = [{
        "stage": r.stage, "articles": r.articles, "seconds": round(r.seconds, 1),
        "articles/s": round(r.articles_per_s, 1), "tokens/s": round(r.tokens_per_s),
        "× bare": round(r.articles_per_s / bare.articles_per_s, 2) if bare else None,
        "peak MB": round(r.peak_mb),
    } for r in results]
    emit(rows, "table", title="bench")


@cli.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve_cmd(db: str, host: str, port: int) -> None:
    """Serve the JSON API (/api, described at /docs) and the dashboard (/) for a store."""
    import uvicorn

    from accord.web.api import create_app
    from accord.web.dashboard import missing_vendor_files

    _open_store(db).close()  # a clear error now rather than on the first request
    missing = missing_vendor_files()
    if missing:
        click.echo(f"warning: the dashboard is not built (missing {', '.join(missing)}): run "
                   "`npm ci && npm run build` in web/; the API works without it", err=True)
    click.echo(f"accord: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="accord")


