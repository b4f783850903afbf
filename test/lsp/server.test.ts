// The language server at the protocol level, as an editor sees it: a real `mlsd lsp --stdio`
// process, driven over JSON-RPC. Diagnostics must be the core's findings one for one; edits must
// re-check incrementally; code actions must carry the core's fixes and apply cleanly.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { MessageType } from 'vscode-languageserver/node';
import { analyze, applyEdits, fixUntilStable } from '../../src/core';
import { main } from '../../src/cli/main';
import { ROOT, TestClient, fileUri } from './client';
import { buildSnippets } from '../../src/core/snippets';

const THIN_FRAUD = fs.readFileSync(path.join(ROOT, 'test/fixtures/lsp/thin-fraud.md'), 'utf8');

function workspace(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-lsp-test-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

/** The edits a workspace edit makes to one document, in the form the core applies. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string) {
  const fromChanges = edit?.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit?.documentChanges ?? [])
    .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
    .flatMap((change) => change.edits);
  return [...fromChanges, ...fromDocumentChanges].map((edit) => ('newText' in edit ? edit : { range: edit.range, newText: '' }));
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code} ${JSON.stringify(diagnostic.range)} ${diagnostic.message}`).sort();
}

function expectedSummary(text: string, relativePath = 'doc.md'): string[] {
  return analyze(text, { path: relativePath })
    .findings.map((finding) => `${finding.ruleId} ${JSON.stringify(finding.range)} ${finding.message}`)
    .sort();
}

describe('mlsd lsp (protocol)', function () {
  this.timeout(60000);

  describe('one server, one design doc', () => {
    let client: TestClient;
    let folder: string;
    let uri: string;
    let capabilities: Record<string, unknown>;
    let opened: Diagnostic[];

    before(async () => {
      folder = workspace({ 'doc.md': THIN_FRAUD });
      uri = fileUri(path.join(folder, 'doc.md'));
      // The default typing delay (300 ms): a burst of keystrokes below must fit in it even on a loaded machine.
      const started = await TestClient.start({ folder });
      client = started.client;
      capabilities = started.initialized.capabilities as Record<string, unknown>;
      const published = client.nextDiagnostics(uri);
      await client.open(uri, THIN_FRAUD);
      opened = (await published).diagnostics;
    });

    after(async () => {
      assert.equal(await client.shutdown(), 0, 'an orderly shutdown exits 0');
      assert.deepEqual(client.messages, [], 'nothing went wrong enough to tell the user');
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('declares incremental sync, quick fixes, fix-all and symbols', () => {
      assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.mlsd'] });
      assert.equal(capabilities.documentSymbolProvider, true);
    });

    it('publishes exactly the core findings, with code, docs link, source and severity', () => {
      assert.equal(opened.length, 22);
      assert.deepEqual(summary(opened), expectedSummary(THIN_FRAUD));
      for (const diagnostic of opened) {
        assert.equal(diagnostic.source, 'mlsd');
        const href = diagnostic.codeDescription?.href ?? '';
        assert.ok(fs.existsSync(fileURLToPath(href)), `${href} is a rule page that ships with mlsd`);
        assert.match(href, new RegExp(`/docs/rules/${String(diagnostic.code).split('/')[0]}\\.md$`));
      }
      const mismatch = opened.find((diagnostic) => diagnostic.code === 'metric-task-mismatch');
      assert.deepEqual(mismatch?.range, { start: { line: 11, character: 14 }, end: { line: 11, character: 22 } });
      assert.equal(mismatch?.severity, 1);
      assert.equal(opened.filter((diagnostic) => diagnostic.severity === 2).length, 21);
    });

    it('re-checks after an incremental edit and drops the findings it fixed', async () => {
      const published = client.nextDiagnostics(uri);
      // "accuracy" on line 12 becomes "PR-AUC": one ranged change, as editors send while typing.
      await client.change(uri, 2, [{ range: { start: { line: 11, character: 14 }, end: { line: 11, character: 22 } }, text: 'PR-AUC' }]);
      const after = (await published).diagnostics;
      const edited = THIN_FRAUD.replace('accuracy', 'PR-AUC');
      assert.deepEqual(summary(after), expectedSummary(edited));
      assert.ok(!after.some((diagnostic) => diagnostic.code === 'metric-task-mismatch'));
      assert.equal(after.length, opened.length - 1);
    });

    it('checks a burst of keystrokes once, for the last version only', async () => {
      const before = client.published.length;
      const published = client.nextDiagnostics(uri);
      let text = THIN_FRAUD.replace('accuracy', 'PR-AUC');
      // Five characters typed at the end of line 16, sent back to back: well inside the typing delay.
      await Promise.all(
        [...'Later'].map((character, index) => {
          const end = { line: 15, character: 76 + index };
          return client.change(uri, 3 + index, [{ range: { start: end, end }, text: character }]);
        }),
      );
      text = text.replace('every week.', 'every week.Later');
      const last = await published;
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(client.published.length - before, 1, 'one publication for the whole burst');
      assert.deepEqual(summary(last.diagnostics), expectedSummary(text));
      // Back to the text the next tests expect.
      const restored = client.nextDiagnostics(uri);
      await client.change(uri, 8, [{ text: THIN_FRAUD }]);
      assert.deepEqual(summary((await restored).diagnostics), expectedSummary(THIN_FRAUD));
    });

    it('offers the core fixes, disable for line, file and project, and fix-all on a finding', async () => {
      const mismatch = opened.find((diagnostic) => diagnostic.code === 'metric-task-mismatch')!;
      const actions = await client.codeActions(uri, mismatch.range, [mismatch]);
      assert.deepEqual(
        actions.map((action) => [action.kind, action.title, action.isPreferred === true]),
        [
          ['quickfix', "Replace 'accuracy' with PR-AUC", false],
          ['quickfix', "Replace 'accuracy' with Recall at precision", false],
          ['quickfix', "Replace 'accuracy' with F-beta", false],
          ['quickfix', 'Disable metric-task-mismatch for this line', false],
          ['quickfix', 'Disable metric-task-mismatch for this file', false],
          ['quickfix', 'Disable metric-task-mismatch in the project config', false],
          ['source.fixAll.mlsd', 'Fix all mlsd problems', false],
        ],
      );
      const byTitle = (title: string) => actions.find((action) => action.title === title) as CodeAction;
      assert.equal(
        applyEdits(THIN_FRAUD, editsFor(byTitle("Replace 'accuracy' with PR-AUC").edit, uri)),
        THIN_FRAUD.replace('accuracy', 'PR-AUC'),
      );
      assert.equal(
        applyEdits(THIN_FRAUD, editsFor(byTitle('Disable metric-task-mismatch for this line').edit, uri)),
        THIN_FRAUD.replace('We will track', '<!-- mlsd-disable-next-line metric-task-mismatch -->\nWe will track'),
      );
      assert.equal(
        applyEdits(THIN_FRAUD, editsFor(byTitle('Disable metric-task-mismatch for this file').edit, uri)),
        THIN_FRAUD.replace('---\n# Card', '---\n<!-- mlsd-disable-file metric-task-mismatch -->\n# Card'),
      );
      // No config file yet: a new .mlsd.json at the workspace folder, created then filled.
      const configUri = fileUri(path.join(folder, '.mlsd.json'));
      assert.deepEqual(byTitle('Disable metric-task-mismatch in the project config').edit?.documentChanges?.[0], {
        kind: 'create',
        uri: configUri,
        options: { ignoreIfExists: true },
      });
      assert.deepEqual(
        JSON.parse(applyEdits('', editsFor(byTitle('Disable metric-task-mismatch in the project config').edit, configUri))),
        { rules: { 'metric-task-mismatch': 'off' } },
      );
      // Every code action is tied to the diagnostic it fixes, except fix-all.
      for (const action of actions.slice(0, -1)) assert.deepEqual(action.diagnostics, [mismatch]);
    });

    it("offers the one obvious edit for a problem in the document's own comments: a stale directive removed", async () => {
      const staleUri = fileUri(path.join(folder, 'stale.md'));
      const stale = THIN_FRAUD.replace('We will track', '<!-- mlsd-disable-next-line over-engineering -->\nWe will track');
      const published = client.nextDiagnostics(staleUri);
      await client.open(staleUri, stale);
      const problem = (await published).diagnostics.find((diagnostic) => String(diagnostic.message).startsWith('Unused'))!;
      assert.equal(problem.code, undefined);
      const actions = await client.codeActions(staleUri, problem.range, [problem]);
      assert.deepEqual(
        actions.map((action) => [action.kind, action.title, action.isPreferred === true]),
        [['quickfix', 'Remove the unused mlsd-disable-next-line comment', true]],
      );
      assert.equal(applyEdits(stale, editsFor(actions[0]!.edit, staleUri)), THIN_FRAUD);
      await client.close(staleUri);
    });

    it('answers source.fixAll with the same text as `mlsd check --fix`', async () => {
      const actions = await client.codeActions(
        uri,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        [],
        ['source.fixAll'],
      );
      assert.deepEqual(
        actions.map((action) => action.kind),
        ['source.fixAll.mlsd'],
      );
      const fixed = fixUntilStable(THIN_FRAUD, (text) => analyze(text, { path: 'doc.md' })).text;
      assert.notEqual(fixed, THIN_FRAUD);
      assert.equal(applyEdits(THIN_FRAUD, editsFor(actions[0]?.edit, uri)), fixed);
      const quickFixesOnly = await client.codeActions(
        uri,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        [],
        ['quickfix'],
      );
      assert.deepEqual(quickFixesOnly, [], 'no diagnostics in the request, no quick fixes');
    });

    it('outlines the document from the section tree', async () => {
      const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((symbol) => [symbol.name, symbol.children?.map((child) => child.name)]),
        [['Card fraud scoring', ['Problem', 'Metrics', 'Model']]],
      );
      assert.deepEqual(symbols[0]?.selectionRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 20 } });
    });

    it('measures ranges in UTF-16 code units, as the protocol does', async () => {
      const text = THIN_FRAUD.replace('We will track accuracy', 'Мы 📈 will track accuracy');
      const published = client.nextDiagnostics(uri);
      await client.change(uri, 9, [{ text }]);
      const mismatch = (await published).diagnostics.find((diagnostic) => diagnostic.code === 'metric-task-mismatch');
      // "Мы 📈 " is 6 UTF-16 code units (the emoji is a surrogate pair), one more than its 5 code points.
      assert.deepEqual(mismatch?.range, { start: { line: 11, character: 17 }, end: { line: 11, character: 25 } });
      assert.equal(text.split('\n')[11]?.slice(17, 25), 'accuracy');
      const restored = client.nextDiagnostics(uri);
      await client.change(uri, 10, [{ text: THIN_FRAUD }]);
      await restored;
    });

    it('survives documents that are not Markdown at all, and stays silent on them', async () => {
      const garbage = `\u0000\uFFFD${'`'.repeat(5000)}\n${'#'.repeat(300)} x\n---\nmlsd: [\n<!-- mlsd-disable`;
      const garbageUri = fileUri(path.join(folder, 'garbage.md'));
      const published = client.nextDiagnostics(garbageUri, 2000).catch(() => undefined);
      await client.open(garbageUri, garbage);
      const answer = await published;
      assert.ok(answer === undefined || answer.diagnostics.every((diagnostic) => diagnostic.source === 'mlsd'));
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: garbageUri } });
      assert.ok(Array.isArray(symbols), 'the server still answers');
      await client.close(garbageUri);
    });

    it('completes the mlsd- snippets, and only while the word is on its way to them', async () => {
      const snippets = buildSnippets();
      const text = `${THIN_FRAUD}\nmlsd-fr`;
      const lastLine = text.split('\n').length - 1;
      await client.change(uri, 11, [{ text }]);
      const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: lastLine, character: 7 },
      });
      assert.equal(list.items.length, snippets.length);
      const fraud = list.items.find((item) => item.label === 'mlsd-fraud');
      assert.equal(fraud?.insertTextFormat, 2, 'a snippet, for a client that takes them');
      assert.deepEqual(fraud?.textEdit, {
        range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 7 } },
        newText: snippets.find((snippet) => snippet.prefix === 'mlsd-fraud')?.body,
      });
      const inProse = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 7, character: 10 },
      });
      assert.deepEqual(inProse, { isIncomplete: true, items: [] });
      const restored = client.nextDiagnostics(uri);
      await client.change(uri, 12, [{ text: THIN_FRAUD }]);
      await restored;
    });

    it('clears the diagnostics of a closed document', async () => {
      const cleared = client.nextDiagnostics(uri);
      await client.close(uri);
      assert.deepEqual((await cleared).diagnostics, []);
    });
  });

  describe('options', () => {
    it('takes settings from initializationOptions, then workspace/configuration, then the project config', async () => {
      const folder = workspace({ 'doc.md': THIN_FRAUD, '.mlsd.json': '{ "rules": { "missing-tradeoffs": "off" } }\n' });
      const uri = fileUri(path.join(folder, 'doc.md'));
      const { client } = await TestClient.start({
        folder,
        initializationOptions: { rules: { 'metric-task-mismatch': 'off', 'no-online-metric': 'off' } },
        settings: { rules: { 'no-online-metric': 'error', 'production-gaps': 'hint' } },
      });
      try {
        const published = client.nextDiagnostics(uri);
        await client.open(uri, THIN_FRAUD);
        const diagnostics = (await published).diagnostics;
        const rules = new Set(diagnostics.map((diagnostic) => String(diagnostic.code)));
        assert.ok(!rules.has('metric-task-mismatch'), 'off in initializationOptions');
        assert.equal(
          diagnostics.find((diagnostic) => diagnostic.code === 'no-online-metric')?.severity,
          1,
          'workspace/configuration overrides initializationOptions',
        );
        assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'production-gaps')?.severity, 4);
        assert.ok(!rules.has('missing-tradeoffs'), 'off in .mlsd.json');
        // A settings change re-checks open documents with the new settings.
        client.settings = { enable: false };
        const cleared = client.nextDiagnostics(uri);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        assert.deepEqual((await cleared).diagnostics, [], 'enable: false silences mlsd');
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it("reads an anchored glob of a nested config file from that file's folder, as the CLI does", async () => {
      const idea = '# Feed idea\n\nRank the home feed by predicted dwell time.\n';
      const folder = workspace({ 'docs/.mlsd.json': '{ "include": ["/drafts/**"] }\n', 'docs/drafts/idea.md': idea });
      const uri = fileUri(path.join(folder, 'docs', 'drafts', 'idea.md'));
      const { client } = await TestClient.start({ folder });
      try {
        const published = client.nextDiagnostics(uri);
        await client.open(uri, idea);
        // Included, so reviewed as a design doc: "/drafts/**" is docs/drafts, not a top-level drafts folder.
        assert.ok((await published).diagnostics.some((diagnostic) => diagnostic.code === 'missing-element/data.sources'));
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('starts without an error for a client that does not announce workspace folders', async () => {
      const folder = workspace({ 'doc.md': THIN_FRAUD });
      const uri = fileUri(path.join(folder, 'doc.md'));
      const { client } = await TestClient.start({ folder, capabilities: { workspace: { configuration: false } } });
      try {
        const published = client.nextDiagnostics(uri);
        await client.open(uri, THIN_FRAUD);
        assert.ok((await published).diagnostics.length > 0);
        assert.deepEqual(
          client.logs.filter((log) => log.type === MessageType.Error),
          [],
        );
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('also finds the settings inside an object around them, as Helix and Zed send initializationOptions', async () => {
      const folder = workspace({ 'doc.md': THIN_FRAUD });
      const uri = fileUri(path.join(folder, 'doc.md'));
      const { client } = await TestClient.start({
        folder,
        capabilities: { workspace: { configuration: false } },
        initializationOptions: { mlsd: { rules: { 'metric-task-mismatch': 'off' } } },
      });
      try {
        const published = client.nextDiagnostics(uri);
        await client.open(uri, THIN_FRAUD);
        const diagnostics = (await published).diagnostics;
        assert.equal(diagnostics.length, 21);
        assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'metric-task-mismatch'));
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('shows a broken config file as diagnostics on that file and keeps checking with what was valid', async () => {
      const brokenConfig = '{\n  "rules": { "missing-tradeoffs": "off", "over-engineering": "loud" },\n  "scenario": \n';
      const folder = workspace({ 'doc.md': THIN_FRAUD, '.mlsd.json': brokenConfig });
      const uri = fileUri(path.join(folder, 'doc.md'));
      const configUri = fileUri(path.join(folder, '.mlsd.json'));
      const { client } = await TestClient.start({ folder });
      try {
        const configProblems = client.nextDiagnostics(configUri);
        const published = client.nextDiagnostics(uri);
        await client.open(uri, THIN_FRAUD);
        const problems = (await configProblems).diagnostics;
        assert.ok(problems.length >= 2, JSON.stringify(problems));
        assert.ok(problems.some((problem) => /over-engineering/.test(String(problem.message)) && problem.range.start.line === 1));
        assert.ok(problems.every((problem) => problem.source === 'mlsd'));
        const diagnostics = (await published).diagnostics;
        assert.ok(diagnostics.length > 5);
        assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'missing-tradeoffs'), 'the valid part of the config applies');
        // The project-config action is not offered on a config file that does not parse.
        const first = diagnostics[0]!;
        const actions = await client.codeActions(uri, first.range, [first]);
        assert.ok(!actions.some((action) => /project config/.test(action.title)));
        // Fixing the file (the client reports it as changed) clears its problems and re-checks.
        fs.writeFileSync(path.join(folder, '.mlsd.json'), '{ "rules": { "missing-tradeoffs": "off" } }\n');
        const clearedConfig = client.nextDiagnostics(configUri);
        const rechecked = client.nextDiagnostics(uri);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
        assert.deepEqual((await clearedConfig).diagnostics, []);
        assert.ok(!(await rechecked).diagnostics.some((diagnostic) => diagnostic.code === 'missing-tradeoffs'));
        assert.deepEqual(client.messages, []);
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('edits an existing project config in place, keeping its comments', async () => {
      const config = '{\n  // the team agreed on this\n  "rules": { "missing-tradeoffs": "off" }\n}\n';
      const folder = workspace({ 'doc.md': THIN_FRAUD, '.mlsd.jsonc': config });
      const uri = fileUri(path.join(folder, 'doc.md'));
      // A client without documentChanges (plain `changes` maps) and without file creation.
      const { client } = await TestClient.start({ folder, capabilities: { workspace: { configuration: false } } });
      try {
        const published = client.nextDiagnostics(uri);
        await client.open(uri, THIN_FRAUD);
        const mismatch = (await published).diagnostics.find((diagnostic) => diagnostic.code === 'metric-task-mismatch')!;
        const actions = await client.codeActions(uri, mismatch.range, [mismatch]);
        const disable = actions.find((action) => action.title === 'Disable metric-task-mismatch in the project config');
        const configUri = fileUri(path.join(folder, '.mlsd.jsonc'));
        assert.deepEqual(Object.keys(disable?.edit?.changes ?? {}), [configUri]);
        const edited = applyEdits(config, editsFor(disable?.edit, configUri));
        assert.match(edited, /\/\/ the team agreed on this/);
        assert.match(edited, /"metric-task-mismatch": "off"/);
        assert.ok(
          actions.every((action) => action.edit?.documentChanges === undefined),
          'plain changes for a client without documentChanges',
        );
        // Nor snippets: completions insert the text with every placeholder at its default.
        await client.change(uri, 2, [
          { range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, text: '\nmlsd-tradeoffs' },
        ]);
        const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
          textDocument: { uri },
          position: { line: 17, character: 14 },
        });
        const tradeoffs = list.items.find((item) => item.label === 'mlsd-tradeoffs');
        assert.equal(tradeoffs?.insertTextFormat, 1);
        const inserted = tradeoffs?.textEdit && 'newText' in tradeoffs.textEdit ? tradeoffs.textEdit.newText : '';
        assert.match(inserted, /^### Trade-offs\n\n- TODO: Which trade-offs did you make/);
        assert.doesNotMatch(inserted, /\$\{?\d/);
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  it('refuses transports it does not speak with a usage error, not a stack trace', async () => {
    let stderr = '';
    const code = await main({
      argv: ['lsp', '--socket=9000'],
      cwd: ROOT,
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
    });
    assert.equal(code, 2);
    assert.match(stderr, /^mlsd: lsp: unexpected "--socket=9000"; the server speaks over standard input and output \(mlsd lsp --stdio\)\./);
  });
});
