// Checks a generated corpus against its sources with the real parser: every generated file is
// parsed and checked, and compared with the source it was made from.
//
//   node bench/verify-corpus.mjs GONGKAI CORPUS_DIR SOURCE_DIR [MAX_PER_SOURCE]
//
// Reports per source layout:
//   - error rules in a generated file that the source has no error for (besides the injected
//     rule): should be none;
//   - findings (rule, line) in a generated file that the source does not have at any severity;
//   - findings that are errors in the generated file but notices/warnings in the source
//     (rounding residuals scaled by the factor);
//   - numbers of the parsed JSON that are neither the source's, nor factor × the source's,
//     nor the source's year + the shift (figures the generator missed or wrongly scaled);
//   - injected files whose rule does not fire.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [gongkai, corpusDir, sourceDir, maxArg] = process.argv.slice(2);
if (!gongkai || !corpusDir || !sourceDir) {
  console.error('usage: node verify-corpus.mjs GONGKAI CORPUS_DIR SOURCE_DIR [MAX_PER_SOURCE]');
  process.exit(2);
}
const maxPerSource = maxArg ? Number(maxArg) : Infinity;

function run(args) {
  try {
    return execFileSync(gongkai, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return e.stdout; // exit 1 when a check finds an error
  }
}

// `gongkai check` lines: path:line: severity: message [rule]
function findings(file) {
  const out = [];
  for (const line of run(['check', file]).split('\n')) {
    const m = line.match(/^.*?:(\d+): (error|warning|notice): .*\[([a-z-]+)\]$/);
    if (m) out.push({ line: Number(m[1]), severity: m[2], rule: m[3] });
  }
  return out;
}

function parse(file) {
  return JSON.parse(run(['parse', file]));
}

const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

// Walks two parsed disclosures side by side; counts numbers that are neither equal, nor
// scaled by `factor`, nor shifted by `delta` (years).
function compare(o, g, factor, delta, where, bad, structure) {
  if (typeof o === 'number' && typeof g === 'number') {
    if (close(o, g) || close(o * factor, g) || (Number.isInteger(o) && o + delta === g)) return;
    // Derived figures printed to 2 decimals (per staff, per unit) keep their rounding.
    if (where.startsWith('.metrics') && Math.abs(o * factor - g) <= 0.005 * factor + 0.005) return;
    bad.push(`${where}: ${o} -> ${g}`);
    return;
  }
  if (Array.isArray(o) && Array.isArray(g)) {
    if (o.length !== g.length) structure.push(`${where}: ${o.length} items -> ${g.length}`);
    for (let i = 0; i < Math.min(o.length, g.length); ++i)
      compare(o[i], g[i], factor, delta, `${where}[${i}]`, bad, structure);
    return;
  }
  if (o && g && typeof o === 'object' && typeof g === 'object') {
    for (const k of new Set([...Object.keys(o), ...Object.keys(g)])) {
      if (where === '' && k === 'findings') continue; // compared rule by rule above
      if (!(k in o) || !(k in g)) structure.push(`${where}.${k}: only in ${k in o ? 'source' : 'generated'}`);
      else compare(o[k], g[k], factor, delta, `${where}.${k}`, bad, structure);
    }
    return;
  }
  if (typeof o !== typeof g || (o === null) !== (g === null)) structure.push(`${where}: ${JSON.stringify(o)} -> ${JSON.stringify(g)}`);
}

const manifest = readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => { const [file, source, seed, factor, injected, year] = l.split('\t'); return { file, source, factor: Number(factor), injected, year: Number(year) }; });

const sources = new Map();
const stats = new Map();
for (const row of manifest) {
  let st = stats.get(row.source);
  if (!st) {
    const file = path.join(sourceDir, row.source);
    const f = findings(file);
    const parsed = parse(file);
    sources.set(row.source, { findings: f, parsed, errorRules: new Set(f.filter((x) => x.severity === 'error').map((x) => x.rule)), keys: new Map(f.map((x) => [`${x.rule}:${x.line}`, x.severity])) });
    st = { files: 0, clean: 0, filesWithNewError: 0, filesEscalatedOnly: 0, alsoInInjected: new Map(), newErrorRules: new Map(), newFindings: new Map(), escalated: new Map(), badNumbers: 0, badFiles: 0, structure: 0, examples: [], injected: 0, injectedFired: 0, misses: [] };
    stats.set(row.source, st);
  }
  if (st.files >= maxPerSource) continue;
  st.files++;
  if (row.injected === '-') st.clean++;
  const src = sources.get(row.source);
  const file = path.join(corpusDir, row.file);
  const f = findings(file);
  const count = (m, k) => m.set(k, (m.get(k) || 0) + 1);
  if (row.injected !== '-') {
    st.injected++;
    const before = src.findings.filter((x) => x.rule === row.injected && x.severity === 'error').length;
    const after = f.filter((x) => x.rule === row.injected && x.severity === 'error').length;
    if (after > before) st.injectedFired++;
    else st.misses.push(row.file);
  }
  if (row.injected !== '-') {
    // What else the injected change sets off (cross-table when 收入总计 changes, ...).
    for (const rule of new Set(f.filter((x) => x.severity === 'error').map((x) => x.rule)))
      if (!src.errorRules.has(rule) && rule !== row.injected) count(st.alsoInInjected, rule);
  } else {
    let newRule = false, newFinding = false;
    for (const rule of new Set(f.filter((x) => x.severity === 'error').map((x) => x.rule)))
      if (!src.errorRules.has(rule)) { count(st.newErrorRules, rule); newRule = true; }
    for (const x of f) {
      const sev = src.keys.get(`${x.rule}:${x.line}`);
      if (sev === undefined) { count(st.newFindings, x.rule); newFinding = true; }
      else if (x.severity === 'error' && sev !== 'error') count(st.escalated, x.rule);
    }
    if (newRule) st.filesWithNewError++;
    if (newRule && !newFinding) st.filesEscalatedOnly++;
    const bad = [], structure = [];
    const delta = row.year - src.parsed.year;
    compare(src.parsed, parse(file), row.factor, delta, '', bad, structure);
    if (bad.length || structure.length) st.badFiles++;
    st.badNumbers += bad.length;
    st.structure += structure.length;
    if (st.examples.length < 6) st.examples.push(...bad.slice(0, 3).map((b) => `${row.file}${b}`), ...structure.slice(0, 3).map((b) => `${row.file}${b}`));
  }
}

const show = (m) => (m.size ? [...m].map(([k, v]) => `${k} ×${v}`).join(', ') : 'none');
let totalFiles = 0, totalNew = 0, totalEscalatedOnly = 0;
for (const [source, st] of stats) {
  totalFiles += st.files;
  totalNew += st.filesWithNewError;
  totalEscalatedOnly += st.filesEscalatedOnly;
  console.log(`${source}: ${st.files} generated files checked (${st.clean} clean, ${st.files - st.clean} injected)`);
  console.log(`  clean files, error rules the source has no error for: ${show(st.newErrorRules)}`);
  console.log(`  findings (rule, line) the source does not have: ${show(st.newFindings)}`);
  console.log(`  source notice/warning that is an error in the generated file: ${show(st.escalated)}`);
  console.log(`  parsed numbers not equal / x factor / year-shifted: ${st.badNumbers} in ${st.badFiles} clean files; structural differences: ${st.structure}`);
  for (const e of st.examples.slice(0, 6)) console.log(`    e.g. ${e}`);
  console.log(`  injected: ${st.injectedFired} of ${st.injected} fire their rule${st.misses.length ? ' (not: ' + st.misses.join(' ') + ')' : ''}; other error rules they set off: ${show(st.alsoInInjected)}`);
}
console.log(`total: ${totalFiles} generated files; clean files with an error rule the source has no error for: ${totalNew}, ` +
  `of which ${totalEscalatedOnly} only at a (rule, line) the source reports as a notice/warning (a rounding residual × factor)`);
