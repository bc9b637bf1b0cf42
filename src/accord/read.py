"""Read articles from files, folders, globs, JSONL, HTML and stdin: the READ stage.

:func:`read_paths` turns the inputs of ``accord ingest`` into :class:`~accord.records.Article`
values, in input order, and yields a :class:`~accord.errors.ReadError` value (not raised) for
each input that cannot be read, so that one bad file or line never stops a batch:

- a file: ``.jsonl``/``.ndjson`` one article per line (``id``, ``text``, ``published``, ``url``,
  ``source``, ``title``, ``language``; only ``text`` is required), ``.json`` one object, a list
  of objects or JSON lines, ``.html``/``.htm`` main text through trafilatura, anything else a
  text document whose format (seed, Wikinews, plain) is sniffed;
- a folder: its files ending in :data:`READABLE_SUFFIXES`, recursively, sorted by path;
- a glob pattern (``data/**/*.txt``): the readable files it matches, sorted;
- ``-``: standard input, JSON lines if it looks like them, else one document.

:func:`read_text` reads one document held in memory. Bytes are decoded by
:func:`decode_bytes`: UTF-8 (BOM stripped), UTF-16/32 with a BOM, else a confident
charset-normalizer guess (a Latin-script guess is read as CP1252); NUL bytes mean binary.
:func:`content_id` is the article id, a hash of the raw text that does not depend on the file
it came from.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TextIO

from charset_normalizer import from_bytes
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from accord.clean import clean_text, normalize_date, sniff_format
from accord.errors import ReadError
from accord.records import Article

__all__ = [
    "LANGUAGES",
    "READABLE_SUFFIXES",
    "content_id",
    "decode_bytes",
    "detect_language",
    "read_paths",
    "read_text",
]

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "vi", "nl")
"""The languages :func:`detect_language` chooses from."""

READABLE_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".html", ".htm")
"""The file suffixes read from folders and glob patterns (a file named explicitly is read
whatever its suffix)."""

_TEXT_FORMATS = ("seed", "wikinews", "plain", "html")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def read_paths(
    paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[Article | ReadError]:
    """Yield one article per document of ``paths``, or a :class:`ReadError` for each failure.

    ``stdin`` is read for the path ``-`` (default: ``sys.stdin``).
    """
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin)
            continue
        path = Path(given)
        if path.is_file():
            yield from _read_file(given)
        elif path.is_dir():
            files = _walk(given)
            if not files:
                yield ReadError(given, f"no readable file ({', '.join(READABLE_SUFFIXES)})")
            for name in files:
                yield from _read_file(name)
        elif path.exists():
            yield ReadError(given, "not a regular file or folder")
        elif glob.has_magic(given):
            files = _expand_glob(given)
            if not files:
                yield ReadError(given, "no readable file matches this pattern")
            for name in files:
                yield from _read_file(name)
        else:
            yield ReadError(given, "no such file or directory")


def read_text(
    raw: str,
    path: str,
    *,
    fmt: str | None = None,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    source_id: str | None = None,
    language: str | None = None,
) -> Article:
    """Clean one document held in memory and return it as an article.

    ``fmt`` is ``"seed"``, ``"wikinews"``, ``"plain"``, ``"html"`` or None to sniff it. The
    keyword values (from a JSONL line, say) take precedence over what the text itself says;
    ``published`` is normalised by :func:`~accord.clean.normalize_date` (an impossible date
    gives way to the text's own date). Raises :class:`ReadError` if no text is left.
    """
    if fmt is not None and fmt not in _TEXT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(_TEXT_FORMATS)}")
    raw = raw.removeprefix("\ufeff")
    article_id = content_id(raw)
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        text, html_title, html_date, html_url = _extract_html(text, path)
        title, url = title or html_title, url or html_url
        published = published or html_date
        fmt = None
    cleaned = clean_text(text, fmt or sniff_format(text))
    if not cleaned.text:
        raise ReadError(path, "empty text")
    return Article(
        id=article_id,
        path=path,
        text=cleaned.text,
        published=(normalize_date(published) if published else None) or cleaned.published,
        language=language.strip().lower() if language else detect_language(cleaned.text),
        title=title or cleaned.title,
        source=source or cleaned.source,
        url=url,
        dateline_place=cleaned.dateline_place,
        captions=cleaned.captions,
        source_id=source_id,
    )


def decode_bytes(data: bytes, path: str) -> str:
    """Decode the bytes of a text file; raise :class:`ReadError` for binary or unknown bytes."""
    if not data:
        raise ReadError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"invalid {encoding} after its byte-order mark") from exc
    if b"\x00" in data:
        raise ReadError(path, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess_decode(data, path)
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(1, len(text) // 100):
        raise ReadError(path, "binary file (control characters)")
    return text


def content_id(raw: str) -> str:
    """The article id: 16 hex digits of the SHA-256 of the NFC, ``\\n``-normalised text."""
    normal = unicodedata.normalize("NFC", raw.removeprefix("\ufeff").replace("\r\n", "\n"))
    return hashlib.sha256(normal.strip().encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text``, among :data:`LANGUAGES`."""
    language, _score = _identifier(LANGUAGES).classify(text)
    return str(language)  # py3langid may give a numpy string


# --- helpers ------------------------------------------------------------------------------


class _Classifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]) -> _Classifier:
    """A py3langid identifier restricted to ``languages``, loaded once (about 1 s)."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(languages))
    classifier: _Classifier = identifier
    return classifier


def _guess_decode(data: bytes, path: str) -> str:
    """Decode non-UTF-8 bytes with charset-normalizer's least chaotic guess.

    Short texts do not tell the Latin code pages apart (``Hanoï`` reads as ``Hanoď`` in
    CP1250): a guess whose letters are all Latin is replaced by CP1252, the Western default.
    """
    matches = list(from_bytes(data))
    if not matches:
        raise ReadError(path, "undecodable bytes (not UTF-8, no confident encoding guess)")
    least_chaos = min(match.chaos for match in matches)
    guess = str(next(match for match in matches if match.chaos <= least_chaos))
    if all(unicodedata.name(ch, "").startswith("LATIN") for ch in guess if ch.isalpha()):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return guess


def _walk(folder: str) -> list[str]:
    """The readable files under ``folder``, sorted by path, hidden files and folders skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(root).relative_to(folder).parts
        for name in files:
            if not name.startswith(".") and name.lower().endswith(READABLE_SUFFIXES):
                found.append(((*rel, name), os.path.join(root, name)))
    return [name for _key, name in sorted(found)]


def _expand_glob(pattern: str) -> list[str]:
    """The readable files matching ``pattern`` (folders it matches are walked), sorted."""
    out: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            out.extend(_walk(match))
        elif os.path.isfile(match) and match.lower().endswith(READABLE_SUFFIXES):
            out.append(match)
    return out


def _read_file(path: str) -> Iterator[Article | ReadError]:
    try:
        data = Path(path).read_bytes()
        text = decode_bytes(data, path)
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    except ReadError as exc:
        yield exc
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(text, path)
    elif suffix == ".json":
        yield from _read_json(text, path)
    else:
        yield _read_one(text, path, "html" if suffix in (".html", ".htm") else None)


def _read_stdin(stdin: TextIO | None) -> Iterator[Article | ReadError]:
    try:
        text = _stdin_text(stdin)
    except ReadError as exc:
        yield exc
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadError("-", f"cannot read standard input: {exc}")
        return
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{") or (first.startswith("[") and _is_json(text)):
        yield from _read_json(text, "-")
    else:
        yield _read_one(text, "-", None)


def _stdin_text(stdin: TextIO | None) -> str:
    """All of ``stdin``; ``sys.stdin`` is read as bytes and decoded like a file."""
    if stdin is not None:
        return stdin.read()
    if sys.stdin is None:
        raise ReadError("-", "no standard input")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.read()
    return decode_bytes(buffer.read(), "-")


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _read_one(text: str, path: str, fmt: str | None) -> Article | ReadError:
    if fmt is None and _looks_like_html(text):
        fmt = "html"
    try:
        return read_text(text, path, fmt=fmt)
    except ReadError as exc:
        return exc


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:100].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower()


def _read_json(text: str, path: str) -> Iterator[Article | ReadError]:
    """A JSON object, a JSON list of objects, or else JSON lines."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        yield from _read_jsonl(text, path)
        return
    if isinstance(value, dict):
        yield _read_record(value, path)
    elif isinstance(value, list):
        if not value:
            yield ReadError(path, "empty JSON list")
        for number, item in enumerate(value, start=1):
            yield _read_record(item, f"{path}:{number}")
    else:
        yield ReadError(path, "JSON value is neither an object nor a list of objects")


def _read_jsonl(text: str, path: str) -> Iterator[Article | ReadError]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        yield ReadError(path, "empty text")
    for number, line in lines:
        where = f"{path}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _read_record(value, where)


def _read_record(value: object, where: str) -> Article | ReadError:
    """One article from a JSON object with ``text`` and optional metadata."""
    if not isinstance(value, dict):
        return ReadError(where, "not a JSON object")
    text = value.get("text")
    if not isinstance(text, str):
        return ReadError(where, 'no "text" string')
    try:
        return read_text(
            text,
            where,
            published=_field(value, "published"),
            title=_field(value, "title"),
            source=_field(value, "source"),
            url=_field(value, "url"),
            source_id=_field(value, "id"),
            language=_field(value, "language"),
        )
    except ReadError as exc:
        return exc


def _field(record: dict[str, Any], key: str) -> str | None:
    """A scalar field as a non-empty string, else None."""
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value).strip() or None


def _extract_html(html: str, path: str) -> tuple[str, str | None, str | None, str | None]:
    """Main text (one paragraph per line), title, date and URL of an HTML page, offline."""
    try:
        import trafilatura  # heavy: imported only when a page is read
    except ImportError as exc:
        raise ReadError(path, f"HTML needs trafilatura, which cannot be imported: {exc}") from exc
    text = trafilatura.extract(html, include_comments=False)
    if not text or not text.strip():
        raise ReadError(path, "no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    paragraphs = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    if meta is None:
        return paragraphs, None, None, None
    return paragraphs, meta.title or None, meta.date or None, meta.url or None
