/**
 * One term's postings in one field, where MiniSearch expects its `Map<short id, count>`, held as
 * a stretch of two typed arrays shared by every term (the snapshot's, or a bulk build's) until
 * something changes them.
 *
 * At 100,000 real-length articles MiniSearch holds ~50 million postings, one `Map` entry each:
 * a restart spent most of its time creating those entries and collecting the garbage, and every
 * young-generation collection while answering ran beside a 3 GB old generation. Here a restart
 * creates one small object per term and field, pointing into arrays it already has. The first
 * change (a reload adding or removing an article, a search trimming a discarded article's
 * posting, a vacuum) turns the postings into an ordinary `Map` holding the same entries in the
 * same order, and from then on every operation is the `Map`'s own.
 *
 * Reading behaves as a `Map` would, also while the postings change underneath a walk (MiniSearch's
 * vacuum deletes the entry it has just visited): a walk under way when the `Map` is made carries
 * on with the `Map`'s own iterator from the same place.
 */

/** The arrays every term's packed postings are stretches of: short ids, ascending within a stretch, and counts. */
export interface PostingsStore {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
}

/** How far a walk over packed postings has got. */
interface Cursor {
  /** Entries visited so far. */
  visited: number;
  /** The rest of the walk, once the postings are a `Map`: that `Map`'s iterator, past the entries visited. */
  rest: MapIterator<[number, number]> | undefined;
}

/** Postings of one term in one field: a `Map<short id, count>` kept as a stretch of shared typed arrays until changed. */
export class PackedPostings implements Map<number, number> {
  private map: Map<number, number> | undefined = undefined;
  /** Walks under way, to be carried on by the `Map`'s iterator if one is made. */
  private cursors: Cursor[] | undefined = undefined;

  /** Postings `start` to `end` (excluded) of `store`, whose short ids must ascend. */
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
    return this.map ? this.map.size : this.end - this.start;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get(document: number): number | undefined {
    if (this.map) return this.map.get(document);
    const at = this.find(document);
    return at < 0 ? undefined : this.store.counts[at];
  }

  has(document: number): boolean {
    return this.map ? this.map.has(document) : this.find(document) >= 0;
  }

  set(document: number, count: number): this {
    this.mutable().set(document, count);
    return this;
  }

  delete(document: number): boolean {
    return this.has(document) && this.mutable().delete(document);
  }

  clear(): void {
    this.mutable().clear();
  }

  /** Calls `visit` with each count and short id in order, as `Map.forEach` does, without a pair per entry. */
  forEach(visit: (count: number, document: number, postings: Map<number, number>) => void, thisArg?: unknown): void {
    if (this.map) {
      this.map.forEach((count, document) => visit.call(thisArg, count, document, this));
      return;
    }
    const cursor = this.open();
    const { documents, counts } = this.store;
    try {
      for (let at = this.advance(cursor); at >= 0; at = this.advance(cursor)) visit.call(thisArg, counts[at] ?? 0, documents[at] ?? 0, this);
      for (const [document, count] of cursor.rest ?? []) visit.call(thisArg, count, document, this);
    } finally {
      this.close(cursor);
    }
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
    if (this.map) {
      for (const [document, count] of this.map) {
        documents[at] = document;
        counts[at] = count;
        at += 1;
      }
      return at;
    }
    documents.set(this.store.documents.subarray(this.start, this.end), at);
    counts.set(this.store.counts.subarray(this.start, this.end), at);
    return at + this.end - this.start;
  }

  private *walk<T>(pick: (document: number, count: number) => T): Generator<T, undefined, unknown> {
    const cursor = this.open();
    const { documents, counts } = this.store;
    try {
      for (let at = this.advance(cursor); at >= 0; at = this.advance(cursor)) yield pick(documents[at] ?? 0, counts[at] ?? 0);
      for (const [document, count] of cursor.rest ?? []) yield pick(document, count);
    } finally {
      this.close(cursor);
    }
  }

  /** Starts a walk: over the arrays, registered so a `Map` made during it can carry it on, or over the `Map`. */
  private open(): Cursor {
    const cursor: Cursor = { visited: 0, rest: this.map?.entries() };
    if (!this.map) (this.cursors ??= []).push(cursor);
    return cursor;
  }

  /** The array position of the walk's next entry, counted as visited, or -1 when the arrays are done with (ended, or the walk handed to the `Map`). */
  private advance(cursor: Cursor): number {
    if (cursor.rest) return -1;
    const at = this.start + cursor.visited;
    if (at >= this.end) return -1;
    cursor.visited += 1;
    return at;
  }

  private close(cursor: Cursor): void {
    const open = this.cursors?.indexOf(cursor) ?? -1;
    if (open < 0) return;
    this.cursors?.splice(open, 1);
    if (this.cursors?.length === 0) this.cursors = undefined;
  }

  /** The postings as an ordinary `Map`, made at the first change: walks under way go on with its iterator from where they were. */
  private mutable(): Map<number, number> {
    if (this.map) return this.map;
    const map = new Map<number, number>();
    const { documents, counts } = this.store;
    for (let at = this.start; at < this.end; at += 1) map.set(documents[at] ?? 0, counts[at] ?? 0);
    for (const cursor of this.cursors ?? []) {
      cursor.rest = map.entries();
      for (let n = 0; n < cursor.visited; n += 1) cursor.rest.next();
    }
    this.cursors = undefined;
    this.map = map;
    return map;
  }

  /** The array position of `document`'s posting, or -1: a binary search, the short ids ascending. */
  private find(document: number): number {
    const { documents } = this.store;
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((documents[middle] ?? 0) < document) low = middle + 1;
      else high = middle;
    }
    return low < this.end && documents[low] === document ? low : -1;
  }
}
