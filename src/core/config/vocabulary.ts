// The IDs a configuration may name, from the rules and the framework data (their one home).
// Kept out of ./index so that the rule modules can use the config module without a cycle.
import { configVocabulary } from '../analyze';
import type { ConfigVocabulary } from './validate';

export const CONFIG_VOCABULARY: ConfigVocabulary = configVocabulary();
