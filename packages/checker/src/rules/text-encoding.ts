import { findDamage, pinyinAnnotationSpans, splitLines, toChineseNumeral, walkNodes, type Range } from '@policylint/core';
import { localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';

export const textEncoding: Rule = {
  id: 'text-encoding',
  defaultSeverity: 'warning',
  description: localized('文字损坏：替换字符、乱码、行内拼音注音', 'damaged text: replacement characters, mojibake, inline pinyin annotations'),
  fixable: true,
  check({ plan, text }) {
    const findings: RuleFinding[] = [];
    const damagedHeadingLines = new Set<number>();
    for (const { node } of walkNodes(plan)) {
      if (!node.damaged) continue;
      damagedHeadingLines.add(node.range.start.line);
      findings.push({
        message: localized(
          `标题文字已损坏（疑似编码转换错误），按所处位置视为第（${toChineseNumeral(node.number) ?? node.number}）项，请对照原文修复`,
          `heading text is damaged (likely a wrong encoding conversion); its place makes it section ${node.number}: restore it from the original`,
        ),
        range: node.titleRange,
      });
    }
    for (const line of splitLines(text)) {
      const content = text.slice(line.start, line.end);
      const range = (start: number, end: number): Range => ({
        start: { line: line.index, character: start },
        end: { line: line.index, character: end },
      });
      if (!damagedHeadingLines.has(line.index)) {
        for (const spot of findDamage(content)) {
          const snippet = content.slice(spot.start, spot.end);
          const lost = snippet.includes('\ufffd');
          findings.push({
            message: lost
              ? localized(`替换字符“\ufffd”：原字符已丢失，请对照原文修复`, `replacement character U+FFFD: the original character is lost; restore it from the original`)
              : localized(`乱码“${snippet}”（疑似编码转换错误），请对照原文修复`, `garbled text "${snippet}" (likely a wrong encoding conversion); restore it from the original`),
            range: range(spot.start, spot.end),
          });
        }
      }
      // Offsets, not objects, until the fix is read: a large plan has tens of thousands of
      // annotations, alive until the report is written, and the collector copies each survivor.
      const spans = pinyinAnnotationSpans(content);
      if (spans.length === 0) continue;
      const first = { start: spans[0]!, end: spans[1]! };
      const count = spans.length / 2;
      // One finding per line: 1,139 separate warnings on the seed would bury everything else.
      const example = content.slice(Math.max(0, first.start - 1), first.end);
      findings.push({
        message: localized(
          `本行有${count}处行内拼音注音（如“${example}”），正式文本应删除`,
          `${count} inline pinyin annotation${count > 1 ? 's' : ''} on this line (e.g. ${example}): remove them from the official text`,
        ),
        range: range(first.start, first.end),
        fix: {
          description: localized('删除本行的拼音注音', 'remove the pinyin annotations on this line'),
          // Made when first read, then kept as data: a check that does not fix only counts fixes, and
          // a large plan's annotations are tens of thousands of edits (~200,000 objects in 1 MB).
          get edits() {
            const edits = Array.from({ length: count }, (_, i) => ({ range: range(spans[2 * i]!, spans[2 * i + 1]!), newText: '' }));
            Object.defineProperty(this, 'edits', { value: edits, enumerable: true, writable: true });
            return edits;
          },
        },
      });
    }
    return findings;
  },
};
