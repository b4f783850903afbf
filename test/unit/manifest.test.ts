// package.json mirrors the core in the parts generate:contributions does not write: the settings an
// editor reads (their names, choices and defaults, which core/editor-settings.ts also applies when a
// value is missing or invalid), the config files it validates, and the files it ships.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { CONFIG_FILE_NAMES } from '../../src/core/config';
import { editorSettingsFrom, RUN_MODES, SETTINGS_SECTION } from '../../src/core/editor-settings';

interface Manifest {
  files: string[];
  contributes: {
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
    jsonValidation: { fileMatch: string[]; url: string }[];
    yamlValidation: { fileMatch: string; url: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('package.json mirrors the core', () => {
  it('offers exactly the settings the editors read, each defaulting to what the core assumes when it is unset', () => {
    const defaults = editorSettingsFrom({});
    assert.deepEqual(
      Object.keys(properties).sort(),
      Object.keys(defaults)
        .map((key) => `${SETTINGS_SECTION}.${key}`)
        .sort(),
    );
    for (const [key, value] of Object.entries(defaults)) assert.deepEqual(properties[`${SETTINGS_SECTION}.${key}`]!.default, value, key);
  });

  it('offers the run modes the core knows', () => {
    assert.deepEqual(properties[`${SETTINGS_SECTION}.run`]!.enum, [...RUN_MODES]);
  });

  it('validates every config file name the core discovers, with the generated schema', () => {
    const validated = [
      ...manifest.contributes.jsonValidation.flatMap((entry) => entry.fileMatch),
      ...manifest.contributes.yamlValidation.map((entry) => entry.fileMatch),
    ];
    assert.deepEqual(validated.sort(), [...CONFIG_FILE_NAMES].sort());
    for (const { url } of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation])
      assert.equal(url, './schemas/mlsd-config.schema.json');
  });

  it('ships only folders and files that exist, in package.json and .vscodeignore', () => {
    for (const entry of manifest.files)
      assert.ok(fs.existsSync(entry) || entry === 'dist', `package.json "files" names ${entry}, which does not exist`);
    const reincluded = fs
      .readFileSync('.vscodeignore', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!') && line.endsWith('/**'));
    for (const line of reincluded)
      assert.ok(fs.existsSync(line.slice(1, -'/**'.length)), `.vscodeignore ships ${line.slice(1)}, which does not exist`);
  });
});
