/**
 * Whether the heap has room for what a running bot will ask of it. A large reload builds its new
 * index beside the live one, which keeps serving until the swap, so for a moment the heap holds
 * two; a corpus that fits once may not fit twice, and running out of heap ends the process.
 * Node sizes its heap limit from the machine's memory (4 GB or so), not from the corpus, so the
 * operator is told at start, while there is time to raise it.
 */
import { getHeapStatistics } from 'node:v8';

/** Share of the heap limit two copies of the index may take before a reload risks running out. */
const SAFE_SHARE = 0.9;
const MB = 1024 * 1024;

/** Advice for the operator when the loaded corpus leaves too little heap for a reload beside it; null when it fits. */
export function reloadRoomAdvice(usedBytes: number, limitBytes: number): string | null {
  if (2 * usedBytes <= SAFE_SHARE * limitBytes) return null;
  const needed = Math.ceil((2 * usedBytes) / SAFE_SHARE / 1024 / MB) * 1024;
  return (
    `the corpus takes ${Math.round(usedBytes / MB)} MB of the ${Math.round(limitBytes / MB)} MB heap, and a large reload builds a second index beside it: ` +
    `start with NODE_OPTIONS=--max-old-space-size=${needed} (or more) so a reload cannot run out of memory`
  );
}

/** The same advice for this process as it stands. */
export function currentReloadRoomAdvice(): string | null {
  return reloadRoomAdvice(process.memoryUsage().heapUsed, getHeapStatistics().heap_size_limit);
}
