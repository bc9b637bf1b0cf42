"""POST /api/documents with the real pipeline: posted articles are coded and stored, with one
result per article (new, updated, unchanged or the reason it failed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.web.api import create_app

pytestmark = pytest.mark.model

TOKEN = "t0k3n-for-the-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MEETING = {
    "id": "a-1", "published": "2024-01-10", "source": "VNA", "url": "https://example.org/a-1",
    "title": "To Lam reçoit Chen Siyuan",
    "text": "Le ministre vietnamien de la Sécurité publique, To Lam, a reçu le 10 janvier à "
            "Hanoï le vice-ministre chinois de la Sécurité publique, Chen Siyuan.",
}
TREATY = {"text": "La France et l'Allemagne ont signé un traité de coopération le 5 février "
                  "2016 à Paris.", "published": "2016-02-05"}


def test_post_documents_runs_the_pipeline_and_stores(tmp_path: Path) -> None:
    db = tmp_path / "new.db"  # no store yet: the first write creates it
    with TestClient(create_app(str(db), allow_writes=True, token=TOKEN)) as c:
        response = c.post("/api/documents", json=[MEETING, TREATY, {"text": "   "}],
                          headers=AUTH)
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["new"], body["updated"], body["unchanged"], body["errors"]) == (2, 0, 0, 1)
        results = body["results"]
        assert [(r["index"], r["status"]) for r in results] == [
            (0, "new"), (1, "new"), (2, "error")]
        assert results[2]["id"] is None and "empty" in results[2]["error"]
        assert response.headers["cache-control"] == "no-store"

        doc = c.get(f"/api/documents/{results[0]['id']}").json()
        assert doc["title"] == MEETING["title"] and doc["source"] == "VNA"
        assert doc["url"] == MEETING["url"] and doc["published"] == "2024-01-10"
        assert doc["path"] == "api:a-1"
        events = c.get(f"/api/events?doc_id={results[0]['id']}").json()["items"]
        assert [e["type"] for e in events] == ["CONSULT"]
        assert c.get("/api/events?country=FRA").json()["total"] >= 1

        again = c.post("/api/documents", json=MEETING, headers=AUTH).json()  # one object
        assert [(r["id"], r["status"]) for r in again["results"]] == [
            (results[0]["id"], "unchanged")]
        assert c.get("/api/documents").json()["total"] == 2
