/* Network (#/network?level=country|actor): countries or actors linked by their events. */
(function () {
  "use strict";
  const { el, api, href, number, shareColor, COOPERATION, CONFLICT } = window.accord;

  const FILTERS = ["actor", "country", "dyad", "type", "quad_class", "since", "until", "text"];
  const KIND_COLOR = { country: "#4c78a8", state: "#4c78a8", person: "#f58518",
                       organization: "#72b7b2" };
  const WIDTH = 960, HEIGHT = 620;

  function levelSwitch(level, filters) {
    return el("div", { class: "switch", role: "group", "aria-label": "Level" },
      ["country", "actor"].map((l) => el("a", {
        href: href("network", Object.assign({}, filters, { level: l })),
        class: "level-" + l + (l === level ? " active" : ""),
      }, l === "country" ? "Countries" : "Actors")));
  }

  function legend(svg, kinds) {
    const defs = svg.append("defs");
    const grad = defs.append("linearGradient").attr("id", "share-gradient");
    grad.append("stop").attr("offset", "0%").attr("stop-color", COOPERATION);
    grad.append("stop").attr("offset", "100%").attr("stop-color", CONFLICT);
    const g = svg.append("g").attr("class", "legend").attr("transform", `translate(12,${HEIGHT - 34})`);
    g.append("rect").attr("width", 120).attr("height", 8).attr("fill", "url(#share-gradient)");
    g.append("text").attr("y", 22).text("cooperation");
    g.append("text").attr("x", 120).attr("y", 22).attr("text-anchor", "end").text("conflict");
    const key = g.selectAll("g.kind").data(kinds).join("g").attr("class", "kind")
      .attr("transform", (k, i) => `translate(${160 + i * 110},4)`);
    key.append("circle").attr("r", 6).attr("fill", (k) => KIND_COLOR[k] || "#888");
    key.append("text").attr("x", 10).attr("y", 4).text((k) => k);
  }

  function layout(nodes, links, radius) {
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
      .force("charge", d3.forceManyBody().strength(-240))
      .force("collide", d3.forceCollide((d) => radius(d.events) + 6))
      .force("x", d3.forceX(WIDTH / 2).strength(0.07))
      .force("y", d3.forceY(HEIGHT / 2).strength(0.09))
      .stop();
    for (let i = 0; i < 300; i += 1) sim.tick();
    for (const d of nodes) {
      d.x = Math.max(30, Math.min(WIDTH - 30, d.x));
      d.y = Math.max(20, Math.min(HEIGHT - 50, d.y));
    }
  }

  function draw(box, data, level) {
    const nodes = data.nodes.map((d) => Object.assign({}, d));
    const links = data.edges.map((e) => Object.assign({ from: e.source, to: e.target }, e));
    // two actors of the same name (a ministry of each country) are told apart by their country
    const seen = d3.rollup(nodes, (v) => v.length, (d) => d.label);
    for (const d of nodes) {
      if (seen.get(d.label) > 1 && d.country) d.label = `${d.label} (${d.country})`;
    }
    const labels = new Map(nodes.map((d) => [d.id, d.label]));
    const radius = d3.scaleSqrt().domain([0, d3.max(nodes, (d) => d.events) || 1]).range([4, 22]);
    const width = d3.scaleLinear().domain([1, d3.max(links, (e) => e.events) || 1]).range([1.5, 9]);
    layout(nodes, links, radius);

    const svg = d3.select(box).append("svg").attr("class", "network")
      .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("role", "img")
      .attr("aria-label", "Network of " + (level === "actor" ? "actors" : "countries"));
    const zoomed = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.3, 6]).on("zoom", (ev) => zoomed.attr("transform", ev.transform)));

    const line = zoomed.append("g").attr("class", "edges").selectAll("line").data(links).join("line")
      .attr("class", "edge").attr("data-source", (e) => e.from).attr("data-target", (e) => e.to)
      .attr("stroke", (e) => shareColor(e.cooperation, e.conflict))
      .attr("stroke-width", (e) => width(e.events));
    line.append("title").text((e) =>
      `${labels.get(e.from)} – ${labels.get(e.to)}: ${e.events} event(s), ` +
      `${e.cooperation} cooperation, ${e.conflict} conflict`);

    const node = zoomed.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
      .attr("class", (d) => "node kind-" + d.kind).attr("data-id", (d) => d.id);
    node.append("title").text((d) =>
      `${d.label}${d.country && d.country !== d.label ? " (" + d.country + ")" : ""}: ` +
      `${number(d.events)} event(s)`);
    const link = node.append("a").attr("href", (d) => d.kind === "country"
      ? href("events", { country: d.id }) : "#/actor/" + encodeURIComponent(d.id));
    link.append("circle").attr("r", (d) => radius(d.events))
      .attr("fill", (d) => KIND_COLOR[d.kind] || "#888");
    link.append("text").attr("class", "label").attr("dy", (d) => -radius(d.events) - 4)
      .attr("text-anchor", "middle").text((d) => d.label);

    function place() {
      line.attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
        .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
      node.attr("transform", (d) => `translate(${d.x},${d.y})`);
    }
    node.call(d3.drag().on("drag", (ev, d) => { d.x = ev.x; d.y = ev.y; place(); }));
    place();
    legend(svg, [...new Set(nodes.map((d) => d.kind))].sort());
  }

  accord.route("network", async function (root, params) {
    document.title = "accord — network";
    const level = params.get("level") === "actor" ? "actor" : "country";
    const filters = {};
    for (const k of FILTERS) if (params.get(k)) filters[k] = params.get(k);
    root.append(el("h1", null, "Network"), levelSwitch(level, filters));
    const data = await api("network", Object.assign({ level }, filters));
    const box = el("div", { class: "chart network-box" });
    root.append(el("p", { class: "muted" },
                   `${data.nodes.length} ${level === "actor" ? "actors" : "countries"}, ` +
                   `${data.edges.length} links. Edge width: events; colour: cooperation → ` +
                   "conflict. Drag nodes, scroll to zoom, click a node for its events."), box);
    if (!data.nodes.length) box.append(el("p", { class: "muted" }, "No events to link."));
    else draw(box, data, level);
  });
})();
