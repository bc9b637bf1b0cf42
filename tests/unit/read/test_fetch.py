"""Fetching pages and feeds (accord.read.fetch, accord.read.feeds) from a local site on 127.0.0.1,
without the model: what a page gives, robots.txt, the delay per host, errors of one input,
redirects, and feeds read safely."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from accord.errors import FetchError, ReadError
from accord.read.feeds import FeedItem, parse_feed
from accord.read.fetch import Fetcher, WebReader, fetch_page, user_agent
from accord.records import Article
from tests.webserver import ARTICLES, Page, Site, rss, running_site


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with running_site() as served:
        yield served


class FakeTime:
    """A clock that moves only when slept on; the sleeps asked for are kept."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def fetcher(**options: float) -> Fetcher:
    return Fetcher(delay=options.pop("delay", 0.0), **options)  # type: ignore[arg-type]


def test_a_page_gives_its_main_text_title_date_url_and_host_as_source(site: Site) -> None:
    url = site.url("/articles/1.html")
    article = fetch_page(fetcher(), url)
    title, date, paragraphs = ARTICLES["/articles/1.html"]
    assert (article.path, article.url, article.title, article.published) == (
        url, url, title, date)
    assert article.source == "127.0.0.1"
    assert article.language == "fr"
    assert paragraphs[1] in article.text
    assert "Accueil" not in article.text and "tous droits réservés" not in article.text
    assert site.requested() == ["/robots.txt", "/articles/1.html"]


@pytest.mark.slow
def test_every_request_sends_the_user_agent_and_says_what_it_accepts(site: Site) -> None:
    fetch_page(fetcher(), site.url("/articles/1.html"))
    fetch_page(Fetcher(agent="accord-test (+mailto:a@b.c)"), site.url("/articles/2.html"))
    agents = [r.headers["User-Agent"] for r in site.requests]
    assert agents[:2] == [user_agent()] * 2
    assert user_agent().startswith("accord/")
    assert agents[2:] == ["accord-test (+mailto:a@b.c)"] * 2
    assert site.requests[1].headers["Accept"].startswith("text/html")


def test_a_page_robots_txt_disallows_is_a_clear_error_and_never_requested(site: Site) -> None:
    url = site.url("/prive/note.html")
    with pytest.raises(FetchError) as caught:
        fetch_page(fetcher(), url)
    assert caught.value.path == url
    assert caught.value.reason == f"disallowed by {site.base}/robots.txt"
    assert site.requested() == ["/robots.txt"]


def test_robots_txt_is_read_once_per_host(site: Site) -> None:
    web = fetcher()
    for n in (1, 2, 3):
        fetch_page(web, site.url(f"/articles/{n}.html"))
    fetch_page(web, site.url("/articles/1.html").replace("127.0.0.1", "localhost"))
    assert site.requested("/robots.txt") == ["/robots.txt", "/robots.txt"]  # two hosts


@pytest.mark.parametrize(("status", "allowed"),
                         [(404, True), (403, True), (503, False), (429, False)])
def test_a_missing_robots_txt_allows_all_and_a_server_error_refuses_the_host(
    site: Site, status: int, allowed: bool
) -> None:
    site.pages["/robots.txt"] = Page(b"oops", "text/plain", status=status)
    url = site.url("/prive/note.html")
    if allowed:
        assert fetch_page(fetcher(), url).title == "Note interne"
        return
    with pytest.raises(FetchError, match=f"robots.txt answered HTTP {status}: nothing is fetched"):
        fetch_page(fetcher(), url)
    assert site.requested() == ["/robots.txt"]


def test_http_errors_and_what_is_not_a_page_are_errors_of_their_url(site: Site) -> None:
    cases = {
        "/manquant.html": "HTTP 404 Not Found",
        "/rapport.pdf": "not an HTML page (application/pdf)",
    }
    site.pages["/panne.html"] = Page(b"", status=500)
    cases["/panne.html"] = "HTTP 500 Internal Server Error"
    for path, reason in cases.items():
        with pytest.raises(FetchError) as caught:
            fetch_page(fetcher(), site.url(path))
        assert (caught.value.path, caught.value.reason) == (site.url(path), reason)


def test_a_slow_page_times_out_and_a_big_one_is_refused_unread(site: Site) -> None:
    site.pages["/lent.html"] = Page(site.pages["/articles/1.html"].body, wait=1.5)
    with pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
        fetch_page(fetcher(timeout=0.3), site.url("/lent.html"))
    with pytest.raises(FetchError, match="over the size limit of 1,000 bytes"):
        fetch_page(fetcher(max_bytes=1000), site.url("/articles/1.html"))
    with pytest.raises(FetchError, match="cannot reach 127.0.0.1:9"):
        fetch_page(fetcher(), "http://127.0.0.1:9/page.html")  # discard port: refused


def test_redirects_are_followed_each_one_checked_as_a_new_request(site: Site) -> None:
    article = fetch_page(fetcher(), site.url("/ailleurs"))
    assert (article.path, article.url) == (site.url("/ailleurs"),) * 2  # the URL asked for
    assert article.title == ARTICLES["/articles/2.html"][0]
    site.pages["/vers-prive"] = Page(b"", status=302, headers={"Location": "/prive/note.html"})
    site.pages["/vers-fichier"] = Page(b"", status=302, headers={"Location": "file:///etc/hosts"})
    site.pages["/boucle"] = Page(b"", status=307, headers={"Location": "/boucle"})
    expected = {
        "/vers-prive": f"disallowed by {site.base}/robots.txt",
        "/vers-fichier": "not an http(s) URL: file:///etc/hosts",
        "/boucle": "more than 5 redirects",
    }
    for path, reason in expected.items():
        with pytest.raises(FetchError) as caught:
            fetch_page(fetcher(), site.url(path))
        assert caught.value.reason == reason
    assert "/prive/note.html" not in site.requested()
    assert site.requested("/boucle") == ["/boucle"] * 6


@pytest.mark.slow
def test_the_delay_per_host_separates_requests(site: Site) -> None:
    delay = 0.3
    web = fetcher(delay=delay)
    for n in (1, 2, 3):
        fetch_page(web, site.url(f"/articles/{n}.html"))
    times = [r.at for r in site.requests]
    assert [r.path for r in site.requests] == ["/robots.txt", "/articles/1.html",
                                               "/articles/2.html", "/articles/3.html"]
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert all(gap >= delay * 0.9 for gap in gaps), gaps


def test_the_delay_is_kept_per_host_and_a_longer_crawl_delay_wins(site: Site) -> None:
    fake = FakeTime()
    web = Fetcher(delay=2.0, clock=fake.clock, sleep=fake.sleep)
    other = site.base.replace("127.0.0.1", "localhost")
    fetch_page(web, site.url("/articles/1.html"))  # robots.txt, then 2 s, then the page
    fetch_page(web, other + "/articles/1.html")  # another host: its own robots.txt and delay
    fetch_page(web, site.url("/articles/2.html"))  # 2 s have passed for the first host
    assert fake.sleeps == [2.0, 2.0]
    site.pages["/robots.txt"] = Page(b"User-agent: *\nCrawl-delay: 5\n", "text/plain")
    fake.sleeps.clear()
    web = Fetcher(delay=2.0, clock=fake.clock, sleep=fake.sleep)
    fetch_page(web, site.url("/articles/1.html"))
    fetch_page(web, site.url("/articles/2.html"))
    assert fake.sleeps == [5.0, 5.0]


def test_a_reader_skips_urls_stored_or_seen_without_requesting_them(site: Site) -> None:
    stored = {site.url("/articles/2.html")}
    skipped: list[str] = []
    web = WebReader(fetcher(), stored.__contains__, on_skip=skipped.append)
    items = list(web.feed(site.url("/rss.xml"))) + list(web.page(site.url("/articles/1.html")))
    assert [i.path for i in items] == [site.url("/articles/1.html"), site.url("/articles/3.html")]
    assert all(isinstance(i, Article) for i in items)
    assert web.skipped == 2
    assert skipped == [site.url("/articles/2.html"), site.url("/articles/1.html")]
    assert site.requested("/articles/") == ["/articles/1.html", "/articles/3.html"]


def test_a_feed_item_that_fails_is_an_error_in_its_place_and_the_others_go_on(
    site: Site,
) -> None:
    paths = ["/articles/1.html", "/manquant.html", "/prive/note.html", "/articles/3.html"]
    feed = site.add_feed("/melange.xml", rss(site.base, paths))
    items = list(WebReader(fetcher()).feed(feed))
    assert [(i.path, isinstance(i, Article)) for i in items] == [
        (site.url(p), ok) for p, ok in zip(paths, [True, False, False, True], strict=True)]
    assert [i.reason for i in items if isinstance(i, ReadError)] == [
        "HTTP 404 Not Found", f"disallowed by {site.base}/robots.txt"]
    article = items[0]
    assert isinstance(article, Article)
    assert article.published == "2024-03-12"  # the feed's pubDate (the page says the same)


def test_a_feed_that_fails_is_one_error_named_by_its_url(site: Site) -> None:
    listed: list[str] = []
    web = WebReader(fetcher(), on_feed=listed.append)
    for path, reason in [("/absent.xml", "HTTP 404 Not Found"),
                         ("/articles/1.html",
                          "not an RSS or Atom feed: its root element is <html>")]:
        items = list(web.feed(site.url(path)))
        assert [(i.path, i.reason) for i in items if isinstance(i, ReadError)] == [
            (site.url(path), reason)]
    assert listed == []
    assert list(web.feed(site.url("/atom.xml")))
    assert listed == [site.url("/atom.xml")]


def test_the_feed_date_wins_and_the_page_title_is_kept(site: Site) -> None:
    url = site.url("/articles/3.html")
    article = fetch_page(fetcher(), url, title="Titre du flux",
                         published="Sat, 16 Mar 2024 07:00:00 +0100")
    assert (article.title, article.published) == (ARTICLES["/articles/3.html"][0], "2024-03-16")
    site.pages["/sans-titre.html"] = Page(
        ("<html><body><article>" + "<p>Le ministre a reçu son homologue à Paris pour parler "
         "de coopération maritime et de sécurité régionale.</p>" * 4
         + "</article></body></html>").encode())
    article = fetch_page(fetcher(), site.url("/sans-titre.html"), title="Titre du flux")
    assert article.title == "Titre du flux"


# --- feeds, without a server ------------------------------------------------------------------

BASE = "https://journal.example/flux/rss.xml"


def test_rss_items_give_link_title_and_date_each_link_once() -> None:
    data = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>Journal</title>
    <item><title>Un <![CDATA[<b>titre</b>]]></title><link> /a/1.html </link>
      <pubDate>Tue, 12 Mar 2024 08:00:00 +0100</pubDate></item>
    <item><title>Sans lien</title><guid isPermaLink="false">x-2</guid></item>
    <item><title>Par guid</title><guid>https://journal.example/a/3.html</guid>
      <dc:date>2024-03-14</dc:date></item>
    <item><title>Encore</title><link>https://journal.example/a/1.html</link></item>
    <item><title>Script</title><link>javascript:alert(1)</link></item>
    </channel></rss>"""
    items = parse_feed(data, BASE)
    assert items[0] == FeedItem("https://journal.example/a/1.html", "Un <b>titre</b>",
                                "Tue, 12 Mar 2024 08:00:00 +0100")
    assert isinstance(items[1], ReadError)
    assert (items[1].path, items[1].reason) == (f"{BASE}#2", "feed item without a link")
    assert items[2] == FeedItem("https://journal.example/a/3.html", "Par guid", "2024-03-14")
    assert isinstance(items[3], ReadError)  # the duplicate is left out, the script refused
    assert items[3].reason == "feed item link is not http(s): javascript:alert(1)"
    assert len(items) == 4


def test_atom_and_rss_1_0_items_resolve_relative_links() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://journal.example/x/">
    <entry><title type="html">Premier</title><link rel="self" href="/api/1"/>
      <link href="1.html"/><published>2024-03-12T08:00:00Z</published>
      <updated>2024-03-13T08:00:00Z</updated></entry>
    <entry xml:base="/y/"><title>Second</title><link rel="alternate" href="2.html"/>
      <updated>2024-03-13</updated></entry></feed>"""
    assert parse_feed(atom, BASE) == [
        FeedItem("https://journal.example/x/1.html", "Premier", "2024-03-12T08:00:00Z"),
        FeedItem("https://journal.example/y/2.html", "Second", "2024-03-13"),
    ]
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel><title>J</title></channel>
      <item><title>Un</title><link>https://journal.example/1</link></item></rdf:RDF>"""
    assert parse_feed(rdf, BASE) == [FeedItem("https://journal.example/1", "Un")]


def test_what_is_no_feed_is_a_read_error() -> None:
    for data, reason in [(b"<html><body>page</body></html>", "its root element is <html>"),
                         (b"", "not an RSS or Atom feed"), (b"plain words", "not an RSS")]:
        with pytest.raises(ReadError, match=reason) as caught:
            parse_feed(data, BASE)
        assert caught.value.path == BASE


def test_a_feed_never_expands_entities_nor_reads_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("motdepasse", encoding="utf-8")
    data = f"""<?xml version="1.0"?>
    <!DOCTYPE rss [<!ENTITY secret SYSTEM "{secret.as_uri()}">
      <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
    <rss><channel><item><title>T &secret; &c;</title>
    <link>https://journal.example/1</link></item></channel></rss>""".encode()
    [item] = parse_feed(data, BASE)
    assert isinstance(item, FeedItem)
    assert item.url == "https://journal.example/1"
    assert item.title is not None
    assert "motdepasse" not in item.title and "aaaa" not in item.title
