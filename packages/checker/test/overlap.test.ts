import { parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import {
  checkText,
  Corpus,
  DEFAULT_OVERLAP_PARAMS,
  deserializeSegment,
  matchKey,
  measureUnits,
  OverlapIndex,
  buildSegment,
  serializeSegment,
} from '../src/index.js';
import { overlapExisting } from '../src/rules/overlap-existing.js';
import { overlapInternal } from '../src/rules/overlap-internal.js';
import { seedCorpus } from './corpus-helpers.js';
import { linesAndRules, loadFixture, readRepoFile, REAL_POLICIES, SEED } from './helpers.js';

const corpus = seedCorpus();
const overlapRules = [overlapExisting, overlapInternal];
const run = (text: string, withCorpus = true) =>
  checkText(text, { corpus: withCorpus ? corpus : undefined, rules: overlapRules }).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('a draft that repeats the seed in four ways', () => {
  const { text, expected } = loadFixture('overlap-draft.txt');
  const { findings } = checkText(text, { corpus, rules: overlapRules });

  it('gets exactly the expected findings: reworded 3 and 9, a copied sentence of 1, a reworded sentence of 14, one internal repeat', () => {
    expect(linesAndRules(findings)).toEqual(expected);
  });

  it('names the seed measure each one repeats', () => {
    const named = findings.filter((f) => f.ruleId === 'overlap-existing').map((f) => /第(\d+)条/.exec(f.message['zh-CN'])?.[1]);
    expect(named).toEqual(['3', '9', '1', '14']);
  });

  it('quotes the matching sentence pair, points at the corpus measure, and gives the similarity', () => {
    const copy = findings.find((f) => f.message['zh-CN'].includes('第1条'))!;
    expect(copy.message['zh-CN']).toContain('“深入实施住所、经营场所“标准化登记+申报承诺+告知承诺制”。”≈“深入實施住所、經營場所“標準化登記+申報承諾+告知承諾制”。”');
    expect(copy.message.en).toMatch(/similarity (0\.\d\d|1\.00)/);
    expect(copy.related?.[0]).toMatchObject({ document: SEED, range: { start: { line: 12 } } });
    expect(copy.range).toEqual({ start: { line: 7, character: 0 }, end: { line: 7, character: 11 } });
  });

  it('points an internal repeat at the earlier measure', () => {
    const internal = findings.find((f) => f.ruleId === 'overlap-internal')!;
    expect(internal.related?.[0]?.range.start.line).toBe(10);
  });
});

describe('no overlap where there is none', () => {
  it('a clean, unrelated draft gets no finding', () => {
    const draft = '关于发展银发经济的实施方案\n一、重点任务\n1.发展社区养老服务。每个街道至少建设1所综合养老服务中心。\n2.推进适老化改造。对困难老年人家庭实施居家适老化改造。\n3.培育老年用品产业。支持企业研发智能护理床、防走失手环等产品。';
    expect(run(draft)).toEqual([]);
  });

  it.each(REAL_POLICIES)('the published document %s repeats no seed measure', (path) => {
    expect(run(readRepoFile(path)).filter((f) => f.endsWith('overlap-existing'))).toEqual([]);
  });

  it('does not take the bracketed asides of 国发〔2018〕38号 （负责部门：…） for repeated tasks', () => {
    const internal = run(readRepoFile(REAL_POLICIES[0])).filter((f) => f.endsWith('overlap-internal'));
    // Only measure （三十一）, which says for Xi'an what （三十） says for Zhengzhou.
    expect(internal).toEqual(['38:overlap-internal']);
  });

  it('the seed is not its own repeat when it is checked as a corpus plan', () => {
    expect(checkText(readRepoFile(SEED), { corpus, documentId: SEED, rules: overlapRules }).findings).toEqual([]);
  });

  it('keeps look-alikes apart: 续保 is not the seed’s 续贷, 多报合一 is not its 多测合一', () => {
    const best = (text: string) => corpus.overlap().query(measureUnits(parsePlan(`一、甲\n1.${text}`), DEFAULT_OVERLAP_PARAMS)[0]!, { limit: 1 })[0];
    const renewal = best('提供续保便利。对担保到期的小微企业提供续保便利，简化续保手续。');
    const annualReports = best('推行企业年报多报合一。推动市场监管、税务、社保等部门年报信息共享，企业年报一次填报、多部门共享。');
    expect(renewal === undefined || renewal.similarity < DEFAULT_OVERLAP_PARAMS.threshold).toBe(true);
    expect(annualReports === undefined || annualReports.similarity < DEFAULT_OVERLAP_PARAMS.threshold).toBe(true);
    // …while the seed's own sentences still match themselves.
    expect(best('推进无还本续贷。推进无还本续贷增量扩面。')?.measure.number).toBe(3);
  });

  it('does not count a pair of very short sentences: two measures sharing 落实责任。 do not repeat each other', () => {
    expect(run('一、甲\n1.发放人工智能算力券。落实责任。\n2.发展银发经济产业。落实责任。')).toEqual([]);
  });

  it('does not take a shared short title for a repeat', () => {
    expect(run('一、甲\n1.优化政务服务水平。发放人工智能算力券，降低中小企业算力成本。')).toEqual([]);
    expect(run('一、甲\n1.优化养老服务。\n2.优化养老服务。', false)).toEqual([]);
  });

  it('checks nothing without a corpus but the draft’s own measures', () => {
    expect(run('一、甲\n1.融资支持。推进无还本续贷增量扩面。\n2.融资服务。推动无还本续贷增量扩面。', false)).toEqual(['3:overlap-internal']);
  });
});

describe('remembered results', () => {
  it('answer again by content, with the pair pointing at where the sentence is now', () => {
    const index = corpus.overlap();
    const unitAt = (prefix: string) => measureUnits(parsePlan(`${prefix}一、甲\n1.强化融资。推进无还本续贷增量扩面，完善小微企业长效机制。`), DEFAULT_OVERLAP_PARAMS)[0]!;
    const first = index.query(unitAt(''), { limit: 1 })[0]!;
    const moved = index.query(unitAt('前言。\n\n'), { limit: 1 })[0]!;
    expect(moved.similarity).toBe(first.similarity);
    expect(moved.pair!.draft.range.start.line).toBe(first.pair!.draft.range.start.line + 2);
    expect(index.query(unitAt('前言。\n\n'), { limit: 1, remember: false })[0]).toEqual(moved);
  });
});

describe('match keys', () => {
  it('fold the synonyms of policy prose and drop fillers', () => {
    expect(matchKey('进一步健全长效机制')).toBe(matchKey('完善长效机制'));
    expect(matchKey('推动减费让利')).toBe(matchKey('推进减费让利'));
    expect(matchKey('強化(qiáng)監管')).toBe(matchKey('加强监管'));
  });

  it('keep look-alike terms apart', () => {
    expect(matchKey('续保')).not.toBe(matchKey('续贷'));
    expect(matchKey('多报合一')).not.toBe(matchKey('多测合一'));
  });
});

describe('the stored index', () => {
  it('loads back to the same segment and the same matches', () => {
    const plan = parsePlan(readRepoFile(SEED));
    const segment = buildSegment(SEED, measureUnits(plan, DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
    const loaded = deserializeSegment(serializeSegment(segment), SEED)!;
    expect(loaded).toEqual(segment);
    const fresh = new Corpus([{ id: SEED, text: readRepoFile(SEED) }], new Map([[SEED, loaded]]));
    const draft = loadFixture('overlap-draft.txt').text;
    expect(checkText(draft, { corpus: fresh }).findings).toEqual(checkText(draft, { corpus }).findings);
  });

  it('with a reader of the stored bytes, keeps shingles and metadata on disk and matches the same', () => {
    const plan = parsePlan(readRepoFile(SEED));
    const bytes = serializeSegment(buildSegment(SEED, measureUnits(plan, DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS));
    const reads: number[] = [];
    const stored = deserializeSegment(bytes, SEED, DEFAULT_OVERLAP_PARAMS, {
      reread: (offset, length) => {
        reads.push(length);
        return bytes.subarray(offset, offset + length);
      },
    })!;
    expect(stored.sentenceShingles.length).toBe(0);
    const onDisk = new Corpus([{ id: SEED, text: readRepoFile(SEED) }], new Map([[SEED, stored]]));
    const draft = loadFixture('overlap-draft.txt').text;
    expect(checkText(draft, { corpus: onDisk }).findings).toEqual(checkText(draft, { corpus }).findings);
    expect(reads.length).toBeGreaterThan(0);
    expect(Math.max(...reads)).toBeLessThan(bytes.length); // parts are read, not the file again and again

    // A matched measure's metadata is read alone: no read is the whole plan's metadata.
    reads.length = 0;
    const metadataBytes = new TextEncoder().encode(stored.measures.map((m) => JSON.stringify(m)).join('')).length;
    const [match] = onDisk.overlap().query(measureUnits(parsePlan(draft), DEFAULT_OVERLAP_PARAMS)[0]!, { limit: 1, remember: false });
    expect(match?.measure.title).toBeTruthy();
    expect(reads.length).toBeGreaterThan(0);
    expect(Math.max(...reads)).toBeLessThan(metadataBytes / 10);

    // The stored file gone since: nothing to score or name from it, and no failure.
    const gone = deserializeSegment(bytes, SEED, DEFAULT_OVERLAP_PARAMS, { reread: () => undefined })!;
    const orphan = new Corpus([{ id: SEED, text: readRepoFile(SEED) }], new Map([[SEED, gone]]));
    expect(checkText(draft, { corpus: orphan }).findings.filter((f) => f.ruleId === 'overlap-existing')).toEqual([]);
  });

  it('refuses damaged bytes and bytes made with other parameters', () => {
    const segment = buildSegment('x', measureUnits(parsePlan('一、甲\n1.推进改革。'), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
    const bytes = serializeSegment(segment);
    expect(deserializeSegment(bytes.subarray(0, bytes.length - 4), 'x')).toBeUndefined();
    expect(deserializeSegment(new Uint8Array([1, 2, 3]), 'x')).toBeUndefined();
    expect(deserializeSegment(bytes, 'x', { ...DEFAULT_OVERLAP_PARAMS, n: 3 })).toBeUndefined();
  });

  it('replaces one plan’s segment without touching the others', () => {
    const index = new OverlapIndex();
    const unitsOf = (text: string) => measureUnits(parsePlan(text), DEFAULT_OVERLAP_PARAMS);
    index.add(buildSegment('a', unitsOf('一、甲\n1.推进无还本续贷。'), DEFAULT_OVERLAP_PARAMS));
    index.add(buildSegment('b', unitsOf('一、乙\n1.扩大电子保函应用范围。'), DEFAULT_OVERLAP_PARAMS));
    const units = index.df.units;
    index.add(buildSegment('a', unitsOf('一、甲\n1.发放算力券。'), DEFAULT_OVERLAP_PARAMS));
    expect(index.planIds.sort()).toEqual(['a', 'b']);
    expect(index.df.units).toBe(units);
    expect(index.query(unitsOf('一、丙\n1.推进无还本续贷。')[0]!)).toEqual([]);
  });

  it('after plans are added, replaced and removed, answers as an index built afresh with the same plans', () => {
    const segmentOf = (id: string, text: string) => buildSegment(id, measureUnits(parsePlan(text), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
    const [first, second] = REAL_POLICIES.map((path) => readRepoFile(path));
    const seed = readRepoFile(SEED);
    const drafts = measureUnits(parsePlan(loadFixture('overlap-draft.txt').text), DEFAULT_OVERLAP_PARAMS);
    const answers = (index: OverlapIndex) =>
      drafts.map((d) => index.query(d, { remember: false }).map((m) => `${m.planId}#${m.measure.number} ${m.similarity.toFixed(4)}`));

    const changed = new OverlapIndex();
    changed.add(segmentOf('seed', first!)); // replaced below by the real seed
    changed.add(segmentOf('first', first!));
    changed.add(segmentOf('second', second!));
    answers(changed); // builds the band table, which takes the segments' keys over
    changed.remove('first');
    changed.add(segmentOf('seed', seed));
    const afresh = new OverlapIndex();
    afresh.add(segmentOf('second', second!));
    afresh.add(segmentOf('seed', seed));
    expect(answers(changed).flat().some((a) => a.startsWith('seed#'))).toBe(true);
    expect(answers(changed)).toEqual(answers(afresh));
  });

  it('a corpus that reads texts back finds and quotes as one that holds them, reading each text once while it is recent', () => {
    const reads: string[] = [];
    const lazy = new Corpus([{ id: SEED, text: readRepoFile(SEED) }], new Map(), (id) => {
      reads.push(id);
      return readRepoFile(id);
    });
    const draft = loadFixture('overlap-draft.txt').text;
    expect(reads).toEqual([]); // titles come from the text handed in; nothing is read back yet
    const findings = checkText(draft, { corpus: lazy }).findings;
    expect(findings.filter((f) => f.ruleId === 'overlap-existing').length).toBeGreaterThan(0);
    expect(findings).toEqual(checkText(draft, { corpus }).findings);
    expect(reads).toEqual([SEED]);
    expect(lazy.get(SEED)!.text).toBe(readRepoFile(SEED));
    expect(reads).toEqual([SEED]);
  });

  it('serves two indexes that share a segment: the second computes the keys the first took', () => {
    const segment = buildSegment('seed', measureUnits(parsePlan(readRepoFile(SEED)), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
    const draft = measureUnits(parsePlan(loadFixture('overlap-draft.txt').text), DEFAULT_OVERLAP_PARAMS)[0]!;
    const one = new OverlapIndex();
    const two = new OverlapIndex();
    one.add(segment);
    two.add(segment);
    const found = one.query(draft, { remember: false });
    expect(found.length).toBeGreaterThan(0);
    expect(segment.keys.length).toBe(0); // held by the first index's table now, not twice
    expect(two.query(draft, { remember: false })).toEqual(found);
  });
});
