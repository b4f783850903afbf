#!/usr/bin/env node
// `npm run test:ui` runs this first: installs the offline VS Code harness when it is missing (see
// ensureHarness in harness.mjs), and on failure says why in one message instead of a stack trace.
import { HarnessError, ensureHarness } from './harness.mjs';

const name = process.argv[2] || 'e2e';
try {
  await ensureHarness({ name });
} catch (error) {
  if (!(error instanceof HarnessError)) throw error;
  console.error(`${name}: ${error.message}`);
  process.exit(2);
}
