"""The SQLite store: opening, migrations, idempotent upserts, round trip, queries, registry."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from accord.errors import ReadError, StoreError
from accord.records import Actor, Claim, Document, Participant, Statement
from accord.store import (
    ClaimRow,
    PutStats,
    StatementRow,
    Store,
    TitleRow,
    normalize_name,
    registry_key,
)
from accord.store import schema as store_schema
from accord.store.query import ActorQuery, ClaimQuery, DocumentQuery, EventQuery, StatementQuery
from accord.store.schema import MIGRATIONS, date_range
from tests.factories import TEXT, doc_id, make_doc, other_doc, simple_event, span


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "accord.db") as opened:
        yield opened


# -- opening and migrations -----------------------------------------------------------------


def test_open_creates_a_migrated_wal_store(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        assert store.stats() == dict.fromkeys(store.stats(), 0)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT value FROM meta WHERE key = 'application'").fetchone() == (
            "accord",
        )
        indexes = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        raw.close()
    assert {"events_date", "events_by_type", "event_participants_name", "documents_published"} <= (
        indexes
    )
    assert {"statements_date", "statements_verb", "statements_speaker_registry", "claims_date",
            "claims_holder_registry", "claims_source_registry", "claims_quantity"} <= indexes


def test_reopen_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "accord.db"
    doc = make_doc()
    with Store.open(path) as store:
        assert store.put(doc)
    with Store.open(str(path)) as store:
        assert store.stats()["documents"] == 1
        assert store.put(doc) is False


def test_a_closed_store_raises(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        pass
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("date 2024-01\nLe général Tô Lâm a reçu ...\n" * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="not an accord store"):
        Store.open(path)
    assert path.read_text(encoding="utf-8").startswith("date 2024-01")


def test_a_sqlite_file_of_another_program_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE songs (title TEXT)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "accord.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_unopenable_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="no directory"):
        Store.open(tmp_path / "missing" / "accord.db")


def test_new_migrations_are_applied_in_order_and_tracked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "accord.db"
    with Store.open(path) as store:
        store.put(make_doc())

    def add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (doc_id TEXT REFERENCES documents (id))")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [*MIGRATIONS, add_notes])
    with Store.open(path) as store:
        assert store.stats()["documents"] == 1
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        assert raw.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    finally:
        raw.close()


def test_a_failing_migration_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "accord.db"
    Store.open(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x INTEGER)")
        conn.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(StoreError, match="no_such_table"):
        Store.open(path)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert "half" not in names
    finally:
        raw.close()


# -- idempotent upserts ---------------------------------------------------------------------


def test_putting_the_same_document_twice_changes_nothing(store: Store) -> None:
    doc = make_doc()
    assert store.put(doc) is True
    before = store.stats()
    (row,) = store.documents()
    assert store.put(doc) is False
    assert store.put(make_doc()) is False  # an equal document built again
    assert store.stats() == before
    assert store.documents() == [row]  # ingested_at untouched
    assert before["documents"] == 1 and before["events"] == 1
    assert before["event_participants"] == 2 and before["doc_actors"] == 2
    assert before["registry"] == 2 and before["claims"] == 1 and before["statements"] == 2


def test_a_new_extraction_replaces_the_old_one(store: Store) -> None:
    old = make_doc()
    store.put(old)
    new = dataclasses.replace(
        old,
        actors=old.actors[:1],
        events=(dataclasses.replace(old.events[0], type="COOPERATE"),),
        claims=(),
    )
    assert store.put(new) is True
    stats = store.stats()
    assert stats["documents"] == 1 and stats["events"] == 1 and stats["claims"] == 0
    assert stats["doc_actors"] == 1 and stats["event_participants"] == 2
    assert stats["registry"] == 1  # Chen Siyuan was named by no other document: pruned
    assert [e.type for e in store.events()] == ["COOPERATE"]
    assert store.document(old.id) == new
    assert store.put(new) is False


def test_put_many_counts_and_batches(store: Store) -> None:
    a, b = make_doc(), make_doc(TEXT + " Fin.")
    assert store.put_many([a]) == PutStats(new=1)
    changed = dataclasses.replace(a, title="Autre titre")
    stats = store.put_many(iter([changed, b, b]), batch=2)
    assert stats == PutStats(new=1, updated=1, unchanged=1)
    assert stats.total == 3
    assert store.stats()["documents"] == 2
    with pytest.raises(ValueError, match="batch"):
        store.put_many([a], batch=0)


def test_a_document_that_cannot_be_stored_fails_alone(store: Store) -> None:
    good, other = make_doc(), make_doc(TEXT + " Fin.", path="seeds/003.txt")
    bad = dataclasses.replace(make_doc(TEXT + " Bis.", path="seeds/002.txt"),
                              language=cast(str, None))  # breaks documents.language NOT NULL
    failures: list[ReadError] = []
    stats = store.put_many([good, bad, other], batch=10, on_error=failures.append)
    assert stats == PutStats(new=2, failed=1)
    reason = "storing failed: IntegrityError: NOT NULL constraint failed: documents.language"
    assert [(f.path, f.reason) for f in failures] == [("seeds/002.txt", reason)]
    assert [(e.path, e.reason) for e in store.errors()] == [(f.path, f.reason) for f in failures]
    assert store.document(bad.id) is None and store.document(other.id) == other
    alone = store.stats()
    assert alone["documents"] == 2 and alone["events"] == 2 and alone["claims"] == 2
    fixed = dataclasses.replace(bad, language="fr")
    assert store.put_many([fixed]) == PutStats(new=1)  # a later success clears its error
    assert store.errors() == []


def test_read_errors_are_recorded_in_their_batch(store: Store) -> None:
    failures: list[ReadError] = []
    items = [ReadError("a.txt", "empty text"), make_doc(), ReadError("b.jsonl:3", "bad JSON")]
    stats = store.put_many(iter(items), batch=2, on_error=failures.append)
    assert stats == PutStats(new=1, failed=2) and stats.total == 1
    assert [f.path for f in failures] == ["a.txt", "b.jsonl:3"]
    assert {(e.path, e.reason) for e in store.errors()} == {
        ("a.txt", "empty text"), ("b.jsonl:3", "bad JSON"),
    }


def test_a_store_failure_rolls_back_the_open_batch(store: Store) -> None:
    first = make_doc()
    assert store.put_many([first]) == PutStats(new=1)
    pages = store._connection().execute("PRAGMA page_count").fetchone()[0]
    store._connection().execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    big = [make_doc(TEXT + " x" * 2000 + f" {i}", path=f"big{i}.txt") for i in range(3)]
    with pytest.raises(StoreError, match="full"):
        store.put_many([ReadError("bad.txt", "empty text"), *big], batch=10)
    store._connection().execute("PRAGMA max_page_count = 1073741823")
    stats = store.stats()
    assert stats["documents"] == 1 and stats["errors"] == 0  # the batch, errors included
    assert store.put_many(big) == PutStats(new=3)  # the store is usable afterwards


# -- round trip -----------------------------------------------------------------------------


def test_document_round_trip(store: Store) -> None:
    doc = make_doc()
    store.put(doc)
    back = store.document(doc.id)
    assert back is not None
    assert back.to_dict() == doc.to_dict()
    assert back == doc
    assert back.extra == {"source_id": "vna-1", "timing": 0.25}
    assert back.statements[1].content_span is None
    assert isinstance(back.actors[0].mentions[0], tuple)


def test_round_trip_of_a_bare_document(store: Store) -> None:
    doc = Document(doc_id("x"), "-", "x", None, "en")
    store.put(doc)
    assert store.document(doc.id) == doc


def test_id_prefix_lookup(store: Store) -> None:
    doc = make_doc()
    store.put(doc)
    assert store.document(doc.id[:6]) == doc
    assert store.resolve_id(doc.id[:10]) == doc.id
    assert store.document(doc.id[:5]) is None  # too short for a prefix
    assert store.document("zzzzzzzz") is None
    twin = dataclasses.replace(doc, id=doc.id[:8] + "0" * 56, path="twin.txt")
    store.put(twin)
    with pytest.raises(StoreError, match="ambiguous"):
        store.document(doc.id[:8])
    assert store.document(doc.id) == doc  # an exact id is never ambiguous


def test_a_document_is_found_by_its_url_or_its_path_through_their_indexes(store: Store) -> None:
    fetched = dataclasses.replace(make_doc(), path="https://ex.org/a", url="https://ex.org/a")
    record = dataclasses.replace(make_doc(TEXT + " Fin."), path="lot.jsonl:3",
                                 url="https://ex.org/b")
    for doc in (fetched, record):
        store.put(doc)
    assert store.has_url("https://ex.org/a") and store.has_url("https://ex.org/b")
    assert not store.has_url("https://ex.org/c") and not store.has_url("https://ex.org")
    assert store.has_url("lot.jsonl:3")  # a path is what fetching stores a URL as
    plan = " ".join(str(row[3]) for row in store._connection().execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM documents WHERE url = ? OR path = ?", ("a", "a")))
    assert "USING INDEX documents_url" in plan and "USING INDEX documents_path" in plan, plan


# -- events ---------------------------------------------------------------------------------


@pytest.fixture
def three(store: Store) -> Store:
    vn, cn, us = (Participant("Tô Lâm", "VNM"), Participant("Chen Siyuan", "CHN"),
                  Participant("Jean-Pierre O'Neil", "USA"))
    store.put(make_doc())  # CONSULT 2024-01-10, Chen Siyuan -> Tô Lâm
    store.put(other_doc("doc two", "2024-02", (
        simple_event("AGREE", "2024-02", (vn, us)),  # month precision
        simple_event("SUPPORT", None, (us,), (cn,)),  # undated: the document's 2024-02
    )))
    store.put(other_doc("doc three", None, (simple_event("ACCUSE", None, (cn,), (us,)),)))
    return store


def test_events_unfiltered_in_date_order(three: Store) -> None:
    rows = three.events()
    assert [(r.type, r.date) for r in rows] == [
        ("CONSULT", "2024-01-10"), ("AGREE", "2024-02"), ("SUPPORT", None), ("ACCUSE", None),
    ]
    first = rows[0]
    assert first.actors[0].name == "Chen Siyuan" and first.recipients[0].country == "VNM"
    assert first.place_name == "Hanoï" and first.context == ("crime",)
    assert first.doc_path == "seeds/001.txt" and first.doc_published == "2024-01"
    assert first.span == span(TEXT, "a reçu") and first.cameo == "042"


def test_events_by_actor_ignore_case_accents_hyphens(three: Store) -> None:
    assert {r.type for r in three.events(EventQuery(actor="to lam"))} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(EventQuery(actor="TÔ LÂM"))} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(EventQuery(actor="lam"))} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(EventQuery(actor="jean pierre o neil"))} == {
        "AGREE", "SUPPORT", "ACCUSE",
    }
    assert three.events(EventQuery(actor="Nguyen")) == []


def test_events_by_registry_alias(store: Store) -> None:
    ministry = "Ministère de la Sécurité publique"
    doc = other_doc(
        "doc msp", "2024-05", (simple_event("AGREE", None, (Participant(ministry, "VNM"),)),)
    )
    msp = Actor(ministry, "organization", "VNM", "COP", aliases=("MSP",))
    store.put(dataclasses.replace(doc, actors=(msp,)))
    # an alias, not a substring of the participant's name
    (row,) = store.events(EventQuery(actor="msp"))
    assert row.actors[0].name == ministry and row.actors[0].registry_id is not None
    assert [a.name for a in store.actors(ActorQuery(name="MSP"))] == [ministry]


def test_events_by_country_type_and_document(three: Store) -> None:
    assert {r.type for r in three.events(EventQuery(country="CHN"))} == {
        "CONSULT", "SUPPORT", "ACCUSE"}
    assert {r.type for r in three.events(EventQuery(country="usa"))} == {
        "AGREE", "SUPPORT", "ACCUSE"}
    assert [r.type for r in three.events(EventQuery(type="agree"))] == ["AGREE"]
    assert [r.type for r in three.events(EventQuery(country="VNM", type="CONSULT"))] == ["CONSULT"]
    two = doc_id("doc two")
    assert [r.type for r in three.events(EventQuery(doc_id=two))] == ["AGREE", "SUPPORT"]
    assert all(r.doc_id == two for r in three.events(EventQuery(doc_id=two)))


def test_events_by_date_range(three: Store) -> None:
    def types(since: str | None = None, until: str | None = None) -> list[str]:
        return [r.type for r in three.events(EventQuery(since=since, until=until))]

    assert types(since="2024-01-01") == ["CONSULT", "AGREE", "SUPPORT"]  # undated left out
    assert types(since="2024-01-11") == ["AGREE", "SUPPORT"]
    assert types(until="2024-01") == ["CONSULT"]  # a partial until is its last day
    assert types(since="2024-02", until="2024-02") == ["AGREE", "SUPPORT"]
    assert types(since="2024-02-01", until="2024-02-29") == ["AGREE", "SUPPORT"]
    assert types(since="2024-02-15") == []  # "2024-02" is not wholly after the 15th
    assert types(until="2024-02-15") == ["CONSULT"]
    assert types(since="2024", until="2024") == ["CONSULT", "AGREE", "SUPPORT"]
    assert types(since="2025") == []
    with pytest.raises(ValueError, match="not a date"):
        three.events(EventQuery(since="janvier"))
    with pytest.raises(ValueError):
        three.events(EventQuery(until="2024-02-30"))


def test_events_limit_and_offset(three: Store) -> None:
    assert [r.type for r in three.events(EventQuery(limit=2))] == ["CONSULT", "AGREE"]
    assert [r.type for r in three.events(EventQuery(limit=2, offset=2))] == ["SUPPORT", "ACCUSE"]
    assert three.events(EventQuery(offset=10)) == []


# -- statements and claims ------------------------------------------------------------------

MSP = "Ministère de la Sécurité publique"


def said_doc(
    text: str,
    published: str | None,
    actors: tuple[Actor, ...],
    statements: tuple[Statement, ...] = (),
    claims: tuple[Claim, ...] = (),
) -> Document:
    return Document(doc_id(text), f"{text[:8]}.txt", text, published, "fr", title=text[:12],
                    actors=actors, statements=statements, claims=claims)


def statement(speaker: str | None, verb: str, date: str | None, evidence: str) -> Statement:
    return Statement(speaker, verb, date, evidence, (0, 2), f"Il a dit que {evidence}.", None)


def claim(quantity: float, unit: str, holder: str | None, source: str | None) -> Claim:
    return Claim(quantity, "exact", unit, holder, source, f"{quantity:g} {unit}", (0, 2),
                 f"Il y a {quantity:g} {unit}.")


@pytest.fixture
def said(store: Store) -> Store:
    """Three documents with statements and claims (make_doc's: Tô Lâm's, an unnamed one, and a
    claim of 100 pays without holder)."""
    store.put(make_doc())  # published 2024-01
    chen = Actor("Chen Siyuan", "person", "CHN", "COP")
    msp = Actor(MSP, "organization", "VNM", "COP", aliases=("MSP",))
    store.put(said_doc("doc said two", "2024-03-05", (chen, msp), statements=(
        statement("Chen Siyuan", "affirmer", "2024-03-04", "l'économie progresse"),
        statement(MSP, "annoncer", None, "un plan de sécurité"),
    ), claims=(
        claim(2.5, "milliards de dollars", "Chen Siyuan", MSP),
        claim(30, "morts", None, MSP),
    )))
    store.put(said_doc("doc said three", None, (), statements=(
        statement("Inconnu", "dire", None, "rien de nouveau"),
    ), claims=(claim(7, "Soldats", "Inconnu", None),)))
    return store


def said_by(rows: list[StatementRow]) -> list[tuple[str | None, str]]:
    return [(r.speaker, r.verb) for r in rows]


def test_statements_unfiltered_in_date_order(said: Store) -> None:
    rows = said.statements()
    assert said_by(rows) == [
        ("Tô Lâm", "déclarer"),  # undated: the document's 2024-01 (2024-01-01..31)
        (None, "dire"),  # 2024-01-10
        ("Chen Siyuan", "affirmer"),  # 2024-03-04
        (MSP, "annoncer"),  # undated: the document's 2024-03-05
        ("Inconnu", "dire"),  # no date at all: last
    ]
    to_lam = rows[0]
    assert to_lam.speaker_country == "VNM" and to_lam.speaker_registry_id is not None
    assert to_lam.date is None and to_lam.doc_published == "2024-01"
    assert to_lam.span == span(TEXT, "a déclaré")
    assert to_lam.content_span == span(TEXT, "la coopération était bonne")
    assert to_lam.doc_path == "seeds/001.txt" and to_lam.doc_title == "To Lam reçoit Chen Siyuan"
    assert to_lam.idx == 0 and rows[1].idx == 1 and rows[1].speaker_country is None
    (lam,) = said.actors(ActorQuery(name="to lam"))
    assert to_lam.speaker_registry_id == lam.id
    assert rows[4].speaker_country is None and rows[4].speaker_registry_id is None


def test_statements_by_speaker_ignore_case_accents_and_use_aliases(said: Store) -> None:
    assert said_by(said.statements(StatementQuery(speaker="TO LAM"))) == [("Tô Lâm", "déclarer")]
    assert said_by(said.statements(StatementQuery(speaker="lâm"))) == [("Tô Lâm", "déclarer")]
    assert said_by(said.statements(StatementQuery(speaker="msp"))) == [
        (MSP, "annoncer")]  # a registry alias
    assert said_by(said.statements(StatementQuery(speaker="securite publique"))) == [
        (MSP, "annoncer")]
    assert said_by(said.statements(StatementQuery(speaker="inconnu"))) == [
        ("Inconnu", "dire")]  # no actor
    assert said.statements(StatementQuery(speaker="Nguyen")) == []


def test_statements_by_country_verb_text_and_document(said: Store) -> None:
    assert said_by(said.statements(StatementQuery(country="vnm"))) == [
        ("Tô Lâm", "déclarer"), (MSP, "annoncer")]
    assert said_by(said.statements(StatementQuery(country="CHN"))) == [("Chen Siyuan", "affirmer")]
    assert said_by(said.statements(StatementQuery(verb="DIRE"))) == [
        (None, "dire"), ("Inconnu", "dire")]
    assert said_by(said.statements(StatementQuery(verb="Déclarer"))) == [("Tô Lâm", "déclarer")]
    assert said_by(said.statements(StatementQuery(verb="DECLARER"))) == [("Tô Lâm", "déclarer")]
    assert said.statements(StatementQuery(verb="déclar")) == []  # a verb is matched whole
    assert said_by(said.statements(StatementQuery(text="ECONOMIE"))) == [
        ("Chen Siyuan", "affirmer")]
    assert said_by(said.statements(StatementQuery(text="l’économie progresse"))) == [
        ("Chen Siyuan", "affirmer")]
    assert said_by(said.statements(StatementQuery(text="il a dit que un plan"))) == [
        (MSP, "annoncer")]  # sentence
    assert said_by(said.statements(StatementQuery(text="cooperation etait"))) == [
        ("Tô Lâm", "déclarer")]
    # not across evidence and sentence
    assert said.statements(StatementQuery(text="progresse il a dit")) == []
    two = doc_id("doc said two")
    assert said_by(said.statements(StatementQuery(doc_id=two))) == [
        ("Chen Siyuan", "affirmer"), (MSP, "annoncer")]
    assert said_by(said.statements(StatementQuery(country="VNM", verb="annoncer", doc_id=two))) == [
        (MSP, "annoncer")
    ]
    assert said.statements(StatementQuery(country="VNM", verb="affirmer")) == []


def test_statements_by_date_range_limit_and_offset(said: Store) -> None:
    def verbs(since: str | None = None, until: str | None = None) -> list[str]:
        return [r.verb for r in said.statements(StatementQuery(since=since, until=until))]

    assert verbs(since="2024-01") == ["déclarer", "dire", "affirmer", "annoncer"]  # undated out
    assert verbs(since="2024-01-02") == ["dire", "affirmer", "annoncer"]  # 2024-01 is not within
    assert verbs(until="2024-01") == ["déclarer", "dire"]
    assert verbs(since="2024-03", until="2024-03-04") == ["affirmer"]
    assert verbs(since="2024-03-05") == ["annoncer"]  # dated by its document's published
    assert verbs(since="2025") == []
    assert [r.verb for r in said.statements(StatementQuery(limit=2, offset=1))] == [
        "dire", "affirmer"]
    assert said.statements(StatementQuery(offset=10)) == []
    with pytest.raises(ValueError, match="not a date"):
        said.statements(StatementQuery(since="mars"))
    with pytest.raises(ValueError):
        said.statements(StatementQuery(until="2024-02-30"))


def amounts(rows: list[ClaimRow]) -> list[float]:
    return [r.quantity for r in rows]


def test_claims_unfiltered_in_date_order(said: Store) -> None:
    rows = said.claims()
    assert amounts(rows) == [100.0, 2.5, 30.0, 7.0]  # by published, then document order
    first, dollars = rows[0], rows[1]
    assert first.qualifier == "more_than" and first.unit == "pays" and first.holder is None
    assert first.span == span(TEXT, "100") and first.sentence == "Plus de 100 pays coopèrent."
    assert first.doc_published == "2024-01" and first.doc_path == "seeds/001.txt"
    assert (dollars.holder, dollars.holder_country) == ("Chen Siyuan", "CHN")
    assert (dollars.source, dollars.source_country) == (MSP, "VNM")
    assert dollars.idx == 0 and rows[2].idx == 1
    (msp,) = said.actors(ActorQuery(name="msp"))
    assert dollars.source_registry_id == msp.id and dollars.holder_registry_id not in (None, msp.id)
    assert rows[3].holder == "Inconnu" and rows[3].holder_registry_id is None


def test_claims_by_holder_source_and_country(said: Store) -> None:
    assert amounts(said.claims(ClaimQuery(holder="siyuan"))) == [2.5]
    assert amounts(said.claims(ClaimQuery(holder="INCONNU"))) == [7.0]
    assert amounts(said.claims(ClaimQuery(source="msp"))) == [2.5, 30.0]  # a registry alias
    assert amounts(said.claims(ClaimQuery(source="Ministère"))) == [2.5, 30.0]
    assert said.claims(ClaimQuery(holder="msp")) == []  # the holder, not the source
    assert amounts(said.claims(ClaimQuery(holder="chen", source="securite"))) == [2.5]
    assert amounts(said.claims(ClaimQuery(country="chn"))) == [2.5]  # the holder's
    assert amounts(said.claims(ClaimQuery(country="VNM"))) == [2.5, 30.0]  # the source's
    assert said.claims(ClaimQuery(country="USA")) == []


def test_claims_by_unit_quantity_text_and_document(said: Store) -> None:
    assert amounts(said.claims(ClaimQuery(unit="PAYS"))) == [100.0]
    assert amounts(said.claims(ClaimQuery(unit="milliard"))) == [2.5]  # a substring
    assert amounts(said.claims(ClaimQuery(unit="soldats"))) == [7.0]  # case ignored
    assert amounts(said.claims(ClaimQuery(min_quantity=7))) == [100.0, 30.0, 7.0]  # inclusive
    assert amounts(said.claims(ClaimQuery(max_quantity=30))) == [2.5, 30.0, 7.0]
    assert amounts(said.claims(ClaimQuery(min_quantity=3, max_quantity=30))) == [30.0, 7.0]
    assert amounts(said.claims(ClaimQuery(text="COOPERENT"))) == [100.0]  # the sentence
    assert amounts(said.claims(ClaimQuery(text="2.5 milliards"))) == [2.5]  # the evidence
    two = doc_id("doc said two")
    assert amounts(said.claims(ClaimQuery(doc_id=two))) == [2.5, 30.0]
    query = ClaimQuery(doc_id=two, unit="morts", source="msp", min_quantity=1)
    assert amounts(said.claims(query)) == [30.0]


def test_claims_by_published_date_limit_and_offset(said: Store) -> None:
    assert amounts(said.claims(ClaimQuery(since="2024-01"))) == [
        100.0, 2.5, 30.0]  # undated document out
    assert amounts(said.claims(ClaimQuery(until="2024-02"))) == [100.0]
    assert amounts(said.claims(ClaimQuery(since="2024-03-05", until="2024-03-05"))) == [2.5, 30.0]
    # 2024-01 not wholly within
    assert said.claims(ClaimQuery(since="2024-01-15", until="2024-02")) == []
    assert amounts(said.claims(ClaimQuery(limit=2, offset=1))) == [2.5, 30.0]
    with pytest.raises(ValueError, match="not a date"):
        said.claims(ClaimQuery(until="2024/03"))


def test_reputting_keeps_one_row_per_statement_and_claim(said: Store) -> None:
    before = said.stats()
    assert said.put(make_doc()) is False
    assert said.stats() == before
    changed = dataclasses.replace(make_doc(), claims=(claim(5, "pays", "Tô Lâm", None),))
    assert said.put(changed) is True
    after = said.stats()
    assert after["statements"] == before["statements"] == 5
    assert after["claims"] == before["claims"] == 4
    assert said_by(said.statements(StatementQuery(speaker="to lam"))) == [("Tô Lâm", "déclarer")]
    (row,) = said.claims(ClaimQuery(doc_id=changed.id))
    assert (row.quantity, row.holder_country) == (5.0, "VNM")
    assert said.claims(ClaimQuery(unit="pays", min_quantity=50)) == []


def test_migration_3_backfills_statements_and_claims(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    store_schema.migrate(raw, MIGRATIONS[:2])  # a store of version 2
    raw.execute("INSERT INTO documents (id, path, published, language, text, extraction_hash,"
                " ingested_at) VALUES ('d1', 'a.txt', '2024-02', 'fr', 't', 'h', 'now'),"
                " ('d2', 'b.txt', NULL, 'fr', 't', 'h', 'now')")
    raw.execute("INSERT INTO registry (id, norm_key, name, norm_name, kind, country) VALUES"
                " (1, 'lam to|person|VNM', 'Tô Lâm', 'to lam', 'person', 'VNM'),"
                " (2, 'lam to|person|CHN', 'To Lam', 'to lam', 'person', 'CHN'),"
                " (3, 'chen siyuan|person|CHN', 'Chen Siyuan', 'chen siyuan', 'person', 'CHN')")
    raw.execute("INSERT INTO registry_aliases (registry_id, alias, norm_alias, doc_id) VALUES"
                " (1, 'Tô Lâm', 'to lam', 'd1'), (1, 'Général Lâm', 'general lam', 'd1')")
    raw.execute("INSERT INTO doc_actors (doc_id, idx, name, norm_name, kind, country,"
                " registry_id) VALUES ('d1', 0, 'Chen Siyuan', 'chen siyuan', 'person', 'CHN', 3),"
                " ('d1', 2, 'To Lam', 'to lam', 'person', 'CHN', 2),"
                " ('d1', 1, 'Tô Lâm', 'to lam', 'person', 'VNM', 1)")  # the first by idx wins
    raw.execute("INSERT INTO statements (doc_id, idx, speaker, verb, date, evidence, span_start,"
                " span_end, sentence) VALUES"
                " ('d1', 0, 'TO LAM', 'déclarer', NULL, 'La coopération', 0, 2, 'Il a dit.'),"
                " ('d1', 1, NULL, 'dire', '2024-02-10', 'rien', 0, 2, 'Le.'),"
                " ('d2', 0, 'Tô Lâm', 'dire', NULL, 'autre chose', 0, 2, 'Le.')")
    raw.execute("INSERT INTO claims (doc_id, idx, quantity, qualifier, unit, holder, source,"
                " evidence, span_start, span_end, sentence) VALUES"
                " ('d1', 0, 12, 'exact', 'Pays', 'Chen Siyuan', 'tô lâm', '12 pays', 0, 2,"
                " 'Douze pays coopèrent.'), ('d2', 0, 3, 'about', 'morts', NULL, NULL, '3 morts',"
                " 0, 2, 'Trois morts.')")
    raw.commit()
    raw.close()
    with Store.open(path) as store:  # applies migration 3
        rows = store.statements()
        assert [(r.doc_id, r.idx) for r in rows] == [("d1", 0), ("d1", 1), ("d2", 0)]
        by = {(r.doc_id, r.idx): r for r in rows}
        assert (by["d1", 0].speaker_country, by["d1", 0].speaker_registry_id) == ("VNM", 1)
        assert (by["d2", 0].speaker_country, by["d2", 0].speaker_registry_id) == (None, None)
        by_lam = store.statements(StatementQuery(speaker="general lam"))
        assert [(r.doc_id, r.idx) for r in by_lam] == [("d1", 0)]
        assert [r.doc_id for r in store.statements(StatementQuery(speaker="lam"))] == ["d1", "d2"]
        assert [r.idx for r in store.statements(StatementQuery(country="VNM"))] == [0]
        february = StatementQuery(since="2024-02", until="2024-02")
        assert [r.idx for r in store.statements(february)] == [0, 1]
        assert [r.doc_id for r in store.statements(StatementQuery(text="cooperation"))] == ["d1"]
        (dated,) = store.claims(ClaimQuery(since="2024"))
        assert (dated.holder_country, dated.holder_registry_id) == ("CHN", 3)
        assert (dated.source_country, dated.source_registry_id) == ("VNM", 1)
        assert store.claims(ClaimQuery(country="vnm")) == [dated]
        assert store.claims(ClaimQuery(country="CHN")) == [dated]
        assert store.claims(ClaimQuery(unit="pays")) == store.claims(ClaimQuery(text="douze")) == [
            dated]
        assert [r.unit for r in store.claims()] == ["Pays", "morts"]
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert raw.execute("SELECT date_lo, date_hi FROM statements ORDER BY doc_id, idx"
                           ).fetchall() == [("2024-02-01", "2024-02-29"),
                                            ("2024-02-10", "2024-02-10"), (None, None)]
        assert raw.execute("SELECT date_lo, date_hi, norm_holder, norm_source, norm_unit"
                           " FROM claims ORDER BY doc_id").fetchall() == [
            ("2024-02-01", "2024-02-29", "chen siyuan", "to lam", "pays"),
            (None, None, None, None, "morts"),
        ]
    finally:
        raw.close()


# -- registry -------------------------------------------------------------------------------


def test_one_person_in_two_documents_is_one_registry_entry(store: Store) -> None:
    first = make_doc(published="2024-01")
    second = make_doc(
        TEXT + " Suite.",
        published="2024-03-05",
        path="seeds/002.txt",
        to_lam="To Lam",  # the same person without accents
        to_lam_titles=("président",),
    )
    store.put(first)
    store.put(second)
    (to_lam,) = store.actors(ActorQuery(name="to lam"))
    assert to_lam.name == "Tô Lâm" and to_lam.country == "VNM" and to_lam.kind == "person"
    assert to_lam.documents == 2 and to_lam.events == 2
    assert [(t.title, t.first, t.last, t.documents) for t in to_lam.titles] == [
        ("président", "2024-03-05", "2024-03-05", 1),  # most recent first
        ("général", "2024-01", "2024-01", 1),
        ("ministre de la Sécurité publique", "2024-01", "2024-01", 1),
    ]
    third = make_doc(TEXT + " Encore.", published="2024-06", path="seeds/003.txt")
    store.put(third)  # général again, later
    (to_lam,) = store.actors(ActorQuery(name="to lam"))
    assert to_lam.documents == 3
    assert to_lam.titles[0] == TitleRow("général", "2024-01", "2024-06", 2, (first.id, third.id))
    raw = sqlite3.connect(store.path)
    try:
        dated = raw.execute(
            "SELECT date, doc_id FROM registry_titles WHERE title = 'général' ORDER BY date"
        ).fetchall()
    finally:
        raw.close()
    assert dated == [("2024-01", first.id), ("2024-06", third.id)]
    assert to_lam.aliases == ("To Lam",)
    assert store.stats()["registry"] == 2
    rows = store.events(EventQuery(actor="to lam"))
    assert {r.recipients[0].registry_id for r in rows} == {to_lam.id}


def test_actor_queries_filter_and_rank(store: Store) -> None:
    store.put(make_doc())
    store.put(other_doc("doc two", "2024-02", (
        simple_event("AGREE", None, (Participant("Chen Siyuan", None),)),
    )))
    assert [a.name for a in store.actors(ActorQuery(country="CHN"))] == ["Chen Siyuan"]
    assert [a.name for a in store.actors(ActorQuery(country="vnm", kind="person"))] == ["Tô Lâm"]
    assert store.actors(ActorQuery(kind="state")) == []
    everyone = store.actors()
    assert len(everyone) == 3  # Chen Siyuan of CHN and Chen Siyuan of unknown country
    assert len(store.actors(ActorQuery(limit=1))) == 1
    assert store.actors(ActorQuery(name="siyuan", limit=5, offset=5)) == []


def test_registry_key_and_normalisation() -> None:
    assert normalize_name("Tô Lâm") == "to lam"
    assert normalize_name("Hoàng Xuân Chiến") == normalize_name("Hoang Xuân Chiên")
    assert normalize_name("Đỗ  Hùng") == "do hung"
    assert normalize_name("Jean-Pierre  O’Neil") == "jean pierre o neil"
    key = registry_key("Tô Lâm", "person", "VNM")
    assert key == registry_key("TO LAM", "person", "VNM")
    assert key == registry_key("Lam To", "person", "VNM")  # name order
    assert key != registry_key("To Lam", "person", "CHN")
    assert key != registry_key("To Lam", "organization", "VNM")
    # known figures and bodies: the dictionary name
    assert registry_key("Obama", "person", "USA") == registry_key("Barack Obama", "person", "USA")
    assert registry_key("ONU", "organization", "UNO") == registry_key(
        "Nations unies", "organization", "UNO"
    )
    assert registry_key("Obama", "organization", "USA") != registry_key(
        "Barack Obama", "organization", "USA"
    )


def _one_actor_doc(text: str, actor: Actor, published: str) -> Document:
    return Document(id=doc_id(text), path=f"{doc_id(text)[:8]}.txt", text=text,
                    published=published, language="fr", actors=(actor,))


def test_registry_joins_spelling_variants_name_order_and_known_aliases(store: Store) -> None:
    store.put(_one_actor_doc("Hoang Xuân Chiên a parlé.", Actor(
        "Hoang Xuân Chiên", "person", "VNM", "MIL", ("vice-ministre de la Défense",), ()),
        "2021-12"))
    store.put(_one_actor_doc("Hoàng Xuân Chiến a parlé.", Actor(
        "Hoàng Xuân Chiến", "person", "VNM", "MIL", ("général",), ()), "2023-05"))
    store.put(_one_actor_doc("Chiến Hoàng Xuân a parlé.", Actor(
        "Chiến Hoàng Xuân", "person", "VNM", None, (), ()), "2024-01"))
    # an alias recorded once resolves a later article that only uses it
    store.put(_one_actor_doc("L'Armée populaire vietnamienne (APV) agit.", Actor(
        "Armée populaire vietnamienne", "organization", "VNM", "MIL", (), ("APV",)), "2024-02"))
    store.put(_one_actor_doc("L'APV agit.", Actor("APV", "organization", "VNM", "MIL", (), ()),
                             "2024-03"))
    people = store.actors(ActorQuery(kind="person"))
    assert len(people) == 1
    chien = people[0]
    assert {t.title for t in chien.titles} == {"vice-ministre de la Défense", "général"}
    orgs = store.actors(ActorQuery(kind="organization"))
    assert [o.name for o in orgs] == ["Armée populaire vietnamienne"]


def test_migration_2_merges_entries_that_share_a_new_key(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    store_schema.migrate(raw, MIGRATIONS[:1])  # a store of version 1, with version-1 keys
    raw.execute("INSERT INTO documents (id, path, language, text, extraction_hash, ingested_at)"
                " VALUES ('d1', 'a', 'fr', 't', 'h', 'now'), ('d2', 'b', 'fr', 't', 'h', 'now')")
    raw.execute("INSERT INTO registry (id, norm_key, name, norm_name, kind, country) VALUES"
                " (1, 'xi jinping|person|CHN', 'Xi Jinping', 'xi jinping', 'person', 'CHN'),"
                " (2, 'jinping xi|person|CHN', 'Jinping Xi', 'jinping xi', 'person', 'CHN')")
    for reg, doc in ((1, "d1"), (2, "d2")):
        raw.execute("INSERT INTO doc_actors (doc_id, idx, name, norm_name, kind, registry_id)"
                    " VALUES (?, 0, 'x', 'x', 'person', ?)", (doc, reg))
        raw.execute("INSERT INTO registry_titles (registry_id, title, date, doc_id)"
                    " VALUES (?, 'président', '2024', ?)", (reg, doc))
    raw.commit()
    raw.close()
    with Store.open(path) as store:  # applies migration 2
        assert [a.name for a in store.actors(ActorQuery(kind="person"))] == ["Xi Jinping"]
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert raw.execute("SELECT id, norm_key FROM registry").fetchall() == [
            (1, "jinping xi|person|CHN")
        ]
        assert raw.execute("SELECT DISTINCT registry_id FROM doc_actors").fetchall() == [(1,)]
        assert raw.execute("SELECT count(*) FROM registry_titles WHERE registry_id = 1"
                           ).fetchone()[0] == 2
    finally:
        raw.close()


def test_date_range() -> None:
    assert date_range("2024") == ("2024-01-01", "2024-12-31")
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2023-02") == ("2023-02-01", "2023-02-28")
    assert date_range("2024-01-10") == ("2024-01-10", "2024-01-10")
    for bad in ("2024-13", "24-01", "2024-01-32", ""):
        with pytest.raises(ValueError):
            date_range(bad)


# -- listings, errors -----------------------------------------------------------------------


def test_documents_listing_and_stats(three: Store) -> None:
    rows = three.documents()
    assert [r.published for r in rows] == ["2024-01", "2024-02", None]
    first = rows[0]
    assert (first.actors, first.events, first.claims, first.statements) == (2, 1, 1, 2)
    assert first.title == "To Lam reçoit Chen Siyuan" and first.language == "fr"
    assert [r.path for r in three.documents(DocumentQuery(source="VNA"))] == ["seeds/001.txt"]
    assert len(three.documents(DocumentQuery(language="fr", limit=1, offset=1))) == 1
    stats = three.stats()
    assert stats["documents"] == 3 and stats["events"] == 4 and stats["errors"] == 0


def test_errors_are_recorded_once_per_path_and_cleared_by_success(store: Store) -> None:
    store.record_error("seeds/001.txt", "cannot decode")
    store.record_error("seeds/001.txt", "empty text")
    store.record_error("other.html", "no main text")
    assert {(e.path, e.reason) for e in store.errors()} == {
        ("seeds/001.txt", "empty text"), ("other.html", "no main text"),
    }
    store.put(make_doc(path="seeds/001.txt"))
    assert [e.path for e in store.errors()] == ["other.html"]
    assert store.errors(limit=0) == []


# -- concurrency ----------------------------------------------------------------------------


def test_two_store_objects_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "accord.db"
    with Store.open(path) as a, Store.open(path) as b:
        assert a.put(make_doc())
        assert b.stats()["documents"] == 1
        assert b.put(make_doc()) is False  # b sees a's row and its extraction hash
        assert b.put(make_doc(TEXT + " Fin."))
        assert len(a.events()) == 2
        assert a.document(make_doc(TEXT + " Fin.").id) is not None


def test_concurrent_writers_in_threads(tmp_path: Path) -> None:
    path = tmp_path / "accord.db"
    Store.open(path).close()
    failures: list[StoreError] = []

    def write(worker: int) -> None:
        try:
            with Store.open(path, timeout=30) as store:
                for i in range(15):
                    store.put(make_doc(f"{TEXT} {worker}-{i}"))
        except StoreError as exc:  # reported by the assert below (others warn, so fail)
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with Store.open(path) as store:
        assert store.stats()["documents"] == 45
        assert store.stats()["registry"] == 2
