// What the real-editor tests share: paths, the test workspace, and why a test is skipped.
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, 'apps/vscode');
/** The server as the extension ships it: one bundled file. */
export const SERVER_JS = join(EXTENSION_DIR, 'dist/server.js');
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(ROOT, 'test-results');
const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';

/** The problems the draft is written to have, as `line:rule` (1-based lines), and nothing else. */
export const EXPECTED_PROBLEMS = ['5:overlap-existing', '7:numbering-sequence', '8:xref-unresolved'];

/** A fresh copy of the test workspace in `parent`: the draft and the repository's seeds/. */
export function makeWorkspace(parent) {
  const folder = join(parent, 'ws');
  cpSync(join(import.meta.dirname, 'fixtures/workspace'), folder, { recursive: true });
  cpSync(join(ROOT, 'seeds'), join(folder, 'seeds'), { recursive: true });
  return { folder, draft: join(folder, 'draft.txt') };
}

/** Where in the draft the citation of the seed's measure 3 is: 0-based line and UTF-16 column of 第3条. */
export function citationOfMeasure3(draftText) {
  const lines = draftText.split('\n');
  const line = lines.findIndex((l) => l.includes(`《${SEED_TITLE}》第3条`));
  return { line, character: lines[line].indexOf('第3条') + 1 };
}

export const draftText = () => readFileSync(join(import.meta.dirname, 'fixtures/workspace/draft.txt'), 'utf8');

/** Why a test cannot run here (undefined when it can), from [what is needed, whether it is there] pairs: the message node:test prints for the skip. */
export function missing(needs) {
  const absent = needs.filter(([, present]) => !present).map(([what]) => what);
  return absent.length === 0 ? undefined : `needs ${absent.join(', ')} (CI installs them: see .ci/run)`;
}
