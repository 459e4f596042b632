/* gongkai search: runs in the browser over the index files in search/, loaded as classic
   scripts so it works from file:// (no fetch, no modules). See render/search_index.h. */
(function () {
  'use strict';
  var root = document.currentScript ? document.currentScript.getAttribute('data-root') || '' : '';
  var state = { meta: null, terms: {}, more: {}, docs: {}, waiting: {} };
  var api = {
    meta: function (m) { state.meta = m; done('meta'); },
    terms: function (k, t) { state.terms[k] = t; done('t' + k); },
    more: function (name, enc) { state.more[name] = enc; done(name); },
    docs: function (k, list) {
      var map = {};
      for (var i = 0; i < list.length; i++) map[list[i][0]] = list[i];
      state.docs[k] = map;
      done('d' + k);
    }
  };
  window.gongkaiSearch = api;

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
  function ascii(ch) { return /[0-9a-z]/.test(ch); }
  function indexable(ch) {
    return ascii(ch) || /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch) ||
      (ch.codePointAt(0) >= 0x20000 && ch.codePointAt(0) <= 0x2a6df);
  }
  // The keys of a query, as render/search_index.cc indexes text: a CJK run by its bigrams
  // (a single character by itself), an ASCII run by itself (the index holds its prefixes up
  // to 16 characters).
  function keys(text) {
    var runs = [[]], out = [];
    Array.from(text.toLowerCase()).forEach(function (ch) {
      var run = runs[runs.length - 1];
      if (!indexable(ch)) { if (run.length) runs.push([]); return; }
      if (run.length && ascii(run[0]) !== ascii(ch)) runs.push(run = []);
      run.push(ch);
    });
    runs.forEach(function (r) {
      if (!r.length) return;
      if (ascii(r[0])) out.push(r.slice(0, 16).join(''));
      else if (r.length === 1) out.push(r[0]);
      for (var i = 0; !ascii(r[0]) && i + 1 < r.length; i++) out.push(r[i] + r[i + 1]);
    });
    return out.filter(function (k, i) { return out.indexOf(k) === i; });
  }
  // Postings as render/search_index.cc's EncodePostings writes them: [id, weight, ...].
  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_', VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS[d]] = d;
  function decode(enc, out) {
    var w = 3, prev = -1, v = 0, scale = 1;
    for (var i = 0; i < enc.length; i++) {
      if (enc[i] === '.') { w--; prev = -1; continue; }
      var x = VALUE[enc[i]];
      v += (x & 31) * scale;
      if (x >= 32) { scale *= 32; continue; }
      prev += v + 1;
      out.push(prev, w);
      v = 0; scale = 1;
    }
    return out;
  }
  function norm(s) { return s.toLowerCase().replace(/\s+/g, ''); }
  function chunkOf(id) { return Math.floor(id / Math.pow(2, state.meta.chunk_bits)); }
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
  var PAGE = 20;

  // Finds up to `want` entries holding the query; cb(results, more) where more says whether
  // a larger `want` could find others (null results: the index did not load). Candidates
  // come from the query's rarest key, titles first, filtered by every other key whose
  // postings are all in its shard; each is confirmed on its text, and only the chunks of the
  // candidates looked at are loaded.
  function search(query, cb, want) {
    var q = norm(query);
    want = want || PAGE;
    if (!q) { cb([], false); return; }
    load('meta', function () { return !!state.meta; }, function () {
      if (!state.meta) { cb(null, false); return; }
      var ks = keys(q);
      if (!ks.length) { cb([], false); return; }
      var shardOf = {};
      ks.forEach(function (k) { shardOf[k] = hash(k) % state.meta.shards; });
      var names = ks.map(function (k) { return 't' + shardOf[k]; }).filter(function (n, i, a) { return a.indexOf(n) === i; });
      loadAll(names, function (n) { return !!state.terms[n.slice(1)]; }, function () {
        var infos = ks.map(function (k) { return (state.terms[shardOf[k]] || {})[k]; });
        if (infos.some(function (t) { return !t; })) { cb([], false); return; }
        infos.sort(function (a, b) { return a[0] - b[0]; });
        // Complete postings exclude; every key's first postings add to a candidate's score, so
        // the entries that hold every key in their titles are looked at first.
        var rarest = infos[0], filters = [], score = {};
        infos.forEach(function (t, n) {
          var p = decode(t[1], []), set = {};
          for (var i = 0; i < p.length; i += 2) { set[p[i]] = true; score[p[i]] = (score[p[i]] || 0) + p[i + 1]; }
          if (n > 0 && t.length === 2) filters.push(set);
        });
        var pending = [], pages = 0, results = [], seen = {}, looked = {}, budget = 2 * want;
        function take(p) {
          for (var i = 0; i < p.length; i += 2)
            if (filters.every(function (f) { return f[p[i]]; })) pending.push(p[i]);
          pending.sort(function (a, b) { return (score[b] || 0) - (score[a] || 0) || a - b; });
        }
        take(decode(rarest[1], []));
        function step() {
          // At most 2 chunks a wanted result: where many candidates hold the keys but not the
          // query, the reader asks for more instead of the page loading hundreds of chunks.
          if (results.length >= want || Object.keys(looked).length >= budget) { finish(); return; }
          var ids = pending.splice(0, want - results.length);
          if (!ids.length) {
            if (pages >= (rarest[2] || 0)) { finish(); return; }
            var page = rarest[3] + '-' + (++pages);
            load(page, function () { return state.more[page] !== undefined; }, function () {
              if (state.more[page] === undefined) { finish(); return; }
              take(decode(state.more[page], []));
              step();
            });
            return;
          }
          var chunks = ids.map(chunkOf).filter(function (c, i, a) { return a.indexOf(c) === i; });
          chunks.forEach(function (c) { looked[c] = true; });
          loadAll(chunks.map(function (c) { return 'd' + c; }), function (n) { return !!state.docs[n.slice(1)]; }, function () {
            ids.forEach(function (id) { confirm((state.docs[chunkOf(id)] || {})[id]); });
            step();
          });
        }
        // Keeps an entry that holds the query itself (not only its keys), once per page part.
        function confirm(e) {
          if (!e) return;
          var s = 0;
          if (norm(e[2]).indexOf(q) >= 0) s += 100;
          if (norm(e[4]).indexOf(q) >= 0) s += 40;
          if (norm(e[5]).indexOf(q) >= 0) s += 10;
          var same = [e[1], e[2], e[3], e[4]].join('\n');
          if (!s || seen[same]) return;  // the keys matched but not the query; a piece already shown
          seen[same] = true;
          if (e[3] === 'department' && s >= 100) s += 60;  // a department named so, before its pieces
          results.push({ id: e[0], url: e[1], title: e[2], kind: e[3], dept: e[4], text: e[5], score: s });
        }
        // More: candidates not looked at yet, here or in the rarest key's pages.
        function finish() {
          results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
          cb(results, pending.length > 0 || pages < (rarest[2] || 0));
        }
        step();
      });
    });
  }
  api.search = search;

  function render(results, query, box, more) {
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
    box.innerHTML = html + '</ol>' + (more ? '<p><button type="button" class="more">更多结果</button></p>' : '');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('search-form'), box = document.getElementById('search-results');
    if (!form || !box) return;
    var input = form.querySelector('input[name=q]');
    var params = new URLSearchParams(location.search);
    function go(q, want) {
      if (!want) box.innerHTML = '<p>正在搜索……</p>';
      search(q, function (r, more) {
        render(r, q, box, more);
        var button = box.querySelector('button.more');
        if (button) button.addEventListener('click', function () { button.disabled = true; go(q, (want || PAGE) + PAGE); });
      }, want);
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
