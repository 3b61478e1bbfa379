// Day-by-day charts: every canvas.daily-chart holds its days (data-days, comma-separated) and its series (data-series,
// JSON [{label, data}]) in data attributes, as the CSP allows no inline script. Drawn on load and again when htmx
// swaps a part of the page in.
(function () {
  var colours = ['#17324d', '#0b7a75', '#b54708', '#6941c6', '#b42318', '#1f7a3a', '#0b5cad', '#4a5563'];
  function draw(root) {
    if (typeof Chart === 'undefined') {
      return;
    }
    var canvases = root.querySelectorAll ? root.querySelectorAll('canvas.daily-chart') : [];
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (Chart.getChart(canvas)) {
        return;
      }
      var days = (canvas.dataset.days || '').split(',').filter(function (d) { return d !== ''; });
      var series = JSON.parse(canvas.dataset.series || '[]');
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: days.map(function (d) { return d.substring(5); }),
          datasets: series.map(function (s, i) {
            var colour = colours[i % colours.length];
            return { label: s.label, data: s.data, borderColor: colour, backgroundColor: colour, tension: 0.2 };
          })
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
      });
    });
  }
  if (typeof htmx !== 'undefined') {
    htmx.onLoad(draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { draw(document); });
  } else {
    draw(document);
  }
})();
