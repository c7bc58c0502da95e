import type { Range } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { messagesOnce, similarityAndPair } from '../src/rules/overlap-messages.js';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A match whose closest pair is `draft` (in the draft) and `corpus` (the text at the corpus range). */
function pairOf(draft: string, corpus: string, similarity = 1): Parameters<typeof similarityAndPair> {
  const match = { similarity, pair: { draft: { text: draft, range: NOWHERE, shingles: new Uint32Array(0) }, corpus: NOWHERE, similarity } };
  return [match, () => corpus];
}

describe('similarityAndPair', () => {
  it('quotes both sentences of a pair that differ', () => {
    const detail = similarityAndPair(...pairOf('推动无还本续贷增量扩面。', '推進無還本續貸增量擴面。', 0.9));
    expect(detail['zh-CN']).toBe('（相似度 0.90）：其中“推动无还本续贷增量扩面。”≈“推進無還本續貸增量擴面。”');
    expect(detail.en).toBe(' (similarity 0.90); closest pair: “推动无还本续贷增量扩面。”≈“推進無還本續貸增量擴面。”');
  });

  it('quotes a sentence copied word for word once', () => {
    const detail = similarityAndPair(...pairOf('推动无还本续贷增量扩面。', '推动无还本续贷增量扩面。'));
    expect(detail['zh-CN']).toBe('（相似度 1.00）：其中“推动无还本续贷增量扩面。”一句完全相同');
    expect(detail.en).toBe(' (similarity 1.00); identical sentence: “推动无还本续贷增量扩面。”');
  });

  it('takes sentences that differ only in pinyin annotations or surrounding space as the same, as they are shown the same', () => {
    const detail = similarityAndPair(...pairOf('推動無還本續貸增量擴(kuò)面。', ' 推動無還本續貸增量擴面。'));
    expect(detail['zh-CN']).toBe('（相似度 1.00）：其中“推動無還本續貸增量擴面。”一句完全相同');
  });

  it('quotes both when only the part cut off by the ellipsis differs', () => {
    const head = '推动无还本续贷增量扩面，健全小微企业敢贷愿贷能贷会贷长效机制，加大首贷信用贷支持力度';
    const detail = similarityAndPair(...pairOf(`${head}，扩大覆盖面。`, `${head}，提高审批效率。`, 0.8));
    const quoted = `“${head.slice(0, 40)}…”`;
    expect(detail['zh-CN']).toBe(`（相似度 0.80）：其中${quoted}≈${quoted}`);
  });

  it('gives the similarity alone when there is no pair', () => {
    expect(similarityAndPair({ similarity: 0.5, pair: undefined }, () => undefined)).toEqual({ 'zh-CN': '（相似度 0.50）', en: ' (similarity 0.50)' });
  });
});

describe('messagesOnce', () => {
  const make = (text: string) => () => ({ 'zh-CN': text, en: text });

  it('gives the message made first to a finding with the same place, draft sentence and similarity', () => {
    const messageOf = messagesOnce();
    const place = {};
    const first = messageOf(place, '推进改革。', 0.9, make('first'));
    expect(messageOf(place, ` 推进改革。`.slice(1), 0.9, make('second'))).toBe(first);
  });

  it('makes a message of its own for another place, another draft sentence or another similarity', () => {
    const messageOf = messagesOnce();
    const place = {};
    messageOf(place, '推进改革。', 0.9, make('first'));
    expect(messageOf({}, '推进改革。', 0.9, make('other place'))['zh-CN']).toBe('other place');
    expect(messageOf(place, '深化改革。', 0.9, make('other sentence'))['zh-CN']).toBe('other sentence');
    expect(messageOf(place, '推进改革。', 0.8, make('other similarity'))['zh-CN']).toBe('other similarity');
  });
});
