// "Disable <rule> in the project config" as plain text edits on the config file, so every adapter
// (the language server; any editor) changes the file the same way: JSON and JSONC keep their
// comments and layout (jsonc-parser's modify), YAML is rewritten through its document model.
import { modify } from 'jsonc-parser';
import { isMap, parseDocument } from 'yaml';
import { configFormatOf } from './parse';

/** A replacement of `length` characters at `offset` (UTF-16), on the file's current text. */
export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

const JSON_FORMATTING = { insertSpaces: true, tabSize: 2, eol: '\n' } as const;

/** The text of a new `.mlsd.json` that turns one rule off. */
export function newConfigWithRuleOff(ruleId: string): string {
  return `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`;
}

/**
 * The edits that set `rules.<ruleId>: off` in an existing config file, or undefined when the file
 * cannot be edited safely (its YAML does not parse, or is not a mapping).
 */
export function disableRuleInConfigText(fileName: string, text: string, ruleId: string): OffsetEdit[] | undefined {
  if (configFormatOf(fileName) === 'yaml') {
    const yaml = parseDocument(text);
    if (yaml.errors.length > 0 || (yaml.contents !== null && !isMap(yaml.contents))) return undefined;
    yaml.setIn(['rules', ruleId], 'off');
    return [{ offset: 0, length: text.length, content: yaml.toString() }];
  }
  if (text.trim() === '') {
    // An empty file: write the whole object rather than patching nothing.
    return [{ offset: 0, length: text.length, content: newConfigWithRuleOff(ruleId) }];
  }
  return modify(text, ['rules', ruleId], 'off', { formattingOptions: JSON_FORMATTING });
}
