// Browser test of a site whose index and comparison are split into pages (more than 256
// inputs: pages/paging.h), opened from file:// as a reader would: from the first page, every
// page of the table of pages is reached, and together the pages list every department page of
// the site once; from the first, the departments of several years are reached through the
// pages that group them; a later page links back to the first and to its neighbours, and its
// table filters like the first.
// usage: node tests/site/paged.test.mjs SITE_DIR
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const site = resolve(process.argv[2]);
// A fragment is not part of the file's path: pathToFileURL would encode its '#'.
const url = (rel) => {
  const [file, fragment] = rel.split('#');
  return pathToFileURL(resolve(site, file)).href + (fragment === undefined ? '' : `#${fragment}`);
};
let browser;

test.before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
test.after(async () => { await browser?.close(); });

// The hrefs of the links in the first cell of `page`'s tables (its rows, its table of pages).
const firstCells = (page) =>
  page.$$eval('main table tbody td:first-child a', (as) => as.map((a) => a.getAttribute('href')));

for (const stem of ['index', 'compare']) {
  test(`${stem}.html reaches every department through its pages`, async () => {
    const page = await browser.newPage();
    await page.goto(url(`${stem}.html`));
    const pages = (await firstCells(page)).filter((h) => h === `${stem}.html` || h.startsWith(`${stem}-`));
    assert.ok(pages.length >= 2, `pages listed on ${stem}.html: ${pages.length}`);
    assert.equal(pages[0], `${stem}.html`);
    const seen = [];
    for (const [i, href] of pages.entries()) {
      await page.goto(url(href));
      seen.push(...(await firstCells(page)).filter((h) => h.startsWith('departments/')));
      if (i === 0) continue;
      // A later page: back to the first, to the page before, and on to the next.
      const links = await page.$$eval('main p a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      assert.deepEqual(links.find(([t]) => t === '第一页及各页'), ['第一页及各页', `${stem}.html`]);
      assert.deepEqual(links.find(([t]) => t === '上一页'), ['上一页', pages[i - 1]]);
      if (i + 1 < pages.length) assert.deepEqual(links.find(([t]) => t === '下一页'), ['下一页', pages[i + 1]]);
    }
    const departments = readdirSync(resolve(site, 'departments'))
      .filter((f) => f.endsWith('.html')).map((f) => `departments/${f}`).sort();
    assert.deepEqual([...seen].sort(), departments);
    await page.close();
  });
}

test('index.html leads to every department of several years', async () => {
  // Each is grouped on the page of its latest year (mostly later pages: file order); the first
  // page's table of pages counts them per page and links to each page's group.
  const page = await browser.newPage();
  await page.goto(url('index.html'));
  const groups = await page.$$eval('#pages ~ table a[href$="#by-department"]',
    (as) => as.map((a) => [a.getAttribute('href'), Number(a.textContent)]));
  assert.ok(groups.length >= 1, `pages with departments of several years: ${groups.length}`);
  const listed = [];
  for (const [href, count] of groups) {
    await page.goto(url(href));
    const here = await page.$$eval('#by-department ~ ul > li > a:first-child',
      (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(here.length, count, `${href}: ${here.length} listed, ${count} counted`);
    listed.push(...here);
  }
  const departments = readdirSync(resolve(site, 'departments'), { withFileTypes: true })
    .filter((e) => e.isDirectory()).map((e) => `departments/${e.name}/index.html`).sort();
  assert.ok(departments.length >= 2, `departments of several years: ${departments.length}`);
  assert.deepEqual([...listed].sort(), departments);
  await page.close();
});

test('a later page of the index filters by year like the first', async () => {
  const page = await browser.newPage();
  await page.goto(url('index.html'));
  const later = (await firstCells(page)).find((h) => h.startsWith('index-'));
  await page.goto(url(later));
  const rows = () => page.$$eval('main table tbody tr', (r) => r.filter((x) => !x.hidden).length);
  const all = await rows();
  const years = await page.$$eval('#filter-year option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(years.length >= 1);
  await page.selectOption('#filter-year', years[0]);
  assert.ok((await rows()) < all || years.length === 1, 'filtering by a year hides rows');
  await page.close();
});
