// A minimal LSP client for tests and the benchmark: spawns `mlsd lsp --stdio` (from source through
// tsx, or the built dist/cli.js), answers the server's requests the way an editor does, and records
// what the server publishes so a test can wait for the next diagnostics of a document.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export const ROOT = path.resolve(__dirname, '../..');

/** What a current editor declares: pull configuration, versioned edits that may create files, watched files. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    completion: { completionItem: { snippetSupport: true } },
  },
};

export interface ClientOptions {
  /** The workspace folder (a path). */
  folder: string;
  initializationOptions?: unknown;
  /** The `mlsd` section this client answers to workspace/configuration; undefined answers null. */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  /** 'verbose' makes the server send $/logTrace messages (see `traces`). */
  trace?: 'off' | 'messages' | 'verbose';
  /** 'source' runs src/cli/bin.ts through tsx (no build needed); 'dist' runs the built dist/cli.js. */
  server?: 'source' | 'dist';
}

export class TestClient {
  readonly messages: ShowMessageParams[] = [];
  /** window/logMessage notifications, in arrival order. */
  readonly logs: LogMessageParams[] = [];
  /** $/logTrace messages, when started with `trace: 'verbose'`. */
  readonly traces: string[] = [];
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  settings: unknown;
  private waiters: { uri: string; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
  }

  static async start(options: ClientOptions): Promise<{ client: TestClient; initialized: InitializeResult }> {
    const args =
      options.server === 'dist'
        ? [path.join(ROOT, 'dist/cli.js'), 'lsp', '--stdio']
        : ['--import', 'tsx', path.join(ROOT, 'src/cli/bin.ts'), 'lsp', '--stdio'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options.settings);
    child.stderr!.on('data', (chunk: Buffer) => {
      client.stderr += chunk.toString();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      const ready = client.waiters.filter((waiter) => waiter.uri === params.uri);
      client.waiters = client.waiters.filter((waiter) => waiter.uri !== params.uri);
      for (const waiter of ready) waiter.resolve(params);
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      client.messages.push(params);
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      client.logs.push(params);
    });
    connection.onNotification('$/logTrace', (params: { message: string }) => {
      client.traces.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings ?? null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
    const folderUri = fileUri(options.folder);
    const initialized = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      trace: options.trace ?? 'off',
    });
    await connection.sendNotification('initialized', {});
    return { client, initialized };
  }

  /** The next diagnostics published for this document (after this call). */
  nextDiagnostics(uri: string, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  /** The protocol's orderly end; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
