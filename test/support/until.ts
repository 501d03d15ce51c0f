/** Polls `find` every 20 ms until it returns something truthy, and resolves with it; rejects after `timeoutMs`. */
export async function until<T>(find: () => T | false | null | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
