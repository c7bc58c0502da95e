import { formatMarker, toChineseNumeral, type NodeKind, type PlanNode } from '@policylint/core';
import { localized, type Localized } from '../finding.js';

/** How a drafter names the n-th node of a level: 第三部分, 第（二）项, 第4条, 第（1）项. */
export function unitName(kind: NodeKind, n: number): Localized {
  const cn = toChineseNumeral(n) ?? String(n);
  switch (kind) {
    case 'part':
      return localized(`第${cn}部分`, `part ${n}`);
    case 'section':
      return localized(`第（${cn}）项`, `section ${n}`);
    case 'measure':
      return localized(`第${n}条`, `measure ${n}`);
    case 'item':
      return localized(`第（${n}）项`, `item ${n}`);
  }
}

const PLURALS: Readonly<Record<NodeKind, string>> = { part: 'parts', section: 'sections', measure: 'measures', item: 'items' };

/** A run of missing numbers: 第4条, or 第4至6条 / measures 4–6. */
export function missingRange(kind: NodeKind, from: number, to: number): Localized {
  const first = unitName(kind, from);
  if (from === to) return first;
  const last = unitName(kind, to);
  // 第4条 + 第6条 → 第4至6条: keep the first's prefix, take the last's number and unit.
  const zhLast = last['zh-CN'].replace(/^第/, '');
  return localized(`${first['zh-CN'].replace(/[条项部分]+$/, '')}至${zhLast}`, `${PLURALS[kind]} ${from}–${to}`);
}

/** How the level is named in a fix: 所有“1.”级序号 / every measure number. */
export function levelName(kind: NodeKind, canonicalForm: string): Localized {
  return localized(`所有“${canonicalForm}”级序号`, `every ${kind} number`);
}

/** The marker `node` would carry with number `n`, in its own form: `5.` → `4.`, `(三)` → `(二)`. */
export function markerWithNumber(node: PlanNode, n: number): string {
  const form = node.marker.form?.trimEnd();
  return (form === undefined ? undefined : formatMarker(form, n)) ?? String(n);
}

/** The convention of a level, as a clause for messages. */
export function scopeLabel(scope: string): Localized {
  switch (scope) {
    case 'document':
      return localized('全文连续编号', 'numbered through the whole document');
    case 'part':
      return localized('每部分重新编号', 'numbered afresh in each part');
    case 'section':
      return localized('每项重新编号', 'numbered afresh in each section');
    default:
      return localized('每条重新编号', 'numbered afresh in each measure');
  }
}
