"""Format check of a gold file (the document JSON of ``../shared/gold/README.md``).

    python evaluation/validate_gold.py GOLD.jsonl [--root ../shared]

Checks, document by document: the fields; actor kinds, countries and sectors; that every
participant, speaker, holder and source names an actor of the document (or is unnamed); event
types and modes of PLOVER; that each evidence is verbatim in the text, and 5 to 80 characters long for events and claims;
claim qualifiers. Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from accord.vocab.ontology import is_event_type, is_mode

KINDS = {"person", "organization", "state"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "at_least"}
COUNTRY = re.compile(r"[A-Z]{3}")
SECTOR = re.compile(r"[A-Z]{3}")
DOC_FIELDS = {"id", "text_path", "language", "published", "actors", "events", "claims",
              "statements"}


def _problems(doc: dict[str, Any], root: Path) -> list[str]:
    out: list[str] = []
    missing = DOC_FIELDS - doc.keys()
    if missing:
        return [f"missing fields {sorted(missing)}"]
    path = root / doc["text_path"]
    if not path.is_file():
        return [f"no text at {path}"]
    text = path.read_text("utf-8")
    names: set[str] = set()
    for a in doc["actors"]:
        name = a.get("name")
        if not isinstance(name, str) or not name:
            out.append(f"actor without a name: {a}")
            continue
        names.add(name)
        if a.get("kind") not in KINDS:
            out.append(f"actor {name!r}: kind {a.get('kind')!r}")
        country = a.get("country")
        if country is not None and not COUNTRY.fullmatch(country):
            out.append(f"actor {name!r}: country {country!r}")
        sector = a.get("sector")
        if sector is not None and not SECTOR.fullmatch(sector):
            out.append(f"actor {name!r}: sector {sector!r}")
        if a.get("kind") == "state" and sector is not None:
            out.append(f"state {name!r} has a sector")
        if not isinstance(a.get("titles", []), list) or not isinstance(a.get("aliases", []), list):
            out.append(f"actor {name!r}: titles and aliases are lists")

    def evidence(where: str, ev: Any, longest: int = 80) -> None:
        if not isinstance(ev, str) or not 5 <= len(ev) <= longest:
            out.append(f"{where}: evidence of {len(ev) if isinstance(ev, str) else ev!r} chars")
        elif ev not in text:
            out.append(f"{where}: evidence not verbatim in the text: {ev!r}")

    for k, e in enumerate(doc["events"]):
        where = f"event {k} ({e.get('type')})"
        if not is_event_type(e.get("type", "")):
            out.append(f"{where}: unknown type")
        elif e.get("mode") is not None and not is_mode(e["type"], e["mode"]):
            out.append(f"{where}: {e['mode']!r} is not a mode of {e['type']}")
        for side in ("actor", "recipient"):
            for p in e.get(side) or []:
                if p.get("name") is not None and p["name"] not in names:
                    out.append(f"{where}: {side} {p['name']!r} is no actor of the document")
        if not isinstance(e.get("optional"), bool):
            out.append(f"{where}: optional must be true or false")
        evidence(where, e.get("evidence"))
    for k, c in enumerate(doc["claims"]):
        where = f"claim {k}"
        if c.get("qualifier") not in QUALIFIERS:
            out.append(f"{where}: qualifier {c.get('qualifier')!r}")
        if not isinstance(c.get("quantity"), (int, float)):
            out.append(f"{where}: quantity {c.get('quantity')!r}")
        for role in ("holder", "source"):
            if c.get(role) is not None and c[role] not in names:
                out.append(f"{where}: {role} {c[role]!r} is no actor of the document")
        evidence(where, c.get("evidence"))
    for k, s in enumerate(doc["statements"]):
        where = f"statement {k}"
        if s.get("speaker") is not None and s["speaker"] not in names:
            out.append(f"{where}: speaker {s['speaker']!r} is no actor of the document")
        if not s.get("verb"):
            out.append(f"{where}: no verb")
        evidence(where, s.get("evidence"), longest=10_000)  # what is reported, any length
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("--root", default="../shared", help="folder the text paths start from")
    args = parser.parse_args(argv)
    failed = 0
    seen: set[str] = set()
    for n, line in enumerate(Path(args.gold).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"line {n}: not JSON ({exc})")
            failed += 1
            continue
        problems = _problems(doc, Path(args.root))
        if doc.get("id") in seen:
            problems.append("id repeated")
        seen.add(doc.get("id"))
        for p in problems:
            print(f"{doc.get('id', f'line {n}')}: {p}")
        failed += bool(problems)
    print(f"{len(seen)} documents, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
