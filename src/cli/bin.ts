import { isMainThread, Worker } from 'node:worker_threads';
import { main } from './main';
import { serveFileJobs } from './threads';

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The no-color.org and FORCE_COLOR conventions, else colours only on a terminal. */
function wantsColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return process.stdout.isTTY === true;
}

function runCommandLine(): void {
  // `mlsd check | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  void main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: readStandardInput,
    color: wantsColor(),
    // This same file, loaded in a worker thread, checks files (see below).
    spawnWorker: (input) => new Worker(__filename, { workerData: input }),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (isMainThread) runCommandLine();
else void serveFileJobs();
