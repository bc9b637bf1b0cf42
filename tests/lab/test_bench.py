"""python -m benchmarks runs its three stages on a tiny corpus and prints their figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.__main__ import bench_cmd
from benchmarks.throughput import load_articles, run_bench
from tests.conftest import SHARED

pytestmark = pytest.mark.model


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted((SHARED / "seeds").glob("*.txt"))[:2]:
        (folder / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    if not any(folder.iterdir()):
        pytest.skip("the seed articles are not in ../shared")
    return folder


def test_articles_repeat_up_to_the_number_asked(corpus: Path) -> None:
    articles = load_articles(corpus, 5)
    assert len(articles) == 5 and articles[0] == articles[2] == articles[4]


def test_stages_report_what_they_did(corpus: Path) -> None:
    results = run_bench(corpus, 3, 1)
    assert [r.stage for r in results] == ["bare", "extract", "ingest"]
    tokens = {r.tokens for r in results}
    assert len(tokens) == 1 and tokens.pop() > 300  # the same texts, counted the same way
    for r in results:
        assert r.articles == 3 and r.seconds > 0 and r.peak_mb > 100
        assert r.articles_per_s == pytest.approx(3 / r.seconds)


def test_bench_command_prints_a_table(corpus: Path) -> None:
    result = CliRunner().invoke(bench_cmd, ["--docs", "2", "--processes", "1", "--corpus",
                                            str(corpus), "--stage", "bare", "--stage", "ingest"])
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.stdout and "ingest" in result.stdout
    assert "extract" not in result.stdout


def test_accord_bench_runs_the_checkout_s_benchmarks_and_says_where_it_cannot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from accord.cli import cli, evaluate

    shown = CliRunner().invoke(cli, ["bench", "--help"])
    assert shown.exit_code == 0 and "--queries" in shown.output and "accord bench" in shown.output
    monkeypatch.setattr(evaluate, "checkout_root", lambda: None)
    refused = CliRunner().invoke(cli, ["bench", "--stage", "bare"])
    assert refused.exit_code == 1 and "source checkout" in refused.output
