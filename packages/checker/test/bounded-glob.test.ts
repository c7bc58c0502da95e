import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOB_LIMITS, parseConfig, RULES, TOO_MANY_GLOBS, unboundedGlobReason } from '../src/index.js';
import { listCorpusFiles } from '../src/node/index.js';

/**
 * Globs come with a workspace (the configuration's `corpus`, editor settings, a repository's scripts)
 * and picomatch matches them with a backtracking regex. Unchecked, `seeds/+(*)a` took 42 s on a
 * 28-letter name, `*a*a*a*b` a second on a 255-letter one, three `**` seconds on a 4,000-character
 * path; each such test below would run for hours. There is no timed assertion: a test that completes
 * shows the bound (vitest's timeout stops one that does not).
 */

/** The English reason, to name which limit refused a glob; undefined when the glob is accepted. */
const reason = (glob: string): string | undefined => unboundedGlobReason(glob)?.en;

describe('unboundedGlobReason', () => {
  it.each([
    ['an extglob', 'seeds/+(*)a'],
    ['an @() extglob', 'seeds/@(a|b)/*.txt'],
    ['a !() extglob', 'seeds/!(old)/*.txt'],
    ['a *() extglob', '*(a)b'],
    ['a ?() extglob', '?(a)b'],
    ['a group', 'seeds/(a|b)*.txt'],
    ['an escaped parenthesis (counted all the same)', 'seeds/\\(a\\).txt'],
  ])('refuses parentheses: %s', (_what, glob) => {
    expect(reason(glob)).toMatch(/^parentheses are not supported/);
  });

  it.each(['seeds/{1..1000000}.txt', 'seeds/{a..z}/*.txt', 'seeds/{x,{1..10}}.txt'])('refuses the range in %s', (glob) => {
    expect(reason(glob)).toMatch(/^ranges like \{1\.\.9\} are not supported/);
  });

  it.each([
    ['a **, only as a whole folder', 'seeds/a**'],
    ['** before a brace', 'seeds/**{a,b}'],
    ['** closing a brace', 'seeds/{x,y/**}z'],
    ['** opening a brace', '{**/a,b}/*.txt'],
  ])('refuses %s', (_what, glob) => {
    expect(reason(glob)).toMatch(/^\*\* must stand alone between slashes/);
  });

  it.each([
    ['4 wildcards', 'seeds/*a*/**/*b'],
    ['3 * in one name', 'seeds/*a*a*b'],
    ['3 * in one name once a brace is expanded (a / inside braces ends no name)', '*{x/,}*a*'],
    ['3 **', '**/a/**/a/**/x'],
    ['5 * over 5 names', '*/*/*/*/*'],
  ])('refuses %s', (_what, glob) => {
    expect(reason(glob)).toMatch(/^too many wildcards/);
  });

  it.each([
    ['9 alternatives', 'seeds/{a,b,c,d,e,f,g,h,i}.txt'],
    ['16 combinations of 4 braces', 'seeds/{a,a}{a,a}{a,a}{a,a}b'],
    ['a nested brace that adds up', 'seeds/{a,{b,c,d},{e,f,g}}{x,y}'],
    ['an unclosed brace counted as closed', 'seeds/{a,b,c}{d,e,f'],
  ])('refuses %s', (_what, glob) => {
    expect(reason(glob)).toMatch(/^too many \{…\} combinations/);
  });

  it('refuses a glob longer than a path may be', () => {
    expect(reason(`seeds/${'a'.repeat(GLOB_LIMITS.length)}`)).toMatch(/^the glob is too long/);
    expect(reason('a'.repeat(GLOB_LIMITS.length))).toBeUndefined();
  });

  it.each([
    'seeds/**/*.txt',
    'seeds/**/*.{txt,md}',
    '{a,b}/*.md',
    '[0-9]*.txt',
    '**/drafts/**',
    '**/drafts/**/*.txt',
    '**/*方案*.txt',
    '!seeds/old/**',
    'seeds/?.txt',
    '/srv/plans/**/*.txt',
    'seeds/{2021,2022,2023}/*.{txt,md}',
    'seeds/{a,{b,c}}/{x,y}.txt',
    'seeds/**/{1,2,3,4,5,6,7,8}.txt',
    'seeds/（2023）*.txt',
  ])('accepts %s', (glob) => {
    expect(reason(glob)).toBeUndefined();
  });

  it('says why in both languages', () => {
    const said = unboundedGlobReason('seeds/+(*)a');
    expect(said?.['zh-CN']).toMatch(/^不支持圆括号/);
    expect(said?.en).toMatch(/^parentheses are not supported/);
  });
});

describe('corpus globs in policylint.config.json past the limits', () => {
  it('are refused at their index, in both languages, next to accepted ones', () => {
    const parsed = parseConfig({ corpus: ['seeds/**/*.txt', 'seeds/+(*)a', '{a,b}/*.md', '**/a/**/a/**/x'] }, RULES.map((rule) => rule.id));
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues.map((issue) => issue.key)).toEqual(['corpus.1', 'corpus.3']);
    expect(issues[0]!.message).toEqual(unboundedGlobReason('seeds/+(*)a'));
    expect(issues[1]!.message['zh-CN']).toMatch(/^通配符过多/);
  });

  it(`are at most ${GLOB_LIMITS.globs} in the list`, () => {
    const globs = (n: number) => Array.from({ length: n }, (_, i) => `plans${i}/*.txt`);
    expect(parseConfig({ corpus: globs(GLOB_LIMITS.globs) }, []).ok).toBe(true);
    const parsed = parseConfig({ corpus: globs(GLOB_LIMITS.globs + 1) }, []);
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ key: 'corpus', message: TOO_MANY_GLOBS }]);
    expect(TOO_MANY_GLOBS['zh-CN']).toMatch(/^glob 过多：一个列表至多 64 个/);
  });
});

describe('matching corpus globs on the longest names and deepest paths', () => {
  let root: string;
  // 255 bytes: the longest file name Linux takes; a path of ~2,000 one-letter folders: close to the
  // 4,096 bytes a path may have. Neither holds a `b`, so every glob ending in `b` backtracks fully.
  const longName = 'a'.repeat(255);
  let deepFolder: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'policylint-glob-'));
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', longName), '');
    deepFolder = join(root, 'seeds', ...Array<string>(Math.floor((4000 - root.length) / 2)).fill('a'));
    mkdirSync(deepFolder, { recursive: true });
    writeFileSync(join(deepFolder, 'a'), '');
    // What `+(*)a` would match as an extglob, and as literal text.
    writeFileSync(join(root, 'seeds', 'xa'), '');
    writeFileSync(join(root, 'seeds', '+xa'), '');
  });
  afterAll(() => {
    // From the bottom up: a recursive rmSync of 2,000 nested folders overflows the stack.
    for (let dir = deepFolder; dir !== join(root, 'seeds'); dir = dirname(dir)) rmSync(dir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  const list = (glob: string): Promise<string[]> => listCorpusFiles({ baseDir: root, globs: [glob] });

  it('reaches the deep path (the layout is what the tests below need)', async () => {
    expect(deepFolder.length).toBeGreaterThan(3900);
    expect(await list('seeds/**/a/a')).toEqual([join(deepFolder, 'a')]);
  });

  // Each at a limit: one more wildcard or combination is refused above.
  it.each([
    ['8 combinations before 2 * in one name', 'seeds/{a,aa}{a,aa}{a,aa}*a*b'],
    ['2 ** and a *', 'seeds/**/a/**/*b'],
    ['8 combinations between 2 **', 'seeds/**/{a,aa}{a,aa}{a,aa}/**/b'],
    ['3 * over 2 names', 'seeds/*a*/*b'],
    ['a ? run', `seeds/${'?'.repeat(250)}b`],
  ])('completes %s, matching nothing', async (_what, glob) => {
    expect(reason(glob)).toBeUndefined();
    expect(await list(glob)).toEqual([]);
  });

  // Read as an extglob, `+(*)a` would match `xa` too, and take exponential time on a long name.
  it('reads parentheses as text if an extglob gets past the configuration', async () => {
    expect(await list('seeds/+(*)a')).toEqual([join(root, 'seeds/+xa')]);
  });

  it('still matches ordinary globs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-glob-'));
    try {
      for (const file of ['seeds/plan.txt', 'seeds/2023/old.txt', 'seeds/notes.md', 'a/x.md', 'b/y.md', 'c/z.md', '1-plan.txt', 'plan.txt']) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), '');
      }
      const matched = async (glob: string) => (await listCorpusFiles({ baseDir: dir, globs: [glob] })).map((path) => path.slice(dir.length + 1));
      expect(await matched('seeds/**/*.txt')).toEqual(['seeds/2023/old.txt', 'seeds/plan.txt']);
      expect(await matched('{a,b}/*.md')).toEqual(['a/x.md', 'b/y.md']);
      expect(await matched('[0-9]*.txt')).toEqual(['1-plan.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
