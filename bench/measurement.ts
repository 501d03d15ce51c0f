/**
 * What every search bench measures the same way: heap after a full collection, build time and
 * held heap, latency percentiles over a question list, and the longest event-loop stall.
 */

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures are clean (the bench runs with --expose-gc). */
export const canCollect = gc !== undefined;

/** Heap in use after two full collections, in MB (external buffers included: snapshots and Buffers live there). */
export function heapMb(): number {
  gc?.();
  gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1024 / 1024;
}

/** The value at percentile `p` of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** Milliseconds of CPU the process has used, all its threads (the collector's helpers too): a clock that a loaded machine does not stretch. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** p50 / p99 of `ask` over the questions (after 20 warm-up asks), timed by `clock` (wall time unless told), and how many it answered. */
export function latencies(
  questions: readonly string[],
  ask: (q: string) => boolean,
  clock: () => number = () => performance.now(),
): { p50: number; p99: number; answered: number } {
  for (const q of questions.slice(0, 20)) ask(q);
  const times: number[] = [];
  let answered = 0;
  for (const q of questions) {
    const started = clock();
    if (ask(q)) answered += 1;
    times.push(clock() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), answered };
}

/** Builds an engine, measuring how long that took and how much heap it holds afterwards. */
export async function measureBuild<T>(build: () => Promise<T>): Promise<{ engine: T; buildMs: number; heapMb: number }> {
  const base = heapMb();
  const started = performance.now();
  const engine = await build();
  const buildMs = performance.now() - started;
  return { engine, buildMs, heapMb: heapMb() - base };
}

/** Longest gap between ticks of a 10 ms interval while `work` runs. */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(probe);
  }
}
