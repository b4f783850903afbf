// Helpers that turn the framework's word lists into regular expressions once, at load time.

// ASCII \b is several times faster than a Unicode-aware lookbehind, and the scans run over every
// line of every document, so English alternatives get \b. Alternatives in other scripts (which
// \b cannot delimit) are matched as written; they are long stems, so that is safe.
// An alternative that starts with a digit gets \b whatever script its unit is written in ("200 мс"):
// without it a run of digits is tried from every digit, which is quadratic in the run's length.
const AFTER = '(?![A-Za-z0-9_])';
const NON_ASCII = /[^ -~\t]/;
const DIGIT_START = /^\\d/;

function wordsSource(alternatives: readonly string[]): string {
  const delimited = (alternative: string): boolean => !NON_ASCII.test(alternative) || DIGIT_START.test(alternative);
  const ascii = alternatives.filter(delimited);
  const other = alternatives.filter((alternative) => !delimited(alternative));
  const parts: string[] = [];
  if (ascii.length) parts.push(`\\b(?:${ascii.join('|')})${AFTER}`);
  // Without the u flag \w is ASCII only; in Cyrillic stems it must take Cyrillic letters too.
  if (other.length) parts.push(`(?:${other.map((alternative) => alternative.replace(/\\w/g, '[\\wа-яёА-ЯЁ]')).join('|')})`);
  return parts.join('|');
}

/** One case-insensitive regex matching any of the alternatives (regex sources) as whole words. */
export function anyWord(alternatives: readonly string[]): RegExp {
  return new RegExp(wordsSource(alternatives), 'i');
}

/** Like `anyWord`, global, for scanning every occurrence in a text. */
export function anyWordGlobal(alternatives: readonly string[]): RegExp {
  return new RegExp(wordsSource(alternatives), 'gi');
}

/** Case-sensitive whole-word match, for acronyms that are ordinary words in lower case (MAP, CE). */
export function exactWordGlobal(alternatives: readonly string[]): RegExp {
  return new RegExp(wordsSource(alternatives), 'g');
}

/** Words that put something out of the design ("the RAG front end is out of scope", "Non-goals"). */
export const OUT_OF_SCOPE = /\b(?:out of (?:the )?scope|not in scope|not covered|non-?goals?)\b/i;

/** Escapes a user-supplied wording (config aliases) so it matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Heading text as compared with aliases: lower case, numbering, emoji and markup removed. */
export function normalizeHeading(title: string): string {
  return title
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/^\s*(?:(?:step|part|day|section)\s+)?(?:[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])[.):]\s+/u, '')
    .replace(/^\s*[0-9]+(?:\.[0-9]+)*\s+/u, '')
    .replace(/[^\p{L}\p{N}@&/+#.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
