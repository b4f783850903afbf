// Template residue: what unfilled templates leave behind.

/** A whole paragraph or bullet that is only a placeholder ("TBD", "...", "TODO: describe X"). */
export const PLACEHOLDER_UNIT =
  /^(?:(?:tbd|tbc|tba|todo|to ?do|fixme|xxx|wip|n\/a|na|none yet|coming soon|lorem ipsum)\b.*|\.{2,}|…|\?+|-+|to be (?:determined|defined|done|added|written|confirmed|filled(?: in)?|decided)\.?|fill (?:me )?in\.?|<[^>]*>|\[(?:describe|add|fill|insert|write|your)[^\]]*\]|\{\{[^}]*\}\})$/i;

/** Placeholder tokens inside otherwise real text. Upper case only: "todo" in prose is a word. */
// Bounded repeats: a line of "{{{{..." would otherwise be read to its end from every "{{".
export const PLACEHOLDER_TOKEN =
  /\b(?:TBD|TBC|TBA|TODO|FIXME|XXX)\b|\[(?:describe|add|fill in|insert|write|your)[^\]\n]{0,200}\]|\{\{[^}\n]{0,200}\}\}|<(?:describe|add|fill in|insert|write|your)[^>\n]{0,200}>/g;

/** Prefix of every prompt line in skeletons and templates, so re-analysis knows it is residue. */
export const PROMPT_PREFIX = 'TODO: ';
