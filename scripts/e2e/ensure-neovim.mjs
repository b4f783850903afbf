#!/usr/bin/env node
// `npm run test:neovim` runs this first: the test drives Neovim's built-in LSP client (0.7 or
// newer), so a machine without it gets Debian's `neovim` package from apt, with a progress line.
// Where apt cannot run, it stops with one message that says what to install.
import { spawnSync } from 'node:child_process';
import { whyAptCannotRun } from './harness.mjs';

const NAME = 'test:neovim';
const MINIMUM = [0, 7];

/** Neovim's version on PATH as [major, minor], or undefined when there is none. */
function neovimVersion() {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const match = run.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(run.stdout) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const recentEnough = (version) =>
  version !== undefined && (version[0] > MINIMUM[0] || (version[0] === MINIMUM[0] && version[1] >= MINIMUM[1]));

function fail(message) {
  console.error(`${NAME}: ${message}`);
  process.exit(2);
}

const found = neovimVersion();
if (!recentEnough(found)) {
  const what = found ? `Neovim ${found.join('.')} is older than ${MINIMUM.join('.')}` : 'Neovim is not installed';
  const obstacle = whyAptCannotRun();
  if (obstacle)
    fail(
      `${what}, and it cannot be installed here: ${obstacle}. Install Neovim ${MINIMUM.join('.')} or newer (its built-in LSP client is what this test drives) and rerun.`,
    );
  console.error(`[${NAME}] ${what}: installing Debian's neovim package with apt (once per machine)`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) => {
    const [program, ...rest] = [...asRoot, 'apt-get', ...args];
    return spawnSync(program, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  apt('update', '-qq');
  const installed = apt('install', '-y', '-qq', '--no-install-recommends', 'neovim');
  if (installed.status !== 0 || !recentEnough(neovimVersion())) {
    fail(
      `installing Neovim with apt failed (${installed.error?.message ?? `exit code ${installed.status}`}; apt's own message is above). ` +
        `Install Neovim ${MINIMUM.join('.')} or newer and rerun.`,
    );
  }
  console.error(`[${NAME}] Neovim ${neovimVersion().join('.')} installed`);
}
