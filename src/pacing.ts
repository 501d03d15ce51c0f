/**
 * Long synchronous loops over a whole corpus (preparing records, analysing and filling an index,
 * comparing a reload with the served articles) share the event loop with queries and the gateway heartbeat: they yield whenever they
 * have held it for `MAX_BUSY_MS`, by elapsed time, since a count of items per slice is milliseconds
 * at one size and a visible stall at 100,000 articles.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Longest stretch of work between two yields to the event loop. */
export const MAX_BUSY_MS = 10;

/** Says when `MAX_BUSY_MS` of work has passed since the last yield to the event loop: `if (pacer.due()) await pacer.rest()`. */
export class Pacer {
  private since = performance.now();

  /** Whether the work has held the event loop long enough to yield. */
  due(): boolean {
    return performance.now() - this.since > MAX_BUSY_MS;
  }

  /** Yields to the event loop and starts a new stretch. */
  async rest(): Promise<void> {
    await yieldToEventLoop();
    this.since = performance.now();
  }
}
