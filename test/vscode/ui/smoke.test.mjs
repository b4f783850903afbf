// UI smoke tests: what only the workbench shows. The extension runs from this checkout in
// code-server's extension host; headless Chromium shows the workbench. Screenshots of each step
// are kept in test-artifacts/ui/ (also on failure) for a person to look at.
/* global describe, before, afterEach, after, it */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertHarnessInstalled, closeBrowser, launchBrowser, makeRunDirectory, startCodeServer } from '../../../scripts/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const artifacts = path.join(root, 'test-artifacts/ui');
const DOC = 'payments-fraud-design.md';
// The metric finding on "accuracy" (line 17 as people count) and its preferred fix.
const METRIC_PROBLEM = 'Unexpected Accuracy as the offline metric for an imbalanced classification task';
const METRIC_LINE = 17;
const METRIC_COLUMN = 24;
const METRIC_FIX = "Replace 'accuracy' with PR-AUC";

describe('mlsd in the VS Code workbench', function () {
  let server;
  let browser;
  let page;
  let runDirectory;

  const screenshot = (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  const editor = () => page.locator('.editor-instance .monaco-editor').first();

  before(async function () {
    assertHarnessInstalled();
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    runDirectory = makeRunDirectory('mlsd-ui-');
    const workspace = path.join(runDirectory, 'workspace');
    fs.cpSync(path.join(root, 'test/vscode/workspace'), workspace, { recursive: true });
    const [started, launched] = await Promise.all([
      startCodeServer({ runDirectory, testDriver: true }),
      launchBrowser({ runDirectory }),
    ]);
    server = started;
    browser = launched.browser;
    page = await launched.context.newPage();
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(root)],
      ['openFile', server.remoteUri(path.join(workspace, DOC))],
    ];
    await page.goto(server.workbenchUrl(workspace, payload));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await editor().locator('.view-lines').waitFor({ timeout: 60000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  after(async function () {
    await closeBrowser(browser);
    await server?.stop();
    if (runDirectory) fs.rmSync(runDirectory, { recursive: true, force: true });
  });

  it('underlines findings and lists them in the Problems panel with rule and source', async function () {
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 60000 });
    await editor().locator('.squiggly-warning').first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM }).first();
    await row.waitFor({ timeout: 30000 });
    const text = await row.innerText();
    assert.match(text, /mlsd/);
    assert.match(text, /metric-task-mismatch/);
    assert.match(text, new RegExp(`\\[Ln ${METRIC_LINE}, Col ${METRIC_COLUMN}\\]`));
    await screenshot('problems-panel');
  });

  it('opens the quick fix menu on Ctrl+. with the core fixes and the ways to silence the rule', async function () {
    await goTo(METRIC_LINE, METRIC_COLUMN + 2);
    const items = page.locator('.action-widget .monaco-list-row.action');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await items.first().waitFor({ timeout: 10000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    const titles = (await items.allInnerTexts()).map((title) => title.trim());
    for (const expected of [METRIC_FIX, "Replace 'accuracy' with F-beta", 'Disable metric-task-mismatch for this line',
      'Disable metric-task-mismatch for this file', 'Disable metric-task-mismatch in the project config',
      'Learn more about metric-task-mismatch']) {
      assert.ok(titles.some((title) => title.includes(expected)), `"${expected}" missing from the menu: ${JSON.stringify(titles)}`);
    }
    await screenshot('quick-fix-menu');
  });

  it('applies the preferred fix from the menu and the problem goes away', async function () {
    await page.locator('.action-widget .monaco-list-row.action', { hasText: METRIC_FIX }).first().click();
    await editor().locator('.view-lines', { hasText: 'The model is judged on PR-AUC on a held-out month' }).waitFor({ timeout: 15000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM }).first().waitFor({ state: 'detached', timeout: 15000 });
    await screenshot('after-quick-fix');
  });

  /** Moves the cursor with Go to Line (1-based line and column, as people count). */
  async function goTo(line, column) {
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10000 });
  }
});
