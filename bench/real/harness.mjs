// Measures `gongkai parse` on the real corpus (shared/corpus): identities, findings, goldens, time.
//
//   node bench/real/harness.mjs --gongkai PATH/TO/gongkai --corpus PATH/TO/shared/corpus
//        [--repo /work/main] [--out DIR] [--jobs N] [--only SUBSTRING]... [--strict] [--timeout S]
//
// Formats of the files it reads (tests/real/explained.tsv, ledger.tsv, golden/*.json) and of the
// report: tests/real/README.md. Node 20, standard library only.
//
// Exit status: 0 when no golden mismatch, no UNLEDGERED error finding and no failed parse
// (crash, timeout, or no JSON); 1 otherwise (with --strict also on UNEXPLAINED identity
// failures); 2 usage error.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kDefaultTimeoutS = 60;
// Amounts are compared as integers of 10^-6 万元 (0.01 元, the parser's own exact unit).
const kUnitsPerWan = 1_000_000n;
// Rounding tolerance per figure compared (the policy of checks/rounding.h): half a unit of the
// printed precision. The JSON does not carry each figure's precision, so it is taken from the
// unit the document's tables state: 万元 tables print 2 decimals (half unit 0.005 万元 = 5000),
// 元 tables print whole 元 or 2 decimals (half unit at most 0.5 元 = 0.00005 万元 = 50).
let kHalfUnit = 50n;
function SetTolerance(j) {
  const tables = Array.isArray(j.tables) ? j.tables : [];
  const unit = (tables.find((t) => t.kind === 'summary') ?? tables.find((t) => t.unit))?.unit;
  kHalfUnit = unit === '万元' ? 5000n : 50n;
}
// The identities measured on every document, in report order, with their short labels.
const kIdentities = [
  ['balance', 'bal'],
  ['split', 'spl'],
  ['classes', 'cls'],
  ['three_public', '3p'],
  ['name', 'nam'],
  ['year', 'yr'],
];
const kIdentityIds = kIdentities.map(([id]) => id);
// Marks used in the per-document lines.
const kMarks = {
  holds: '=',           // holds exactly
  rounding: '~',        // holds within the rounding tolerance
  'n/a': '.',           // explained n/a (or name/year of a document without tables)
  explained: 'x',       // fails, explained in explained.tsv: the document cannot satisfy it
  gap: 'g',             // fails, explained in explained.tsv as a known gap of gongkai's reading
  UNEXPLAINED: '!',     // fails, not explained
};

// ---------------------------------------------------------------------------------------------
// Options

function Usage(message) {
  if (message) console.error(`harness: ${message}`);
  console.error(
    'usage: node bench/real/harness.mjs --gongkai PATH --corpus DIR [--repo DIR] [--out DIR]\n' +
      '                                    [--jobs N] [--only SUBSTRING]... [--strict] [--timeout S]');
  process.exit(2);
}

function ParseOptions(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const o = { gongkai: null, corpus: null, repo: path.resolve(here, '..', '..'), out: null,
              jobs: os.availableParallelism(), only: [], strict: false, timeoutMs: kDefaultTimeoutS * 1000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) Usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--gongkai') o.gongkai = path.resolve(value());
    else if (a === '--corpus') o.corpus = path.resolve(value());
    else if (a === '--repo') o.repo = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--jobs') {
      o.jobs = Number(value());
      if (!Number.isInteger(o.jobs) || o.jobs < 1) Usage('--jobs takes a positive integer');
    } else if (a === '--timeout') {
      o.timeoutMs = Number(value()) * 1000;
      if (!(o.timeoutMs > 0)) Usage('--timeout takes a positive number of seconds');
    } else if (a === '--only') o.only.push(value());
    else if (a === '--strict') o.strict = true;
    else if (a === '--help' || a === '-h') Usage();
    else Usage(`unknown argument ${a}`);
  }
  if (!o.gongkai) Usage('--gongkai is required');
  if (!o.corpus) Usage('--corpus is required');
  if (!existsSync(o.gongkai)) Usage(`no gongkai binary at ${o.gongkai}`);
  if (!existsSync(o.corpus)) Usage(`no corpus at ${o.corpus}`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small TSV reader for INDEX.tsv, explained.tsv and ledger.tsv: blank lines and lines starting
// with '#' are skipped, the first other line is the header; the last column may contain tabs.

function ReadTsv(file) {
  const rows = [];
  let header = null;
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const cells = text.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      return;
    }
    const row = { lineNo: i + 1 };
    header.forEach((name, k) => {
      row[name] = (k === header.length - 1 ? cells.slice(k).join('\t') : cells[k] ?? '').trim();
    });
    rows.push(row);
  });
  return { header: header ?? [], rows };
}

// ---------------------------------------------------------------------------------------------
// 1. The documents of the corpus

// Files that sit beside documents but are not documents.
function IsDocumentFile(name) {
  return !name.startsWith('.') && !/^(INDEX|MANIFEST|README|LAYOUTS)\b/i.test(name) &&
         !/\.(md|tsv)$/i.test(name);
}

// Every document of the corpus: each top-level folder's INDEX.tsv (cities/), or the INDEX.tsv
// of each of its subfolders (jiangsu/<部门>/), or when a folder has neither, its document files
// and those of its subfolders, with a message. Key = path relative to the corpus, '/'-separated.
function ListDocuments(corpus, messages) {
  const docs = [];
  const AddIndex = (indexFile) => {
    const dir = path.dirname(indexFile);
    const { header, rows } = ReadTsv(indexFile);
    if (!header.includes('file')) {
      messages.push(`${path.relative(corpus, indexFile)}: no 'file' column; skipped`);
      return;
    }
    for (const row of rows) {
      if (!row.file || !IsDocumentFile(path.basename(row.file))) continue;
      const file = path.join(dir, row.file);
      const key = path.relative(corpus, file).split(path.sep).join('/');
      if (!existsSync(file)) {
        messages.push(`${path.relative(corpus, indexFile)}:${row.lineNo}: ${row.file} is missing; skipped`);
        continue;
      }
      docs.push({ key, file, indexYear: row.year ? Number(row.year) : null, indexKind: row.kind ?? null,
                  indexDepartment: row.department ?? null });
    }
  };
  const AddFiles = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (!statSync(file).isFile() || !IsDocumentFile(name)) continue;
      const key = path.relative(corpus, file).split(path.sep).join('/');
      const year = name.match(/20\d\d/);
      docs.push({ key, file, indexYear: year ? Number(year[0]) : null, indexKind: null, indexDepartment: null });
    }
  };
  const SubDirs = (dir) => readdirSync(dir).sort().map((n) => path.join(dir, n))
                             .filter((p) => !path.basename(p).startsWith('.') && statSync(p).isDirectory());

  for (const top of SubDirs(corpus)) {
    const rel = path.relative(corpus, top);
    if (existsSync(path.join(top, 'INDEX.tsv'))) {
      AddIndex(path.join(top, 'INDEX.tsv'));
      continue;
    }
    const subs = SubDirs(top);
    const indexed = subs.filter((s) => existsSync(path.join(s, 'INDEX.tsv')));
    for (const s of indexed) AddIndex(path.join(s, 'INDEX.tsv'));
    const unindexed = [top, ...subs.filter((s) => !indexed.includes(s))];
    const before = docs.length;
    for (const d of unindexed) AddFiles(d);
    if (docs.length > before)
      messages.push(`${rel}: ${docs.length - before} files have no INDEX.tsv; listed from the folder (year from the file name)`);
  }
  docs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return docs;
}

// ---------------------------------------------------------------------------------------------
// 2. Running the parser

// Runs `gongkai parse FILE`, in its own process group so that a timeout kills it and whatever it
// started. Resolves to { ms, exitCode, signal, timedOut, stdout, stderr, spawnError }.
function RunParse(gongkai, file, timeoutMs) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const out = [];
    const err = [];
    let timedOut = false;
    let spawnError = null;
    const child = spawn(gongkai, ['parse', file], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => { spawnError = e.message; });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, exitCode, signal, timedOut, spawnError,
                stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

// Runs Work(item) on every item, `jobs` at a time, reporting progress on a terminal.
async function Pool(items, jobs, Work) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  const Worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await Work(items[i]);
      done++;
      if (process.stderr.isTTY) process.stderr.write(`\rparsed ${done}/${items.length}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, Worker));
  if (process.stderr.isTTY && items.length) process.stderr.write('\n');
  return results;
}

// What became of one parse: 'ok' with the JSON (exit 0 or 1), or failed with a reason.
function Outcome(run) {
  if (run.spawnError) return { ok: false, reason: `could not run: ${run.spawnError}` };
  if (run.timedOut) return { ok: false, reason: `timeout after ${Math.round(run.ms / 1000)} s` };
  if (run.signal) return { ok: false, reason: `crash (signal ${run.signal})` };
  if (run.exitCode !== 0 && run.exitCode !== 1) return { ok: false, reason: `exit status ${run.exitCode}` };
  if (run.stdout.trim() === '') {
    const first = run.stderr.split('\n').find((l) => /\berror\b/.test(l)) ??
                  run.stderr.split('\n').find((l) => l.trim() !== '') ?? '';
    return { ok: false, reason: `no JSON (exit ${run.exitCode})${first ? ': ' + first.trim() : ''}` };
  }
  try {
    const json = JSON.parse(run.stdout);
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      return { ok: false, reason: 'output is JSON but not an object' };
    return { ok: true, json };
  } catch (e) {
    return { ok: false, reason: `output is not JSON (${e.message.replace(/\s+/g, ' ')})` };
  }
}

// ---------------------------------------------------------------------------------------------
// Amounts

// A JSON amount (万元, a number or null) as a BigInt of 10^-6 万元, or null.
function Units(x) {
  return typeof x === 'number' && Number.isFinite(x) ? BigInt(Math.round(x * 1e6)) : null;
}

// A golden amount as printed ("1,234.56", "-3", in 万元 or 元) as exact 10^-6 万元, with string
// arithmetic only: { units } or { error }.
function GoldenUnits(text, unit) {
  if (typeof text !== 'string') return { error: `amount ${JSON.stringify(text)} is not a string` };
  const m = text.replace(/[,\s]/g, '').match(/^([+-]?)(\d*)(?:\.(\d*))?$/);
  if (!m || (m[2] === '' && !m[3])) return { error: `amount "${text}" is not a decimal number` };
  const shift = unit === '万元' ? 6 : unit === '元' ? 2 : null; // 1 元 = 100 units of 10^-6 万元
  if (shift === null) return { error: `unit "${unit}" is neither 万元 nor 元` };
  const frac = (m[3] ?? '').padEnd(shift, '0');
  if (/[1-9]/.test(frac.slice(shift))) return { error: `amount "${text}" ${unit} is finer than 0.01 元` };
  const units = BigInt((m[2] || '0') + frac.slice(0, shift));
  return { units: m[1] === '-' ? -units : units };
}

// 10^-6 万元 as a 万元 decimal string without trailing zeros beyond two decimals.
function Wan(u) {
  if (u === null || u === undefined) return 'null';
  const neg = u < 0n;
  const a = neg ? -u : u;
  let frac = (a % kUnitsPerWan).toString().padStart(6, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${neg ? '-' : ''}${a / kUnitsPerWan}.${frac}`;
}

const Abs = (u) => (u < 0n ? -u : u);

// Compares a computed sum with the stated figure, `figures` figures in all: holds / rounding /
// fails with the arithmetic spelled out.
function Compare(lhsText, lhs, rhsText, rhs, figures) {
  const diff = lhs - rhs;
  const tol = kHalfUnit * BigInt(figures);
  const text = `${lhsText} = ${Wan(lhs)} vs ${rhsText} = ${Wan(rhs)}`;
  if (diff === 0n) return { status: 'holds', detail: text };
  if (Abs(diff) <= tol) return { status: 'rounding', detail: `${text} (diff ${Wan(diff)}, within ${Wan(tol)})` };
  return { status: 'fails', detail: `${text} (diff ${Wan(diff)}, tolerance ${Wan(tol)})` };
}

const Fails = (detail) => ({ status: 'fails', detail });

// ---------------------------------------------------------------------------------------------
// 3. Identities of one parsed document

// The class rows the identities and goldens use: the level-1 rows of `functional` (3-digit
// codes), or when there are none, summary.expenditure_classes. { rows, source }.
function ClassRows(j) {
  const functional = (Array.isArray(j.functional) ? j.functional : []).filter((r) => /^\d{3}$/.test(r?.code ?? ''));
  if (functional.length) return { rows: functional, source: 'functional' };
  const summary = Array.isArray(j.summary?.expenditure_classes) ? j.summary.expenditure_classes : [];
  return { rows: summary, source: 'summary.expenditure_classes' };
}

function CheckBalance(j) {
  SetTolerance(j);
  const inc = Units(j.summary?.income_total);
  const exp = Units(j.summary?.expenditure_total);
  if (inc === null || exp === null)
    return Fails(`income_total ${Wan(inc)}, expenditure_total ${Wan(exp)}`);
  return Compare('income_total', inc, 'expenditure_total', exp, 2);
}

function CheckSplit(j) {
  const e = j.expenditure ?? {};
  let [total, basic, project, reserve] = [e.total, e.basic, e.project, e.reserve].map(Units);
  // A table that prints 基本支出 only as its parts (人员 | 公用, 杭州): the same identity.
  const [personnel, pub] = [e.personnel, e.public].map(Units);
  if (basic === null && personnel !== null && pub !== null) basic = personnel + pub;
  // A blank cell is a zero in a PDF table (无锡 03表 `合计 1,136.23 1,136.23` with 项目支出
  // blank): a part left blank counts 0, but the total and one part must have been read.
  if (total === null || (basic === null && project === null))
    return Fails(`expenditure total ${Wan(total)}, basic ${Wan(basic)}, project ${Wan(project)}`);
  basic = basic ?? 0n;
  project = project ?? 0n;
  // The other parts of 支出 by use where the document prints them (西安 收支总表: 上缴上级支出,
  // 事业单位经营支出, 对附属单位补助支出), and 单位预留机动经费 (江苏).
  const others = [['reserve', reserve], ...['to_superior', 'operating', 'to_subsidiaries'].map((k) => [k, Units(e[k])])]
    .filter(([, u]) => u !== null);
  const lhs = ['basic', 'project', ...others.map(([k]) => k)].join(' + ');
  const sum = others.reduce((s, [, u]) => s + u, basic + project);
  return Compare(lhs, sum, 'total', total, 3 + others.length);
}

function CheckClasses(j) {
  const { rows, source } = ClassRows(j);
  if (!rows.length) return Fails('no class rows (functional level 1 or summary.expenditure_classes)');
  let total = Units(j.expenditure?.total);
  let totalText = 'expenditure.total';
  if (total === null) {
    total = Units(j.summary?.current_expenditure);
    totalText = 'summary.current_expenditure';
  }
  if (total === null) return Fails('expenditure.total and summary.current_expenditure are null');
  const sum = rows.reduce((s, r) => s + (Units(r.total) ?? 0n), 0n);
  return Compare(`Σ ${rows.length} classes of ${source}`, sum, totalText, total, rows.length + 1);
}

function CheckThreePublic(j) {
  const t = j.three_public ?? {};
  // A blank cell is a zero in a PDF table: a part the table leaves blank counts 0, but the
  // total and at least one part must have been read.
  const [total, overseasRead, receptionRead] = [t.total, t.overseas, t.reception].map(Units);
  const anyPart = [t.overseas, t.reception, t.vehicle_total, t.vehicle_purchase, t.vehicle_operation]
    .some((v) => v !== null && v !== undefined);
  if (total === null || !anyPart)
    return Fails(`三公 total ${Wan(total)}, no part read`);
  const overseas = overseasRead ?? 0n, reception = receptionRead ?? 0n;
  const vehicleTotal = Units(t.vehicle_total);
  if (vehicleTotal !== null)
    return Compare('overseas + reception + vehicle_total', overseas + reception + vehicleTotal, 'total', total, 4);
  const [purchase, operation] = [t.vehicle_purchase, t.vehicle_operation].map(Units);
  const parts = [purchase, operation].filter((u) => u !== null);
  return Compare('overseas + reception + vehicle_purchase + vehicle_operation',
                 overseas + reception + parts.reduce((s, u) => s + u, 0n), 'total', total, 3 + parts.length);
}

function CheckName(j) {
  const name = typeof j.department?.name === 'string' ? j.department.name.trim() : '';
  return name ? { status: 'holds', detail: name } : Fails('department.name is empty');
}

function CheckYear(j) {
  return Number.isInteger(j.year) && j.year !== 0 ? { status: 'holds', detail: String(j.year) }
                                                  : Fails(`year is ${JSON.stringify(j.year ?? null)}`);
}

const kChecks = { balance: CheckBalance, split: CheckSplit, classes: CheckClasses,
                  three_public: CheckThreePublic, name: CheckName, year: CheckYear };

// ---------------------------------------------------------------------------------------------
// 4. and 5. Explanations and ledger

// explained.tsv: file, identity, status (n/a | fails), reason. identity '*' stands for every
// identity. Returns Map key -> Map identity -> { status, reason, lineNo }.
function LoadExplanations(file, problems) {
  const byFile = new Map();
  if (!existsSync(file)) {
    problems.push(`${file}: missing (every identity failure counts as UNEXPLAINED)`);
    return byFile;
  }
  const { header, rows } = ReadTsv(file);
  for (const col of ['file', 'identity', 'status', 'reason'])
    if (!header.includes(col)) problems.push(`${file}: header lacks column '${col}'`);
  for (const r of rows) {
    const where = `explained.tsv:${r.lineNo}`;
    if (r.identity !== '*' && !kIdentityIds.includes(r.identity)) {
      problems.push(`${where}: unknown identity '${r.identity}' (one of ${kIdentityIds.join(', ')}, or *)`);
      continue;
    }
    if (r.status !== 'n/a' && r.status !== 'fails' && r.status !== 'gap') {
      problems.push(`${where}: status '${r.status}' is none of n/a, fails, gap`);
      continue;
    }
    if (!r.reason) problems.push(`${where}: no reason given`);
    if (!byFile.has(r.file)) byFile.set(r.file, new Map());
    for (const id of r.identity === '*' ? kIdentityIds : [r.identity]) {
      if (byFile.get(r.file).has(id)) problems.push(`${where}: ${r.file} ${id} explained twice; the later line wins`);
      byFile.get(r.file).set(id, { status: r.status, reason: r.reason, lineNo: r.lineNo });
    }
  }
  return byFile;
}

// ledger.tsv: file, rule, line, arithmetic. Returns Map "file\trule\tline" -> row.
function LoadLedger(file, problems) {
  const entries = new Map();
  if (!existsSync(file)) {
    problems.push(`${file}: missing (every error finding counts as UNLEDGERED)`);
    return entries;
  }
  const { header, rows } = ReadTsv(file);
  for (const col of ['file', 'rule', 'line', 'arithmetic'])
    if (!header.includes(col)) problems.push(`${file}: header lacks column '${col}'`);
  for (const r of rows) {
    if (!/^\d+$/.test(r.line)) problems.push(`ledger.tsv:${r.lineNo}: line '${r.line}' is not a number`);
    if (!r.arithmetic) problems.push(`ledger.tsv:${r.lineNo}: no arithmetic given`);
    entries.set(`${r.file}\t${r.rule}\t${Number(r.line)}`, r);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// 6. Goldens

// Page (1-based) of a source line from source.page_starts (element i = first line of page i+1).
function PageOf(line, pageStarts) {
  if (!Number.isInteger(line)) return null;
  let page = null;
  for (let i = 0; i < pageStarts.length && pageStarts[i] <= line; i++) page = i + 1;
  return page;
}

// Compares one golden file with the parse JSON of its document (json null when the parse
// failed). Returns { figures, pagesChecked, mismatches: [text] }.
function CompareGolden(golden, json) {
  const mismatches = [];
  let figures = 0;
  let pagesChecked = 0;
  const pageStarts = Array.isArray(json?.source?.page_starts) ? json.source.page_starts : null;
  const unit = golden.unit;

  // One golden figure against one output amount and its line.
  const One = (label, want, gotAmount, gotLine) => {
    if (want === undefined) return; // not transcribed
    figures++;
    const got = Units(gotAmount);
    if (want === null) {
      if (got !== null && got !== 0n) mismatches.push(`${label}: golden null (not printed), output ${Wan(got)}`);
      return;
    }
    const g = GoldenUnits(want?.amount, unit);
    if (g.error) mismatches.push(`${label}: bad golden: ${g.error}`);
    else if (got === null) mismatches.push(`${label}: golden ${Wan(g.units)}, output null`);
    else if (got !== g.units) mismatches.push(`${label}: golden ${Wan(g.units)}, output ${Wan(got)} (diff ${Wan(got - g.units)})`);
    else if (pageStarts && Number.isInteger(want.page)) {
      pagesChecked++;
      const page = PageOf(gotLine, pageStarts);
      if (page === null) mismatches.push(`${label}: golden page ${want.page}, output line ${JSON.stringify(gotLine ?? null)} has no page`);
      else if (page !== want.page) mismatches.push(`${label}: golden page ${want.page}, output page ${page} (line ${gotLine})`);
    }
  };

  if (!json) {
    mismatches.push('the document has no parse output');
    return { figures, pagesChecked, mismatches };
  }
  const groups = {
    summary: ['income_total', 'expenditure_total', 'current_income', 'current_expenditure'],
    expenditure: ['total', 'basic', 'project', 'reserve'],
    three_public: ['total', 'overseas', 'reception', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation'],
    // The “三公” table's previous-year block and change block (previous_year in the JSON).
    previous_three_public: ['total', 'overseas', 'reception', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation'],
    three_public_change: ['total', 'overseas', 'reception', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation'],
  };
  const outputOf = {
    previous_three_public: (j) => j.previous_year?.three_public,
    three_public_change: (j) => j.previous_year?.three_public_change,
  };
  for (const [group, fields] of Object.entries(groups)) {
    const want = golden[group];
    if (!want || typeof want !== 'object') continue;
    const got = (outputOf[group] ? outputOf[group](json) : json[group]) ?? {};
    for (const f of fields) One(`${group}.${f}`, want[f], got[f], got.lines?.[f]);
  }

  if (Array.isArray(golden.classes)) {
    const { rows, source } = ClassRows(json);
    const wanted = new Set();
    for (const c of golden.classes) {
      wanted.add(c.code);
      const matches = rows.filter((r) => r.code === c.code);
      if (matches.length > 1) {
        figures++;
        mismatches.push(`class ${c.code}: ${matches.length} rows with this code in ${source}`);
        continue;
      }
      // A class is printed twice (支出总表 and 收支总表): the golden may cite either table;
      // where the rows' page differs, the summary's statement of the same class may match.
      let match = matches[0];
      const summaryRow = (json.summary?.expenditure_classes ?? []).find((r) => r.code === c.code);
      if (match && summaryRow && pageStarts && Number.isInteger(c.page) &&
          PageOf(match.line, pageStarts) !== c.page && PageOf(summaryRow.line, pageStarts) === c.page &&
          Units(summaryRow.total) === Units(match.total))
        match = summaryRow;
      One(`class ${c.code} ${c.name ?? ''}`.trim(), c.amount === null ? null : { amount: c.amount, page: c.page },
          match?.total ?? null, match?.line);
    }
    // A class the output has and the golden does not: a mismatch unless it is zero.
    for (const r of rows)
      if (!wanted.has(r.code) && Units(r.total) !== null && Units(r.total) !== 0n)
        mismatches.push(`class ${r.code} ${r.name ?? ''}: not in the golden, output ${Wan(Units(r.total))} (${source})`);
  }
  return { figures, pagesChecked, mismatches };
}

// ---------------------------------------------------------------------------------------------
// Report helpers

// Terminal width of a string: CJK and full-width characters take two columns.
function Width(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
         (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}
const PadEnd = (s, n) => s + ' '.repeat(Math.max(0, n - Width(s)));
const Pct = (x, y) => (y ? `${((100 * x) / y).toFixed(1)}%` : '-');

// Nearest-rank percentile of a sorted array.
function Percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------------------------------------
// Main

async function Main() {
  const opt = ParseOptions(process.argv.slice(2));
  const realDir = path.join(opt.repo, 'tests', 'real');
  const messages = []; // corpus and input-file problems, printed at the top of the report

  // 1. Documents.
  let docs = ListDocuments(opt.corpus, messages);
  const allKeys = new Set(docs.map((d) => d.key));
  if (opt.only.length) docs = docs.filter((d) => opt.only.some((s) => d.key.includes(s)));
  if (!docs.length) {
    console.error('harness: no documents to run');
    process.exit(2);
  }
  const runKeys = new Set(docs.map((d) => d.key));

  const explanations = LoadExplanations(path.join(realDir, 'explained.tsv'), messages);
  const ledger = LoadLedger(path.join(realDir, 'ledger.tsv'), messages);

  // 2. Parse every document.
  const runs = await Pool(docs, opt.jobs, (d) => RunParse(opt.gongkai, d.file, opt.timeoutMs));
  const outcomes = runs.map(Outcome);

  // 3.-5. Per-document results.
  const results = docs.map((d, i) => {
    const run = runs[i];
    const outcome = outcomes[i];
    const j = outcome.ok ? outcome.json : null;
    const r = {
      key: d.key, ms: Math.round(run.ms), exit_status: run.exitCode, signal: run.signal ?? null,
      failed: outcome.ok ? null : outcome.reason,
      index: { year: d.indexYear, kind: d.indexKind, department: d.indexDepartment },
      department: j ? (j.department?.name ?? null) : null, year: j ? (j.year ?? null) : null,
      kind: j ? (j.kind ?? null) : null,
      tables: j && Array.isArray(j.tables) ? j.tables.map((t) => t?.kind ?? null) : [],
      findings: { error: 0, warning: 0, notice: 0 }, errors: [],
      diagnostics: j && Array.isArray(j.diagnostics) ? j.diagnostics.length : 0,
      stderr_lines: run.stderr.split('\n').filter((l) => l.trim() !== '').length,
      identities: {},
    };
    if (j) {
      for (const f of Array.isArray(j.findings) ? j.findings : []) {
        if (f?.severity in r.findings) r.findings[f.severity]++;
        if (f?.severity !== 'error') continue;
        const line = Array.isArray(f.lines) && f.lines.length ? f.lines[0] : null;
        r.errors.push({ rule: f.rule, line, message: f.message,
                        ledgered: ledger.has(`${d.key}\t${f.rule}\t${line}`) });
      }
    }
    if (j && d.indexYear && Number.isInteger(j.year) && j.year !== d.indexYear)
      r.year_differs_from_index = true;
    const explained = explanations.get(d.key) ?? new Map();
    for (const id of kIdentityIds) {
      const check = j ? kChecks[id](j) : Fails(`no parse output (${outcome.reason})`);
      const e = explained.get(id);
      let cls;
      if (check.status !== 'fails') cls = check.status; // holds or rounding
      else if ((id === 'name' || id === 'year') && !r.tables.length) cls = 'n/a'; // measured on documents with tables
      else if (e) cls = e.status === 'n/a' ? 'n/a' : e.status === 'gap' ? 'gap' : 'explained';
      else cls = 'UNEXPLAINED';
      r.identities[id] = { result: check.status, class: cls, detail: check.detail };
      if (e) {
        r.identities[id].explanation = `${e.status}: ${e.reason}`;
        if (check.status !== 'fails') r.identities[id].stale_explanation = true;
      }
    }
    return r;
  });
  const byKey = new Map(results.map((r) => [r.key, r]));
  const jsonByKey = new Map(docs.map((d, i) => [d.key, outcomes[i].ok ? outcomes[i].json : null]));

  // 6. Goldens.
  const goldenDir = path.join(realDir, 'golden');
  const goldens = [];
  if (existsSync(goldenDir)) {
    for (const name of readdirSync(goldenDir).filter((n) => n.endsWith('.json')).sort()) {
      const where = `golden/${name}`;
      let g;
      try {
        g = JSON.parse(readFileSync(path.join(goldenDir, name), 'utf8'));
      } catch (e) {
        goldens.push({ golden: where, file: null, figures: 0, pages_checked: 0, mismatches: [`not JSON: ${e.message}`] });
        continue;
      }
      if (typeof g.file !== 'string' || !allKeys.has(g.file)) {
        goldens.push({ golden: where, file: g.file ?? null, figures: 0, pages_checked: 0,
                       mismatches: [`file ${JSON.stringify(g.file ?? null)} is not a document of the corpus`] });
        continue;
      }
      if (!runKeys.has(g.file)) continue; // left out by --only
      const c = CompareGolden(g, jsonByKey.get(g.file));
      goldens.push({ golden: where, file: g.file, figures: c.figures, pages_checked: c.pagesChecked,
                     mismatches: c.mismatches });
      byKey.get(g.file).golden = { golden: where, figures: c.figures, mismatches: c.mismatches };
    }
  }

  // 7. Report.
  const out = [];
  const P = (s = '') => out.push(s);
  P(`gongkai real-corpus harness: ${opt.gongkai} on ${opt.corpus}${opt.only.length ? ` (--only ${opt.only.join(', ')})` : ''}`);
  P(`${docs.length} documents, ${opt.jobs} jobs`);
  for (const m of messages) P(`note: ${m}`);
  P('marks: = holds, ~ holds within rounding, . n/a, x cannot hold (explained), g reading gap (explained), ! fails UNEXPLAINED');
  P(`identities: ${kIdentities.map(([id, s]) => `${s} ${id}`).join(', ')}`);
  P();
  const keyWidth = Math.min(40, Math.max(...results.map((r) => Width(r.key)))); // longer keys overflow
  for (const r of results) {
    const ms = `${String(r.ms).padStart(6)} ms`;
    const marks = kIdentities.map(([id, s]) => `${s}${kMarks[r.identities[id].class]}`).join(' ');
    const tail = r.failed ? `FAILED: ${r.failed}`
      : `tables ${String(r.tables.length).padStart(2)}  e/w/n ${r.findings.error}/${r.findings.warning}/${r.findings.notice}` +
        (r.diagnostics ? `  diag ${r.diagnostics}` : '');
    P(`${PadEnd(r.key, keyWidth)}  ${ms}  ${marks}  ${tail}`);
  }
  P();

  // Identity totals.
  P('identities:');
  const unexplained = [];
  const gapLines = [];
  for (const [id] of kIdentities) {
    const pool = id === 'name' || id === 'year'
      ? results.filter((r) => r.tables.length) // name/year: over the documents with tables
      : results;
    const applicable = pool.filter((r) => r.identities[id].class !== 'n/a');
    const holds = applicable.filter((r) => ['holds', 'rounding'].includes(r.identities[id].class));
    const rounding = holds.filter((r) => r.identities[id].class === 'rounding').length;
    const explained = applicable.filter((r) => r.identities[id].class === 'explained').length;
    const un = applicable.filter((r) => r.identities[id].class === 'UNEXPLAINED');
    const gaps = applicable.filter((r) => r.identities[id].class === 'gap');
    const scope = id === 'name' || id === 'year' ? ' (documents with tables)' : ' applicable';
    P(`  ${PadEnd(id, 13)} holds ${holds.length} of ${applicable.length}${scope} (${Pct(holds.length, applicable.length)})` +
      `${rounding ? `, ${rounding} within rounding` : ''}; cannot hold ${explained}; ` +
      `reading gaps ${gaps.length}; UNEXPLAINED ${un.length}`);
    for (const r of gaps) gapLines.push(`  gap ${id} ${r.key}: ${r.identities[id].explanation}`);
    for (const r of un) unexplained.push(`  UNEXPLAINED ${id} ${r.key}: ${r.identities[id].detail}`);
  }
  for (const line of gapLines) P(line);
  for (const line of unexplained) P(line);
  const stale = results.flatMap((r) => kIdentityIds.filter((id) => r.identities[id].stale_explanation)
                                             .map((id) => `  stale explanation: ${r.key} ${id} now holds (${r.identities[id].detail})`));
  for (const line of stale) P(line);
  for (const [file] of explanations)
    if (!allKeys.has(file)) P(`  explained.tsv names ${file}, not a document of the corpus`);
  const yearDiffs = results.filter((r) => r.year_differs_from_index);
  if (yearDiffs.length) {
    P(`  year differs from INDEX.tsv (information; the index is unverified): ${yearDiffs.length}`);
    for (const r of yearDiffs) P(`    ${r.key}: parsed ${r.year}, index ${r.index.year}`);
  }
  P();

  // Tables found, over the documents.
  const kinds = new Map();
  for (const r of results) for (const k of new Set(r.tables)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  P(`tables: ${results.filter((r) => r.tables.length).length} of ${results.length} documents have tables; ` +
    [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', '));

  // What the tables state for the previous year (a block whose own sums hold).
  const previousOf = (r) => jsonByKey.get(r.key)?.previous_year ?? {};
  const withPrevious = results.filter((r) => previousOf(r).three_public);
  P(`previous year read: “三公” block in ${withPrevious.length} documents ` +
    `(with its change block in ${withPrevious.filter((r) => previousOf(r).three_public_change).length}), ` +
    `功能分类 column in ${results.filter((r) => previousOf(r).functional).length}`);

  // Findings.
  const sum = (f) => results.reduce((s, r) => s + f(r), 0);
  const unledgered = results.flatMap((r) => r.errors.filter((e) => !e.ledgered).map((e) => ({ key: r.key, ...e })));
  P(`findings: ${sum((r) => r.findings.error)} errors, ${sum((r) => r.findings.warning)} warnings, ` +
    `${sum((r) => r.findings.notice)} notices; diagnostics ${sum((r) => r.diagnostics)}`);
  P(`error findings: ${sum((r) => r.errors.length)}, UNLEDGERED ${unledgered.length}`);
  for (const e of unledgered) P(`  UNLEDGERED ${e.key}:${e.line} [${e.rule}] ${e.message}`);
  const seen = new Set(results.flatMap((r) => r.errors.map((e) => `${r.key}\t${e.rule}\t${e.line}`)));
  for (const [k, row] of ledger)
    if (runKeys.has(row.file) && !seen.has(k)) P(`  ledger.tsv:${row.lineNo} no longer found: ${row.file}:${row.line} [${row.rule}]`);

  // Goldens.
  const mismatchCount = goldens.reduce((s, g) => s + g.mismatches.length, 0);
  P(`golden: ${goldens.length} documents, ${goldens.reduce((s, g) => s + g.figures, 0)} figures, ` +
    `${mismatchCount} mismatches (pages checked ${goldens.reduce((s, g) => s + g.pages_checked, 0)})`);
  for (const g of goldens) for (const m of g.mismatches) P(`  ${g.file ?? g.golden}: ${m}`);

  // Failures and time.
  const failed = results.filter((r) => r.failed);
  P(`parse failures: ${failed.length}`);
  for (const r of failed) P(`  ${r.key}: ${r.failed}`);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  P(`time per document: median ${Percentile(times, 50)} ms, 95th percentile ${Percentile(times, 95)} ms, ` +
    `max ${times[times.length - 1]} ms`);

  // 8. Exit status.
  const reasons = [];
  if (mismatchCount) reasons.push(`${mismatchCount} golden mismatches`);
  if (unledgered.length) reasons.push(`${unledgered.length} UNLEDGERED error findings`);
  if (failed.length) reasons.push(`${failed.length} failed parses`);
  if (opt.strict && unexplained.length) reasons.push(`${unexplained.length} UNEXPLAINED identity failures (--strict)`);
  P(reasons.length ? `FAIL: ${reasons.join(', ')}` : 'PASS');

  const text = out.join('\n') + '\n';
  process.stdout.write(text);
  if (opt.out) {
    mkdirSync(opt.out, { recursive: true });
    writeFileSync(path.join(opt.out, 'report.txt'), text);
    writeFileSync(path.join(opt.out, 'report.json'), JSON.stringify({
      gongkai: opt.gongkai, corpus: opt.corpus, only: opt.only, notes: messages,
      documents: results, goldens,
      totals: { documents: results.length, failed: failed.length, unledgered: unledgered.length,
                golden_mismatches: mismatchCount, unexplained: unexplained.length,
                median_ms: Percentile(times, 50), p95_ms: Percentile(times, 95) },
      pass: reasons.length === 0,
    }, null, 2) + '\n');
    // The raw parse output of each document, for reading a failure: parse/<key>.json, .stderr.
    docs.forEach((d, i) => {
      const base = path.join(opt.out, 'parse', d.key);
      mkdirSync(path.dirname(base), { recursive: true });
      writeFileSync(`${base}.json`, runs[i].stdout);
      writeFileSync(`${base}.stderr`, runs[i].stderr);
    });
  }
  process.exit(reasons.length ? 1 : 0);
}

Main().catch((e) => {
  console.error(`harness: ${e.stack ?? e}`);
  process.exit(2);
});
