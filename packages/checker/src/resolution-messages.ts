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

/** 第3条, 第3、5条, 第3至5条 / measure 3, measures 3, 5, measures 3–5. */
function numbersName(kind: NodeKind, numbers: readonly number[]): Localized {
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  if (last - first + 1 === numbers.length) return missingRange(kind, first, last);
  // 第3条 + 第5条 → 第3、5条: one 第 and one unit around the numbers as each is written.
  const unit = /[条项部分]+$/;
  const bare = numbers.map((n) => missingRange(kind, n, n)['zh-CN'].replace(/^第/, '').replace(unit, ''));
  const suffix = unit.exec(missingRange(kind, first, first)['zh-CN'])?.[0] ?? '';
  return localized(`第${bare.join('、')}${suffix}`, `${UNITS[kind].en}s ${numbers.join(', ')}`);
}

/** What a scope has: 28条 where it numbers 1…28, else 第21至23条 (the numbers it does have). */
function holdings(kind: NodeKind, available: readonly number[]): Localized {
  const n = available.length;
  const countsFromOne = available.every((v, i) => v === i + 1);
  if (countsFromOne) return localized(`只有${n}${UNITS[kind]['zh-CN']}`, `has ${n} ${UNITS[kind].en}${n === 1 ? '' : 's'}`);
  const names = numbersName(kind, [...new Set(available)].sort((a, b) => a - b));
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
  const absent = numbersName(nodeKind, missing);
  const verb = missing.length > 1 ? 'there are no' : 'there is no';
  if (available.length === 0) {
    return localized(`${where['zh-CN']}没有任何${UNITS[nodeKind]['zh-CN'].replace('个', '')}，也就没有${absent['zh-CN']}`, `${where.en} has no ${UNITS[nodeKind].en}s; ${verb} ${absent.en}`);
  }
  const has = holdings(nodeKind, available);
  return localized(`${where['zh-CN']}${has['zh-CN']}，没有${absent['zh-CN']}`, `${where.en} ${has.en}; ${verb} ${absent.en}`);
}
