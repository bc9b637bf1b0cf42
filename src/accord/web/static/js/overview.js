/* Overview (#/): counts, events per month by quad class, top actors, dyads and types. */
(function () {
  "use strict";
  const { el, api, href, number, section, table, QUAD } = window.accord;

  const COUNTS = [
    ["documents", "documents"], ["events", "events"], ["registry", "actors"],
    ["claims", "claims"], ["statements", "statements"],
  ];

  function counts(stats) {
    return el("div", { class: "counts" }, COUNTS.map(([key, label]) =>
      el("div", { class: "count", "data-key": key },
         el("span", { class: "value" }, number(stats.tables[key] || 0)),
         el("span", { class: "label" }, label))));
  }

  /** Every month from the first to the last "YYYY-MM", gaps included. */
  function monthRange(months) {
    if (!months.length) return [];
    const sorted = months.slice().sort();
    const out = [];
    let [y, m] = sorted[0].split("-").map(Number);
    const [ly, lm] = sorted[sorted.length - 1].split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function legend() {
    return el("ul", { class: "legend" }, [1, 2, 3, 4].map((q) =>
      el("li", null, el("span", { class: "swatch q" + q }), QUAD[q].label)));
  }

  /** A stacked bar chart of events per month and quad class; a bar links to its events. */
  function timeline(rows) {
    const dated = rows.filter((r) => r.month);
    const undated = rows.filter((r) => !r.month).reduce((n, r) => n + r.events, 0);
    const months = monthRange([...new Set(dated.map((r) => r.month))]);
    const byMonth = new Map(months.map((m) => [m, { month: m, 1: 0, 2: 0, 3: 0, 4: 0 }]));
    for (const r of dated) if (r.quad_class) byMonth.get(r.month)[r.quad_class] += r.events;
    const data = [...byMonth.values()];
    const box = el("div", { class: "chart timeline" });
    if (!data.length) {
      box.append(el("p", { class: "muted" }, "No dated events yet."));
      return box;
    }
    const width = 900, height = 240, margin = { top: 10, right: 10, bottom: 30, left: 34 };
    const x = d3.scaleBand().domain(months).range([margin.left, width - margin.right])
      .paddingInner(0.15);
    const stack = d3.stack().keys([1, 2, 3, 4])(data);
    const y = d3.scaleLinear().domain([0, d3.max(data, (d) => d[1] + d[2] + d[3] + d[4]) || 1])
      .nice().range([height - margin.bottom, margin.top]);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img").attr("aria-label", "Events per month by quad class");
    const every = Math.max(1, Math.ceil(months.length / 12));
    svg.append("g").attr("class", "axis")
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(months.filter((m, i) => i % every === 0)));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format("d")));
    const bars = svg.append("g").selectAll("g").data(stack).join("g")
      .attr("class", (s) => "series q" + s.key)
      .selectAll("a").data((s) => s.map((d) => ({ d, q: s.key })).filter((b) => b.d[1] > b.d[0]))
      .join("a")
      .attr("href", (b) => href("events", { quad_class: b.q, since: b.d.data.month,
                                             until: b.d.data.month }));
    bars.append("rect").attr("class", (b) => "bar q" + b.q)
      .attr("x", (b) => x(b.d.data.month)).attr("width", x.bandwidth())
      .attr("y", (b) => y(b.d[1])).attr("height", (b) => y(b.d[0]) - y(b.d[1]))
      .append("title")
      .text((b) => `${b.d.data.month}: ${b.d[1] - b.d[0]} ${QUAD[b.q].label}`);
    box.append(legend());
    if (undated) {
      box.append(el("p", { class: "muted note" },
                    `${undated} event(s) dated only to a year or spanning months are not shown.`));
    }
    return box;
  }

  function topActors(rows) {
    return table([
      { label: "Actor", cell: (r) => el("a", { href: "#/actor/" + encodeURIComponent(r.key) }, r.label) },
      { label: "Events", cls: "num", cell: (r) => number(r.events) },
    ], rows, { cls: "top-actors", empty: "No actors yet." });
  }

  function topDyads(rows) {
    return table([
      { label: "Dyad", cell: (r) => el("a", { href: href("events", { dyad: r.key }) }, r.label) },
      { label: "Events", cls: "num", cell: (r) => number(r.events) },
    ], rows, { cls: "top-dyads", empty: "No dyads yet." });
  }

  function byType(rows) {
    return table([
      { label: "Type", cell: (r) => el("a", { href: href("events", { type: r.key }) }, r.label) },
      { label: "Events", cls: "num", cell: (r) => number(r.events) },
    ], rows, { cls: "by-type", empty: "No events yet." });
  }

  accord.route("", async function (root) {
    document.title = "accord — overview";
    const stats = await api("stats");
    const span = stats.first_date
      ? `Events from ${stats.first_date} to ${stats.last_date}.` : "No events yet.";
    root.append(
      el("h1", null, "Overview"),
      el("p", { class: "muted" }, span),
      counts(stats),
      section("Events per month", timeline(stats.timeline)),
      el("div", { class: "grid3" },
         section("Top actors", topActors(stats.top_actors)),
         section("Top dyads", topDyads(stats.top_dyads)),
         section("Event types", byType(stats.by_type))),
    );
  });
})();
