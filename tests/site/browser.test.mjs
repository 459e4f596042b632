// Browser test: Debian's Chromium, driven by playwright-core, over the built site opened from
// file:// — search, follow a result, follow a figure to its source line, filter and sort the
// index, the first screen of a department page, the source view's notes, follow a PDF line or
// figure to its page of the original (also over HTTP); screenshots of the index, a department
// page and a source view at a desktop and a phone size go to SHOTS_DIR.
// usage: node tests/site/browser.test.mjs SITE_DIR [SHOTS_DIR [CONTENT_DIR]] (CONTENT_DIR: the
// content the site was built from)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import test from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const site = resolve(process.argv[2]);
const shots = resolve(process.argv[3] ?? resolve(site, '..', 'screenshots'));
const content = resolve(process.argv[4] ?? 'content');
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const url = (rel) => {
  const [path, hash] = rel.split('#');
  return pathToFileURL(resolve(site, path)).href + (hash ? `#${hash}` : '');
};
let browser;

test.before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
test.after(async () => { await browser?.close(); });

// Runs a search from the header box of the index page; returns the result items and the
// bytes of the search files the query loaded.
async function search(page, query) {
  const loaded = new Set();
  page.on('request', (r) => { if (r.url().includes('/search/')) loaded.add(r.url()); });
  await page.goto(url('index.html'));
  await page.fill('#site-q', query);
  await page.press('#site-q', 'Enter');
  await page.waitForSelector('#search-results .count, #search-results p');
  await page.waitForFunction(() => !document.querySelector('#search-results').textContent.includes('正在搜索'));
  const items = await page.$$eval('#search-results li.result', (lis) => lis.map((li) => ({
    kind: li.querySelector('.kind').textContent,
    title: li.querySelector('a').textContent,
    href: li.querySelector('a').getAttribute('href'),
    dept: li.querySelector('.dept')?.textContent ?? '',
    snippet: li.querySelector('.snippet').innerHTML,
  })));
  const bytes = [...loaded].reduce((n, u) => n + statSync(fileURLToPath(u)).size, 0);
  return { items, bytes, files: loaded.size };
}

test('a term found in several disclosures lists them all, with the match highlighted', async () => {
  const page = await browser.newPage();
  const { items, bytes, files } = await search(page, '住房公积金');
  console.log(`# query 住房公积金: ${items.length} results, ${files} index files, ${bytes} bytes`);
  const depts = new Set(items.map((i) => (i.kind === '部门' ? i.title : i.dept)).filter(Boolean));
  assert.ok(depts.size >= 5, `results from ${depts.size} departments: ${[...depts].join(', ')}`);
  assert.ok(items.some((i) => i.kind === '科目' && i.title.includes('2210201')), 'the code page 2210201 住房公积金 is found');
  assert.ok(items.some((i) => i.snippet.includes('<mark>住房公积金</mark>')), 'the match is highlighted');
  assert.match(page.url(), /search\.html\?q=/);
  await page.close();
});

test('a place name finds its department first, and the result opens its page', async () => {
  const page = await browser.newPage();
  const { items, bytes } = await search(page, '承德');
  console.log(`# query 承德: ${items.length} results, ${bytes} bytes`);
  assert.equal(items[0].kind, '部门');
  assert.equal(items[0].title, '承德市医疗保障局');
  await page.click('#search-results li.result a');
  await page.waitForLoadState();
  assert.match(page.url(), /departments\/2022-hebei-chengde-healthcare-security-bureau\.html$/);
  assert.match(await page.textContent('h1'), /承德市医疗保障局 2022 年部门预算/);
  await page.close();
});

test('a code is found by its number, and a single character lists the departments named with it first', async () => {
  const page = await browser.newPage();
  const code = await search(page, '2101501');
  console.log(`# query 2101501: ${code.items.length} results, ${code.files} index files, ${code.bytes} bytes`);
  assert.equal(code.items[0].kind, '科目');
  assert.equal(code.items[0].title, '2101501 行政运行');
  assert.equal(code.items[0].href, 'codes/2101501.html');
  const one = await search(page, '局');
  console.log(`# query 局: ${one.items.length} results, ${one.files} index files, ${one.bytes} bytes`);
  assert.deepEqual(one.items.slice(0, 4).map((i) => i.kind), ['部门', '部门', '部门', '部门']);
  assert.deepEqual(one.items.slice(0, 4).map((i) => i.title).sort(),
    ['北京市审计局', '承德市医疗保障局', '深圳市城市管理和综合执法局', '苍溪县医疗保障局'].sort());
  // More than a page of results: the button fetches the next ones, the first stay.
  assert.equal(one.items.length, 20);
  await page.click('#search-results button.more');
  await page.waitForFunction(() => document.querySelectorAll('#search-results li.result').length > 20);
  const titles = await page.$$eval('#search-results li.result a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(titles.slice(0, 4).sort(), one.items.slice(0, 4).map((i) => i.title).sort());
  await page.close();
});

test('a figure links to the line of the source it came from', async () => {
  const page = await browser.newPage();
  await page.goto(url('departments/2022-hebei-chengde-healthcare-security-bureau.html'));
  // 收入总计 in the key figures: 1927.16 on line 85 of the source.
  const link = page.locator('#key-figures + table tr', { hasText: '收入总计' }).locator('a');
  assert.equal(await link.textContent(), '1927.16');
  await link.click();
  await page.waitForLoadState();
  assert.match(page.url(), /source\/2022-hebei-chengde-healthcare-security-bureau\.html#L85$/);
  const line = await page.textContent('li:target');
  assert.match(line, /收入总计 1927\.16 支出总计 1927\.16/);
  await page.close();
});

test('a finding links to its lines and its rule', async () => {
  const page = await browser.newPage();
  await page.goto(url('departments/2022-hebei-chengde-healthcare-security-bureau.html'));
  const row = page.locator('#findings + p + table tr', { hasText: 'narrative-change' }).first();
  await row.locator('a', { hasText: '757' }).click();
  await page.waitForLoadState();
  assert.match(page.url(), /#L757$/);
  assert.match(await page.textContent('li:target'), /60\.48增长 9\.77万元/);
  await page.close();
});

test('a figure of a PDF disclosure links to its line, on its page', async () => {
  const page = await browser.newPage();
  await page.goto(url('departments/2026-shenzhen-urban-management-law-enforcement-bureau.html'));
  // 收入总计 10,692.90 stands on page 19 of the PDF (表1 收支总表 runs over pages 17–19); the
  // source view renders that page's rows of text as lines 365–374.
  const link = page.locator('#key-figures + table tr', { hasText: '收入总计' }).locator('a').first();
  assert.equal(await link.textContent(), '10692.90');
  await link.click();
  await page.waitForLoadState();
  assert.match(page.url(), /source\/2026-shenzhen-urban-management-law-enforcement-bureau\.html#L372$/);
  assert.match(await page.textContent('li:target'), /收入总计\s+10,692\.90\s+支出总计\s+10,692\.90/);
  // The page mark before the page's first line names the PDF page.
  assert.equal(await page.textContent('#P19'), '第 19 页');
  const first = await page.$eval('#P19', (li) => li.nextElementSibling.id);
  assert.equal(first, 'L365');
  await page.close();
});

test('a disclosure of two files shows both, each under its name', async () => {
  const page = await browser.newPage();
  await page.goto(url('source/2026-beijing-audit-bureau.html'));
  const files = await page.$$eval('li.file-mark', (lis) => lis.map((li) => li.textContent));
  assert.equal(files.length, 2);
  assert.match(files[0], /附件1/);
  assert.match(files[1], /附件2/);
  await page.close();
});

test('the index filters by year and region without a server', async () => {
  const page = await browser.newPage();
  await page.goto(url('index.html'));
  const visible = () => page.$$eval('main table tbody tr', (rows) => rows.filter((r) => !r.hidden).length);
  assert.equal(await visible(), 10);
  await page.selectOption('#filter-year', '2023');
  assert.equal(await visible(), 2);
  await page.selectOption('#filter-year', '');
  await page.selectOption('#filter-region', '承德市');
  assert.equal(await visible(), 1);
  await page.close();
});

test('charts render as images without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url('departments/2022-sichuan-nanchong-medical-security-center.html'));
  const widths = await page.$$eval('img', (imgs) => imgs.map((i) => i.naturalWidth));
  assert.equal(widths.length, 2);
  assert.ok(widths.every((w) => w > 0), `image widths ${widths}`);
  await context.close();
});

const SHENZHEN = '2026-shenzhen-urban-management-law-enforcement-bureau';
const BEIJING = '2026-beijing-audit-bureau';
// The 北京 file that site_test.sh renames as publishers name files.
const BEIJING2 = '附件2 北京市审计局2026年度部门预算报表（公开）[表] #1 100%.pdf';

// Clicks `link` to a page of an original PDF (Chromium opens it in its viewer) and checks where
// it went: the URL ends with #page=N, and the file it names is in the site, byte for byte the
// file `published` of the content.
async function followToPage(page, link, n, published) {
  await link.click();
  await page.waitForURL(new RegExp(`\\.pdf#page=${n}$`));
  const file = fileURLToPath(page.url().replace(/#.*/, ''));
  assert.ok(existsSync(file), `${file} exists`);
  assert.equal(sha256(file), sha256(join(content, published)));
}

test('a line of a PDF links to its page of the original', async () => {
  const page = await browser.newPage();
  await page.goto(`${url(`source/${SHENZHEN}.html`)}#L372`);
  // Line 372 (收入总计 10,692.90) is on page 19, line 375 (表 2) on page 20.
  assert.equal(await page.getAttribute('#L375 a.pdf-page', 'href'),
    `../originals/${SHENZHEN}/${SHENZHEN}.pdf#page=20`);
  const link = page.locator('#L372 a.pdf-page');
  assert.equal(await link.getAttribute('title'), '原件第 19 页');
  await followToPage(page, link, 19, `${SHENZHEN}.pdf`);
  assert.match(page.url(), new RegExp(`/originals/${SHENZHEN}/${SHENZHEN}\\.pdf#page=19$`));
  await page.close();
});

test('a figure of a PDF links to its page of the original', async () => {
  const page = await browser.newPage();
  await page.goto(url(`departments/${SHENZHEN}.html`));
  const links = page.locator('#key-figures + table tr', { hasText: '收入总计' }).locator('a');
  assert.equal(await links.nth(1).textContent(), '第19页');
  await followToPage(page, links.nth(1), 19, `${SHENZHEN}.pdf`);
  await page.close();
});

test('a file named with Chinese, spaces, brackets, # and % opens from file://', async () => {
  const page = await browser.newPage();
  await page.goto(url(`departments/${BEIJING}.html`));
  const link = page.locator('main li', { hasText: '原始文件' }).nth(1).locator('a');
  assert.equal(await link.textContent(), BEIJING2);
  assert.match(await page.textContent('main li:has-text("原始文件") >> nth=1'),
    new RegExp(`（PDF，167\\.4 KB，SHA-256 ${sha256(join(content, BEIJING, BEIJING2))}）`));
  await link.click();
  await page.waitForURL(/\.pdf$/);
  assert.equal(sha256(fileURLToPath(page.url())), sha256(join(content, BEIJING, BEIJING2)));
  // Its first line in the source view links to its first page.
  await page.goto(url(`source/${BEIJING}.html`));
  const first = page.locator('li.file-mark', { hasText: '附件2' }).locator('xpath=following-sibling::li[starts-with(@id, "L")][1]');
  await followToPage(page, first.locator('a.pdf-page'), 1, join(BEIJING, BEIJING2));
  await page.close();
});

test('the same links work over HTTP', async () => {
  // A plain static server, as any would be: the URL's path percent-decoded under the site. It
  // notes the file each request was answered with.
  const served = [];
  const server = createServer((req, res) => {
    const file = join(site, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
    if (!file.startsWith(site + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    served.push(file);
    const type = file.endsWith('.pdf') ? 'application/pdf' : file.endsWith('.html') ? 'text/html; charset=utf-8' : '';
    res.writeHead(200, type ? { 'content-type': type } : {}).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/departments/${BEIJING}.html`);
    await page.locator('main li', { hasText: '原始文件' }).nth(1).locator('a').click();
    await page.waitForURL(/\.pdf$/);
    const pdfs = served.filter((f) => f.endsWith('.pdf'));
    assert.deepEqual(pdfs, [join(site, 'originals', BEIJING, BEIJING2)]);
    assert.equal(sha256(pdfs[0]), sha256(join(content, BEIJING, BEIJING2)));
  } finally {
    await page.close();
    server.close();
  }
});

const chengde = '2022-hebei-chengde-healthcare-security-bureau';
const viewports = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];

// Whether an element's box lies wholly inside the first screen, without scrolling.
async function inFirstScreen(locator, viewport) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is rendered');
  return box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 &&
    box.x + box.width <= viewport.width;
}

// Screenshot of the page as it first shows, for a person to look at (build folder only).
async function screenshot(page, name, viewport) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: resolve(shots, `${name}-${viewport.width}x${viewport.height}.png`) });
}

const horizontalScroll = (page) =>
  page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);

test('the first screen of a department page says, from its figures, what it spends and what the checks found', async () => {
  const page = await browser.newPage();
  await page.goto(url(`departments/${chengde}.html`));
  // 承德: 部门支出总表 line 238 `1 合计 1927.16 1548.34 378.82`; 1548.34 / 1927.16 = 80.34 %,
  // 378.82 / 1927.16 = 19.66 %; the largest 类 208 1087.53 (line 25) = 56.43 %; line 745 says
  // 收支 1927.16, 2021 年 1536.36, 增加 390.80, 增加 25%.
  const spending = page.locator('main p', { hasText: '预算支出合计' });
  assert.equal(await spending.textContent(),
    '本部门 2022 年预算支出合计 1927.16 万元，其中基本支出 1548.34 万元（80.3%）、项目支出 378.82 万元（19.7%）；' +
    '最大的一类是社会保障和就业支出（208），1087.53 万元（56.4%）。' +
    '原文说，收入总计比上年（1536.36 万元）增加 390.80 万元（增长 25%）。');
  const hrefs = await spending.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/^.*#/, '#')));
  assert.deepEqual(hrefs, ['#L238', '#L238', '#L238', '../codes/208.html', '#L25', '#L745', '#L745']);
  // “三公” table lines 600 (合计 1.74), 610 (公务用车购置及运维费 1.40), 616 (公务接待费 0.34); its
  // 因公出国（境）费 cell is blank, so the sentence leaves it out.
  assert.equal(await page.textContent('main p:has-text("“三公”经费 ")'),
    '“三公”经费 1.74 万元：公务用车购置及运行维护费 1.40 万元、公务接待费 0.34 万元。');
  const result = page.locator('main p', { hasText: '核对发现' });
  assert.match(await result.textContent(), /^核对发现 1 处错误、2 处警告/);
  const first = page.locator('main p:has-text("核对发现") + ul > li').first();
  assert.match(await first.textContent(), /^错误：第 757 行所说机关运行经费的变动额.*实为 9\.77 万元/);
  assert.equal(await first.locator('a', { hasText: '757' }).getAttribute('href'), `../source/${chengde}.html#L757`);
  assert.equal(await first.locator('a', { hasText: 'narrative-change' }).getAttribute('href'), '../rules/narrative-change.html');
  // The table of contents leads to the sections below.
  await page.click('main p:has-text("目录") a:has-text("核对结果")');
  assert.match(page.url(), /#findings$/);
  await page.close();
});

for (const viewport of viewports) {
  test(`at ${viewport.width}×${viewport.height} the spending and the checks' result are in the first screen, the page no wider than the screen`, async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(url('index.html'));
    await screenshot(page, 'index', viewport);
    assert.equal(await horizontalScroll(page), 0, 'index: no horizontal scroll');
    await page.goto(url(`departments/${chengde}.html`));
    await screenshot(page, 'department', viewport);
    const total = page.locator('main p', { hasText: '预算支出合计' }).locator('a').first();
    assert.equal(await total.textContent(), '1927.16');
    assert.ok(await inFirstScreen(total, viewport), 'the total spending is in the first screen');
    const result = page.locator('main p strong', { hasText: '核对发现' });
    assert.ok(await inFirstScreen(result, viewport), "the checks' result is in the first screen");
    assert.equal(await horizontalScroll(page), 0, 'department page: no horizontal scroll');
    // The header search stays usable: the box is in the screen and at least 10 em wide.
    const box = await page.locator('#site-q').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width && box.width >= 160, `search box ${JSON.stringify(box)}`);
    await page.goto(url(`source/${chengde}.html#L757`));
    await screenshot(page, 'source', viewport);
    assert.equal(await horizontalScroll(page), 0, 'source view: no horizontal scroll');
    await page.goto(url('source/2026-shenzhen-urban-management-law-enforcement-bureau.html#L372'));
    await screenshot(page, 'source-pdf', viewport);
    assert.equal(await horizontalScroll(page), 0, 'PDF source view: no horizontal scroll');
    await page.close();
  });
}

test('every department page shows its spending and the checks\' result in the first screen, at both sizes', async () => {
  const index = await browser.newPage();
  await index.goto(url('index.html'));
  const pages = await index.$$eval('main table tbody td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
  await index.close();
  assert.equal(pages.length, 10);
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport });
    for (const href of pages) {
      await page.goto(url(href));
      const where = `${href} at ${viewport.width}×${viewport.height}`;
      const total = page.locator('main p', { hasText: '预算支出合计' }).locator('a').first();
      assert.ok(await inFirstScreen(total, viewport), `${where}: the total spending is in the first screen`);
      const result = page.locator('main p strong', { hasText: /^核对/ });
      assert.ok(await inFirstScreen(result, viewport), `${where}: the checks' result is in the first screen`);
      assert.equal(await horizontalScroll(page), 0, `${where}: no horizontal scroll`);
    }
    await page.close();
  }
});

test('the source view marks the figures read from a line and shows the findings beside the line they cite', async () => {
  const page = await browser.newPage();
  await page.goto(url(`source/${chengde}.html`));
  // Line 85 `34 收入总计 1927.16 支出总计 1927.16`: both figures read and marked.
  assert.deepEqual(await page.$$eval('#L85 > mark', (ms) => ms.map((m) => m.textContent)), ['1927.16', '1927.16']);
  assert.equal(await page.textContent('#L85 .read-list'), '读出（万元）：收入总计 1927.16、支出总计 1927.16');
  // Line 757: the stated change 9.77 and the previous year's 60.48 (73.25 − 60.48 = 12.77).
  assert.deepEqual(await page.$$eval('#L757 > mark', (ms) => ms.map((m) => m.textContent)), ['60.48', '9.77']);
  const finding = page.locator('#L757 .finding.error');
  assert.match(await finding.textContent(), /^错误 第 757 行所说机关运行经费的变动额.*应为 12\.77 万元，实为 9\.77 万元/);
  assert.equal(await finding.locator('a').getAttribute('href'), '../rules/narrative-change.html');
  // A line without figures has no marks and no notes.
  assert.equal(await page.$$eval('#L1 mark, #L1 div', (e) => e.length), 0);
  // PDF, page by page: 表1 收支总表 line 372 on page 19.
  await page.goto(url('source/2026-shenzhen-urban-management-law-enforcement-bureau.html'));
  assert.deepEqual(await page.$$eval('#L372 > mark', (ms) => ms.map((m) => m.textContent)), ['10,692.90', '10,692.90']);
  assert.equal(await page.textContent('#L372 .read-list'), '读出（万元）：收入总计 10692.90、支出总计 10692.90');
  await page.close();
});

test('the index says what the collection holds in one line and sorts by any column', async () => {
  const page = await browser.newPage();
  await page.goto(url('index.html'));
  // 10 disclosures of 8 departments (江苏省政协办公厅 in 2017, 2018 and 2019) in 2017, 2018,
  // 2019, 2022, 2023 and 2026; their 支出合计 9146.79 + 10150.48 + 13377.11 + 552.80 + 1927.16 +
  // 460.74 + 8132.86 + 4695.70 + 32852.053832 + 10692.90 = 91988.593832.
  assert.equal(await page.textContent('main h1 + p'),
    '共 10 份公开文本：8 个部门，6 个年度（2017—2026），8 个地区；10 份的支出合计共 91988.59 万元；3 份的核对发现错误。');
  const column = (i) => page.$$eval('main table tbody tr', (rows, i) => rows.map((r) => r.cells[i].textContent.trim()), i);
  await page.click('main table th button:has-text("支出总计")');
  assert.equal((await column(4))[0], '460.74');
  assert.equal(await page.getAttribute('main table th:nth-child(5)', 'aria-sort'), 'ascending');
  await page.click('main table th button:has-text("支出总计")');
  assert.equal((await column(4))[0], '32852.053832');
  await page.click('main table th button:has-text("年度")');
  assert.deepEqual(await column(2), ['2017', '2018', '2019', '2022', '2022', '2022', '2023', '2023', '2026', '2026']);
  // Sorting keeps the filters working on the rows it moved.
  await page.selectOption('#filter-year', '2026');
  assert.equal(await page.$$eval('main table tbody tr', (rows) => rows.filter((r) => !r.hidden).length), 2);
  await page.close();
});

test('the index is a plain table without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url('index.html'));
  assert.equal(await page.$$eval('main table tbody tr', (rows) => rows.length), 10);
  assert.equal(await page.$$eval('button.sort', (b) => b.length), 0);
  await context.close();
});

// One department across the years: 江苏省政协办公厅 2017, 2018 and 2019 (content/*-jiangsu-cppcc-
// general-office, its key dept-de0f70fd5060 = "dept-" + sha256("江苏省政协办公厅")[0:12]).
const ZX_KEY = 'dept-de0f70fd5060';
const zx = (year) => `${year}-jiangsu-cppcc-general-office`;

test('a timeline opens from file://, a figure leads to its source line, a year page to the previous year', async () => {
  const page = await browser.newPage();
  await page.goto(url('index.html'));
  // The index groups the department's years, latest first.
  const group = page.locator('main li', { hasText: '江苏省政协办公厅' });
  assert.match(await group.textContent(), /江苏省政协办公厅：2019 2018 2017/);
  await group.locator(`a[href="departments/${ZX_KEY}/index.html"]`).click();
  await page.waitForLoadState();
  assert.ok(page.url().startsWith('file://'));
  assert.match(page.url(), new RegExp(`departments/${ZX_KEY}/index\\.html$`));
  assert.equal(await page.textContent('h1'), '江苏省政协办公厅 历年部门预算');
  // 支出总计 year by year, with the change: 9146.79, 10150.48 (+1003.69, +11.0%), 13377.11
  // (+3226.63, +31.8%), each checked by hand against the 预算公开表 PDFs.
  const row = page.locator('#timeline + table tr', { hasText: '支出总计' });
  const cells = await row.locator('td').allTextContents();
  assert.deepEqual(cells.map((c) => c.replace(/\s*第\d+页/, '')),
    ['支出总计', '9146.79', '10150.48', '+1003.69（+11.0%）', '13377.11', '+3226.63（+31.8%）']);
  // The charts are images that show without JavaScript; at phone width the page does not scroll
  // sideways (the table scrolls in its box).
  const widths = await page.$$eval('main img', (imgs) => imgs.map((i) => i.naturalWidth));
  assert.equal(widths.length, 2);
  assert.ok(widths.every((w) => w > 0), `chart widths ${widths}`);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await horizontalScroll(page), 0, 'timeline: no horizontal scroll at 390 px');
  // The 2018 figure leads to line 393 of its source, the 收支预算总表's 合计 row.
  await row.locator('a', { hasText: '10150.48' }).click();
  await page.waitForLoadState();
  assert.match(page.url(), new RegExp(`source/${zx(2018)}\\.html#L393$`));
  assert.match(await page.textContent('li:target'), /收入合计\s+10,150\.48\s+支出合计\s+10,150\.48/);
  // From the 2019 page to the previous year's, and on to the year after it.
  await page.goto(url(`departments/${zx(2019)}.html`));
  await page.click('a:has-text("上一年（2018 年）")');
  await page.waitForLoadState();
  assert.match(page.url(), new RegExp(`departments/${zx(2018)}\\.html$`));
  assert.match(await page.textContent('h1'), /江苏省政协办公厅 2018 年部门预算/);
  assert.equal(await page.getAttribute('a:has-text("下一年（2019 年）")', 'href'), `${zx(2019)}.html`);
  assert.equal(await page.getAttribute('a:has-text("上一年（2017 年）")', 'href'), `${zx(2017)}.html`);
  await page.close();
});

test('search finds a department of several years once, with its years', async () => {
  const page = await browser.newPage();
  const { items } = await search(page, '政协办公厅');
  const departments = items.filter((i) => i.kind === '部门');
  assert.equal(departments.length, 1, departments.map((d) => d.href).join(', '));
  assert.equal(departments[0].title, '江苏省政协办公厅');
  assert.equal(departments[0].href.replace(/^(\.\.\/)+/, ''), `departments/${ZX_KEY}/index.html`);
  // Its years are in its text: found by them, shown in the snippet.
  const years = (await search(page, '历年')).items.filter((i) => i.title === '江苏省政协办公厅');
  assert.equal(years.length, 1);
  assert.match(years[0].snippet.replace(/<[^>]+>/g, ''), /历年：2019 年、2018 年、2017 年/);
  await page.close();
});

test('the compare page sets the years of one department side by side', async () => {
  const page = await browser.newPage();
  await page.goto(url('compare.html'));
  const table = page.locator('h3:has-text("江苏省政协办公厅") + p + table');
  assert.deepEqual(await table.locator('th').allTextContents(), ['指标', '2017 年', '2018 年', '2019 年']);
  // 基本支出 ÷ 支出总计: 5916.27 / 9146.79 = 64.68 %, 5678.17 / 10150.48 = 55.94 %,
  // 6522.75 / 13377.11 = 48.76 %.
  assert.deepEqual(await table.locator('tr', { hasText: '基本支出占比' }).locator('td').allTextContents(),
    ['基本支出占比 %', '64.68', '55.94', '48.76']);
  await page.close();
});
