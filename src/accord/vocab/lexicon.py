"""Vocabularies of one language, read from the package's data files.

The files live in ``accord/data/<lang>/`` as TSV with a header line and ``#`` comments. They are
read once per process (``functools.lru_cache``) into frozen objects; nothing here is mutable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from accord.vocab.text import fold

__all__ = [
    "TRIGGER_FILES",
    "Lexicon",
    "OrgHead",
    "ReportingVerb",
    "Title",
    "Trigger",
    "lexicon",
    "read_tsv",
]


# Event trigger files, read in this order: a (lemma, part of speech) of an earlier file hides
# the same word in a later one.
TRIGGER_FILES = ("triggers.tsv", "trigger_lexicon.tsv")


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
    objects: frozenset[str]  # folded lemmas


@dataclass(frozen=True, slots=True)
class OrgHead:
    head: str
    sector: str
    with_nationality: bool


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    lemma: str
    clause: bool  # reports a clause, an infinitive or an adjective
    noun: bool  # reports a noun phrase object too
    quote: bool  # reports a quotation written right after it
    addressee: bool = False  # reports what it addresses, an actor too ("remercie le Vietnam")
    finite_only: bool = False  # reports a "que" clause, not an infinitive ("souhaite que ...")
    opinion: bool = False  # reports an object that names a view or a wish ("partage l'avis")


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    titles: Mapping[str, Title]  # folded title -> Title
    title_starts: frozenset[str]  # folded first words of the titles
    portfolios: Mapping[str, str]  # folded keyword -> sector
    org_heads: Mapping[str, OrgHead]  # folded head -> OrgHead
    agencies: Mapping[str, str]  # name -> country
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> triggers
    reporting_verbs: Mapping[str, ReportingVerb]  # lemma -> entry ("faire part" too)
    reporting_light_verbs: frozenset[str]  # first words of the multi-word ones ("faire")
    contexts: Mapping[str, tuple[str, ...]]  # context -> folded stems
    groups: Mapping[str, str | None]  # folded group noun ("manifestant") -> sector
    support_verbs: Mapping[str, str | None]  # folded lemma -> preposition of the noun, or None
    disasters: frozenset[str]  # folded nouns of natural disasters and accidents

    def title_head(self, title: str) -> str | None:
        """The lexicon entry a title starts with ("vice-ministre de la Défense" → "vice-ministre")."""
        folded = fold(title)
        return max(
            (t for t in self.titles if folded == t or folded.startswith(t + " ")),
            key=len, default=None,
        )

    def title_sector(self, title: str) -> str | None:
        """The sector an office or rank gives: its portfolio first, then the title itself."""
        head = self.title_head(title)
        return self.portfolio_sector(title) or (self.titles[head].sector if head else None)

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
    core: set[tuple[str, str]] = set()
    for name in TRIGGER_FILES:
        added: set[tuple[str, str]] = set()
        for r in read_tsv(lang, name):
            key = (r["lemma"], r["pos"])
            if key in core:
                continue  # the core file's reading of a word wins over the wider lexicon's
            objects = frozenset() if r["objects"] in ("", "-") else frozenset(
                fold(o) for o in r["objects"].split(","))
            trig = Trigger(r["lemma"], r["pos"], r["type"], _none(r["mode"]), r["frame"], objects)
            triggers.setdefault(key, []).append(trig)
            added.add(key)
        core |= added
    verbs = {}
    for r in read_tsv(lang, "reporting_verbs.tsv"):
        takes = set(r["takes"].split(","))
        if not takes <= {"clause", "that", "noun", "quote", "addressee", "opinion"}:
            raise ValueError(f"reporting_verbs.tsv: unknown 'takes' for {r['lemma']}: {r['takes']}")
        clause = bool(takes & {"clause", "that"})
        verbs[r["lemma"]] = ReportingVerb(r["lemma"], clause, "noun" in takes,
                                          "quote" in takes or clause, "addressee" in takes,
                                          "that" in takes and "clause" not in takes,
                                          "opinion" in takes)
    contexts = {
        r["context"]: tuple(fold(s) for s in r["stems"].split(","))
        for r in read_tsv(lang, "contexts.tsv")
    }
    groups = {fold(r["noun"]): _none(r["sector"]) for r in read_tsv(lang, "groups.tsv")}
    support = {fold(r["lemma"]): _none(r["case"]) for r in read_tsv(lang, "support_verbs.tsv")}
    return Lexicon(
        lang=lang,
        groups=groups,
        support_verbs=support,
        disasters=frozenset(fold(r["noun"]) for r in read_tsv(lang, "disasters.tsv")),
        titles=titles,
        title_starts=frozenset(t.split()[0] for t in titles),
        portfolios=portfolios,
        org_heads=heads,
        agencies=agencies,
        triggers={k: tuple(v) for k, v in triggers.items()},
        reporting_verbs=verbs,
        reporting_light_verbs=frozenset(v.split(" ")[0] for v in verbs if " " in v),
        contexts=contexts,
    )
