import { insertBlockBefore } from '../fixes/insert';
import type { Rule, RuleReport } from './rule';

export const hiddenContent: Rule = {
  id: 'hidden-content',
  defaultSeverity: 'warning',
  description:
    'Content a reader or reviewer cannot see as text: metrics only in images, sections that are only images, an unclosed code fence or <pre> swallowing sections, text hidden in HTML comments.',
  subIds: ['image-metrics', 'image-only', 'unclosed-fence', 'html-comment', 'code-wrapper'],
  check(facts) {
    const reports: RuleReport[] = [];
    for (const fact of facts.hidden) {
      if (fact.kind === 'unclosed-fence') {
        const count = fact.related.length;
        const closeWith = fact.closeWith ?? '```';
        const block = fact.rawHtmlTag ?? 'code block';
        const report: RuleReport = {
          sub: fact.kind,
          subject: { kind: 'document' },
          message: `Unclosed ${block} swallows ${count} heading${count === 1 ? '' : 's'} — close it with ${closeWith} before '${(facts.lines[fact.closeBeforeLine ?? 0] ?? '').trim()}'`,
          range: fact.range,
          related: fact.related,
        };
        if (fact.closeBeforeLine !== undefined) {
          report.fixes = [
            {
              kind: 'close-fence',
              title: `Close the ${block}`,
              edits: [insertBlockBefore(facts.lines, fact.closeBeforeLine, `${closeWith}\n`)],
              isPreferred: true,
            },
          ];
        }
        reports.push(report);
      } else if (fact.kind === 'image-metrics') {
        reports.push({
          sub: fact.kind,
          subject: { kind: 'document' },
          message: 'Metrics only in an image — write the metric names and values as text',
          range: fact.range,
          related: fact.related,
        });
      } else if (fact.kind === 'image-only') {
        reports.push({
          sub: fact.kind,
          subject: { kind: 'document' },
          message: `${fact.related.length} sections are only an image — write what they show as text (a reviewer cannot read, search or diff a picture)`,
          range: fact.range,
          related: fact.related,
        });
      } else if (fact.kind === 'code-wrapper') {
        reports.push({
          sub: fact.kind,
          subject: { kind: 'document' },
          message: 'Whole document inside a markdown code block — use plain Markdown (renderers show the whole design as code)',
          range: fact.range,
        });
      } else {
        reports.push({
          sub: fact.kind,
          subject: { kind: 'document' },
          message: 'Text hidden in an HTML comment — make it visible content or remove it',
          range: fact.range,
        });
      }
    }
    return reports;
  },
};
