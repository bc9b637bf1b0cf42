"""Score system documents against gold documents, as ``shared/gold/README.md`` ("Scoring") says.

Input: pairs ``(gold, system)`` of document dicts in the document JSON format (a facet that is
missing or ``null`` is an empty list; fields the scorer does not use are ignored). Output: a
frozen :class:`Report` with, for each facet, tp/fp/fn and precision/recall/F1 per document (keyed
by the gold ``id``) and micro-averaged over the set, plus the secondary figures.

Facets: ``actors``, ``events_named``, ``events_dyadic``, ``claims``, ``statements``.

Decisions where the README leaves room:

- Names: :func:`normalize_name` folds case, strips accents (NFKD, combining marks dropped), turns
  apostrophes and hyphens into spaces and collapses whitespace. "One's tokens contain the
  other's" means the token *set* of one is a subset of the other's; the last tokens must be equal.
- Matching is one to one everywhere: a maximum-cardinality matching (Hungarian algorithm, so
  deterministic) that, among those, maximises a quality score: for actors exact name > alias >
  containment, then equal country; for events, required gold events first, then agreement of
  date, place, mode and evidence; for statements, exact speaker name first.
- Actors: a pair matches when :func:`names_match` (gold name and aliases vs predicted name) and
  ``kind`` is equal. Country and sector accuracy count ``null == null`` as correct; title recall
  is over the gold titles of matched actors.
- Event participants (named): a gold participant with a name matches a predicted participant
  whose name matches it (aliases from the gold actor of that name, same country preferred); when
  the gold document has several actors of that name, countries must also be equal (if both are
  given). A gold participant with ``null`` name matches any predicted participant, named or not,
  of the same ``country`` (``null`` included). Lists match "both ways": every gold participant
  matches some predicted one and every predicted participant matches some gold one (not a
  bijection). An empty gold list accepts only an empty list or unnamed predicted participants.
  CONSULT with gold ``mode`` null pools actors and recipients on both sides.
- Events (dyadic): the same, with each side compared by the set of ``country`` values (``null``
  is a value); an empty gold list still accepts only unnamed predicted participants.
- Optional gold events: a predicted event matched to one is neither tp nor fp (duplicates beyond
  the one matched are fp); an unmatched optional event is not fn.
- Secondary event figures are taken on the tp pairs of the named matching: date (exact string,
  ``null == null`` correct), place (both null, or equal country and names equal or token-subset
  either way after normalisation), mode (equal), evidence hit (gold evidence, whitespace
  collapsed, is a substring of the predicted ``sentence``; a predicted event without ``sentence``
  is checked against its ``evidence``, so gold scored against itself hits). Events whose gold
  evidence is empty are left out of the evidence denominator.
- Claims: key (quantity as a number, first token of the normalised unit less a final "s"/"x");
  matched as multisets. Statements: speaker by :func:`names_match` (null matches null only) and
  verb equal after :func:`normalize_name`.
- Secondary claim figures, on the matched pairs (paired so that they agree where they can):
  qualifier (equal), holder and source (both null, or the predicted name matches the gold one).
  Secondary statement figure: date (exact string, ``null == null`` correct).
- P = tp/(tp+fp), or 1.0 when nothing is predicted; R = tp/(tp+fn), or 1.0 when there is nothing
  to find; F1 their harmonic mean, 0.0 when both are 0. A ratio with denominator 0 is ``None``.

Raises :class:`accord.errors.GoldFormatError` for duplicate gold ids or a facet that is not a list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from accord.errors import GoldFormatError
from accord.vocab.text import normalize_name

__all__ = [
    "FACETS",
    "Counts",
    "Ratio",
    "Report",
    "Scores",
    "format_table",
    "names_match",
    "normalize_name",
    "score",
]

FACETS = ("actors", "events_named", "events_dyadic", "claims", "statements")
_SECONDARY = {
    "actors": (("actor_country", "country accuracy"), ("actor_sector", "sector accuracy"),
               ("actor_titles", "title recall")),
    "events_named": (("event_date", "date accuracy"), ("event_place", "place accuracy"),
                     ("event_mode", "mode accuracy"), ("event_evidence", "evidence hit rate")),
    "claims": (("claim_qualifier", "qualifier accuracy"), ("claim_holder", "holder accuracy"),
               ("claim_source", "source accuracy")),
    "statements": (("statement_date", "date accuracy"),),
}

Record = Mapping[str, Any]


# --- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives of one facet."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Ratio:
    """``correct`` out of ``total``; :attr:`value` is ``None`` when ``total`` is 0."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


@dataclass(frozen=True, slots=True)
class Scores:
    """Every figure for one document, or summed over a set (micro-average)."""

    actors: Counts = Counts()
    events_named: Counts = Counts()
    events_dyadic: Counts = Counts()
    claims: Counts = Counts()
    statements: Counts = Counts()
    actor_country: Ratio = Ratio()
    actor_sector: Ratio = Ratio()
    actor_titles: Ratio = Ratio()
    event_date: Ratio = Ratio()
    event_place: Ratio = Ratio()
    event_mode: Ratio = Ratio()
    event_evidence: Ratio = Ratio()
    claim_qualifier: Ratio = Ratio()
    claim_holder: Ratio = Ratio()
    claim_source: Ratio = Ratio()
    statement_date: Ratio = Ratio()

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def facet(self, name: str) -> Counts:
        counts: Counts = getattr(self, name)
        return counts

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for facet in FACETS:
            entry = self.facet(facet).to_dict()
            for attr, label in _SECONDARY.get(facet, ()):
                ratio: Ratio = getattr(self, attr)
                entry[label.replace(" ", "_")] = ratio.to_dict()
            out[facet] = entry
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """Micro-averaged figures over the set and figures per document (keyed by gold ``id``)."""

    micro: Scores
    documents: Mapping[str, Scores]

    def to_dict(self) -> dict[str, Any]:
        return {"documents_scored": len(self.documents), "micro": self.micro.to_dict(),
                "documents": {key: s.to_dict() for key, s in self.documents.items()}}


# --- names -------------------------------------------------------------------------------------


def _name_quality(gold_names: Sequence[str], predicted: str) -> int:
    """3: equals the gold name, 2: equals an alias, 1: token containment, 0: no match."""
    pred = normalize_name(predicted).split()
    if not pred:
        return 0
    best = 0
    for rank, gold_name in enumerate(gold_names):
        gold = normalize_name(gold_name).split()
        if not gold:
            continue
        if gold == pred:
            best = max(best, 3 if rank == 0 else 2)
        elif gold[-1] == pred[-1] and (set(gold) <= set(pred) or set(pred) <= set(gold)):
            best = max(best, 1)
    return best


def names_match(gold_names: Sequence[str], predicted: str) -> bool:
    """True when ``predicted`` matches the gold name ``gold_names[0]`` or an alias after it.

    Equal after :func:`normalize_name`, or the token set of one contains the other's and both
    end with the same token ("Lam" matches "To Lam"; "To" does not).
    """
    return _name_quality(gold_names, predicted) > 0


# --- matching ----------------------------------------------------------------------------------


def _hungarian(cost: list[list[int]]) -> list[int]:
    """Column assigned to each row of a square cost matrix, minimising the total."""
    n, inf = len(cost), 1 << 62
    u, v, p, way = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    assignment = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            assignment[p[j] - 1] = j - 1
    return assignment


def _match(n_gold: int, n_pred: int,
           weight: Callable[[int, int], int | None]) -> list[tuple[int, int]]:
    """One-to-one matching of maximum size, then maximum total weight (``None``: no edge)."""
    weights = [[weight(g, p) for p in range(n_pred)] for g in range(n_gold)]
    edges = [w for row in weights for w in row if w is not None]
    if not edges:
        return []
    big = (max(edges) + 1) * (min(n_gold, n_pred) + 1)  # one more pair beats any weight gain
    size = max(n_gold, n_pred)
    cost = [[0] * size for _ in range(size)]
    for g, row in enumerate(weights):
        for p, w in enumerate(row):
            if w is not None:
                cost[g][p] = -(big + w)
    assignment = _hungarian(cost)
    return [(g, assignment[g]) for g in range(n_gold)
            if assignment[g] < n_pred and weights[g][assignment[g]] is not None]


# --- documents ---------------------------------------------------------------------------------


def _records(doc: Record, key: str) -> list[Record]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise GoldFormatError(f"document {doc.get('id')!r}: {key!r} is not a list of objects")
    return value


def _name(record: Record | None, key: str = "name") -> str | None:
    value = record.get(key) if record is not None else None
    return value if isinstance(value, str) and value.strip() else None


class _GoldActors:
    """The gold document's actors, looked up by normalised name for their aliases."""

    def __init__(self, actors: list[Record]) -> None:
        self._by_name: dict[str, list[Record]] = {}
        for actor in actors:
            name = _name(actor)
            if name is not None:
                self._by_name.setdefault(normalize_name(name), []).append(actor)

    def names(self, name: str, country: Any = None) -> list[str]:
        """``name`` followed by the aliases of the gold actor of that name (same country first)."""
        candidates = self._by_name.get(normalize_name(name), [])
        chosen = [a for a in candidates if a.get("country") == country] or candidates
        aliases = (chosen[0].get("aliases") or []) if chosen else []
        return [name, *(a for a in aliases if isinstance(a, str))]

    def ambiguous(self, name: str) -> bool:
        return len(self._by_name.get(normalize_name(name), [])) > 1


def _score_actors(gold: list[Record], pred: list[Record]) -> tuple[Counts, Ratio, Ratio, Ratio]:
    def weight(g: int, p: int) -> int | None:
        pred_name = _name(pred[p])
        gold_name = _name(gold[g])
        if pred_name is None or gold_name is None or gold[g].get("kind") != pred[p].get("kind"):
            return None
        aliases = [a for a in gold[g].get("aliases") or [] if isinstance(a, str)]
        quality = _name_quality([gold_name, *aliases], pred_name)
        if not quality:
            return None
        return 2 * quality + (gold[g].get("country") == pred[p].get("country"))

    pairs = _match(len(gold), len(pred), weight)
    country = sector = titles = Ratio()
    for g, p in pairs:
        country += Ratio(gold[g].get("country") == pred[p].get("country"), 1)
        sector += Ratio(gold[g].get("sector") == pred[p].get("sector"), 1)
        found = {normalize_name(t) for t in pred[p].get("titles") or [] if isinstance(t, str)}
        wanted = [normalize_name(t) for t in gold[g].get("titles") or [] if isinstance(t, str)]
        titles += Ratio(sum(t in found for t in wanted), len(wanted))
    counts = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    return counts, country, sector, titles


def _participant_matches(gold: Record, pred: Record, actors: _GoldActors) -> bool:
    gold_name, pred_name = _name(gold), _name(pred)
    if gold_name is None:
        return bool(gold.get("country") == pred.get("country"))
    if pred_name is None or not names_match(actors.names(gold_name, gold.get("country")),
                                            pred_name):
        return False
    if actors.ambiguous(gold_name) and None not in (gold.get("country"), pred.get("country")):
        return bool(gold.get("country") == pred.get("country"))
    return True


def _sides(gold: Record, pred: Record) -> list[tuple[list[Record], list[Record]]]:
    """Pairs (gold list, predicted list) to compare; one pooled pair for CONSULT without mode."""
    ga, gr = _records(gold, "actor"), _records(gold, "recipient")
    pa, pr = _records(pred, "actor"), _records(pred, "recipient")
    if gold.get("type") == "CONSULT" and gold.get("mode") is None:
        return [(ga + gr, pa + pr)]
    return [(ga, pa), (gr, pr)]


def _named_sides_match(gold: Record, pred: Record, actors: _GoldActors) -> bool:
    for gold_list, pred_list in _sides(gold, pred):
        if not gold_list:
            if any(_name(p) is not None for p in pred_list):
                return False
            continue
        if not all(any(_participant_matches(g, p, actors) for p in pred_list) for g in gold_list):
            return False
        if not all(any(_participant_matches(g, p, actors) for g in gold_list) for p in pred_list):
            return False
    return True


def _dyadic_sides_match(gold: Record, pred: Record, actors: _GoldActors) -> bool:
    for gold_list, pred_list in _sides(gold, pred):
        if not gold_list:
            if any(_name(p) is not None for p in pred_list):
                return False
        elif {g.get("country") for g in gold_list} != {p.get("country") for p in pred_list}:
            return False
    return True


def _place_correct(gold: Any, pred: Any) -> bool:
    if not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        return not isinstance(gold, Mapping) and not isinstance(pred, Mapping)
    if gold.get("country") != pred.get("country"):
        return False
    gold_tokens = set(normalize_name(_name(gold) or "").split())
    pred_tokens = set(normalize_name(_name(pred) or "").split())
    if not gold_tokens or not pred_tokens:
        return not gold_tokens
    return gold_tokens <= pred_tokens or pred_tokens <= gold_tokens


def _evidence_hit(gold: Record, pred: Record) -> bool | None:
    evidence = " ".join(str(gold.get("evidence") or "").split())
    if not evidence:
        return None
    sentence = pred.get("sentence")
    if not isinstance(sentence, str):
        sentence = str(pred.get("evidence") or "")
    return evidence in " ".join(sentence.split())


def _event_quality(gold: Record, pred: Record) -> int:
    return (int(gold.get("date") == pred.get("date"))
            + int(_place_correct(gold.get("place"), pred.get("place")))
            + int(gold.get("mode") == pred.get("mode")) + int(bool(_evidence_hit(gold, pred))))


def _match_events(gold: list[Record], pred: list[Record], actors: _GoldActors,
                  sides_match: Callable[[Record, Record, _GoldActors], bool],
                  ) -> tuple[Counts, list[tuple[Record, Record]]]:
    """Counts and the (gold, predicted) tp pairs; optional gold events absorb predictions."""
    required_bonus = 4 * (len(gold) + 1) + 1  # more than any total of event qualities (<= 4)

    def weight(g: int, p: int) -> int | None:
        if gold[g].get("type") != pred[p].get("type") or not sides_match(gold[g], pred[p], actors):
            return None
        optional = bool(gold[g].get("optional"))
        return (0 if optional else required_bonus) + _event_quality(gold[g], pred[p])

    pairs = _match(len(gold), len(pred), weight)
    tp_pairs = [(gold[g], pred[p]) for g, p in pairs if not gold[g].get("optional")]
    required = sum(1 for e in gold if not e.get("optional"))
    counts = Counts(len(tp_pairs), len(pred) - len(pairs), required - len(tp_pairs))
    return counts, tp_pairs


def _claim_key(claim: Record) -> tuple[float | None, str]:
    quantity = claim.get("quantity")
    number = float(quantity) if isinstance(quantity, (int, float)) else None
    words = normalize_name(str(claim.get("unit") or "")).split()
    head = words[0] if words else ""
    if len(head) > 1 and head[-1] in "sx":
        head = head[:-1]
    return number, head


def _same_actor(gold: Record, pred: Record, key: str, actors: _GoldActors) -> bool:
    """Both name nobody, or the predicted name matches the gold one."""
    gold_name, pred_name = _name(gold, key), _name(pred, key)
    if gold_name is None or pred_name is None:
        return gold_name is None and pred_name is None
    return bool(_name_quality(actors.names(gold_name), pred_name))


def _score_claims(gold: list[Record], pred: list[Record], actors: _GoldActors
                  ) -> tuple[Counts, list[tuple[Record, Record]]]:
    """Counts over the claim keys (a multiset intersection) and the matched pairs, paired so
    that qualifier, holder and source agree where they can."""
    gold_keys, pred_keys = [_claim_key(c) for c in gold], [_claim_key(c) for c in pred]

    def weight(g: int, p: int) -> int | None:
        if gold_keys[g] != pred_keys[p]:
            return None
        return (int(gold[g].get("qualifier") == pred[p].get("qualifier"))
                + int(_same_actor(gold[g], pred[p], "holder", actors))
                + int(_same_actor(gold[g], pred[p], "source", actors)))

    pairs = _match(len(gold), len(pred), weight)
    tp = len(pairs)
    return Counts(tp, len(pred) - tp, len(gold) - tp), [(gold[g], pred[p]) for g, p in pairs]


def _score_statements(gold: list[Record], pred: list[Record], actors: _GoldActors
                      ) -> tuple[Counts, list[tuple[Record, Record]]]:
    def weight(g: int, p: int) -> int | None:
        if normalize_name(str(gold[g].get("verb") or "")) != normalize_name(
                str(pred[p].get("verb") or "")):
            return None
        gold_speaker, pred_speaker = _name(gold[g], "speaker"), _name(pred[p], "speaker")
        if gold_speaker is None or pred_speaker is None:
            return 0 if gold_speaker is None and pred_speaker is None else None
        quality = _name_quality(actors.names(gold_speaker), pred_speaker)
        return quality or None

    pairs = _match(len(gold), len(pred), weight)
    tp = len(pairs)
    return Counts(tp, len(pred) - tp, len(gold) - tp), [(gold[g], pred[p]) for g, p in pairs]


def _score_document(gold: Record, system: Record) -> Scores:
    gold_actors = _records(gold, "actors")
    actors = _GoldActors(gold_actors)
    actor_counts, country, sector, titles = _score_actors(gold_actors, _records(system, "actors"))
    gold_events, pred_events = _records(gold, "events"), _records(system, "events")
    named, tp_pairs = _match_events(gold_events, pred_events, actors, _named_sides_match)
    dyadic, _ = _match_events(gold_events, pred_events, actors, _dyadic_sides_match)
    date = place = mode = evidence = Ratio()
    for g, p in tp_pairs:
        date += Ratio(g.get("date") == p.get("date"), 1)
        place += Ratio(_place_correct(g.get("place"), p.get("place")), 1)
        mode += Ratio(g.get("mode") == p.get("mode"), 1)
        hit = _evidence_hit(g, p)
        if hit is not None:
            evidence += Ratio(hit, 1)
    claims, claim_pairs = _score_claims(_records(gold, "claims"), _records(system, "claims"),
                                        actors)
    qualifier = holder = source = Ratio()
    for g, p in claim_pairs:
        qualifier += Ratio(g.get("qualifier") == p.get("qualifier"), 1)
        holder += Ratio(_same_actor(g, p, "holder", actors), 1)
        source += Ratio(_same_actor(g, p, "source", actors), 1)
    statements, statement_pairs = _score_statements(
        _records(gold, "statements"), _records(system, "statements"), actors)
    statement_date = Ratio()
    for g, p in statement_pairs:
        statement_date += Ratio(g.get("date") == p.get("date"), 1)
    return Scores(
        actors=actor_counts, events_named=named, events_dyadic=dyadic,
        claims=claims, statements=statements,
        actor_country=country, actor_sector=sector, actor_titles=titles,
        event_date=date, event_place=place, event_mode=mode, event_evidence=evidence,
        claim_qualifier=qualifier, claim_holder=holder, claim_source=source,
        statement_date=statement_date,
    )


def score(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> Report:
    """Score each (gold document, system document) pair; micro-average over all of them."""
    documents: dict[str, Scores] = {}
    micro = Scores()
    for index, (gold, system) in enumerate(pairs):
        key = str(gold.get("id") or f"#{index}")
        if key in documents:
            raise GoldFormatError(f"duplicate gold document id {key!r}")
        documents[key] = _score_document(gold, system)
        micro += documents[key]
    return Report(micro=micro, documents=documents)


def format_table(report: Report) -> str:
    """A plain-text table: one line per facet, then the secondary figures with denominators."""
    lines = [f"{'facet':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for facet in FACETS:
        c = report.micro.facet(facet)
        lines.append(f"{facet:<15}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                     f"{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    for facet, secondary in _SECONDARY.items():
        lines.append(f"on matched {facet.split('_')[0]}:")
        for attr, label in secondary:
            ratio: Ratio = getattr(report.micro, attr)
            value = "-" if ratio.value is None else f"{ratio.value:.3f}"
            lines.append(f"  {label:<20}{value:>7}  ({ratio.correct}/{ratio.total})")
    lines.append(f"documents: {len(report.documents)}")
    return "\n".join(lines)
