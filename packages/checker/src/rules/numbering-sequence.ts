import { CANONICAL_FORMS, type MarkerLevel, type NodeKind, type PlanNode } from '@policylint/core';
import { localized, type Fix, type RuleFinding, type TextEdit } from '../finding.js';
import type { LevelAnalysis, SequenceEntry } from '../numbering/analysis.js';
import { levelName, markerWithNumber, missingRange, scopeLabel, unitName } from '../numbering/labels.js';
import { citationEdits, levelMoves, renumberLevelEdits } from '../renumber.js';
import { selfReferences, type Rule, type RuleContext } from '../rule.js';

const KINDS: readonly NodeKind[] = ['part', 'section', 'measure', 'item'];
// Structural numbers run in sequence within each level (GB/T 9704-2012 §7.3.3).
const CLAUSE = localized('（GB/T 9704-2012 §7.3.3）', ' (GB/T 9704-2012 §7.3.3)');

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  defaultSeverity: 'error',
  description: localized('层次序号缺号、重号或顺序错乱', 'a gap, duplicate or out-of-order number at any level'),
  fixable: true,
  check(context) {
    const analysis = context.numbering();
    return KINDS.flatMap((kind) => checkLevel(analysis[kind], context));
  },
};

/**
 * Compares each number with the one before it in its scope, so one missing number is reported once
 * and the numbers after it, which follow on from it, are not.
 */
function checkLevel(level: LevelAnalysis, context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  let fix: Fix | undefined;
  const renumber = (): Fix => {
    const level0 = level.entries[0]!.node.marker.level as MarkerLevel;
    const name = levelName(level.kind, CANONICAL_FORMS[level0]);
    fix ??= { description: localized(`按顺序重新编号${name['zh-CN']}`, `renumber ${name.en} in sequence`), edits: renumberEdits(level, context) };
    return fix;
  };
  const plural = { part: 'parts', section: 'sections', measure: 'measures', item: 'items' }[level.kind];
  let before: SequenceEntry | undefined;
  for (const entry of level.entries) {
    const { node, previous } = entry;
    const expected = previous === undefined ? 1 : previous.node.number + 1;
    const documentPrevious = before;
    before = entry;
    if (node.damaged || node.number === expected) continue;
    const want = markerWithNumber(node, expected);
    const got = node.marker.text.trimEnd();
    const head = localized(`应为“${want}”，实际为“${got}”`, `expected ${want}, found ${got}`);
    const finding = (why: ReturnType<typeof localized>, related?: RuleFinding['related']): RuleFinding => ({
      message: localized(`${head['zh-CN']}：${why['zh-CN']}${CLAUSE['zh-CN']}`, `${head.en}: ${why.en}${CLAUSE.en}`),
      range: node.marker.range,
      ...(related === undefined ? {} : { related }),
      fix: renumber(),
    });
    if (previous !== undefined && node.number === previous.node.number) {
      const first = firstWithNumber(previous);
      const unit = unitName(level.kind, node.number);
      findings.push(
        finding(localized(`${unit['zh-CN']}重复`, `${unit.en} is numbered twice`), [
          { message: localized(`${unit['zh-CN']}首次出现处`, `first ${unit.en}`), range: first.node.marker.range },
        ]),
      );
    } else if (previous === undefined && documentPrevious !== undefined && node.number === documentPrevious.node.number + 1) {
      // Continues the previous part's numbers where this document starts afresh: nothing is missing.
      const convention = scopeLabel(level.scope);
      findings.push(finding(localized(`编号接续上文，但本文件此层次${convention['zh-CN']}`, `the number continues from before, but this document's ${plural} are ${convention.en}`)));
    } else if (node.number > expected) {
      const missing = missingRange(level.kind, expected, node.number - 1);
      findings.push(finding(localized(`缺少${missing['zh-CN']}`, `${missing.en} ${expected === node.number - 1 ? 'is' : 'are'} missing`)));
    } else if (node.number === 1 && previous !== undefined) {
      const convention = scopeLabel(level.scope);
      findings.push(finding(localized(`编号重新从1开始，但本文件此层次${convention['zh-CN']}`, `numbering restarts, but this document's ${plural} are ${convention.en}`)));
    } else {
      findings.push(finding(localized('编号倒退，顺序错乱', 'the number goes back: out of order')));
    }
  }
  return findings;
}

/**
 * The edits that renumber one level. Citations of the moved nodes follow them (第5条 → 第4条), so the
 * fix breaks no reference. Where a citation must name its part or section to stay unambiguous
 * (第二部分第1条) while the levels above are out of sequence too, those are renumbered as well: a
 * part named by its number now could be renumbered by its own fix in the same pass, or share that
 * number with another part.
 */
function renumberEdits(level: LevelAnalysis, context: RuleContext): TextEdit[] {
  const references = selfReferences(context);
  const named = new Set<PlanNode>();
  const edits = [...renumberLevelEdits(level, { normalizeForms: false }), ...citationEdits(context.plan, references, levelMoves(level), named)];
  const analysis = context.numbering();
  const above = KINDS.slice(0, KINDS.indexOf(level.kind)).map((kind) => analysis[kind]);
  if (named.size === 0 || !above.some((outer) => levelMoves(outer).length > 0)) return edits;
  const levels = [...above, level];
  return [
    ...levels.flatMap((l) => renumberLevelEdits(l, { normalizeForms: false })),
    ...citationEdits(context.plan, references, levels.flatMap(levelMoves)),
  ];
}

/** The earliest entry in an unbroken run of equal numbers ending at `entry`. */
function firstWithNumber(entry: SequenceEntry): SequenceEntry {
  let first = entry;
  while (first.previous !== undefined && first.previous.node.number === first.node.number) first = first.previous;
  return first;
}
