// The extension in real VS Code (code-server 4.100.3 in Debian's Chromium): the Problems panel, hover,
// the renumber command and the status bar, once with the display language en and once zh-cn.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CHROMIUM, CODE_SERVER, startVSCode, VSIX } from './code-server.mjs';
import { ARTIFACTS, citationOfMeasure3, draftText, EXPECTED_PROBLEMS, missing } from './editors.mjs';

const skip = missing([
  ['the code-server harness (tools/code-server/install.sh)', existsSync(CODE_SERVER)],
  ['Chromium (apt-get install chromium)', existsSync(CHROMIUM)],
  ['the packaged extension (npm run build && npm run package -w apps/vscode)', existsSync(VSIX)],
]);

/** Opens the draft from the Explorer and waits for its editor. */
async function openDraft(page) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.txt' }).click({ timeout: 60_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: '加强融资支持' }).waitFor({ timeout: 30_000 });
}

/** Runs a command by its title from the command palette, as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The command titles the palette lists for a search text. */
async function paletteTitles(page, search) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${search}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  const titles = await rows.locator('.label-name').allInnerTexts();
  await page.keyboard.press('Escape');
  return titles;
}

/**
 * The Problems panel's rows for draft.txt as `line:rule` and their messages, once `count` of them are
 * there. Rows are read in panel order: a file row, then its problems (and their related locations).
 */
async function draftProblems(page, count) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  for (let tries = 0; ; tries++) {
    const rows = await panel.locator('.monaco-list-row').evaluateAll((elements) =>
      elements.map((row) => ({
        file: row.querySelector('.resource-label-container .label-name')?.textContent ?? undefined,
        message: row.querySelector('.marker-icon') === null ? undefined : row.querySelector('.marker-message')?.textContent,
        code: row.querySelector('.marker-message-line a.monaco-link')?.textContent,
        line: /\[Ln (\d+), Col \d+\]/.exec(row.textContent)?.[1],
      })),
    );
    const start = rows.findIndex((r) => r.file === 'draft.txt');
    const end = rows.findIndex((r, i) => i > start && r.file !== undefined);
    const problems = rows
      .slice(start + 1, end === -1 ? undefined : end)
      .filter((r) => r.message !== undefined)
      .map((r) => ({ at: `${r.line}:${r.code}`, message: r.message }));
    if (start !== -1 && problems.length === count) return problems;
    if (tries > 150) assert.fail(`draft.txt has not ${count} problems in the Problems panel; it shows:\n${await panel.innerText()}`);
    await page.waitForTimeout(200);
  }
}

/** Hovers 第3条 in 《…》第3条 from the keyboard, expects the seed's measure 3, and keeps a screenshot of problems and hover. */
async function hoverCitationOfMeasure3(page, screenshotName) {
  const at = citationOfMeasure3(draftText());
  await runCommand(page, 'Go to Line/Column');
  await page.keyboard.type(`${at.line + 1}:${at.character + 1}`);
  await page.keyboard.press('Enter');
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '加强融资支持服务' });
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await hover.innerText(), /3\.加强融资支持服务/);
  await screenshot(page, screenshotName);
  await page.keyboard.press('Escape');
}

async function statusText(page) {
  const item = page.locator('.statusbar-item', { hasText: /policylint|政策文稿/ });
  await item.filter({ hasText: /28/ }).waitFor({ timeout: 30_000 });
  return (await item.innerText()).trim();
}

async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), animations: 'disabled' });
}

/** VS Code with the draft open for the tests of the enclosing describe; a screenshot of how it ended. */
function useVSCode(language) {
  const session = {};
  before(async () => {
    Object.assign(session, await startVSCode({ language }));
    await openDraft(session.page);
  });
  after(async () => {
    if (session.page !== undefined) await screenshot(session.page, `vscode-${language}-end.png`).catch(() => undefined);
    await session.close?.();
  });
  return session;
}

describe('VS Code with the display language en', { skip, timeout: 240_000 }, () => {
  const vscode = useVSCode('en');

  test('the Problems panel lists the draft’s three problems with their rule ids, in English', async () => {
    const problems = await draftProblems(vscode.page, 3);
    assert.deepEqual(problems.map((p) => p.at).sort(), EXPECTED_PROBLEMS);
    assert.match(problems.find((p) => p.at.endsWith('numbering-sequence')).message, /expected 3\., found 4\.: measure 3 is missing/);
  });

  test('hovering the citation of the seed’s measure 3 shows that measure: 加强融资支持服务', async () => {
    await hoverCitationOfMeasure3(vscode.page, 'vscode-en.png');
  });

  test('the status bar shows the indexed corpus: 1 plan, 28 measures', async () => {
    assert.equal(await statusText(vscode.page), 'policylint: 1 plan, 28 measures');
  });

  test('Policylint: Check workspace reports what it checked', async () => {
    await runCommand(vscode.page, 'Policylint: Check workspace');
    const toast = vscode.page.locator('.notification-toast', { hasText: 'Checked' });
    await toast.waitFor({ timeout: 30_000 });
    // The draft and the seed are plans; the draft has two errors (the gap and measure 29).
    assert.match(await toast.innerText(), /Checked 2 plans in 2 files: 2 errors, \d+ warnings, 0 infos\./);
  });

  test('Policylint: Show plan outline shows the draft’s parts and measures', async () => {
    const { page } = vscode;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Policylint: Show plan outline');
    const outline = page.locator('.outline-pane');
    await outline.filter({ hasText: '扩大民间投资领域' }).waitFor({ timeout: 20_000 });
    assert.match(await outline.innerText(), /保障措施/);
  });

  test('Policylint: Renumber document closes the gap, and the numbering problem goes away', async () => {
    const { page } = vscode;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Policylint: Renumber document');
    const lines = page.locator('.monaco-editor .view-lines').first();
    await lines.filter({ hasText: '3.加强融资支持' }).waitFor({ timeout: 20_000 });
    const text = await lines.innerText();
    assert.match(text, /4\.提升审批效率/);
    assert.match(text, /5\.加强组织领导/);
    assert.doesNotMatch(text, /6\.加强组织领导/);
    const problems = await draftProblems(page, 2);
    assert.deepEqual(problems.map((p) => p.at.split(':')[1]).sort(), ['overlap-existing', 'xref-unresolved']);
  });

  test('policylint.config.json is validated against the shipped schema, and the status bar says the file is unusable', async () => {
    const { page, folder } = vscode;
    writeFileSync(join(folder, 'policylint.config.json'), '{\n  "overlap": { "treshold": 0.5 }\n}\n');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'policylint.config.json' }).click({ timeout: 30_000 });
    await runCommand(page, 'Problems: Focus on Problems View');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Property treshold is not allowed' }).waitFor({ timeout: 30_000 });
    const status = page.locator('.statusbar-item', { hasText: 'policylint: error' });
    await status.waitFor({ timeout: 30_000 });
  });
});

describe('VS Code with the display language zh-cn', { skip, timeout: 240_000 }, () => {
  const vscode = useVSCode('zh-cn');

  test('the Problems panel shows the problems in Chinese', async () => {
    const problems = await draftProblems(vscode.page, 3);
    assert.deepEqual(problems.map((p) => p.at).sort(), EXPECTED_PROBLEMS);
    assert.match(problems.find((p) => p.at.endsWith('numbering-sequence')).message, /应为“3\.”，实际为“4\.”：缺少第3条/);
    assert.match(problems.find((p) => p.at.endsWith('xref-unresolved')).message, /只有28条，没有第29条/);
  });

  test('hovering the citation of the seed’s measure 3 shows that measure (the README’s screenshot)', async () => {
    await hoverCitationOfMeasure3(vscode.page, 'vscode-zh-cn.png');
  });

  test('the command palette lists the commands in Chinese', async () => {
    const titles = await paletteTitles(vscode.page, '政策文稿');
    for (const title of ['重新编号全文', '检查整个工作区', '重建现行方案索引', '显示方案大纲', '打开规则说明', '重启语言服务器']) {
      assert.ok(titles.some((t) => t.includes(`政策文稿: ${title}`)), `${title} missing from ${titles.join(' | ')}`);
    }
  });

  test('the status bar speaks Chinese', async () => {
    assert.equal(await statusText(vscode.page), '政策文稿：1 个方案，28 条措施');
  });
});
