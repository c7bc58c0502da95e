// The extension's manifest and runtime strings exist in English and Chinese, and nothing is left over.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXTENSION_DIR } from './editors.mjs';

const read = (file) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
const json = (file) => JSON.parse(read(file));
const placeholders = (text) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('every %key% of package.json has an English and a Chinese text, and no text is unused', () => {
  const used = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(en).sort(), [...used].sort());
  assert.deepEqual(Object.keys(zh).sort(), [...used].sort());
});

test('every vscode.l10n.t string has a Chinese translation with the same placeholders, and none is unused', () => {
  const sources = readdirSync(join(EXTENSION_DIR, 'src')).filter((f) => f.endsWith('.ts'));
  const strings = new Set(sources.flatMap((f) => [...read(join('src', f)).matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1])));
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  assert.ok(strings.size > 10, 'the scan found the extension’s strings');
  assert.deepEqual(Object.keys(zh).sort(), [...strings].sort());
  for (const [english, chinese] of Object.entries(zh)) assert.deepEqual(placeholders(chinese), placeholders(english), english);
});

test('Restricted Mode: limited support, and the workspace value of policylint.corpus (which may name folders outside) ignored there', () => {
  const manifest = json('package.json');
  const { untrustedWorkspaces } = manifest.capabilities;
  assert.equal(untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(untrustedWorkspaces.restrictedConfigurations, ['policylint.corpus']);
  for (const setting of untrustedWorkspaces.restrictedConfigurations) assert.ok(setting in manifest.contributes.configuration.properties, setting);
});
