import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Converter, ConverterFactory, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { chainConverter, createTraditionalToSimplified } from '../src/simplify.js';

// opencc-js's own converter is the oracle: ours must give its output exactly, only sooner.
const opencc = Converter({ from: 't', to: 'cn' });
const ours = createTraditionalToSimplified();

const root = join(import.meta.dirname, '../../..');
const texts = [
  ...readdirSync(join(root, 'seeds')).map((name) => join(root, 'seeds', name)),
  ...readdirSync(join(root, 'test/fixtures/real-policies')).map((name) => join(root, 'test/fixtures/real-policies', name)),
].map((file) => readFileSync(file, 'utf8'));

// Every key of every dictionary of the t2s chain, so generated text is dense in matches and overlaps.
const config = (Locale.configs as Record<string, { normalizationChain?: string[][]; conversionChain: string[][] }>).t2s!;
const keys = [...(config.normalizationChain ?? []), ...config.conversionChain].flat().flatMap((dictionary) => dictionary.split('|').map((entry) => entry.split(' ')[0]!));

describe('traditional to simplified', () => {
  it('is not opencc-js by another name: it builds its own dictionaries', () => {
    expect(ours).not.toBe(opencc);
    expect(ours.toString()).not.toBe(opencc.toString());
  });

  it('gives what opencc-js gives on the seeds and the real policies', () => {
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(ours(text)).toBe(opencc(text));
  });

  it('gives what opencc-js gives on every dictionary key, alone and run together', () => {
    expect(keys.length).toBeGreaterThan(4000);
    for (const key of keys) expect(ours(key)).toBe(opencc(key));
    expect(ours(keys.join(''))).toBe(opencc(keys.join('')));
  });

  it('gives what opencc-js gives on text made of keys, their pieces, surrogate pairs and lone surrogates', () => {
    const piece = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(...keys).map((key) => key.slice(0, -1)),
      fc.constantFrom(...keys).map((key) => key.slice(1)),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.constantFrom('\ud840', '\udc00', '𠀀', '\n', '(qū)'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      expect(ours(text)).toBe(opencc(text));
    }), { numRuns: 2000 });
  });

  it('converts through any dictionaries as opencc-js does: longest key, first dictionary wins, whole code points', () => {
    // A small alphabet with surrogate halves, so keys overlap, repeat across dictionaries and split pairs.
    const unit = fc.constantFrom('a', 'b', 'c', '\ud840', '\udc00');
    const word = fc.array(unit, { minLength: 1, maxLength: 4 }).map((units) => units.join(''));
    const dictionary = fc.uniqueArray(fc.tuple(word, word), { minLength: 1, maxLength: 8, selector: ([key]) => key }).map((entries) => entries.map(([key, value]) => `${key} ${value}`).join('|'));
    const groups = fc.array(fc.array(dictionary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 });
    fc.assert(fc.property(groups, fc.array(unit, { maxLength: 20 }), (chain, units) => {
      const text = units.join('');
      expect(chainConverter(chain)!(text)).toBe(ConverterFactory(...chain)(text));
    }), { numRuns: 3000 });
  });

  it('declines dictionaries with keys too long for it', () => {
    expect(chainConverter([['一'.repeat(31) + ' 二']])).toBeUndefined();
    expect(chainConverter([['一'.repeat(30) + ' 二']])!('一'.repeat(30))).toBe('二');
  });
});
