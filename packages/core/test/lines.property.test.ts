import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../src/lines.js';

/** The definition: a walk over every character, breaking at LF, CRLF and lone CR. */
function linesByWalking(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    lines.push({ index: lines.length, start, end: i, next });
    start = next;
    i = next - 1;
  }
  lines.push({ index: lines.length, start, end: text.length, next: text.length });
  return lines;
}

describe('splitLines', () => {
  it('breaks where a walk over every character breaks, for any mix of LF, CRLF and lone CR', () => {
    const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', '甲', 'a', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(splitLines(t)).toEqual(linesByWalking(t));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an empty last line after a final break, and gives one line for a text without breaks', () => {
    expect(splitLines('a\r\n')).toEqual([
      { index: 0, start: 0, end: 1, next: 3 },
      { index: 1, start: 3, end: 3, next: 3 },
    ]);
    expect(splitLines('甲乙')).toEqual([{ index: 0, start: 0, end: 2, next: 2 }]);
  });
});
