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

  const GAP = 3; // between a node and its label
  const LEGEND = 44; // the legend's band at the bottom
  const POSITIONS = ["above", "below", "right", "left", "above-right", "above-left", "below-right",
                     "below-left"];

  /** Each node's radius `r` and the size of its label (`labelW`, `labelH`), measured in the
   *  drawing's units by a text drawn and removed. */
  function measure(svg, nodes, radius) {
    const probe = svg.append("g").attr("class", "node probe");
    for (const d of nodes) {
      d.r = radius(d.events);
      const box = probe.append("text").attr("class", "label").text(d.label).node().getBBox();
      d.labelW = (box.width || d.label.length * 6.5) + 4; // + the white halo
      d.labelH = (box.height || 13) + 1;
    }
    probe.remove();
  }

  /** A node with its label above it, as a box. */
  function footprint(d) {
    const half = Math.max(d.r, d.labelW / 2);
    return { x: d.x - half, y: d.y - d.r - GAP - d.labelH, w: 2 * half, h: 2 * d.r + GAP + d.labelH };
  }

  /** A force that pushes apart nodes whose footprints (node and label) overlap, along the axis
   *  where they overlap least. */
  function forceFootprints(strength) {
    let nodes = [];
    function force() {
      for (let i = 0; i < nodes.length; i += 1) {
        for (let j = i + 1; j < nodes.length; j += 1) {
          const a = nodes[i], b = nodes[j];
          const fa = footprint(a), fb = footprint(b);
          const dx = Math.min(fa.x + fa.w, fb.x + fb.w) - Math.max(fa.x, fb.x);
          const dy = Math.min(fa.y + fa.h, fb.y + fb.h) - Math.max(fa.y, fb.y);
          if (dx <= 0 || dy <= 0) continue;
          if (dx < dy) {
            const push = (a.x < b.x || (a.x === b.x && i < j) ? -1 : 1) * dx * strength / 2;
            a.vx += push;
            b.vx -= push;
          } else {
            const push = (a.y < b.y || (a.y === b.y && i < j) ? -1 : 1) * dy * strength / 2;
            a.vy += push;
            b.vy -= push;
          }
        }
      }
    }
    force.initialize = (n) => { nodes = n; };
    return force;
  }

  function layout(nodes, links) {
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
      .force("charge", d3.forceManyBody().strength(-240))
      .force("collide", d3.forceCollide((d) => d.r + 6))
      .force("footprints", forceFootprints(0.6))
      .force("x", d3.forceX(WIDTH / 2).strength(0.07))
      .force("y", d3.forceY(HEIGHT / 2).strength(0.09))
      .stop();
    for (let i = 0; i < 300; i += 1) sim.tick();
    for (const d of nodes) {
      const half = Math.max(d.r, d.labelW / 2) + 2;
      d.x = Math.max(half, Math.min(WIDTH - half, d.x));
      d.y = Math.max(d.r + GAP + d.labelH + 2, Math.min(HEIGHT - LEGEND - d.r, d.y));
    }
  }

  /** The box of a node's label at `pos` (the diagonals start at the node's centre). */
  function labelBox(d, pos) {
    const w = d.labelW, h = d.labelH;
    const above = d.y - d.r - GAP - h, below = d.y + d.r + GAP;
    switch (pos) {
      case "above": return { x: d.x - w / 2, y: above, w, h };
      case "below": return { x: d.x - w / 2, y: below, w, h };
      case "right": return { x: d.x + d.r + GAP, y: d.y - h / 2, w, h };
      case "left": return { x: d.x - d.r - GAP - w, y: d.y - h / 2, w, h };
      case "above-right": return { x: d.x, y: above, w, h };
      case "above-left": return { x: d.x - w, y: above, w, h };
      case "below-right": return { x: d.x, y: below, w, h };
      default: return { x: d.x - w, y: below, w, h };
    }
  }

  function overlap(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function coversNode(box, n) {
    const cx = Math.max(box.x, Math.min(n.x, box.x + box.w));
    const cy = Math.max(box.y, Math.min(n.y, box.y + box.h));
    return (cx - n.x) ** 2 + (cy - n.y) ** 2 < n.r ** 2;
  }

  /** Put each label above, below, right or left of its node or on a diagonal (the first place
   *  that overlaps no other label, no node and stays in the drawing), the busiest nodes first;
   *  a label that fits nowhere is hidden (`d.labelPos` null) and shows while its node is
   *  hovered. */
  function placeLabels(nodes) {
    const placed = [];
    for (const d of [...nodes].sort((a, b) => b.events - a.events || d3.ascending(a.label, b.label))) {
      d.labelPos = null;
      for (const pos of POSITIONS) {
        const box = labelBox(d, pos);
        if (box.x < 0 || box.y < 0 || box.x + box.w > WIDTH || box.y + box.h > HEIGHT - LEGEND) continue;
        if (placed.some((b) => overlap(box, b)) || nodes.some((n) => n !== d && coversNode(box, n))) continue;
        d.labelPos = pos;
        placed.push(box);
        break;
      }
    }
  }

  /** Draw each label where placeLabels put it (relative to its node). */
  function moveLabels(text) {
    text.each(function (d) {
      const box = labelBox(d, d.labelPos || "above");
      d3.select(this).attr("x", box.x + box.w / 2 - d.x).attr("y", box.y + box.h / 2 - d.y)
        .classed("label-hidden", !d.labelPos).attr("data-position", d.labelPos || "hidden");
    });
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

    const svg = d3.select(box).append("svg").attr("class", "network")
      .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("role", "img")
      .attr("aria-label", "Network of " + (level === "actor" ? "actors" : "countries"));
    measure(svg, nodes, radius);
    layout(nodes, links);
    placeLabels(nodes);
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
    link.append("circle").attr("r", (d) => d.r)
      .attr("fill", (d) => KIND_COLOR[d.kind] || "#888");
    const label = link.append("text").attr("class", "label").attr("text-anchor", "middle")
      .attr("dominant-baseline", "central").text((d) => d.label);
    moveLabels(label);

    function place() {
      line.attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
        .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
      node.attr("transform", (d) => `translate(${d.x},${d.y})`);
    }
    node.call(d3.drag().on("drag", (ev, d) => { d.x = ev.x; d.y = ev.y; place(); })
      .on("end", () => { placeLabels(nodes); moveLabels(label); }));
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
