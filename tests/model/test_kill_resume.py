"""Crash safety: `accord ingest` of 1,000 articles killed with SIGKILL at random points, then
run again with the same command, leaves the store a run without interruption makes: nothing
lost, nothing duplicated.

The articles are short French dispatches generated from a seed (one or two sentences: a
meeting, a visit, an agreement, an accusation, with dates, places, numbers and statements),
with three bad lines that must end up in the ``errors`` table. Kills land at seeded random
moments: at start-up, while the model loads, between two batches, inside a write transaction
while a rerun catches up on what is already stored, and inside a write transaction of new
documents. The stores are compared table by table on natural keys (autoincrement ids replaced
by the keys they point to; ``ingested_at`` and ``errors.at`` left out).
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

SEED = 20240110
ARTICLES = 1000
BAD_LINES = {137: '{"text": "Le ministre a reçu', 512: '{"id": "sans-texte"}',
             901: '{"text": "   "}'}
DEADLINE = 300.0  # seconds any one wait may take before the test gives up

PEOPLE = [
    ("le ministre vietnamien de la Défense, le général", "Phan Van Giang", "Hanoï"),
    ("le vice-ministre chinois de la Sécurité publique,", "Chen Siyuan", "Pékin"),
    ("le président français", "Emmanuel Macron", "Paris"),
    ("la ministre allemande des Affaires étrangères", "Annalena Baerbock", "Berlin"),
    ("le chef de la diplomatie russe", "Sergueï Lavrov", "Moscou"),
    ("le Premier ministre japonais", "Fumio Kishida", "Tokyo"),
    ("le secrétaire d'État américain", "Antony Blinken", "Washington"),
    ("le président indonésien", "Joko Widodo", "Jakarta"),
    ("le ministre lao de la Défense, le général", "Chansamone Chanyalath", "Vientiane"),
    ("le Premier ministre australien", "Anthony Albanese", "Canberra"),
    ("le ministre indien de la Défense", "Rajnath Singh", "New Delhi"),
    ("le président sud-coréen", "Yoon Suk-yeol", "Séoul"),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
FIRST = [
    "{a} a reçu le {d} {m} à {p} {b}.",
    "{a} a rencontré le {d} {m} à {p} {b}.",
    "{a} s'est entretenu le {d} {m} à {p} avec {b}.",
    "{a} a signé le {d} {m} à {p} un accord de coopération avec {b}.",
    "{a} a effectué le {d} {m} une visite officielle à {p}, où il a rencontré {b}.",
    "{a} a accusé le {d} {m} {b} de violer l'accord.",
    "{a} et {b} ont coprésidé le {d} {m} à {p} le dialogue stratégique sur la défense.",
]
SECOND = [
    "Les deux parties ont convenu de renforcer la coopération dans la défense.",
    "Plus de {n} soldats ont participé à l'exercice conjoint.",
    "{x} a déclaré que la coopération était excellente.",
    "Les deux pays collaboreront dans la lutte contre la criminalité.",
    "",
]


def write_corpus(path: Path, count: int, rng: random.Random) -> int:
    """``count`` distinct articles as JSONL, with :data:`BAD_LINES` among them; returns how
    many lines hold an article."""
    texts: set[str] = set()
    lines: list[str] = []
    while len(texts) < count:
        (title_a, name_a, place), (title_b, name_b, _) = rng.sample(PEOPLE, 2)
        month, day, year = rng.randrange(12), rng.randint(1, 28), rng.choice([2023, 2024])
        who = f"{title_a} {name_a}"
        text = rng.choice(FIRST).format(a=who[0].upper() + who[1:], b=f"{title_b} {name_b}",
                                        d=day, m=MONTHS[month], p=place)
        text = f"{text} {rng.choice(SECOND).format(n=rng.randint(2, 900) * 10, x=name_a)}".strip()
        if text in texts:
            continue
        texts.add(text)
        lines.append(json.dumps({"id": f"art-{len(texts):04d}", "text": text, "source": "VNA",
                                 "published": f"{year}-{month + 1:02d}-{day:02d}"},
                                ensure_ascii=False))
    for number, bad in sorted(BAD_LINES.items()):
        lines.insert(number - 1, bad)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "from accord.cli import main; main()", "ingest", "-q",
            "--processes", "1", str(corpus), "--db", str(db)]


# -- watching the store from outside --------------------------------------------------------


def _query(db: Path, sql: str) -> Any:
    """One value from the store, read-only; None while the file or the table does not exist."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def documents_in(db: Path) -> int:
    found = _query(db, "SELECT count(*) FROM documents")
    return int(found) if found is not None else 0


def writer_holds_the_lock(db: Path) -> bool:
    """Whether another connection is inside a write transaction right now."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        conn.close()


def wait_for(what: str, condition: Callable[[], bool], proc: subprocess.Popen[bytes],
             pause: float = 0.02) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"ingest ended (status {proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(pause)


@dataclass
class Kill:
    point: str
    seconds: float  # after the process started
    documents: int  # committed when it was killed


def run_and_kill(command: list[str], db: Path, log: Path, point: str, rng: random.Random) -> Kill:
    """Start ``command``, wait for the moment ``point`` names, SIGKILL it."""
    with log.open("ab") as out:
        start = time.monotonic()
        proc = subprocess.Popen(command, stdout=out, stderr=out)
        try:
            before = documents_in(db)
            if point == "start-up":
                time.sleep(rng.uniform(0.05, 0.4))
            elif point == "model loading":
                wait_for("the store", lambda: _query(db, "PRAGMA user_version") not in (None, 0),
                         proc)
                time.sleep(rng.uniform(0.2, 1.5))
            elif point == "between batches":
                target = rng.randint(150, 350)
                wait_for(f"{target} documents", lambda: documents_in(db) >= target, proc)
                time.sleep(rng.uniform(0.0, 1.0))
            elif point == "catch-up transaction":  # a rerun re-coding what is stored already
                wait_for("a write transaction", lambda: writer_holds_the_lock(db), proc, 0.002)
            elif point == "new-documents transaction":
                target = before + rng.randint(150, 300)
                wait_for(f"{target} documents", lambda: documents_in(db) >= target, proc)
                wait_for("a write transaction", lambda: writer_holds_the_lock(db), proc, 0.002)
            else:
                raise ValueError(point)
            proc.send_signal(signal.SIGKILL)
            seconds = time.monotonic() - start
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"{point}: ended by itself ({proc.returncode})"
    return Kill(point, seconds, documents_in(db))


def run_to_the_end(command: list[str], log: Path) -> tuple[int, str, float]:
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, timeout=DEADLINE, check=False)
    output = done.stdout.decode() + done.stderr.decode()
    with log.open("a", encoding="utf-8") as out:
        out.write(output)
    return done.returncode, output, time.monotonic() - start


# -- comparing stores -----------------------------------------------------------------------

_LEFT_OUT = {"ingested_at", "at"}  # timestamps
_REGISTRY_KEY = "(SELECT r.norm_key FROM registry r WHERE r.id = {})"
_EVENT_KEY = "(SELECT e.doc_id || '#' || e.idx FROM events e WHERE e.id = {})"


def natural_rows(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """The rows of ``table`` on natural keys, sorted: registry and event ids replaced by the
    registry key and the event's document and index, timestamps left out."""
    columns = []
    for _cid, name, _type, _notnull, _default, pk in conn.execute(f"PRAGMA table_info({table})"):
        if name in _LEFT_OUT or (name == "id" and pk and table in ("registry", "events")):
            continue
        if name.endswith("registry_id"):
            columns.append(_REGISTRY_KEY.format(name))
        elif name == "event_id":
            columns.append(_EVENT_KEY.format(name))
        else:
            columns.append(name)
    if table == "events_text":  # the full-text index of events, keyed by the event's rowid
        columns.insert(0, _EVENT_KEY.format("events_text.rowid"))
    rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    return sorted(rows, key=repr)


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name")]
        virtual = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        # the shadow tables of a full-text index hold its segments, which depend on the
        # history of writes; the index's own rows are compared
        tables = [t for t in tables if not any(t.startswith(f"{v}_") for v in virtual)]
        found = {table: natural_rows(conn, table) for table in tables}
        found["~user_version"] = [tuple(conn.execute("PRAGMA user_version").fetchone())]
        raw_ids = {t: conn.execute(f"SELECT id FROM {t} ORDER BY id").fetchall()
                   for t in ("registry", "events")}
        found["~raw ids (informative)"] = [(json.dumps(raw_ids),)]
    finally:
        conn.close()
    return found


def test_sigkill_at_random_points_then_rerun_equals_an_uninterrupted_ingest(
    tmp_path: Path,
) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    corpus = tmp_path / "dispatches.jsonl"
    lines = write_corpus(corpus, ARTICLES, rng)
    log = tmp_path / "ingest.log"

    resumed = tmp_path / "resumed.db"
    command = ingest_command(corpus, resumed)
    points = ["start-up", "model loading", "between batches", "catch-up transaction",
              "new-documents transaction"]
    kills = [run_and_kill(command, resumed, log, point, rng) for point in points]
    status, output, final_seconds = run_to_the_end(command, log)
    assert status == 1, output  # the three bad lines: "some documents failed"
    assert "Traceback" not in log.read_text(encoding="utf-8")
    assert f"{len(BAD_LINES)} failed" in output

    reference = tmp_path / "reference.db"
    ref_status, ref_output, ref_seconds = run_to_the_end(ingest_command(corpus, reference), log)
    assert ref_status == 1, ref_output
    assert f"{ARTICLES} new, 0 updated, 0 unchanged, {len(BAD_LINES)} failed" in ref_output

    got, want = snapshot(resumed), snapshot(reference)
    raw_ids_equal = got.pop("~raw ids (informative)") == want.pop("~raw ids (informative)")
    assert got.keys() == want.keys()
    for table in want:
        assert len(got[table]) == len(set(got[table])), f"{table}: duplicated rows"
        assert got[table] == want[table], f"{table} differs after kill and resume"
    assert len(want["documents"]) == ARTICLES and len(want["events"]) > ARTICLES // 2
    assert {row[0] for row in want["errors"]} == {f"{corpus}:{n}" for n in BAD_LINES}
    assert lines == ARTICLES + len(BAD_LINES)

    rows = sum(len(v) for v in want.values())
    print(f"\nkill and resume: {len(kills)} kills; "
          + "; ".join(f"{k.point} at {k.seconds:.1f} s ({k.documents} documents committed)"
                      for k in kills)
          + f"; final run {final_seconds:.1f} s, reference {ref_seconds:.1f} s; "
          f"{rows} rows in {len(want)} tables compared, "
          + ", ".join(f"{len(v)} {k}" for k, v in want.items() if not k.startswith("~"))
          + f"; raw ids equal: {raw_ids_equal}; total {time.monotonic() - started:.0f} s")
