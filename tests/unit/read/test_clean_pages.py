"""Unit tests of accord.read.clean on the artefacts of news pages stored as found: a lead or a
headline on the header line, photo captions inside paragraphs, links to other articles, page
furniture, a teaser after the agency trailer, repeated lead sentences."""

from __future__ import annotations

from accord.read.clean import Cleaned, clean_text, sniff_format


def _clean(raw: str) -> Cleaned:
    cleaned = clean_text(raw, sniff_format(raw))
    for clean_start, raw_start, length in cleaned.segments:
        assert (
            cleaned.text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
        )
    return cleaned


def test_a_lead_on_the_header_line_is_the_body() -> None:
    cleaned = _clean(" date 2022-03 Lyon (VNA) - Le maire a reçu une délégation.\n\nSuite. -VNA")
    assert cleaned.text == "Le maire a reçu une délégation.\n\nSuite."
    assert (cleaned.published, cleaned.dateline_place, cleaned.source) == ("2022-03", "Lyon", "VNA")
    assert cleaned.captions == ()


def test_a_caption_on_the_header_line_is_still_a_caption() -> None:
    cleaned = _clean(
        " date 2022-03 Le maire (gauche) et son hôte. Photo: VNA\n\nLyon (VNA) - Texte."
    )
    assert (cleaned.text, cleaned.captions) == ("Texte.", ("Le maire (gauche) et son hôte.",))


def test_a_sentence_without_credit_on_the_header_line_is_the_lead() -> None:
    cleaned = _clean(" date 2022-03 Le maire a reçu mardi une délégation.\n\nLa suite du texte.")
    assert cleaned.text.startswith("Le maire a reçu mardi une délégation.")


def test_a_headline_is_the_title_and_stays_first() -> None:
    for raw in (
        " date 2022-03 Le maire reçoit une délégation\n\nLe maire a reçu mardi une délégation.",
        "date 2022-03\nLe maire reçoit une délégation\n\nLe maire a reçu mardi une délégation.",
        "Le maire reçoit une délégation\nLe maire a reçu mardi une délégation.",
    ):
        cleaned = _clean(raw)
        assert cleaned.title == "Le maire reçoit une délégation", raw
        assert cleaned.text.startswith("Le maire reçoit une délégation\n\nLe maire a reçu"), raw


def test_no_headline_when_the_first_line_is_a_sentence_or_alone() -> None:
    assert _clean("Le maire a reçu une délégation.\n\nSuite.").title is None
    assert _clean("Hanoï (VNA) - Le maire a reçu une délégation\n\nSuite.").title is None
    assert _clean("Le maire reçoit une délégation").title is None
    assert _clean("le maire reçoit une délégation\n\nSuite.").title is None


def test_a_section_name_before_the_headline_is_dropped() -> None:
    cleaned = _clean("Société\n\nLe maire reçoit une délégation\n\nLe maire a reçu une délégation.")
    assert cleaned.title == "Le maire reçoit une délégation"
    assert "Société" not in cleaned.text


def test_caption_lines_inside_a_paragraph_are_dropped_alone() -> None:
    raw = (
        "Le maire a reçu une délégation.\nLe maire et son hôte. Photo: ville.fr\n"
        "Le maire et son hôte. Photo: ville.fr\n\nLes deux parties ont parlé."
    )
    cleaned = _clean(raw)
    assert cleaned.text == "Le maire a reçu une délégation.\n\nLes deux parties ont parlé."
    assert cleaned.captions == ("Le maire et son hôte.", "Le maire et son hôte.")


def test_a_credit_alone_takes_the_line_before_it_when_that_line_is_no_sentence() -> None:
    two_lines = "Le premier paragraphe.\n\nLe maire (droite) et son hôte,\nPhoto : X/VNA\n\nFin."
    assert _clean(two_lines).text == "Le premier paragraphe.\n\nFin."
    cells = "Le lead du texte.\nLe maire et son hôte. |\nPhoto : X/VNA |\nLa suite du texte."
    assert _clean(cells).text == "Le lead du texte.\n\nLa suite du texte."
    lead = "Le maire a reçu une délégation.\nPhoto: X/VOV |\nLa suite.\nLa fin."
    assert _clean(lead).text == "Le maire a reçu une délégation.\n\nLa suite.\nLa fin."


def test_a_line_placing_people_on_a_photo_is_a_caption() -> None:
    raw = "Le maire a reçu une délégation.\n\nLe maire (droite) et son hôte, mardi à Lyon\n\nFin."
    cleaned = _clean(raw)
    assert cleaned.text == "Le maire a reçu une délégation.\n\nFin."
    assert cleaned.captions == ("Le maire (droite) et son hôte, mardi à Lyon",)


def test_photo_markers_and_their_captions_are_dropped() -> None:
    raw = (
        "Le maire reçoit une délégation\n\nLe maire reçoit une délégation - ảnh 1\n"
        "Le maire et son hôte.\n\n(VOVworld)- Le maire a reçu mardi une délégation.\n"
        "Le titre - ảnh 1Le maire et son hôte. Photo: ville.fr\n\nFin."
    )
    cleaned = _clean(raw)
    assert cleaned.text == (
        "Le maire reçoit une délégation\n\nLe maire a reçu mardi une délégation.\n\nFin."
    )
    assert cleaned.source == "VOVworld"
    assert cleaned.captions == ("Le maire et son hôte.", "Le maire et son hôte.")


def test_links_furniture_and_time_stamps_are_dropped() -> None:
    raw = (
        "date 2015-12-14\n14/12/2015 11:36\nLe maire a reçu une délégation.\n"
        ">>Un autre article\n\n>> Encore un autre\n\nChia sẻ\nLa suite.\n\nFeedback"
    )
    assert _clean(raw).text == "Le maire a reçu une délégation.\n\nLa suite."


def test_a_time_stamp_dates_a_page_without_header() -> None:
    cleaned = _clean(
        "Le maire reçoit une délégation\n14/12/2015 11:36\nLe maire a reçu une délégation."
    )
    assert (cleaned.published, cleaned.title) == ("2015-12-14", "Le maire reçoit une délégation")
    assert cleaned.text == "Le maire reçoit une délégation\n\nLe maire a reçu une délégation."
    assert _clean("date 2016-01\n14/12/2015 11:36\nTexte.").published == "2016-01"
    assert _clean("Texte.\n31/02/2015 11:36\nSuite.").published is None


def test_the_text_ends_at_the_agency_trailer() -> None:
    teaser = "Le maire a reçu une délégation. - AVI\nUn autre titre\nUn autre article commence."
    cleaned = _clean(teaser)
    assert (cleaned.text, cleaned.source) == ("Le maire a reçu une délégation.", "AVI")
    footer = "Le maire a reçu une délégation.\n\nVNA/CVN\n\nRédaction : 1, rue X\n\nback to top"
    cleaned = _clean(footer)
    assert (cleaned.text, cleaned.source) == ("Le maire a reçu une délégation.", "VNA/CVN")
    sentence = _clean("Le maire a reçu une délégation. -VNA\n\nLa suite du même texte.")
    assert sentence.text.endswith("La suite du même texte.")
    assert _clean("La relation Vietnam - Laos.\n\nSuite.").text == (
        "La relation Vietnam - Laos.\n\nSuite."
    )


def test_an_outlet_dateline_is_removed() -> None:
    cleaned = _clean("Le Monde en ligne - Le maire a reçu une délégation.\n\nSur le même sujet")
    assert (cleaned.text, cleaned.source) == (
        "Le maire a reçu une délégation.",
        "Le Monde en ligne",
    )


def test_a_caption_run_into_the_dateline_is_removed() -> None:
    cleaned = _clean("date 2023-02\nUn secouriste au travail. Photo: VNA Lyon (VNA) – Le texte.")
    assert (cleaned.text, cleaned.dateline_place) == ("Le texte.", "Lyon")
    assert cleaned.captions == ("Un secouriste au travail.",)


def test_repeated_lead_sentences_are_dropped() -> None:
    lead = "Le maire de la ville a reçu mardi une délégation de la province voisine."
    doubled = _clean(f"{lead} {lead}\n\nLa suite du texte.")
    assert doubled.text == f"{lead}\n\nLa suite du texte."
    repeated = _clean(f"{lead}\n\nLyon (VNA) - {lead}\n\nLa suite du texte.")
    assert repeated.text == f"{lead}\n\nLa suite du texte."
    assert repeated.dateline_place == "Lyon"
    near = lead.replace("mardi", "ce mardi")
    assert _clean(f"{lead}\n\n{near}\n\nFin.").text == f"{lead}\n\nFin."
    glued = "Le maire de la ville a reçu mardi une délégation de la province voisine.Il a parlé."
    assert _clean(f"{lead}\n\n{glued}").text == f"{lead}\n\nIl a parlé."
    short = "Les deux parties ont signé."
    assert _clean(f"{short}\n\n{short}").text == f"{short}\n\n{short}"


def test_exact_repeats_are_found_anywhere_near_repeats_near_the_top() -> None:
    filler = [f"La phrase numéro {n} du texte parle de coopération en {n}." for n in range(200)]
    lead = "Le maire de la ville a reçu mardi une délégation de la province voisine."
    near = lead.replace("mardi", "ce mardi")
    cleaned = _clean("\n\n".join([lead, *filler, lead, near]))
    assert cleaned.text.count(lead) == 1
    assert cleaned.text.endswith(near)
