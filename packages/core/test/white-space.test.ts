import { describe, expect, it } from 'vitest';
import { isWhiteSpaceCode } from '../src/white-space.js';

describe('isWhiteSpaceCode', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });
});
