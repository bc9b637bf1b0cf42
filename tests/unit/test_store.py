"""The SQLite store: opening, migrations, idempotent upserts, round trip, queries, registry."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from accord import store_schema
from accord.errors import StoreError
from accord.records import Actor, Claim, Document, Event, Participant, Place, Statement
from accord.store import PutStats, Store, TitleRow, normalize_name, registry_key
from accord.store_schema import MIGRATIONS, date_range

TEXT = (
    "Le général Tô Lâm, ministre de la Sécurité publique, a reçu le 10 janvier à Hanoï le "
    "vice-ministre chinois de la Sécurité publique, Chen Siyuan. Plus de 100 pays coopèrent. "
    "Tô Lâm a déclaré que la coopération était bonne."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_doc(
    text: str = TEXT,
    *,
    published: str | None = "2024-01",
    path: str = "seeds/001.txt",
    to_lam: str = "Tô Lâm",
    to_lam_titles: tuple[str, ...] = ("général", "ministre de la Sécurité publique"),
    event_date: str | None = "2024-01-10",
    event_type: str = "CONSULT",
) -> Document:
    """A seed-like dispatch: a visit, a claim, a statement."""
    sentence = text.split(". ")[0] + "."
    visit = Event(
        type=event_type,
        mode="visit",
        actor=(Participant("Chen Siyuan", "CHN", "COP"),),
        recipient=(Participant(to_lam, "VNM", "COP"),),
        date=event_date,
        place=Place("Hanoï", "VNM", 21.0245, 105.8412),
        context=("crime",),
        evidence="a reçu le 10 janvier à Hanoï",
        span=span(text, "a reçu"),
        sentence=sentence,
        quad_class=1,
        intensity=1.5,
        cameo="042",
        trigger="recevoir",
    )
    return Document(
        id=doc_id(text),
        path=path,
        text=text,
        published=published,
        language="fr",
        title="To Lam reçoit Chen Siyuan",
        source="VNA",
        url="https://example.org/1",
        dateline_place=Place("Hanoï", "VNM"),
        captions=("Photo: VNA",),
        actors=(
            Actor(
                to_lam, "person", "VNM", "COP", to_lam_titles, ("To Lam",), (span(text, "Tô Lâm"),)
            ),
            Actor(
                "Chen Siyuan",
                "person",
                "CHN",
                "COP",
                ("vice-ministre de la Sécurité publique",),
                (),
                (span(text, "Chen Siyuan"),),
            ),
        ),
        events=(visit,),
        claims=(
            Claim(
                100.0,
                "more_than",
                "pays",
                None,
                None,
                "Plus de 100 pays",
                span(text, "100"),
                "Plus de 100 pays coopèrent.",
            ),
        ),
        statements=(
            Statement(
                to_lam,
                "déclarer",
                None,
                "la coopération était bonne",
                span(text, "a déclaré"),
                "Tô Lâm a déclaré que la coopération était bonne.",
                span(text, "la coopération était bonne"),
            ),
            Statement(None, "dire", "2024-01-10", "rien", (0, 2), "Le.", None),
        ),
        extra={"source_id": "vna-1", "timing": 0.25},
    )


def simple_event(
    etype: str,
    date: str | None,
    actors: tuple[Participant, ...],
    recipients: tuple[Participant, ...] = (),
) -> Event:
    return Event(etype, None, actors, recipients, date, None, (), "ev", (0, 2), "Le.")


def other_doc(text: str, published: str | None, events: tuple[Event, ...]) -> Document:
    names = {p.name for e in events for p in (*e.actor, *e.recipient) if p.name}
    actors = tuple(Actor(n, "person", None, None) for n in sorted(names))
    return Document(doc_id(text), f"{text[:8]}.txt", text, published, "fr", actors=actors,
                    events=events)  # fmt: skip


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
    assert {"events_date", "events_type", "event_participants_name", "documents_published"} <= (
        indexes
    )


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


def test_a_failing_batch_is_rolled_back(store: Store) -> None:
    good = make_doc()
    bad = dataclasses.replace(make_doc(TEXT + " Bis."), language=cast(str, None))
    with pytest.raises(StoreError, match="NOT NULL"):
        store.put_many([good, bad], batch=10)
    assert store.stats()["documents"] == 0
    assert store.put(good) is True  # the store is usable afterwards


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


# -- events ---------------------------------------------------------------------------------


@pytest.fixture
def three(store: Store) -> Store:
    vn, cn, us = (Participant("Tô Lâm", "VNM"), Participant("Chen Siyuan", "CHN"),
                  Participant("Jean-Pierre O'Neil", "USA"))  # fmt: skip
    store.put(make_doc())  # CONSULT 2024-01-10, Chen Siyuan -> Tô Lâm
    store.put(other_doc("doc two", "2024-02", (
        simple_event("AGREE", "2024-02", (vn, us)),  # month precision
        simple_event("SUPPORT", None, (us,), (cn,)),  # undated: the document's 2024-02
    )))  # fmt: skip
    store.put(other_doc("doc three", None, (simple_event("ACCUSE", None, (cn,), (us,)),)))
    return store


def test_events_unfiltered_in_date_order(three: Store) -> None:
    rows = three.events()
    assert [(r.type, r.date) for r in rows] == [
        ("CONSULT", "2024-01-10"), ("AGREE", "2024-02"), ("SUPPORT", None), ("ACCUSE", None),
    ]  # fmt: skip
    first = rows[0]
    assert first.actors[0].name == "Chen Siyuan" and first.recipients[0].country == "VNM"
    assert first.place_name == "Hanoï" and first.context == ("crime",)
    assert first.doc_path == "seeds/001.txt" and first.doc_published == "2024-01"
    assert first.span == span(TEXT, "a reçu") and first.cameo == "042"


def test_events_by_actor_ignore_case_accents_hyphens(three: Store) -> None:
    assert {r.type for r in three.events(actor="to lam")} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(actor="TÔ LÂM")} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(actor="lam")} == {"CONSULT", "AGREE"}
    assert {r.type for r in three.events(actor="jean pierre o neil")} == {
        "AGREE", "SUPPORT", "ACCUSE",
    }  # fmt: skip
    assert three.events(actor="Nguyen") == []


def test_events_by_registry_alias(store: Store) -> None:
    ministry = "Ministère de la Sécurité publique"
    doc = other_doc(
        "doc msp", "2024-05", (simple_event("AGREE", None, (Participant(ministry, "VNM"),)),)
    )
    msp = Actor(ministry, "organization", "VNM", "COP", aliases=("MSP",))
    store.put(dataclasses.replace(doc, actors=(msp,)))
    (row,) = store.events(actor="msp")  # an alias, not a substring of the participant's name
    assert row.actors[0].name == ministry and row.actors[0].registry_id is not None
    assert [a.name for a in store.actors(name="MSP")] == [ministry]


def test_events_by_country_type_and_document(three: Store) -> None:
    assert {r.type for r in three.events(country="CHN")} == {"CONSULT", "SUPPORT", "ACCUSE"}
    assert {r.type for r in three.events(country="usa")} == {"AGREE", "SUPPORT", "ACCUSE"}
    assert [r.type for r in three.events(type="agree")] == ["AGREE"]
    assert [r.type for r in three.events(country="VNM", type="CONSULT")] == ["CONSULT"]
    two = doc_id("doc two")
    assert [r.type for r in three.events(doc_id=two)] == ["AGREE", "SUPPORT"]
    assert all(r.doc_id == two for r in three.events(doc_id=two))


def test_events_by_date_range(three: Store) -> None:
    def types(since: str | None = None, until: str | None = None) -> list[str]:
        return [r.type for r in three.events(since=since, until=until)]

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
        three.events(since="janvier")
    with pytest.raises(ValueError):
        three.events(until="2024-02-30")


def test_events_limit_and_offset(three: Store) -> None:
    assert [r.type for r in three.events(limit=2)] == ["CONSULT", "AGREE"]
    assert [r.type for r in three.events(limit=2, offset=2)] == ["SUPPORT", "ACCUSE"]
    assert three.events(offset=10) == []


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
    (to_lam,) = store.actors(name="to lam")
    assert to_lam.name == "Tô Lâm" and to_lam.country == "VNM" and to_lam.kind == "person"
    assert to_lam.documents == 2 and to_lam.events == 2
    assert [(t.title, t.first, t.last, t.documents) for t in to_lam.titles] == [
        ("président", "2024-03-05", "2024-03-05", 1),  # most recent first
        ("général", "2024-01", "2024-01", 1),
        ("ministre de la Sécurité publique", "2024-01", "2024-01", 1),
    ]
    third = make_doc(TEXT + " Encore.", published="2024-06", path="seeds/003.txt")
    store.put(third)  # général again, later
    (to_lam,) = store.actors(name="to lam")
    assert to_lam.documents == 3
    assert to_lam.titles[0] == TitleRow("général", "2024-01", "2024-06", 2)
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
    rows = store.events(actor="to lam")
    assert {r.recipients[0].registry_id for r in rows} == {to_lam.id}


def test_actor_queries_filter_and_rank(store: Store) -> None:
    store.put(make_doc())
    store.put(other_doc("doc two", "2024-02", (
        simple_event("AGREE", None, (Participant("Chen Siyuan", None),)),
    )))  # fmt: skip
    assert [a.name for a in store.actors(country="CHN")] == ["Chen Siyuan"]
    assert [a.name for a in store.actors(country="vnm", kind="person")] == ["Tô Lâm"]
    assert store.actors(kind="state") == []
    everyone = store.actors()
    assert len(everyone) == 3  # Chen Siyuan of CHN and Chen Siyuan of unknown country
    assert len(store.actors(limit=1)) == 1
    assert store.actors(name="siyuan", limit=5, offset=5) == []


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
    people = store.actors(kind="person")
    assert len(people) == 1
    chien = people[0]
    assert {t.title for t in chien.titles} == {"vice-ministre de la Défense", "général"}
    orgs = store.actors(kind="organization")
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
        assert [a.name for a in store.actors(kind="person")] == ["Xi Jinping"]
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
    assert [r.path for r in three.documents(source="VNA")] == ["seeds/001.txt"]
    assert len(three.documents(language="fr", limit=1, offset=1)) == 1
    stats = three.stats()
    assert stats["documents"] == 3 and stats["events"] == 4 and stats["errors"] == 0


def test_errors_are_recorded_once_per_path_and_cleared_by_success(store: Store) -> None:
    store.record_error("seeds/001.txt", "cannot decode")
    store.record_error("seeds/001.txt", "empty text")
    store.record_error("other.html", "no main text")
    assert {(e.path, e.reason) for e in store.errors()} == {
        ("seeds/001.txt", "empty text"), ("other.html", "no main text"),
    }  # fmt: skip
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
