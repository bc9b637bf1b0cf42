/* Events (#/events?actor=…&country=…): a filter form kept in the hash, a paged table, downloads. */
(function () {
  "use strict";
  const { el, api, href, query, number, totalOf, table, pager, errorBox, typeBadge, participants,
          eventDate, docLabel, countryTag, QUAD } = window.accord;

  const LIMIT = 50;
  const FILTERS = ["actor", "country", "dyad", "type", "quad_class", "since", "until", "text",
                   "actor_id", "role", "doc_id"];
  const HIDDEN = ["actor_id", "role", "doc_id"]; // kept from links (actor page), not in the form
  const SORTS = [["date", "date ↑"], ["-date", "date ↓"], ["intensity", "intensity ↑"],
                 ["-intensity", "intensity ↓"], ["type", "type"]];

  function field(label, input) {
    return el("label", { class: "field" }, el("span", null, label), input);
  }

  function textInput(name, value, attrs) {
    return el("input", Object.assign({ type: "text", name, value: value || "" }, attrs));
  }

  function select(name, value, options) {
    return el("select", { name }, options.map(([v, label]) =>
      el("option", { value: v, selected: String(v) === String(value || "") }, label)));
  }

  function filterForm(params, types) {
    const get = (k) => params.get(k);
    const form = el("form", { class: "filters", autocomplete: "off" },
      field("Actor", textInput("actor", get("actor"), { placeholder: "name, e.g. To Lam" })),
      field("Country", textInput("country", get("country"), { placeholder: "ISO3", size: 5 })),
      field("Dyad", textInput("dyad", get("dyad"), { placeholder: "CHN-VNM", size: 9 })),
      field("Type", select("type", get("type"), [["", "any"]].concat(types.map((t) => [t, t])))),
      field("Quad class", select("quad_class", get("quad_class"),
            [["", "any"]].concat([1, 2, 3, 4].map((q) => [q, `${q} ${QUAD[q].label}`])))),
      field("Since", textInput("since", get("since"), { placeholder: "YYYY[-MM[-DD]]", size: 11 })),
      field("Until", textInput("until", get("until"), { placeholder: "YYYY[-MM[-DD]]", size: 11 })),
      field("Text", textInput("text", get("text"), { placeholder: "words of the evidence" })),
      field("Sort", select("sort", get("sort") || "date", SORTS)),
      HIDDEN.filter(get).map((k) => el("input", { type: "hidden", name: k, value: get(k) })),
      el("div", { class: "buttons" },
         el("button", { type: "submit" }, "Filter"),
         el("a", { href: "#/events", class: "button secondary" }, "Clear")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const values = Object.fromEntries(new FormData(form).entries());
      if (values.sort === "date") delete values.sort;
      location.hash = href("events", values);
    });
    return form;
  }

  function evidenceCell(row) {
    const link = el("a", { href: href("document/" + encodeURIComponent(row.doc_id), { event: row.idx }),
                           class: "doc-link", title: row.sentence },
                    row.evidence || row.trigger || "(view)");
    return [link, el("div", { class: "small muted" }, docLabel(row.doc_title, row.doc_path))];
  }

  function placeCell(row) {
    if (!row.place_name) return null;
    return [row.place_name, row.place_country ? " " : null, countryTag(row.place_country)];
  }

  /** The events table, shared with the actor page. */
  function eventsTable(rows, options) {
    return table([
      { label: "Date", cls: "date", cell: eventDate },
      { label: "Type", cls: "type-cell", cell: (r) => typeBadge(r.type, r.quad_class) },
      { label: "Mode", cls: "mode", cell: (r) => r.mode || "" },
      { label: "Actors", cls: "side", cell: (r) => participants(r.actors) },
      { label: "Recipients", cls: "side", cell: (r) => participants(r.recipients) },
      { label: "Place", cls: "place", cell: placeCell },
      { label: "Evidence", cls: "evidence", cell: evidenceCell },
    ], rows, Object.assign({ cls: "events", empty: "No events match." }, options));
  }
  window.accord.eventsTable = eventsTable;

  function downloads(filters) {
    const q = query(filters);
    const url = (fmt) => "/api/events?" + (q ? q + "&" : "") + "format=" + fmt;
    return el("p", { class: "downloads" }, "Download these events: ",
              el("a", { href: url("csv"), download: "events.csv", class: "download-csv" }, "CSV"),
              " · ",
              el("a", { href: url("jsonl"), download: "events.jsonl", class: "download-jsonl" },
                 "JSONL"));
  }

  accord.route("events", async function (root, params) {
    document.title = "accord — events";
    const filters = {};
    for (const k of FILTERS) if (params.get(k)) filters[k] = params.get(k);
    const sort = params.get("sort") || "date";
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    let types = [];
    try {
      types = (await api("ontology")).types.map((t) => t.name).sort();
    } catch (err) {
      root.append(errorBox(err));
    }
    root.append(el("h1", null, "Events"), filterForm(params, types));
    const hidden = HIDDEN.filter((k) => filters[k]);
    if (hidden.length) {
      root.append(el("p", { class: "note" }, "Also limited to ",
                     hidden.map((k) => `${k} = ${filters[k]}`).join(", "), ". ",
                     el("a", { href: "#/events" }, "Show all events.")));
    }
    let page;
    try {
      page = await api("events", Object.assign({}, filters, { sort, offset, limit: LIMIT }));
    } catch (err) {
      root.append(errorBox(err));
      return;
    }
    const hrefAt = (o) => href("events", Object.assign({}, filters,
                                                      { sort: sort === "date" ? null : sort, offset: o || null }));
    root.append(
      el("p", { class: "summary" }, `${totalOf(page)} event(s)`),
      pager(page, hrefAt),
      el("div", { class: "card events-card" }, eventsTable(page.items)),
      pager(page, hrefAt),
      downloads(filters),
    );
  });
})();
