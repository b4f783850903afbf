// `npm run bench:lsp`: what an edit costs through the language server. The same 5,000-line
// generated doc and one-character middle edit as `npm run bench` (insert, then delete, alternating;
// 60 warm-up edits first, so the server's JIT is warm too), each edit timed three ways:
//   - analysis in process: the document's analysis session given the new text, as the server does
//     it (re-segmenting around the edit, re-parsing what changed, combining, the rules);
//   - analysis inside the server: its own time for that edit, from the $/logTrace line it sends
//     when the client turns tracing on;
//   - round trip: textDocument/didChange sent to `node dist/cli.js lsp --stdio` until its
//     textDocument/publishDiagnostics arrives, with the typing delay set to 0 (editors wait 300 ms
//     of quiet first, on purpose; that pause is not a cost).
// Protocol overhead, per edit, is round trip − the server's analysis: JSON-RPC framing and parsing
// on both sides, the pipe, turning findings into diagnostics, the event-loop turns between them.
// The in-process and server timings alternate edit by edit, so a busy machine slows both alike.
// Prints a table, or one line of JSON with --json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Range } from 'vscode-languageserver/node';
import { createAnalysisSession } from '../../src/core/incremental';
import { TestClient, fileUri } from '../../test/lsp/client';
import { generateDesignDoc, middleEditOffset } from './generate';
import { median, round } from './timing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINES = Number(process.argv.find((argument) => argument.startsWith('--lines='))?.slice('--lines='.length) ?? 5_000);
const WARMUP = 60;
const RUNS = 41;

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The texts and ranges of the alternating edits: insert "x" at the middle, then delete it. */
function edits(text: string): {
  typed: { range: Range; text: string; after: string };
  erased: { range: Range; text: string; after: string };
} {
  const offset = middleEditOffset(text);
  const at = positionAt(text, offset);
  const withX = `${text.slice(0, offset)}x${text.slice(offset)}`;
  return {
    typed: { range: { start: at, end: at }, text: 'x', after: withX },
    erased: { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '', after: text },
  };
}

/** The server's own analysis time for one version, from its $/logTrace line. */
function tracedAnalysisMs(traces: readonly string[], version: number): number {
  const pattern = new RegExp(`version ${version} in ([\\d.]+) ms`);
  for (const trace of traces) {
    const match = pattern.exec(trace);
    if (match) return Number(match[1]);
  }
  throw new Error(`the server traced no analysis of version ${version}`);
}

interface Timings {
  analysisMs: number;
  roundTripMs: number;
  serverAnalysisMs: number;
  overheadMs: number;
  openMs: number;
  diagnostics: number;
  payloadBytes: number;
}

/**
 * Each edit twice, in alternation so a busy machine slows both alike: once to an in-process
 * session (the analysis alone), once through the server (the round trip, with the server's own
 * analysis time for that edit from its trace).
 */
async function timeEdits(text: string, folder: string): Promise<Timings> {
  const file = path.join(folder, 'design.md');
  fs.writeFileSync(file, text);
  const uri = fileUri(file);
  const session = createAnalysisSession();
  session.update(text);
  const { client } = await TestClient.start({ folder, server: 'dist', trace: 'verbose', initializationOptions: { typingDelayMs: 0 } });
  try {
    let published = client.nextDiagnostics(uri, 60000);
    const openStart = performance.now();
    await client.open(uri, text);
    const first = await published;
    const openMs = performance.now() - openStart;
    const { typed, erased } = edits(text);
    const samples = { analysis: [] as number[], trip: [] as number[], server: [] as number[], overhead: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const edit = i % 2 === 0 ? typed : erased;
      const version = i + 2;
      const analysisStart = performance.now();
      session.update(edit.after);
      const analysis = performance.now() - analysisStart;
      published = client.nextDiagnostics(uri);
      const start = performance.now();
      await client.change(uri, version, [{ range: edit.range, text: edit.text }]);
      await published;
      const trip = performance.now() - start;
      if (i < WARMUP) continue;
      const server = tracedAnalysisMs(client.traces, version);
      samples.analysis.push(analysis);
      samples.trip.push(trip);
      samples.server.push(server);
      samples.overhead.push(trip - server);
    }
    return {
      analysisMs: median(samples.analysis),
      roundTripMs: median(samples.trip),
      serverAnalysisMs: median(samples.server),
      overheadMs: median(samples.overhead),
      openMs,
      diagnostics: first.diagnostics.length,
      payloadBytes: Buffer.byteLength(JSON.stringify(first)),
    };
  } finally {
    await client.shutdown();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist/lsp.js'))) throw new Error('dist/lsp.js is missing: run npm run build first');
  const text = generateDesignDoc(LINES);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-lsp-'));
  try {
    const trip = await timeEdits(text, folder);
    const result = {
      lines: LINES,
      analysisMs: round(trip.analysisMs),
      serverAnalysisMs: round(trip.serverAnalysisMs),
      roundTripMs: round(trip.roundTripMs),
      protocolOverheadMs: round(trip.overheadMs),
      openMs: round(trip.openMs),
      diagnostics: trip.diagnostics,
      payloadBytes: trip.payloadBytes,
    };
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `mlsd lsp on a ${LINES.toLocaleString('en')}-line design doc (${result.diagnostics} diagnostics, ${(result.payloadBytes / 1024).toFixed(1)} KB per publication)`,
    );
    console.log(`medians of ${RUNS} one-character edits after ${WARMUP} warm-up edits:`);
    console.log(`  analysis in process (the session, as npm run bench):  ${result.analysisMs} ms`);
    console.log(`  analysis inside the server (its trace, per edit):      ${result.serverAnalysisMs} ms`);
    console.log(`  didChange → publishDiagnostics at the client:          ${result.roundTripMs} ms`);
    console.log(`  protocol overhead (round trip − server analysis):      ${result.protocolOverheadMs} ms`);
    console.log(`open → first diagnostics (cold server): ${result.openMs} ms`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:lsp: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
