// What each heading names (parts, elements, checklist items, a metric role), read from its words
// and the parts above it, with the readings remembered per analysis session.
import { ELEMENTS, PARTS, type ElementSpec, type HeadingAlias, type PartId } from '../framework/elements';
import { ROLE_CUES } from '../framework/metrics';
import { anyWord, escapeRegExp } from '../framework/patterns';
import { CHECKLIST_ITEMS } from '../framework/scenarios';
import type { ElementId, MetricRole, MlsdConfig } from '../types';
import type { SectionNode } from './facts';

/** What a heading names, as read from its words and the parts above it. */
export interface HeadingReading {
  parts: ReadonlySet<PartId>;
  elements: ReadonlyMap<ElementId, 'specific' | 'broad'>;
  items: ReadonlySet<string>;
  role: MetricRole | undefined;
}

export const NOTHING_NAMED: HeadingReading = { parts: new Set(), elements: new Map(), items: new Set(), role: undefined };

/**
 * Readings of headings by title, normalized title and the parts above them (nested, so a lookup
 * hashes the heading's own strings, which are the same from edit to edit, instead of a key joined
 * afresh for every heading on every edit). Every edit re-reads every heading against about a
 * hundred patterns while the headings rarely change, so a session keeps them. Only for the
 * built-in vocabulary: headings are read afresh when the configuration adds aliases.
 */
export type HeadingReadings = Map<string, Map<string, Map<string, HeadingReading>>>;
/** Titles remembered before the readings start afresh. */
const MAX_HEADING_READINGS = 10_000;

export function configAliases(config: MlsdConfig): Map<ElementId, RegExp> {
  const matchers = new Map<ElementId, RegExp>();
  for (const [id, wordings] of Object.entries(config.aliases ?? {}) as [ElementId, string[]][]) {
    const cleaned = wordings
      .map((wording) => wording.trim().toLowerCase())
      .filter(Boolean)
      .map(escapeRegExp);
    if (cleaned.length) matchers.set(id, anyWord(cleaned));
  }
  return matchers;
}

/** The parts the headings above a section name (nearest first), and them as a key. */
interface PartsAbove {
  parts: ReadonlySet<PartId>;
  key: string;
}

const NO_PARTS_ABOVE: PartsAbove = { parts: new Set(), key: '' };
/**
 * What the children of each section have above them. Sections are read parents first, so a parent's
 * parts are known when its first child asks; its other children share the answer instead of each
 * walking up and building it again (every heading is read on every edit).
 */
const partsAboveChildren = new WeakMap<SectionNode, PartsAbove>();

function partsAbove(section: SectionNode): PartsAbove {
  const parent = section.parent;
  if (!parent) return NO_PARTS_ABOVE;
  let above = partsAboveChildren.get(parent);
  if (!above) {
    const grandparents = partsAbove(parent);
    if (parent.parts.size === 0) above = grandparents;
    else {
      const parts = new Set([...parent.parts, ...grandparents.parts]);
      above = { parts, key: [...parts].join(',') };
    }
    partsAboveChildren.set(parent, above);
  }
  return above;
}

function aliasApplies(alias: HeadingAlias, above: ReadonlySet<PartId>): boolean {
  if (alias.underPart && !above.has(alias.underPart)) return false;
  if (alias.notUnderPart && above.has(alias.notUnderPart)) return false;
  return true;
}

export function matchHeading(section: SectionNode, configMatchers: Map<ElementId, RegExp>, headingReadings: HeadingReadings): void {
  const above = partsAbove(section);
  let reading: HeadingReading | undefined;
  if (configMatchers.size > 0) reading = readHeading(section.title, section.normalized, above.parts, configMatchers);
  else {
    let byNormalized = headingReadings.get(section.title);
    if (!byNormalized) {
      if (headingReadings.size >= MAX_HEADING_READINGS) headingReadings.clear();
      headingReadings.set(section.title, (byNormalized = new Map()));
    }
    let byParts = byNormalized.get(section.normalized);
    if (!byParts) byNormalized.set(section.normalized, (byParts = new Map()));
    reading = byParts.get(above.key);
    if (reading === undefined)
      byParts.set(above.key, (reading = readHeading(section.title, section.normalized, above.parts, configMatchers)));
  }
  section.parts = reading.parts;
  section.elements = reading.elements;
  section.items = reading.items;
  section.role = reading.role;
}

function readHeading(
  title: string,
  normalized: string,
  above: ReadonlySet<PartId>,
  configMatchers: Map<ElementId, RegExp>,
): HeadingReading {
  const parts = PARTS.filter((part) => part.headings.test(normalized)).map((part) => part.id);
  const elements = new Map<ElementId, 'specific' | 'broad'>();
  for (const spec of ELEMENTS) {
    const strength = headingStrength(spec, normalized, above);
    if (strength) elements.set(spec.id, strength);
    else if (configMatchers.get(spec.id)?.test(normalized)) elements.set(spec.id, 'specific');
  }
  // "Baseline model" names the model baseline only; drop the framing reading.
  if (elements.has('model.baseline')) elements.delete('framing.baseline');
  const items = CHECKLIST_ITEMS.filter((item) => item.headings.test(normalized)).map((item) => item.id);
  return { parts: new Set(parts), elements, items: new Set(items), role: roleOf(title) };
}

function headingStrength(spec: ElementSpec, title: string, above: ReadonlySet<PartId>): 'specific' | 'broad' | undefined {
  let best: 'specific' | 'broad' | undefined;
  for (const alias of spec.headings) {
    if (!aliasApplies(alias, above) || !alias.pattern.test(title)) continue;
    if (alias.strength === 'specific') return 'specific';
    best = 'broad';
  }
  return best;
}

function roleOf(title: string): MetricRole | undefined {
  const roles = ROLE_CUES.filter((cue) => cue.pattern.test(title)).map((cue) => cue.role);
  return roles.length === 1 ? roles[0] : undefined;
}
