/* gongkai site script: filters on the index (by year and region). The pages work without it. */
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
  });
})();
