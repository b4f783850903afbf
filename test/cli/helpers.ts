import path from 'node:path';
import type { Finding } from '../../src/core/types';

export const at = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

export function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>): Finding {
  return { subject: { kind: 'document' }, fixes: [], related: [], ...partial };
}

export const REPO_ROOT = path.resolve(__dirname, '../..');
