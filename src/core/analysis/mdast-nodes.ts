// What the block reader asks of an mdast node: its plain text, its images and inline HTML, whether
// it holds a link. Each walks with a stack rather than recursion, so nesting thousands deep cannot
// overflow the call stack.
import type { Nodes } from 'mdast';

/**
 * The text of a node as mdast-util-to-string gives it (values, image alts when asked), with a stack
 * instead of recursion: emphasis nested thousands deep must not overflow the call stack.
 */
export function plainText(node: Nodes, includeImageAlt: boolean): string {
  let text = '';
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    // A comment inside a paragraph or heading is no text a reader sees.
    if (next.type === 'html' && next.value.startsWith('<!--')) continue;
    if ('value' in next) text += next.value;
    else if (includeImageAlt && 'alt' in next && next.alt) text += next.alt;
    else if ('children' in next)
      for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as Nodes);
  }
  return text;
}

/** Whether `node` holds a link (inline or by reference). */
export function hasLink(node: Nodes): boolean {
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'link' || next.type === 'linkReference') return true;
    if ('children' in next) pending.push(...(next.children as Nodes[]));
  }
  return false;
}

/** The descendants of `node` of one type (images, inline HTML), in document order. */
export function collectOfType<Type extends Nodes['type']>(node: Nodes, type: Type, into: Extract<Nodes, { type: Type }>[]): void {
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === type) into.push(next as Extract<Nodes, { type: Type }>);
    else if ('children' in next)
      for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as Nodes);
  }
}
