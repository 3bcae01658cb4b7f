// govkg view: legend, type filters, search, physics toggle, hover card and details panel.
// Runs after pyvis's drawGraph(), using its globals `network`, `nodes` and `edges`.
// Every text from a report is written with textContent: nothing here parses data as HTML.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var view = { config: config, network: network, nodes: nodes, edges: edges, drawnAt: null, stabilizedAt: null };
  window.kgView = view;

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // ---------------------------------------------------------------- header and note
  byId("kg-title").textContent = config.title;
  byId("kg-counts").textContent = config.nodes + " 个节点 · " + config.edges + " 条边";
  byId("kg-note").textContent = config.note;
  byId("kg-color-note").textContent =
    config.colorBy === "community"
      ? "颜色表示社区（Louvain），形状表示类型；节点大小：" + config.sizeBy + "。"
      : "颜色与形状表示类型；节点大小：" + config.sizeBy + "。";

  // ---------------------------------------------------------------- filters: type (and legend), region, year
  var typeShown = {};
  var regionSelect = byId("kg-region"), yearSelect = byId("kg-year");

  function inReports(node) {
    var region = regionSelect.value, year = yearSelect.value;
    if (!region && !year) return true;
    return node.kg.reports.some(function (where) {
      return (!region || where[0] === region) && (!year || String(where[1]) === year);
    });
  }

  function applyFilters() {
    var all = nodes.get({ fields: ["id", "group", "kg", "hidden"] });
    var changes = [];
    all.forEach(function (node) {
      var hidden = typeShown[node.group] === false || !inReports(node);
      if (Boolean(node.hidden) !== hidden) changes.push({ id: node.id, hidden: hidden });
    });
    nodes.update(changes);
  }

  function setTypeVisible(type, visible) {
    typeShown[type] = visible;
    applyFilters();
  }
  view.setTypeVisible = setTypeVisible;

  var filters = byId("kg-filters");
  config.legend.forEach(function (entry) {
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-type", entry.type);
    var swatch = el("span", null, "kg-swatch kg-shape-" + entry.shape);
    swatch.style.background = config.colorBy === "community" ? "#888888" : entry.color;
    row.appendChild(box);
    row.appendChild(swatch);
    row.appendChild(el("span", entry.name + " " + entry.en + " (" + entry.count + ")"));
    box.addEventListener("change", function () { setTypeVisible(entry.type, box.checked); });
    filters.appendChild(row);
  });

  function addOptions(select, values) {
    values.forEach(function (value) {
      var option = el("option", value);
      option.value = String(value);
      select.appendChild(option);
    });
  }
  addOptions(regionSelect, config.regions);
  addOptions(yearSelect, config.years);
  regionSelect.addEventListener("change", applyFilters);
  yearSelect.addEventListener("change", applyFilters);
  var years = config.years.length ? config.years[0] + "–" + config.years[config.years.length - 1] : "—";
  byId("kg-reports-summary").textContent =
    config.reports + " 份报告 · " + config.regions.length + " 个地区 · " + years + " 年" +
    (config.shownReports < config.reports ? "（图中名称出自其中 " + config.shownReports + " 份）" : "");
  if (config.reports <= 1) byId("kg-reports").hidden = true;

  // ---------------------------------------------------------------- co-mention edges
  var comentionToggle = byId("kg-comention");
  if (config.comentions > 0) {
    comentionToggle.checked = true;
    comentionToggle.parentNode.appendChild(document.createTextNode(" (" + config.comentions + ")"));
    comentionToggle.addEventListener("change", function () {
      var ids = edges.getIds({ filter: function (edge) { return edge.kg && edge.kg.comention; } });
      edges.update(ids.map(function (id) { return { id: id, hidden: !comentionToggle.checked }; }));
    });
  } else {
    comentionToggle.parentNode.hidden = true;
  }

  // ---------------------------------------------------------------- physics
  var physics = byId("kg-physics");
  physics.checked = config.physics;
  physics.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physics.checked } });
  });

  // ---------------------------------------------------------------- details panel
  var details = byId("kg-details");

  function addRow(list, name, value) {
    if (value === undefined || value === null || value === "" || (value.length === 0)) return;
    list.appendChild(el("dt", name));
    list.appendChild(el("dd", Array.isArray(value) ? value.join("、") : value));
  }

  function addSources(provenance, count) {
    if (!provenance || provenance.length === 0) return;
    var more = count > provenance.length ? "，以下是前 " + provenance.length + " 句" : "";
    details.appendChild(el("p", "原文出处（" + count + more + "）", "kg-muted"));
    provenance.forEach(function (source) {
      var quote = el("blockquote", source[0]);
      var where = [source[1], source[2]].filter(Boolean).join(" · ");
      if (where) quote.appendChild(el("cite", where));
      details.appendChild(quote);
    });
  }

  function showNode(id) {
    var node = nodes.get(id) || isolatedById[id];
    if (node) showRecord(node);
  }

  function showRecord(node) {
    var info = node.kg;
    details.replaceChildren(el("h3", node.label), el("p", info.type, "kg-muted"));
    var list = el("dl");
    addRow(list, "别名", info.aliases);
    addRow(list, "状态", info.status);
    addRow(list, "期限", info.deadline);
    addRow(list, "定义", info.definition);
    details.appendChild(list);
    if (info.figures.length) {
      var shownFigures = info.figureCount > info.figures.length ? "（" + info.figureCount + " 个，以下是前 " +
        info.figures.length + " 个；全部见 kg charts）" : "";
      details.appendChild(el("p", "数据" + shownFigures, "kg-muted"));
      var figures = el("ul");
      info.figures.forEach(function (figure) { figures.appendChild(el("li", figure)); });
      details.appendChild(figures);
    }
    addSources(info.provenance, info.sources);
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) return;
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    var name = edge.label || edge.kg.label || "";
    details.replaceChildren(el("h3", (from ? from.label : "") + " → " + name + " → " + (to ? to.label : "")));
    addSources(edge.kg.provenance, edge.kg.sources);
  }
  view.showNode = showNode;

  // ---------------------------------------------------------------- isolated names (not drawn)
  var isolatedById = {};
  var isolatedList = byId("kg-isolated-list");
  config.isolated.forEach(function (record) {
    isolatedById[record.id] = record;
    var item = el("li");
    var button = el("button", record.label);
    button.type = "button";
    button.addEventListener("click", function () { showRecord(record); });
    item.appendChild(button);
    item.appendChild(el("span", " " + record.kg.type, "kg-muted"));
    isolatedList.appendChild(item);
  });
  byId("kg-isolated-summary").textContent = "未与其他名称相连的名称（" + config.isolated.length + "）";
  if (!config.isolated.length) byId("kg-isolated").hidden = true;

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---------------------------------------------------------------- hover card
  var container = byId("mynetwork");
  var card = el("div");
  card.id = "kg-hover";
  card.hidden = true;
  container.appendChild(card);

  network.on("hoverNode", function (params) {
    var node = nodes.get(params.node);
    if (!node) return;
    var info = node.kg;
    card.replaceChildren(el("strong", node.label), el("span", info.type));
    var lines = [];
    if (info.aliases.length) lines.push("别名：" + info.aliases.join("、"));
    if (info.status) lines.push("状态：" + info.status + (info.deadline ? "（" + info.deadline + "）" : ""));
    info.figures.slice(0, 3).forEach(function (figure) { lines.push(figure); });
    if (info.provenance.length) lines.push("“" + info.provenance[0][0] + "” — " + info.provenance[0][1]);
    lines.forEach(function (line) { card.appendChild(el("div", line)); });
    card.style.left = params.pointer.DOM.x + 14 + "px";
    card.style.top = params.pointer.DOM.y + 14 + "px";
    card.hidden = false;
  });
  network.on("blurNode", function () { card.hidden = true; });
  network.on("dragStart", function () { card.hidden = true; });

  // ---------------------------------------------------------------- search
  var names = byId("kg-names");
  var all = nodes.get({ fields: ["id", "label"] }).concat(config.isolated);
  if (all.length <= 5000) {
    all.map(function (node) { return node.label; }).sort().forEach(function (name) {
      var option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  }

  function findNode(query) {
    var visible = nodes.get({ filter: function (node) { return !node.hidden; }, fields: ["id", "label"] })
      .concat(config.isolated);
    var lower = query.toLowerCase();
    var exact = visible.filter(function (node) { return node.label === query; });
    if (exact.length) return exact[0];
    var partial = visible.filter(function (node) { return node.label.toLowerCase().indexOf(lower) >= 0; });
    partial.sort(function (a, b) { return a.label.length - b.label.length || (a.label < b.label ? -1 : 1); });
    return partial[0];
  }

  function focusNode(query) {
    var result = byId("kg-search-result");
    var found = query ? findNode(query) : undefined;
    if (!found) {
      result.textContent = "未找到：" + query;
      return null;
    }
    if (isolatedById[found.id]) {
      network.unselectAll();
    } else {
      network.selectNodes([found.id]);
      network.focus(found.id, { scale: 1.5, animation: false });
    }
    showNode(found.id);
    result.textContent = "已定位：" + found.label;
    return found.id;
  }
  view.focusNode = focusNode;

  byId("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    focusNode(byId("kg-search").value.trim());
  });

  // ---------------------------------------------------------------- legible names, readiness
  // The most connected names must read at >= 13 px at the default zoom, whatever the window:
  // after the first fit, enlarge their font if the zoom made them smaller (the others stay small
  // and appear as one zooms in, see DRAW_THRESHOLD in kg/viz.py).
  var LEGIBLE_PX = 13, TOP = config.labelled;
  function smallTopNames() {
    var scale = network.getScale();
    return nodes.get({ filter: function (node) { return node.kg.rank < TOP; } })
      .filter(function (node) { return node.font.size * scale < LEGIBLE_PX; })
      .map(function (node) { return { id: node.id, font: { size: Math.ceil(LEGIBLE_PX / scale) } }; });
  }
  network.once("afterDrawing", function () {
    var changes = smallTopNames();
    if (!changes.length) {
      view.drawnAt = performance.now();
      return;
    }
    network.once("afterDrawing", function () { view.drawnAt = performance.now(); });
    nodes.update(changes);
  });
  network.once("stabilizationIterationsDone", function () {
    view.stabilizedAt = performance.now();
    network.setOptions({ physics: { enabled: false } });
    physics.checked = false;
  });
  network.redraw();
})();
