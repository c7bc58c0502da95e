import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');

export const SEED_PATH = join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export const REAL_POLICIES = {
  guofa2018: 'gov-guofa-2018-38-ftz-deepen-reform-measures.txt',
  guobanfa2019: 'gov-guobanfa-2019-6-financing-guarantee-fund.txt',
  guofa2019: 'gov-guofa-2019-5-double-random-one-public.txt',
} as const;

export function readRealPolicy(name: keyof typeof REAL_POLICIES): string {
  return readFileSync(join(ROOT, 'test/fixtures/real-policies', REAL_POLICIES[name]), 'utf8');
}

/** A slicer for `text` that uses the LSP's own document model rather than our line splitter. */
export function slicer(text: string): (range: Range) => string {
  const document = TextDocument.create('file:///t.txt', 'plaintext', 0, text);
  return (range) => document.getText(range);
}

/** The text a range covers (see `slicer` for many ranges of one text). */
export function slice(text: string, range: Range): string {
  return slicer(text)(range);
}
