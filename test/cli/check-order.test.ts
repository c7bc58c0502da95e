import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const SEED = 'seeds/xiamen-2023-business-environment-action-plan.txt';

/**
 * Drafts that between them give every kind of finding: numbering and marker defects, citations of
 * the seed (resolved and missing), repeats of seed measures, pinyin and damage.
 */
const DRAFTS = {
  'drafts/b-numbering.txt': { fixture: 'packages/checker/test/fixtures/numbering-defects.txt' },
  'drafts/a-overlap.txt': { fixture: 'packages/checker/test/fixtures/overlap-draft.txt' },
  'drafts/d-xref.txt': { fixture: 'packages/checker/test/fixtures/xref-draft.txt' },
  'drafts/c-example.txt': { copy: 'examples/private-investment-measures-draft.txt' },
  'drafts/e-port.md': { copy: 'examples/port-logistics-action-plan.md' },
} as const;

describe('policylint check gives one report whatever order the files come in', () => {
  it('named in different orders, as a folder or a glob, in one thread or in workers, cold or warm cache: identical JSON', { timeout: 120_000 }, () => {
    const dir = tempDir({ ...DRAFTS, 'seeds/plan.txt': { copy: SEED } }, ROOT);
    const names = Object.keys(DRAFTS);
    const run = (paths: readonly string[], concurrency: string): { status: number | null; stdout: string; stderr: string } =>
      runCli(['check', ...paths, '--format', 'json', '--concurrency', concurrency], dir);

    const first = run(names, 'off');
    expect(first.status).toBe(1);
    const report = JSON.parse(first.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(report.map((f) => f.filePath.slice(dir.length + 1))).toEqual([...names].sort());
    const rules = new Set(report.flatMap((f) => f.messages.map((m) => m.ruleId)));
    for (const rule of ['numbering-sequence', 'numbering-marker', 'overlap-existing', 'xref-unresolved']) expect(rules).toContain(rule);
    // The first run indexed the corpus and cached the index: the runs below read it back.
    expect(readdirSync(join(dir, '.policylint/cache/overlap')).length).toBeGreaterThan(0);

    const runs = {
      reversed: run([...names].reverse(), '2'),
      shuffled: run([names[2]!, names[4]!, names[0]!, names[3]!, names[1]!], 'off'),
      folder: run(['drafts'], '2'),
      glob: run(['drafts/*.{txt,md}'], 'off'),
    };
    for (const [how, result] of Object.entries(runs)) expect({ how, ...result }).toEqual({ how, ...first });
  });
});
