// Configuration: parse, validate, merge and discover `.mlsd.json|jsonc|yaml|yml` and the front-matter
// `mlsd:` block. Pure: the file system is reached only through `ConfigHost`.
export { validateConfigObject, CONFIG_KEYS, RULE_SETTINGS } from './validate';
export type { ConfigLocator, ConfigPath, ConfigVocabulary, ValidatedConfig } from './validate';
export { parseConfigText, parseFrontMatterConfig, configFormatOf, yamlErrorOffset, CONFIG_FILE_NAMES } from './parse';
export type { ConfigFormat } from './parse';
export { configFromFolder, mergeConfigs } from './merge';
export { loadNearestConfig, loadConfigFile, ancestorDirectories } from './discover';
export type { ConfigHost, LoadedConfig } from './discover';
export { buildConfigSchema } from './schema';
export { disableRuleInConfigText, newConfigWithRuleOff } from './edit';
export type { OffsetEdit } from './edit';
