// The practice timer's clock: importing it does not load the framework data, so activation can
// create it.
import type { Clock } from './practice';

/** The real clock plus an offset that tests move forward, so the timer runs without waiting. */
export class OffsetClock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = Date.now) {}

  readonly now: Clock = () => this.base() + this.offsetMs;

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
