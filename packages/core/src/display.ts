import { CANONICAL_FORMS, formatMarker, type MarkerLevel } from './markers.js';
import type { PlanNode, Range } from './model.js';
import { stripPinyin } from './pinyin.js';

/**
 * A heading as a drafter reads it: its marker as written (or, for a heading recovered from damaged
 * text, the canonical marker its place implies) and its title without pinyin: `3.加强融资支持服务`.
 */
export function headingLabel(node: PlanNode): string {
  const marker = node.damaged
    ? (formatMarker(CANONICAL_FORMS[node.marker.level as MarkerLevel], node.number) ?? '')
    : node.marker.text.trim();
  return `${marker}${stripPinyin(node.title)}`;
}

/** A heading's own range: from its marker to the end of its title (where it is reported and selected). */
export function headingRange(node: PlanNode): Range {
  return { start: node.marker.range.start, end: node.titleRange.end };
}
