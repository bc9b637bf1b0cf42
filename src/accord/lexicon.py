"""Vocabularies of one language, read from the package's data files.

The files live in ``accord/data/<lang>/`` as TSV with a header line and ``#`` comments. They are
read once per process (``functools.lru_cache``) into frozen objects; nothing here is mutable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "Lexicon",
    "OrgHead",
    "Title",
    "Trigger",
    "fold",
    "lexicon",
    "read_tsv",
]


def fold(text: str) -> str:
    """Case-fold and strip accents; apostrophes unified to ``'``."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_tsv(lang: str, name: str) -> list[dict[str, str]]:
    """Rows of ``data/<lang>/<name>`` as dicts keyed by the header line."""
    path = resources.files("accord") / "data" / lang / name
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


@dataclass(frozen=True, slots=True)
class Title:
    text: str  # as listed, lower case ("vice-ministre")
    kind: str  # rank | office | honorific
    sector: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    frame: str
    objects: frozenset[str]


@dataclass(frozen=True, slots=True)
class OrgHead:
    head: str
    sector: str
    with_nationality: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    titles: Mapping[str, Title]  # folded title -> Title
    portfolios: Mapping[str, str]  # folded keyword -> sector
    org_heads: Mapping[str, OrgHead]  # folded head -> OrgHead
    agencies: Mapping[str, str]  # name -> country
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> triggers
    reporting_verbs: frozenset[str]
    contexts: Mapping[str, tuple[str, ...]]  # context -> folded stems

    def title_sector(self, title: str) -> str | None:
        """The sector an office or rank gives: its portfolio first, then the title itself."""
        folded = fold(title)
        best: tuple[int, str] | None = None
        for keyword, sector in self.portfolios.items():
            if keyword in folded and (best is None or len(keyword) > best[0]):
                best = (len(keyword), sector)
        if best is not None:
            return best[1]
        longest = max((t for t in self.titles if folded.startswith(t)), key=len, default=None)
        return self.titles[longest].sector if longest else None

    def portfolio_sector(self, text: str) -> str | None:
        folded = fold(text)
        best = max((k for k in self.portfolios if k in folded), key=len, default=None)
        return self.portfolios[best] if best else None


def _none(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=4)
def lexicon(lang: str = "fr") -> Lexicon:
    titles = {
        fold(r["title"]): Title(r["title"], r["kind"], _none(r["sector"]))
        for r in read_tsv(lang, "titles.tsv")
    }
    portfolios = {fold(r["keyword"]): r["sector"] for r in read_tsv(lang, "portfolios.tsv")}
    heads = {
        fold(r["head"]): OrgHead(r["head"], r["sector"], r["with_nationality"] == "yes")
        for r in read_tsv(lang, "org_heads.tsv")
    }
    agencies = {r["name"]: r["country"] for r in read_tsv(lang, "agencies.tsv")}
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for r in read_tsv(lang, "triggers.tsv"):
        objects = frozenset() if r["objects"] in ("", "-") else frozenset(r["objects"].split(","))
        trig = Trigger(r["lemma"], r["pos"], r["type"], _none(r["mode"]), r["frame"], objects)
        triggers.setdefault((r["lemma"], r["pos"]), []).append(trig)
    verbs = frozenset(r["lemma"] for r in read_tsv(lang, "reporting_verbs.tsv"))
    contexts = {
        r["context"]: tuple(fold(s) for s in r["stems"].split(","))
        for r in read_tsv(lang, "contexts.tsv")
    }
    return Lexicon(
        lang=lang,
        titles=titles,
        portfolios=portfolios,
        org_heads=heads,
        agencies=agencies,
        triggers={k: tuple(v) for k, v in triggers.items()},
        reporting_verbs=verbs,
        contexts=contexts,
    )
