"""Readers on random input: bytes, texts, files of every suffix, JSONL with bad lines, stdin.

Nothing raises but the documented :class:`ReadError` (and, from :func:`read_paths`, nothing
raises at all: errors are yielded); every article has a non-empty cleaned text, a valid date
and a known language; a JSONL file keeps its good lines and reports each bad line by number.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from accord.errors import ReadError
from accord.read import LANGUAGES, read_paths, read_text
from accord.read.decode import decode_bytes
from accord.records import Article
from tests.fuzz.profiles import fuzz

REASONS = ("empty file", "binary file, not text (", "undecodable bytes", "invalid utf-")
SENTENCES = [
    "Le général To Lam a reçu le 10 janvier à Hanoï le vice-ministre chinois Chen Siyuan.",
    "Les deux parties ont signé un protocole d'accord sur la coopération.",
    "Plus de 100 pays ont participé à la conférence de Paris, a déclaré le ministre.",
    "Hôm nay trời đẹp quá.",
    "The two ministers met on Monday.",
]
PIECES = st.sampled_from([
    "date 2024-01-10\n", "date 2024-13-45 ", " date 2021-12 Photo: VNA\n", "Photo: VNA", "\n\n",
    "Hanoï (VNA) - ", "-VNA", "9 février 2016 . – ", "31 février 2016 . – ", "<html>", "<p>",
    "</p>", "<!DOCTYPE html><html><body>", "{", "}", '"text": ', "\r\n", "\ufeff", "\u2028",
    "\x85", "\x00", "%PDF-", *SENTENCES,
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=8))).map("".join))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "latin-1", "cp1251"]


@st.composite
def blobs(draw: st.DrawFn) -> bytes:
    """Random bytes, texts in various encodings, texts with damaged bytes."""
    kind = draw(st.sampled_from(["bytes", "encoded", "damaged"]))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    text = draw(TEXTS)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if kind == "damaged" and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


def check_article(item: Article, path: str) -> None:
    assert item.path.startswith(path)
    assert item.text and item.text == item.text.strip()
    assert item.language in LANGUAGES
    assert all(isinstance(w, str) and w for w in item.warnings)
    if item.published is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item.published), item.published
        parts = [int(p) for p in item.published.split("-")]
        date(parts[0], *(parts[1:] + [1, 1])[:2])  # a real day, month and year


@fuzz(ci=300)
@given(blobs())
def test_decode_bytes_returns_text_or_a_documented_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x")
    except ReadError as exc:
        assert exc.path == "x" and exc.reason.lower().startswith(REASONS), exc.reason
        return
    assert isinstance(text, str)


@fuzz(ci=300)
@given(st.text())
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"), "x")
    except ReadError as exc:  # binary-looking text: control characters, a PDF signature...
        assert exc.reason.startswith(("empty file", "binary file, not text (")), exc.reason
        return
    if "\x00" not in text:  # with NUL bytes, text can be read as UTF-16 without a BOM
        assert decoded == text.removeprefix("\ufeff")


@fuzz(ci=150)
@given(st.text(min_size=1), st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_text_with_a_byte_order_mark_round_trips(text: str, encoding: str) -> None:
    assume(not (encoding == "utf-16" and text.startswith("\x00")))  # FF FE 00 00: UTF-32
    try:
        decoded = decode_bytes(text.encode(encoding), "x")
    except ReadError as exc:
        assert exc.reason == "binary file, not text (control characters)", exc.reason
        return
    assert decoded == text


@fuzz(ci=300)
@given(TEXTS, st.sampled_from([None, "seed", "wikinews", "plain", "html"]))
def test_read_text_gives_an_article_or_a_read_error(raw: str, fmt: str | None) -> None:
    try:
        item = read_text(raw, "mem", fmt=fmt)
    except ReadError as exc:
        assert exc.path == "mem" and exc.reason
        return
    check_article(item, "mem")


@fuzz(ci=200)
@given(blobs(), st.sampled_from([".txt", ".jsonl", ".json", ".html", ".ndjson", ""]),
       st.sampled_from([0, 64, 10_000]))
def test_read_paths_never_raises(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, max_bytes: int
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_paths([str(path)], max_bytes=max_bytes))
    assert items
    for item in items:
        if isinstance(item, Article):
            check_article(item, str(path))
        else:
            assert isinstance(item, ReadError) and item.path.startswith(str(path)) and item.reason


# --- JSONL: the good lines are read, each bad line is reported by its number --------------

LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"))
GOOD_LINES = st.builds(
    lambda sentence, extra, fields: json.dumps(
        {"text": sentence + extra, **fields}, ensure_ascii=False),
    st.sampled_from(SENTENCES[:3]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
        lambda s: " " + s.replace("Photo", "photo")),
    st.dictionaries(st.sampled_from(["id", "published", "title", "source", "url"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=12), st.booleans()),
                    max_size=4),
)
BAD_LINES = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
        lambda s: s.strip() != "" and not s.lstrip().startswith("{")),
    st.sampled_from(['{"text": "cassé', '{"id": 1}', '{"text": 3}', "[1, 2]", '"texte"', "{}",
                     '{"text": ""}', '{"text": "Photo: VNA"}', "null", '{"text": "a"} x']),
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> list[tuple[str, bool]]:
    """Lines (text, good?): a good line first, then good, bad and blank lines."""
    first = draw(GOOD_LINES)
    rest = draw(st.lists(st.one_of(GOOD_LINES.map(lambda line: (line, True)),
                                   BAD_LINES.map(lambda line: (line, False)),
                                   st.just(("", False)), st.just(("  ", False))), max_size=12))
    return [(first, True), *rest]


def check_jsonl(items: list[Article | ReadError], lines: list[tuple[str, bool]], path: str) -> None:
    expected = [(f"{path}:{n}", good) for n, (line, good) in enumerate(lines, start=1)
                if line.strip()]
    assert [(item.path, isinstance(item, Article)) for item in items] == expected


@fuzz(ci=200)
@given(jsonl_files(), st.sampled_from(["\n", "\r\n"]))
def test_jsonl_file_keeps_good_lines_and_numbers_bad_ones(
    tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[str, bool]], newline: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "batch.jsonl"
    path.write_bytes(newline.join(line for line, _ in lines).encode("utf-8"))
    check_jsonl(list(read_paths([str(path)])), lines, str(path))


@fuzz(ci=200)
@given(jsonl_files())
def test_jsonl_on_stdin_is_read_like_a_file(lines: list[tuple[str, bool]]) -> None:
    assume(sum(1 for line, _ in lines if line.strip()) > 1)  # one object alone is a JSON file
    stream = io.StringIO("\n".join(line for line, _ in lines))
    check_jsonl(list(read_paths(["-"], stdin=stream)), lines, "-")
