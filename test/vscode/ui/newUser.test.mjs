// A new user's first session, step by step in the real workbench, with a screenshot per step in
// test-artifacts/ui/new-user-*.png: a design doc from a template, a section filled in and the
// coverage view following it, a quick fix, the review (the views stay on the doc), the
// walkthrough's "Insert Section" button, a rule's docs from the Problems panel (a read-only
// preview), and a practice interview started and stopped.
/* global describe, before, afterEach, after, it, document */
import assert from 'node:assert/strict';
import { goTo, openQuickFixMenu, chooseQuickFix, openWorkbench, pick, root, runCommand, selectLines, statusBarItem } from './workbench.mjs';

const BUSINESS_METRIC = 'Fraud losses in basis points of card volume, from the monthly chargeback files: a win is cutting them by a third while false declines stay under 0.2% of good payments.';
const MODEL_METRIC = 'The model is judged on accuracy over a held-out month; recall at a precision floor moves the fraud losses.';

describe('a new user\'s first session', function () {
  let workbench;
  let step = 0;
  const shot = (name) => workbench.screenshot(`new-user-${String(++step).padStart(2, '0')}-${name}`);

  before(async function () {
    workbench = await openWorkbench({ file: 'README.md', developmentExtension: root });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-new-user-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  after(async function () {
    await workbench?.close();
  });

  /** The coverage view's row for an entry, by its label. */
  const coverageRow = (label) => workbench.page.locator('.pane-body .monaco-list-row', { hasText: label }).first();

  it('offers "Stop Practice Interview" only while a practice runs', async function () {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>mlsd: St');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Start Practice Interview' }).first().waitFor({ timeout: 20000 });
    const titles = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    assert.equal(titles.some((title) => title.includes('Stop Practice Interview')), false, titles.join(' | '));
    await shot('palette-without-stop');
    await page.keyboard.press('Escape');
  });

  it('opens a design doc from a template; the status bar says what its number is', async function () {
    const { page } = workbench;
    await runCommand(page, 'mlsd: New Design Doc…');
    await pick(page, 'Fraud detection: full design doc');
    await page.locator('.editor-instance .view-lines', { hasText: 'Fraud detection system design' }).first().waitFor({ timeout: 20000 });
    const status = statusBarItem(page, 'Design ');
    await status.waitFor({ timeout: 60000 });
    assert.match(await status.innerText(), /^Design \d+\/100$/);
    await status.click();
    await coverageRow('Business metric').waitFor({ timeout: 20000 });
    await shot('template-and-coverage');
  });

  it('fills a section in, and the coverage view follows', async function () {
    const { page } = workbench;
    const editor = page.locator('.editor-instance .monaco-editor').first();
    assert.match(await coverageRow('Business metric').innerText(), /partial/);
    await selectLines(page, editor, 11, 12);
    await page.keyboard.type(BUSINESS_METRIC);
    await page.waitForFunction(() => [...document.querySelectorAll('.pane-body .monaco-list-row')]
      .some((row) => row.textContent.includes('Business metric') && row.textContent.includes('present')), undefined, { timeout: 30000 });
    await shot('section-filled-coverage-updated');
  });

  it('fixes a misaligned metric with Ctrl+.', async function () {
    const { page } = workbench;
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await selectLines(page, editor, 16, 17);
    await page.keyboard.type(MODEL_METRIC);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    await goTo(page, editor, 16, 'The model is judged on acc'.length);
    const titles = await openQuickFixMenu(page);
    assert.ok(titles.includes("Replace 'accuracy' with PR-AUC"), JSON.stringify(titles));
    await shot('quick-fix-menu');
    await chooseQuickFix(page, "Replace 'accuracy' with PR-AUC");
    await editor.locator('.view-lines', { hasText: 'The model is judged on PR-AUC' }).waitFor({ timeout: 15000 });
    await shot('quick-fix-applied');
  });

  it('shows the review beside the doc, while the status bar and the coverage view stay on the doc', async function () {
    const { page } = workbench;
    const before = await statusBarItem(page, 'Design ').innerText();
    await runCommand(page, 'mlsd: Show Design Review');
    await page.locator('.editor-instance .view-lines', { hasText: '# Design review' }).first().waitFor({ timeout: 30000 });
    // Give the views the time they take to follow an editor change, then check they did not.
    await page.waitForTimeout(1500);
    assert.equal(await statusBarItem(page, 'Design ').innerText(), before);
    assert.match(await page.locator('.pane-body .message', { hasText: 'design score' }).first().innerText(), /^Untitled-\d+: design score \d+\/100$/);
    await shot('review-views-stay-on-doc');
  });

  it('runs the walkthrough\'s "Insert Section" on the design doc, and ticks the step', async function () {
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough…');
    await pick(page, 'Write ML system design docs with mlsd');
    await page.getByRole('button', { name: 'Fix with Ctrl+.' }).first().click();
    await page.getByRole('button', { name: 'Insert Section' }).first().click();
    await pick(page, 'trade-off table');
    await page.locator('.editor-instance .view-lines', { hasText: 'We choose' }).first().waitFor({ timeout: 20000 });
    await shot('walkthrough-section-inserted');
    await runCommand(page, 'Welcome: Open Walkthrough…');
    await pick(page, 'Write ML system design docs with mlsd');
    const stepDone = page.locator('.getting-started-step.complete', { hasText: 'Fix with Ctrl+.' });
    await stepDone.first().waitFor({ timeout: 10000 });
    await shot('walkthrough-step-ticked');
    await page.keyboard.press('Control+W');
  });

  it('opens a rule\'s docs from the Problems panel as a read-only preview that stays on the rule', async function () {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel .monaco-list-row .code-link', { hasText: 'metric-task-mismatch' }).first();
    const anyLink = page.locator('.markers-panel .monaco-list-row .code-link').first();
    await anyLink.waitFor({ timeout: 30000 });
    const target = (await link.count()) > 0 ? link : anyLink;
    const rule = (await target.innerText()).split('/')[0].trim();
    await target.click();
    const previewTab = page.locator('.tabs-container .tab', { hasText: `${rule}.md` }).first();
    await previewTab.waitFor({ timeout: 20000 });
    assert.match(await previewTab.innerText(), /Preview/);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('.tabs-container .tab', { hasText: `${rule}.md` }).count(), 1, 'only the preview holds the page, no text editor');
    await shot('rule-docs-preview');
  });

  it('starts a practice interview and asks before stopping it; the review tells the session', async function () {
    const { page } = workbench;
    await runCommand(page, 'mlsd: Start Practice Interview…');
    await pick(page, 'Fraud detection');
    const timer = statusBarItem(page, 'Problem framing');
    await timer.waitFor({ timeout: 20000 });
    assert.match(await timer.innerText(), /^1\/8 Problem framing & success · 0[78]:\d\d$/);
    await shot('practice-started');
    await timer.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10000 });
    assert.match(await dialog.innerText(), /Stop the practice interview\?/);
    await shot('practice-stop-asks');
    await dialog.getByRole('button', { name: 'Stop and Review' }).click();
    await page.locator('.editor-instance .view-lines', { hasText: 'Practice session' }).first().waitFor({ timeout: 30000 });
    await shot('practice-review');
  });
});
