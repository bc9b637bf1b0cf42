"""``accord eval``: score the system against a gold file (:mod:`accord.scoring`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from accord.cli.options import processes_option
from accord.errors import AccordError
from accord.pipeline import Options

__all__ = ["eval_cmd"]


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
