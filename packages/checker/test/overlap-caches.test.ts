import { parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { checkText, DEFAULT_OVERLAP_PARAMS, DocumentFrequency, measureUnits, type MeasureUnit } from '../src/index.js';
import { setId } from '../src/overlap/shingle.js';
import { measureContent } from '../src/overlap/units.js';
import { overlapInternal } from '../src/rules/overlap-internal.js';
import { seedCorpus } from './corpus-helpers.js';

describe('the content of a measure, for remembering results', () => {
  const units = measureUnits(
    parsePlan(['一、甲', '1.融资支持。推进无还本续贷。', '（1）子项。完善机制。', '2.融资支持。推进无还本续贷。', '（1）子项。完善机制。', '3.融资支持。推进无还本续贷，扩面。', '（1）子项。完善机制。'].join('\n')),
    DEFAULT_OVERLAP_PARAMS,
  );

  it('is the same for copies of a measure (several titles included) and differs where a sentence differs', () => {
    expect(units[1]!.titleShingles).toBe(units[0]!.titleShingles);
    expect(measureContent(units[1]!)).toBe(measureContent(units[0]!));
    expect(measureContent(units[2]!)).not.toBe(measureContent(units[0]!));
  });

  it('tells sets apart by identity: an equal set made apart, or a view of one, is another set', () => {
    const set = Uint32Array.of(1, 2, 3);
    expect(setId(set)).toBe(setId(set));
    expect(setId(Uint32Array.of(1, 2, 3))).not.toBe(setId(set));
    expect(setId(set.subarray(0, 3))).not.toBe(setId(set));
  });
});

describe('document frequency weights', () => {
  const shingle = 12345;

  it('follow the counts after each change: added, cleared', () => {
    const df = new DocumentFrequency();
    const unseen = df.weight(shingle);
    df.addSentences(Uint32Array.of(1), 10);
    const rare = df.weight(shingle);
    expect(rare).toBeGreaterThan(unseen);
    df.addSentences(Uint32Array.of(shingle), 1);
    expect(df.weight(shingle)).toBeLessThan(rare);
    df.clear();
    expect(df.weight(shingle)).toBe(unseen);
  });

  it('read the same whether computed now or remembered', () => {
    const df = new DocumentFrequency();
    df.addSentences(Uint32Array.of(shingle, 2, 3), 7);
    expect(df.weight(shingle)).toBe(df.weight(shingle));
  });
});

describe('remembered overlap results', () => {
  const corpus = seedCorpus();
  const unit = measureUnits(parsePlan('一、甲\n1.强化融资。推进无还本续贷增量扩面，完善小微企业长效机制。支持企业技术改造。'), DEFAULT_OVERLAP_PARAMS)[0]!;

  it('are not reused for the same shingles, in the same order, cut into other sentences', () => {
    const [first, ...rest] = unit.sentences;
    const half = first!.shingles.length >> 1;
    const sentences = [{ ...first!, shingles: first!.shingles.subarray(0, half) }, { ...first!, shingles: first!.shingles.subarray(half) }, ...rest];
    const cut: MeasureUnit = { ...unit, sentences, content: measureContent({ titleShingles: unit.titleShingles, sentences }) };
    const index = corpus.overlap();
    const whole = index.query(unit, { limit: 3 });
    const afresh = index.query(cut, { limit: 3, remember: false });
    expect(afresh).not.toEqual(whole);
    expect(index.query(cut, { limit: 3 })).toEqual(afresh);
  });
});

describe('overlap-internal over many repeats', () => {
  const measure = '融资支持。推进无还本续贷增量扩面，完善小微企业长效机制。';
  const text = `一、甲\n1.${measure}\n2.${measure}\n3.${measure}\n4.发展银发经济。每个街道至少建设1所综合养老服务中心。`;

  it('reports each later copy against an earlier one, never against itself or a later copy', () => {
    const findings = checkText(text, { rules: [overlapInternal] }).findings;
    expect(findings.map((f) => [f.range.start.line, f.related?.[0]?.range.start.line])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });
});
