// Bytes the browser search of a built gongkai site loads for a query.
//
//   node bench/search-bytes.mjs SITE_DIR QUERY...
//
// For each query it works out, as assets/search.js does, which files of SITE_DIR/search/ a
// fresh page loads: meta.js; the term shards t<k>.js of the query's keys (character bigrams of
// the lower-cased, space-free query, or the character itself for a one-character run; k =
// FNV-1a of the key's UTF-8 bytes mod meta.shards); then the entry chunks d<k>.js of the top 60
// candidates (entries holding every key, by summed score, ties by id; chunk = the last of
// meta.starts <= id). The bytes reported are those of the files the site's own
// assets/search.js loads, run in a VM with a stub document whose <script> elements load
// synchronously from disk; the reference algorithm is the check (and the fallback where the
// script cannot run). One line per query, then the median.
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error('usage: node search-bytes.mjs SITE_DIR QUERY...');
  process.exit(2);
}
const dir = path.join(site, 'search');

// Evaluates one index file against a collector of gongkaiSearch.meta/terms/docs calls.
function evaluate(file) {
  const got = {};
  const gongkaiSearch = {
    meta: (m) => { got.meta = m; },
    terms: (k, t) => { got.terms = t; },
    docs: (k, list) => { got.docs = list; },
  };
  vm.runInNewContext(readFileSync(file, 'utf8'), { gongkaiSearch, window: { gongkaiSearch } });
  return got;
}

function fnv1a(key) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(key)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
const indexable = (ch) => /[0-9a-z]/.test(ch) || /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch) ||
  (ch.codePointAt(0) >= 0x20000 && ch.codePointAt(0) <= 0x2a6df);
function keys(text) {
  const runs = [[]], out = [];
  for (const ch of Array.from(text.toLowerCase())) {
    if (indexable(ch)) runs[runs.length - 1].push(ch);
    else if (runs[runs.length - 1].length) runs.push([]);
  }
  for (const r of runs) {
    if (r.length === 1) out.push(r[0]);
    for (let i = 0; i + 1 < r.length; i++) out.push(r[i] + r[i + 1]);
  }
  return out.filter((k, i) => out.indexOf(k) === i);
}
const norm = (s) => s.toLowerCase().replace(/\s+/g, '');
const size = (name) => { const f = path.join(dir, name + '.js'); return existsSync(f) ? statSync(f).size : 0; };

const meta = evaluate(path.join(dir, 'meta.js')).meta;
const shardCache = new Map();
function shard(k) {
  if (!shardCache.has(k)) {
    const f = path.join(dir, `t${k}.js`);
    shardCache.set(k, existsSync(f) ? evaluate(f).terms : {});
  }
  return shardCache.get(k);
}
function chunkOf(id) {
  return Math.floor(id / meta.per_chunk);  // fixed-size entry chunks, as assets/search.js
}

function plan(query) {
  const ks = keys(norm(query));
  const shards = [...new Set(ks.map((k) => fnv1a(k) % meta.shards))];
  let score = null;
  for (const k of ks) {
    const p = shard(fnv1a(k) % meta.shards)[k] || [];
    const next = {};
    for (let i = 0; i < p.length; i += 2)
      if (score === null || score[p[i]] !== undefined) next[p[i]] = (score ? score[p[i]] : 0) + p[i + 1];
    score = next;
  }
  const ids = Object.keys(score || {}).map(Number).sort((a, b) => score[b] - score[a] || a - b).slice(0, 60);
  const chunks = [...new Set(ids.map(chunkOf))];
  const files = ['meta', ...shards.map((s) => 't' + s), ...chunks.map((c) => 'd' + c)];
  return { files };
}

// The site's own search.js, run with a stub DOM; returns the index files it loads.
function viaSearchJs(query) {
  const scriptFile = path.join(site, 'assets', 'search.js');
  if (!existsSync(scriptFile)) return null;
  const loaded = [];
  const window = {};
  const document = {
    currentScript: null,
    createElement: () => ({}),
    addEventListener: () => {},
    head: {
      appendChild(s) {
        const name = s.src.replace(/^.*search\//, '').replace(/\.js$/, '');
        const file = path.join(dir, name + '.js');
        if (!existsSync(file)) { s.onerror && s.onerror(); return; }
        loaded.push(name);
        vm.runInContext(readFileSync(file, 'utf8'), context);
      },
    },
  };
  const context = vm.createContext({ window, document, TextEncoder, URLSearchParams,
    performance: { getEntriesByType: () => [] }, location: { search: '' }, history: {} });
  context.gongkaiSearch = undefined;
  vm.runInContext(readFileSync(scriptFile, 'utf8'), context);
  context.gongkaiSearch = window.gongkaiSearch;
  let result;
  window.gongkaiSearch.search(query, (r) => { result = r; });
  return result === undefined ? null : loaded;
}

const rows = [];
for (const q of queries) {
  // The files the site's own search.js loads are the measure; where it cannot be run, the
  // reference algorithm above (top 60 candidates) stands in, and says so.
  const reference = plan(q);
  let files = reference.files, how = 'reference algorithm (search.js could not be run)';
  try {
    const actual = viaSearchJs(q);
    if (actual) {
      files = actual;
      const same = JSON.stringify([...actual].sort()) === JSON.stringify([...reference.files].sort());
      how = 'assets/search.js in a VM' + (same ? ', same files as the reference algorithm'
        : '; the reference algorithm (top 60) picks other files: search.js has changed since');
    }
  } catch (e) {
    how += ': ' + e.message;
  }
  const bytes = files.reduce((n, f) => n + size(f), 0);
  const shardsN = files.filter((f) => f[0] === 't').length, chunksN = files.filter((f) => f[0] === 'd').length;
  rows.push(bytes);
  console.log(`  search "${q}": ${(bytes / 1024).toFixed(1)} KiB in ${files.length} files ` +
    `(meta ${(size('meta') / 1024).toFixed(1)} KiB, ${shardsN} term shards, ${chunksN} entry chunks) [${how}]`);
}
rows.sort((a, b) => a - b);
const median = rows.length % 2 ? rows[(rows.length - 1) / 2] : (rows[rows.length / 2 - 1] + rows[rows.length / 2]) / 2;
console.log(`  search median: ${(median / 1024).toFixed(1)} KiB per query (${rows.length} queries, index: ${meta.entries} entries, ${meta.shards} shards, ${Math.ceil(meta.entries / meta.per_chunk)} chunks)`);
