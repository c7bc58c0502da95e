import { stripPinyin, toChineseNumeral, type NodeKind, type PlanReference } from '@policylint/core';
import { localized, type Localized } from './finding.js';
import { missingRange } from './numbering/labels.js';
import type { Resolution } from './resolve-reference.js';

/** How a message names the cited plan: 本文件 for the document itself, else its 《title》 as cited. */
export function planLabel(reference: PlanReference): Localized {
  if (reference.document === null) return localized('本文件', 'this document');
  const title = `《${stripPinyin(reference.document.title)}》`;
  return localized(title, title);
}

const UNITS: Readonly<Record<NodeKind, Localized>> = {
  part: localized('个部分', 'part'),
  section: localized('项', 'section'),
  measure: localized('条', 'measure'),
  item: localized('项', 'item'),
};

// A message names at most this many runs of numbers: a plan of thousands of measures with a few gaps
// would otherwise put every one of its numbers in every message about it.
const MAX_RUNS = 6;

type Run = readonly [from: number, to: number];

/**
 * 第3条, 第3、5条, 第3至5条, 第1至3、7条 / measure 3, measures 3, 5, measures 3–5, measures 1–3, 7:
 * runs of three or more as ranges, two in a row as two numbers, and 等 / … for the runs past MAX_RUNS.
 * `runs` are sorted and apart.
 */
function runsName(kind: NodeKind, runs: readonly Run[]): Localized {
  if (runs.length === 1) return missingRange(kind, runs[0]![0], runs[0]![1]);
  const first = runs[0]![0];
  // 第3、4条 reads better than 第3至4条.
  const split = runs.flatMap(([from, to]): Run[] => (to === from + 1 ? [[from, from], [to, to]] : [[from, to]]));
  const shown = split.slice(0, MAX_RUNS);
  const more = split.length > MAX_RUNS;
  // 第3条 + 第5条 → 第3、5条: one 第 and one unit around the numbers as each is written.
  const unit = /[条项部分]+$/;
  const bare = shown.map(([from, to]) => missingRange(kind, from, to)['zh-CN'].replace(/^第/, '').replace(unit, ''));
  const suffix = unit.exec(missingRange(kind, first, first)['zh-CN'])?.[0] ?? '';
  const en = shown.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  return localized(`第${bare.join('、')}${suffix}${more ? '等' : ''}`, `${UNITS[kind].en}s ${en.join(', ')}${more ? ', …' : ''}`);
}

/** Sorted, distinct numbers as [from, to] runs. */
function numberRuns(numbers: readonly number[]): Run[] {
  const runs: Array<[number, number]> = [];
  for (const n of numbers) {
    const run = runs[runs.length - 1];
    if (run !== undefined && n === run[1] + 1) run[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

// By scope: `available` is the one array its scope's resolutions share, so a plan citing thousands of
// missing measures names what it has once, not once per citation.
const holdingsByScope = new WeakMap<readonly number[], Localized>();

/** What a scope has: 28条 where it numbers 1…28, else 第21至23条 (the numbers it does have). */
function holdings(kind: NodeKind, available: readonly number[]): Localized {
  let found = holdingsByScope.get(available);
  if (found === undefined) holdingsByScope.set(available, (found = describeHoldings(kind, available)));
  return found;
}

function describeHoldings(kind: NodeKind, available: readonly number[]): Localized {
  const n = available.length;
  const countsFromOne = available.every((v, i) => v === i + 1);
  if (countsFromOne) return localized(`只有${n}${UNITS[kind]['zh-CN']}`, `has ${n} ${UNITS[kind].en}${n === 1 ? '' : 's'}`);
  const names = runsName(kind, numberRuns([...new Set(available)].sort((a, b) => a - b)));
  return localized(`只有${names['zh-CN']}`, `has only ${names.en}`);
}

/**
 * 《…行动方案》只有28条，没有第31条 / 《…》 has 28 measures; there is no measure 31. Where the scope
 * numbers otherwise (a part of a plan counting through: 21–23), it says which numbers it has.
 */
export function missingMessage(plan: Localized, resolution: Extract<Resolution, { kind: 'missing' }>): Localized {
  const { within, nodeKind, missing, available } = resolution;
  const where =
    within === undefined
      ? plan
      : localized(`${plan['zh-CN']}第${toChineseNumeral(within.number) ?? within.number}部分`, `part ${within.number} of ${plan.en}`);
  const absent = runsName(nodeKind, missing);
  const verb = missing.length > 1 || missing[0]![1] > missing[0]![0] ? 'there are no' : 'there is no';
  if (available.length === 0) {
    return localized(`${where['zh-CN']}没有任何${UNITS[nodeKind]['zh-CN'].replace('个', '')}，也就没有${absent['zh-CN']}`, `${where.en} has no ${UNITS[nodeKind].en}s; ${verb} ${absent.en}`);
  }
  const has = holdings(nodeKind, available);
  return localized(`${where['zh-CN']}${has['zh-CN']}，没有${absent['zh-CN']}`, `${where.en} ${has.en}; ${verb} ${absent.en}`);
}
