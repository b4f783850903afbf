// extensionTestsPath: the extension host requires this bundle and awaits run().
import Mocha from 'mocha';
import path from 'node:path';
import fs from 'node:fs';

export function run(): Promise<void> {
  // MLSD_TEST_GREP runs only the matching tests (the runner's environment reaches the extension host).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90000, reporter: 'spec', grep: process.env.MLSD_TEST_GREP });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
