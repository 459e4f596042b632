// Bytes the browser search of a built gongkai site loads for a query.
//
//   node bench/search-bytes.mjs SITE_DIR [QUERY...]    (default: bench/search-queries.txt)
//
// For each query, the site's own assets/search.js runs in a VM with a stub document whose
// <script> elements load synchronously from SITE_DIR, as a fresh page would load them: the
// bytes reported are those of the index files it loads for the first page of results (meta.js,
// the term shards of the query's keys, the entry chunks of the results it looks at, and any
// posting page). One line per query, then the median and the worst.
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const [site, ...args] = process.argv.slice(2);
if (!site) {
  console.error('usage: node search-bytes.mjs SITE_DIR [QUERY...]');
  process.exit(2);
}
const listFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-queries.txt');
const queries = args.length ? args : readFileSync(listFile, 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const dir = path.join(site, 'search');
const script = readFileSync(path.join(site, 'assets', 'search.js'), 'utf8');

// A fresh page: search.js with nothing loaded; returns the results and the files loaded.
async function run(query) {
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
        // Asynchronous, as in a browser (search.js's callbacks do not nest).
        setImmediate(() => {
          if (!existsSync(file)) { s.onerror(); return; }
          loaded.push(file);
          vm.runInContext(readFileSync(file, 'utf8'), context);
        });
      },
    },
  };
  const context = vm.createContext({ window, document, TextEncoder, URLSearchParams, location: { search: '' }, history: {} });
  vm.runInContext(script, context);
  context.gongkaiSearch = window.gongkaiSearch;
  const [results, more] = await new Promise((resolve) => window.gongkaiSearch.search(query, (r, m) => resolve([r, m])));
  if (results === null) throw new Error(`search.js could not load the index of ${site}`);
  return { results, more, loaded };
}

const rows = [];
for (const q of queries) {
  const { results, more, loaded } = await run(q);
  const bytes = loaded.reduce((n, f) => n + statSync(f).size, 0);
  const count = (c) => loaded.filter((f) => path.basename(f)[0] === c).length;
  rows.push({ q, bytes });
  console.log(`  search "${q}": ${(bytes / 1024).toFixed(1)} KiB in ${loaded.length} files ` +
    `(${count('t')} term shards, ${loaded.filter((f) => /\/m[0-9a-f]+-/.test(f)).length} posting pages, ${count('d')} entry chunks), ` +
    `${results.length} results${more ? ' and more' : ''}`);
}
const sorted = rows.map((r) => r.bytes).sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]
  : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const worst = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const meta = readFileSync(path.join(dir, 'meta.js'), 'utf8');
console.log(`  search: median ${(median / 1024).toFixed(1)} KiB, worst ${(worst.bytes / 1024).toFixed(1)} KiB ("${worst.q}") ` +
  `per query over ${rows.length} queries; index ${meta.trim()}`);
