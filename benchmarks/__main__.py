"""``python -m benchmarks``: throughput and peak memory of bare spaCy, ``accord extract`` and
``accord ingest`` on the same articles; with ``--queries``, the latency of the store's queries
on a synthetic store. It prints figures (see :mod:`benchmarks`)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import click

from accord.cli.output import emit
from accord.errors import AccordError
from accord.pipeline import available_cores


def _bench_queries(events: int, db: str | None, seed: int, repeat: int) -> None:
    from benchmarks.queries import TARGET_MS, query_cases, run_queries
    from benchmarks.synthetic import generate

    path = db or str(Path(tempfile.gettempdir()) / f"accord-bench-{events}.db")
    click.echo(f"bench --queries: store {path} ({events} events, seed {seed})", err=True)

    def built(n: int) -> None:
        click.echo(f"  {n} events written", err=True)

    try:
        store = generate(path, events, seed, progress=built)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    how = "reused" if store.reused else f"built in {store.seconds:.0f} s"
    click.echo(f"store: {store.events} events, {store.documents} documents, "
               f"{store.bytes / 2**20:.0f} MB, {how}", err=True)
    results = run_queries(path, query_cases(path, seed), repeat)
    rows = [{
        "family": r.family, "runs": r.runs, "p50 ms": round(r.p50_ms, 1),
        "p95 ms": round(r.p95_ms, 1), "max ms": round(r.max_ms, 1),
        "p95 fresh ms": round(r.fresh_p95_ms, 1), "rows": round(r.rows, 1),
        f"p95 > {TARGET_MS:.0f} ms": "SLOW" if r.slow else "",
    } for r in results]
    emit(rows, "table", title="query families")
    for r in results:
        if r.slow:
            click.echo(f"slow: {r.family}: slowest run {r.slowest}", err=True)


@click.command("benchmarks")
@click.option("--docs", default=571, show_default=True, type=click.IntRange(1),
              help="Articles to process (the corpus is repeated up to this number).")
@click.option("--processes", "-p", default=available_cores(), show_default="all cores",
              type=click.IntRange(1, 64), help="Processes for every stage.")
@click.option("--corpus", type=click.Path(exists=True),
              help="Folder of .txt articles (default: ../shared/data/winer-fr-2016 beside the "
                   "checkout).")
@click.option("--stage", "stages", multiple=True, type=click.Choice(["bare", "extract", "ingest"]),
              help="Run only these stages (repeatable; default: all three).")
@click.option("--queries", is_flag=True,
              help="Time the store's queries on a synthetic store instead (--events, --db).")
@click.option("--events", "n_events", default=1_000_000, show_default=True,
              type=click.IntRange(100), help="--queries: events of the synthetic store.")
@click.option("--db", type=click.Path(dir_okay=False),
              help="--queries: the synthetic store, reused if built with as many events "
                   "(default: accord-bench-EVENTS.db in the temporary folder).")
@click.option("--seed", default=0, show_default=True, type=int,
              help="--queries: seed of the store and of the queries.")
@click.option("--repeat", default=5, show_default=True, type=click.IntRange(1),
              help="--queries: timed runs of each query.")
def bench_cmd(docs: int, processes: int, corpus: str | None, stages: Sequence[str],
              queries: bool, n_events: int, db: str | None, seed: int, repeat: int) -> None:
    """Throughput and peak memory: bare spaCy vs accord extract vs accord ingest, on the same
    articles; or, with --queries, the latency of the store's queries (prints figures)."""
    if queries:
        _bench_queries(n_events, db, seed, repeat)
        return
    from benchmarks.throughput import STAGES, default_corpus, run_bench

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
        "stage": r.stage, "articles": r.articles, "load s": round(r.load_seconds, 1),
        "seconds": round(r.seconds, 1),
        "articles/s": round(r.articles_per_s, 1), "tokens/s": round(r.tokens_per_s),
        "× bare": round(r.articles_per_s / bare.articles_per_s, 2) if bare else None,
        "articles/cpu-s": round(r.articles_per_cpu_s, 1),
        "× bare (cpu)": round(r.articles_per_cpu_s / bare.articles_per_cpu_s, 2)
        if bare and bare.articles_per_cpu_s else None,
        "peak MB": round(r.peak_mb),
    } for r in results]
    emit(rows, "table", title="bench")


if __name__ == "__main__":
    bench_cmd(prog_name="python -m benchmarks")
