// govkg charts page: draw every figure with the inlined plotly.js, from the JSON beside it.
// Report text reaches Plotly escaped by kg/charts.py; the header is written with textContent.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var figures = JSON.parse(document.getElementById("kg-figures").textContent);
  var view = { config: config, drawnAt: null };
  window.kgCharts = view;
  document.getElementById("kg-title").textContent = config.title;
  document.getElementById("kg-summary").textContent = config.summary;
  var drawing = config.charts.map(function (key) {
    var figure = figures[key];
    return Plotly.newPlot("plot-" + key, figure.data, figure.layout, { responsive: true, displaylogo: false });
  });
  Promise.all(drawing).then(function () { view.drawnAt = performance.now(); });
})();
