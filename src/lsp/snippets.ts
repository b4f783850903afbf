// Completion of the `mlsd-…` sections: the core's snippet definitions, the ones the extension's
// section completion offers, at the same places: a line that so far holds only an `mlsd-` prefix, so
// ordinary prose never gets them.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { sectionPrefixStart } from '../core/snippets';

export interface Snippet {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

/** A snippet body as the text it inserts with every placeholder at its default (for clients without snippets). */
export function snippetAsPlainText(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/**
 * The completion list at `position` on a line whose text before the cursor is `lineBefore`: the
 * sections where the extension offers them too, on a line that so far holds only an `mlsd-` prefix.
 */
export function snippetCompletions(
  snippets: readonly Snippet[],
  lineBefore: string,
  position: Position,
  snippetSupport: boolean,
): CompletionList {
  const start = sectionPrefixStart(lineBefore);
  // Incomplete while the line is not a prefix of ours, so the client asks again on the next keystroke.
  if (start === undefined || start === lineBefore.length) return { isIncomplete: true, items: [] };
  const range = { start: { line: position.line, character: start }, end: position };
  const items = snippets.map((snippet): CompletionItem => ({
    label: snippet.prefix,
    kind: CompletionItemKind.Snippet,
    detail: snippet.name,
    documentation: snippet.description,
    insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: snippetSupport ? snippet.body : snippetAsPlainText(snippet.body) },
  }));
  return { isIncomplete: false, items };
}
