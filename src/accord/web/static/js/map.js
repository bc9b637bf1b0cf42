/* Map (#/map): world outlines (world-atlas, served locally) and the places where events happened. */
(function () {
  "use strict";
  const { el, api, href, number, table, countryTag, shareColor } = window.accord;

  const WIDTH = 960, HEIGHT = 500;
  let world = null; // the atlas, loaded once

  async function loadWorld() {
    if (!world) {
      const response = await fetch("/static/vendor/countries-110m.json");
      if (!response.ok) throw new Error("the world map is missing (" + response.status + ")");
      world = await response.json();
    }
    return world;
  }

  function placeTitle(p) {
    return `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${number(p.events)} event(s), ` +
           `${p.cooperation} cooperation, ${p.conflict} conflict` +
           (p.central ? "; no coordinates, drawn at the centre of its country" : "");
  }

  function draw(box, atlas, places) {
    const countries = topojson.feature(atlas, atlas.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = d3.select(box).append("svg").attr("class", "map")
      .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("role", "img")
      .attr("aria-label", "Map of the places of events");
    const g = svg.append("g");
    g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    g.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
    g.append("g").attr("class", "countries").selectAll("path").data(countries.features)
      .join("path").attr("class", "country").attr("d", path)
      .append("title").text((f) => (f.properties && f.properties.name) || "");

    // A place with coordinates is drawn there; a country or region without them at the centre
    // of its country's outline (ISO 3166-1 numeric ids, as in world-atlas).
    const byId = new Map(countries.features.map((f) => [String(f.id), f]));
    const located = [];
    for (const p of places) {
      let xy = null;
      if (p.lat !== null && p.lon !== null) xy = projection([p.lon, p.lat]);
      else if (p.country_numeric && byId.has(p.country_numeric)) {
        xy = projection(d3.geoCentroid(byId.get(p.country_numeric)));
      }
      if (xy) located.push(Object.assign({ x: xy[0], y: xy[1], central: p.lat === null }, p));
    }
    located.sort((a, b) => b.events - a.events);
    const radius = d3.scaleSqrt().domain([0, d3.max(located, (p) => p.events) || 1]).range([0, 18]);
    const circle = g.append("g").attr("class", "places").selectAll("a").data(located).join("a")
      .attr("href", (p) => p.country ? href("events", { country: p.country }) : null)
      .append("circle").attr("class", (p) => (p.central ? "place country-level" : "place"))
      .attr("data-name", (p) => p.name)
      .attr("cx", (p) => p.x)
      .attr("cy", (p) => p.y)
      .attr("r", (p) => Math.max(3, radius(p.events)))
      .attr("fill", (p) => shareColor(p.cooperation, p.conflict));
    circle.append("title").text(placeTitle);

    svg.call(d3.zoom().scaleExtent([1, 12]).on("zoom", (ev) => {
      g.attr("transform", ev.transform);
      circle.attr("r", (p) => Math.max(3, radius(p.events)) / ev.transform.k)
        .attr("stroke-width", 1 / ev.transform.k);
    }));
  }

  function placesTable(places) {
    return table([
      { label: "Place", cell: (p) => p.name },
      { label: "Country", cell: (p) => countryTag(p.country) },
      { label: "Events", cls: "num", cell: (p) => number(p.events) },
      { label: "Cooperation", cls: "num", cell: (p) => number(p.cooperation) },
      { label: "Conflict", cls: "num", cell: (p) => number(p.conflict) },
      { label: "On the map", cell: (p) => (p.lat !== null && p.lon !== null ? "yes"
          : p.country_numeric ? el("span", { class: "muted" }, "at its country's centre")
          : el("span", { class: "muted" }, "no coordinates")) },
    ], places, { cls: "places", empty: "No places." });
  }

  accord.route("map", async function (root) {
    document.title = "accord — map";
    root.append(el("h1", null, "Map"));
    const [atlas, places] = await Promise.all([loadWorld(), api("places")]);
    const box = el("div", { class: "chart map-box" });
    root.append(el("p", { class: "muted" },
                   "Places of events: area by number of events, colour from cooperation (green) " +
                   "to conflict (red). Scroll to zoom; click a place for its country's events."),
                box);
    const unlocated = places.filter((p) => p.lat === null || p.lon === null).length;
    root.append(el("section", { class: "card" }, el("h2", null, "Places"),
      unlocated ? el("p", { class: "muted note" }, `${unlocated} place(s) without coordinates ` +
                     "(countries, regions) are drawn with a dashed outline at the centre of " +
                     "their country.") : null,
      placesTable(places)));
    draw(box, atlas, places);
  });
})();
