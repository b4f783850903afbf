// `mlsd lsp [--stdio]`: the Language Server Protocol server (src/lsp), for editors other than VS Code.
import { UsageError } from './usage-error';

export async function runLsp(args: readonly string[]): Promise<number> {
  const unexpected = args.find((arg) => arg !== '--stdio');
  if (unexpected !== undefined)
    throw new UsageError(`lsp: unexpected "${unexpected}"; the server speaks over standard input and output (mlsd lsp --stdio).`);
  // scripts/build.mjs turns this into a require of dist/lsp.js, loaded only now.
  const { serveStdio } = await import('../lsp/stdio');
  return serveStdio();
}
