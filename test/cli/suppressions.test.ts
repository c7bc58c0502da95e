import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const SEED = { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' };

// Each line that a comment does not cover says what it gives; the others give nothing.
const DRAFT = [
  '# 关于某项工作的实施方案', // 1
  '', // 2
  '## 一、总体要求', // 3
  '', // 4
  '1.推进改革创新。落实工作责任。', // 5
  '<!-- policylint-disable-next-line numbering-marker -- 保留原稿写法 -->', // 6
  '2、加强行业监管。推动数据共享。', // 7: hidden
  '3、完善制度体系。健全长效机制。', // 8: numbering-marker
  '<!-- policylint-disable numbering-sequence -->', // 9
  '5.强化要素保障。压实属地责任。', // 10: hidden
  '<!-- policylint-enable numbering-sequence -->', // 11
  '7.加强宣传引导。营造良好氛围。', // 12: numbering-sequence
  '<!-- policylint-disable -->', // 13
  '9、优化考核评价。定期通报进展。', // 14: hidden (both rules)
  '<!-- policylint-enable -->', // 15
  '<!-- policylint-disable-next-line numbering-markr -->', // 16: inline-directive (unknown rule)
  '11.做好经费保障。', // 17: numbering-sequence
  '',
].join('\n');

interface EslintFile {
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

function messages(stdout: string): string[] {
  return (JSON.parse(stdout) as EslintFile[]).flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
}

describe('policylint check and disable comments', () => {
  it('reports exactly the findings no comment covers, in Markdown and in plain text', () => {
    const dir = tempDir({ 'draft.md': DRAFT, 'draft.txt': DRAFT }, ROOT);
    const expected = ['8:1 numbering-marker', '12:1 numbering-sequence', '16:35 inline-directive', '17:1 numbering-sequence'];
    for (const file of ['draft.md', 'draft.txt']) {
      const { status, stdout } = runCli(['check', file, '--format', 'json'], dir);
      expect(status, file).toBe(1);
      expect(messages(stdout), file).toEqual(expected);
    }
    const [, , unknown] = (JSON.parse(runCli(['check', 'draft.md', '--format', 'json', '--locale', 'en'], dir).stdout) as EslintFile[])[0]!.messages;
    expect(unknown!.message).toMatch(/^unknown rule "numbering-markr"; known rules: numbering-sequence, /);
  });

  it('gives every finding back when the comments are removed', () => {
    const dir = tempDir({ 'draft.md': DRAFT.replace(/^<!--.*-->\n/gm, '') }, ROOT);
    expect(messages(runCli(['check', 'draft.md', '--format', 'json'], dir).stdout)).toEqual([
      '6:1 numbering-marker',
      '7:1 numbering-marker',
      '8:1 numbering-sequence',
      '9:1 numbering-sequence',
      '10:1 numbering-marker',
      '10:1 numbering-sequence',
      '11:1 numbering-sequence',
    ]);
  });

  it('--fix leaves what a comment covers as it is and fixes the rest', () => {
    const dir = tempDir({ 'draft.md': DRAFT }, ROOT);
    runCli(['check', 'draft.md', '--fix'], dir);
    const lines = readFileSync(join(dir, 'draft.md'), 'utf8').split('\n');
    expect([lines[6], lines[7], lines[9], lines[13]]).toEqual(['2、加强行业监管。推动数据共享。', '3.完善制度体系。健全长效机制。', '5.强化要素保障。压实属地责任。', '9、优化考核评价。定期通报进展。']);
  });

  it('reports a comment that hides nothing when a corpus lets every rule run', () => {
    const text = ['# 关于某项工作的实施方案', '## 一、总体要求', '<!-- policylint-disable-next-line numbering-marker -->', '1.推进改革创新。落实工作责任。', ''].join('\n');
    const dir = tempDir({ 'draft.md': text, 'seeds/plan.txt': SEED }, ROOT);
    const { status, stdout } = runCli(['check', 'draft.md', '--locale', 'en'], dir);
    expect(status).toBe(0);
    expect(stdout).toContain('3:35  warning  unused disable comment: there is no numbering-marker problem here to suppress; remove the rule id  inline-directive');
    expect(runCli(['check', 'draft.md'], tempDir({ 'draft.md': text }, ROOT)).stdout).toBe('');
  });
});
