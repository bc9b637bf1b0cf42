"""The store's queries for the API, the dashboard and the exports: event filters and sorts,
counts, dyads, timeline, network, places, counterparts, stories, migration 4."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.store import Store
from accord.store import schema as store_schema
from accord.store.dyad_counts import fill_dyad_counts
from accord.store.query import ActorQuery, DocumentQuery, EventQuery, StatementQuery
from accord.store.schema import MIGRATIONS, dyads
from accord.store.write import COUNTS, fill_counts
from tests.factories import ATTACK, TEXT, TREATY, doc_id, make_doc, sample_documents

TEXT_UNDATED = TEXT.replace("Le général", "Le général de corps d'armée")
TEXT_SAME_DAY = TEXT.replace("Le général", "Le colonel")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "s.db") as s:
        s.put_many(sample_documents())
        yield s


def test_dyads_pair_actors_with_recipients_else_co_actors() -> None:
    assert dyads(["VNM"], ["CHN"]) == {("CHN", "VNM")}
    assert dyads(["FRA", "DEU"], []) == {("DEU", "FRA")}
    assert dyads(["FRA", "DEU"], ["SYR"]) == {("FRA", "SYR"), ("DEU", "SYR")}
    assert dyads(["FRA", None], [None, "FRA"]) == set()  # never a country with itself


def test_event_filters_and_counts(store: Store) -> None:
    assert store.count_events() == 3
    assert [e.type for e in store.events(EventQuery(dyad=("VNM", "CHN")))] == ["CONSULT"]
    assert [e.type for e in store.events(EventQuery(dyad=("chn", "vnm")))] == ["CONSULT"]
    assert [e.type for e in store.events(EventQuery(dyad=("FRA", "DEU")))] == ["AGREE"]
    assert store.events(EventQuery(dyad=("FRA", "SYR"))) == []
    assert [e.type for e in store.events(EventQuery(quad_class=4))] == ["ASSAULT"]
    assert [e.type for e in store.events(EventQuery(text="ATTAQUE"))] == [
        "ASSAULT"]  # accents, case
    assert store.count_events(EventQuery(quad_class=1)) == 2
    assert store.count_events(EventQuery(country="FRA", since="2016")) == 1


def test_event_sorts(store: Store) -> None:
    assert [e.type for e in store.events()] == ["AGREE", "ASSAULT", "CONSULT"]
    assert [e.type for e in store.events(EventQuery(sort="-date"))] == [
        "CONSULT", "ASSAULT", "AGREE"]
    assert [e.type for e in store.events(EventQuery(sort="intensity"))] == [
        "ASSAULT", "CONSULT", "AGREE"]
    assert [e.type for e in store.events(EventQuery(sort="type"))] == [
        "AGREE", "ASSAULT", "CONSULT"]
    assert [e.type for e in store.events(EventQuery(sort="-date", limit=1, offset=1))] == [
        "ASSAULT"]
    with pytest.raises(ValueError, match="unknown sort"):
        store.events(EventQuery(sort="random"))


def test_events_by_registry_actor_and_role(store: Store) -> None:
    (to_lam,) = store.actors(ActorQuery(name="to lam"))
    assert [e.type for e in store.events(EventQuery(actor_id=to_lam.id))] == ["CONSULT"]
    assert [e.type for e in store.events(EventQuery(actor_id=to_lam.id, role="recipient"))] == [
        "CONSULT"]
    assert store.events(EventQuery(actor_id=to_lam.id, role="actor")) == []
    with pytest.raises(ValueError, match="role"):
        store.events(EventQuery(actor_id=to_lam.id, role="speaker"))
    (row,) = store.events(EventQuery(actor_id=to_lam.id))
    assert (row.place_lat, row.place_lon) == (21.0245, 105.8412)
    assert (row.date_lo, row.date_hi, row.doc_url, row.doc_source) == (
        "2024-01-10", "2024-01-10", "https://example.org/1", "VNA")
    assert row.id == f"{row.doc_id}:0"


def test_aggregates(store: Store) -> None:
    rows = store.dyads()
    assert [(r.country_a, r.country_b, r.month, r.quad_class, r.events) for r in rows] == [
        ("CHN", "VNM", "2024-01", 1, 1),
        ("IMG", "SYR", "2016-03", 4, 1),
        ("DEU", "FRA", "2016-02", 1, 1),
    ]
    assert rows[1].mean_intensity == -9.3
    assert store.dyads(EventQuery(quad_class=1, since="2024")) == [rows[0]]
    assert [(t.month, t.quad_class, t.events) for t in store.timeline()] == [
        ("2016-02", 1, 1), ("2016-03", 4, 1), ("2024-01", 1, 1)]
    by_quad = store.event_counts("quad_class")
    assert [(c.key, c.label, c.events) for c in by_quad] == [
        ("1", "verbal cooperation", 2), ("4", "material conflict", 1)]
    assert [c.key for c in store.event_counts("dyad")] == ["CHN-VNM", "DEU-FRA", "IMG-SYR"]
    assert {c.label for c in store.event_counts("actor")} >= {"Chen Siyuan", "France"}
    assert store.event_counts("country", limit=1)[0].events == 1
    with pytest.raises(ValueError, match="cannot count"):
        store.event_counts("colour")


def test_network_and_places(store: Store) -> None:
    nodes, edges = store.network("country")
    assert {(e.source, e.target, e.cooperation, e.conflict) for e in edges} == {
        ("CHN", "VNM", 1, 0), ("DEU", "FRA", 1, 0), ("IMG", "SYR", 0, 1)}
    assert {n.id for n in nodes} == {"CHN", "VNM", "DEU", "FRA", "IMG", "SYR"}
    nodes, edges = store.network("actor")
    labels = {n.id: n.label for n in nodes}
    assert {frozenset((labels[e.source], labels[e.target])) for e in edges} == {
        frozenset(("Chen Siyuan", "Tô Lâm")), frozenset(("France", "Allemagne"))}
    nodes, edges = store.network("country", EventQuery(quad_class=4), limit=1)
    assert [(e.source, e.target) for e in edges] == [("IMG", "SYR")]
    with pytest.raises(ValueError, match="level"):
        store.network("planet")
    places = store.places()
    assert [(p.name, p.events, p.conflict) for p in places] == [
        ("Deir ez-Zor", 1, 1), ("Hanoï", 1, 0), ("Paris", 1, 0)]


def test_counterparts_actor_story_and_registry_ids(store: Store) -> None:
    (to_lam,) = store.actors(ActorQuery(name="to lam"))
    assert store.actor(to_lam.id) == to_lam
    assert store.actor(10**9) is None
    (other,) = store.counterparts(to_lam.id)
    assert (other.name, other.events, other.types) == ("Chen Siyuan", 1, ("CONSULT",))
    assert to_lam.titles[0].doc_ids == (make_doc().id,)
    story = store.story(doc_id(ATTACK))
    assert story is not None
    assert (story.language, story.people, story.places) == ("fr", (), ("Deir ez-Zor",))
    assert story.organizations == ("État islamique", "Armée syrienne")
    assert store.story("nope") is None
    ids = store.registry_ids(doc_id(TREATY))
    assert len(ids) == 2 and all(isinstance(i, int) for i in ids)
    assert store.count_actors(ActorQuery(country="FRA")) == 1
    assert store.count_statements(StatementQuery(speaker_id=to_lam.id)) == 1


def test_documents_filters_and_provenance(store: Store) -> None:
    assert store.count_documents() == 3
    assert [d.path for d in store.documents(DocumentQuery(since="2016-03"))] == [
        "attack.txt", "seeds/001.txt"]
    assert [d.path for d in store.documents(DocumentQuery(until="2016-02"))] == ["treaty.txt"]
    assert [d.path for d in store.documents(DocumentQuery(text="DEIR"))] == ["attack.txt"]
    assert store.count_documents(DocumentQuery(text="franco")) == 1
    assert store.documents(DocumentQuery(text="DEIR"))[0].url is None
    doc = store.document(doc_id(ATTACK))
    assert doc is not None
    assert [(d.value, doc.text[d.span[0]:d.span[1]]) for d in doc.dates] == [
        ("2016-03-03", "le 3 mars 2016")]
    assert [(p.place.name, doc.text[p.span[0]:p.span[1]]) for p in doc.places] == [
        ("Deir ez-Zor", "Deir ez-Zor")]
    assert doc == sample_documents()[1]


def test_migration_4_backfills_event_text_and_dyads(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    store_schema.migrate(raw, MIGRATIONS[:3])  # a store of version 3
    raw.execute("INSERT INTO documents (id, path, published, language, text, extraction_hash,"
                " ingested_at) VALUES ('d1', 'a.txt', '2024-02', 'fr', 't', 'h', 'now')")
    raw.execute("INSERT INTO events (id, doc_id, idx, type, date_lo, date_hi, evidence,"
                " span_start, span_end, sentence, quad_class) VALUES (1, 'd1', 0, 'CONSULT',"
                " '2024-02-01', '2024-02-29', 'a reçu', 0, 1, 'Il a reçu le Ministre.', 1)")
    raw.execute("INSERT INTO event_participants (event_id, role, position, name, country)"
                " VALUES (1, 'actor', 0, 'A', 'CHN'), (1, 'recipient', 0, 'B', 'VNM'),"
                " (1, 'recipient', 1, 'C', 'LAO')")
    raw.commit()
    raw.close()
    with Store.open(path) as store:
        assert [e.type for e in store.events(EventQuery(text="ministre"))] == ["CONSULT"]
        assert [(d.country_a, d.country_b, d.month) for d in store.dyads()] == [
            ("CHN", "LAO", "2024-02"), ("CHN", "VNM", "2024-02")]
        doc = store.document("d1")
        assert doc is not None and doc.dates == () and doc.places == ()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    finally:
        raw.close()


def _search_tables_agree(path: str | Path) -> None:
    """registry_names holds the distinct aliases; the trigram index matches the events; the
    dyad counts are those of the dyads."""
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT registry_id, norm_alias FROM registry_names ORDER BY 1, 2"
                           ).fetchall() == raw.execute(
            "SELECT DISTINCT registry_id, norm_alias FROM registry_aliases ORDER BY 1, 2"
        ).fetchall()
        raw.execute("INSERT INTO events_text (events_text) VALUES ('integrity-check')")
        kept = _dyad_counts(raw)  # as the triggers left them, then counted afresh
        ahead = _counts(raw)  # as each document's writing left them, likewise
        raw.execute("SAVEPOINT refill")
        fill_dyad_counts(raw)
        fill_counts(raw)
        assert kept == _dyad_counts(raw)
        assert ahead == _counts(raw)
        raw.execute("ROLLBACK TO refill")
    finally:
        raw.close()


def _counts(raw: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """The counts kept ahead (store_write.COUNTS), table by table."""
    out = {c.table: sorted(raw.execute(f"SELECT * FROM {c.table}").fetchall(), key=repr)
           for c in COUNTS}
    assert all(out.values())
    return out


def _dyad_counts(raw: sqlite3.Connection) -> list[tuple[object, ...]]:
    rows = raw.execute("SELECT * FROM dyad_counts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall()
    return [(*r[:-2], round(r[-2], 6), r[-1]) for r in rows]  # sums in another order


def test_migrations_5_to_7_add_sort_indexes_names_the_text_index_kinds_and_dyad_counts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    store_schema.migrate(raw, MIGRATIONS[:4])  # a store of version 4
    raw.execute("INSERT INTO documents (id, path, published, language, text, extraction_hash,"
                " ingested_at) VALUES ('d1', 'a.txt', '2024-02', 'fr', 't', 'h', 'now'),"
                " ('d2', 'b.txt', '2016', 'fr', 't', 'h', 'now')")
    raw.execute("INSERT INTO registry (id, norm_key, name, norm_name, kind, country) VALUES"
                " (1, 'lam to|person|VNM', 'Tô Lâm', 'to lam', 'person', 'VNM'),"
                " (2, 'chine|state|CHN', 'Chine', 'chine', 'state', 'CHN')")
    raw.execute("INSERT INTO registry_aliases (registry_id, alias, norm_alias, doc_id) VALUES"
                " (1, 'Tô Lâm', 'to lam', 'd1'), (1, 'To Lam', 'to lam', 'd1'),"
                " (1, 'Tô Lâm', 'to lam', 'd2'), (1, 'Général Lâm', 'general lam', 'd2'),"
                " (2, 'Chine', 'chine', 'd1')")
    raw.execute("INSERT INTO events (id, doc_id, idx, type, date, date_lo, date_hi, evidence,"
                " span_start, span_end, sentence, quad_class, intensity, norm_text) VALUES"
                " (1, 'd1', 0, 'CONSULT', NULL, '2024-02-01', '2024-02-29', 'a reçu', 0, 1,"
                " 'Il a reçu le Ministre.', 1, 2.1, 'a recu\nil a recu le ministre.'),"
                " (2, 'd2', 0, 'ASSAULT', NULL, '2016-01-01', '2016-12-31', 'a attaqué', 0, 1,"
                " 'La Chine a attaqué.', 4, -9.3, 'a attaque\nla chine a attaque.'),"
                " (3, 'd2', 1, 'AGREE', '2016-03-02', '2016-03-02', '2016-03-02', 'signe', 0,"
                " 1, 'Ils signent.', 1, 4.2, 'signe\nils signent.')")
    raw.execute("INSERT INTO event_participants (event_id, role, position, name, norm_name,"
                " country, registry_id) VALUES (1, 'actor', 0, 'Chine', 'chine', 'CHN', 2),"
                " (1, 'recipient', 0, 'Tô Lâm', 'to lam', 'VNM', 1),"
                " (2, 'actor', 0, 'Chine', 'chine', 'CHN', NULL),"
                " (2, 'recipient', 0, 'Général Lâm', 'general lam', 'VNM', 1),"
                " (3, 'actor', 0, 'Xu', 'xu', 'VNM', NULL), (3, 'actor', 1, NULL, NULL, 'CHN', NULL)")
    raw.execute("INSERT INTO event_dyads (event_id, country_a, country_b) VALUES"
                " (1, 'CHN', 'VNM'), (2, 'CHN', 'VNM'), (3, 'CHN', 'VNM')")
    raw.commit()
    raw.close()
    with Store.open(path) as store:  # applies migrations 5 and 6
        assert [e.type for e in store.events()] == ["ASSAULT", "AGREE", "CONSULT"]
        assert [e.type for e in store.events(EventQuery(sort="-date"))] == [
            "CONSULT", "AGREE", "ASSAULT"]
        assert [e.type for e in store.events(EventQuery(sort="-intensity"))] == ["AGREE", "CONSULT",
                                                                     "ASSAULT"]
        assert [e.type for e in store.events(EventQuery(text="ministre"))] == ["CONSULT"]
        assert [e.type for e in store.events(EventQuery(actor="general lam"))] == [
            "ASSAULT", "CONSULT"]
        assert [e.type for e in store.events(EventQuery(actor="chine"))] == ["ASSAULT", "CONSULT"]
        assert [e.type for e in store.events(EventQuery(actor="xu"))] == ["AGREE"]
        assert [(d.month, d.quad_class, d.events, d.mean_intensity) for d in store.dyads()] == [
            ("2024-02", 1, 1, 2.1), ("2016-03", 1, 1, 4.2), (None, 4, 1, -9.3)]
        assert store.dyads(limit=2) == store.dyads()[:2]
        assert [a.name for a in store.actors(ActorQuery(name="general"))] == ["Tô Lâm"]
        store.put(make_doc(to_lam="Général Lâm"))  # the triggers keep the search tables
        assert [e.doc_id for e in store.events(EventQuery(text="a recu le 10 janvier"))] == [
            make_doc().id]
    _search_tables_agree(path)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 9
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert {"events_by_date", "events_by_date_desc", "events_by_intensity",
                "events_by_intensity_desc", "events_by_type", "registry_names", "events_text",
                "event_participants_unregistered", "event_dyads_month", "event_kinds",
                "events_kind_date", "events_kind_date_desc", "events_kind_intensity",
                "events_kind_intensity_desc", "dyad_counts", "dyad_counts_pair",
                "documents_url"} <= names
        assert not {"events_type", "events_quad"} & names
        assert raw.execute("SELECT * FROM event_kinds ORDER BY 1").fetchall() == [
            ("AGREE", 1, 4.2, 1), ("ASSAULT", 4, -9.3, 1), ("CONSULT", 1, 1.5, 1),
            ("CONSULT", 1, 2.1, 1)]  # one put afterwards, its meeting of another intensity
        assert raw.execute("SELECT norm_alias FROM registry_names WHERE registry_id = 1"
                           " ORDER BY 1").fetchall() == [("general lam",), ("to lam",)]
    finally:
        raw.close()


def test_keyset_pages_keep_the_order_of_one_query(store: Store) -> None:
    store.put(make_doc(TEXT_UNDATED, published=None, event_date=None, path="undated.txt"))
    store.put(make_doc(TEXT_SAME_DAY, event_type="AGREE", path="same-day.txt"))
    everything = store.events()
    assert everything[-1].date_lo is None and len(everything) == 5
    assert list(store.iter_events(page=1)) == everything
    assert list(store.iter_events(EventQuery(offset=1, limit=3), page=2)) == everything[1:4]
    vietnam = EventQuery(country="VNM")
    assert list(store.iter_events(vietnam, page=1)) == store.events(vietnam)


def test_search_tables_follow_updates_and_deletions(store: Store) -> None:
    store.put(make_doc(to_lam="Général Lâm", event_type="AGREE"))  # replaces the first document
    assert store.events(EventQuery(actor="to lam", type="CONSULT")) == []
    assert [e.type for e in store.events(EventQuery(actor="general lam"))] == ["AGREE"]
    assert [e.type for e in store.events(EventQuery(text="recu le 10"))] == ["AGREE"]
    _search_tables_agree(store.path)


def test_updated_document_replaces_its_dyads(store: Store) -> None:
    first = sample_documents()[0]
    changed = make_doc(event_type="AGREE")
    assert changed.id == first.id
    store.put(changed)
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT count(*) FROM event_dyads").fetchone()[0] == 3
    finally:
        conn.close()
    assert [e.type for e in store.events(EventQuery(dyad=("CHN", "VNM")))] == ["AGREE"]
