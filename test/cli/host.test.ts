import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandOperands } from '../../src/cli/files';
import { createNodeHost } from '../../src/cli/host';

describe('cli: the file system host', () => {
  it('walks a link to a Markdown file like the file, and does not walk a link to a directory', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mlsd-host-'));
    try {
      await fs.mkdir(path.join(root, 'docs'));
      await fs.mkdir(path.join(root, 'shared'));
      await fs.writeFile(path.join(root, 'shared', 'fraud.md'), '# Fraud detection\n');
      await fs.writeFile(path.join(root, 'docs', 'ranking.md'), '# Search ranking\n');
      await fs.symlink(path.join(root, 'shared', 'fraud.md'), path.join(root, 'docs', 'fraud.md'));
      await fs.symlink(root, path.join(root, 'docs', 'loop'));
      const files = await expandOperands(['docs'], root, createNodeHost());
      assert.deepEqual(
        files.map((file) => file.display),
        ['docs/fraud.md', 'docs/ranking.md'],
      );
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
