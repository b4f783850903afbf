import { RULES, ruleDocsUrl } from '../core';
import { oneOf, parseCommandLine } from './args';
import { EXIT_OK, type CliContext } from './context';
import type { RuleInfo } from './formatters/types';
import { UsageError } from './usage-error';

export function ruleInfos(): RuleInfo[] {
  return RULES.map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    url: ruleDocsUrl(rule.id),
  }));
}

export async function runRules(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine('rules', args, { format: { type: 'string' } });
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
  if (positionals.length > 0) throw new UsageError(`mlsd rules takes no arguments, got "${positionals[0] as string}".`);
  const rules = ruleInfos();
  if (format === 'json') {
    context.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const severityWidth = Math.max(...rules.map((rule) => rule.defaultSeverity.length));
  for (const rule of rules) {
    context.stdout(
      `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(severityWidth)}  ${rule.description}\n${' '.repeat(idWidth + severityWidth + 4)}${rule.url}\n`,
    );
  }
  return EXIT_OK;
}
