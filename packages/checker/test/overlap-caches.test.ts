import { parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { checkText, DEFAULT_OVERLAP_PARAMS, DocumentFrequency, measureUnits, type MeasureUnit } from '../src/index.js';
import { contentKey } from '../src/overlap/shingle.js';
import { overlapInternal } from '../src/rules/overlap-internal.js';
import { seedCorpus } from './corpus-helpers.js';

describe('content keys of shingle sets', () => {
  it('are equal for equal sets, also when one is a view into a larger array', () => {
    const larger = Uint32Array.of(7, 1, 0x10002, 3, 9);
    expect(contentKey(larger.subarray(1, 4))).toBe(contentKey(Uint32Array.of(1, 0x10002, 3)));
  });

  it('differ for different sets, even where the halves of the values could be regrouped', () => {
    const keys = [[], [0], [1, 2], [1, 3], [0x10001], [1, 1], [0x20001, 0], [0xffffffff]].map((set) => contentKey(Uint32Array.from(set)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('take sets longer than one slice of code units', () => {
    const long = Uint32Array.from({ length: 20_000 }, (_, i) => i * 2654435761);
    const changed = long.slice();
    changed[19_999]! ^= 1;
    expect(contentKey(long)).toHaveLength(40_000);
    expect(contentKey(changed)).not.toBe(contentKey(long));
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
    const cut: MeasureUnit = {
      ...unit,
      sentences: [{ ...first!, shingles: first!.shingles.subarray(0, half) }, { ...first!, shingles: first!.shingles.subarray(half) }, ...rest],
    };
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
