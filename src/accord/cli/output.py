"""Printing rows as a table, JSON, JSONL or CSV, and one document with its extraction.

The store's events, statements, claims and actors print (:func:`emit_rows`) as the items of the JSON
API (``json``: one array, ``jsonl``: one item per line; :mod:`accord.store.items`), as their flat
table (``csv``: a header and one line per row, full ids; :mod:`accord.store.tables`), or as a table
for people (``table``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.records import Document
from accord.store.items import ITEMS, date_label
from accord.store.tables import TABLES, csv_lines, jsonl_lines

__all__ = ["FORMATS", "emit", "emit_rows", "show_document"]

FORMATS = ("table", "json", "jsonl", "csv")


def emit_rows(kind: str, rows: Iterable[Any], fmt: str, *,
              display: Callable[[Any], Mapping[str, Any]], no_wrap: Collection[str] = ()) -> None:
    """Print the store rows ``rows`` of ``kind`` (``"events"``, ``"statements"``, ``"claims"``
    or ``"actors"``) in the format ``fmt`` of :data:`FORMATS`: ``json`` and ``jsonl`` as their
    API items, ``csv`` as their flat table, ``table`` as ``display(row)`` for each row (the
    columns named in ``no_wrap`` kept on one line). ``jsonl`` and ``csv`` are written as the
    rows come."""
    out = sys.stdout
    if fmt == "json":
        items = [ITEMS[kind](r) for r in rows]
        out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.writelines(jsonl_lines(map(ITEMS[kind], rows)))
    elif fmt == "csv":
        spec = TABLES[kind]
        out.writelines(csv_lines(spec.columns, map(spec.record, rows)))
    else:
        emit([display(r) for r in rows], "table", title=kind, no_wrap=no_wrap)


def emit(rows: Sequence[Mapping[str, Any]], fmt: str, *, title: str = "",
         no_wrap: Collection[str] = ()) -> None:
    """Print ``rows`` to standard output as ``table``, ``json`` or ``csv`` (the columns named in
    ``no_wrap`` kept on one line in a table)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        return
    columns = list(rows[0].keys()) if rows else []
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        if columns:
            writer.writeheader()
        writer.writerows(rows)
        return
    console = Console(width=max(Console().width, 160) if not sys.stdout.isatty() else None)
    if not rows:
        console.print(f"no {title or 'rows'}")
        return
    table = Table(title=f"{len(rows)} {title}".strip(), show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col in no_wrap)
    for row in rows:
        table.add_row(*["" if row[c] is None else str(row[c]) for c in columns])
    console.print(table)


def show_document(doc: Document) -> None:
    """The article with its actors underlined, then what was extracted from it."""
    console = Console()
    console.rule(f"{doc.title or doc.path}  [{doc.id}]")
    console.print(f"published {doc.published or '?'} · language {doc.language} · "
                  f"source {doc.source or '?'} · {doc.path}")
    text = Text(doc.text)
    for actor in doc.actors:
        style = {"person": "bold cyan", "organization": "bold magenta", "state": "bold green"}
        for start, end in actor.mentions:
            text.stylize(style.get(actor.kind, "bold"), start, end)
    for event in doc.events:
        text.stylize("reverse", *event.span)
    console.print(text)
    console.rule("actors")
    for a in doc.actors:
        titles = f" — {', '.join(a.titles)}" if a.titles else ""
        console.print(f"{a.kind:12} {a.name} ({a.country or '-'}, {a.sector or '-'}){titles}")
    console.rule("events")
    for e in doc.events:
        actors = ", ".join(p.name or f"? ({p.country})" for p in e.actor)
        recips = ", ".join(p.name or f"? ({p.country})" for p in e.recipient)
        console.print(f"{date_label(e.date, doc.published):10} {e.type:9} {e.mode or '':7} {actors} → {recips}"
                      f"  «{e.evidence}»")
    console.rule("claims")
    for c in doc.claims:
        console.print(f"{c.qualifier:9} {c.quantity:g} {c.unit} (holder {c.holder or '-'}, "
                      f"source {c.source or '-'})")
    console.rule("statements")
    for s in doc.statements:
        console.print(f"{s.speaker or '?'} ({s.verb}): «{s.evidence}»")
