"""How worker processes are started, and how the throughput benchmark measures their memory."""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any

import pytest

from accord import pipeline
from accord.pipeline import Options
from benchmarks import throughput


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record the pipeline loads instead of loading the model."""
    calls: list[Any] = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda *args: calls.append(args))
    return calls


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_workers_are_forked_from_a_parent_that_loaded_the_model(
    loads: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)  # no other thread
    ctx = pipeline._context(Options(processes=2, model="some_model"))
    assert ctx.get_start_method() == "fork"
    assert loads == [("fr", "some_model")]


def test_workers_are_spawned_when_another_thread_is_alive(loads: list[Any]) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        ctx = pipeline._context(Options(processes=2))
    finally:
        stop.set()
        other.join()
    assert ctx.get_start_method() == "spawn"
    assert loads == []  # each spawned worker loads its own


def test_all_cores_by_default() -> None:
    assert 1 <= pipeline.available_cores() <= (os.cpu_count() or 1)


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="no /proc rollup")
def test_tree_memory_counts_the_children() -> None:
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()

    def child() -> None:
        block = bytearray(64 * 1024 * 1024)  # 64 MB of the child's own pages
        block[::4096] = b"x" * len(block[::4096])
        ready.set()
        release.wait(30)

    alone = throughput._tree_pss_mb(os.getpid())
    proc = ctx.Process(target=child)
    proc.start()
    try:
        assert ready.wait(30)
        together = throughput._tree_pss_mb(os.getpid())
    finally:
        release.set()
        proc.join(30)
    assert alone is not None and together is not None
    assert together - alone > 50
    assert throughput._tree_pss_mb(2**22 + 12345) is None  # no such process
