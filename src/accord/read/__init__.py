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

A file, a JSONL line or standard input larger than ``max_bytes`` (:data:`MAX_BYTES` by
default) is an error, checked before it is read into memory.

:func:`read_text` reads one document held in memory. Bytes are decoded by
:func:`~accord.read.decode.decode_bytes` (UTF-8, UTF-16/32, code-page guesses; binary files are an
error). What reading repaired or ignored (invalid bytes, an impossible date, paragraphs in
another language) is listed in :attr:`Article.warnings`.
:func:`content_id` is the article id, a hash of the raw text that does not depend on the file
it came from.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from accord.errors import ReadError
from accord.read.clean import clean_text, normalize_date, sniff_format
from accord.read.decode import _decode, _plain_utf8
from accord.records import Article

__all__ = [
    "LANGUAGES",
    "MAX_BYTES",
    "READABLE_SUFFIXES",
    "content_id",
    "count_documents",
    "detect_language",
    "read_bytes",
    "read_paths",
    "read_record",
    "read_text",
]

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "vi", "nl")
"""The languages :func:`detect_language` chooses from."""

READABLE_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".html", ".htm")
"""The file suffixes read from folders and glob patterns (a file named explicitly is read
whatever its suffix)."""

MAX_BYTES = 10_000_000
"""The default size limit of :func:`read_paths`: a file (a line of a JSONL file, standard
input) larger than this is a :class:`ReadError` and is never read into memory whole."""

_TEXT_FORMATS = ("seed", "wikinews", "plain", "html")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CHUNK = 1 << 20  # bytes read at a time when skipping the rest of an over-long line
_ONE_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_HEAD = 1 << 16  # bytes of a JSONL file sniffed before it is streamed line by line


def read_paths(
    paths: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = MAX_BYTES,
    skipped: Callable[[str, str], object] | None = None,
) -> Iterator[Article | ReadError]:
    """Yield one article per document of ``paths``, or a :class:`ReadError` for each failure.

    ``stdin`` is read for the path ``-`` (default: ``sys.stdin``). ``max_bytes`` (0: no limit)
    bounds what is read into memory at once: a file, standard input, or one line of a JSONL
    file (which is streamed) larger than that is a :class:`ReadError` naming the limit. In a
    folder, a text file that is no article (a licence, a list of URLs or tab-separated rows:
    :func:`not_an_article`) is skipped and passed to ``skipped`` with the reason; a file named
    explicitly is always read.
    """
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin, max_bytes)
            continue
        path = Path(given)
        if path.is_file():
            yield from _read_file(given, max_bytes)
        elif path.is_dir():
            files = _walk(given)
            if not files:
                yield ReadError(given, f"no readable file ({', '.join(READABLE_SUFFIXES)})")
            for name in files:
                reason = not_an_article(name)
                if reason is not None:
                    if skipped is not None:
                        skipped(name, f"skipped: {reason}")
                    continue
                yield from _read_file(name, max_bytes)
        elif path.exists():
            yield ReadError(given, "not a regular file or folder")
        elif glob.has_magic(given):
            files = _expand_glob(given)
            if not files:
                yield ReadError(given, "no readable file matches this pattern")
            for name in files:
                yield from _read_file(name, max_bytes)
        else:
            yield ReadError(given, "no such file or directory")


def count_documents(paths: Sequence[str]) -> int | None:
    """How many items :func:`read_paths` yields for ``paths``, known from the paths (only the
    head of a folder's text files is read, for :func:`not_an_article`): one per text or HTML
    file, one per path that reads as an error. None when
    it depends on the contents: a JSON or JSONL file, another suffix, standard input."""
    total = 0
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        if path.is_file():
            files = [given]
        elif path.is_dir():
            files = [name for name in _walk(given) if not_an_article(name) is None]
        elif glob.has_magic(given) and not path.exists():
            files = _expand_glob(given)
        else:
            files = []  # a ReadError
        if any(not name.lower().endswith(_ONE_DOCUMENT_SUFFIXES) for name in files):
            return None
        total += len(files) or 1
    return total


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
    ``published`` is normalised by :func:`~accord.read.clean.normalize_date` (an impossible date
    gives way to the text's own date). An impossible date, there or in the text's header
    (``date 2024-13-45``), is ignored and named in :attr:`Article.warnings`. Raises
    :class:`ReadError` if no text is left (an article made only of photo captions).
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
        if cleaned.captions:
            raise ReadError(path, f"no article text: only photo captions ({len(cleaned.captions)}"
                                  " removed)")
        raise ReadError(path, "empty text")
    warnings = list(cleaned.warnings)
    date = normalize_date(published) if published else None
    if published and date is None:
        warnings.append(f"impossible published date {published!r} ignored")
    language = language.strip().lower() if language else detect_language(cleaned.text)
    if mixed := _other_languages(cleaned.text, language):
        warnings.append(mixed)
    return Article(
        id=article_id,
        path=path,
        text=cleaned.text,
        published=date or cleaned.published,
        language=language,
        title=title or cleaned.title,
        source=source or cleaned.source,
        url=url,
        dateline_place=cleaned.dateline_place,
        captions=cleaned.captions,
        source_id=source_id,
        warnings=tuple(warnings),
    )


def _other_languages(text: str, language: str) -> str | None:
    """A warning when paragraphs of ``text`` (prose of 15 words or more, the first 50) are in
    another language than the article's: they are coded with the article's rules."""
    paragraphs = [p for p in text.split("\n\n") if len(_WORD.findall(p)) >= 15][:50]
    if len(paragraphs) < 2:
        return None
    others = [found for p in paragraphs if (found := detect_language(p)) != language]
    if not others:
        return None
    names = ", ".join(sorted(set(others)))
    return (f"mixed languages: {len(others)} of {len(paragraphs)} paragraphs read as {names}, "
            f"coded as {language}")


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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(languages))
    classifier: _Classifier = identifier
    return classifier


_LICENCE_NAMES = ("license", "licence", "copying", "notice")
_LIST_SHARE = 0.8  # share of a file's lines holding a URL or a tab that makes it a list
_SENTENCE_WORDS = 4  # words of the longest sentence under which a file holds no sentence


def not_an_article(path: str) -> str | None:
    """Why the text file ``path`` is no article, or None: a licence (by its name), a list
    whose lines are URLs or tab-separated rows (by its first 8 KB), or a text without a single
    sentence of four words (a lone title, a list of tags). An empty file is read, and fails as
    such. Other suffixes are None."""
    if Path(path).suffix.lower() != ".txt":
        return None
    if Path(path).stem.lower().startswith(_LICENCE_NAMES):
        return "a licence file"
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return None  # reading reports it
    if "\x00" in head or "\ufffd" in head:
        return None  # binary or not UTF-8: reading decodes it or reports it
    lines = [line for line in head.splitlines() if line.strip()]
    listed = sum(1 for line in lines if "\t" in line or "://" in line)
    if len(lines) >= 3 and listed >= _LIST_SHARE * len(lines):
        return "a list of URLs or tab-separated rows"
    longest = max((len(re.findall(r"\w+", part)) for part in re.split(r"[.!?…\n]+", head)),
                  default=0)
    if lines and longest < _SENTENCE_WORDS:  # an empty file is reported as a failure
        return "almost no text (no sentence of four words)"
    return None


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


def _read_file(path: str, max_bytes: int) -> Iterator[Article | ReadError]:
    if Path(path).suffix.lower() in _JSONL_SUFFIXES:
        yield from _stream_jsonl(path, max_bytes)
        return
    try:
        size = os.path.getsize(path)
        if max_bytes and size > max_bytes:
            yield ReadError(path, _too_big(f"{size:,} bytes", max_bytes))
            return
        data = Path(path).read_bytes()
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, path)


def _too_big(what: str, max_bytes: int) -> str:
    return (f"{what}, over the size limit of {max_bytes:,} bytes (raise it with --max-bytes; "
            "a .jsonl file is read line by line)")


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line longer than ``max_bytes`` (0: no limit),
    which is skipped without being held in memory."""
    while line := (fh.readline(max_bytes + 1) if max_bytes else fh.readline()):
        if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(_CHUNK)
            yield None
        else:
            yield line


def _stream_jsonl(path: str, max_bytes: int) -> Iterator[Article | ReadError]:
    """A JSONL file read line by line, so that a corpus in one file is never held in memory
    whole. A file whose first 64 KiB are not text (a UTF-16/32 byte-order mark, NUL or
    control bytes) is read whole by :func:`read_bytes` as before; a line that is not UTF-8 is
    decoded alone as :func:`~accord.read.decode.decode_bytes` does (files mixing encodings line by
    line exist)."""
    found = False
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
            if not _plain_utf8(head):
                size = os.fstat(fh.fileno()).st_size
                if max_bytes and size > max_bytes:
                    yield ReadError(path, _too_big(f"{size:,} bytes, not plain UTF-8,", max_bytes))
                    return
                yield from read_bytes(head + fh.read(), path)
                return
            fh.seek(0)
            for number, raw in enumerate(_lines(fh, max_bytes), start=1):
                where = f"{path}:{number}"
                if raw is None:
                    found = True
                    yield ReadError(where, _too_big("line", max_bytes))
                    continue
                warnings: tuple[str, ...] = ()
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        line, warnings = _decode(raw, where)
                    except ReadError as exc:
                        yield exc
                        continue
                line = line.rstrip("\r\n")
                line = line.removeprefix("\ufeff") if number == 1 else line
                if line.strip():
                    found = True
                    yield from _warned(iter([_jsonl_line(line, where)]), warnings)
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    if not found:
        yield ReadError(path, "empty text")


def read_bytes(data: bytes, path: str) -> Iterator[Article | ReadError]:
    """The articles of a file's bytes, read as :func:`read_paths` reads the file ``path``
    (its suffix says JSONL, JSON, HTML or text); errors are yielded, not raised."""
    try:
        text, warnings = _decode(data, path)
    except ReadError as exc:
        yield exc
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        items = _read_jsonl(text, path)
    elif suffix == ".json":
        items = _read_json(text, path)
    else:
        items = iter([_read_one(text, path, "html" if suffix in (".html", ".htm") else None)])
    yield from _warned(items, warnings)


def _warned(
    items: Iterator[Article | ReadError], warnings: tuple[str, ...]
) -> Iterator[Article | ReadError]:
    """``items``, with ``warnings`` (from decoding their bytes) added to each article's."""
    for item in items:
        if warnings and isinstance(item, Article):
            item = replace(item, warnings=warnings + item.warnings)
        yield item


def _read_stdin(stdin: TextIO | None, max_bytes: int) -> Iterator[Article | ReadError]:
    try:
        text, warnings = _stdin_text(stdin, max_bytes)
    except ReadError as exc:
        yield exc
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadError("-", f"cannot read standard input: {exc}")
        return
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{") or (first.startswith("[") and _is_json(text)):
        yield from _warned(_read_json(text, "-"), warnings)
    else:
        yield from _warned(iter([_read_one(text, "-", None)]), warnings)


def _stdin_text(stdin: TextIO | None, max_bytes: int) -> tuple[str, tuple[str, ...]]:
    """All of ``stdin`` (at most ``max_bytes``) and the warnings of its decoding;
    ``sys.stdin`` is read as bytes and decoded like a file."""
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        raise ReadError("-", "no standard input")
    buffer = getattr(stream, "buffer", None) if stdin is None else None
    data = (buffer or stream).read(max_bytes + 1 if max_bytes else -1)
    if max_bytes and len(data) > max_bytes:
        raise ReadError("-", _too_big("standard input", max_bytes))
    return _decode(data, "-") if isinstance(data, bytes) else (data, ())


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
    """JSON lines held in memory. Lines end at ``\n`` only: JSON strings may hold U+2028 or
    U+0085 unescaped, which :meth:`str.splitlines` would take for line ends."""
    numbered = enumerate(text.split("\n"), start=1)
    lines = [(n, line.removesuffix("\r")) for n, line in numbered if line.strip()]
    if not lines:
        yield ReadError(path, "empty text")
    for number, line in lines:
        yield _jsonl_line(line, f"{path}:{number}")


def _jsonl_line(line: str, where: str) -> Article | ReadError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    return _read_record(value, where)


def read_record(value: object, where: str) -> Article | ReadError:
    """One article from a record (a JSON object, a table row as a dict) with ``text`` and
    optional ``id``, ``published``, ``title``, ``source``, ``url``, ``language``, as a JSONL
    line is read; ``where`` is its path ("FILE:LINE")."""
    return _read_record(value, where)


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
    try:
        text = trafilatura.extract(html, include_comments=False)
        meta = trafilatura.extract_metadata(html) if text and text.strip() else None
    except Exception as exc:  # a third-party parser on untrusted input
        raise ReadError(path, f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    if not text or not text.strip():
        if _too_deep(html):
            raise ReadError(path, "HTML nested too deeply (over 256 levels, the limit of the "
                                  "libxml2 parser): no main text found")
        raise ReadError(path, "no main text found in the HTML page")
    paragraphs = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    if meta is None:
        return paragraphs, None, None, None
    return paragraphs, meta.title or None, meta.date or None, meta.url or None


def _too_deep(html: str) -> bool:
    """Whether libxml2 stopped parsing ``html`` at its nesting limit (256 elements)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    with contextlib.suppress(lxml.etree.LxmlError, ValueError):  # only the error log matters
        lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    return any("Excessive depth" in entry.message for entry in parser.error_log)
