import { parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { analyzeNumbering } from '../src/index.js';
import { readRepoFile, REAL_POLICIES, SEED } from './helpers.js';

const scopes = (path: string): Record<string, string> => {
  const analysis = analyzeNumbering(parsePlan(readRepoFile(path)));
  return { part: analysis.part.scope, section: analysis.section.scope, measure: analysis.measure.scope };
};

describe('numbering conventions are read from the document', () => {
  it('the seed counts measures through and restarts sections in each part', () => {
    expect(scopes(SEED)).toEqual({ part: 'document', section: 'part', measure: 'document' });
  });

  it('国发〔2018〕38号 counts its （一） measures through the document', () => {
    expect(scopes(REAL_POLICIES[0]).measure).toBe('document');
  });

  it('国办发〔2019〕6号 counts its （一） measures through the document', () => {
    expect(scopes(REAL_POLICIES[1]).measure).toBe('document');
  });

  it('国发〔2019〕5号 restarts its （一） measures in each part', () => {
    expect(scopes(REAL_POLICIES[2]).measure).toBe('part');
  });

  it('follows the majority when the document is not consistent', () => {
    // Two parts restart, one continues: restarting wins, and the odd one out is what gets reported.
    const plan = parsePlan('一、甲\n1.子。\n2.丑。\n二、乙\n1.寅。\n2.卯。\n三、丙\n1.辰。\n四、丁\n2.巳。');
    expect(analyzeNumbering(plan).measure.scope).toBe('part');
  });

  it('lets configuration pin the measure convention', () => {
    const plan = parsePlan(readRepoFile(SEED));
    expect(analyzeNumbering(plan, 'section').measure).toMatchObject({ scope: 'section', detected: false });
  });

  it('uses the defaults when the document gives no evidence', () => {
    const analysis = analyzeNumbering(parsePlan('一、甲\n（一）子\n1.子。\n（1）细。'));
    expect([analysis.section.scope, analysis.measure.scope, analysis.item.scope]).toEqual(['part', 'document', 'measure']);
  });
});
