// Opens the fixture workspace in the real workbench (code-server + headless Chromium) and offers
// the few gestures the UI tests need. Each session copies the fixtures, so edits never reach them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertHarnessInstalled, closeBrowser, launchBrowser, makeRunDirectory, startCodeServer } from '../../../scripts/e2e/harness.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifacts = path.join(root, 'test-artifacts/ui');

/**
 * @param {{ file: string, developmentExtension?: string, installExtensions?: string[], userSettings?: object }} options
 *   `developmentExtension` loads a folder as in F5 debugging; `installExtensions` installs .vsix files first;
 *   `userSettings` are added to the user settings before the workbench loads.
 */
export async function openWorkbench({ file, developmentExtension, installExtensions = [], userSettings = {} }) {
  assertHarnessInstalled();
  fs.mkdirSync(artifacts, { recursive: true });
  const runDirectory = makeRunDirectory('mlsd-ui-');
  const workspace = path.join(runDirectory, 'workspace');
  fs.cpSync(path.join(root, 'test/vscode/workspace'), workspace, { recursive: true });
  let server;
  let browser;
  const close = async () => {
    await closeBrowser(browser);
    await server?.stop();
    fs.rmSync(runDirectory, { recursive: true, force: true });
  };
  try {
    const [started, launched] = await Promise.all([
      startCodeServer({ runDirectory, testDriver: Boolean(developmentExtension), installExtensions }),
      launchBrowser({ runDirectory }),
    ]);
    server = started;
    browser = launched.browser;
    if (Object.keys(userSettings).length > 0) {
      const settingsFile = path.join(runDirectory, 'user-data', 'User', 'settings.json');
      const settings = { ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')), ...userSettings };
      fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    }
    const page = await launched.context.newPage();
    const payload = [['openFile', server.remoteUri(path.join(workspace, file))]];
    if (developmentExtension) payload.unshift(['extensionDevelopmentPath', server.remoteUri(developmentExtension)]);
    await page.goto(server.workbenchUrl(workspace, payload));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').waitFor({ timeout: 60000 });
    return { page, editor, close, screenshot: (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) }) };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Moves the cursor with Go to Line (1-based line and column, as people count). */
export async function goTo(page, editor, line, column) {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
}

/** Ctrl+. until the quick fix menu shows (the first press can land before the markers arrive); returns its titles. */
export async function openQuickFixMenu(page) {
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
  return (await items.allInnerTexts()).map((title) => title.trim());
}

export async function chooseQuickFix(page, title) {
  await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
}

/**
 * Opens the palette (F1) filtered by `query` and waits until it lists `expected`, retrying while it
 * does not yet (a development extension's commands arrive a moment after the workbench). Returns the
 * titles listed, with the palette still open.
 */
export async function openPalette(page, query, expected = query) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: expected }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`>${query}`);
    try {
      await row.waitFor({ timeout: 10000 });
      return (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map((title) => title.trim());
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs a command from the palette by its title, e.g. "mlsd: New Design Doc…". */
export async function runCommand(page, title) {
  await openPalette(page, title.replace(/(…|\.\.\.)$/, ''));
  await page.keyboard.press('Enter');
}

/**
 * Picks the quick pick entry showing `label` (the quick pick must be open): filters by it, then
 * clicks it, as a person does (after a walkthrough button the Welcome page keeps the keyboard focus).
 */
export async function pick(page, label) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(label, { timeout: 10000 });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().click({ timeout: 10000 });
  await input.waitFor({ state: 'hidden', timeout: 10000 });
}

/**
 * Runs a command that opens a quick pick and picks `label` in it, running the command again when
 * its pick never shows or closes before it is filled: a quick pick closes when the workbench moves
 * the focus (a notification, the Welcome page), which a busy machine makes likely.
 */
export async function runCommandAndPick(page, title, label) {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    try {
      await pick(page, label);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Replaces whole lines `from`..`to` (1-based, inclusive) with one line of `text`, typed. */
export async function replaceLines(page, editor, from, to, text) {
  await goTo(page, editor, from, 1);
  for (let line = from; line <= to; line++) await page.keyboard.press('Control+L');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The status-bar entry showing `text`. */
export function statusBarItem(page, text) {
  return page.locator('.statusbar-item', { hasText: text }).first();
}
