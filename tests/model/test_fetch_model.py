"""A feed served on 127.0.0.1 ingested with the real French model: the fetched articles are
coded like files (events with their evidence) and a second run fetches none of them again."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.read.fetch import Feed, Fetcher
from tests.factories import table
from tests.webserver import running_site

pytestmark = pytest.mark.model


def test_a_fetched_feed_is_coded_and_stored_once(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "accord.db"
    with running_site() as site:
        feed = Feed(site.url("/rss.xml"))
        options = accord.Options(processes=1)
        summary = accord.ingest([feed], db, options=options, fetcher=Fetcher(delay=0.0))
        assert (summary.new, summary.failed) == (3, 0)
        site.requests.clear()
        again = accord.ingest([feed], db, options=options, fetcher=Fetcher(delay=0.0))
        assert (again.new, again.skipped) == (0, 3)
        assert site.requested("/articles/") == []
    events = table(db, "SELECT d.url, e.evidence, d.text FROM events e JOIN documents d"
                       " ON d.id = e.doc_id")
    assert {url for url, _evidence, _text in events} >= {site.url("/articles/2.html")}
    assert all(evidence in text for _url, evidence, text in events)
    assert table(db, "SELECT DISTINCT language FROM documents") == [("fr",)]
