// Regenerates the files built from the framework data: the metric-name pattern of the injection
// grammar, the rule and scenario settings in package.json, and the config JSON Schema. Run after
// changing the data: `npm run generate:contributions`. test/unit/generated-files.test.ts and
// test/core/config-schema.test.ts fail when a committed file differs from what this writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMAR_PATH, grammarWithGeneratedPatterns } from '../src/vscode/authoring/grammarPatterns';
import { manifestWithGeneratedSettings } from '../src/vscode/settingsContributions';
import { buildConfigSchema } from '../src/core/config/schema';
import { CONFIG_VOCABULARY } from '../src/core/config/vocabulary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (before === text) {
    console.log(`${relative}: up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`${relative}: written`);
}

const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
write(GRAMMAR_PATH, grammarWithGeneratedPatterns(read(GRAMMAR_PATH)));
write('package.json', manifestWithGeneratedSettings(read('package.json')));
write('schemas/mlsd-config.schema.json', `${JSON.stringify(buildConfigSchema(CONFIG_VOCABULARY), null, 2)}\n`);
