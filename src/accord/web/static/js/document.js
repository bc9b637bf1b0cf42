/* Document page (#/document/ID?event=N): the article text with every extraction traced to its
 * characters, a layer legend, explanations on hover, and lists that jump to the spans. */
(function () {
  "use strict";
  const { el, append, href, api, section, table, typeBadge, countryTag, actorLink, docLabel,
          safeUrl, number, eventDate } = window.accord;
  const { LAYERS, annotations, renderText, explain } = window.accord.annotate;

  const FOCUSABLE = ["event", "claim", "statement", "actor", "date", "place"];

  function header(doc) {
    const url = safeUrl(doc.url);
    const meta = [
      ["Published", doc.published], ["Source", doc.source], ["Language", doc.language],
      ["Dateline", doc.dateline_place ? doc.dateline_place.name : null], ["File", doc.path],
    ];
    return [
      el("h1", { class: "doc-heading" }, docLabel(doc.title, doc.path)),
      el("dl", { class: "facts" }, meta.filter(([, v]) => v).map(([k, v]) =>
        [el("dt", null, k), el("dd", null, v)])),
      url ? el("p", null, el("a", { href: url, rel: "noopener noreferrer", target: "_blank" },
                             "Original article")) : null,
    ];
  }

  /** One checkbox per layer; unchecking hides that layer's highlights and explanations. */
  function legend(doc, text) {
    return el("div", { class: "layer-legend", role: "group", "aria-label": "Layers" },
      LAYERS.map((layer) => {
        const box = el("input", { type: "checkbox", checked: true, "data-layer": layer.key });
        box.addEventListener("change", () =>
          text.classList.toggle("hide-" + layer.key, !box.checked));
        return el("label", { class: "layer-toggle" }, box,
                  el("span", { class: "swatch swatch-" + layer.key }),
                  `${layer.label} (${doc[layer.list].length})`);
      }));
  }

  /** The explanation box that follows the pointer over the annotated text. */
  function tooltip(doc, text) {
    const tip = el("div", { class: "tip hidden", role: "tooltip" });
    const hide = () => tip.classList.add("hidden");
    text.addEventListener("mouseover", (ev) => {
      const span = ev.target.closest(".ann");
      if (!span) return hide();
      const items = [];
      for (const layer of LAYERS) {
        const ids = span.getAttribute("data-" + layer.key);
        if (!ids || text.classList.contains("hide-" + layer.key)) continue;
        for (const id of ids.split(" ")) items.push(explain(doc, layer.key, Number(id)));
      }
      if (!items.filter(Boolean).length) return hide();
      tip.replaceChildren(...items.filter(Boolean));
      tip.classList.remove("hidden");
    });
    text.addEventListener("mousemove", (ev) => {
      const x = Math.min(ev.pageX + 14, window.scrollX + document.documentElement.clientWidth -
                         tip.offsetWidth - 8);
      tip.style.left = Math.max(4, x) + "px";
      tip.style.top = ev.pageY + 18 + "px";
    });
    text.addEventListener("mouseleave", hide);
    return tip;
  }

  function jump(doc, layer, index, label) {
    return el("a", { href: href("document/" + encodeURIComponent(doc.id), { [layer]: index }),
                     class: "jump", "data-layer": layer, "data-index": index }, label);
  }

  function participantsText(list) {
    return (list || []).map((p, i) => [i ? ", " : null, p.name || "(unnamed)",
                                       p.country ? " " : null, countryTag(p.country)]);
  }

  function eventsList(doc) {
    return table([
      { label: "#", cell: (e) => jump(doc, "event", e.i, "#" + e.i) },
      { label: "Type", cell: (e) => [typeBadge(e.type, e.quad_class), e.mode ? " " + e.mode : null] },
      { label: "Actors → recipients", cell: (e) => [participantsText(e.actor),
          e.recipient.length ? [" → ", participantsText(e.recipient)] : null] },
      { label: "Date", cls: "date", cell: (e) => eventDate({ date: e.date, doc_published: doc.published }) },
      { label: "Place", cell: (e) => (e.place ? e.place.name : "") },
      { label: "Evidence", cls: "evidence", cell: (e) => jump(doc, "event", e.i, e.evidence || e.trigger) },
    ], doc.events.map((e, i) => Object.assign({ i }, e)), { cls: "doc-events", empty: "No events." });
  }

  function claimsList(doc) {
    return table([
      { label: "#", cell: (c) => jump(doc, "claim", c.i, "#" + c.i) },
      { label: "Quantity", cell: (c) => (c.qualifier === "exact" ? "" : c.qualifier.replace(/_/g, " ") + " ") +
          number(c.quantity) },
      { label: "Unit", cell: (c) => c.unit },
      { label: "Holder", cell: (c) => c.holder || "" },
      { label: "Source", cell: (c) => c.source || "" },
      { label: "Evidence", cls: "evidence", cell: (c) => jump(doc, "claim", c.i, c.evidence) },
    ], doc.claims.map((c, i) => Object.assign({ i }, c)), { cls: "doc-claims", empty: "No claims." });
  }

  function statementsList(doc) {
    return table([
      { label: "#", cell: (s) => jump(doc, "statement", s.i, "#" + s.i) },
      { label: "Speaker", cell: (s) => s.speaker || "(unknown)" },
      { label: "Verb", cell: (s) => s.verb },
      { label: "Date", cls: "date", cell: (s) => eventDate({ date: s.date, doc_published: doc.published }) },
      { label: "What was said", cls: "evidence", cell: (s) => jump(doc, "statement", s.i, s.evidence) },
    ], doc.statements.map((s, i) => Object.assign({ i }, s)),
    { cls: "doc-statements", empty: "No statements." });
  }

  function actorsList(doc) {
    return table([
      { label: "Actor", cell: (a) => actorLink(a.name, a.id) },
      { label: "Kind", cell: (a) => a.kind },
      { label: "Country", cell: (a) => countryTag(a.country) },
      { label: "Titles", cell: (a) => (a.titles || []).join("; ") },
      { label: "Mentions", cell: (a) => (a.mentions.length
          ? jump(doc, "actor", a.i, `${a.mentions.length} ↓`) : el("span", { class: "muted" }, "0")) },
    ], doc.actors.map((a, i) => Object.assign({ i }, a)), { cls: "doc-actors", empty: "No actors." });
  }

  /** Mark and scroll to the item named by ?event=N (or claim, statement, actor, date, place). */
  function focus(text, lists, params) {
    text.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
    lists.querySelectorAll("tr.current").forEach((n) => n.classList.remove("current"));
    for (const layer of FOCUSABLE) {
      const index = params.get(layer);
      if (index === null || !/^\d+$/.test(index)) continue;
      const spans = text.querySelectorAll(`.ann-${layer}[data-${layer}~="${index}"]`);
      spans.forEach((n) => n.classList.add("focus"));
      lists.querySelectorAll(`a.jump[data-layer="${layer}"][data-index="${index}"]`)
        .forEach((a) => a.closest("tr").classList.add("current"));
      if (spans.length) spans[0].scrollIntoView({ block: "center" });
      return;
    }
  }

  accord.route("document", async function (root, params, id) {
    const doc = await api("documents/" + encodeURIComponent(id));
    document.title = "accord — " + docLabel(doc.title, doc.path);
    const text = renderText(doc.text, annotations(doc));
    const lists = el("div", { class: "doc-lists" },
      section(`Events (${doc.events.length})`, eventsList(doc)),
      section(`Claims (${doc.claims.length})`, claimsList(doc)),
      section(`Statements (${doc.statements.length})`, statementsList(doc)),
      section(`Actors (${doc.actors.length})`, actorsList(doc)));
    const captions = doc.captions.length
      ? el("div", { class: "captions muted" }, el("h3", null, "Photo captions (not annotated)"),
           doc.captions.map((c) => el("p", null, c)))
      : null;
    append(root, [
      header(doc),
      el("p", { class: "muted" }, "Hover a highlight for what was extracted there; ",
         el("a", { href: href("events", { doc_id: doc.id }) }, "this document's events"), "."),
      legend(doc, text), el("article", { class: "card" }, text, captions), lists,
      tooltip(doc, text),
    ]);
    focus(text, lists, params);
    return { update: (next) => focus(text, lists, next) };
  });
})();
