// The rep page's daily chart: the figures come in the canvas's data-* attributes (no inline script: the CSP allows
// this origin's files only).
(function () {
  var canvas = document.getElementById('daily-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  function numbers(name) {
    var text = canvas.dataset[name] || '';
    return text === '' ? [] : text.split(',').map(Number);
  }
  var days = (canvas.dataset.days || '').split(',').filter(function (d) { return d !== ''; });
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map(function (d) { return d.substring(5); }),
      datasets: [
        { label: canvas.dataset.labelCalls, data: numbers('calls'), borderColor: '#17324d', backgroundColor: '#17324d', tension: 0.2 },
        { label: canvas.dataset.labelConnected, data: numbers('connected'), borderColor: '#0b7a75', backgroundColor: '#0b7a75', tension: 0.2 },
        { label: canvas.dataset.labelMeetings, data: numbers('meetings'), borderColor: '#b54708', backgroundColor: '#b54708', tension: 0.2 }
      ]
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
  });
})();
