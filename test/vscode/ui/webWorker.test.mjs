// The web bundle (dist/web/extension.js) in a real web worker extension host: the packaged .vsix,
// installed in code-server, with `remote.extensionKind` preferring the web kind for mlsd, so the
// workbench runs it in the browser's worker (as vscode.dev would) instead of the server's Node host.
// It must show diagnostics, offer and apply a quick fix, and fill the coverage view there.
/* global describe, before, afterEach, after, it, document */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOC, FIXED_TEXT, METRIC_COLUMN, METRIC_FIX, METRIC_LINE, METRIC_PROBLEM } from './fixture.mjs';
import { chooseQuickFix, goTo, openPalette, openQuickFixMenu, openWorkbench, root, statusBarItem } from './workbench.mjs';

describe('the web bundle in a web worker extension host', function () {
  const vsix = path.join(root, 'dist/mlsd.vsix');
  let workbench;

  before(async function () {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
    workbench = await openWorkbench({
      file: DOC,
      installExtensions: [vsix],
      userSettings: { 'remote.extensionKind': { 'mlsd.mlsd': ['web'] } },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-web-worker-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  after(async function () {
    await workbench?.close();
  });

  it('runs mlsd in the web worker host', async function () {
    const { page, editor } = workbench;
    // A worker host starts later than the Node one, and much later on a loaded 2-core CI machine:
    // wait for mlsd's own squiggles before asking the workbench where it runs.
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 90000 });
    await openPalette(page, 'Developer: Show Running Extensions');
    await page.keyboard.press('Enter');
    try {
      const list = page.locator('.runtime-extensions-editor .monaco-list').first();
      await list.waitFor({ timeout: 30000 });
      // The list renders only the rows in view: scroll until mlsd's row is among them.
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'mlsd' }).first();
      for (let scrolls = 0; (await row.count()) === 0 && scrolls < 20; scrolls++) {
        await list.hover();
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(300);
      }
      await row.waitFor({ timeout: 10000 });
      await row.scrollIntoViewIfNeeded();
      // Activated, and where: the row names the host that runs it. The text is read in the same
      // page call that finds the row, since the list re-renders its rows as their timings update.
      const rowText = await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.runtime-extensions-editor .monaco-list-row')]
            .map((candidate) => candidate.textContent)
            .find((text) => text.includes('mlsd') && /Activation/.test(text)),
        undefined,
        { timeout: 60000 },
      );
      await workbench.screenshot('web-worker-running-extensions');
      assert.match(await rowText.jsonValue(), /web worker/i);
    } finally {
      // Close the list whatever happened (and only the list), so the next test starts on the doc.
      if ((await page.locator('.runtime-extensions-editor').count()) > 0) await page.keyboard.press('Control+W');
    }
  });

  it('shows diagnostics, fixes one from Ctrl+. and fills the coverage view', async function () {
    const { page, editor } = workbench;
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 90000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM }).first();
    await problem.waitFor({ timeout: 30000 });
    await goTo(page, editor, METRIC_LINE, METRIC_COLUMN + 2);
    assert.ok((await openQuickFixMenu(page)).includes(METRIC_FIX));
    await chooseQuickFix(page, METRIC_FIX);
    await editor.locator('.view-lines', { hasText: FIXED_TEXT }).waitFor({ timeout: 15000 });
    await problem.waitFor({ state: 'detached', timeout: 15000 });
    await statusBarItem(page, 'Design ').click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Business metric' }).first().waitFor({ timeout: 20000 });
    await workbench.screenshot('web-worker-after-fix-and-coverage');
  });
});
