// Inline suppression comments:
//   <!-- mlsd-disable rule-id -->  ...  <!-- mlsd-enable rule-id -->
//   <!-- mlsd-disable-next-line rule-id -->
//   text <!-- mlsd-disable-line rule-id -->     (its own line, as in markdownlint and ESLint)
//   <!-- mlsd-disable-file rule-id -->
// No ID means every rule. An ID names a rule ("missing-element") or one of its sub-IDs
// ("missing-element/data.quality"). As in ESLint, " -- " starts a reason that names no rule.
// This file is the one home of that syntax: the analysis reads comments with `parseDirective`, the
// fixes write them with `directiveComment`.
import type { DirectiveComment, DocumentFacts, LocatedComment } from './analysis/facts';
import { frontMatterEnd } from './analysis/segments';
import { commentPlacement, isTableRow, scanStart, type BlockKind } from './fixes/blocks';
import { commentRemoval, idRemoval, inlineInsertion } from './fixes/directive-edits';
import { suggest } from './config/validate';
import type { ConfigError, Finding, Range, TextEdit } from './types';

type DirectiveKind = DirectiveComment['kind'];

const DIRECTIVE = /^mlsd-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

/** The directive an HTML comment's text (without `<!--` and `-->`) holds, or undefined for any other comment. */
export function parseDirective(commentText: string): { kind: DirectiveKind; ruleIds: string[] } | undefined {
  const match = DIRECTIVE.exec(commentText);
  if (!match) return undefined;
  const ruleList = (match[2] ?? '').split(REASON)[0]!;
  return { kind: match[1] as DirectiveKind, ruleIds: ruleList.split(/[\s,]+/).filter(Boolean) };
}

/** Where the reason starts: "--" on its own, after the rule IDs (or in place of them). */
const REASON = /(?:^|\s)--(?:\s|$)/;

/** The comment that applies a directive to one rule. */
export function directiveComment(kind: DirectiveKind, ruleId: string): string {
  return `<!-- mlsd-${kind} ${ruleId} -->`;
}

/**
 * A directive naming a rule mlsd does not have silences nothing, which its writer cannot see: each
 * such ID is a warning at the ID (ESLint reports the same), with the closest rule when it is a typo.
 */
export function unknownDirectiveRules(
  directives: readonly DirectiveComment[],
  lines: readonly string[],
  file: string,
  ruleIds: ReadonlySet<string>,
): ConfigError[] {
  const problems: ConfigError[] = [];
  for (const directive of directives)
    for (const id of directive.ruleIds) {
      if (ruleIds.has(id)) continue;
      const hint = suggest(id, ruleIds);
      const { line, character } = ruleIdPosition(directive, lines, id);
      const range = { start: { line, character }, end: { line, character: character + id.length } };
      problems.push({
        severity: 'warning',
        file,
        range,
        message: `Unknown rule "${id}" in an mlsd-${directive.kind} comment${hint ? ` (did you mean "${hint}"?)` : ''}; it silences nothing. Run "mlsd rules" for the list.`,
        ...(hint ? { fix: replacement(range, hint) } : {}),
      });
    }
  return problems;
}

const DIRECTIVE_NAMES = ['mlsd-disable', 'mlsd-enable', 'mlsd-disable-line', 'mlsd-disable-next-line', 'mlsd-disable-file'];

/**
 * A comment that starts like a directive but is none ("mlsd-disabel-next-line", "MLSD-disable")
 * silences nothing either: a warning at its name, with the closest directive.
 */
export function unknownDirectives(notDirectives: readonly LocatedComment[], lines: readonly string[], file: string): ConfigError[] {
  const problems: ConfigError[] = [];
  for (const comment of notDirectives) {
    const name = /^\S+/.exec(comment.text)![0];
    const { line } = comment.range.start;
    const character = Math.max(comment.range.start.character, (lines[line] ?? '').indexOf(name, comment.range.start.character));
    const hint = suggest(name, DIRECTIVE_NAMES);
    // "<!-- mlsd-style notes -->" is a comment about something else.
    if (!hint && !/able/.test(name)) continue;
    const range = { start: { line, character }, end: { line, character: character + name.length } };
    problems.push({
      severity: 'warning',
      file,
      range,
      message: `Unknown directive "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; it silences nothing. Expected ${DIRECTIVE_NAMES.join(', ')}.`,
      ...(hint ? { fix: replacement(range, hint) } : {}),
    });
  }
  return problems;
}

/**
 * An mlsd-disable-line comment on a line of its own silences that line, which holds nothing to
 * silence: a warning at its name, with the directive that reaches the line below.
 */
export function disableLineAlone(directives: readonly DirectiveComment[], lines: readonly string[], file: string): ConfigError[] {
  const problems: ConfigError[] = [];
  for (const directive of directives) {
    if (directive.kind !== 'disable-line' || directive.inline) continue;
    const first = lines[directive.range.start.line] ?? '';
    if (!first.trimStart().startsWith('<!--') || !(lines[directive.range.end.line] ?? '').trimEnd().endsWith('-->')) continue;
    const character = Math.max(0, first.indexOf('mlsd-'));
    problems.push({
      severity: 'warning',
      file,
      range: {
        start: { line: directive.range.start.line, character },
        end: { line: directive.range.start.line, character: character + 'mlsd-disable-line'.length },
      },
      message:
        'mlsd-disable-line on a line of its own silences nothing; write it after the text of the line to silence, or use mlsd-disable-next-line above it.',
    });
  }
  return problems;
}

function replacement(range: Range, text: string): NonNullable<ConfigError['fix']> {
  return { title: `Change to "${text}"`, edits: [{ range, newText: text }] };
}

/** Where the directive names `id`: the whole word after "mlsd-", not the first text that contains it. */
function ruleIdPosition(directive: DirectiveComment, lines: readonly string[], id: string): { line: number; character: number } {
  // The ID's whole word: "-->" right after it ("…mismatch-->") ends the comment, not the word.
  const word = new RegExp(`(?<![\\w/.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/.]|-(?!->))`, 'g');
  for (let line = directive.range.start.line; line <= directive.range.end.line; line++) {
    const text = lines[line] ?? '';
    word.lastIndex = line === directive.range.start.line ? Math.max(0, text.indexOf('mlsd-')) + 'mlsd-'.length + directive.kind.length : 0;
    const match = word.exec(text);
    if (match) return { line, character: match.index };
  }
  return { line: directive.range.start.line, character: Math.max(0, (lines[directive.range.start.line] ?? '').indexOf('mlsd-')) };
}

/** The ID of `ids` that names `ruleId` ("" when the directive names no rule, so every rule), or undefined. */
function namedBy(ids: readonly string[], ruleId: string): string | undefined {
  if (ids.length === 0) return '';
  const base = ruleId.split('/')[0]!;
  return ids.find((id) => id === ruleId || id === base);
}

/** A directive's rule ID ("" for a directive naming none) that silenced no finding. */
export interface UnusedDirective {
  directive: DirectiveComment;
  id: string;
}

/**
 * Which findings the directives silence, and afterwards which of their IDs silenced none: as ESLint
 * reports an unused disable directive, since a stale one would silence a finding written later.
 */
export function createSuppression(directives: readonly DirectiveComment[]): {
  isSuppressed: (finding: Finding) => boolean;
  unused: () => UnusedDirective[];
} {
  // Lines that hold only a directive: a disable-next-line comment above them reaches past them.
  const directiveLines = new Set<number>();
  for (const directive of directives)
    if (!directive.inline) for (let line = directive.range.start.line; line <= directive.range.end.line; line++) directiveLines.add(line);
  /** The line a disable-next-line comment covers: the next one that is not another directive. */
  const targetOf = (directive: DirectiveComment): number => {
    let line = directive.range.end.line + 1;
    while (directiveLines.has(line)) line++;
    return line;
  };
  const used = directives.map(() => new Set<string>());
  const isSuppressed = (finding: Finding): boolean => {
    const line = finding.range.start.line;
    let suppressed = false;
    // The disable comment whose region the finding is in, if no enable came after it.
    let region: { index: number; id: string } | undefined;
    directives.forEach((directive, index) => {
      const id = namedBy(directive.ruleIds, finding.ruleId);
      if (id === undefined) return;
      let covers = false;
      switch (directive.kind) {
        case 'disable-file':
          covers = true;
          break;
        case 'disable-line':
          covers = directive.range.start.line <= line && line <= directive.range.end.line;
          break;
        case 'disable-next-line':
          covers = targetOf(directive) === line;
          break;
        case 'disable':
          if (directive.range.end.line < line) region = { index, id };
          break;
        case 'enable':
          if (directive.range.end.line < line) region = undefined;
          break;
      }
      // Every comment that covers the finding is in use, so none of two overlapping ones is reported.
      if (covers) used[index]!.add(id);
      suppressed ||= covers;
    });
    if (region) used[region.index]!.add(region.id);
    return suppressed || region !== undefined;
  };
  const unused = (): UnusedDirective[] =>
    directives.flatMap((directive, index) =>
      directive.kind === 'enable'
        ? []
        : (directive.ruleIds.length ? directive.ruleIds : ['']).filter((id) => !used[index]!.has(id)).map((id) => ({ directive, id })),
    );
  return { isSuppressed, unused };
}

const UNUSED_SCOPE: Record<DirectiveKind, string> = {
  'disable-file': 'in this file',
  'disable-line': 'on its line',
  'disable-next-line': 'on the line below it',
  disable: 'in the region it disables',
  enable: '',
};

/**
 * A warning at each unused ID (at the directive's name when it names none). Left alone: an ID of a
 * rule that is off (under another config the comment may be needed), an ID mlsd does not have and
 * an mlsd-disable-line on a line of its own (both warned about already).
 */
export function unusedDirectiveWarnings(
  unused: readonly UnusedDirective[],
  directives: readonly DirectiveComment[],
  lines: readonly string[],
  file: string,
  isQuiet: (id: string) => boolean,
  lineBreak: string,
): ConfigError[] {
  // Removing an unused mlsd-disable takes the mlsd-enable that closes it along, as a pair.
  const removal = (directive: DirectiveComment): TextEdit[] => {
    const comment = commentRemoval(lines, directive, lineBreak);
    const enable = directive.kind === 'disable' ? closingEnable(directives, directive) : undefined;
    if (!enable) return [comment];
    const enableRemoval = commentRemoval(lines, enable, lineBreak);
    return enableRemoval.range.start.line > comment.range.end.line ? [comment, enableRemoval] : [comment];
  };
  return unused
    .filter(({ directive, id }) => (id === '' || !isQuiet(id)) && (directive.inline || directive.kind !== 'disable-line'))
    .map(({ directive, id }) => {
      const name = `mlsd-${directive.kind}`;
      const at = id
        ? ruleIdPosition(directive, lines, id)
        : { line: directive.range.start.line, character: Math.max(0, (lines[directive.range.start.line] ?? '').indexOf(name)) };
      const length = id ? id.length : name.length;
      return {
        severity: 'warning' as const,
        file,
        range: { start: at, end: { line: at.line, character: at.character + length } },
        message: id
          ? `Unused ${name} for "${id}": no such finding ${UNUSED_SCOPE[directive.kind]}; remove the ID.`
          : `Unused ${name}: no finding ${UNUSED_SCOPE[directive.kind]}; remove the comment.`,
        fix:
          directive.ruleIds.length > 1
            ? { title: `Remove "${id}" from the ${name} comment`, edits: [idRemoval(lines, at, id)], isPreferred: true }
            : { title: `Remove the unused ${name} comment`, edits: removal(directive), isPreferred: true },
      };
    });
}

/**
 * The mlsd-enable that ends `disable`'s region and no other: the next region directive after it
 * that names any of its rules, when that is an enable naming the same ones. Another disable of them
 * first would share the enable, which then stays.
 */
function closingEnable(directives: readonly DirectiveComment[], disable: DirectiveComment): DirectiveComment | undefined {
  const ids = [...disable.ruleIds].sort().join(' ');
  const touches = (directive: DirectiveComment): boolean =>
    directive.ruleIds.length === 0 || disable.ruleIds.length === 0 || directive.ruleIds.some((id) => disable.ruleIds.includes(id));
  const next = directives.find(
    (directive) =>
      (directive.kind === 'enable' || directive.kind === 'disable') &&
      directive.range.start.line > disable.range.end.line &&
      touches(directive),
  );
  return next?.kind === 'enable' && [...next.ruleIds].sort().join(' ') === ids ? next : undefined;
}

/**
 * The fix that silences one finding, and what it covers: a disable-next-line comment above the
 * finding's line when that line starts a block; inside a paragraph or table, a disable-line comment
 * after the line's text, since a comment line there would change what a reader sees; else a
 * disable/enable pair around the block (a comment in a code block would be code, and no directive).
 * Inside front matter, a disable-file comment after it.
 */
export function suppressionFix(facts: DocumentFacts, ruleId: string, line: number): { scope: BlockKind; edits: TextEdit[] } {
  const closingFence = facts.frontMatterRange?.end.line;
  if (closingFence !== undefined && line <= closingFence) {
    const comment = directiveComment('disable-file', ruleId);
    if (closingFence + 1 >= facts.lines.length) {
      // The document ends at its closing fence with no line break: start a line after it, or the
      // comment would join the fence and break the front matter.
      const at = { line: closingFence, character: (facts.lines[closingFence] ?? '').length };
      return { scope: 'line', edits: [{ range: { start: at, end: at }, newText: `\n${comment}\n` }] };
    }
    const at = { line: closingFence + 1, character: 0 };
    return { scope: 'line', edits: [{ range: { start: at, end: at }, newText: `${comment}\n` }] };
  }
  // A heading a fence (or a <pre>) never closed swallows starts a section inside it: the scan for
  // the block holding the line starts at that opening, or a comment would be placed inside the code.
  const swallowedAt = facts.hidden.find((fact) => fact.kind === 'unclosed-fence' && fact.range.start.line < line)?.range.start.line;
  const placement = commentPlacement(
    facts.lines,
    line,
    frontMatterEnd(facts.lines),
    swallowedAt ?? scanStart(facts.lines, facts.sections, line),
  );
  const above = (kind: DirectiveKind): TextEdit => {
    const at = { line: placement.start, character: 0 };
    return { range: { start: at, end: at }, newText: `${placement.prefix}${directiveComment(kind, ruleId)}\n` };
  };
  if (placement.kind === 'line') return { scope: 'line', edits: [above('disable-next-line')] };
  const inline =
    placement.kind === 'paragraph' || placement.kind === 'table'
      ? inlineInsertion(facts.lines.slice(placement.start, line + 1), isTableRow(facts.lines, placement.start, line))
      : undefined;
  if (inline !== undefined) {
    // After the line's text, as in ESLint: the line alone is silenced and no line is added.
    const at = { line, character: inline };
    return { scope: 'line', edits: [{ range: { start: at, end: at }, newText: ` ${directiveComment('disable-line', ruleId)}` }] };
  }
  if (placement.unclosed) return { scope: placement.kind, edits: [above('disable')] };
  // One edit that rewrites the block unchanged between the pair, so a stale copy of the fix applied
  // again is seen as already applied. A comment right below an HTML block would be part of it: a
  // blank line ends the block first.
  const gap = placement.kind === 'HTML block' ? '\n' : '';
  const block = facts.lines.slice(placement.start, placement.end + 1).join('\n');
  const end = { line: placement.end, character: (facts.lines[placement.end] ?? '').length };
  return {
    scope: placement.kind,
    edits: [
      {
        range: { start: { line: placement.start, character: 0 }, end },
        newText: `${above('disable').newText}${block}\n${gap}${placement.prefix}${directiveComment('enable', ruleId)}`,
      },
    ],
  };
}

/** Inserts `<!-- mlsd-disable-file RULE -->` on the first line after the front matter (line 0 without one). */
export function disableFileEdit(text: string, ruleId: string): TextEdit {
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = directiveComment('disable-file', ruleId);
  const line = frontMatterEnd(lines);
  if (line >= lines.length) {
    // The front matter is the whole file: append after it.
    const last = lines.length - 1;
    const end = { line: last, character: (lines[last] ?? '').length };
    return { range: { start: end, end }, newText: `${eol}${comment}` };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${comment}${eol}` };
}
