import { randomBytes } from 'node:crypto';

/**
 * Short-lived state behind buttons (which search a Next button pages), under a key small enough
 * for a custom_id. Entries expire after `ttlMs`, and the oldest go first past `capacity`, so
 * memory stays bounded however many searches are run.
 */
export class SessionStore<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a value and returns its key. */
  put(value: T): string {
    const key = randomBytes(6).toString('base64url');
    this.#entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return key;
  }

  /** The value under a key, or undefined once it has expired or was never there. */
  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
}
