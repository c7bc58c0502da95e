// Synthetic corpora for the overlap benchmark (bench/overlap.mjs): plans of 1,000 measures each,
// made by perturbing the sentences of the real plans in the repository, deterministically (one
// seeded PRNG per plan, so plan k is the same text whatever the corpus size and a 1k corpus is the
// first plan of the 10k and 100k ones).
//
// `node bench/synthetic-corpus.mjs OUT_DIR [measures]` writes the plans as text files, e.g. to run
// `policylint check` against them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { FILLERS, SYNONYMS } from '@policylint/checker';
import { toChineseNumeral } from '@policylint/core';

export const MEASURES_PER_PLAN = 1000;
export const MEASURES_PER_PART = 25;

/**
 * Share of corpus measures whose sentences are near-copies of real sentences (a few characters, a
 * clause, a place name changed); the rest are new content on a real sentence's skeleton (see
 * `newContent`). Like all of a plan's text they are then put in the plan's dialect, so they are
 * near-copies of each other within a plan, not across plans.
 */
export const NEAR_COPY_SHARE = 0.1;

/**
 * Share of the real text's characters each plan swaps for others (its "dialect", the same all
 * through the plan): plans then differ in vocabulary the way plans on different subjects do, instead
 * of all being made of the same ~17,000 characters of real prose. Calibrated on the LSH candidate
 * rate (the share of the corpus the LSH step hands to exact scoring): bench/overlap.mjs prints it
 * for the draft's unrelated measures next to the rates measured on the real plans (with the
 * parameters of commit 8b7d524: 0.9% between plans, 2.1% within the seed; 0.3 gives ~2%). Set
 * OVERLAP_BENCH_DIALECT to try another share.
 */
export const DIALECT_SHARE = Number(process.env.OVERLAP_BENCH_DIALECT ?? 0.3);

export const ROOT = new URL('../', import.meta.url);
export const SOURCES = [
  'seeds/xiamen-2023-business-environment-action-plan.txt',
  ...readdirSync(new URL('test/fixtures/real-policies/', ROOT))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `test/fixtures/real-policies/${f}`),
];

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
// Leading enumerators (一、 （一） 1. ⑴) would be read as headings at the start of a line.
const ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[?？\s]+)+/u;
const CJK = /[\u4e00-\u9fff]/u;

export const PLACES = [
  '厦门市', '思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区', '福州市', '泉州市', '漳州市', '莆田市',
  '三明市', '南平市', '龙岩市', '宁德市', '平潭综合实验区', '上海市', '浦东新区', '深圳市', '前海合作区', '广州市',
  '南沙区', '杭州市', '宁波市', '苏州市', '南京市', '成都市', '重庆市', '武汉市', '西安市', '天津市', '滨海新区',
  '北京市', '雄安新区', '青岛市', '济南市', '郑州市', '长沙市', '合肥市', '南昌市', '海口市', '昆明市', '贵阳市',
  '南宁市', '兰州市', '银川市', '西宁市', '乌鲁木齐市', '呼和浩特市', '哈尔滨市', '长春市', '沈阳市', '大连市',
];
export const THEMES = [
  '优化营商环境', '促进民营经济发展', '推动数字经济高质量发展', '深化“放管服”改革', '支持小微企业融资',
  '推进自由贸易试验区建设', '加强市场监管', '推动制造业转型升级', '促进外贸稳增长', '提升政务服务效能',
];

/** sfc32: small, fast, good enough for test data, and the same on every machine. */
export function prng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (array) => array[Math.floor(next() * array.length)],
    chance: (p) => next() < p,
  };
  return rng;
}

/**
 * The material plans are made of, read once: real sentences by source file (train for the corpus,
 * held out for the draft's unrelated measures), their clauses, and the characters of the real text
 * weighted by frequency.
 */
export function loadMaterial() {
  const files = [];
  const heldOut = [];
  const rng = prng(0x5eed);
  let allText = '';
  for (const path of SOURCES) {
    const text = readFileSync(new URL(path, ROOT), 'utf8').replace(PINYIN, '');
    allText += text;
    const sentences = [];
    for (const raw of text.split(/[。！？；;\r\n]/u)) {
      let s = raw.replace(ENUMERATOR, '').trim();
      // Long paragraph-sentences are cut at a clause boundary so a measure stays readable.
      if (s.length > 120) s = s.slice(0, s.lastIndexOf('，', 120) > 40 ? s.lastIndexOf('，', 120) : 120);
      if (s.length < 10 || [...s].filter((c) => CJK.test(c)).length < 8) continue;
      // ~12% of the sentences never reach the corpus: the draft's unrelated measures come from them.
      if (rng.chance(0.12)) heldOut.push(s);
      else sentences.push(s);
    }
    files.push(sentences);
  }
  const train = files.flat();
  const clausesOf = (sentences) => sentences.flatMap((s) => s.split(/[，,、：:]/u)).filter((c) => c.length >= 4);
  const chars = [...allText].filter((c) => CJK.test(c));
  // Two-character spans of the real text, as often as they occur there: words, mostly.
  const spans = [];
  for (let i = 0; i + 1 < chars.length; i++) spans.push(chars[i] + chars[i + 1]);
  // Characters a dialect leaves alone: those of the fillers and synonyms, so rewording still folds.
  const kept = new Set([...FILLERS, ...SYNONYMS.flat(2)].join(''));
  const alphabet = [...new Set(chars)].sort();
  return { files, train, heldOut, clauses: clausesOf(train), heldOutClauses: clausesOf(heldOut), chars, spans, alphabet, kept };
}

/** A plan's dialect: a character map applied to all its text. */
export function dialect(material, seed, share = DIALECT_SHARE) {
  const rng = prng(seed);
  const map = new Map();
  for (const c of material.alphabet) {
    if (!material.kept.has(c) && rng.chance(share)) map.set(c, rng.pick(material.alphabet));
  }
  return (text) => (map.size === 0 ? text : text.replace(/[\u4e00-\u9fff]/gu, (c) => map.get(c) ?? c));
}

function clauses(sentence) {
  return sentence.split(/(?<=[，,、：:])/u);
}

/** A few characters replaced by characters of the real text (frequency-weighted). */
function replaceChars(s, rng, material, count) {
  const chars = [...s];
  for (let k = 0; k < count; k++) {
    const i = rng.int(chars.length);
    if (CJK.test(chars[i])) chars[i] = rng.pick(material.chars);
  }
  return chars.join('');
}

/** `count` two-character runs replaced by two-character spans of the real text. */
function replaceSpans(s, rng, material, count) {
  const chars = [...s];
  for (let k = 0; k < count; k++) {
    const i = rng.int(Math.max(1, chars.length - 1));
    if (!CJK.test(chars[i]) || !CJK.test(chars[i + 1] ?? '')) continue;
    const span = rng.pick(material.spans);
    chars[i] = span[0];
    chars[i + 1] = span[1];
  }
  return chars.join('');
}

/**
 * One small edit of the kind a drafter makes when copying: replace or swap characters, drop or
 * duplicate a clause, splice in the end of another sentence, add a place name or a number.
 */
function lightEdit(s, rng, material, clausePool) {
  const parts = clauses(s);
  switch (rng.int(7)) {
    case 0:
      return replaceChars(s, rng, material, rng.range(1, 3));
    case 1: {
      const chars = [...s];
      const i = rng.int(Math.max(1, chars.length - 1));
      if (CJK.test(chars[i]) && CJK.test(chars[i + 1] ?? '')) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      return chars.join('');
    }
    case 2:
      if (parts.length < 2) return replaceChars(s, rng, material, 2);
      parts.splice(rng.int(parts.length), 1);
      return parts.join('').replace(/[，,、：:]$/u, '');
    case 3: {
      const i = rng.int(parts.length);
      const clause = parts[i].replace(/[，,、：:]$/u, '');
      parts.splice(i + 1, 0, `${clause}，`);
      return parts.join('').replace(/[，,、：:]$/u, '');
    }
    case 4: {
      const keep = parts.slice(0, Math.max(1, rng.int(parts.length))).join('').replace(/[，,、：:]$/u, '');
      return `${keep}，${rng.pick(clausePool)}`;
    }
    case 5:
      return rng.chance(0.5) ? `${rng.pick(PLACES)}${s}` : `${s}，在${rng.pick(PLACES)}率先试点`;
    default:
      return rng.chance(0.5) ? `到${rng.range(2023, 2030)}年，${s}` : `${s}，${rng.range(1, 30)}个工作日内办结`;
  }
}

export function lightPerturb(s, rng, material, clausePool = material.clauses) {
  let out = s;
  for (let k = rng.range(1, 2); k > 0; k--) out = lightEdit(out, rng, material, clausePool);
  return out;
}

/**
 * New content on a real sentence's skeleton: a quarter of its clauses swapped for clauses of other
 * real sentences and about a third of its characters overwritten with two-character spans of the
 * real text (so the new bigrams are as common or rare as in real prose), then a light edit. Without
 * this, 100k measures made from ~400 real sentences would repeat each sentence ~1,000 times.
 */
function newContent(s, rng, material, clausePool = material.clauses) {
  const parts = clauses(s).map((c) => (rng.chance(0.25) ? `${rng.pick(clausePool)}${/[，,、：:]$/u.test(c) ? '，' : ''}` : c));
  let out = parts.join('');
  out = replaceSpans(out, rng, material, Math.round((out.length * 0.35) / 2));
  return lightEdit(out, rng, material, clausePool);
}

/** A measure title: a short real clause, perturbed like the sentences. */
function titleFrom(sentence, rng, material, near) {
  let t = clauses(sentence)[0].replace(/[，,、：:]$/u, '');
  if (t.length > 16) t = t.slice(0, rng.range(8, 16));
  t = near ? replaceChars(t, rng, material, rng.int(2)) : replaceSpans(t, rng, material, Math.ceil(t.length / 5));
  return t.replace(/[。！？]/gu, '');
}

/** One corpus measure's title and sentences (no number, no full stops). */
function corpusMeasure(rng, material) {
  const file = rng.pick(material.files);
  const count = rng.range(3, 6);
  const start = rng.int(Math.max(1, file.length - count));
  const near = rng.chance(NEAR_COPY_SHARE);
  const sentences = [];
  for (let k = 0; k < count; k++) {
    // Mostly consecutive sentences of one real plan, sometimes one from elsewhere.
    const source = rng.chance(0.8) ? file[(start + k) % file.length] : rng.pick(material.train);
    sentences.push(near ? lightPerturb(source, rng, material) : newContent(source, rng, material));
  }
  return { title: titleFrom(rng.pick(file), rng, material, near), sentences, near };
}

/** The id (file name) of synthetic plan `index`. */
export function planId(index) {
  return `synthetic-${String(index).padStart(4, '0')}.txt`;
}

export function planTitle(index) {
  const rng = prng(0x7171 + index);
  return `${rng.pick(PLACES)}${rng.pick(THEMES)}第${index + 1}号行动方案`;
}

/**
 * Plan `index` of the synthetic corpus as text: a title line, then parts 一、二、… of 25 measures
 * each, measures numbered 1…1000 across parts, each "N.title。sentence。sentence。…" on one line.
 * @returns {{ id: string, text: string, measures: Array<{ title: string, sentences: string[], near: boolean }> }}
 */
export function syntheticPlan(material, index, measures = MEASURES_PER_PLAN) {
  const rng = prng(0x10000 + index * 7919);
  const speak = dialect(material, 0xd1a1 + index * 104729);
  const lines = [planTitle(index)];
  const list = [];
  for (let m = 0; m < measures; m++) {
    if (m % MEASURES_PER_PART === 0) {
      const part = m / MEASURES_PER_PART + 1;
      lines.push(`${toChineseNumeral(part)}、${speak(titleFrom(rng.pick(material.train), rng, material, false))}`);
    }
    const generated = corpusMeasure(rng, material);
    const measure = { ...generated, title: speak(generated.title), sentences: generated.sentences.map(speak) };
    list.push(measure);
    lines.push(measureLine(m + 1, measure));
  }
  return { id: planId(index), text: `${lines.join('\n')}\n`, measures: list };
}

function measureLine(number, { title, sentences }) {
  return `${number}.${title}。${sentences.map((s) => `${s}。`).join('')}`;
}

/** Rewording a drafter does: synonyms swapped, fillers added or dropped, clauses and sentences reordered. */
export function reword(s, rng, material) {
  let out = s;
  for (const [canonical, variants] of SYNONYMS) {
    for (const word of [canonical, ...variants]) {
      if (out.includes(word) && rng.chance(0.7)) out = out.replace(word, rng.pick([canonical, ...variants].filter((w) => w !== word)));
    }
  }
  for (const filler of FILLERS) if (out.includes(filler) && rng.chance(0.5)) out = out.replace(filler, '');
  const parts = clauses(out).map((c) => c.replace(/[，,、：:]$/u, ''));
  if (parts.length >= 2 && rng.chance(0.5)) parts.push(parts.shift());
  out = parts.join('，');
  if (rng.chance(0.6)) out = `${rng.pick(FILLERS)}${out}`;
  // And a slip or a word of its own, now and then.
  if (rng.chance(0.5)) out = replaceChars(out, rng, material, 1);
  return out;
}

/**
 * The 30-measure draft: measures 1–10 copy corpus measures (4 verbatim, 6 with light edits),
 * 11–20 reword corpus measures, 21–30 are unrelated (held-out real sentences, never in the corpus).
 * The planted measures come from plan 0, which every corpus size contains.
 * @returns {{ text: string, planted: Array<{ draftNumber: number, planId: string, number: number, kind: string }> }}
 */
export function syntheticDraft(material, corpusPlan0) {
  const rng = prng(0xd4af7);
  const lines = ['厦门市进一步优化营商环境若干措施（征求意见稿）', '一、复制的措施'];
  const planted = [];
  // Distinct, spread-out measures of plan 0 that are new content (not near-copies of each other).
  const sources = [];
  for (let m = 7; sources.length < 20; m = (m + 37) % corpusPlan0.measures.length) {
    if (!corpusPlan0.measures[m].near && !sources.includes(m)) sources.push(m);
  }
  let number = 0;
  sources.slice(0, 10).forEach((m, k) => {
    const source = corpusPlan0.measures[m];
    const measure = k < 4 ? source : { title: source.title, sentences: source.sentences.map((s) => lightPerturb(s, rng, material)) };
    lines.push(measureLine(++number, measure));
    planted.push({ draftNumber: number, planId: corpusPlan0.id, number: m + 1, kind: k < 4 ? 'verbatim' : 'edited' });
  });
  lines.push('二、改写的措施');
  sources.slice(10).forEach((m) => {
    const source = corpusPlan0.measures[m];
    const sentences = source.sentences.map((s) => reword(s, rng, material));
    if (rng.chance(0.5)) sentences.reverse();
    lines.push(measureLine(++number, { title: reword(source.title, rng, material), sentences }));
    planted.push({ draftNumber: number, planId: corpusPlan0.id, number: m + 1, kind: 'reworded' });
  });
  lines.push('三、新的措施');
  // The draft's own measures: held-out sentences in a dialect of their own, like any new plan.
  const speak = dialect(material, 0xd4af7);
  for (let k = 0; k < 10; k++) {
    const count = rng.range(3, 6);
    const start = rng.int(material.heldOut.length);
    const sentences = [];
    for (let j = 0; j < count; j++) {
      sentences.push(newContent(material.heldOut[(start + j) % material.heldOut.length], rng, material, material.heldOutClauses));
    }
    lines.push(measureLine(++number, { title: speak(titleFrom(material.heldOut[start], rng, material, false)), sentences: sentences.map(speak) }));
  }
  return { text: `${lines.join('\n')}\n`, planted };
}

// CLI: write a corpus to disk.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, size = '10000'] = process.argv.slice(2);
  if (out === undefined) {
    console.error('usage: node bench/synthetic-corpus.mjs OUT_DIR [measures, a multiple of 1000]');
    process.exit(2);
  }
  const material = loadMaterial();
  mkdirSync(out, { recursive: true });
  const plans = Math.ceil(Number(size) / MEASURES_PER_PLAN);
  let plan0;
  for (let i = 0; i < plans; i++) {
    const plan = syntheticPlan(material, i);
    if (i === 0) plan0 = plan;
    writeFileSync(join(out, plan.id), plan.text);
  }
  writeFileSync(join(out, 'draft.txt.example'), syntheticDraft(material, plan0).text);
  console.log(`wrote ${plans} plans (${plans * MEASURES_PER_PLAN} measures) and draft.txt.example to ${out}`);
}
