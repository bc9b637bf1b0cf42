"""Read RSS and Atom feeds: the link of each item, with its title and date.

:func:`parse_feed` reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 from bytes, with lxml,
by the local names of the elements (so namespaces and their prefixes do not matter). Broken XML
is read as far as it goes. The parser never loads a DTD, expands an external entity or opens a
network connection, so a hostile feed cannot read local files or make accord fetch anything.

An item's link is its RSS ``<link>`` (else a ``<guid>`` that is a permalink) or its Atom
``<link href>`` of relation ``alternate`` (or none), resolved against ``xml:base`` and the
feed's own URL. Its date is ``pubDate``, ``dc:date``, ``published`` or ``updated``, as written
(:func:`accord.read.clean.normalize_date` reads RFC 2822 and ISO 8601).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from accord.errors import ReadError

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["FeedItem", "is_http_url", "parse_feed"]

_ROOTS = {"rss": "RSS", "RDF": "RSS 1.0", "feed": "Atom"}
_ITEMS = ("item", "entry")  # RSS (0.9x, 1.0, 2.0) and Atom
_DATES = ("pubDate", "date", "published", "updated", "issued", "modified")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: the absolute URL of its page, with the title and the date the feed
    gives it (None where it gives none)."""

    url: str
    title: str | None = None
    published: str | None = None


def is_http_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http`` or ``https`` URL with a host."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # a malformed IPv6 host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def parse_feed(data: bytes, url: str) -> list[FeedItem | ReadError]:
    """The items of the feed ``data`` fetched from ``url``, in feed order, each link once.

    An item without a link, or whose link is not ``http(s)``, is a :class:`ReadError` in its
    place (path ``URL#N``, N counted from 1). Raises :class:`ReadError` if ``data`` is no RSS or
    Atom feed.
    """
    root = _root(data, url)
    found: list[FeedItem | ReadError] = []
    seen: set[str] = set()
    for number, item in enumerate(_items(root), start=1):
        link = _link(item)
        if link is None:
            found.append(ReadError(f"{url}#{number}", "feed item without a link"))
        elif not is_http_url(link):
            found.append(ReadError(f"{url}#{number}", f"feed item link is not http(s): {link}"))
        elif link not in seen:
            seen.add(link)
            found.append(FeedItem(link, _text(_child(item, "title")), _date(item)))
    return found


def _root(data: bytes, url: str) -> _Element:
    """The root element of the feed ``data``; a :class:`ReadError` if it is none."""
    from lxml import etree  # a dependency of trafilatura; loaded when a feed is read

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser, base_url=url)
    except etree.XMLSyntaxError as exc:
        raise ReadError(url, f"not an RSS or Atom feed: {exc}") from exc
    if root is None:
        raise ReadError(url, "not an RSS or Atom feed: no XML element")
    name = _local(root)
    if name not in _ROOTS:
        raise ReadError(url, f"not an RSS or Atom feed: its root element is <{name}>")
    return root


def _local(element: _Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # a processing instruction or an entity left as it is
        return ""
    return tag.rsplit("}", 1)[-1]


def _items(root: _Element) -> list[_Element]:
    return [e for e in root.iter() if _local(e) in _ITEMS]


def _child(item: _Element, name: str) -> _Element | None:
    return next((e for e in item if _local(e) == name), None)


def _text(element: _Element | None) -> str | None:
    """The text of ``element`` and its descendants, spaces collapsed; None if empty."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _link(item: _Element) -> str | None:
    """The absolute URL of the item's page, or None."""
    atom = [e for e in item if _local(e) == "link" and e.get("href")]
    chosen = next((e for e in atom if e.get("rel", "alternate") == "alternate"), None)
    if chosen is not None:
        return _absolute(chosen, chosen.get("href", ""))
    link = _text(_child(item, "link"))
    if link:
        return _absolute(item, link)
    guid = _child(item, "guid")
    permalink = guid is not None and guid.get("isPermaLink", "true").lower() == "true"
    text = _text(guid)
    if permalink and text and is_http_url(text):
        return text
    return None


def _absolute(element: _Element, href: str) -> str:
    base = element.base
    return urljoin(base, href.strip()) if base else href.strip()


def _date(item: _Element) -> str | None:
    for name in _DATES:
        text = _text(_child(item, name))
        if text:
            return text
    return None
