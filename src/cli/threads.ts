// Checks files on several threads: the main thread and worker threads take the next file from one
// shared counter (so a thread that drew short docs simply takes more), and each result is stored at
// its file's index, so the output is the same, byte for byte, whatever thread checked what.
import { promises as fs } from 'node:fs';
import { parentPort, workerData, type Worker } from 'node:worker_threads';
import { checkFile, type DocumentFiles, type DocumentSettings, type FileOutcome } from './check-document';
import { replaceFileAtomically } from './host';

export interface FileJob extends DocumentSettings {
  absolutePath: string;
}

/** What a checking thread gets: the whole list, the shared counter, and whether to fix. */
export interface WorkerInput {
  jobs: readonly FileJob[];
  /** One Int32 on a SharedArrayBuffer: the index of the next file nobody has taken yet. */
  next: Int32Array;
  fix: boolean;
}

type WorkerMessage = { index: number; outcome: FileOutcome };

/** Starts a worker thread that runs `serveFileJobs` with `input` as its workerData. */
export type SpawnWorker = (input: WorkerInput) => Worker;

export type Concurrency = number | 'auto' | 'off';

/**
 * Every thread warms up its own JIT, and on a machine with few cores the warm-up also takes the core
 * that V8's background compiler and GC were using, so a second thread loses on a small batch and only
 * pays off once each thread has many files to amortise its warm-up over (`npm run bench:cli` times
 * `check` with and without threads).
 */
const FILES_PER_THREAD = 64;

/** Threads to check `files` files with, the main thread included. */
export function threadCount(concurrency: Concurrency, files: number, cores: number): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? Math.min(cores, Math.floor(files / FILES_PER_THREAD)) : concurrency;
  return Math.max(1, Math.min(wanted, files));
}

/**
 * Checks every job on this thread and `workers` worker threads. `checkHere` checks the job at an index
 * on this thread (through the CLI's host); workers read and write with node:fs. Outcomes come back in job order.
 */
export async function checkFilesOnThreads(
  jobs: readonly FileJob[],
  options: { fix: boolean; workers: number; spawnWorker: SpawnWorker; checkHere: (index: number) => Promise<FileOutcome> },
): Promise<FileOutcome[]> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const outcomes = new Array<FileOutcome>(jobs.length);
  const done = new Array<boolean>(jobs.length).fill(false);
  const record = (index: number, outcome: FileOutcome): void => {
    outcomes[index] = outcome;
    done[index] = true;
  };
  // Each worker's end, as an error or undefined, so a failure waits here instead of rejecting unobserved.
  const ended: Promise<Error | undefined>[] = [];
  for (let i = 0; i < options.workers; i++) {
    const worker = options.spawnWorker({ jobs, next, fix: options.fix });
    ended.push(
      new Promise((resolve) => {
        worker.on('message', (message: WorkerMessage) => record(message.index, message.outcome));
        worker.on('error', (error: Error) => resolve(error));
        worker.on('exit', (code) => resolve(code === 0 ? undefined : new Error(`a checking thread stopped with exit code ${code}`)));
      }),
    );
  }
  try {
    for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
      record(index, await options.checkHere(index));
    }
  } catch (error) {
    // Let the workers stop after their current file, then report this thread's error.
    Atomics.store(next, 0, jobs.length);
    await Promise.all(ended);
    throw error;
  }
  const failure = (await Promise.all(ended)).find((error) => error !== undefined);
  if (failure) throw failure;
  const missing = done.indexOf(false);
  if (missing >= 0) throw new Error(`no thread checked ${jobs[missing]!.absolutePath}`);
  return outcomes;
}

/** How workers read and write: node:fs, with the same atomic replacement as the main thread's host. */
const NODE_FILES: DocumentFiles = { readBytes: (file) => fs.readFile(file), replaceFile: replaceFileAtomically };

/** The worker side: take files from the shared counter until none is left, posting each outcome. */
export async function serveFileJobs(): Promise<void> {
  const { jobs, next, fix } = workerData as WorkerInput;
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const job = jobs[index]!;
    const message: WorkerMessage = { index, outcome: await checkFile(job.absolutePath, job, fix, NODE_FILES) };
    parentPort?.postMessage(message);
  }
}
