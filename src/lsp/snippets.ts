// Completion of the `mlsd-…` sections: the core's snippet definitions, the ones the extension's
// section completion offers, offered while the word before the cursor is on its way to `mlsd-`, so
// ordinary prose never gets them.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';

export interface Snippet {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

const PREFIX = 'mlsd-';

/** A snippet body as the text it inserts with every placeholder at its default (for clients without snippets). */
export function snippetAsPlainText(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** The completion list at `position` on a line whose text before the cursor is `lineBefore`. */
export function snippetCompletions(snippets: readonly Snippet[], lineBefore: string, position: Position, snippetSupport: boolean): CompletionList {
  const word = /[\w-]*$/.exec(lineBefore)?.[0] ?? '';
  const typing = word.length > 0 && (PREFIX.startsWith(word.toLowerCase()) || word.toLowerCase().startsWith(PREFIX));
  // Incomplete while the word is not ours yet, so the client asks again on the next keystroke.
  if (!typing) return { isIncomplete: true, items: [] };
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };
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
