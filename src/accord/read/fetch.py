"""Fetch web pages and feeds politely: the READ stage of ``http(s)`` inputs::

    from accord.read.fetch import Fetcher, WebReader
    web = WebReader(Fetcher(delay=1.0), is_stored=store.has_url)
    for item in web.feed("https://example.org/rss.xml"):   # Article or ReadError, in order
        ...
    print(web.skipped, "already stored")

A :class:`Fetcher` makes the requests. It sends accord's user agent (:func:`user_agent`), gives
up on a request after ``timeout`` seconds, reads each host's ``robots.txt`` once (RFC 9309: a
missing one or a 4xx allows everything, one that cannot be reached too, a 5xx or a 429 (too
many requests) refuses the host for the run; a ``Crawl-delay`` longer than ``delay`` is
honoured) and never requests what it disallows, waits ``delay`` seconds after a request to a
host before the next one to that host, follows redirects itself (at most
:data:`MAX_REDIRECTS`, each one checked and delayed as a new request, only to ``http(s)``), and
reads at most ``max_bytes`` of a response. Only ``http`` and ``https`` URLs are fetched. A
request that fails raises :class:`~accord.errors.FetchError`, a
:class:`~accord.errors.ReadError` naming the URL and why (the HTTP status, a timeout, a host
that cannot be reached, a robots.txt that disallows it, a page that is not HTML, a response
over the size limit), so that it becomes the failure of one input and the batch goes on.

A :class:`WebReader` turns page URLs and feeds (:mod:`accord.read.feeds`) into
:class:`~accord.records.Article` values as :func:`accord.read_paths` does files: the page's
main text, title and date through trafilatura (:func:`accord.read.read_text`), its URL as both
``path`` and ``url``. A URL that ``is_stored`` knows, or that was read before by the same
reader, is skipped without a request (and counted in ``skipped``): running the same feeds again
fetches only their new items.
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

from accord.errors import FetchError, ReadError
from accord.read import MAX_BYTES, read_text
from accord.read.clean import normalize_date
from accord.read.decode import _decode
from accord.read.feeds import FeedItem, is_http_url, parse_feed
from accord.records import Article

if TYPE_CHECKING:
    from email.message import Message
    from urllib.request import OpenerDirector
    from urllib.robotparser import RobotFileParser

__all__ = [
    "DEFAULT_DELAY",
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "Feed",
    "Fetcher",
    "Response",
    "WebReader",
    "fetch_page",
    "is_http_url",
    "user_agent",
]

DEFAULT_DELAY = 1.0
"""Seconds a :class:`Fetcher` waits after a request to a host before the next one to it."""
DEFAULT_TIMEOUT = 20.0
"""Seconds after which a :class:`Fetcher` gives up a request (connecting, then reading)."""
MAX_REDIRECTS = 5
"""Redirects a :class:`Fetcher` follows for one URL."""
ROBOTS_BYTES = 500 * 1024
"""The part of a robots.txt that is read (RFC 9309 asks crawlers to read at least 500 KiB)."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_FEED_ACCEPT = ("application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
                "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1")
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 1 << 16
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)


@lru_cache(maxsize=1)
def user_agent() -> str:
    """accord's user agent: ``accord/VERSION (+URL)``, URL the first project URL of the
    installed package's metadata (``[project.urls]``), if it has one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("accord")
    except metadata.PackageNotFoundError:
        return "accord"
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    urls += meta.get_all("Home-page") or []
    return f"accord/{meta['Version']}" + (f" (+{urls[0]})" if urls else "")


@dataclass(frozen=True, slots=True)
class Feed:
    """An RSS or Atom feed to read, as a source of :func:`accord.ingest`: its new items are
    fetched and stored."""

    url: str


@dataclass(frozen=True, slots=True)
class Response:
    """A successful response: the URL it came from (after redirects), its media type and
    charset (from ``Content-Type``, lower case; None if absent) and its body."""

    url: str
    media_type: str | None
    charset: str | None
    body: bytes


class _Reply(Protocol):  # what is read of an HTTP response
    headers: Message

    def read(self, amt: int = ..., /) -> bytes: ...


class Fetcher:
    """Makes polite HTTP requests (see the module's description). Keeps, per host (scheme,
    name and port), its robots.txt rules and the time its last request ended; belongs to one
    thread.

    ``clock`` and ``sleep`` (:func:`time.monotonic`, :func:`time.sleep`) measure and wait the
    delay and the timeout of reading a body.
    """

    def __init__(
        self,
        *,
        agent: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        delay: float = DEFAULT_DELAY,
        max_bytes: int = MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        if timeout <= 0 or delay < 0 or max_bytes < 0:
            raise ValueError("timeout must be positive, delay and max_bytes at least 0")
        self.agent = agent or user_agent()
        self.timeout = timeout
        self.delay = delay
        self.max_bytes = max_bytes
        self._clock = clock
        self._sleep = sleep
        self._opener: OpenerDirector | None = None  # built on the first request
        self._robots: dict[str, RobotFileParser | str | None] = {}
        self._last: dict[str, float] = {}  # host: when its last request ended
        self._crawl_delay: dict[str, float] = {}

    def get(self, url: str, accept: str = "*/*") -> Response:
        """Fetch ``url``: robots.txt checked, delay waited, redirects followed. Raises
        :class:`FetchError` (its ``path`` is ``url``)."""
        return self._follow(url, accept, self.max_bytes, robots=True)

    def refusal(self, url: str) -> str | None:
        """Why the host's robots.txt forbids fetching ``url``, or None if it allows it (the
        robots.txt is fetched on the first URL of each host)."""
        host = _host(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        if isinstance(rules, str):
            return rules
        if rules is None or rules.can_fetch(self.agent, url):
            return None
        return f"disallowed by {host}/robots.txt"

    # -- one request ------------------------------------------------------------------------

    def _exchange(
        self, url: str, path: str, accept: str, limit: int, *, truncate: bool
    ) -> Response | str:
        """One request of ``url``, after the host's delay: the response, or the location it
        redirects to. ``path`` names the input in errors; a body over ``limit`` bytes is an
        error, or cut there if ``truncate``."""
        import http.client
        import urllib.error
        import urllib.request

        host = _host(url)
        self._wait(host)
        request = urllib.request.Request(url, headers={"User-Agent": self.agent,
                                                       "Accept": accept})
        if self._opener is None:
            self._opener = _opener()
        started = self._clock()
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                body = self._body(reply, path, limit, started, truncate)
                media, charset = _content_type(reply.headers)
                return Response(reply.geturl(), media, charset, body)
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            with exc:
                location = exc.headers.get("Location") if exc.headers else None
            if exc.code in _REDIRECTS and location:
                return str(location)
            reason = f"HTTP {exc.code} {exc.reason}".rstrip()
            raise FetchError(path, reason, status=exc.code) from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise _failure(exc, url, path, self.timeout) from exc
        finally:
            self._last[host] = self._clock()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is None:
            return
        gap = max(self.delay, self._crawl_delay.get(host, 0.0))
        remaining = last + gap - self._clock()
        if remaining > 0:
            self._sleep(remaining)

    def _body(self, reply: _Reply, path: str, limit: int, started: float,
              truncate: bool) -> bytes:
        length = reply.headers.get("Content-Length", "")
        if limit and not truncate and length.isdigit() and int(length) > limit:
            raise FetchError(path, _too_big(f"{int(length):,} bytes", limit))
        chunks: list[bytes] = []
        size = 0
        while chunk := reply.read(_CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if limit and size > limit:
                if truncate:
                    break
                raise FetchError(path, _too_big(f"over {limit:,} bytes", limit))
            if self._clock() - started > self.timeout:
                raise FetchError(path, f"timed out after {self.timeout:g} s (reading the body)")
        body = b"".join(chunks)
        return body[:limit] if limit and truncate else body

    # -- robots.txt -------------------------------------------------------------------------

    def _read_robots(self, host: str) -> RobotFileParser | str | None:
        """The rules of ``host``'s robots.txt; None: everything allowed; a string: why
        nothing is fetched from the host."""
        from urllib.robotparser import RobotFileParser

        url = f"{host}/robots.txt"
        try:
            response = self._follow(url, "text/plain", ROBOTS_BYTES, robots=False)
        except FetchError as exc:
            if exc.status is not None and (exc.status >= 500 or exc.status == 429):
                return (f"{url} answered HTTP {exc.status}: nothing is fetched from {host} "
                        "in this run (RFC 9309)")
            return None  # missing (another 4xx) or unreachable: no rules
        rules = RobotFileParser(url)
        rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(self.agent)
        if delay is not None:
            self._crawl_delay[host] = float(delay)
        return rules

    def _follow(self, url: str, accept: str, limit: int, *, robots: bool) -> Response:
        """The response of ``url`` after its redirects, each hop a request of its own
        (checked against robots.txt if ``robots``, delayed); the body of robots.txt itself
        (``robots`` false) is cut at ``limit``, another one is an error past it."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            if not is_http_url(current):
                raise FetchError(url, f"not an http(s) URL: {current}")
            refusal = self.refusal(current) if robots else None
            if refusal is not None:
                raise FetchError(url, refusal)
            outcome = self._exchange(current, url, accept, limit, truncate=not robots)
            if isinstance(outcome, Response):
                return outcome
            current = urljoin(current, outcome)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def fetch_page(fetcher: Fetcher, url: str, *, title: str | None = None,
               published: str | None = None) -> Article:
    """The article of the HTML page at ``url``: its main text, title and date through
    trafilatura; ``url`` is its ``path`` and ``url``. ``published`` (a feed item's date) wins
    over the page's date, ``title`` (a feed item's title) is used where the page has none;
    the source is the host name (``www.`` left out) unless the text names one. Raises
    :class:`ReadError` (a :class:`FetchError` if fetching failed)."""
    response = fetcher.get(url, _HTML_ACCEPT)
    if not _is_html(response):
        raise FetchError(url, f"not an HTML page ({response.media_type or 'no content type'})")
    html = _decode_page(response, url)
    date = normalize_date(published) if published else None
    article = read_text(html, url, fmt="html", url=url, published=date)
    return replace(article, title=article.title or title,
                   source=article.source or _site(response.url))


class WebReader:
    """Articles of page URLs and feeds, fetched by ``fetcher``; URLs that ``is_stored`` knows
    or that this reader saw before are skipped (counted in :attr:`skipped`, passed to
    ``on_skip``). ``on_feed`` is called with the URL of each feed whose items were listed."""

    def __init__(
        self,
        fetcher: Fetcher,
        is_stored: Callable[[str], bool] = lambda url: False,
        *,
        on_skip: Callable[[str], object] | None = None,
        on_feed: Callable[[str], object] | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.skipped = 0
        self._is_stored = is_stored
        self._on_skip = on_skip
        self._on_feed = on_feed
        self._seen: set[str] = set()

    def page(self, url: str, title: str | None = None,
             published: str | None = None) -> Iterator[Article | ReadError]:
        """The article of the page at ``url`` or why it failed; nothing if it is skipped."""
        if self._skip(url):
            return
        try:
            yield fetch_page(self.fetcher, url, title=title, published=published)
        except ReadError as exc:
            yield exc

    def feed(self, url: str) -> Iterator[Article | ReadError]:
        """The articles of the feed's items not stored yet, in feed order, and the failures
        of the feed (one :class:`ReadError` named by its URL) or of its items."""
        try:
            response = self.fetcher.get(url, _FEED_ACCEPT)
            items = parse_feed(response.body, response.url)
        except ReadError as exc:
            yield exc if exc.path == url else ReadError(url, exc.reason)
            return
        if self._on_feed is not None:
            self._on_feed(url)
        for item in items:
            if isinstance(item, FeedItem):
                yield from self.page(item.url, item.title, item.published)
            else:
                yield item

    def _skip(self, url: str) -> bool:
        if url not in self._seen and not self._is_stored(url):
            self._seen.add(url)
            return False
        self.skipped += 1
        if self._on_skip is not None:
            self._on_skip(url)
        return True


# --- helpers ------------------------------------------------------------------------------


def _opener() -> OpenerDirector:
    """An opener for http(s) that leaves redirects to :meth:`Fetcher.get` (so that each hop
    is checked against robots.txt and delayed) and raises :class:`HTTPError` for them."""
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    return urllib.request.build_opener(NoRedirect)


def _host(url: str) -> str:
    """``scheme://name[:port]`` of ``url``, lower case: what the delay and robots.txt are
    kept by."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _site(url: str) -> str | None:
    """The host name of ``url`` without ``www.``: the source of a page that names none."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _content_type(headers: Message) -> tuple[str | None, str | None]:
    if headers.get("Content-Type") is None:
        return None, None
    charset = headers.get_content_charset()
    return headers.get_content_type(), charset.lower() if charset else None


def _failure(exc: Exception, url: str, path: str, timeout: float) -> FetchError:
    """The error of a request of ``url`` that got no HTTP status (``exc``: a urllib, socket or
    http.client error)."""
    import urllib.error

    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return FetchError(path, f"timed out after {timeout:g} s")
    if isinstance(exc, urllib.error.URLError):
        return FetchError(path, f"cannot reach {urlsplit(url).netloc}: {reason}")
    if isinstance(exc, ValueError):
        return FetchError(path, f"invalid URL: {exc}")
    return FetchError(path, f"request failed: {type(exc).__name__}: {exc}")


def _too_big(what: str, limit: int) -> str:
    return f"response of {what}, over the size limit of {limit:,} bytes (raise it with --max-bytes)"


def _is_html(response: Response) -> bool:
    if response.media_type in _HTML_TYPES:
        return True
    if response.media_type not in (None, "application/octet-stream"):
        return False
    head = response.body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode_page(response: Response, url: str) -> str:
    """The text of an HTML page: by its ``Content-Type`` charset, else its ``<meta>`` one,
    else as a file is decoded (UTF-8, then a guess)."""
    if not response.body.strip():
        raise FetchError(url, "empty page")
    declared = response.charset
    if declared is None:
        found = _META_CHARSET.search(response.body[:4096])
        declared = found.group(1).decode("ascii").lower() if found else None
    if declared is not None:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    if declared is not None:
        return response.body.decode(declared, errors="replace")
    return _decode(response.body, url)[0]
