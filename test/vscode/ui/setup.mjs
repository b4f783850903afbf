// Runs once before the UI test files: screenshots of an earlier run are removed here, not by each
// file, so every file's screenshots of this run are kept side by side in test-artifacts/ui/.
import fs from 'node:fs';
import { artifacts } from './workbench.mjs';

export function mochaGlobalSetup() {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
}
