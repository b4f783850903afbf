// The lines that open a CommonMark HTML block which runs to the next blank line (kinds 6 and 7),
// shared by the heading scan and the placement of disable comments.

/** CommonMark's block-level tag names: a line starting with one opens an HTML block (kind 6), even right below a paragraph. */
export const BLOCK_TAG =
  '<\\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\\s/>]|$)';
/** A line holding only one complete tag opens an HTML block too (kind 7), though not below a paragraph line. */
export const LONE_TAG =
  '(?:<[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][\\w.:-]*(?:\\s*=\\s*(?:[^\\s"\'=<>`]+|\'[^\']*\'|"[^"]*"))?)*\\s*\\/?>|<\\/[A-Za-z][A-Za-z0-9-]*\\s*>)\\s*$';
