// Inline suppression comments:
//   <!-- mlsd-disable rule-id -->  ...  <!-- mlsd-enable rule-id -->
//   <!-- mlsd-disable-next-line rule-id -->
//   <!-- mlsd-disable-file rule-id -->
// No ID means every rule. An ID names a rule ("missing-element") or one of its sub-IDs
// ("missing-element/data.quality").
import type { DirectiveComment, DocumentFacts } from './analysis/facts';
import type { Finding, TextEdit } from './types';

function names(ids: readonly string[], ruleId: string): boolean {
  if (ids.length === 0) return true;
  const base = ruleId.split('/')[0]!;
  return ids.some((id) => id === ruleId || id === base);
}

export function createSuppressionFilter(directives: readonly DirectiveComment[]): (finding: Finding) => boolean {
  const directiveLines = new Set<number>();
  for (const directive of directives) for (let line = directive.startLine; line <= directive.endLine; line++) directiveLines.add(line);
  /** The line a disable-next-line comment covers: the next one that is not another directive. */
  const targetOf = (directive: DirectiveComment): number => {
    let line = directive.endLine + 1;
    while (directiveLines.has(line)) line++;
    return line;
  };
  return (finding) => {
    const line = finding.range.start.line;
    let disabled = false;
    for (const directive of directives) {
      if (!names(directive.ruleIds, finding.ruleId)) continue;
      switch (directive.kind) {
        case 'disable-file':
          return true;
        case 'disable-next-line':
          if (targetOf(directive) === line) return true;
          break;
        case 'disable':
          if (directive.endLine < line) disabled = true;
          break;
        case 'enable':
          if (directive.endLine < line) disabled = false;
          break;
      }
    }
    return disabled;
  };
}

/** The edit that silences one finding: a disable-next-line comment above it (file-wide inside front matter). */
export function suppressionEdit(facts: DocumentFacts, ruleId: string, line: number): TextEdit {
  const frontMatterEnd = facts.frontMatterRange?.end.line;
  if (frontMatterEnd !== undefined && line <= frontMatterEnd) {
    const comment = `<!-- mlsd-disable-file ${ruleId} -->`;
    if (frontMatterEnd + 1 >= facts.lines.length) {
      // The document ends at its closing fence with no line break: start a line after it, or the
      // comment would join the fence and break the front matter.
      const at = { line: frontMatterEnd, character: (facts.lines[frontMatterEnd] ?? '').length };
      return { range: { start: at, end: at }, newText: `\n${comment}\n` };
    }
    const at = { line: frontMatterEnd + 1, character: 0 };
    return { range: { start: at, end: at }, newText: `${comment}\n` };
  }
  const text = facts.lines[line] ?? '';
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- mlsd-disable-next-line ${ruleId} -->\n` };
}

const FRONT_MATTER_FENCE = /^---\s*$/;

/** Inserts `<!-- mlsd-disable-file RULE -->` on the first line after the front matter (line 0 without one). */
export function disableFileEdit(text: string, ruleId: string): TextEdit {
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `<!-- mlsd-disable-file ${ruleId} -->`;
  let line = 0;
  if (FRONT_MATTER_FENCE.test(lines[0] ?? '')) {
    const closing = lines.findIndex((candidate, index) => index > 0 && FRONT_MATTER_FENCE.test(candidate));
    if (closing > 0) line = closing + 1;
  }
  if (line >= lines.length) {
    // The front matter is the whole file: append after it.
    const last = lines.length - 1;
    const end = { line: last, character: (lines[last] ?? '').length };
    return { range: { start: end, end }, newText: `${eol}${comment}` };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${comment}${eol}` };
}
