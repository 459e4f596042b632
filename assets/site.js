/* gongkai site script: on the index, filters (by year and region) and sorting by any column.
   The pages work without it: the table is there, in the order gongkai wrote it. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.getAttribute('data-page') !== 'index') return;
    var table = document.querySelector('main table');
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function column(name) {
      var heads = table.tHead.rows[0].cells;
      for (var i = 0; i < heads.length; i++) if (heads[i].textContent.trim() === name) return i;
      return -1;
    }
    var yearCol = column('年度'), regionCol = column('地区');
    function values(col) {
      var seen = {};
      rows.forEach(function (r) { seen[r.cells[col].textContent.trim()] = true; });
      return Object.keys(seen).sort();
    }
    function select(label, id, col) {
      var wrap = document.createElement('label');
      wrap.textContent = label + ' ';
      var s = document.createElement('select');
      s.id = id;
      var all = document.createElement('option');
      all.value = ''; all.textContent = '全部';
      s.appendChild(all);
      values(col).forEach(function (v) {
        var o = document.createElement('option'); o.value = v; o.textContent = v; s.appendChild(o);
      });
      wrap.appendChild(s);
      return { wrap: wrap, select: s };
    }
    var year = select('年度', 'filter-year', yearCol), region = select('地区', 'filter-region', regionCol);
    var bar = document.createElement('div');
    bar.className = 'filters';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', '筛选');
    bar.appendChild(year.wrap); bar.appendChild(region.wrap);
    var count = document.createElement('span'); count.className = 'filter-count'; bar.appendChild(count);
    table.parentNode.insertBefore(bar, table);
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!year.select.value || r.cells[yearCol].textContent.trim() === year.select.value) &&
          (!region.select.value || r.cells[regionCol].textContent.trim() === region.select.value);
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = '显示 ' + shown + ' / ' + rows.length;
    }
    year.select.addEventListener('change', apply);
    region.select.addEventListener('change', apply);
    apply();
    sortable(table);
  });

  // The value a cell sorts by: a number where the cell is one ("1,927.16"; "1 / 2" errors then
  // warnings), else its text; "—" (no figure) is null and sorts last either way.
  function sortKey(cell) {
    var text = cell.textContent.trim();
    if (text === '—' || text === '') return null;
    var pair = /^(\d+) \/ (\d+)$/.exec(text);
    if (pair) return Number(pair[1]) * 1e6 + Number(pair[2]);
    if (/^-?[\d,]+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
    return text;
  }

  // Each column header becomes a button that sorts the rows by that column, ascending, then
  // descending on a second press (aria-sort says which).
  function sortable(table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var rows = Array.prototype.slice.call(body.rows).map(function (r) {
          return { row: r, key: sortKey(r.cells[col]) };
        });
        rows.sort(function (a, b) {
          if (a.key === null || b.key === null) return (a.key === null) - (b.key === null);
          var order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key
            : String(a.key).localeCompare(String(b.key), 'zh-CN');
          return descending ? -order : order;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  }
})();
