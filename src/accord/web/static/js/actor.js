/* Actor page (#/actor/ID): identity, titles over time, events, counterparts, statements. */
(function () {
  "use strict";
  const { el, api, href, number, totalOf, table, section, countryTag, typeBadge, actorLink,
          eventDate } = window.accord;

  const MEETING_TYPES = new Set(["CONSULT", "AGREE", "COOPERATE", "SUPPORT"]);

  function docLink(docId, params) {
    return el("a", { href: href("document/" + encodeURIComponent(docId), params), class: "doc-id" },
              docId.slice(0, 8));
  }

  function identity(actor) {
    const facts = [
      ["Kind", actor.kind], ["Country", countryTag(actor.country)], ["Sector", actor.sector],
      ["Documents", number(actor.documents)], ["Events", number(actor.events)],
      ["Aliases", actor.aliases.length ? actor.aliases.join(" · ") : null],
    ];
    return el("dl", { class: "facts" }, facts.filter(([, v]) => v).map(([k, v]) =>
      [el("dt", null, k), el("dd", { class: "fact-" + k.toLowerCase() }, v)]));
  }

  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" → [first day, day after the period). */
  function period(value) {
    const [y, m, d] = value.split("-").map(Number);
    const start = new Date(Date.UTC(y, (m || 1) - 1, d || 1));
    const end = d ? d3.utcDay.offset(start, 1) : m ? d3.utcMonth.offset(start, 1)
                                                     : d3.utcYear.offset(start, 1);
    return [start, end];
  }

  /** One row per dated title: a bar from its first to its last document. */
  function titleChart(titles) {
    const dated = titles.filter((t) => t.first && t.last)
      .map((t) => ({ t, start: period(t.first)[0], end: period(t.last)[1] }));
    if (!dated.length) return null;
    const rowH = 26, width = 1100, left = 320, right = 20, top = 6, bottom = 26;
    const height = top + bottom + rowH * dated.length;
    let lo = d3.min(dated, (d) => d.start), hi = d3.max(dated, (d) => d.end);
    if (hi - lo < 365 * 864e5) { lo = d3.utcMonth.offset(lo, -6); hi = d3.utcMonth.offset(hi, 6); }
    const x = d3.scaleUtc().domain([lo, hi]).range([left, width - right]);
    const box = el("div", { class: "chart titles-chart" });
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img").attr("aria-label", "Titles over time");
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - bottom})`)
      .call(d3.axisBottom(x).ticks(6));
    const row = svg.append("g").selectAll("g").data(dated).join("g")
      .attr("transform", (d, i) => `translate(0,${top + i * rowH})`);
    row.append("text").attr("class", "label").attr("x", left - 8).attr("y", rowH / 2 + 4)
      .attr("text-anchor", "end").text((d) => d.t.title);
    row.append("rect").attr("class", "title-bar").attr("x", (d) => x(d.start))
      .attr("y", 5).attr("height", rowH - 10).attr("rx", 3)
      .attr("width", (d) => Math.max(4, x(d.end) - x(d.start)))
      .append("title").text((d) => `${d.t.title}: ${d.t.first} – ${d.t.last}`);
    return box;
  }

  function titlesTable(titles) {
    return table([
      { label: "Title", cell: (t) => t.title },
      { label: "First", cls: "nowrap", cell: (t) => t.first || "—" },
      { label: "Last", cls: "nowrap", cell: (t) => t.last || "—" },
      { label: "Documents", cell: (t) => t.doc_ids.map((id, i) => [i ? " " : null, docLink(id)]) },
    ], titles, { cls: "titles", empty: "No titles seen." });
  }

  function eventsSection(title, page, actor, role) {
    const more = page.total > page.items.length
      ? el("p", null, el("a", { href: href("events", { actor_id: actor.id, role }) },
                         `All ${totalOf(page)} events`))
      : null;
    return section(`${title} (${totalOf(page)})`,
      window.accord.eventsTable(page.items, {
        cls: "events " + role,
        rowClass: (r) => (MEETING_TYPES.has(r.type) ? "meeting" : null),
        empty: "None.",
      }), more);
  }

  function counterparts(rows) {
    return table([
      { label: "Counterpart", cell: (c) => actorLink(c.name, c.id) },
      { label: "Kind", cell: (c) => c.kind },
      { label: "Country", cell: (c) => countryTag(c.country) },
      { label: "Events", cls: "num", cell: (c) => number(c.events) },
      { label: "Types", cell: (c) => c.types.map((t) => [typeBadge(t), " "]) },
    ], rows, { cls: "counterparts", empty: "No counterparts." });
  }

  function statements(rows) {
    return table([
      { label: "Date", cls: "date", cell: eventDate },
      { label: "Verb", cell: (s) => s.verb },
      { label: "What was said", cls: "evidence", cell: (s) =>
          el("a", { href: href("document/" + encodeURIComponent(s.doc_id), { statement: s.idx }),
                    title: s.sentence }, s.evidence || s.sentence) },
    ], rows, { cls: "statements", empty: "No statements." });
  }

  accord.route("actor", async function (root, params, id) {
    const data = await api("actors/" + encodeURIComponent(id));
    const actor = data.actor;
    document.title = "accord — " + actor.name;
    const titles = actor.titles.length
      ? [titleChart(actor.titles), titlesTable(actor.titles)]
      : el("p", { class: "muted" }, "No titles seen.");
    root.append(
      el("h1", { class: "actor-name" }, actor.name),
      identity(actor),
      section("Titles over time", titles),
      el("p", { class: "legend-note" }, el("span", { class: "swatch meeting" }),
         "Meetings, agreements, cooperation and support (CONSULT, AGREE, COOPERATE, SUPPORT)"),
      eventsSection("As actor", data.as_actor, actor, "actor"),
      eventsSection("As recipient", data.as_recipient, actor, "recipient"),
      section(`Counterparts (${data.counterparts.length})`, counterparts(data.counterparts)),
      section(`Statements (${number(data.statements.total)})`, statements(data.statements.items)),
    );
  });
})();
