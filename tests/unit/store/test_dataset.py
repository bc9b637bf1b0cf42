"""accord.open(db): the store's tables as pandas DataFrames or records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import accord
from accord.errors import StoreError
from accord.store import Store
from accord.store.query import ActorQuery, ClaimQuery, DocumentQuery, EventQuery, StatementQuery
from accord.store.tables import TABLES
from tests.factories import sample_documents


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.put_many(sample_documents())
    return path


def test_frames_have_the_table_columns(db: Path) -> None:
    with accord.open(db) as data:
        for name in TABLES:
            frame = getattr(data, name)()
            assert isinstance(frame, pd.DataFrame)
            assert list(frame.columns) == [c.name for c in TABLES[name].columns]
        events = data.events()
        assert list(events["type"]) == ["AGREE", "ASSAULT", "CONSULT"]
        assert str(events["quad_class"].dtype) == "Int64"
        assert events.loc[events["type"] == "AGREE", "actor_countries"].iloc[0] == ["FRA", "DEU"]
        assert events["intensity"].sum() == pytest.approx(4.2 - 9.3 + 1.5)


def test_filters_and_records(db: Path) -> None:
    with accord.open(db) as data:
        assert list(data.events(EventQuery(actor="Chen Siyuan"))["type"]) == ["CONSULT"]
        pair = data.events(EventQuery(dyad="FRA-DEU"), frame=False)
        assert list(pair[0]["actor_names"]) == [
            "France", "Allemagne"]
        assert data.events(EventQuery(quad_class=3), frame=False) == []
        assert data.events(EventQuery(quad_class=3)).empty
        assert len(data.events(EventQuery(limit=2))) == 2
        assert list(data.claims(ClaimQuery(min_quantity=50))["unit"]) == ["pays"]
        assert list(data.statements(StatementQuery(speaker="to lam"))["verb"]) == ["déclarer"]
        assert list(data.actors(ActorQuery(kind="state"))["name"]) == ["Allemagne", "France"]
        assert len(data.documents(DocumentQuery(since="2016", until="2016"))) == 2
        dyads = data.dyads(EventQuery(quad_class=4))
        assert list(dyads.columns) == ["country_a", "country_b", "month", "quad_class", "events",
                                       "mean_intensity"]
        assert dyads.iloc[0].to_dict()["country_b"] == "SYR"
        doc = data.document(sample_documents()[2].id)
        assert doc is not None and doc.events[0].type == "AGREE"


def test_open_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        accord.open(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
