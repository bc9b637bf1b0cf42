"""Unit tests of accord.vocab.geo: states, capitals and metonyms, nationality adjectives,
international bodies, the gazetteer, the data files behind them, and the gold files of ../shared."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pycountry
import pytest

from accord.vocab import geo, names
from accord.vocab.geo import (
    Body,
    Gazetteer,
    Metonym,
    PlaceInfo,
    capital_metonym,
    country_code,
    find_place,
    fold,
    international_body,
    metonym,
    nationalities_in,
    nationality,
    state_name,
)

SHARED = Path(__file__).resolve().parents[4] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")
DATA = files("accord").joinpath("data")

# the 193 member states of the United Nations
UN_MEMBERS = re.findall(
    r"[A-Z]{3}",
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""",
)
NON_ISO = {"XKX", "SUN", "YUG", "CSK", "DDR"}  # Kosovo (user-assigned), former states (3166-3)
PLOVER_CODES = {"UNO", "EUR", "IGO", "NGO", "MNC", "ISM", "IMG"}
SECTORS = {
    "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "GOV", "JRN", "JUD", "LAB", "LEG", "MED",
    "MIL", "OPP", "PTY", "REB", "REF", "REL", "SOC", "SPY", "UAF", "UNK",
}


def is_state_code(code: str) -> bool:
    return code in NON_ISO or pycountry.countries.get(alpha_3=code) is not None


def rows(path: str) -> list[list[str]]:
    return list(geo.data_rows(path))


# --- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Viêt Nam", "viet nam"),
        ("Viêt-Nam", "viet nam"),
        ("  VIET   nam ", "viet nam"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Đà Nẵng", "da nang"),
        ("Œuvre", "oeuvre"),
        ("É.-U.", "e u"),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key
    assert fold(key) == key


# --- states ----------------------------------------------------------------------------------

COUNTRIES = {
    "Vietnam": "VNM", "Viêt Nam": "VNM", "Viet Nam": "VNM", "Việt Nam": "VNM", "VIETNAM": "VNM",
    "Chine": "CHN", "États-Unis": "USA", "Etats-Unis": "USA", "Royaume-Uni": "GBR",
    "Grande-Bretagne": "GBR", "Russie": "RUS", "Fédération de Russie": "RUS",
    "Corée du Sud": "KOR", "République de Corée": "KOR", "Corée du Nord": "PRK",
    "RPD de Corée": "PRK", "RPDC": "PRK", "Syrie": "SYR", "Iran": "IRN",
    "République islamique d'Iran": "IRN", "Turquie": "TUR", "Allemagne": "DEU",
    "Birmanie": "MMR", "Myanmar": "MMR", "Laos": "LAO", "RDP Lao": "LAO", "Cambodge": "KHM",
    "Taïwan": "TWN", "Taiwan": "TWN", "Palestine": "PSE", "Kosovo": "XKX", "Pays-Bas": "NLD",
    "République tchèque": "CZE", "Tchéquie": "CZE", "Côte d’Ivoire": "CIV",
    "Côte d'Ivoire": "CIV", "RDC": "COD", "République démocratique du Congo": "COD",
    "Congo": "COG", "Émirats arabes unis": "ARE", "EAU": "ARE", "Vatican": "VAT",
    "Saint-Siège": "VAT", "URSS": "SUN", "Union soviétique": "SUN", "Tchad": "TCD",
    "Burundi": "BDI", "Belgique": "BEL", "Inde": "IND", "Italie": "ITA", "Pakistan": "PAK",
    "Canada": "CAN", "France": "FRA", "Madagascar": "MDG", "Irak": "IRQ", "Iraq": "IRQ",
    "Biélorussie": "BLR", "Bélarus": "BLR", "Arabie saoudite": "SAU", "Guyane": "GUF",
    "La Réunion": "REU", "Réunion": "REU",
    # English
    "Vietnam ": "VNM", "United States": "USA", "Germany": "DEU", "Syria": "SYR",
    "South Korea": "KOR", "North Korea": "PRK", "United Kingdom": "GBR", "Burma": "MMR",
    "Ivory Coast": "CIV", "Russian Federation": "RUS", "Czech Republic": "CZE",
}


@pytest.mark.parametrize(("name", "code"), sorted(COUNTRIES.items()))
def test_country_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("la Chine", "CHN"), ("l'Iran", "IRN"), ("l’Iran", "IRN"), ("aux États-Unis", "USA"),
        ("du Vietnam", "VNM"), ("des Pays-Bas", "NLD"), ("en France", "FRA"),
        ("République du Burundi", "BDI"), ("la République du Burundi", "BDI"),
        ("Royaume du Maroc", "MAR"), ("République populaire de Chine", "CHN"),
        ("République socialiste du Vietnam", "VNM"), ("République de l'Inde", "IND"),
    ],
)
def test_country_code_articles_and_official_forms(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name",
    ["Corée", "Pékin", "Washington", "Bruxelles", "Atlantide", "", "  ", "eau", "la réunion",
     "une grenade", "bénin", "équateur", "République de Narnia"],
)
def test_country_code_none(name: str) -> None:
    assert country_code(name) is None


def test_country_code_language_order() -> None:
    assert country_code("Chile", lang="en") == "CHL"
    assert country_code("Chili") == "CHL"
    assert country_code("Germany", lang="en") == country_code("Allemagne", lang="en") == "DEU"


STATE_NAMES = {
    "VNM": "Vietnam", "CHN": "Chine", "USA": "États-Unis", "GBR": "Royaume-Uni", "RUS": "Russie",
    "IRN": "Iran", "SYR": "Syrie", "KOR": "Corée du Sud", "PRK": "Corée du Nord",
    "MMR": "Birmanie", "PSE": "Palestine", "XKX": "Kosovo", "CIV": "Côte d'Ivoire",
    "COD": "République démocratique du Congo", "COG": "Congo", "CZE": "République tchèque",
    "LAO": "Laos", "TWN": "Taïwan", "VAT": "Vatican", "HKG": "Hong Kong", "SUN": "Union soviétique",
    "DEU": "Allemagne", "TUR": "Turquie", "FRA": "France", "NLD": "Pays-Bas",
}


@pytest.mark.parametrize(("code", "name"), sorted(STATE_NAMES.items()))
def test_state_name(code: str, name: str) -> None:
    assert state_name(code) == name
    assert state_name(code.lower()) == name
    assert country_code(name) == code


def test_state_name_unknown() -> None:
    with pytest.raises(KeyError):
        state_name("EUR")
    with pytest.raises(KeyError):
        state_name("XYZ")


def test_state_names_round_trip() -> None:
    """Every state named has a name that leads back to it, and a press name, not an ISO one."""
    names = geo._states().names
    for code in {str(c.alpha_3) for c in pycountry.countries} | NON_ISO:
        name = state_name(code)
        assert country_code(name) == code, (code, name)
        assert "," not in name and "’" not in name, name
    assert set(names) >= set(UN_MEMBERS)


def test_every_iso_french_and_english_name_resolves() -> None:
    import gettext

    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for country in pycountry.countries:
        assert country_code(country.name, lang="en") == country.alpha_3, country.name
        french = catalogue.gettext(country.name)
        assert country_code(french) == country.alpha_3, french


# --- capitals and metonyms -------------------------------------------------------------------

CAPITALS = {
    "Pékin": "CHN", "Moscou": "RUS", "Washington": "USA", "Hanoï": "VNM", "Hanoi": "VNM",
    "Paris": "FRA", "Londres": "GBR", "Téhéran": "IRN", "Damas": "SYR", "Ankara": "TUR",
    "Kiev": "UKR", "Kyiv": "UKR", "Tokyo": "JPN", "Séoul": "KOR", "Pyongyang": "PRK",
    "Bujumbura": "BDI", "Beijing": "CHN",
}


@pytest.mark.parametrize(("name", "code"), sorted(CAPITALS.items()))
def test_capital_metonym(name: str, code: str) -> None:
    assert capital_metonym(name) == code
    assert metonym(name) == Metonym(name, code, None)


def test_capital_metonym_none() -> None:
    assert capital_metonym("Bruxelles") is None  # the EU, not Belgium: a metonym()
    assert capital_metonym("Vietnam") is None
    assert capital_metonym("paris") is None  # bets, not the capital


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("Bruxelles", "EUR", None), ("la Maison Blanche", "USA", "GOV"),
        ("Maison-Blanche", "USA", "GOV"), ("le Pentagone", "USA", "MIL"),
        ("le Kremlin", "RUS", "GOV"), ("l'Élysée", "FRA", "GOV"), ("Quai d'Orsay", "FRA", "GOV"),
        ("Downing Street", "GBR", "GOV"), ("l'État hébreu", "ISR", None),
    ],
)
def test_metonym(name: str, code: str, sector: str | None) -> None:
    found = metonym(name)
    assert found is not None
    assert (found.code, found.sector) == (code, sector)


def test_metonym_none() -> None:
    assert metonym("Vietnam") is None
    assert metonym("hexagone") is None  # the shape; "l'Hexagone" is France
    assert metonym("l'Hexagone") == Metonym("Hexagone", "FRA", None)


# --- nationality adjectives ------------------------------------------------------------------

ADJECTIVES = {
    "VNM": "vietnamien vietnamienne vietnamiens vietnamiennes Vietnamiens",
    "CHN": "chinois chinoise chinoises", "USA": "américain américaine américains américaines",
    "GBR": "britannique britanniques écossais anglaise", "FRA": "français française françaises",
    "RUS": "russe russes", "IRN": "iranien iranienne iraniens iraniennes",
    "SYR": "syrien syrienne syriens syriennes", "TUR": "turc turque turcs turques",
    "DEU": "allemand allemande allemands allemandes", "JPN": "japonais japonaise",
    "KOR": "sud-coréen sud-coréenne sud-coréens", "PRK": "nord-coréen nord-coréennes",
    "LAO": "laotien laotienne lao", "KHM": "cambodgien cambodgienne khmer khmère",
    "THA": "thaïlandais thaïlandaise thaï thaïe", "IDN": "indonésien",
    "PHL": "philippin philippine",
    "MYS": "malaisien", "SGP": "singapourien", "IND": "indien indienne",
    "PAK": "pakistanais pakistanaise", "AUS": "australien australienne", "DNK": "danois danoise",
    "CAN": "canadien canadienne", "ISR": "israélien israélienne", "PSE": "palestinien",
    "IRQ": "irakien irakienne iraquien", "AFG": "afghan afghane afghans", "UKR": "ukrainien",
    "BLR": "biélorusse bélarusse", "POL": "polonais", "ITA": "italien", "ESP": "espagnol espagnole",
    "PRT": "portugais", "BEL": "belge belges", "CHE": "suisse suisses helvétique",
    "NLD": "néerlandais hollandais", "SWE": "suédois", "NOR": "norvégien", "FIN": "finlandais",
    "GRC": "grec grecque grecs grecques", "EGY": "égyptien", "LBY": "libyen libyenne",
    "TUN": "tunisien", "DZA": "algérien", "MAR": "marocain", "NGA": "nigérian nigériane",
    "ZAF": "sud-africain sud-africaine", "BRA": "brésilien", "ARG": "argentin argentine",
    "MEX": "mexicain", "CUB": "cubain", "VEN": "vénézuélien", "COL": "colombien",
    "SAU": "saoudien saoudienne", "ARE": "émirati émiratie émiratis émirien",
    "QAT": "qatari qatarie",
    "LBN": "libanais", "JOR": "jordanien", "YEM": "yéménite yéménites", "MMR": "birman birmane",
    "NPL": "népalais", "BGD": "bangladais", "LKA": "sri-lankais sri-lankaise", "MNG": "mongol",
    "KAZ": "kazakh kazakhe", "UZB": "ouzbek ouzbèke ouzbeks", "GEO": "géorgien", "ARM": "arménien",
    "AZE": "azerbaïdjanais azéri", "SRB": "serbe", "HRV": "croate", "HUN": "hongrois hongroise",
    "CZE": "tchèque", "SVK": "slovaque", "ROU": "roumain", "BGR": "bulgare", "AUT": "autrichien",
    "IRL": "irlandais", "NZL": "néo-zélandais néo-zélandaise", "KEN": "kényan kényane kenyan",
    "ETH": "éthiopien", "SOM": "somalien somalienne", "SDN": "soudanais", "MLI": "malien",
    "NER": "nigérien nigérienne", "TCD": "tchadien", "COD": "congolais congolaise",
    "BFA": "burkinabè burkinabé", "BDI": "burundais burundaise", "KGZ": "kirghize kirghiz",
    "LVA": "letton lettone lettonne", "XKX": "kosovar kosovare", "TWN": "taïwanais",
    "SUN": "soviétique", "ERI": "érythréen érythréenne", "GHA": "ghanéen ghanéenne",
}


@pytest.mark.parametrize(
    ("word", "code"), sorted((w, c) for c, ws in ADJECTIVES.items() for w in ws.split())
)
def test_nationality(word: str, code: str) -> None:
    assert nationality(word) == code
    assert nationality(word.upper()) == code
    assert nationalities_in(word) == (code,)


@pytest.mark.parametrize(
    "word",
    ["russo-américain", "Vietnam", "Somalie", "européen", "onusien", "ministre", "", "rouge"],
)
def test_nationality_none(word: str) -> None:
    assert nationality(word) is None


def test_every_un_member_has_an_adjective() -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    codes = {iso3 for _, iso3, *_ in rows("fr/nationalities.tsv")}
    assert set(UN_MEMBERS) - codes == set()
    assert {"TWN", "PSE", "XKX"} <= codes


@pytest.mark.parametrize(
    ("compound", "codes"),
    [
        ("russo-américain", ("RUS", "USA")), ("russo-américaines", ("RUS", "USA")),
        ("sino-vietnamien", ("CHN", "VNM")), ("vietnamo-chinoise", ("VNM", "CHN")),
        ("sino-nord-coréen", ("CHN", "PRK")), ("américano-sud-coréennes", ("USA", "KOR")),
        ("franco-allemand", ("FRA", "DEU")), ("germano-soviétique", ("DEU", "SUN")),
        ("anglo-irlandais", ("GBR", "IRL")), ("italo-libyen", ("ITA", "LBY")),
        ("nippo-chinois", ("JPN", "CHN")), ("indo-pakistanais", ("IND", "PAK")),
        ("irano-irakienne", ("IRN", "IRQ")), ("israélo-palestinien", ("ISR", "PSE")),
        ("syro-turc", ("SYR", "TUR")), ("turco-syrienne", ("TUR", "SYR")),
        ("soviéto-afghan", ("SUN", "AFG")), ("austro-hongrois", ("AUT", "HUN")),
        ("vietnamo-lao", ("VNM", "LAO")), ("lao-vietnamienne", ("LAO", "VNM")),
        ("Russo–Américain", ("RUS", "USA")), ("sino-sino-japonais", ("CHN", "JPN")),
        ("nord-coréen", ("PRK",)), ("sud-africaine", ("ZAF",)),
        ("anglo-saxon", ()), ("indo-pacifique", ()), ("judéo-chrétien", ()), ("russo", ()),
        ("", ()), ("afro-américain", ()),
    ],
)
def test_nationalities_in(compound: str, codes: tuple[str, ...]) -> None:
    assert nationalities_in(compound) == codes


def test_nationality_forms_are_unambiguous() -> None:
    """No form or prefix of the data file names two states (the first would win silently)."""
    forms: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for adjective, iso3, feminine, combining, extra in rows("fr/nationalities.tsv"):
        for form in (*geo._inflect(adjective, feminine), *geo.split_cell(extra)):
            forms.setdefault(fold(form), set()).add(iso3)
        for prefix in geo.split_cell(combining):
            prefixes.setdefault(fold(prefix), set()).add(iso3)
    assert {k: v for k, v in forms.items() if len(v) > 1} == {}
    assert {k: v for k, v in prefixes.items() if len(v) > 1} == {}


# --- international bodies --------------------------------------------------------------------

BODIES = [
    ("ONU", "UNO", None), ("Nations unies", "UNO", None), ("Nations-Unies", "UNO", None),
    ("l'Organisation des Nations unies", "UNO", None), ("Conseil de sécurité", "UNO", "GOV"),
    ("Conseil de sécurité de l'ONU", "UNO", "GOV"), ("le Conseil de sécurité des Nations unies",
     "UNO", "GOV"), ("UNESCO", "UNO", "GOV"), ("l'Unesco", "UNO", "GOV"), ("UNICEF", "UNO", "GOV"),
    ("OMS", "UNO", "MED"), ("HCR", "UNO", "GOV"), ("FAO", "UNO", "GOV"), ("AIEA", "UNO", "GOV"),
    ("Haut-Commissariat aux droits de l'homme de l'ONU", "UNO", "GOV"),
    ("Union européenne", "EUR", None), ("l'UE", "EUR", None), ("UE", "EUR", None),
    ("Commission européenne", "EUR", "GOV"), ("Parlement européen", "EUR", "LEG"),
    ("OTAN", "IGO", "MIL"), ("l'Otan", "IGO", "MIL"), ("NATO", "IGO", "MIL"),
    ("ASEAN", "IGO", None), ("ANASE", "IGO", None), ("Union africaine", "IGO", None),
    ("UA", "IGO", None), ("Ligue arabe", "IGO", None), ("OSCE", "IGO", None), ("G7", "IGO", None),
    ("G20", "IGO", None), ("OMC", "IGO", None), ("FMI", "IGO", None),
    ("Banque mondiale", "IGO", None), ("OPEP", "IGO", None), ("Interpol", "IGO", "COP"),
    ("Croix-Rouge", "NGO", "MED"), ("CICR", "NGO", "MED"), ("Amnesty International", "NGO", None),
    ("Human Rights Watch", "NGO", None), ("Médecins sans frontières", "NGO", "MED"),
    ("État islamique", "IMG", "REB"), ("Etat islamique", "IMG", "REB"), ("Daech", "IMG", "REB"),
    ("l'EI", "IMG", "REB"), ("Al-Qaïda", "IMG", "REB"), ("Al-Qaida", "IMG", "REB"),
    ("Hezbollah", "LBN", "REB"), ("coalition occidentale", "IGO", "MIL"),
    # an organ noun followed by a body: the body's code, its sector or the organ's
    ("le Secrétariat de l'ASEAN", "IGO", "GOV"), ("l'Assemblée générale d'Interpol", "IGO", "COP"),
    ("Secrétariat général de l'OTAN", "IGO", "MIL"), ("Conseil exécutif de l'Union africaine", "IGO", "GOV"),
]


@pytest.mark.parametrize(("name", "code", "sector"), BODIES)
def test_international_body(name: str, code: str, sector: str | None) -> None:
    body = international_body(name)
    assert body is not None
    assert (body.code, body.sector) == (code, sector)


def test_organ_names_as_written() -> None:
    body = international_body("le Secrétariat de l’ASEAN")
    assert body is not None and body.name == "Secrétariat de l'ASEAN"
    assert international_body("Secrétariat de la Défense") is None  # no body after the organ


def test_metonym_buildings_are_places() -> None:
    place = find_place("Elysée")
    assert place is not None and (place.country_iso3, place.kind) == ("FRA", "site")
    assert find_place("Bruxelles") is not None and find_place("Bruxelles").country_iso3 == "BEL"


def test_international_body_details() -> None:
    un = international_body("ONU")
    assert un == Body(
        "Organisation des Nations unies", "UNO", None,
        ("ONU", "Nations unies", "Nations-Unies", "Organisation des Nations-Unies",
         "United Nations", "UN"),
    )
    assert international_body("Nations unies") is un


@pytest.mark.parametrize(
    "name",
    ["ue", "ua", "ei", "un", "Ministère de la Défense", "Commission européenne de l'ONU",
     "Conseil de l'ONU", "", "Airbus"],
)
def test_international_body_none(name: str) -> None:
    assert international_body(name) is None


# --- gazetteer -------------------------------------------------------------------------------

CITIES = {
    "Hanoï": ("Hanoi", "VNM"), "hanoi": ("Hanoi", "VNM"), "Pékin": ("Beijing", "CHN"),
    "Moscou": ("Moscow", "RUS"), "Londres": ("London", "GBR"), "Genève": ("Geneva", "CHE"),
    "Bruxelles": ("Brussels", "BEL"), "Damas": ("Damascus", "SYR"), "Téhéran": ("Tehran", "IRN"),
    "Kiev": ("Kyiv", "UKR"), "Séoul": ("Seoul", "KOR"), "Vienne": ("Vienne", "AUT"),
    "Le Caire": ("Cairo", "EGY"), "La Haye": ("The Hague", "NLD"), "Paris": ("Paris", "FRA"),
    "Valence": ("Valence", "FRA"), "Orléans": ("Orléans", "FRA"),
    "Hô Chi Minh-Ville": ("Ho Chi Minh City", "VNM"), "Đà Nẵng": ("Da Nang", "VNM"),
    "Deir ez-Zor": ("Deir ez-Zor", "SYR"), "Istanbul": ("Istanbul", "TUR"),
    "Prague": ("Prague", "CZE"), "Washington": ("Washington", "USA"),
    "Calcutta": ("Kolkata", "IND"), "Islamabad": ("Islamabad", "PAK"),
    "Thai Nguyen": ("Thái Nguyên", "VNM"), "Bourget": ("Le Bourget", "FRA"),
    "Magnanville": ("Magnanville", "FRA"),
}


@pytest.mark.parametrize(("query", "expected"), sorted(CITIES.items()))
def test_find_place_city(query: str, expected: tuple[str, str]) -> None:
    place = find_place(query)
    assert place is not None
    assert (place.name, place.country_iso3, place.kind) == (*expected, "city")
    assert place.lat is not None and place.lon is not None


def test_find_place_coordinates() -> None:
    hanoi = find_place("Hanoï")
    assert hanoi is not None and hanoi.lat is not None and hanoi.lon is not None
    assert abs(hanoi.lat - 21.03) < 0.1 and abs(hanoi.lon - 105.84) < 0.1
    assert hanoi.population is not None and hanoi.population > 1_000_000


@pytest.mark.parametrize(
    ("query", "code", "kind"),
    [
        ("Allemagne", "DEU", "country"), ("Inde", "IND", "country"), ("Vietnam", "VNM", "country"),
        ("l'Iran", "IRN", "country"), ("Singapour", "SGP", "country"),
        ("Germany", "DEU", "country"),
        ("RDC", "COD", "country"), ("Floride", "USA", "region"), ("la Floride", "USA", "region"),
        ("Californie", "USA", "region"), ("Texas", "USA", "region"), ("Ontario", "CAN", "region"),
        ("Île-du-Prince-Édouard", "CAN", "region"), ("Savoie", "FRA", "region"),
        ("Bourgogne", "FRA", "region"), ("Cisjordanie", "PSE", "region"),
        ("Crimée", "UKR", "region"), ("Quảng Ninh", "VNM", "region"),
        ("Quang Ninh", "VNM", "region"), ("Bali", "IDN", "region"),
        ("mer de Chine méridionale", None, "region"), ("Europe", None, "region"),
    ],
)
def test_find_place_country_and_region(query: str, code: str | None, kind: str) -> None:
    place = find_place(query)
    assert place is not None
    assert (place.country_iso3, place.kind) == (code, kind)


@pytest.mark.parametrize(
    "query",
    ["ville", "police", "tours", "réunion", "la réunion", "sur", "au", "tour", "", "Xyzzy"],
)
def test_find_place_none(query: str) -> None:
    assert find_place(query) is None


def test_homographs_need_a_capital() -> None:
    assert find_place("Tours") == PlaceInfo("Tours", "FRA", 47.395, 0.704, "city", 141621)
    assert find_place("Réunion") is not None
    assert find_place("TOURS") is not None


def test_gazetteer_is_built_once() -> None:
    assert geo.gazetteer() is geo.gazetteer()
    assert isinstance(geo.gazetteer(), Gazetteer)
    assert len(geo.gazetteer()) > 100_000
    assert "Hanoï" in geo.gazetteer() and "Atlantide" not in geo.gazetteer()


def test_gazetteer_from_an_index() -> None:
    place = PlaceInfo("Nowhere", None, None, None, "city")
    small = Gazetteer({"nowhere": place})
    assert small.find("NOWHERE") is place and small.find("Hanoï") is None and len(small) == 1


# --- data files ------------------------------------------------------------------------------


def test_data_codes_and_sectors() -> None:
    for iso3, name, aliases in rows("fr/countries.tsv"):
        assert is_state_code(iso3), iso3
    for iso3, aliases in rows("geo/countries_en.tsv"):
        assert is_state_code(iso3), iso3
    for name, iso3 in rows("fr/capitals.tsv"):
        assert is_state_code(iso3), (name, iso3)
        assert state_name(iso3)
    for name, code, sector, aliases in rows("fr/metonyms.tsv"):
        assert is_state_code(code) or code in PLOVER_CODES, (name, code)
        assert sector == "" or sector in SECTORS, (name, sector)
    for adjective, iso3, *_ in rows("fr/nationalities.tsv"):
        assert is_state_code(iso3), (adjective, iso3)
        assert state_name(iso3)
    for name, code, sector, aliases in rows("fr/bodies.tsv"):
        assert is_state_code(code) or code in PLOVER_CODES, (name, code)
        assert sector == "" or sector in SECTORS, (name, sector)
    for name, iso3, kind, lat, lon, aliases in rows("fr/places.tsv"):
        assert iso3 == "" or is_state_code(iso3), (name, iso3)
        assert kind in {"city", "region"}, name
        assert (lat == "") == (lon == "") and (kind == "region" or lat), name


def test_data_tables_have_their_columns() -> None:
    widths = {
        "fr/countries.tsv": 3, "geo/countries_en.tsv": 2, "fr/capitals.tsv": 2,
        "fr/metonyms.tsv": 4, "fr/nationalities.tsv": 5, "fr/bodies.tsv": 4, "fr/places.tsv": 6,
        "geo/cities.tsv": 7,
    }
    for path, width in widths.items():
        text = DATA.joinpath(*path.split("/")).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                assert len(line.split("\t")) <= width, (path, line)
        assert all(len(row) == width for row in rows(path)), path


def test_body_names_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for name, code, sector, aliases in rows("fr/bodies.tsv"):
        for form in (name, *geo.split_cell(aliases)):
            key = ("A:" if names.is_acronym(form) else "W:") + fold(form)
            assert seen.setdefault(key, name) == name, (form, seen[key], name)


def test_city_table_is_compiled() -> None:
    """cities.tsv holds folded keys (rebuild it with scripts/build_gazetteer.py after changing
    fold) and stays small."""
    path = DATA.joinpath("geo", "cities.tsv")
    assert len(path.read_bytes()) < 3_200_000
    table = rows("geo/cities.tsv")
    assert len(table) > 40_000
    for name, key, iso3, lat, lon, population, alternates in table:
        assert key == "" or key == fold(name), name
        assert is_state_code(iso3) or iso3 in {"XKX"}, (name, iso3)
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
        assert int(population) >= 0
        for other in alternates.split("|") if alternates else ():
            assert other == fold(other), (name, other)
    homographs = names.homographs()
    assert {"reunion", "tours", "police", "paris"} <= homographs
    assert all(word == fold(word) for word in homographs)


def test_geonames_attribution() -> None:
    readme = DATA.joinpath("geo", "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme
    header = DATA.joinpath("geo", "cities.tsv").read_text(encoding="utf-8")[:300]
    assert "GeoNames" in header and "CC BY 4.0" in header


def test_loaders_are_cached_and_immutable() -> None:
    assert geo._states() is geo._states()
    assert geo._nationalities() is geo._nationalities()
    with pytest.raises(TypeError):
        geo._states().names["VNM"] = "Viêt Nam"  # type: ignore[index]
    with pytest.raises(TypeError):
        geo._nationalities().forms["x"] = "VNM"  # type: ignore[index]


# --- gold files of ../shared -----------------------------------------------------------------


def gold_documents() -> list[dict[str, Any]]:
    """The documents of the development gold files (the seeds and ``dev-*``; the ``check-*``
    files are scored, never read for vocabulary)."""
    documents = []
    gold = SHARED / "gold"
    for path in sorted([gold / "seeds.jsonl", *gold.glob("dev-*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                documents.append(json.loads(line))
    return documents


def gold_actors(kind: str) -> list[dict[str, Any]]:
    return [a for d in gold_documents() for a in d["actors"] if a["kind"] == kind]


@needs_shared
def test_gold_is_there() -> None:
    assert SHARED.is_dir() and (SHARED / "gold" / "README.md").is_file()
    assert len(gold_actors("state")) > 20


@needs_shared
def test_gold_states() -> None:
    """Every state of the gold gets its country from its name, and its name from its country;
    its aliases are names of it, capitals standing for it, official forms, or its people named
    for it ("les Américains", a capitalised demonym)."""
    for actor in gold_actors("state"):
        name, code = str(actor["name"]), str(actor["country"])
        assert country_code(name) == code, name
        assert state_name(code) == name, (code, state_name(code), name)
        for alias in actor["aliases"]:
            people = nationality(alias) if alias[:1].isupper() else None
            assert (country_code(alias) or capital_metonym(alias) or people) == code, alias


@needs_shared
def test_gold_international_bodies() -> None:
    for actor in gold_actors("organization"):
        if actor["country"] not in PLOVER_CODES - {"MNC"}:
            continue
        body = international_body(str(actor["name"]))
        assert body is not None, actor["name"]
        assert (body.code, body.sector) == (actor["country"], actor["sector"]), actor["name"]
        for alias in actor["aliases"]:
            found = international_body(alias)
            assert found is not None and found.code == actor["country"], alias


@needs_shared
def test_gold_places() -> None:
    places = {
        (e["place"]["name"], e["place"]["country"])
        for d in gold_documents()
        for e in d["events"]
        if e["place"]
    }
    assert len(places) >= 10
    for name, code in places:
        place = find_place(name)
        assert place is not None and place.country_iso3 == code, (name, code, place)


# the adjectives of nationality of the gold texts (found with grep), with their states
GOLD_ADJECTIVES = {
    "vietnamien": ("VNM",), "vietnamienne": ("VNM",), "chinois": ("CHN",),
    "iranien": ("IRN",), "syrien": ("SYR",), "syrienne": ("SYR",), "syriens": ("SYR",),
    "britannique": ("GBR",), "australien": ("AUS",), "danois": ("DNK",),
    "russo-américain": ("RUS", "USA"), "américain": ("USA",), "américaine": ("USA",),
    "belge": ("BEL",), "burundais": ("BDI",), "burundaise": ("BDI",), "français": ("FRA",),
    "indien": ("IND",), "irakienne": ("IRQ",), "libanais": ("LBN",), "pakistanaise": ("PAK",),
    "russe": ("RUS",), "russes": ("RUS",), "suisse": ("CHE",), "turque": ("TUR",),
    "Américain": ("USA",), "Américains": ("USA",), "Français": ("FRA",), "Italiens": ("ITA",),
    "Lao": ("LAO",), "lao": ("LAO",), "Vietnamiens": ("VNM",), "vietnamiens": ("VNM",),
    "afghane": ("AFG",), "américaines": ("USA",), "américains": ("USA",),
    "américano-russe": ("USA", "RUS"), "anglais": ("GBR",), "australienne": ("AUS",),
    "britanniques": ("GBR",), "cambodgien": ("KHM",), "cubain": ("CUB",), "cubains": ("CUB",),
    "estonien": ("EST",), "française": ("FRA",), "hongroise": ("HUN",), "irakien": ("IRQ",),
    "irakiennes": ("IRQ",), "iraniens": ("IRN",), "italien": ("ITA",), "japonais": ("JPN",),
    "nord-coréen": ("PRK",), "slovaque": ("SVK",), "sud-coréen": ("KOR",),
    "sud-coréenne": ("KOR",), "sénégalaise": ("SEN",), "turcs": ("TUR",), "turques": ("TUR",),
}


def gold_words() -> set[str]:
    words: set[str] = set()
    for document in gold_documents():
        text = (SHARED / str(document["text_path"])).read_text(encoding="utf-8")
        words.update(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))
    return words


@needs_shared
def test_gold_nationality_adjectives() -> None:
    """The adjectives of the gold texts resolve, and no other word of those texts does."""
    words = gold_words()
    for word, codes in GOLD_ADJECTIVES.items():
        assert word in words, word
        assert nationalities_in(word) == codes, word
        if len(codes) == 1:
            assert nationality(word) == codes[0], word
    resolved = {w for w in words if nationalities_in(w)}
    assert resolved == set(GOLD_ADJECTIVES)


def test_a_city_found_only_by_a_geonames_variant_says_so() -> None:
    gaz = geo.gazetteer()
    assert gaz.by_alternate_name("Balajan") and gaz.find("Balajan").country_iso3 == "PHL"
    assert not gaz.by_alternate_name("Balayan") and not gaz.by_alternate_name("Hanoï")
