/* accord dashboard: the router, the API helper and the widgets every view shares.
 *
 * Views register themselves with accord.route(name, render); render(root, params, arg) fills
 * `root` (a fresh element per navigation) and may return {update(params)} to handle a change
 * of the query string alone (same route, same argument) without rebuilding the page.
 * Every piece of data goes into the page as text (textContent, d3 .text()), never as HTML.
 */
(function () {
  "use strict";

  const accord = (window.accord = window.accord || {});
  const routes = {};

  accord.route = function (name, render) {
    routes[name] = render;
  };

  /* ---------- DOM ---------- */

  function append(node, kids) {
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      node.append(kid instanceof Node ? kid : String(kid));
    }
    return node;
  }

  /** el("a", {href: "#/", class: "x", onclick: fn}, "text", child, [more]) */
  function el(tag, attrs, ...kids) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    return append(node, kids);
  }

  /* ---------- URLs and the API ---------- */

  /** A query string of the non-empty values of `params` (an object or URLSearchParams). */
  function query(params) {
    const out = new URLSearchParams();
    const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
    for (const [key, value] of entries) {
      if (value !== null && value !== undefined && String(value).trim() !== "") {
        out.set(key, String(value).trim());
      }
    }
    return out.toString();
  }

  function href(path, params) {
    const q = params ? query(params) : "";
    return "#/" + path + (q ? "?" + q : "");
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** The message of an error body: FastAPI's detail, a string or a list of {loc, msg}. */
  function detailMessage(body, status) {
    const detail = body && body.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail
        .map((d) => {
          const where = (d.loc || []).filter((p) => p !== "query" && p !== "path").join(".");
          return (where ? where + ": " : "") + d.msg;
        })
        .join("; ");
    }
    return "the server answered " + status;
  }


  async function api(path, params) {
    const q = params ? query(params) : "";
    const url = "/api/" + path + (q ? "?" + q : "");
    const get = () => fetch(url, { headers: { Accept: "application/json" } });
    const response = await get();
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) throw new ApiError(response.status, detailMessage(body, response.status));
    return body;
  }

  /* ---------- formatting ---------- */

  const QUAD = {
    1: { label: "verbal cooperation", color: "#7fc97f" },
    2: { label: "material cooperation", color: "#2b8cbe" },
    3: { label: "verbal conflict", color: "#fdae61" },
    4: { label: "material conflict", color: "#d7301f" },
  };
  const COOPERATION = "#1a9850";
  const CONFLICT = "#d73027";

  /** Green for all cooperation, red for all conflict, grey when neither. */
  function shareColor(cooperation, conflict) {
    const total = (cooperation || 0) + (conflict || 0);
    if (!total) return "#9e9e9e";
    return d3.interpolateRgb(COOPERATION, CONFLICT)(conflict / total);
  }

  function basename(path) {
    return String(path || "").split(/[\\/]/).pop();
  }

  function docLabel(title, path) {
    return title || basename(path) || "(untitled)";
  }

  function number(n) {
    return n === null || n === undefined ? "" : Number(n).toLocaleString("en");
  }

  /** A page's total: "1,000+" when the API counted only that far (total_exact false). */
  function totalOf(page) {
    return number(page.total) + (page.total_exact === false ? "+" : "");
  }

  /* ---------- widgets ---------- */

  function countryTag(code) {
    return code ? el("span", { class: "cc", title: "country" }, code) : null;
  }

  function typeBadge(type, quadClass) {
    const q = QUAD[quadClass];
    return el("span", { class: "type q" + (quadClass || 0), title: q ? q.label : null }, type);
  }

  function actorLink(name, id) {
    const label = name || "(unnamed)";
    return id ? el("a", { href: "#/actor/" + id, class: "actor-link" }, label)
              : el("span", { class: name ? "actor" : "actor muted" }, label);
  }

  /** The participants of an event: names (linked to actor pages) and countries. */
  function participants(list) {
    const out = el("span", { class: "participants" });
    (list || []).forEach((p, i) => {
      if (i) out.append(", ");
      out.append(el("span", { class: "participant" }, actorLink(p.name, p.id),
                    p.country ? " " : null, countryTag(p.country)));
    });
    return out;
  }

  /** How a table shows a date: the date itself, else "undated (article PUBLISHED)", else
   *  "undated"; `accord events` and `accord statements` print the same (accord.items.date_label). */
  function dateLabel(date, published) {
    if (date) return date;
    return published ? `undated (article ${published})` : "undated";
  }

  /** The date cell of an event or a statement ({date, doc_published}): its own date, or
   *  "undated" with the article's date, as dateLabel writes it. */
  function eventDate(row) {
    if (row.date) return el("span", { class: "date nowrap" }, row.date);
    const published = row.doc_published;
    return el("span", { class: "date undated",
                        title: "The text gives no date" + (published ? "; the article's date follows" : "") },
              el("span", { class: "nowrap" }, "undated"),
              published ? [" ", el("span", { class: "muted small" }, "(article ",
                                   el("span", { class: "nowrap" }, published + ")"))] : null);
  }

  /** columns: [{label, cell(row) -> Node|string, cls}] */
  function table(columns, rows, options) {
    const opts = options || {};
    const body = el("tbody");
    if (!rows.length) {
      body.append(el("tr", null, el("td", { class: "empty", colspan: columns.length },
                                    opts.empty || "Nothing here.")));
    }
    for (const row of rows) {
      body.append(el("tr", { class: opts.rowClass ? opts.rowClass(row) : null },
                     columns.map((c) => el("td", { class: c.cls }, c.cell(row)))));
    }
    return el("table", { class: "data " + (opts.cls || "") },
              el("thead", null, el("tr", null, columns.map((c) => el("th", { class: c.cls }, c.label)))),
              body);
  }

  /** "1–50 of 120" with previous / next links; hrefAt(offset) gives a link's target. */
  function pager(page, hrefAt) {
    const { total, limit, offset } = page;
    const first = total ? offset + 1 : 0;
    const last = Math.min(offset + limit, total);
    const prev = offset > 0
      ? el("a", { href: hrefAt(Math.max(0, offset - limit)), class: "prev" }, "← previous")
      : el("span", { class: "prev disabled" }, "← previous");
    const next = offset + limit < total
      ? el("a", { href: hrefAt(offset + limit), class: "next" }, "next →")
      : el("span", { class: "next disabled" }, "next →");
    return el("div", { class: "pager" }, prev,
              el("span", { class: "range" }, `${number(first)}–${number(last)} of ${totalOf(page)}`),
              next);
  }

  function errorBox(err) {
    return el("p", { class: "error", role: "alert" }, err && err.message ? err.message : String(err));
  }

  function section(title, ...kids) {
    return el("section", { class: "card" }, el("h2", null, title), kids);
  }

  /** Keep only links to http(s) pages (an article's URL comes from the data). */
  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  /* ---------- router ---------- */

  const view = () => document.getElementById("view");
  let current = null;

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const cut = raw.indexOf("?");
    const path = cut < 0 ? raw : raw.slice(0, cut);
    const params = new URLSearchParams(cut < 0 ? "" : raw.slice(cut + 1));
    const parts = path.split("/");
    const arg = parts.slice(1).map(decodeURIComponent).join("/");
    return { name: parts[0], arg, params };
  }

  function markNav(name) {
    document.querySelectorAll("#nav a[data-route]").forEach((a) => {
      const route = a.getAttribute("data-route");
      const active = route === name || (route === "documents" && name === "document");
      a.classList.toggle("active", active);
    });
  }

  async function render() {
    const { name, arg, params } = parseHash();
    markNav(name);
    if (current && current.name === name && current.arg === arg && current.handle &&
        current.handle.update) {
      current.handle.update(params);
      current.root.setAttribute("data-hash", location.hash);
      return;
    }
    // data-hash and data-ready say which address a page shows and when it is drawn (for tests)
    const root = el("div", { class: "page page-" + (name || "overview"),
                             "data-hash": location.hash });
    view().replaceChildren(root);
    window.scrollTo(0, 0);
    const state = { name, arg, root, handle: null };
    current = state;
    const renderView = routes[name];
    if (!renderView) {
      root.append(el("h1", null, "Not found"), el("p", null, "No page at this address. ",
                  el("a", { href: "#/" }, "Back to the overview.")));
      root.setAttribute("data-ready", "");
      return;
    }
    root.append(el("p", { class: "loading" }, "Loading…"));
    try {
      state.handle = (await renderView(root, params, arg)) || null;
    } catch (err) {
      if (root.isConnected) {
        root.querySelectorAll(".loading").forEach((n) => n.remove());
        root.append(errorBox(err));
      }
    }
    root.querySelectorAll(":scope > .loading").forEach((n) => n.remove());
    root.setAttribute("data-ready", "");
  }

  Object.assign(accord, {
    el, append, query, href, api, ApiError, QUAD, COOPERATION, CONFLICT, shareColor, basename,
    docLabel, number, totalOf, countryTag, typeBadge, actorLink, participants, dateLabel, eventDate,
    table, pager,
    errorBox, section, safeUrl,
  });

  window.addEventListener("hashchange", render);
  document.addEventListener("DOMContentLoaded", render);
})();
