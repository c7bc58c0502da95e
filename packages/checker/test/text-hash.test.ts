import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textHash } from '../src/text-hash.js';

describe('textHash', () => {
  it('is 16 hex digits, the same for the same text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(textHash(text)).toMatch(/^[0-9a-f]{16}$/);
      expect(textHash(text)).toBe(textHash(`${text}`));
    }));
  });

  it('tells apart texts one code unit apart, anywhere, in both halves', () => {
    const seen = new Set<string>();
    const halves = [new Set<string>(), new Set<string>()];
    const base = '一、总体要求\n1.加强融资支持服务。'.repeat(20);
    const variants = [base, base.slice(1), `${base} `, base.replace('融', '融\u0000')];
    for (let i = 0; i < base.length; i++) variants.push(base.slice(0, i) + String.fromCharCode(base.charCodeAt(i) ^ 1) + base.slice(i + 1));
    for (const text of variants) {
      const hash = textHash(text);
      seen.add(hash);
      halves[0]!.add(hash.slice(0, 8));
      halves[1]!.add(hash.slice(8));
    }
    expect(seen.size).toBe(variants.length);
    expect(halves[0]!.size).toBe(variants.length);
    expect(halves[1]!.size).toBe(variants.length);
  });
});
