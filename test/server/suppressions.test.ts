import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './lsp-client.js';

const ROOT = join(import.meta.dirname, '../..');
const DRAFT = [
  '# 关于某项工作的实施方案',
  '## 一、总体要求',
  '1.推进改革创新。落实工作责任。',
  '<!-- policylint-disable-next-line numbering-marker -->',
  '2、加强行业监管。推动数据共享。',
  '3、完善制度体系。健全长效机制。',
  '<!-- policylint-disable-next-line numbering-sequence -->',
  '4.强化要素保障。压实属地责任。',
].join('\n');

describe('the language server and disable comments', () => {
  let dir: string;
  let client: Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'policylint-lsp-'));
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    client = await startClient();
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes only what no comment hides, and the comment that hides nothing', async () => {
    const path = join(dir, 'draft.md');
    const next = client.nextDiagnostics(URI.file(path).toString());
    client.open(path, DRAFT);
    const { diagnostics } = await next;
    expect(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`)).toEqual([
      '6:1 numbering-marker',
      '7:35 inline-directive',
    ]);
  });
});
