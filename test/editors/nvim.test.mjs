// Neovim's built-in LSP client (Debian's 0.7.2) driving the bundled server over stdio.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { citationOfMeasure3, draftText, EXPECTED_PROBLEMS, makeWorkspace, missing, SERVER_JS } from './editors.mjs';

const nvim = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nvim')).find((path) => existsSync(path));
const skip = missing([
  ['nvim (apt-get install neovim)', nvim !== undefined],
  ['the built extension (npm run build)', existsSync(SERVER_JS)],
]);

test('Neovim shows the draft’s three problems and the hover of a citation of the seed’s measure 3', { skip, timeout: 60_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pl-nvim-'));
  try {
    const { draft } = makeWorkspace(tmp);
    const hoverAt = citationOfMeasure3(draftText());
    const out = join(tmp, 'out.json');
    // XDG_*: Neovim writes its lsp.log and state under these; keep them out of $HOME.
    const env = { ...process.env, XDG_CACHE_HOME: tmp, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp };
    const run = spawnSync(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(import.meta.dirname, 'nvim-lsp.lua')}`], {
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...env, SERVER_JS, TEST_FILE: draft, OUT: out, HOVER_LINE: String(hoverAt.line), HOVER_CHAR: String(hoverAt.character) },
    });
    assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    const problems = seen.diagnostics.map((d) => `${d.line + 1}:${d.code}`).sort();
    assert.deepEqual(problems, EXPECTED_PROBLEMS);
    assert.match(seen.hover, /加强融资支持服务/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
