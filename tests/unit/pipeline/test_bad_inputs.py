"""Bad inputs: each is read, repaired with a warning, or reported with a clear reason, and the
batch goes on. The table of docs/RESULTS.md ("Bad input") lists the same cases.

Big and binary files are generated in ``tmp_path``; only the end-to-end test at the bottom
needs the real model.
"""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import tracemalloc
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from accord import pipeline
from accord.cli import cli
from accord.errors import ReadError
from accord.read import MAX_BYTES, detect_language, read_paths, read_text
from accord.read.decode import decode_bytes
from accord.records import Article

GOOD = (
    "Hanoï (VNA) - Le général To Lam, ministre de la Sécurité publique, a reçu le 10 janvier "
    "à Hanoï le vice-ministre chinois de la Sécurité publique, Chen Siyuan. Les deux parties "
    "ont signé un protocole d'accord sur la coopération. -VNA"
)
SEED = "date 2024-01-10\n\n" + GOOD
ACCENTED = "L’accord « historique » a été signé à Hanoï… œuvre commune, 5 € par an."
ENGLISH = (
    "The two ministers signed a memorandum of understanding on Monday in Hanoi, and the United "
    "States welcomed the agreement between the two countries as a step towards peace."
)


def read_one(path: Path, **kwargs: int) -> Article | ReadError:
    (item,) = list(read_paths([str(path)], **kwargs))
    return item


def article(item: Article | ReadError) -> Article:
    assert isinstance(item, Article), item
    return item


def error(item: Article | ReadError) -> ReadError:
    assert isinstance(item, ReadError), item
    return item


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- empty and binary files ---------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert error(read_one(write(tmp_path, "empty.txt", b""))).reason == "empty file"


def test_whitespace_file(tmp_path: Path) -> None:
    assert error(read_one(write(tmp_path, "blank.txt", "  \n\n\t"))).reason == "empty text"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive: .docx, .odt, .epub or .zip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    ],
)
def test_known_binary_formats(tmp_path: Path, head: bytes, kind: str) -> None:
    item = read_one(write(tmp_path, "file.txt", head + bytes(range(256))))
    assert error(item).reason == f"binary file, not text ({kind})"


def test_random_binary_with_nul_bytes(tmp_path: Path) -> None:
    data = bytes((i * 7919) % 256 for i in range(4096))
    assert error(read_one(write(tmp_path, "blob.bin", data))).reason == (
        "binary file, not text (NUL bytes)"
    )


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = b"ok " + bytes(range(1, 32)) * 20
    assert error(read_one(write(tmp_path, "ctl.txt", data))).reason == (
        "binary file, not text (control characters)"
    )


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-be-bom", "utf-8-sig",
                                      "utf-32", "utf-16-le-nobom", "utf-16-be-nobom"])
def test_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = SEED + "\n\n" + (ACCENTED if encoding != "latin-1" else "Déjà vu à l'été, Hanoï.")
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    elif encoding.endswith("-nobom"):
        data = text.encode(encoding.removesuffix("-nobom"))
    else:
        data = text.encode(encoding)
    item = article(read_one(write(tmp_path, f"{encoding}.txt", data)))
    assert item.text.endswith(text.rsplit("\n\n", 1)[1])
    assert item.published == "2024-01-10" and item.warnings == ()


def test_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    raw = GOOD.encode("utf-8")
    data = raw[:40] + b"\xff\xc3(" + raw[40:]  # a stray byte and a cut two-byte sequence
    item = article(read_one(write(tmp_path, "damaged.txt", data)))
    assert "\ufffd\ufffd(" in item.text and "Sécurité" in item.text  # not read as CP1252
    assert item.warnings == (
        "invalid UTF-8: 2 byte sequences replaced by U+FFFD (the first at byte 40)",
    )


def test_bytes_that_are_not_utf8_at_all_are_guessed() -> None:
    assert decode_bytes(ACCENTED.encode("cp1252"), "x") == ACCENTED  # no valid UTF-8 sequence


# --- size limits --------------------------------------------------------------------------


def _fifty_megabytes(path: Path) -> None:
    paragraph = ("Le ministre a rencontré son homologue à Paris pour parler de coopération. " * 13
                 + "\n\n").encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(50 * 2**20 // len(paragraph) + 1):
            fh.write(paragraph)


def _peak(run: Callable[[], object]) -> int:
    """The peak of Python allocations while ``run`` runs (the language model loaded before)."""
    detect_language(GOOD)
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_fifty_megabyte_text_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    _fifty_megabytes(path)
    size = path.stat().st_size
    items: list[Article | ReadError] = []
    peak = _peak(lambda: items.extend(read_paths([str(path)])))
    assert error(items[0]).reason == (
        f"{size:,} bytes, over the size limit of {MAX_BYTES:,} bytes (raise it with "
        "--max-bytes; a .jsonl file is read line by line)"
    )
    assert len(items) == 1 and peak < 2**20  # the file was never read


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", SEED)
    assert "over the size limit of 100 bytes" in error(read_one(path, max_bytes=100)).reason
    assert article(read_one(path, max_bytes=len(SEED.encode()))).published == "2024-01-10"
    assert article(read_one(path, max_bytes=0)).published == "2024-01-10"  # 0: no limit


def test_over_long_jsonl_line_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    long_line = json.dumps({"text": GOOD * 40_000})  # about 7 MB
    lines = [json.dumps({"text": GOOD}), long_line, json.dumps({"text": GOOD + " Fin."})]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    items: list[Article | ReadError] = []
    peak = _peak(lambda: items.extend(read_paths([str(path)], max_bytes=10_000)))
    assert [item.path for item in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert error(items[1]).reason.startswith("line, over the size limit of 10,000 bytes")
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert peak < 4 * 2**20  # skipped by 1 MiB chunks, never held whole


def test_json_file_over_the_limit_points_to_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path, "all.json", json.dumps([{"text": GOOD}] * 20))
    assert "a .jsonl file is read line by line" in error(read_one(path, max_bytes=1000)).reason


def test_standard_input_over_the_limit() -> None:
    (item,) = list(read_paths(["-"], stdin=io.StringIO(SEED), max_bytes=50))
    assert error(item).reason.startswith("standard input, over the size limit of 50 bytes")


def test_text_longer_than_the_parser_takes_is_a_document_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nlp = spacy.blank("fr")
    nlp.max_length = 1000
    monkeypatch.setattr(pipeline, "load_pipeline", lambda lang="fr", model=None: nlp)
    long = Article(id="x", path="long.txt", text="a " * 600, published=None, language="fr")
    (item,) = list(pipeline.extract([long]))
    assert error(item).reason == (
        "text too long to parse: 1,200 characters, over the parser's limit of 1,000 (spaCy's "
        "nlp.max_length); split the article"
    )


# --- HTML ---------------------------------------------------------------------------------


def test_deeply_nested_html(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 100_000 + f"<p>{GOOD}</p>" + "</div>" * 100_000 + "</body></html>"
    item = read_one(write(tmp_path, "deep.html", page))
    assert error(item).reason == (
        "HTML nested too deeply (over 256 levels, the limit of the libxml2 parser): no main "
        "text found"
    )


def test_html_nested_within_the_limit_is_read(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 200 + f"<p>{GOOD}</p>" + "</div>" * 200 + "</body></html>"
    assert "Chen Siyuan" in article(read_one(write(tmp_path, "ok.html", page))).text


def test_huge_html_page(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraphe {i} : les ministres ont parlé de coopération.</p>\n"
                   for i in range(2000))
    page = f"<html><head><title>Titre</title></head><body><article>{body}</article></body></html>"
    item = article(read_one(write(tmp_path, "huge.html", page)))
    assert item.text.count("Paragraphe") == 2000 and item.title == "Titre"


def test_html_extraction_crash_is_a_document_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", explode)
    item = read_one(write(tmp_path, "page.html", f"<html><body><p>{GOOD}</p></body></html>"))
    assert error(item).reason == (
        "HTML extraction failed: RecursionError: maximum recursion depth exceeded"
    )


# --- JSONL --------------------------------------------------------------------------------


def test_malformed_jsonl_lines_are_reported_with_their_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "b", "text": "broken',
        "not json at all",
        "",
        json.dumps({"id": "c"}),
        json.dumps([1, 2]),
        json.dumps({"id": "d", "text": GOOD + " Encore."}),
    ]
    path = write(tmp_path, "mixed.jsonl", "\r\n".join(lines) + "\r\n")
    items = list(read_paths([str(path)]))
    got = [(item.path.rsplit(":", 1)[1], getattr(item, "reason", "ok")) for item in items]
    assert got == [
        ("1", "ok"),
        ("2", "invalid JSON: Unterminated string starting at (column 21)"),
        ("3", "invalid JSON: Expecting value (column 1)"),
        ("5", 'no "text" string'),
        ("6", "not a JSON object"),
        ("7", "ok"),
    ]


def test_jsonl_line_of_nul_bytes_is_that_line_s_error(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{GOOD} ({n})"}).encode() for n in range(40)]
    lines[20] = b"\x00" * 60  # a block of the file zeroed by a crash
    path = write(tmp_path, "crash.jsonl", b"\n".join(lines) + b"\n")
    items = list(read_paths([str(path)]))
    assert [i.path for i in items if isinstance(i, ReadError)] == [f"{path}:21"]
    assert sum(isinstance(i, Article) for i in items) == 39


def test_jsonl_with_unicode_line_separators_in_strings(tmp_path: Path) -> None:
    """U+2028 and U+0085 may stand unescaped in JSON strings: they do not end a line."""
    lines = [json.dumps({"text": GOOD + sep + "Fin."}, ensure_ascii=False)
             for sep in ("\u2028", "\x85", "\x0c")]
    path = write(tmp_path, "seps.json", "\n".join(lines))  # .json: read whole, not streamed
    stdin = list(read_paths(["-"], stdin=io.StringIO("\n".join(lines))))
    for items, where in ((list(read_paths([str(path)])), str(path)), (stdin, "-")):
        assert [i.path for i in items] == [f"{where}:1", f"{where}:2", f"{where}:3"]
        assert all(article(i).text.endswith("Fin.") for i in items)


def test_jsonl_line_in_another_encoding(tmp_path: Path) -> None:
    good = json.dumps({"text": GOOD}, ensure_ascii=False).encode("utf-8")
    latin = json.dumps({"text": "Déjà vu à l'été à Hanoï."}, ensure_ascii=False).encode("cp1252")
    path = write(tmp_path, "enc.jsonl", good + b"\n" + latin + b"\n")
    first, second = list(read_paths([str(path)]))
    assert article(second).text == "Déjà vu à l'été à Hanoï."
    assert article(first).text.startswith("Le général")


# --- dates, captions, languages -----------------------------------------------------------


def test_impossible_header_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    item = article(read_one(write(tmp_path, "d.txt", "date 2024-13-45\n\n" + GOOD)))
    assert item.published is None and item.text.startswith("Le général")
    assert item.warnings == ("impossible date '2024-13-45' in the header line ignored",)


def test_impossible_wikinews_dateline_is_ignored_with_a_warning() -> None:
    item = read_text("Titre\n\n31 février 2016 . – " + GOOD, "w.txt")
    assert item.published is None and item.title == "Titre"
    assert item.warnings == ("impossible date '31 février 2016' in the dateline ignored",)


def test_impossible_published_field_gives_way_to_the_header(tmp_path: Path) -> None:
    line = json.dumps({"text": SEED, "published": "2024-02-30"})
    item = article(read_one(write(tmp_path, "p.jsonl", line)))
    assert item.published == "2024-01-10"
    assert item.warnings == ("impossible published date '2024-02-30' ignored",)


def test_article_made_only_of_captions(tmp_path: Path) -> None:
    raw = ("date 2024-01-10 Le ministre To Lam reçoit Chen Siyuan. Photo: VNA\n\n"
           "Les deux ministres à Hanoï. Photo: VNA\n")
    assert error(read_one(write(tmp_path, "c.txt", raw))).reason == (
        "no article text: only photo captions (2 removed)"
    )


def test_mixed_language_text(tmp_path: Path) -> None:
    item = article(read_one(write(tmp_path, "m.txt", GOOD + "\n\n" + ENGLISH)))
    assert item.language == "fr"
    assert item.warnings == ("mixed languages: 1 of 2 paragraphs read as en, coded as fr",)


def test_english_text(tmp_path: Path) -> None:
    item = article(read_one(write(tmp_path, "e.txt", ENGLISH)))
    assert item.language == "en" and item.warnings == ()


def test_no_traceback_for_odd_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02" * 10)))
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    items = list(read_paths(["-", str(folder), str(tmp_path / "nope.txt")]))
    assert [error(i).reason for i in items] == [
        "binary file, not text (NUL bytes)",
        "no readable file (.txt, .jsonl, .ndjson, .json, .html, .htm)",
        "no such file or directory",
    ]


# --- end to end ---------------------------------------------------------------------------

GOOD_2 = (
    "date 2024-02\n\nParis (AFP) - Le président français a reçu le 5 février à l'Élysée le "
    "Premier ministre vietnamien. Les deux dirigeants ont signé un accord de partenariat. -AFP"
)


def _bad_batch(tmp_path: Path) -> dict[str, str]:
    """The failing inputs of a batch → the reason each must be reported with."""
    deep = "<html><body>" + "<div>" * 1000 + "<p>Texte.</p>" + "</div>" * 1000 + "</body></html>"
    files: dict[str, tuple[bytes | str, str]] = {
        "empty.txt": (b"", "empty file"),
        "scan.txt": (b"%PDF-1.4\n" + bytes(range(256)), "binary file, not text (PDF document)"),
        "blob.txt": (bytes(range(256)) * 4, "binary file, not text (NUL bytes)"),
        "big.txt": ("Un texte. " * 30_000, "300,000 bytes, over the size limit of 200,000 bytes"),
        "deep.html": (deep, "HTML nested too deeply"),
        "captions.txt": ("date 2024-01 Le ministre. Photo: VNA\n",
                         "no article text: only photo captions (1 removed)"),
        "lines.jsonl": ('{"text": "cassé\n', "invalid JSON: Unterminated string"),
    }
    for name, (data, _reason) in files.items():
        write(tmp_path, name, data)
    reasons = {str(tmp_path / name): reason for name, (_data, reason) in files.items()}
    reasons[f"{tmp_path / 'lines.jsonl'}:1"] = reasons.pop(str(tmp_path / "lines.jsonl"))
    return reasons


@pytest.mark.model
def test_ingest_batch_with_bad_files_stores_the_good_ones(tmp_path: Path) -> None:
    reasons = _bad_batch(tmp_path)
    good = [write(tmp_path, "good1.txt", SEED), write(tmp_path, "good2.txt", GOOD_2)]
    damaged = write(tmp_path, "latin.txt", ("date 2024-13-45\n\n" + GOOD).encode("cp1252"))
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["ingest", "-q", "--max-bytes", "200000", "--db", str(db),
                                      str(tmp_path / "*.txt"), str(tmp_path / "*.html"),
                                      str(tmp_path / "*.jsonl")])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for path, reason in reasons.items():
        assert f"{path}: {reason}" in result.output
    assert f"warning: {damaged}: impossible date '2024-13-45' in the header line ignored" in (
        result.output)
    with closing(sqlite3.connect(db)) as conn:
        stored = {row[0] for row in conn.execute("SELECT path FROM documents")}
        failed = {row[0] for row in conn.execute("SELECT path FROM errors")}
    assert stored == {str(p) for p in (*good, damaged)}
    assert failed == set(reasons)


@pytest.mark.model
def test_extract_reports_each_bad_file_and_goes_on(tmp_path: Path) -> None:
    reasons = _bad_batch(tmp_path)
    good = write(tmp_path, "good1.txt", SEED)
    args = ["extract", "--max-bytes", "200000", *sorted(reasons), str(good)]
    args = [a.rsplit(":", 1)[0] if a.endswith(":1") else a for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    docs = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [d["path"] for d in docs] == [str(good)]
    assert docs[0]["published"] == "2024-01-10" and docs[0]["events"]
    for path, reason in reasons.items():
        assert f"error: {path}: {reason}" in result.output
