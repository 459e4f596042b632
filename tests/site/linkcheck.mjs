// Link check over a built site: every href/src in every HTML page resolves to a file in the
// site (and its #fragment to an id in that file); no page refers to another host.
// usage: node tests/site/linkcheck.mjs SITE_DIR
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import test from 'node:test';
import assert from 'node:assert/strict';

const site = resolve(process.argv[2]);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const pages = walk(site).filter((p) => p.endsWith('.html'));
const idCache = new Map();
function ids(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return idCache.get(file);
}
function decode(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

test('the site has pages', () => assert.ok(pages.length >= 20, `${pages.length} pages`));

test('no page refers to another host', () => {
  const bad = [];
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src|action|srcset|poster|data)="([^"]*)"/g)) {
      const url = decode(m[1]);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !url.startsWith('#')) bad.push(`${relative(site, page)}: ${url}`);
    }
    for (const m of html.matchAll(/url\(\s*['"]?(?:https?:)?\/\//gi)) bad.push(`${relative(site, page)}: ${m[0]}`);
  }
  assert.deepEqual(bad, []);
});

test('every link resolves to a file and an anchor in the site', () => {
  const broken = [];
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = decode(m[1]);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) continue;  // reported by the test above
      const [pathAndQuery, fragment] = url.split('#');
      const path = pathAndQuery.split('?')[0];
      const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
      checked++;
      if (!target.startsWith(site) || !existsSync(target)) {
        broken.push(`${relative(site, page)} -> ${url}`);
        continue;
      }
      if (fragment && target.endsWith('.html') && !ids(target).has(decodeURIComponent(fragment)))
        broken.push(`${relative(site, page)} -> ${url} (no id "${fragment}")`);
    }
  }
  assert.ok(checked > 1000, `only ${checked} links checked`);
  assert.deepEqual(broken, []);
});
