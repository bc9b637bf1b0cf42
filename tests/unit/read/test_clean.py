"""Unit tests of accord.read.clean: formats, captions, datelines, trailers, dates, segments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.read.clean import FORMATS, Cleaned, clean_text, normalize_date, sniff_format

SHARED = Path(__file__).resolve().parents[4] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")

SEED_000 = SHARED / "seeds" / "000_2c123d201d5f5fb5.txt"
SEED_001 = SHARED / "seeds" / "001_30a6577153054cda.txt"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _clean_file(path: Path) -> tuple[str, Cleaned]:
    raw = _read(path)
    return raw, clean_text(raw, sniff_format(raw))


def _assert_segments(raw: str, cleaned: Cleaned) -> None:
    """Every segment maps back exactly; segments are ordered; only separators are unmapped."""
    text = cleaned.text
    covered = [False] * len(text)
    last_clean, last_raw = 0, 0
    for clean_start, raw_start, length in cleaned.segments:
        assert length > 0
        assert clean_start >= last_clean and raw_start >= last_raw
        assert raw[raw_start : raw_start + length] == text[clean_start : clean_start + length]
        for i in range(clean_start, clean_start + length):
            covered[i] = True
        last_clean, last_raw = clean_start + length, raw_start + length
    assert all(covered[i] or text[i] == "\n" for i in range(len(text)))
    assert text == text.strip()


def _real_files() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted(
        [*(SHARED / "seeds").glob("*.txt"), *(SHARED / "corpus" / "wikinews-fr").glob("*.txt")]
        + list((SHARED / "data" / "winer-fr-2016").glob("*/*.txt"))
    )


def _gold(name: str) -> list[dict[str, Any]]:
    if not SHARED.is_dir():
        return []
    path = SHARED / "gold" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _evidences(doc: dict[str, Any]) -> list[str]:
    return [item["evidence"] for facet in ("events", "claims", "statements") for item in doc[facet]]


# --- the seed format ----------------------------------------------------------------------


@needs_shared
def test_seed_000_is_cleaned() -> None:
    _raw, cleaned = _clean_file(SEED_000)
    assert cleaned.text.startswith("La diplomatie du secteur")
    assert cleaned.text.endswith("problèmes liés à la sécurité…")
    assert "Photo: VNA" not in cleaned.text
    assert "-VNA" not in cleaned.text
    assert "date 2021" not in cleaned.text
    assert "\n\n\n" not in cleaned.text
    assert cleaned.published == "2021-12"
    assert cleaned.source == "VNA"
    assert cleaned.dateline_place == "Hanoï"
    assert cleaned.title is None
    assert cleaned.captions == (
        "Le général de corps d'armée Hoang Xuân Chiên, vice-ministre de la Défense.",
        "Le général de division Luong Tam Quang, vice-ministre de la Sécurité publique.",
    )


@needs_shared
def test_seed_001_header_caption_is_reported() -> None:
    _raw, cleaned = _clean_file(SEED_001)
    assert cleaned.published == "2024-01"
    caption = (
        "Le général To Lam, ministre de la Sécurité publique (droite) reçoit le vice-ministre "
        "chinois de la Sécurité publique, Chen Siyuan."
    )
    assert cleaned.captions == (caption,)
    assert cleaned.text.startswith("Le général To Lam, ministre de la Sécurité publique, a reçu")
    assert cleaned.text.endswith("entre les deux ministères.")
    assert "reçoit" not in cleaned.text


@needs_shared
@pytest.mark.parametrize("doc", _gold("seeds.jsonl"), ids=lambda d: str(d["id"]))
def test_seed_gold_evidence_is_in_cleaned_text(doc: dict[str, Any]) -> None:
    _raw, cleaned = _clean_file(SHARED / doc["text_path"])
    assert cleaned.published == doc["published"]
    missing = [
        ev
        for ev in _evidences(doc)
        if ev not in cleaned.text and not any(ev in cap for cap in cleaned.captions)
    ]
    assert missing == []


def test_seed_header_variants() -> None:
    raw = "date 2024-01-10\n\nHanoï (VNA) – Le ministre a reçu son homologue. - VNA"
    cleaned = clean_text(raw, sniff_format(raw))
    assert sniff_format(raw) == "seed"
    assert cleaned.text == "Le ministre a reçu son homologue."
    assert cleaned.published == "2024-01-10"
    assert cleaned.captions == ()
    assert clean_text("\n  date 2021-13\nTexte.", "seed").published is None
    assert clean_text(" date 2021\nTexte.", "seed").published == "2021"
    header_only = clean_text(" date 2021-12 Photo: VNA\n\n", "seed")
    assert header_only.text == "" and header_only.captions == ()


# --- Wikinews -----------------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("doc", _gold("dev-wikinews-fr.jsonl"), ids=lambda d: str(d["id"]))
def test_wikinews_gold(doc: dict[str, Any]) -> None:
    raw, cleaned = _clean_file(SHARED / doc["text_path"])
    assert sniff_format(raw) == "wikinews"
    assert cleaned.published == doc["published"]
    assert cleaned.title == doc["title"]
    assert cleaned.text.startswith(doc["title"] + "\n\n")
    assert " . –" not in cleaned.text.split("\n\n")[1]
    missing = [ev for ev in _evidences(doc) if ev not in cleaned.text]
    assert missing == []


@pytest.mark.parametrize(
    ("dateline", "published", "place"),
    [
        ("24 janvier 2016 . –", "2016-01-24", None),
        ("1er février 2016 . –", "2016-02-01", None),
        ("9 fevrier 2016 . —", "2016-02-09", None),
        ("15 aout 2016 . -", "2016-08-15", None),
        ("2 décembre 2016 . –", "2016-12-02", None),
        ("3 decembre 2016 . –", "2016-12-03", None),
        ("3 septembre 2016, 09\u202fh\u202f53 UTC . –", "2016-09-03", None),
        ("1er janvier 2016, 12h30 . –", "2016-01-01", None),
        ("13 mars 2016, Montpellier . –", "2016-03-13", "Montpellier"),
    ],
)
def test_wikinews_datelines(dateline: str, published: str, place: str | None) -> None:
    raw = f"Un titre\n\n{dateline}\nLe corps du texte.\n\nDeuxième paragraphe."
    assert sniff_format(raw) == "wikinews"
    cleaned = clean_text(raw, "wikinews")
    assert cleaned.published == published
    assert cleaned.dateline_place == place
    assert cleaned.title == "Un titre"
    assert cleaned.text == "Un titre\n\nLe corps du texte.\n\nDeuxième paragraphe."


def test_wikinews_body_on_the_dateline_line() -> None:
    raw = "Burundi : appel\n\n13 octobre 2016 . – Ban Ki-Moon appelle le Burundi .\n\nSuite."
    cleaned = clean_text(raw, "wikinews")
    assert cleaned.text == "Burundi : appel\n\nBan Ki-Moon appelle le Burundi .\n\nSuite."
    assert cleaned.published == "2016-10-13"


def test_wikinews_prelude_keeps_the_lead_and_drops_page_furniture() -> None:
    raw = (
        "Titre\n\nÉtat  Vérifié\n\nPage actualisée : 23 mars 2016 — « Autre titre »\n\n"
        "Sur le même sujet Tour de France 2016\n\nTour de France 2016 : a\nTour de France 2016 : b"
        "\n\nAu moins 34 personnes ont été tuées.\n\n22 mars 2016 . – Les explosions.\n"
    )
    cleaned = clean_text(raw, "wikinews")
    assert cleaned.text == "Titre\n\nAu moins 34 personnes ont été tuées.\n\nLes explosions."
    assert cleaned.published == "2016-03-22"
    _assert_segments(raw, cleaned)


@needs_shared
def test_all_winer_texts_have_a_date_and_title() -> None:
    files = sorted((SHARED / "data" / "winer-fr-2016").glob("*/*.txt"))
    assert len(files) > 500
    for path in files:
        raw, cleaned = _clean_file(path)
        assert sniff_format(raw) == "wikinews", path
        assert cleaned.published and len(cleaned.published) == 10, path
        assert cleaned.title == raw.split("\n", 1)[0].strip(), path


# --- plain text: captions, datelines, trailers --------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "place", "source"),
    [
        ("Hanoï (VNA) - Texte.", "Texte.", "Hanoï", "VNA"),
        ("Paris (AFP) – Texte.", "Texte.", "Paris", "AFP"),
        ("Paris (AFP) — Texte.", "Texte.", "Paris", "AFP"),
        ("WASHINGTON (Reuters) - Text.", "Text.", "WASHINGTON", "Reuters"),
        ("Ho Chi Minh-Ville (VNA)- Texte.", "Texte.", "Ho Chi Minh-Ville", "VNA"),
        ("Le ministre a parlé - Texte.", "Le ministre a parlé - Texte.", None, None),
        ("Le sommet (G20) a eu lieu.", "Le sommet (G20) a eu lieu.", None, None),
    ],
)
def test_agency_datelines(raw: str, text: str, place: str | None, source: str | None) -> None:
    cleaned = clean_text(raw, "plain")
    assert (cleaned.text, cleaned.dateline_place, cleaned.source) == (text, place, source)


def test_dateline_with_a_date_dates_a_plain_text() -> None:
    cleaned = clean_text("Paris, 12 janvier 2024 (AFP) - Texte.", "plain")
    assert (cleaned.text, cleaned.dateline_place, cleaned.published) == (
        "Texte.",
        "Paris",
        "2024-01-12",
    )
    assert clean_text("Un texte sans date.", "plain").published is None


@pytest.mark.parametrize(
    ("raw", "text", "source"),
    [
        ("Les deux ministères.-VNA", "Les deux ministères.", "VNA"),
        ("Les deux ministères. -VNA", "Les deux ministères.", "VNA"),
        ("Les deux ministères. - VNA\n", "Les deux ministères.", "VNA"),
        ("liés à la sécurité…-VNA", "liés à la sécurité…", "VNA"),
        ("Les deux ministères. (VNA)", "Les deux ministères.", "VNA"),
        ("Les deux ministères.–AFP", "Les deux ministères.", "AFP"),
        ("Un paragraphe.\n\n-VNA", "Un paragraphe.", "VNA"),
        ("Au Moyen-Orient.", "Au Moyen-Orient.", None),
        ("Les Pays-Bas", "Les Pays-Bas", None),
        ("avec les Nations unies (ONU)", "avec les Nations unies (ONU)", None),
    ],
)
def test_trailers(raw: str, text: str, source: str | None) -> None:
    cleaned = clean_text(raw, "plain")
    assert (cleaned.text, cleaned.source) == (text, source)


def test_captions_are_removed_and_reported() -> None:
    raw = (
        "Premier paragraphe.\n\n"
        "Le ministre à Hanoï. Photo: VNA\n\n"
        "Le président à Paris. Photo : AFP\n\n"
        "Photo: VNA\n\n"
        "Une délégation à l’aéroport (Photo: Reuters/John Doe)\n\n"
        "Dernier paragraphe, qui parle d'une photo."
    )
    cleaned = clean_text(raw, "plain")
    assert cleaned.text == "Premier paragraphe.\n\nDernier paragraphe, qui parle d'une photo."
    assert cleaned.captions == (
        "Le ministre à Hanoï.",
        "Le président à Paris.",
        "Une délégation à l’aéroport",
    )
    _assert_segments(raw, cleaned)


def test_paragraphs_are_kept_verbatim_and_blank_lines_collapsed() -> None:
    raw = "\n\n  Il a dit : « l’accord »\u00a0; c'est  fait.  \n\n\n \t\n\nSecond\nparagraphe.\n\n"
    cleaned = clean_text(raw, "plain")
    assert cleaned.text == "Il a dit : « l’accord »\u00a0; c'est  fait.\n\nSecond\nparagraphe."
    _assert_segments(raw, cleaned)
    crlf = "Un.\r\n\r\nDeux.\r\n"
    assert clean_text(crlf, "plain").text == "Un.\n\nDeux."


def test_raw_offset_maps_back() -> None:
    raw = " date 2024-01\n\nHanoï (VNA) - Le général To Lam a reçu Chen Siyuan.\n\nSuite. -VNA"
    cleaned = clean_text(raw, "seed")
    at = cleaned.text.index("To Lam")
    raw_at = cleaned.raw_offset(at)
    assert raw_at is not None and raw[raw_at : raw_at + 6] == "To Lam"
    assert cleaned.raw_offset(cleaned.text.index("\n\n")) is None


def test_sniff_and_bad_format() -> None:
    assert sniff_format("Un texte.\n\nUn autre.") == "plain"
    assert sniff_format("") == "plain"
    assert sniff_format("\ufeff date 2024-01\n\nTexte.") == "seed"
    assert set(FORMATS) == {"seed", "wikinews", "plain"}
    with pytest.raises(ValueError, match="unknown text format"):
        clean_text("x", "html")


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", "2024"),
        ("2024-01", "2024-01"),
        ("2024-01-10", "2024-01-10"),
        ("2024-1-5", "2024-01-05"),
        ("2024-01-10T08:30:00Z", "2024-01-10"),
        ("2024-01-10 08:30:00+07:00", "2024-01-10"),
        ("2024/01/10", "2024-01-10"),
        ("1er mars 2016", "2016-03-01"),
        ("24 Janvier 2016", "2016-01-24"),
        ("Wed, 10 Jan 2024 08:00:00 +0000", "2024-01-10"),
        ("2021-13-45", None),
        ("2021-02-30", None),
        ("0000", None),
        ("hier", None),
        ("", None),
    ],
)
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


# --- the segments invariant ---------------------------------------------------------------


@needs_shared
def test_segments_invariant_on_every_real_file() -> None:
    files = _real_files()
    assert len(files) > 500
    for path in files:
        raw, cleaned = _clean_file(path)
        assert cleaned.text, path
        _assert_segments(raw, cleaned)


_PIECES = st.sampled_from(
    [
        " date 2024-01 ", "date 2021-12-14", "Photo: VNA", "(Photo: AFP)", "Hanoï (VNA) - ",
        "Paris (AFP) – ", "-VNA", " - VNA", "(VNA)", "24 janvier 2016 . – ", "1er mai 2016, ",
        "État  Vérifié", "Sur le même sujet ", "\n", "\n\n", "\r\n", " ", "\u00a0", "\ufeff",
        "Le ministre a reçu son homologue.", "…", ".", "é", "(", ")", "-", "–",
    ]
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=5))).map("".join)),
    st.sampled_from(FORMATS),
)
def test_segments_invariant_property(raw: str, fmt: str) -> None:
    _assert_segments(raw, clean_text(raw, fmt))
    _assert_segments(raw, clean_text(raw, sniff_format(raw)))
