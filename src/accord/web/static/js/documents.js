/* Documents (#/documents?text=…&offset=…): the stored articles, searchable and paged. */
(function () {
  "use strict";
  const { el, api, href, number, table, pager, errorBox, docLabel } = window.accord;

  const LIMIT = 50;
  const FILTERS = ["text", "since", "until", "source"];

  function searchForm(params) {
    const input = (name, label, placeholder) => el("label", { class: "field" },
      el("span", null, label),
      el("input", { type: "text", name, value: params.get(name) || "", placeholder }));
    const form = el("form", { class: "filters", autocomplete: "off" },
      input("text", "Search", "words of the title or path"),
      input("source", "Source", "VNA, Wikinews…"),
      input("since", "Since", "YYYY[-MM[-DD]]"),
      input("until", "Until", "YYYY[-MM[-DD]]"),
      el("div", { class: "buttons" },
         el("button", { type: "submit" }, "Search"),
         el("a", { href: "#/documents", class: "button secondary" }, "Clear")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.hash = href("documents", Object.fromEntries(new FormData(form).entries()));
    });
    return form;
  }

  function documentsTable(rows) {
    return table([
      { label: "Published", cls: "nowrap", cell: (d) => d.published || "—" },
      { label: "Title", cell: (d) => el("a", { href: "#/document/" + encodeURIComponent(d.id),
                                                class: "doc-title", title: d.path },
                                             docLabel(d.title, d.path)) },
      { label: "Source", cell: (d) => d.source || "" },
      { label: "Actors", cls: "num", cell: (d) => number(d.actors) },
      { label: "Events", cls: "num", cell: (d) => number(d.events) },
      { label: "Claims", cls: "num", cell: (d) => number(d.claims) },
      { label: "Statements", cls: "num", cell: (d) => number(d.statements) },
    ], rows, { cls: "documents", empty: "No documents match." });
  }

  accord.route("documents", async function (root, params) {
    document.title = "accord — documents";
    const filters = {};
    for (const k of FILTERS) if (params.get(k)) filters[k] = params.get(k);
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    root.append(el("h1", null, "Documents"), searchForm(params));
    let page;
    try {
      page = await api("documents", Object.assign({}, filters, { offset, limit: LIMIT }));
    } catch (err) {
      root.append(errorBox(err));
      return;
    }
    const hrefAt = (o) => href("documents", Object.assign({}, filters, { offset: o || null }));
    root.append(pager(page, hrefAt), documentsTable(page.items), pager(page, hrefAt));
  });
})();
