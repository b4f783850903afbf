// The packaged extension, installed the way users install a .vsix (`--install-extension`), checks a
// design doc and fixes it: proof that the package holds everything that runs.
/* global describe, before, after, it */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOC, FIXED_TEXT, METRIC_COLUMN, METRIC_FIX, METRIC_LINE, METRIC_PROBLEM } from './fixture.mjs';
import { chooseQuickFix, goTo, openQuickFixMenu, openWorkbench, root } from './workbench.mjs';

describe('the installed .vsix', function () {
  const vsix = path.join(root, 'dist/mlsd.vsix');
  let workbench;

  before(async function () {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
    workbench = await openWorkbench({ file: DOC, installExtensions: [vsix] });
  });

  after(async function () {
    await workbench?.close();
  });

  it('stays under 1 MB', function () {
    assert.ok(fs.statSync(vsix).size < 1024 * 1024, `${fs.statSync(vsix).size} bytes`);
  });

  it('shows the diagnostics of a design doc and fixes one from Ctrl+.', async function () {
    const { page, editor } = workbench;
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: METRIC_PROBLEM }).first();
    await row.waitFor({ timeout: 30000 });
    await goTo(page, editor, METRIC_LINE, METRIC_COLUMN + 2);
    assert.ok((await openQuickFixMenu(page)).includes(METRIC_FIX));
    await chooseQuickFix(page, METRIC_FIX);
    await editor.locator('.view-lines', { hasText: FIXED_TEXT }).waitFor({ timeout: 15000 });
    await row.waitFor({ state: 'detached', timeout: 15000 });
    await workbench.screenshot('installed-vsix-after-fix');
  });
});
