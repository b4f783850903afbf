// Regressions from issue 14 ("data loss") for `check --fix`: encodings round-trip, writes are atomic
// and reported per file, and one bad file does not stop the run.
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { checkFile } from '../../src/cli/check-document';
import { encodeDocument } from '../../src/cli/encoding';
import { MemoryHost, run } from './harness';
import { REPO_ROOT } from './helpers';

const fraudDoc = `${readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/project/docs/card-fraud.md'), 'utf8')}\nRéseau évalué chaque nuit.\n`;
const config = JSON.stringify({ rules: { 'missing-element': 'off', 'scenario-checklist': 'off' } });
const DOC = '/work/docs/card-fraud.md';

const projectWith = (content: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) =>
  new MemoryHost({ '/work/.mlsd.json': config, [DOC]: content, ...extra });
const utf16 = (text: string, encoding: 'utf-16le' | 'utf-16be') => encodeDocument(text, { encoding, byteOrderMark: true });

/** What `check --fix` makes of the plain UTF-8 doc: the reference for every other encoding. */
async function fixedAsUtf8(): Promise<string> {
  const host = projectWith(fraudDoc);
  await run(['check', '--fix', 'docs'], host);
  return host.text(DOC)!;
}

describe('cli: check --fix keeps every byte it does not fix', () => {
  it('1. leaves a Latin-1 doc untouched, says so, and still checks it', async () => {
    const latin1 = Buffer.from(fraudDoc, 'latin1');
    const host = projectWith(latin1);
    const fixed = await run(['check', '--fix', 'docs'], host);
    assert.deepEqual(host.files.get(DOC), latin1);
    assert.deepEqual(host.writes, []);
    assert.match(
      fixed.stderr,
      /^docs\/card-fraud\.md: not fixed: not valid UTF-8 \(byte \d+\); read with replacement characters; the file was left untouched$/m,
    );
    assert.match(fixed.stderr, /^mlsd --fix: 0 files changed, 1 skipped, 0 failed\.$/m);
    assert.equal(fixed.code, 1, 'the findings decide the exit code, as for any doc');
    assert.match(fixed.stdout, /metric-task-mismatch/);

    const checked = await run(['check', 'docs'], projectWith(latin1));
    assert.match(checked.stderr, /^docs\/card-fraud\.md: warning: not valid UTF-8/m);
    assert.match(checked.stdout, /metric-task-mismatch/);
  });

  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    it(`1. checks a ${encoding} doc like its UTF-8 twin and writes the fixes back in ${encoding} with its BOM`, async () => {
      const plain = await run(['check', 'docs'], projectWith(fraudDoc));
      const checked = await run(['check', 'docs'], projectWith(utf16(fraudDoc, encoding)));
      assert.equal(checked.stdout, plain.stdout);

      const host = projectWith(utf16(fraudDoc, encoding));
      const fixed = await run(['check', '--fix', 'docs'], host);
      assert.match(fixed.stderr, /^mlsd --fix: 1 file changed, 0 skipped, 0 failed\.$/m);
      assert.deepEqual(Buffer.from(host.files.get(DOC) as Uint8Array), Buffer.from(utf16(await fixedAsUtf8(), encoding)));
    });
  }

  it('7. reads a UTF-8 doc with a BOM as the editor does, and keeps the BOM', async () => {
    // Its first line is its title heading: behind a BOM it was no heading, and the findings changed.
    const headed = readFileSync(path.join(REPO_ROOT, 'test/fixtures/docs/fraud-bad.md'), 'utf8');
    assert.match(headed, /^# /);
    const allRules = { '/work/.mlsd.json': '{}' };
    const plain = await run(['check', '--format', 'json', 'docs'], projectWith(headed, allRules));
    const withBom = await run(['check', '--format', 'json', 'docs'], projectWith(`\ufeff${headed}`, allRules));
    assert.equal(withBom.stdout, plain.stdout);

    const reference = projectWith(headed);
    await run(['check', '--fix', 'docs'], reference);
    const host = projectWith(`\ufeff${headed}`);
    await run(['check', '--fix', 'docs'], host);
    assert.notEqual(reference.text(DOC), headed);
    assert.equal(host.text(DOC), `\ufeff${reference.text(DOC)!}`);
  });

  it('7. report and stdin read a BOM (and UTF-16) as the editor does', async () => {
    const headed = readFileSync(path.join(REPO_ROOT, 'test/fixtures/docs/fraud-bad.md'), 'utf8');
    const allRules = { '/work/.mlsd.json': '{}' };
    const plain = await run(['report', '--format', 'json', 'docs/card-fraud.md'], projectWith(headed, allRules));
    assert.equal(
      (await run(['report', '--format', 'json', 'docs/card-fraud.md'], projectWith(`\ufeff${headed}`, allRules))).stdout,
      plain.stdout,
    );
    assert.equal(
      (await run(['report', '--format', 'json', 'docs/card-fraud.md'], projectWith(utf16(headed, 'utf-16le'), allRules))).stdout,
      plain.stdout,
    );
    const fromStdin = await run(['check', '--format', 'json', '-'], projectWith('', allRules), { stdin: headed });
    assert.equal(
      (await run(['check', '--format', 'json', '-'], projectWith('', allRules), { stdin: `\ufeff${headed}` })).stdout,
      fromStdin.stdout,
    );
  });

  it('1. skips a binary file named .md with a note, in check and in --fix', async () => {
    const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x23, 0x20, 0x41]);
    const host = projectWith(fraudDoc, { '/work/docs/x.md': binary });
    const fixed = await run(['check', '--fix', 'docs'], host);
    assert.deepEqual(host.files.get('/work/docs/x.md'), binary);
    assert.match(fixed.stderr, /^docs\/x\.md: skipped: binary content \(NUL bytes\), not a Markdown text$/m);
    assert.match(fixed.stderr, /^mlsd --fix: 1 file changed, 1 skipped, 0 failed\.$/m);
    assert.match(
      (await run(['check', 'docs'], projectWith(fraudDoc, { '/work/docs/x.md': binary }))).stderr,
      /^docs\/x\.md: skipped: binary content/m,
    );
  });

  it('2. reports a file it cannot read or write, fixes the others, and exits 2', async () => {
    const host = projectWith(fraudDoc, { '/work/docs/a.md': fraudDoc, '/work/docs/z.md': fraudDoc });
    host.failing.set('/work/docs/a.md', 'read');
    host.failing.set('/work/docs/card-fraud.md', 'write');
    const result = await run(['check', '--fix', 'docs'], host);
    assert.equal(result.code, 2);
    assert.deepEqual(host.writes, ['/work/docs/z.md']);
    assert.equal(host.text(DOC), fraudDoc);
    assert.match(result.stderr, /^docs\/a\.md: cannot read: permission denied$/m);
    assert.match(result.stderr, /^docs\/card-fraud\.md: cannot write the fixes \(the file is unchanged\): ENOSPC/m);
    assert.match(result.stderr, /^mlsd --fix: 1 file changed, 0 skipped, 2 failed\.$/m);
    assert.match(result.stdout, /docs\/z\.md/);
    // The file it could not write is as it was, and so are its findings: they are still reported.
    assert.match(result.stdout, /docs\/card-fraud\.md/);

    const withoutFix = projectWith(fraudDoc, { '/work/docs/a.md': fraudDoc });
    withoutFix.failing.set('/work/docs/a.md', 'read');
    const checked = await run(['check', 'docs'], withoutFix);
    assert.equal(checked.code, 2);
    assert.match(checked.stderr, /^docs\/a\.md: cannot read: permission denied$/m);
    assert.match(checked.stderr, /^mlsd: 1 file could not be checked\.$/m);
    assert.match(checked.stdout, /docs\/card-fraud\.md/);
  });

  it("2. a doc whose analysis throws is that file's failure, with nothing written", async () => {
    const exploding = {
      get rules(): never {
        throw new Error('boom');
      },
    };
    const writes: string[] = [];
    const outcome = await checkFile(DOC, { config: exploding, pathForConfig: 'docs/card-fraud.md' }, true, {
      readBytes: async () => Buffer.from(fraudDoc),
      replaceFile: async (file) => {
        writes.push(file);
      },
    });
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.note!, /^internal error while analysing \(please report it\): boom$/);
    assert.deepEqual(writes, []);
  });
});

describe('cli: check --fix on disk writes atomically', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'mlsd-safe-'));
    await mkdir(path.join(directory, 'docs'));
    await writeFile(path.join(directory, '.mlsd.json'), config);
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  const runOnDisk = async (argv: string[]) => {
    let stderr = '';
    const code = await main({
      argv,
      cwd: directory,
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stderr };
  };

  it('2. replaces the file by rename: same mode, no temporary file left, a symlink stays a link', async () => {
    await writeFile(path.join(directory, '.mlsd.json'), '{}');
    const real = path.join(directory, 'docs/card-fraud.md');
    await writeFile(real, fraudDoc);
    await chmod(real, 0o640);
    await symlink('card-fraud.md', path.join(directory, 'docs/linked.md'));
    const result = await runOnDisk(['check', '--fix', 'docs/linked.md']);
    assert.match(result.stderr, /1 file changed, 0 skipped, 0 failed/);
    assert.ok((await lstat(path.join(directory, 'docs/linked.md'))).isSymbolicLink());
    assert.equal(await readlink(path.join(directory, 'docs/linked.md')), 'card-fraud.md');
    assert.equal((await stat(real)).mode & 0o777, 0o640);
    assert.ok((await readFile(real, 'utf8')).length > fraudDoc.length, 'expected sections to be inserted');
    assert.deepEqual((await readdir(path.join(directory, 'docs'))).sort(), ['card-fraud.md', 'linked.md']);
  });

  it('3. keeps CRLF line endings in every line it adds', async () => {
    await writeFile(path.join(directory, '.mlsd.json'), '{}');
    const file = path.join(directory, 'docs/card-fraud.md');
    await writeFile(file, fraudDoc.replace(/\n/g, '\r\n'));
    await runOnDisk(['check', '--fix', 'docs']);
    const fixed = await readFile(file, 'utf8');
    assert.ok(fixed.length > fraudDoc.length + 200, 'expected sections to be inserted');
    assert.doesNotMatch(fixed, /(^|[^\r])\n/);
  });
});
