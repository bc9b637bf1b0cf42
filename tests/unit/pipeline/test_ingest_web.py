"""`accord.ingest` and `accord ingest` on web pages and feeds served on 127.0.0.1, without the
model (a blank spaCy pipeline stands in for it): a feed of three stores three, a second run
stores and fetches nothing, failures are recorded while the batch goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner, Result

import accord
from accord import pipeline
from accord.cli import cli
from accord.coders.annotations import ensure_extensions
from accord.read.fetch import Feed, Fetcher
from tests.factories import table
from tests.webserver import ARTICLES, Site, rss, running_site

THREE = [site_path for site_path in ARTICLES if site_path.startswith("/articles/")]


@pytest.fixture(autouse=True)
def blank_model(monkeypatch: pytest.MonkeyPatch) -> None:
    ensure_extensions()
    nlp = spacy.blank("fr")
    monkeypatch.setattr(pipeline, "load_pipeline", lambda lang="fr", model=None: nlp)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with running_site() as served:
        yield served


def quick() -> Fetcher:
    return Fetcher(delay=0.0)


def test_a_feed_of_three_stores_three_and_a_second_run_fetches_and_stores_nothing(
    site: Site, tmp_path: Path,
) -> None:
    db = tmp_path / "accord.db"
    feed = Feed(site.url("/rss.xml"))
    summary = accord.ingest([feed], db, fetcher=quick())
    assert (summary.new, summary.failed, summary.skipped) == (3, 0, 0)
    rows = table(db, "SELECT path, url, title, published FROM documents ORDER BY path")
    assert rows == [(site.url(p), site.url(p), ARTICLES[p][0], ARTICLES[p][1]) for p in THREE]
    assert site.requested("/articles/") == THREE

    site.requests.clear()
    again = accord.ingest([feed], db, fetcher=quick())
    assert (again.new, again.updated, again.unchanged, again.failed, again.skipped) == (
        0, 0, 0, 0, 3)
    assert site.requested() == ["/robots.txt", "/rss.xml"]  # no article requested
    assert table(db, "SELECT count(*) FROM documents") == [(3,)]


def test_only_the_new_items_of_a_feed_are_fetched(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "accord.db"
    site.add_feed("/rss.xml", rss(site.base, THREE[:2]))
    assert accord.ingest([Feed(site.url("/rss.xml"))], db, fetcher=quick()).new == 2
    site.add_feed("/rss.xml", rss(site.base, THREE))  # one item more
    site.requests.clear()
    summary = accord.ingest([Feed(site.url("/rss.xml"))], db, fetcher=quick())
    assert (summary.new, summary.skipped) == (1, 2)
    assert site.requested("/articles/") == [THREE[2]]


def test_pages_feeds_and_files_mix_and_each_failure_is_recorded_while_the_batch_goes_on(
    site: Site, tmp_path: Path,
) -> None:
    db = tmp_path / "accord.db"
    text = tmp_path / "depeche.txt"
    text.write_text("Le ministre a reçu son homologue à Hanoï.", encoding="utf-8")
    mixed = site.add_feed("/melange.xml", rss(site.base, [
        "/articles/1.html", "/manquant.html", "/prive/note.html", "/rapport.pdf",
        "/articles/3.html"]))
    sources = [site.url("/articles/2.html"), str(text), Feed(mixed), Feed(site.url("/rien.xml"))]
    summary = accord.ingest(sources, db, fetcher=quick())
    assert (summary.new, summary.failed) == (4, 4)
    assert sorted(table(db, "SELECT path FROM documents")) == sorted(
        [(site.url(p),) for p in THREE] + [(str(text),)])
    assert sorted(table(db, "SELECT path, reason FROM errors")) == [
        (site.url("/manquant.html"), "HTTP 404 Not Found"),
        (site.url("/prive/note.html"), f"disallowed by {site.base}/robots.txt"),
        (site.url("/rapport.pdf"), "not an HTML page (application/pdf)"),
        (site.url("/rien.xml"), "HTTP 404 Not Found"),
    ]
    site.add_feed("/rien.xml", rss(site.base, []))  # the feed is back: its error is cleared
    assert accord.ingest([Feed(site.url("/rien.xml"))], db, fetcher=quick()).failed == 0
    assert site.url("/rien.xml") not in {path for path, in table(db, "SELECT path FROM errors")}


def test_a_url_given_twice_or_stored_by_another_input_is_fetched_once(
    site: Site, tmp_path: Path,
) -> None:
    db = tmp_path / "accord.db"
    page = site.url("/articles/1.html")
    summary = accord.ingest([page, page, Feed(site.url("/rss.xml"))], db, fetcher=quick())
    assert (summary.new, summary.skipped) == (3, 2)
    assert site.requested("/articles/") == THREE
    records = tmp_path / "lot.jsonl"  # a JSONL record with a url: that page is stored too
    records.write_text('{"text": "Le ministre a reçu son homologue.", "url": "https://ex.org/a"}\n',
                       encoding="utf-8")
    accord.ingest([records], db)
    with accord.Store.open(db) as store:
        assert store.has_url("https://ex.org/a") and store.has_url(page)
        assert not store.has_url(site.url("/articles/4.html"))


# --- the command line ---------------------------------------------------------------------


def ingest(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["ingest", "--processes", "1", "--delay", "0", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def test_the_command_ingests_a_feed_then_skips_what_it_stored(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "accord.db")
    first = ingest("--feed", site.url("/rss.xml"), "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 articles in " in first.output
    assert "3 new, 0 updated, 0 unchanged, 0 failed, skipped 0 already stored" in first.output
    site.requests.clear()
    second = ingest("--feed", site.url("/rss.xml"), "--db", db)
    assert second.exit_code == 0, second.output
    assert "0 new, 0 updated, 0 unchanged, 0 failed, skipped 3 already stored" in second.output
    assert site.requested("/articles/") == []


def test_the_command_takes_urls_among_paths_and_reports_failed_fetches(
    site: Site, tmp_path: Path,
) -> None:
    db = str(tmp_path / "accord.db")
    text = tmp_path / "depeche.txt"
    text.write_text("Le ministre a reçu son homologue à Hanoï.", encoding="utf-8")
    result = ingest(site.url("/articles/1.html"), str(text), site.url("/manquant.html?x=1"),
                    "--feed", site.url("/atom.xml"), "--timeout", "5",
                    "--user-agent", "veille-test/1.0", "--db", db)
    assert result.exit_code == 1, result.output
    assert "4 new, 0 updated, 0 unchanged, 1 failed, skipped 1 already stored" in result.output
    assert f"  {site.url('/manquant.html?x=1')}: HTTP 404 Not Found" in result.output
    assert {r.headers["User-Agent"] for r in site.requests} == {"veille-test/1.0"}


def test_usage_errors_of_the_command(tmp_path: Path) -> None:
    db = str(tmp_path / "accord.db")
    missing = str(tmp_path / "absent.txt")
    result = ingest("http://127.0.0.1:9/a?b=[c]", missing, "--db", db)
    assert result.exit_code == 2
    assert f"no such file or folder: {missing}\n" in result.output  # the URL is no path
    result = ingest("--db", db)
    assert result.exit_code == 2 and "nothing to ingest" in result.output
    result = ingest("--feed", "flux.xml", "--db", db)
    assert result.exit_code == 2 and "not an http(s) URL: flux.xml" in result.output
    assert ingest("--feed", "http://127.0.0.1:9/", "--delay", "-1").exit_code == 2
    assert not Path(db).exists()
    result = CliRunner().invoke(cli, ["extract", "https://ex.org/a.html"])
    assert result.exit_code == 2 and "accord extract reads files" in result.output
