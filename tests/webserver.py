"""A small website on 127.0.0.1 for the fetching tests (never the network): French articles,
an RSS feed of three of them, an Atom feed, a robots.txt that disallows /prive/, and every
request recorded with its time and headers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "/articles/1.html": (
        "Le ministre de la Défense reçoit son homologue canadien",
        "2024-03-12",
        [
            ("Paris, 12 mars – Le ministre français de la Défense a reçu mardi à Paris son "
             "homologue canadien pour un entretien consacré à la sécurité maritime dans "
             "l'Atlantique Nord."),
            ("Les deux ministres ont convenu de renforcer les échanges de renseignements entre "
             "leurs marines et de mener un exercice naval commun au cours de l'été prochain."),
            ("Selon le ministère, plus de 40 officiers participeront à cet exercice, qui se "
             "tiendra au large de la Bretagne."),
        ],
    ),
    "/articles/2.html": (
        "Accord de coopération entre le Sénégal et le Maroc",
        "2024-03-14",
        [
            ("Dakar, 14 mars – Le Sénégal et le Maroc ont signé jeudi à Dakar un accord de "
             "coopération dans le domaine de la formation des cadres de la police."),
            ("Le texte prévoit l'accueil de 25 stagiaires sénégalais par an dans les écoles de "
             "police marocaines et l'organisation de séminaires conjoints sur la cybersécurité."),
            ("Le ministre sénégalais de l'Intérieur a salué un partenariat « exemplaire » entre "
             "les deux pays, selon un communiqué publié à l'issue de la cérémonie."),
        ],
    ),
    "/articles/3.html": (
        "Visite du président chilien à Lisbonne",
        "2024-03-15",
        [
            ("Lisbonne, 15 mars – Le président chilien est arrivé vendredi à Lisbonne pour une "
             "visite officielle de trois jours au Portugal, la première depuis dix ans."),
            ("Il doit rencontrer le Premier ministre portugais et s'exprimer devant le Parlement "
             "sur les relations entre l'Union européenne et l'Amérique latine."),
            ("Les deux gouvernements devraient signer plusieurs accords sur les énergies "
             "renouvelables et la recherche océanographique."),
        ],
    ),
    "/prive/note.html": (
        "Note interne",
        "2024-03-16",
        [("Ce texte ne doit jamais être demandé par un robot poli, le fichier robots.txt du "
          "site l'interdit clairement à tous les agents qui le lisent avant de venir.")] * 3,
    ),
}
ROBOTS = "User-agent: *\nDisallow: /prive/\n"


def article_html(title: str, date: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | Le Journal</title>"
        f"<meta property=\"og:title\" content=\"{title}\">"
        f"<meta property=\"article:published_time\" content=\"{date}T09:00:00+01:00\">"
        "</head><body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
        f"<article><h1>{title}</h1>\n{body}\n</article>"
        "<footer>© Le Journal, tous droits réservés</footer></body></html>"
    )


def rss(base: str, paths: list[str]) -> str:
    """An RSS 2.0 feed of ``paths``, each item dated as its article (RFC 2822)."""
    items = "".join(
        f"<item><title>{ARTICLES.get(p, ('Sans titre',))[0]}</title><link>{base}{p}</link>"
        f"<guid isPermaLink=\"false\">id-{n}</guid>"
        f"<pubDate>{_rfc2822(ARTICLES.get(p, ('', '2024-03-01'))[1])}</pubDate></item>"
        for n, p in enumerate(paths, start=1)
    )
    return (
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
        f"<title>Le Journal</title><link>{base}/</link>{items}</channel></rss>"
    )


def _rfc2822(day: str) -> str:
    return format_datetime(datetime.fromisoformat(f"{day}T08:00:00+01:00"))


def atom(base: str, paths: list[str]) -> str:
    entries = "".join(  # relative links, resolved against the feed's xml:base
        f"<entry><title type=\"text\">{ARTICLES[p][0]}</title>"
        f"<link rel=\"alternate\" type=\"text/html\" href=\"{p.removeprefix('/articles/')}\"/>"
        f"<id>urn:uuid:{n}</id><updated>{ARTICLES[p][1]}T10:00:00Z</updated></entry>"
        for n, p in enumerate(paths, start=1)
    )
    return (
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        f"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"{base}/articles/\">"
        f"<title>Le Journal</title><id>urn:uuid:0</id><updated>2024-03-15T10:00:00Z</updated>"
        f"{entries}</feed>"
    )


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    wait: float = 0.0  # seconds before answering


@dataclass(frozen=True)
class Request:
    path: str
    at: float  # time.monotonic() when the server read it
    headers: dict[str, str]


class Site:
    """The pages served by path (edit them freely) and the requests received, in order."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.requests: list[Request] = []
        self.pages: dict[str, Page] = {
            path: Page(article_html(*parts).encode("utf-8")) for path, parts in ARTICLES.items()
        }
        self.pages["/robots.txt"] = Page(ROBOTS.encode(), "text/plain")
        self.add_feed("/rss.xml", rss(base, list(ARTICLES)[:3]))
        self.add_feed("/atom.xml", atom(base, list(ARTICLES)[:3]), "application/atom+xml")
        self.pages["/rapport.pdf"] = Page(b"%PDF-1.4 not a page", "application/pdf")
        self.pages["/ailleurs"] = Page(b"", status=301,
                                       headers={"Location": "/articles/2.html"})

    def url(self, path: str) -> str:
        return self.base + path

    def add_feed(self, path: str, text: str, content_type: str = "application/rss+xml") -> str:
        self.pages[path] = Page(text.encode("utf-8"), content_type)
        return self.url(path)

    def requested(self, prefix: str = "/") -> list[str]:
        return [r.path for r in self.requests if r.path.startswith(prefix)]


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # the name http.server calls
        self.site.requests.append(Request(self.path, time.monotonic(), dict(self.headers)))
        page = self.site.pages.get(self.path) or Page(b"<html><body>introuvable</body></html>",
                                                      status=404)
        if page.wait:
            time.sleep(page.wait)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet


@contextmanager
def running_site() -> Iterator[Site]:
    """A :class:`Site` served on 127.0.0.1 (a free port) in a thread, for the ``with`` block."""
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    handler.site = site
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
