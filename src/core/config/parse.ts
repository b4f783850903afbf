import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ConfigError, Position } from '../types';
import { createPositionLookup, rangeFromOffsets } from './text-positions';
import { validateConfigObject, type ConfigLocator, type ConfigVocabulary, type ValidatedConfig } from './validate';

export type ConfigFormat = 'json' | 'jsonc' | 'yaml';

/** The config file names looked for, nearest directory first, in this order within a directory. */
export const CONFIG_FILE_NAMES = ['.mlsd.json', '.mlsd.jsonc', '.mlsd.yaml', '.mlsd.yml'] as const;

export function configFormatOf(file: string): ConfigFormat {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.jsonc$/i.test(file)) return 'jsonc';
  return 'json';
}

/**
 * Parses and validates the text of a config file. Syntax errors are located and the parser's
 * recovered value is still used, so one typo loses only what it touches.
 */
export function parseConfigText(
  rawText: string,
  file: string,
  vocabulary: ConfigVocabulary,
  format: ConfigFormat = configFormatOf(file),
): ValidatedConfig {
  // Editors hide a byte-order mark, so positions are counted without it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const toPosition = createPositionLookup(text);
  const tooLarge = sizeProblem(text);
  if (tooLarge)
    return {
      config: {},
      problems: [
        { severity: 'error', file, range: rangeFromOffsets(toPosition, tooLarge.offset, tooLarge.offset + 1), message: tooLarge.message },
      ],
    };
  const parsed = format === 'yaml' ? readYaml(text, file, toPosition) : readJson(text, file, format, toPosition);
  const validated = validateConfigObject(parsed.value, file, parsed.locate, vocabulary);
  return { config: validated.config, problems: [...parsed.problems, ...validated.problems] };
}

/**
 * Reads the `mlsd:` key of a document's front matter. `yamlText` is the front matter without its
 * `---` fences and `firstLine` the 0-based document line where it starts, so ranges point into the
 * document. `mlsd: true` only marks the file as a design doc and configures nothing.
 */
export function parseFrontMatterConfig(yamlText: string, file: string, firstLine: number, vocabulary: ConfigVocabulary): ValidatedConfig {
  const toLocalPosition = createPositionLookup(yamlText);
  const toPosition = (offset: number): Position => {
    const local = toLocalPosition(offset);
    return { line: local.line + firstLine, character: local.character };
  };
  const parsed = readYaml(yamlText, file, toPosition);
  const block: unknown = isObject(parsed.value) ? parsed.value.mlsd : undefined;
  if (block === undefined || block === null || typeof block === 'boolean') return { config: {}, problems: [] };
  const locate: ConfigLocator = (path, part) => parsed.locate(['mlsd', ...path], part);
  // YAML syntax errors belong to the whole front matter; the core reports them as it sees fit.
  return validateConfigObject(block, file, locate, vocabulary);
}

/** Far beyond any configuration; the parsers and the validator recurse once per level. */
export const MAX_CONFIG_DEPTH = 32;
export const MAX_CONFIG_LENGTH = 1_000_000;

/**
 * A configuration too big or nested too deep to read safely, with where it becomes so. Brackets are
 * counted outside quoted strings, in one pass, before any parser sees the text.
 */
function sizeProblem(text: string): { offset: number; message: string } | undefined {
  if (text.length > MAX_CONFIG_LENGTH)
    return { offset: 0, message: `Configuration ignored: larger than ${MAX_CONFIG_LENGTH.toLocaleString('en-US')} characters.` };
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote || char === '\n') quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > MAX_CONFIG_DEPTH)
        return { offset: index, message: `Configuration ignored: nested deeper than ${MAX_CONFIG_DEPTH} levels.` };
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return undefined;
}

interface ParsedSource {
  value: unknown;
  locate: ConfigLocator;
  problems: ConfigError[];
}

function readJson(text: string, file: string, format: ConfigFormat, toPosition: (offset: number) => Position): ParsedSource {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: format === 'json', allowEmptyContent: false });
  const problems: ConfigError[] = errors.map((error) => ({
    severity: 'error',
    file,
    range: rangeFromOffsets(toPosition, error.offset, error.offset + error.length),
    message: describeJsonError(printParseErrorCode(error.error), format),
  }));
  const locate: ConfigLocator = (path, part) => {
    if (!root) return undefined;
    const node = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
    if (!node) return undefined;
    const target: JsonNode | undefined = part === 'key' && node.parent?.type === 'property' ? node.parent.children?.[0] : node;
    return target ? rangeFromOffsets(toPosition, target.offset, target.offset + target.length) : undefined;
  };
  const onDuplicate = (key: JsonNode): void => {
    problems.push({
      severity: 'warning',
      file,
      range: rangeFromOffsets(toPosition, key.offset, key.offset + key.length),
      message: `Duplicate key ${JSON.stringify(String(key.value))}; the last one is used.`,
    });
  };
  return { value: root ? jsonValue(root, onDuplicate) : undefined, locate, problems };
}

/**
 * Like jsonc-parser's getNodeValue, but a property whose value failed to parse is left out instead
 * of becoming undefined, a repeated key is reported, and "__proto__" stays an ordinary key (so the
 * validator reports it as unknown instead of it vanishing into the prototype).
 */
function jsonValue(node: JsonNode, onDuplicate: (key: JsonNode) => void): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        if (Object.hasOwn(result, name)) onDuplicate(key);
        Object.defineProperty(result, name, { value: jsonValue(value, onDuplicate), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child) => jsonValue(child, onDuplicate));
    default:
      return node.value;
  }
}

const jsonErrorMessages: Record<string, string> = {
  InvalidSymbol: 'Unexpected character; expected a JSON value',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":" after the property name',
  CommaExpected: 'Expected "," between entries',
  CloseBraceExpected: 'Expected "}" to close the object',
  CloseBracketExpected: 'Expected "]" to close the list',
  EndOfFileExpected: 'Unexpected content after the configuration object',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

function describeJsonError(code: string, format: ConfigFormat): string {
  if (code === 'InvalidCommentToken') {
    return format === 'json' ? 'Comments are not allowed in .json; rename the file to .mlsd.jsonc to use comments.' : 'Invalid comment';
  }
  return `JSON syntax error: ${jsonErrorMessages[code] ?? code}.`;
}

/**
 * Where to show a YAML error found at `offset`: an error the parser only notices at the end of the
 * text ("... must end with a ]") goes where the text ends, on the line to fix, not after it.
 */
export function yamlErrorOffset(text: string, offset: number): number {
  const end = text.trimEnd().length;
  return offset >= end && end > 0 ? end : offset;
}

function readYaml(text: string, file: string, toPosition: (offset: number) => Position): ParsedSource {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const problems: ConfigError[] = [...document.errors, ...document.warnings].map((error) => {
    const start = yamlErrorOffset(text, error.pos[0]);
    const end = Math.max(start, Math.min(error.pos[1], text.length));
    const range = rangeFromOffsets(toPosition, start, end);
    // As in JSON: the last of a repeated key is used, which is worth a warning, not a broken file.
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]*?)(?=[ \t]*:)/.exec(text.slice(start))?.[0] ?? text.slice(start, end);
      return {
        severity: 'warning',
        file,
        range: rangeFromOffsets(toPosition, start, start + key.length),
        message: `Duplicate key ${JSON.stringify(key.replace(/^["']|["']$/g, ''))}; the last one is used.`,
      };
    }
    return {
      severity: document.errors.includes(error as never) ? 'error' : 'warning',
      file,
      range,
      message: `YAML syntax error: ${firstLine(error.message)}`,
    };
  });
  const locate: ConfigLocator = (path, part) => {
    const found = findYamlNode(document, path);
    const node = part === 'key' ? (found?.key ?? found?.value) : (found?.value ?? found?.key);
    const range = node?.range;
    if (!range) return undefined;
    // Block collections end after their last newline; the reader's range ends at the last character.
    let end = range[1];
    while (end > range[0] && /\s/.test(text[end - 1] as string)) end--;
    return rangeFromOffsets(toPosition, range[0], end);
  };
  let value: unknown;
  try {
    // An empty file (or one holding only comments) is an empty configuration, not a null one.
    value = document.contents === null ? undefined : document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({
      severity: 'error',
      file,
      range: rangeFromOffsets(toPosition, 0, 0),
      message: `YAML error: ${firstLine(String((error as Error).message))}`,
    });
  }
  return { value, locate, problems };
}

function findYamlNode(document: Document, path: readonly (string | number)[]): { key?: YamlNode; value?: YamlNode } | undefined {
  let current: unknown = document.contents;
  let key: YamlNode | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      key = pair.key as YamlNode;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      key = undefined;
      current = current.items[segment];
    } else {
      return undefined;
    }
  }
  return { key, value: (current ?? undefined) as YamlNode | undefined };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
