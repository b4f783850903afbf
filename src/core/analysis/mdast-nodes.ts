// What the block reader asks of an mdast node: its plain text, its images, whether it holds a link.
// Each walks with a stack rather than recursion, so nesting thousands deep cannot overflow the call stack.
import type { Image, Nodes } from 'mdast';

/**
 * The text of a node as mdast-util-to-string gives it (values, image alts when asked), with a stack
 * instead of recursion: emphasis nested thousands deep must not overflow the call stack.
 */
export function plainText(node: Nodes, includeImageAlt: boolean): string {
  let text = '';
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
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

/** The images inside `node`, in document order; a stack rather than recursion, for deep nesting. */
export function collectImages(node: Nodes, into: Image[]): void {
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'image') into.push(next);
    else if ('children' in next)
      for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as Nodes);
  }
}
