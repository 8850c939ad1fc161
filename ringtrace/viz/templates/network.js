/* ringtrace network views: draws every [data-rt-network] figure of the page.
 * The data comes only from the figure's JSON data block (type application/json), read with
 * JSON.parse. Labels and tooltips are plain strings: vis-network 9 shows a string title with
 * innerText, node labels are drawn on the canvas, and the details panel is filled with
 * textContent, so no data string becomes markup.
 *
 * Filters: the legend shows or hides a role; the rule and date filters keep the cases that
 * match (a case passes when it carries the rule and its date is in range) and every node taking
 * part in at least one passing case. With case nodes hidden (the default) the derived edges
 * draw each case as an applicant-employer line; showing case nodes hides those lines. */
(function () {
  "use strict";
  var registry = (window.ringtraceNetworks = window.ringtraceNetworks || {});

  function pressed(figure) {
    var shown = {};
    figure.querySelectorAll("button[data-kind]").forEach(function (button) {
      shown[button.getAttribute("data-kind")] = button.getAttribute("aria-pressed") === "true";
    });
    return shown;
  }

  function value(figure, selector) {
    var element = figure.querySelector(selector);
    return element ? element.value : "";
  }

  function apply(figure, nodes, edges) {
    var shown = pressed(figure);
    var rule = value(figure, ".rt-filter-rule");
    var from = value(figure, ".rt-filter-from");
    var to = value(figure, ".rt-filter-to");
    var filtering = Boolean(rule || from || to);
    var passing = {};
    nodes.get({filter: function (n) { return n.role === "case"; }}).forEach(function (n) {
      passing[n.id] = (!rule || n.rules.indexOf(rule) >= 0) &&
        (!from || (n.date && n.date >= from)) && (!to || (n.date && n.date <= to));
    });
    function inPlay(cases) {
      return !filtering || !cases.length || cases.some(function (c) { return passing[c]; });
    }
    nodes.update(nodes.get().map(function (n) {
      var visible = shown[n.role] !== false &&
        (n.role === "case" ? passing[n.id] || !filtering : inPlay(n.cases));
      return {id: n.id, hidden: !visible};
    }));
    edges.update(edges.get({filter: function (e) { return e.derived; }}).map(function (e) {
      return {id: e.id, hidden: shown["case"] === true || !inPlay(e.cases)};
    }));
  }

  function bindFilters(figure, nodes, edges) {
    figure.querySelectorAll("button[data-kind]").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", on ? "false" : "true");
        apply(figure, nodes, edges);
      });
    });
    figure.querySelectorAll(".rt-filter-rule, .rt-filter-from, .rt-filter-to")
      .forEach(function (input) {
        input.addEventListener("change", function () { apply(figure, nodes, edges); });
      });
    var reset = figure.querySelector(".rt-filter-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        figure.querySelectorAll(".rt-filter-rule, .rt-filter-from, .rt-filter-to")
          .forEach(function (input) { input.value = ""; });
        apply(figure, nodes, edges);
      });
    }
  }

  function bindSearch(figure, network, nodes) {
    var form = figure.querySelector("form.rt-network-search");
    if (!form) { return; }
    var input = form.querySelector("input");
    var status = form.querySelector("output");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      var ids = text ? nodes.getIds({
        filter: function (node) { return !node.hidden && node.search.indexOf(text) >= 0; }
      }) : [];
      network.selectNodes(ids);
      if (ids.length) { network.fit({nodes: ids, animation: false}); }
      status.textContent = text ? "找到 " + ids.length + " 个节点" : "";
    });
  }

  function bindDetails(figure, network, nodes, edges) {
    var panel = figure.querySelector(".rt-details-text");
    if (!panel) { return; }
    network.on("click", function (params) {
      var text = "";
      if (params.nodes.length) {
        var node = nodes.get(params.nodes[0]);
        text = node.title + (node.cases.length ? "\n涉及案件：" + node.cases.length + " 件" : "");
      } else if (params.edges.length) {
        text = edges.get(params.edges[0]).title;
      }
      panel.textContent = text;
    });
  }

  function draw(figure) {
    var source = figure.querySelector("script.rt-network-data");
    var holder = figure.querySelector(".rt-network-canvas");
    if (!source || !holder || registry[figure.id]) { return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    apply(figure, nodes, edges);
    var network = new vis.Network(holder, {nodes: nodes, edges: edges}, data.options);
    network.fit({animation: false});
    registry[figure.id] = network;
    bindFilters(figure, nodes, edges);
    bindSearch(figure, network, nodes);
    bindDetails(figure, network, nodes, edges);
  }

  function start() {
    document.querySelectorAll("figure[data-rt-network]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
