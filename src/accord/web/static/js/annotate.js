/* The provenance layers of a document: spans → text segments → explanations.
 *
 * Spans overlap (an actor inside an event's sentence, a statement's content holding a date), so
 * the text is cut at every span boundary and each segment gets the classes of every layer that
 * covers it ("ann ann-actor ann-event") and, per layer, the indices of the covering items
 * (data-actor="0", data-event="1 2").
 */
(function () {
  "use strict";
  const { el, QUAD, dateLabel } = window.accord;

  const LAYERS = [
    { key: "actor", label: "Actors", list: "actors" },
    { key: "event", label: "Events", list: "events" },
    { key: "date", label: "Dates", list: "dates" },
    { key: "place", label: "Places", list: "places" },
    { key: "claim", label: "Claims", list: "claims" },
    { key: "statement", label: "Statements", list: "statements" },
  ];

  /** Every span of the document: [{layer, index, start, end, part}]. */
  function annotations(doc) {
    const out = [];
    const n = doc.text.length;
    const add = (layer, index, span, part) => {
      if (!span) return;
      const start = Math.max(0, Math.min(n, span[0]));
      const end = Math.max(0, Math.min(n, span[1]));
      if (end > start) out.push({ layer, index, start, end, part: part || null });
    };
    doc.actors.forEach((a, i) => (a.mentions || []).forEach((m) => add("actor", i, m)));
    doc.events.forEach((e, i) => add("event", i, e.span));
    doc.dates.forEach((d, i) => add("date", i, d.span));
    doc.places.forEach((p, i) => add("place", i, p.span));
    doc.claims.forEach((c, i) => add("claim", i, c.span));
    doc.statements.forEach((s, i) => {
      add("statement", i, s.span, "verb");
      add("statement", i, s.content_span, "content");
    });
    return out;
  }

  /** The text cut at every boundary: [{start, end, covers: [annotation]}]. */
  function segments(text, anns) {
    const points = [...new Set([0, text.length].concat(anns.flatMap((a) => [a.start, a.end])))]
      .sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const start = points[i], end = points[i + 1];
      out.push({ start, end, covers: anns.filter((a) => a.start <= start && a.end >= end) });
    }
    return out;
  }

  /** The annotated text as DOM: plain text nodes and <span class="ann …" data-…> segments. */
  function renderText(text, anns) {
    const box = el("div", { class: "doc-text" });
    for (const seg of segments(text, anns)) {
      const piece = text.slice(seg.start, seg.end);
      if (!seg.covers.length) {
        box.append(piece);
        continue;
      }
      const classes = new Set(["ann"]);
      const data = {};
      for (const a of seg.covers) {
        classes.add("ann-" + a.layer);
        if (a.part) classes.add("ann-" + a.layer + "-" + a.part);
        data[a.layer] = data[a.layer] || new Set();
        data[a.layer].add(a.index);
      }
      const attrs = { class: [...classes].join(" "), "data-start": seg.start, "data-end": seg.end };
      for (const [layer, set] of Object.entries(data)) attrs["data-" + layer] = [...set].join(" ");
      box.append(el("span", attrs, piece));
    }
    return box;
  }

  /* ---------- explanations ---------- */

  function names(list) {
    return (list || []).map((p) => (p.name || "(unnamed)") + (p.country ? ` (${p.country})` : ""))
      .join(", ") || "—";
  }

  function facts(pairs) {
    return el("dl", null, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => [el("dt", null, k), el("dd", null, String(v))]));
  }

  function quantity(c) {
    const q = c.qualifier && c.qualifier !== "exact" ? c.qualifier.replace(/_/g, " ") + " " : "";
    return `${q}${c.quantity} ${c.unit || ""}`.trim();
  }

  const EXPLAIN = {
    actor: (a) => ["Actor: " + a.name, [
      ["kind", a.kind], ["country", a.country], ["sector", a.sector],
      ["titles", (a.titles || []).join("; ")], ["aliases", (a.aliases || []).join("; ")],
    ]],
    event: (e, doc) => [`Event: ${e.type}${e.mode ? " / " + e.mode : ""}`, [
      ["class", QUAD[e.quad_class] ? QUAD[e.quad_class].label : null],
      ["who", `${names(e.actor)} → ${names(e.recipient)}`], ["date", dateLabel(e.date, doc.published)],
      ["place", e.place ? e.place.name + (e.place.country ? ` (${e.place.country})` : "") : null],
      ["trigger", e.trigger], ["evidence", e.evidence], ["context", (e.context || []).join(", ")],
      ["intensity", e.intensity], ["CAMEO", e.cameo],
    ]],
    claim: (c) => ["Claim: " + quantity(c), [
      ["holder", c.holder], ["source", c.source], ["evidence", c.evidence],
    ]],
    statement: (s, doc) => ["Statement: " + (s.speaker || "(unknown speaker)") + " — " + s.verb, [
      ["date", dateLabel(s.date, doc.published)], ["said", s.evidence],
    ]],
    date: (d) => ["Date: " + d.text, [["value", d.value || "(not resolved)"], ["kind", d.kind]]],
    place: (p) => ["Place: " + p.name, [
      ["country", p.country],
      ["coordinates", p.lat !== null && p.lat !== undefined ? `${p.lat}, ${p.lon}` : null],
    ]],
  };

  /** The explanation of one item of a layer ("event", 2). */
  function explain(doc, layer, index) {
    const list = LAYERS.find((l) => l.key === layer).list;
    const item = doc[list][index];
    if (!item) return null;
    const [title, pairs] = EXPLAIN[layer](item, doc);
    return el("div", { class: "tip-item tip-" + layer },
              el("h4", null, el("span", { class: "swatch swatch-" + layer }), title), facts(pairs));
  }

  window.accord.annotate = { LAYERS, annotations, segments, renderText, explain };
})();
