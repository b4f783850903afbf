// A new user's first session, step by step in the real workbench, with a screenshot per step in
// test-artifacts/ui/new-user-*.png: a design doc from a template, a section filled in and the
// coverage view following it, a quick fix, the review (the views stay on the doc), the
// walkthrough's "Insert Section" button, a rule's docs from the Problems panel (a read-only
// preview), and a practice interview started and stopped.
/* global describe, before, afterEach, after, it, document */
import assert from 'node:assert/strict';
import {
  goTo,
  openPalette,
  openQuickFixMenu,
  chooseQuickFix,
  openWorkbench,
  pick,
  replaceLines,
  root,
  runCommand,
  runCommandAndPick,
  statusBarItem,
} from './workbench.mjs';

const BUSINESS_METRIC =
  'Fraud losses in basis points of card volume, from the monthly chargeback files: a win is cutting them by a third while false declines stay under 0.2% of good payments.';
const MODEL_METRIC = 'The model is judged on accuracy over a held-out month, which should move the fraud losses.';

describe("a new user's first session", function () {
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
    const titles = await openPalette(workbench.page, 'Practice Interview', 'mlsd: Start Practice Interview');
    assert.equal(
      titles.some((title) => title.includes('Stop Practice Interview')),
      false,
      titles.join(' | '),
    );
    await shot('palette-without-stop');
    await page.keyboard.press('Escape');
  });

  it('opens a design doc from a template; the status bar says what its number is', async function () {
    const { page } = workbench;
    await runCommandAndPick(page, 'mlsd: New Design Doc…', 'Fraud detection: full design doc');
    await page.locator('.editor-instance .view-lines', { hasText: 'Fraud detection system design' }).first().waitFor({ timeout: 20000 });
    const status = statusBarItem(page, 'Design ');
    await status.waitFor({ timeout: 60000 });
    assert.match((await status.innerText()).trim(), /^Design \d+\/100$/);
    await status.click();
    await coverageRow('Business metric').waitFor({ timeout: 20000 });
    await shot('template-and-coverage');
  });

  it('fills a section in, and the coverage view follows', async function () {
    const { page } = workbench;
    const editor = page.locator('.editor-instance .monaco-editor').first();
    assert.match(await coverageRow('Business metric').innerText(), /partial/);
    await replaceLines(page, editor, 11, 12, BUSINESS_METRIC);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.pane-body .monaco-list-row')].some(
          (row) => row.textContent.includes('Business metric') && row.textContent.includes('present'),
        ),
      undefined,
      { timeout: 30000 },
    );
    await shot('section-filled-coverage-updated');
  });

  it('fixes a misaligned metric with Ctrl+.', async function () {
    const { page } = workbench;
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // The business metric took the place of two lines: the model metric's prompts are now lines 15-16.
    await replaceLines(page, editor, 15, 16, MODEL_METRIC);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    await goTo(page, editor, 15, 'The model is judged on acc'.length);
    const titles = await openQuickFixMenu(page);
    assert.ok(titles.includes("Replace 'accuracy' with PR-AUC"), JSON.stringify(titles));
    await shot('quick-fix-menu');
    await chooseQuickFix(page, "Replace 'accuracy' with PR-AUC");
    await editor.locator('.view-lines', { hasText: 'The model is judged on PR-AUC' }).waitFor({ timeout: 15000 });
    await shot('quick-fix-applied');
  });

  it('shows the review beside the doc, while the status bar and the coverage view stay on the doc', async function () {
    const { page } = workbench;
    await runCommand(page, 'mlsd: Show Design Review');
    const review = page.locator('.editor-instance .view-lines', { hasText: '# Design review' }).first();
    await review.waitFor({ timeout: 30000 });
    const score = /Score:\s*(\d+)\/100/.exec(await review.innerText())?.[1];
    assert.ok(score, 'the review shows a score');
    // A generated report, read-only: its tab is never an unsaved document that asks to be saved on close.
    await page.locator('.tabs-container .tab', { hasText: 'Design review of Untitled-1.md' }).first().waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.tabs-container .tab.dirty', { hasText: 'Design review of' }).count(), 0);
    // The review is the active editor; the views show the doc it reviews, and its score.
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('.statusbar-item')].some((item) => item.textContent.trim() === expected),
      `Design ${score}/100`,
      { timeout: 15000 },
    );
    assert.match(
      await page.locator('.pane-body .message', { hasText: 'design score' }).first().innerText(),
      new RegExp(`^Untitled-1: design score ${score}/100$`),
    );
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
    const step = page.locator('.getting-started-step', { hasText: 'Fix with Ctrl+.' }).first();
    await step.locator('[class*="step-checked"]').first().waitFor({ timeout: 10000 });
    await shot('walkthrough-step-ticked');
    await page.keyboard.press('Control+W');
  });

  it("opens a rule's docs from the Problems panel as a read-only preview that stays on the rule", async function () {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel .monaco-list-row a', { hasText: 'no-online-metric' }).first();
    await link.waitFor({ timeout: 30000 });
    const rule = 'no-online-metric';
    await link.click();
    const previewTab = page.locator('.tabs-container .tab', { hasText: `[Preview] ${rule}.md` }).first();
    await previewTab.waitFor({ timeout: 20000 });
    await page.waitForTimeout(1000);
    assert.equal(
      await page.locator('.tabs-container .tab', { hasText: `${rule}.md` }).count(),
      1,
      'only the preview holds the page, no text editor',
    );
    await shot('rule-docs-preview');
  });

  it('starts a practice interview and asks before stopping it; the review tells the session', async function () {
    const { page } = workbench;
    await runCommandAndPick(page, 'mlsd: Start Practice Interview…', 'Fraud detection');
    const timer = statusBarItem(page, 'Problem framing');
    await timer.waitFor({ timeout: 20000 });
    assert.match((await timer.innerText()).trim(), /^1\/8 Problem framing & success · 0[78]:\d\d$/);
    await shot('practice-started');
    assert.ok((await openPalette(page, 'Practice Interview', 'mlsd: Stop Practice Interview')).length > 0);
    await page.keyboard.press('Escape');
    await timer.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10000 });
    assert.match(await dialog.innerText(), /Stop the practice interview\?/);
    await shot('practice-stop-asks');
    await dialog.getByRole('button', { name: 'Stop and Review' }).click();
    const review = page.locator('.editor-instance .monaco-editor', { hasText: '# Design review: Untitled-2' }).first();
    await review.waitFor({ timeout: 30000 });
    // The session is at the end of the review.
    await review.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.locator('.editor-instance .view-lines', { hasText: 'Nudges' }).first().waitFor({ timeout: 10000 });
    await shot('practice-review');
  });
});
