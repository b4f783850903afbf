import { globFromFolder } from '../analysis/glob';
import type { ElementId, MlsdConfig } from '../types';

/**
 * Layers configurations, later ones winning: defaults < config file < front-matter `mlsd:` block.
 * Scalars and per-rule settings are overridden; lists (required items, aliases, globs) accumulate,
 * because a front-matter block adding an alias should not forget the project's aliases.
 */
export function mergeConfigs(...layers: (MlsdConfig | undefined)[]): MlsdConfig {
  const merged: MlsdConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) merged.rules = { ...merged.rules, ...layer.rules };
    if (layer.scenario) merged.scenario = layer.scenario;
    if (layer.requiredItems) merged.requiredItems = union(merged.requiredItems, layer.requiredItems);
    if (layer.include) merged.include = union(merged.include, layer.include);
    if (layer.ignore) merged.ignore = union(merged.ignore, layer.ignore);
    if (layer.aliases) {
      const aliases: Partial<Record<ElementId, string[]>> = { ...merged.aliases };
      for (const [elementId, wordings] of Object.entries(layer.aliases) as [ElementId, string[]][]) {
        aliases[elementId] = union(aliases[elementId], wordings);
      }
      merged.aliases = aliases;
    }
  }
  return merged;
}

function union(first: readonly string[] | undefined, second: readonly string[]): string[] {
  return [...new Set([...(first ?? []), ...second])];
}

/**
 * A config file's globs as its workspace folder reads them, for the editor, which matches paths
 * relative to the workspace folder where the CLI matches them relative to the config file's:
 * `folder` is the config file's folder relative to the workspace folder ("" when it is the same).
 */
export function configFromFolder(config: MlsdConfig, folder: string): MlsdConfig {
  if (folder === '' || folder.startsWith('..')) return config;
  const rebased: MlsdConfig = { ...config };
  if (config.include) rebased.include = config.include.map((glob) => globFromFolder(glob, folder));
  if (config.ignore) rebased.ignore = config.ignore.map((glob) => globFromFolder(glob, folder));
  return rebased;
}
