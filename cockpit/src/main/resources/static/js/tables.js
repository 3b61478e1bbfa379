// Every table of the cockpit (table.reps):
// - on a phone, each row reads as a card: every cell is labelled with its column's heading (data-label, from the
//   table's head), which the stylesheet shows beside the value, so no page scrolls sideways;
// - a "Download (CSV)" button after it: the table as the page shows it (a cell's data-csv when it has one), in UTF-8
//   with a byte-order mark for spreadsheet programs, ';' between cells in French (',' in English), and a cell starting
//   with = + - @ (or a tab or a carriage return) prefixed with ' so that no spreadsheet runs it as a formula.
// Run on load and again when htmx swaps a part of the page in.
(function () {
  function headings(table) {
    return Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.replace(/\s+/g, ' ').trim();
    });
  }

  function text(cell) {
    var value = cell.hasAttribute('data-csv') ? cell.getAttribute('data-csv') : cell.textContent;
    return value.replace(/\s+/g, ' ').trim();
  }

  function csvCell(value, separator) {
    if (/^[=+\-@\t\r]/.test(value)) {
      value = "'" + value;
    }
    if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || /[\r\n]/.test(value)) {
      value = '"' + value.replace(/"/g, '""') + '"';
    }
    return value;
  }

  function csv(table, separator) {
    var rows = [headings(table)];
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (tr) {
      rows.push(Array.prototype.map.call(tr.children, text));
    });
    return '\uFEFF' + rows.map(function (row) {
      return row.map(function (value) { return csvCell(value, separator); }).join(separator);
    }).join('\r\n') + '\r\n';
  }

  function fileName(table) {
    var region = table.closest('[aria-labelledby]');
    var heading = region && document.getElementById(region.getAttribute('aria-labelledby'));
    var title = (document.querySelector('h1') || {}).textContent || 'salespulse';
    var name = title + (heading ? ' ' + heading.textContent : '');
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '').toLowerCase() + '.csv';
  }

  function enhance(root) {
    var body = document.body;
    var tables = root.querySelectorAll ? root.querySelectorAll('table.reps') : [];
    Array.prototype.forEach.call(tables, function (table, index) {
      var heads = headings(table);
      Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (heads[i] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', heads[i]);
          }
        });
      });
      var after = table.closest('.scroll') || table;
      if (table.classList.contains('no-csv') || (after.nextElementSibling && after.nextElementSibling.classList.contains('csv'))) {
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'csv secondary';
      button.textContent = body.dataset.csvLabel || 'Download (CSV)';
      button.addEventListener('click', function () {
        var blob = new Blob([csv(table, body.dataset.csvSeparator || ',')], { type: 'text/csv;charset=utf-8' });
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = fileName(table);
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      });
      after.insertAdjacentElement('afterend', button);
    });
  }

  document.addEventListener('DOMContentLoaded', function () { enhance(document); });
  document.addEventListener('htmx:afterSwap', function (event) { enhance(event.target); });
})();
