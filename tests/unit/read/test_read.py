"""Unit tests of accord.read: paths, folders, globs, JSONL, stdin, HTML, encodings, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from accord.errors import ReadError
from accord.read import (
    LANGUAGES,
    content_id,
    count_documents,
    detect_language,
    read_paths,
    read_text,
)
from accord.read.decode import decode_bytes
from accord.records import Article

SHARED = Path(__file__).resolve().parents[4] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_2c123d201d5f5fb5.txt"
WIKINEWS = SHARED / "corpus" / "wikinews-fr"

FRENCH = (
    "Hanoï (VNA) - Le général To Lam, ministre de la Sécurité publique, a reçu le 10 janvier "
    "à Hanoï le vice-ministre chinois de la Sécurité publique, Chen Siyuan. -VNA"
)
ENGLISH = "Washington (Reuters) - The two ministers signed a memorandum of understanding on Monday."

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<title>Le Vietnam et la Chine renforcent leur coopération</title>
<meta property="og:url" content="https://example.org/articles/42">
<meta name="date" content="2024-01-10">
</head><body>
<nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article>
<h1>Le Vietnam et la Chine renforcent leur coopération</h1>
<p>Hanoï (VNA) - Le général To Lam, ministre de la Sécurité publique, a reçu le 10 janvier à
Hanoï le vice-ministre chinois de la Sécurité publique, Chen Siyuan.</p>
<p>Les deux parties ont échangé leurs points de vue sur les questions régionales et
internationales d'intérêt commun, et ont examiné les orientations de leur coopération.</p>
<p>A l'issue de la réunion, les deux vice-ministres ont signé un protocole d'accord sur la
coopération en matière de sécurité politique entre les deux ministères. -VNA</p>
</article>
<footer>Tous droits réservés</footer>
</body></html>
"""


def _articles(items: list[Article | ReadError]) -> list[Article]:
    assert all(isinstance(item, Article) for item in items), items
    return [item for item in items if isinstance(item, Article)]


def _errors(items: list[Article | ReadError]) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


def _trafilatura_works() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


# --- the real files -----------------------------------------------------------------------


@needs_shared
def test_seed_folder() -> None:
    articles = _articles(list(read_paths([str(SEEDS)])))
    assert [Path(a.path).name for a in articles] == [
        "000_2c123d201d5f5fb5.txt",
        "001_30a6577153054cda.txt",
    ]
    first = articles[0]
    assert first.path == str(SEED_000)
    assert first.language == "fr"
    assert first.published == "2021-12"
    assert first.source == "VNA"
    assert first.dateline_place == "Hanoï"
    assert len(first.captions) == 2
    assert first.text.startswith("La diplomatie du secteur")
    assert first.text.endswith("problèmes liés à la sécurité…")
    assert first.id == content_id(SEED_000.read_text(encoding="utf-8"))
    assert len(first.id) == 16 and int(first.id, 16) >= 0
    assert articles[1].published == "2024-01" and len(articles[1].captions) == 1


@needs_shared
def test_wikinews_file_and_glob() -> None:
    pattern = str(WIKINEWS / "2016_1*.txt")
    articles = _articles(list(read_paths([pattern])))
    names = [Path(a.path).name for a in articles]
    assert names == sorted(p.name for p in WIKINEWS.glob("2016_1*.txt")) and names
    for article in articles:
        assert article.language == "fr"
        assert article.published is not None and article.published.startswith("2016-1")
        assert article.title and article.text.startswith(article.title + "\n\n")


@needs_shared
def test_winer_folder_reads_only_texts() -> None:
    folder = SHARED / "data" / "winer-fr-2016" / "01"
    articles = _articles(list(read_paths([str(folder)])))
    assert len(articles) == len(list(folder.glob("*.txt")))  # the .ann files are skipped
    assert [a.path for a in articles] == sorted(a.path for a in articles)


@needs_shared
def test_same_id_from_txt_and_jsonl(tmp_path: Path) -> None:
    raw = SEED_000.read_text(encoding="utf-8")
    jsonl = tmp_path / "seeds.jsonl"
    jsonl.write_text(json.dumps({"id": "seed-000", "text": raw}) + "\n", encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(("\ufeff" + raw.replace("\n", "\r\n") + "\r\n").encode("utf-8"))
    from_txt, from_jsonl, from_crlf = _articles(
        list(read_paths([str(SEED_000), str(jsonl), str(crlf)]))
    )
    assert from_txt.id == from_jsonl.id == from_crlf.id
    assert from_txt.text == from_jsonl.text == from_crlf.text
    assert from_jsonl.path == f"{jsonl}:1" and from_jsonl.source_id == "seed-000"
    assert from_jsonl.published == "2021-12"  # from the seed header, JSONL gave none


# --- JSONL and JSON -----------------------------------------------------------------------


def test_jsonl_with_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": 7, "text": FRENCH, "published": "2024-01-10T08:30:00+07:00",
                    "url": "https://example.org/1", "source": "VNA", "title": "Visite"}),
        '{"id": 8, "text": "broken',
        "",
        json.dumps({"text": ENGLISH, "published": "2021-13-45", "language": "EN"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 9}),
        json.dumps({"text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [type(item).__name__ for item in items] == [
        "Article", "ReadError", "Article", "ReadError", "ReadError", "ReadError",
    ]
    first, error, english = items[0], items[1], items[2]
    assert isinstance(first, Article) and isinstance(error, ReadError)
    assert isinstance(english, Article)
    assert first.path == f"{path}:1" and first.source_id == "7"
    assert first.published == "2024-01-10"
    assert (first.title, first.url, first.source) == ("Visite", "https://example.org/1", "VNA")
    assert first.dateline_place == "Hanoï" and first.text.startswith("Le général To Lam")
    assert first.language == "fr"
    assert error.path == f"{path}:2" and "invalid JSON" in error.reason
    assert english.path == f"{path}:4"
    assert english.published is None and english.language == "en"
    assert [e.path for e in _errors(items)][1:] == [f"{path}:5", f"{path}:6", f"{path}:7"]


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": FRENCH, "published": "2024-01"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": FRENCH}, {"text": ENGLISH}]), encoding="utf-8")
    items = _articles(list(read_paths([str(one), str(many)])))
    assert [a.path for a in items] == [str(one), f"{many}:1", f"{many}:2"]
    assert items[0].published == "2024-01"


# --- stdin --------------------------------------------------------------------------------


def test_stdin_jsonl() -> None:
    stream = io.StringIO(json.dumps({"text": FRENCH}) + "\n{oops\n" + json.dumps({"text": ENGLISH}))
    items = list(read_paths(["-"], stdin=stream))
    assert [item.path for item in items] == ["-:1", "-:2", "-:3"]
    assert isinstance(items[1], ReadError)


def test_stdin_text_document() -> None:
    stream = io.StringIO(" date 2024-01-10 Le ministre. Photo: VNA\n\n" + FRENCH + "\n")
    (article,) = _articles(list(read_paths(["-"], stdin=stream)))
    assert article.path == "-"
    assert article.published == "2024-01-10"
    assert article.captions == ("Le ministre.",)
    assert article.source == "VNA"


def test_stdin_text_starting_with_a_bracket() -> None:
    stream = io.StringIO("[Mise à jour] " + FRENCH + "\n\n{Note} Fin.")
    (article,) = _articles(list(read_paths(["-"], stdin=stream)))
    assert article.path == "-" and article.text.startswith("[Mise à jour]")


def test_no_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (error,) = list(read_paths(["-"]))
    assert isinstance(error, ReadError) and error.reason == "no standard input"


def test_stdin_empty() -> None:
    (error,) = list(read_paths(["-"], stdin=io.StringIO("  \n")))
    assert isinstance(error, ReadError) and error.path == "-"


def test_stdin_bytes_default(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO(FRENCH.encode("utf-16"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="ascii"))
    (article,) = _articles(list(read_paths(["-"])))
    assert article.text.startswith("Le général")


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.skipif(not _trafilatura_works(), reason="trafilatura cannot be imported")
def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = _articles(list(read_paths([str(path)])))
    assert article.title == "Le Vietnam et la Chine renforcent leur coopération"
    assert article.published == "2024-01-10"
    assert article.url == "https://example.org/articles/42"
    assert article.language == "fr"
    assert "Accueil" not in article.text and "droits réservés" not in article.text
    assert "Le général To Lam" in article.text and "Hanoï (VNA)" not in article.text
    assert article.text.endswith("entre les deux ministères.")
    assert (article.source, article.dateline_place) == ("VNA", "Hanoï")
    assert article.id == content_id(PAGE)


def test_html_without_trafilatura_is_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    (error,) = list(read_paths([str(path)]))
    assert isinstance(error, ReadError) and "trafilatura" in error.reason


# --- folders, globs, missing paths --------------------------------------------------------


def test_folders_and_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in" / "b").mkdir(parents=True)
    (tmp_path / "in" / ".hidden").mkdir()
    (tmp_path / "in" / "b" / "2.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "in" / "a.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "c.TXT").write_text(FRENCH + " Encore.", encoding="utf-8")
    (tmp_path / "in" / "notes.ann").write_text("T1\tPerson 0 5\tHanoï", encoding="utf-8")
    (tmp_path / "in" / ".hidden" / "x.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    items = list(read_paths(["in", "in/**/*.txt", "empty", "nothing/*.txt", "missing.txt"]))
    assert [item.path for item in items] == [
        "in/b/2.txt", "in/c.TXT",  # folder: recursive, sorted, readable suffixes (no .md)
        "in/b/2.txt",  # glob: .txt only (case-sensitive pattern)
        "empty", "nothing/*.txt", "missing.txt",
    ]
    errors = _errors(items)
    assert [e.path for e in errors] == ["empty", "nothing/*.txt", "missing.txt"]
    assert "no such file" in errors[2].reason


def test_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "dispatch.text"
    path.write_text(FRENCH, encoding="utf-8")
    (article,) = _articles(list(read_paths([str(path)])))
    assert article.source == "VNA"


# --- encodings and unreadable files -------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = FRENCH + "\n\nL’accord « historique » a été signé… à l'été — œuvre commune."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    (article,) = _articles(list(read_paths([str(path)])))
    assert article.text.endswith("L’accord « historique » a été signé… à l'été — œuvre commune.")
    assert article.id == content_id(text)


def test_latin1_short_text() -> None:
    assert decode_bytes("Hanoï, déjà vu à l'été".encode("latin-1"), "x") == "Hanoï, déjà vu à l'été"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"text\x01\x02\x03\x04\x05\x06", "binary"),
        (b"\xff\xfe\x00\xd8", "invalid"),
    ],
)
def test_unreadable_bytes(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (error,) = list(read_paths([str(path)]))
    assert isinstance(error, ReadError) and error.path == str(path)
    assert reason in error.reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    (error,) = list(read_paths([str(path)]))
    assert isinstance(error, ReadError) and error.reason == "empty text"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(FRENCH, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (error,) = list(read_paths([str(path)]))
    assert isinstance(error, ReadError) and error.reason == "cannot read: Permission denied"


# --- read_text, ids, languages ------------------------------------------------------------


def test_read_text_overrides_and_errors() -> None:
    article = read_text(FRENCH, "mem", published="2024-01-10", title="T", language="fr")
    assert (article.path, article.published, article.title) == ("mem", "2024-01-10", "T")
    forced = read_text("date 2024-01\n\nTexte brut.", "mem", fmt="plain")
    assert forced.published is None and forced.text.startswith("date 2024-01")
    with pytest.raises(ReadError, match="empty text"):
        read_text(" date 2021-12 Photo: VNA\n", "mem")
    with pytest.raises(ValueError, match="unknown format"):
        read_text("x", "mem", fmt="pdf")


def test_content_id_is_stable() -> None:
    nfd = "Hanoi\u0308 (VNA) - Texte.\r\n"
    nfc = "  Hanoï (VNA) - Texte.\n"
    assert content_id(nfd) == content_id(nfc) == content_id("\ufeffHanoï (VNA) - Texte.")
    assert content_id("a") != content_id("b")


def test_detect_language() -> None:
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Xin chào, hôm nay trời đẹp quá và chúng tôi đi dạo.") == "vi"
    assert detect_language("Добрый день") in LANGUAGES


def test_cyrillic_code_page_is_not_read_as_cp1252() -> None:
    text = "Министр обороны Вьетнама встретился с министром обороны Китая в Ханое во вторник."
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_a_folder_skips_licences_and_lists_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "license.txt").write_text("Creative Commons Attribution 2.5.\n", encoding="utf-8")
    (folder / "urls.txt").write_text("".join(
        f"2016_01_0{n}-001\thttps://fr.wikinews.org/wiki/Article_{n}\n" for n in range(1, 6)),
        encoding="utf-8")
    (folder / "rows.txt").write_text("a\tb\nc\td\ne\tf\n", encoding="utf-8")
    (folder / "title.txt").write_text("Vietnam - Chine\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "tags.txt").write_text("Défense\nVietnam - Chine\nVoir aussi\n", encoding="utf-8")
    (folder / "story.txt").write_text("Le ministre a reçu son homologue. Ils ont signé un accord.\n"
                                      "Voir https://example.org pour plus.\n", encoding="utf-8")
    said: list[tuple[str, str]] = []
    items = list(read_paths([str(folder)], skipped=lambda path, why: said.append((path, why))))
    assert [(Path(i.path).name, type(i).__name__) for i in items] == [
        ("binary.txt", "ReadError"), ("story.txt", "Article")]  # a binary file fails as such
    assert sorted((Path(p).name, why) for p, why in said) == [
        ("license.txt", "skipped: a licence file"),
        ("rows.txt", "skipped: a list of URLs or tab-separated rows"),
        ("tags.txt", "skipped: almost no text (no sentence of four words)"),
        ("title.txt", "skipped: almost no text (no sentence of four words)"),
        ("urls.txt", "skipped: a list of URLs or tab-separated rows"),
    ]
    assert count_documents([str(folder)]) == 2
    named = list(read_paths([str(folder / "urls.txt")]))  # named explicitly: read all the same
    assert len(named) == 1 and isinstance(named[0], Article)
