// Runs an extensionTestsPath module (mocha, exporting run()) inside code-server's real Node
// extension host, as @vscode/test-electron does with desktop VS Code.
//
// How: code-server starts with the smoke-test driver enabled, and the workbench opens with
//   ?folder=WS&payload=[["extensionDevelopmentPath", vscode-remote URI], ["extensionTestsPath", ...]]
// The workbench forwards the extension host's console to window.codeAutomationLog and the end of
// the run to window.codeAutomationExit(code); playwright exposes both to this process.
// The result is the suite's exit code (0 or 1); 2 harness problem, 124 timeout, 130 interrupted.
// The environment of this process reaches the extension host.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { HarnessError, closeBrowser, launchBrowser, logger, makeRunDirectory, startCodeServer } from './harness.mjs';

// The workbench's own routine console lines, and the expected refusals of the closed gallery port.
// Accounts and authentication time out or get cancelled because no provider exists offline.
const WORKBENCH_NOISE = new RegExp(
  [
    '^Resolv(ing|ed) connection token',
    '^Creating a socket',
    '^\\[reconnection-grace-time\\]',
    '^Updating additional builtin extensions cache',
    '^\\[Service Worker\\]',
    '^\\[AgentHost',
    '^\\[AccountPolicyGate\\]',
    '^\\[DefaultAccount\\]',
    '^Canceled: Canceled',
    '^Timed out waiting for authentication provider',
    'ECONNREFUSED 127\\.0\\.0\\.1:9',
  ].join('|'),
);

/**
 * @param {{ extensionDevelopmentPaths: string[], extensionTestsPath: string, workspace?: string,
 *           timeoutMs?: number, screenshot?: string }} options
 * @returns {Promise<number>} exit code
 */
export async function runInCodeServer(options) {
  const log = logger('vscode-tests');
  const timeoutMs = Number(options.timeoutMs || process.env.E2E_TIMEOUT_MS || 600000);
  const runDirectory = makeRunDirectory('mlsd-vscode-tests-');
  let server;
  let browser;
  let page;
  let settle;
  const outcome = new Promise((resolve) => {
    settle = resolve;
  });
  let settled = false;
  const finish = (code, why) => {
    if (settled) return;
    settled = true;
    settle({ code, why });
  };
  const timer = setTimeout(() => finish(124, `no result after ${timeoutMs} ms`), timeoutMs);
  const onSignal = (signal) => finish(130, `received ${signal}`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  (async () => {
    const extensions = options.extensionDevelopmentPaths.map((p) => path.resolve(p));
    const tests = path.resolve(options.extensionTestsPath);
    for (const p of [...extensions, tests]) if (!fs.existsSync(p)) throw new HarnessError(`not found: ${p}`);
    const workspace = options.workspace ? path.resolve(options.workspace) : fs.mkdtempSync(path.join(runDirectory, 'workspace-'));
    const [started, launched] = await Promise.allSettled([
      startCodeServer({ runDirectory, testDriver: true, log }),
      launchBrowser({ runDirectory }),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value.browser;
    for (const step of [started, launched]) if (step.status === 'rejected') throw step.reason;
    page = await launched.value.context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_NOISE.test(text)) return;
      (type === 'error' || type === 'warn' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code), 'extension host finished'));
    page.on('pageerror', (error) => console.error(`[page error] ${error.message.slice(0, 300)}`));
    const payload = [
      ...extensions.map((extension) => ['extensionDevelopmentPath', server.remoteUri(extension)]),
      ['extensionTestsPath', server.remoteUri(tests)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.workbenchUrl(workspace, payload));
    log('workbench opened; the suite runs in the extension host');
  })().catch((error) => finish(2, error instanceof HarnessError ? error.message : error.stack || String(error)));

  const { code, why } = await outcome;
  clearTimeout(timer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  log(`${why}: exit code ${code}`);
  if (code !== 0 && page) {
    const screenshot = path.resolve(options.screenshot || path.join(runDirectory, 'failure.png'));
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, timeout: 10000 }).then(
      () => log(`screenshot: ${screenshot}`),
      () => undefined,
    );
  }
  await closeBrowser(browser);
  await server?.stop();
  if (code === 0) fs.rmSync(runDirectory, { recursive: true, force: true });
  else log(`logs kept in ${runDirectory}`);
  return code;
}
