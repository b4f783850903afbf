// Counting the words of a line or a block: every line of every segment is counted, so this reads
// code units directly instead of splitting the text into token strings.

/**
 * The words of `text`: its tokens between whitespace (as `\s` reads it) with a letter or digit in
 * them (any script). Read code unit by code unit, with no token strings: every line of every
 * segment is counted.
 */
export function countWords(text: string): number {
  let count = 0;
  let wordlike = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      if (wordlike) count++;
      wordlike = false;
    } else if (!wordlike && isWordlike(code)) wordlike = true;
  }
  return wordlike ? count + 1 : count;
}

/** Whether a code unit is a letter or digit: A-Z, a-z, 0-9, Latin-1 to Latin Extended-B, Greek, Cyrillic, Hebrew and Arabic, kana to CJK, Hangul. */
function isWordlike(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xc0 &&
      (code <= 0x24f ||
        (code >= 0x370 && code <= 0x4ff) ||
        (code >= 0x590 && code <= 0x6ff) ||
        (code >= 0x3040 && code <= 0x9fff) ||
        (code >= 0xac00 && code <= 0xd7af)))
  );
}

/** Whether a code unit is whitespace to `\s`. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
