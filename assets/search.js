/* gongkai search: runs in the browser over the index files in search/, loaded as classic
   scripts so it works from file:// (no fetch, no modules). See render/search_index.h. */
(function () {
  'use strict';
  var root = document.currentScript ? document.currentScript.getAttribute('data-root') || '' : '';
  var state = { meta: null, terms: {}, docs: {}, waiting: {} };
  var api = {
    meta: function (m) { state.meta = m; done('meta'); },
    terms: function (k, t) { state.terms[k] = t; done('t' + k); },
    docs: function (k, list) {
      var map = {};
      for (var i = 0; i < list.length; i++) map[list[i][0]] = list[i];
      state.docs[k] = map;
      done('d' + k);
    }
  };
  window.gongkaiSearch = api;
  var bytesLoaded = 0;

  function done(name) {
    var cbs = state.waiting[name] || [];
    delete state.waiting[name];
    for (var i = 0; i < cbs.length; i++) cbs[i]();
  }
  function load(name, loaded, cb) {
    if (loaded()) { cb(); return; }
    if (state.waiting[name]) { state.waiting[name].push(cb); return; }
    state.waiting[name] = [cb];
    var s = document.createElement('script');
    s.src = root + 'search/' + name + '.js';
    s.onerror = function () { done(name); };
    document.head.appendChild(s);
  }
  function loadAll(names, loadedFn, cb) {
    var left = names.length;
    if (!left) { cb(); return; }
    names.forEach(function (n) { load(n, function () { return loadedFn(n); }, function () { if (--left === 0) cb(); }); });
  }
  // FNV-1a over UTF-8 bytes, as render/search_index.cc.
  function hash(key) {
    var bytes = new TextEncoder().encode(key), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function indexable(ch) {
    return /[0-9a-z]/.test(ch) || /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch) ||
      (ch.codePointAt(0) >= 0x20000 && ch.codePointAt(0) <= 0x2a6df);
  }
  function keys(text) {
    var runs = [[]], out = [];
    Array.from(text.toLowerCase()).forEach(function (ch) {
      if (indexable(ch)) runs[runs.length - 1].push(ch);
      else if (runs[runs.length - 1].length) runs.push([]);
    });
    runs.forEach(function (r) {
      if (r.length === 1) out.push(r[0]);
      for (var i = 0; i + 1 < r.length; i++) out.push(r[i] + r[i + 1]);
    });
    return out.filter(function (k, i) { return out.indexOf(k) === i; });
  }
  function norm(s) { return s.toLowerCase().replace(/\s+/g, ''); }
  function chunkOf(id) { return Math.floor(id / state.meta.per_chunk); }
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function snippet(text, q) {
    var t = text, nt = norm(t), i = nt.indexOf(q);
    if (i < 0) return escapeHtml(t.slice(0, 80));
    // Map the index in the space-free text back to the original.
    var pos = 0, seen = 0;
    while (pos < t.length && seen < i) { if (!/\s/.test(t[pos])) seen++; pos++; }
    while (pos < t.length && /\s/.test(t[pos])) pos++;
    var end = pos, got = 0;
    while (end < t.length && got < q.length) { if (!/\s/.test(t[end])) got++; end++; }
    var from = Math.max(0, pos - 30), to = Math.min(t.length, end + 50);
    return (from > 0 ? '…' : '') + escapeHtml(t.slice(from, pos)) + '<mark>' +
      escapeHtml(t.slice(pos, end)) + '</mark>' + escapeHtml(t.slice(end, to)) + (to < t.length ? '…' : '');
  }
  var KIND = { department: '部门', code: '科目', project: '项目', finding: '核对', glossary: '名词', narrative: '说明' };

  function search(query, cb) {
    var q = norm(query);
    if (!q) { cb([]); return; }
    load('meta', function () { return !!state.meta; }, function () {
      if (!state.meta) { cb(null); return; }
      var ks = keys(q);
      if (!ks.length) { cb([]); return; }
      var shards = ks.map(function (k) { return hash(k) % state.meta.shards; });
      var names = shards.filter(function (s, i) { return shards.indexOf(s) === i; }).map(function (s) { return 't' + s; });
      loadAll(names, function (n) { return !!state.terms[n.slice(1)]; }, function () {
        // Postings of each key; a key whose list starts with -1 was capped at build time (it
        // is in very many entries) and does not exclude entries missing from it.
        var lists = ks.map(function (k) {
          var p = (state.terms[hash(k) % state.meta.shards] || {})[k] || [];
          var capped = p.length && p[0] === -1;
          return { p: capped ? p.slice(1) : p, capped: capped };
        });
        lists.sort(function (a, b) { return (a.capped - b.capped) || (a.p.length - b.p.length); });
        var score = null;
        lists.forEach(function (l) {
          var next = {}, p = l.p, i;
          if (score === null) {
            for (i = 0; i < p.length; i += 2) next[p[i]] = p[i + 1];
          } else if (l.capped) {
            next = score;
            for (i = 0; i < p.length; i += 2) if (next[p[i]] !== undefined) next[p[i]] += p[i + 1];
          } else {
            for (i = 0; i < p.length; i += 2) if (score[p[i]] !== undefined) next[p[i]] = score[p[i]] + p[i + 1];
          }
          score = next;
        });
        // The best candidates only: their entry files are what a query loads.
        var ids = Object.keys(score || {}).map(Number).sort(function (a, b) { return score[b] - score[a] || a - b; }).slice(0, 24);
        var chunks = ids.map(chunkOf).filter(function (c, i, a) { return a.indexOf(c) === i; });
        loadAll(chunks.map(function (c) { return 'd' + c; }), function (n) { return !!state.docs[n.slice(1)]; }, function () {
          var results = [];
          ids.forEach(function (id) {
            var e = (state.docs[chunkOf(id)] || {})[id];
            if (!e) return;
            var title = norm(e[2]), dept = norm(e[4]), text = norm(e[5]);
            var s = 0;
            if (title.indexOf(q) >= 0) s += 100;
            if (dept.indexOf(q) >= 0) s += 40;
            if (text.indexOf(q) >= 0) s += 10;
            if (!s) return;  // the bigrams matched but not the query itself
            if (e[3] === 'department') s += 5;
            results.push({ id: id, url: e[1], title: e[2], kind: e[3], dept: e[4], text: e[5], score: s });
          });
          results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
          cb(results.slice(0, 30));
        });
      });
    });
  }
  api.search = search;
  api.bytesLoaded = function () {
    return performance.getEntriesByType('resource').filter(function (r) { return r.name.indexOf('/search/') >= 0; })
      .reduce(function (n, r) { return n + (r.encodedBodySize || r.transferSize || 0); }, 0);
  };

  function render(results, query, box) {
    if (results === null) { box.innerHTML = '<p>搜索索引未能加载。</p>'; return; }
    if (!results.length) { box.innerHTML = '<p>没有找到“' + escapeHtml(query) + '”。</p>'; return; }
    var q = norm(query), html = '<p class="count">找到 ' + results.length + ' 条结果</p><ol class="results">';
    results.forEach(function (r) {
      var where = r.text && norm(r.text).indexOf(q) >= 0 ? r.text : (r.dept || r.title);
      html += '<li class="result kind-' + r.kind + '"><span class="kind">' + (KIND[r.kind] || r.kind) + '</span> ' +
        '<a href="' + escapeHtml(root + r.url) + '">' + snippet(r.title, q) + '</a>' +
        (r.dept && r.kind !== 'department' ? ' <span class="dept">' + escapeHtml(r.dept) + '</span>' : '') +
        '<div class="snippet">' + snippet(where, q) + '</div></li>';
    });
    box.innerHTML = html + '</ol>';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('search-form'), box = document.getElementById('search-results');
    if (!form || !box) return;
    var input = form.querySelector('input[name=q]');
    var params = new URLSearchParams(location.search);
    function go(q) {
      box.innerHTML = '<p>正在搜索……</p>';
      search(q, function (r) { render(r, q, box); });
    }
    if (params.get('q')) { input.value = params.get('q'); go(params.get('q')); }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var q = input.value;
      try { history.replaceState(null, '', '?q=' + encodeURIComponent(q)); } catch (e) { /* file:// may refuse */ }
      go(q);
    });
  });
})();
