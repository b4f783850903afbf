// Template residue: what unfilled templates leave behind.

/** A whole paragraph or bullet that is only a placeholder ("TBD", "...", "TODO: describe X"). */
export const PLACEHOLDER_UNIT =
  /^(?:(?:tbd|tbc|tba|todo|to ?do|fixme|xxx|wip|n\/a|na|none yet|coming soon|lorem ipsum)\b.*|\.{2,}|…|\?+|-+|to be (?:determined|defined|done|added|written|documented|completed|specified|confirmed|filled(?: in)?|decided)\.?|fill (?:me )?in\.?|<[^>]*>|\[(?:describe|add|fill|insert|write|your)[^\]]*\]|\{\{(?![<%])[^}]*\}\})$/i;

/** Placeholder tokens inside otherwise real text. Upper case only: "todo" in prose is a word; a bracketed prompt ("[Describe the data]") starts either way, and is not a link's text. */
// Bounded repeats: a line of "{{{{..." would otherwise be read to its end from every "{{".
// Not a placeholder: a Hugo shortcode ("{{< mermaid >}}", "{{% note %}}") or TeX's nested braces ("\frac{a}{{k}}").
// A label's whole value spelt out ("Success criteria: To be determined") is a TBD too. Fixed-width
// look-behind alternatives, as the TextMate grammar generated from this pattern needs.
export const PLACEHOLDER_TOKEN =
  /\b(?:TBD|TBC|TBA|TODO|FIXME|XXX|Your Name|YOUR NAME)\b|(?<=:[ \t]|:\*\*[ \t])[Tt]o be (?:determined|decided|confirmed|defined|specified|added|done)\b\.?(?=[ \t]*(?:\n|$))|\[(?:[Dd]escribe|[Aa]dd|[Ff]ill in|[Ii]nsert|[Ww]rite|[Yy]our|[Tt]o be)\b[^\]\n]{0,200}\](?!\(|\[)|(?<![\w}\\])\{\{(?![<%])[^}\n]{0,200}\}\}|<(?:[Dd]escribe|[Aa]dd|[Ff]ill in|[Ii]nsert|[Ww]rite|[Yy]our)[^>\n]{0,200}>/g;

/**
 * A template's slot left in a heading ("Дизайн ML системы - <Название> <MVP or Production System>"):
 * angle brackets around words that are no HTML tag, autolink or address (a space or a non-ASCII
 * first letter inside, no `=`, `/`, `:` or `@`, no comment), escaped or not.
 */
export const HEADING_SLOT = /\\?<(?!!--)(?=[^<>\n]*\s|\P{ASCII})[^<>=/:@\\\n]{1,120}\\?>/gu;

/** Prefix of every prompt line in skeletons and templates, so re-analysis knows it is residue. */
export const PROMPT_PREFIX = 'TODO: ';
