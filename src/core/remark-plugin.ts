// remark plugin: the same analysis as the CLI and the editor, reported as vfile messages so
// remark-cli (and any unified pipeline) shows mlsd findings next to remark-lint's.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { validateConfigObject } from './config';
import { CONFIG_VOCABULARY } from './config/vocabulary';
import { analyze, ruleDocsUrl } from './index';
import type { MlsdConfig, Range, Severity } from './types';

/** The plugin's options are an mlsd configuration, as in `.mlsd.json` (`rules`, `scenario`, `aliases`...). */
export type RemarkMlsdOptions = MlsdConfig;

const SOURCE = 'mlsd';

export default function remarkMlsd(options?: RemarkMlsdOptions | null) {
  // Options come from a .remarkrc the user wrote by hand: validate them like a config file, but
  // there are no positions to point at, so problems are reported at the top of each file.
  const { config, problems } = validateConfigObject(options ?? {}, 'remark options', () => undefined, CONFIG_VOCABULARY);
  return (_tree: Root, file: VFile): void => {
    for (const problem of problems) {
      const message = file.message(`Invalid mlsd option: ${problem.message}`, { ruleId: 'config', source: SOURCE });
      message.fatal = problem.severity === 'error' ? true : false;
    }
    // A UTF-8 byte order mark is not text (editors hide it); left in, the first line is no heading.
    const text = String(file.value);
    const result = analyze(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { config, ...(file.path ? { path: file.path } : {}) });
    for (const error of result.configErrors) {
      const message = file.message(error.message, { place: toPlace(error.range), ruleId: 'config', source: SOURCE });
      message.fatal = error.severity === 'error';
    }
    for (const finding of result.findings) {
      const message = file.message(finding.message, { place: toPlace(finding.range), ruleId: finding.ruleId, source: SOURCE });
      message.url = ruleDocsUrl(finding.ruleId);
      message.fatal = FATAL[finding.severity];
    }
  };
}

/** vfile's convention (as in remark-lint): true is an error, false a warning, undefined information. */
const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined, hint: undefined };

function toPlace(range: Range) {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

export { remarkMlsd };
