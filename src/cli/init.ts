import path from 'node:path';
import { renderTemplate } from '../core';
import { SCENARIO_IDS } from '../core/types';
import { oneOf, parseCommandLine } from './args';
import { EXIT_OK, type CliContext } from './context';
import { toSlashes } from './files';
import { UsageError } from './usage-error';

const KINDS = ['design-doc', 'interview'] as const;

export async function runInit(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine('init', args, { scenario: { type: 'string' }, kind: { type: 'string' } });
  const scenario = oneOf('scenario', values.scenario, SCENARIO_IDS, 'generic');
  const kind = oneOf('kind', values.kind, KINDS, 'design-doc');
  if (positionals.length > 1) throw new UsageError('init takes one PATH.');
  const target = path.resolve(context.cwd, positionals[0] ?? 'design-doc.md');
  const shown = toSlashes(path.relative(context.cwd, target));
  const existing = await context.host.kindOf(target);
  if (existing !== undefined) throw new UsageError(`${shown} already exists; mlsd init never overwrites. Choose another PATH.`);
  await context.host.writeFile(target, renderTemplate(scenario, kind));
  context.stdout(`Wrote ${shown} (${scenario} ${kind} template). Check it with: mlsd check ${shellWord(shown)}\n`);
  return EXIT_OK;
}

/** The path as one shell word, so the printed command can be pasted: quoted when it has spaces or other special characters. */
const shellWord = (text: string): string => (/^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
