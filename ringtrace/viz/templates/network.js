/* ringtrace network views: draws every [data-rt-network] figure of the page.
 * The data comes only from the figure's JSON data block (type application/json), read with
 * JSON.parse. Labels and tooltips are plain strings: vis-network 9 shows a string title with
 * innerText, and node labels are drawn on the canvas, so no data string becomes markup. */
(function () {
  "use strict";
  var registry = (window.ringtraceNetworks = window.ringtraceNetworks || {});

  function bindLegend(figure, nodes) {
    figure.querySelectorAll("button[data-kind]").forEach(function (button) {
      button.addEventListener("click", function () {
        var kind = button.getAttribute("data-kind");
        var hide = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", hide ? "false" : "true");
        nodes.update(nodes.get({
          filter: function (node) { return node.kind === kind; }
        }).map(function (node) { return {id: node.id, hidden: hide}; }));
      });
    });
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

  function draw(figure) {
    var source = figure.querySelector("script.rt-network-data");
    var holder = figure.querySelector(".rt-network-canvas");
    if (!source || !holder || registry[figure.id]) { return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(holder, {nodes: nodes, edges: edges}, data.options);
    network.fit({animation: false});
    registry[figure.id] = network;
    bindLegend(figure, nodes);
    bindSearch(figure, network, nodes);
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
