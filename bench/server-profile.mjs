// Summarises a V8 .cpuprofile (node --cpu-prof) for bench/server.mjs: the share of sampled time
// spent inside chosen functions (inclusive: a sample counts for every category on its stack), and
// the functions with the most self time.
//
//   node bench/server-profile.mjs FILE.cpuprofile...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const named = (name, urlEnd = '') => (f) => f.functionName === name && f.url.endsWith(urlEnd);
const rule = (id) => (f) => f.functionName === 'check' && f.url.endsWith(`/rules/${id}.js`);
const any = (test) => (frames) => frames.some(test);
const all = (...tests) => (frames) => tests.every((t) => t(frames));

/**
 * [label, per, test on a sample's stack]. Inclusive: a sample counts for every category its stack
 * matches, so nested categories (a rule inside checkText) both count. `per` says what the category's
 * time is divided by for a per-event figure: 'check' (checkText runs) or 'hover'.
 */
export const CATEGORIES = [
  ['loadCorpus (read + parse corpus plans + segments)', undefined, any(named('loadCorpus'))],
  ['  Corpus constructor (parsePlan of every corpus plan)', undefined, any(named('Corpus', '/corpus.js'))],
  ['  loadSegments (cache read or build)', undefined, any(named('loadSegments'))],
  ['    deserializeSegment', undefined, any(named('deserializeSegment'))],
  ['    buildSegment', undefined, all(any(named('buildSegment')), any(named('loadSegments')))],
  ['Corpus.overlap (index assembly)', undefined, any(named('overlap', '/corpus.js'))],
  ['checkText', 'check', any(named('checkText'))],
  ['  parsePlan (the draft)', 'check', all(any(named('parsePlan')), any(named('checkText')))],
  ['  measureUnits (the draft)', 'check', all(any(named('measureUnits')), any(named('checkText')))],
  ['  rule overlap-existing', 'check', any(rule('overlap-existing'))],
  ['    OverlapIndex.query', 'check', all(any(named('query', '/overlap-index.js')), any(rule('overlap-existing')))],
  ['      OverlapIndex.score (exact scoring of candidates)', 'check', all(any(named('score', '/overlap-index.js')), any(rule('overlap-existing')))],
  ['    textAt: TextDocument over the matched corpus plan', 'check', all(any(named('textAt')), any(rule('overlap-existing')))],
  ['  rule overlap-internal', 'check', any(rule('overlap-internal'))],
  ['  other rules', 'check', any((f) => f.functionName === 'check' && /\/rules\/(numbering|xref|text-encoding)/.test(f.url))],
  ['hover (navigation)', 'hover', any(named('hover', '/features/navigation.js'))],
  ['  OverlapIndex.query', 'hover', all(any(named('query', '/overlap-index.js')), any(named('hover', '/features/navigation.js')))],
  ['toDiagnostic (findings → LSP)', undefined, any(named('toDiagnostic'))],
  ['JSON-RPC / LSP library', undefined, any((f) => /\/vscode-(jsonrpc|languageserver|languageserver-protocol)\//.test(f.url))],
  ['(garbage collector)', undefined, any(named('(garbage collector)'))],
  ['(program)', undefined, any(named('(program)'))],
];

/** Inclusive ms per category, self ms per function, and the total, from a parsed .cpuprofile. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = new Map();
  const stack = (id) => {
    let found = stackOf.get(id);
    if (found === undefined) {
      found = [];
      for (let at = id; at !== undefined; at = parent.get(at)) found.push(byId.get(at).callFrame);
      stackOf.set(id, found);
    }
    return found;
  };
  const inclusive = new Map(CATEGORIES.map(([label, per]) => [label, { ms: 0, per }]));
  const self = new Map();
  let total = 0;
  let idle = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time after it (until the next) is its weight.
    const ms = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    const frames = stack(samples[i]);
    total += ms;
    if (frames[0].functionName === '(idle)') idle += ms;
    for (const [label, , test] of CATEGORIES) if (test(frames)) inclusive.get(label).ms += ms;
    const f = frames[0];
    const key = `${f.functionName || '(anonymous)'} ${f.url === '' ? '' : `${basename(f.url)}:${f.lineNumber + 1}`}`.trim();
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  return { total, busy: total - idle, inclusive, self: [...self].sort((a, b) => b[1] - a[1]) };
}

/**
 * Lines of text for a summary: categories as a share of busy (non-idle) time and, given the number
 * of checks and hovers the profile holds, per check / per hover; then the top self times.
 */
export function describe(summary, { top = 15, checks, hovers } = {}) {
  const pct = (ms) => `${((100 * ms) / summary.busy).toFixed(1).padStart(5)}%`;
  const per = (c) => {
    const n = c.per === 'check' ? checks : c.per === 'hover' ? hovers : undefined;
    return n === undefined ? '' : `  ${(c.ms / n).toFixed(2).padStart(7)} ms/${c.per}`;
  };
  const lines = [`sampled ${(summary.total / 1000).toFixed(1)} s, busy (not idle) ${(summary.busy / 1000).toFixed(1)} s` +
    `${checks === undefined ? '' : `, ${checks} checks, ${hovers} hovers`}; inclusive share of busy time:`];
  for (const [label, c] of summary.inclusive) if (c.ms > 0) lines.push(`  ${pct(c.ms)}  ${(c.ms / 1000).toFixed(2).padStart(7)} s${per(c)}  ${label}`);
  lines.push(`top ${top} functions by self time (share of busy time):`);
  for (const [name, ms] of summary.self.filter(([n]) => !n.startsWith('(idle)')).slice(0, top)) lines.push(`  ${pct(ms)}  ${name}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    console.log(`== ${file}`);
    for (const line of describe(summarise(JSON.parse(readFileSync(file, 'utf8'))), { top: 25 })) console.log(line);
  }
}
