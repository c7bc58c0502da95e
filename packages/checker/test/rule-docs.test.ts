import { existsSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { checkText, RULES, ruleDocsUrl, type Finding } from '../src/index.js';
import { seedCorpus } from './corpus-helpers.js';
import { readRepoFile } from './helpers.js';

interface Example {
  text: string;
  /** 1-based line of the fence in the page, to find the example when it fails. */
  line: number;
  /** For a wrong example: the lines of the `console` block that follows it. */
  expected?: string[];
}

/**
 * The examples of a rule page: `text` blocks under 错误示例 (each followed by a `console` block of
 * `line:column  message`) and under 正确示例. Other blocks (command output, diffs) are prose.
 */
function pageExamples(page: string): { wrong: Example[]; right: Example[] } {
  const found = { wrong: [] as Example[], right: [] as Example[] };
  let section: 'wrong' | 'right' | undefined;
  const tokens = new MarkdownIt().parse(page, {});
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const title = tokens[i + 1]!.content;
      section = token.tag !== 'h2' ? section : title.startsWith('错误示例') ? 'wrong' : title.startsWith('正确示例') ? 'right' : undefined;
    }
    if (token.type !== 'fence' || section === undefined) return;
    const info = token.info.trim();
    const line = token.map![0] + 1;
    if (info === 'text') found[section].push({ text: token.content, line });
    if (info === 'console' && section === 'wrong') {
      const last = found.wrong.at(-1);
      if (last === undefined || last.expected !== undefined) throw new Error(`line ${line}: a console block with no text example before it`);
      last.expected = token.content.trimEnd().split('\n');
    }
  });
  return found;
}

/** A finding as the docs (and the CLI's stylish format) show it: `line:column  message`, 1-based. */
function shown(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.message['zh-CN']}`;
}

const ROOT = join(import.meta.dirname, '../../..');
// The repository's own corpus, as `policylint check` finds it for a draft checked in the repository.
const corpus = seedCorpus();

describe.each(RULES.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  const path = `docs/rules/${id}.md`;

  it('exists, with a header that matches the rule metadata', () => {
    expect(existsSync(join(ROOT, path))).toBe(true);
    const header = readRepoFile(path).split('\n').slice(0, 8).join('\n');
    expect(header).toBe(
      [`# ${id}`, '', rule.description['zh-CN'], '', rule.description.en, '', `- Default severity: \`${rule.defaultSeverity}\``, `- Fixable: ${rule.fixable ? 'yes' : 'no'}`].join('\n'),
    );
    expect(ruleDocsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });

  it('has a wrong and a right example, and each wrong one says what it gives', () => {
    const { wrong, right } = pageExamples(readRepoFile(path));
    expect(wrong.length, '错误示例 (Wrong): no ```text block').toBeGreaterThan(0);
    expect(right.length, '正确示例 (Right): no ```text block').toBeGreaterThan(0);
    for (const example of wrong) expect(example.expected, `line ${example.line}: no \`\`\`console block of findings after it`).toBeDefined();
  });

  it('wrong examples give exactly the findings listed after them', () => {
    for (const example of pageExamples(readRepoFile(path)).wrong) {
      const findings = checkText(example.text, { corpus }).findings.filter((f) => f.ruleId === id);
      expect(findings.map(shown), `${path}:${example.line}`).toEqual(example.expected);
    }
  });

  it('right examples give no finding at all', () => {
    for (const example of pageExamples(readRepoFile(path)).right) {
      const findings = checkText(example.text, { corpus }).findings;
      expect(findings.map((f) => `${shown(f)}  ${f.ruleId}`), `${path}:${example.line}`).toEqual([]);
    }
  });
});
