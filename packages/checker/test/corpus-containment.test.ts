import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { globLeavesBase, parseConfig, RULES } from '../src/index.js';
import { findCorpusFiles, listCorpusFiles, loadCorpus } from '../src/node/index.js';

describe('globLeavesBase', () => {
  it.each([
    '../secret/*.txt',
    '../../etc/**',
    '..',
    './../x.txt',
    'seeds/../../x/*.txt',
    '*/../../secret/*.txt',
    'seeds/**/../../../secret/*.txt',
    '..\\secret\\*.txt',
    '{..,seeds}/*.txt',
    '@(..)/secret/*.txt',
    'seeds/{a,..}/x.txt',
  ])('refuses %s', (glob) => {
    expect(globLeavesBase(glob)).toBe(true);
  });

  it.each(['seeds/**/*.{txt,md}', 'plans/*.txt', './plans/*.txt', 'seeds/old/../*.txt', 'a..b/*.txt', '..x/*.txt', '/srv/plans/**/*.txt', 'C:/plans/*.txt', 'D:\\plans\\*.txt', '**/*.txt'])(
    'allows %s',
    (glob) => {
      expect(globLeavesBase(glob)).toBe(false);
    },
  );
});

describe('corpus globs in policylint.config.json', () => {
  const ids = RULES.map((rule) => rule.id);

  it('are refused when relative and above the configuration file, each at its index', () => {
    expect(parseConfig({ corpus: ['seeds/*.txt', '../secret/*.txt'] }, ids)).toEqual({
      ok: false,
      issues: [
        {
          key: 'corpus.1',
          message: {
            'zh-CN': '相对路径的 glob 不能用 .. 跳出其所在目录；其他位置的方案请写绝对路径',
            en: 'a relative glob must stay inside its folder (no .. above it); write an absolute path for plans elsewhere',
          },
        },
      ],
    });
  });

  it('are accepted inside the folder or as an absolute path', () => {
    expect(parseConfig({ corpus: ['seeds/*.txt', '/srv/plans/**/*.txt'] }, ids)).toMatchObject({ ok: true, config: { corpus: ['seeds/*.txt', '/srv/plans/**/*.txt'] } });
  });
});

describe('listCorpusFiles', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A workspace with seeds/plan.txt, and a secret/ folder beside it (outside the workspace). */
  function layout(): { root: string; workspace: string; secret: string } {
    const root = mkdtempSync(join(tmpdir(), 'policylint-containment-'));
    made.push(root);
    const workspace = join(root, 'workspace');
    const secret = join(root, 'secret');
    mkdirSync(join(workspace, 'seeds'), { recursive: true });
    mkdirSync(secret);
    writeFileSync(join(workspace, 'seeds/plan.txt'), '一、总体要求\n');
    writeFileSync(join(secret, 'token.txt'), 'secret\n');
    return { root, workspace, secret };
  }

  it('does not follow links inside the corpus folder to files or folders outside', async () => {
    const { workspace, secret } = layout();
    symlinkSync(join(secret, 'token.txt'), join(workspace, 'seeds/link.txt'));
    symlinkSync(secret, join(workspace, 'seeds/linked-folder'));
    expect(await listCorpusFiles({ baseDir: workspace, globs: ['seeds/**/*.txt'] })).toEqual([join(workspace, 'seeds/plan.txt')]);
    // Named outright, a linked folder is still outside.
    expect(await listCorpusFiles({ baseDir: workspace, globs: ['seeds/linked-folder/*.txt'] })).toEqual([]);
  });

  it('leaves out a seeds/ folder that is a link to outside the workspace, and says which files', async () => {
    const { root, secret } = layout();
    const other = join(root, 'other');
    mkdirSync(other);
    symlinkSync(secret, join(other, 'seeds'));
    expect(await findCorpusFiles({ baseDir: other, globs: ['seeds/**/*.txt'] })).toEqual({ files: [], outside: [join(other, 'seeds/token.txt')] });
  });

  it('keeps a link that stays inside the workspace, and lists a relative glob that climbs out nothing outside', async () => {
    const { workspace } = layout();
    mkdirSync(join(workspace, 'shared'));
    writeFileSync(join(workspace, 'shared/common.txt'), '一、总体要求\n');
    symlinkSync(join(workspace, 'shared'), join(workspace, 'linked'));
    expect(await listCorpusFiles({ baseDir: workspace, globs: ['linked/*.txt'] })).toEqual([join(workspace, 'linked/common.txt')]);
    expect(await listCorpusFiles({ baseDir: workspace, globs: ['seeds/../../secret/*.txt'] })).toEqual([]);
  });

  it('follows an absolute glob the user wrote anywhere, next to relative ones', async () => {
    const { workspace, secret } = layout();
    expect(await listCorpusFiles({ baseDir: workspace, globs: ['seeds/*.txt', `${secret}/*.txt`] })).toEqual([join(workspace, 'seeds/plan.txt'), join(secret, 'token.txt')].sort());
  });
});

describe('loadCorpus', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stores the index under the base folder, but not through a .policylint that links outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-cache-link-'));
    made.push(root);
    const plan = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n';
    for (const name of ['own', 'linked']) {
      mkdirSync(join(root, name, 'seeds'), { recursive: true });
      writeFileSync(join(root, name, 'seeds/plan.txt'), plan);
    }
    mkdirSync(join(root, 'outside'));
    symlinkSync(join(root, 'outside'), join(root, 'linked/.policylint'));

    await loadCorpus({ baseDir: join(root, 'own'), globs: ['seeds/*.txt'] });
    expect(readdirSync(join(root, 'own/.policylint/cache/overlap'))).toHaveLength(1);
    const { corpus } = await loadCorpus({ baseDir: join(root, 'linked'), globs: ['seeds/*.txt'] });
    expect(corpus.overlap().measureCount).toBe(1);
    expect(readdirSync(join(root, 'outside'))).toEqual([]);
  });
});
