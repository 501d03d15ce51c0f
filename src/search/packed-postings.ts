/**
 * One term's postings in one field, where MiniSearch expects its `Map<short id, count>`, held as
 * a stretch of two typed arrays shared by every term (the snapshot's, or a bulk build's).
 *
 * At 100,000 real-length articles MiniSearch holds ~50 million postings, one `Map` entry each:
 * a restart spent most of its time creating those entries and collecting the garbage, and every
 * young-generation collection while answering ran beside a 3 GB old generation. Here a restart
 * creates one small object per term and field, pointing into arrays it already has.
 *
 * Changes never copy the stretch into a `Map`: a reload applies up to 500 articles in one
 * synchronous step, and their terms include the commonest ones, whose postings run to tens of
 * thousands each. A changed count or a deleted posting is marked by its position (in arrays of
 * the stretch's length, made at the first such change); a document added after the stretch was
 * packed goes to a small `Map` after it. Every operation gives what a `Map` holding the same
 * entries in the same order would give, also while the postings change underneath a walk (as
 * MiniSearch's vacuum deletes the entry it has just visited): positions are its slots, in
 * insertion order, and an entry deleted and set again moves to the end, as in a `Map`.
 */

/** The arrays every term's packed postings are stretches of: short ids, ascending within a stretch, and counts. */
export interface PostingsStore {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
}

/** Postings of one term in one field: a `Map<short id, count>` kept as a stretch of shared typed arrays. */
export class PackedPostings implements Map<number, number> {
  /** Per position of the stretch, 1 once its posting is deleted (made at the first deletion). */
  private deleted: Uint8Array | undefined = undefined;
  private deletedCount = 0;
  /** Per position of the stretch, its count, once one was changed (made at the first change). */
  private changed: Float64Array | undefined = undefined;
  /** Postings set after the stretch was packed, for documents not in it (or deleted from it), in the order set. */
  private added: Map<number, number> | undefined = undefined;

  /** Postings `start` to `end` (excluded) of `store`, whose short ids must ascend (see `ascending`). */
  constructor(
    private readonly store: PostingsStore,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** Whether a stretch of `store` can be held packed: short ids strictly ascending, as MiniSearch numbers and fills them. */
  static ascending(store: PostingsStore, start: number, end: number): boolean {
    const { documents } = store;
    for (let at = start + 1; at < end; at += 1) if ((documents[at] ?? 0) <= (documents[at - 1] ?? 0)) return false;
    return true;
  }

  get size(): number {
    return this.end - this.start - this.deletedCount + (this.added?.size ?? 0);
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get(document: number): number | undefined {
    const at = this.find(document);
    return at < 0 ? this.added?.get(document) : this.countAt(at);
  }

  has(document: number): boolean {
    return this.find(document) >= 0 || (this.added?.has(document) ?? false);
  }

  set(document: number, count: number): this {
    const at = this.find(document);
    if (at < 0) {
      (this.added ??= new Map()).set(document, count);
      return this;
    }
    this.changed ??= Float64Array.from(this.store.counts.subarray(this.start, this.end));
    this.changed[at - this.start] = count;
    return this;
  }

  delete(document: number): boolean {
    const at = this.find(document);
    if (at < 0) return this.added?.delete(document) ?? false;
    this.deleted ??= new Uint8Array(this.end - this.start);
    this.deleted[at - this.start] = 1;
    this.deletedCount += 1;
    return true;
  }

  clear(): void {
    this.deleted = new Uint8Array(this.end - this.start).fill(1);
    this.deletedCount = this.end - this.start;
    this.added?.clear();
  }

  /** Calls `visit` with each count and short id in order, as `Map.forEach` does, without a pair per entry. */
  forEach(visit: (count: number, document: number, postings: Map<number, number>) => void, thisArg?: unknown): void {
    const { documents } = this.store;
    for (let at = this.start; at < this.end; at += 1) {
      if (!this.deleted?.[at - this.start]) visit.call(thisArg, this.countAt(at), documents[at] ?? 0, this);
    }
    this.added?.forEach((count, document) => visit.call(thisArg, count, document, this));
  }

  entries(): MapIterator<[number, number]> {
    return this.walk((document, count): [number, number] => [document, count]);
  }

  keys(): MapIterator<number> {
    return this.walk((document) => document);
  }

  values(): MapIterator<number> {
    return this.walk((_, count) => count);
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** Copies the postings, in order, into `documents` and `counts` from `at` on (a snapshot's arrays); returns where the next term's go. */
  copyInto(documents: Uint32Array, counts: Uint32Array, at: number): number {
    if (this.deleted || this.changed || this.added?.size) {
      let next = at;
      this.forEach((count, document) => {
        documents[next] = document;
        counts[next] = count;
        next += 1;
      });
      return next;
    }
    documents.set(this.store.documents.subarray(this.start, this.end), at);
    counts.set(this.store.counts.subarray(this.start, this.end), at);
    return at + this.end - this.start;
  }

  /** The entries in order, each read when reached, so changes made during the walk show as they would in a `Map`'s. */
  private *walk<T>(pick: (document: number, count: number) => T): Generator<T, undefined, unknown> {
    const { documents } = this.store;
    for (let at = this.start; at < this.end; at += 1) {
      if (!this.deleted?.[at - this.start]) yield pick(documents[at] ?? 0, this.countAt(at));
    }
    if (this.added) for (const [document, count] of this.added) yield pick(document, count);
  }

  private countAt(at: number): number {
    return this.changed ? (this.changed[at - this.start] ?? 0) : (this.store.counts[at] ?? 0);
  }

  /** The array position of `document`'s live posting in the stretch, or -1: a binary search, the short ids ascending. */
  private find(document: number): number {
    const { documents } = this.store;
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((documents[middle] ?? 0) < document) low = middle + 1;
      else high = middle;
    }
    return low < this.end && documents[low] === document && !this.deleted?.[low - this.start] ? low : -1;
  }
}
