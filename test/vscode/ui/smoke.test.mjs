// UI smoke tests: what only the workbench shows, with the extension loaded from this checkout.
// Screenshots of each step are kept in test-artifacts/ui/ (also on failure) for a person to look at.
/* global describe, before, afterEach, after, it */
import assert from 'node:assert/strict';
import { DOC, FIXED_TEXT, METRIC_COLUMN, METRIC_FIX, METRIC_LINE, METRIC_PROBLEM } from './fixture.mjs';
import { chooseQuickFix, goTo, openQuickFixMenu, openWorkbench, root } from './workbench.mjs';

describe('mlsd in the VS Code workbench', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({ file: DOC, developmentExtension: root });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  after(async function () {
    await workbench?.close();
  });

  it('underlines findings and lists them in the Problems panel with rule and source', async function () {
    const { page, editor } = workbench;
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60000 });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM }).first();
    await row.waitFor({ timeout: 30000 });
    const text = await row.innerText();
    assert.match(text, /mlsd/);
    assert.match(text, /metric-task-mismatch/);
    assert.match(text, new RegExp(`\\[Ln ${METRIC_LINE}, Col ${METRIC_COLUMN}\\]`));
    await workbench.screenshot('problems-panel');
  });

  it('opens the quick fix menu on Ctrl+. with the core fixes and the ways to silence the rule', async function () {
    const { page, editor } = workbench;
    await goTo(page, editor, METRIC_LINE, METRIC_COLUMN + 2);
    const titles = await openQuickFixMenu(page);
    for (const expected of [
      METRIC_FIX,
      "Replace 'accuracy' with F-beta",
      'Disable metric-task-mismatch for this line',
      'Disable metric-task-mismatch for this file',
      'Disable metric-task-mismatch in the project config',
      'Learn more about metric-task-mismatch',
    ]) {
      assert.ok(titles.includes(expected), `"${expected}" missing from the menu: ${JSON.stringify(titles)}`);
    }
    await workbench.screenshot('quick-fix-menu');
  });

  it('applies the preferred fix from the menu and the problem goes away', async function () {
    const { page, editor } = workbench;
    await chooseQuickFix(page, METRIC_FIX);
    await editor.locator('.view-lines', { hasText: FIXED_TEXT }).waitFor({ timeout: 15000 });
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM })
      .first()
      .waitFor({ state: 'detached', timeout: 15000 });
    await workbench.screenshot('after-quick-fix');
  });
});
