import { describe, expect, it } from 'vitest';
import { checkText, localized, RULES, type Rule } from '../src/index.js';

// Rules that report at fixed places, so only the order of their findings is under test.
const at = (line: number, character: number) => ({ message: localized('甲', 'a'), range: { start: { line, character }, end: { line, character: character + 1 } } });
const reporting = (id: string, ...places: Array<[number, number]>): Rule => ({ ...RULES[0]!, id, check: () => places.map(([line, character]) => at(line, character)) });

describe('the order of findings', () => {
  const rules = [reporting('overlap-zeta', [1, 0], [0, 5]), reporting('numbering-beta', [1, 0], [0, 2]), reporting('numbering-alpha', [1, 0], [1, 0], [0, 5])];
  const order = (found: ReturnType<typeof checkText>['findings']) => found.map((f) => `${f.range.start.line}:${f.range.start.character}:${f.ruleId}`);

  it('is by line, then column, then rule id, whatever order the rules run in', () => {
    const expected = ['0:2:numbering-beta', '0:5:numbering-alpha', '0:5:overlap-zeta', '1:0:numbering-alpha', '1:0:numbering-alpha', '1:0:numbering-beta', '1:0:overlap-zeta'];
    expect(order(checkText('一、甲\n1.乙。', { rules }).findings)).toEqual(expected);
    expect(order(checkText('一、甲\n1.乙。', { rules: [...rules].reverse() }).findings)).toEqual(expected);
  });

  it('keeps one rule\'s findings at one place in the order the rule gave them', () => {
    const twice: Rule = { ...RULES[0]!, id: 'numbering-twice', check: () => [{ ...at(0, 0), message: localized('一', 'first') }, { ...at(0, 0), message: localized('二', 'second') }] };
    expect(checkText('一、甲', { rules: [twice] }).findings.map((f) => f.message.en)).toEqual(['first', 'second']);
  });
});
