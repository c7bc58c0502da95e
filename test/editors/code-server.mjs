// Real VS Code for the editor tests: code-server 4.100.3 (VS Code 1.100.3, Node extension host) from
// tools/code-server, shown in Debian's Chromium through playwright-core. See tools/code-server/install.sh.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, makeWorkspace, ROOT } from './editors.mjs';

const HARNESS = join(ROOT, 'tools/code-server');
export const CODE_SERVER = join(HARNESS, 'node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8'));
/** What users install: `npm run package -w apps/vscode` makes it (`npm run test:editors` does first). */
export const VSIX = join(EXTENSION_DIR, `${manifest.name}-${manifest.version}.vsix`);

/**
 * Starts code-server on a fresh copy of the test workspace with the packaged extension installed, and
 * opens it in headless Chromium. `language` is the display language: `en`, or `zh-cn` through a stub
 * language pack (no Marketplace here).
 */
export async function startVSCode({ language }) {
  const tmp = mkdtempSync(join(tmpdir(), 'pl-vsc-')); // short: Unix socket paths under it max out at ~107 characters
  const { folder } = makeWorkspace(tmp);
  const exts = join(tmp, 'exts');
  const userData = join(tmp, 'ud');
  try {
    installExtension(exts, userData);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  writeSettings(userData);
  if (language === 'zh-cn') installChineseStub(exts, userData);

  // Keep code-server's config and sockets and Chromium's crash reports out of $HOME and the system temp folder.
  const xdg = { XDG_CONFIG_HOME: join(tmp, 'xdg'), XDG_DATA_HOME: join(tmp, 'xdg'), XDG_CACHE_HOME: join(tmp, 'xdg'), TMPDIR: tmp };
  const port = await freePort();
  const log = openSync(join(tmp, 'code-server.log'), 'w');
  const server = spawn(
    CODE_SERVER,
    [
      '--config', join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userData, '--extensions-dir', exts, '--locale', language,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      folder,
    ],
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...xdg } },
  );
  const close = async () => {
    await browser?.close().catch(() => undefined);
    // The whole process group: code-server, the extension host, the language server, the file watcher.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  let browser;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, 60_000, join(tmp, 'code-server.log'));
    const { chromium } = createRequire(join(HARNESS, 'package.json'))('playwright-core');
    browser = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, ...xdg },
      viewport: { width: 1400, height: 900 },
      locale: language === 'zh-cn' ? 'zh-CN' : 'en-US',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    return { page, folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Installs the .vsix as a user would, with `--install-extension`. */
function installExtension(exts, userData) {
  const run = spawnSync(CODE_SERVER, ['--extensions-dir', exts, '--user-data-dir', userData, '--install-extension', VSIX], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0 || !run.stdout.includes('was successfully installed')) throw new Error(`installing ${VSIX} failed:\n${run.stdout}${run.stderr}`);
}

function writeSettings(userData) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'editor.hover.delay': 100,
      'editor.minimap.enabled': false,
      'workbench.colorTheme': 'Default Light Modern',
    }),
  );
}

/**
 * VS Code shows a display language only when a language pack provides it. An empty pack for zh-cn
 * (the workbench stays English, extensions get zh-cn) plus the languagepacks.json that an install
 * from the Marketplace would write. That file is VS Code 1.100's internal format: fragile on upgrade.
 */
function installChineseStub(exts, userData) {
  const stub = join(exts, 'policylint-test.zh-cn-stub-0.0.1');
  const translations = join(stub, 'translations/main.i18n.json');
  mkdirSync(join(stub, 'translations'), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    join(stub, 'package.json'),
    JSON.stringify({
      name: 'zh-cn-stub',
      publisher: 'policylint-test',
      version: '0.0.1',
      engines: { vscode: '*' },
      contributes: { localizations: [{ languageId: 'zh-cn', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
    }),
  );
  writeFileSync(
    join(userData, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'policylint-test',
        label: 'zh-cn',
        extensions: [{ extensionIdentifier: { id: 'policylint-test.zh-cn-stub' }, version: '0.0.1' }],
        translations: { vscode: translations },
      },
    }),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, ms, logFile) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server not healthy at ${url} after ${ms} ms:\n${readFileSync(logFile, 'utf8')}`);
}
