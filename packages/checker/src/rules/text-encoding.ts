import { allNodes, findDamage, pinyinAnnotationSpans, splitLines, toChineseNumeral, type Range } from '@policylint/core';
import { localized, type Fix, type Localized, type RuleFinding, type TextEdit } from '../finding.js';
import type { Rule } from '../rule.js';

export const textEncoding: Rule = {
  id: 'text-encoding',
  defaultSeverity: 'warning',
  description: localized('文字损坏：替换字符、乱码、行内拼音注音', 'damaged text: replacement characters, mojibake, inline pinyin annotations'),
  fixable: true,
  check({ plan, text }) {
    const findings: RuleFinding[] = [];
    const damagedHeadingLines = new Set<number>();
    const pinyinMessages = new Map<string, Localized>();
    for (const node of allNodes(plan)) {
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
      const spans = pinyinAnnotationSpans(content);
      if (spans.length === 0) continue;
      const count = spans.length / 2;
      // One finding per line: 1,139 separate warnings on the seed would bury everything else.
      const example = content.slice(Math.max(0, spans[0]! - 1), spans[1]!);
      // Shared by the lines that say the same (findings are held until the report is written).
      const key = `${count} ${example}`;
      let message = pinyinMessages.get(key);
      if (message === undefined) {
        message = localized(
          `本行有${count}处行内拼音注音（如“${example}”），正式文本应删除`,
          `${count} inline pinyin annotation${count > 1 ? 's' : ''} on this line (e.g. ${example}): remove them from the official text`,
        );
        pinyinMessages.set(key, message);
      }
      findings.push({
        message,
        range: range(spans[0]!, spans[1]!),
        fix: removePinyinFix(content, line.index),
      });
    }
    return findings;
  },
};

const REMOVE_PINYIN = localized('删除本行的拼音注音', 'remove the pinyin annotations on this line');

/**
 * The fix that deletes a line's pinyin annotations. Its edits are made when first read, then kept as
 * data: a check that does not fix only counts fixes, and a large plan's annotations are tens of
 * thousands of edits (~200,000 objects in 1 MB), alive until the report is written, which the
 * collector copies. Until then the fix holds only the line (a slice of the text) and scans it again.
 */
function removePinyinFix(content: string, lineIndex: number): Fix {
  return {
    description: REMOVE_PINYIN,
    get edits() {
      const spans = pinyinAnnotationSpans(content);
      const edits: TextEdit[] = [];
      for (let i = 0; i < spans.length; i += 2) {
        edits.push({ range: { start: { line: lineIndex, character: spans[i]! }, end: { line: lineIndex, character: spans[i + 1]! } }, newText: '' });
      }
      Object.defineProperty(this, 'edits', { value: edits, enumerable: true, writable: true });
      return edits;
    },
  };
}
