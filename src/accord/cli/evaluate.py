"""``accord eval``: score the system against a gold file (:mod:`accord.scoring`); ``accord
bench``: the benchmarks of a source checkout (``benchmarks/``, not installed with the package)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accord.cli.options import processes_option
from accord.errors import AccordError
from accord.pipeline import Options

__all__ = ["bench_cmd", "eval_cmd"]


@click.command("eval", short_help="Score the system against a gold file.")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--root", type=click.Path(exists=True, file_okay=False),
              help="Folder the gold text paths are relative to (default: the gold file's "
                   "parent's parent).")
@click.option("--report", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Also write the system documents (JSONL) here.")
@processes_option
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


def checkout_root() -> Path | None:
    """The source checkout this package runs from (with its ``benchmarks/`` folder), or None
    for an installed package."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "benchmarks" / "__main__.py").is_file() else None


@click.command("bench", short_help="Measure throughput, memory or query latency.",
               context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
               add_help_option=False)
@click.pass_context
def bench_cmd(ctx: click.Context) -> None:
    """The benchmarks of the checkout (``python -m benchmarks``, same options): throughput and
    peak memory against bare spaCy, or with --queries the store's query latency."""
    root = checkout_root()
    if root is None:
        raise click.ClickException(
            "accord bench runs from a source checkout: the benchmarks/ folder is not installed "
            "with the package (clone the repository, pip install -e it, then accord bench or "
            "python -m benchmarks)")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from benchmarks.__main__ import bench_cmd as run

    code = run.main(args=list(ctx.args), prog_name="accord bench", standalone_mode=False)
    ctx.exit(code if isinstance(code, int) else 0)
