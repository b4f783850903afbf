// A stepped computation is a generator whose `yield`s mark where a sliced analysis may give the
// host its turn (see the incremental session). Everything else runs it straight through.
export type Steps<T> = Generator<void, T, void>;

/** Runs stepped work to its end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Items (segments, sections) handled between two pauses: a step short enough not to block an editor, long enough that pausing costs little. */
const ITEMS_PER_STEP = 1000;

/** Whether a loop over many items pauses after item `index`. */
export function pausesAfter(index: number): boolean {
  return index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1;
}
