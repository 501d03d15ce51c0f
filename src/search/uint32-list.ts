/**
 * A list of unsigned 32-bit numbers that grows in chunks as it is appended to, for the millions
 * of numbers a build gathers (a batch's entries and filters, the postings). Doubling one array
 * copied it whole and allocated twice its size at once, which held the event loop for a third of
 * a second at 20,000 articles; `number[]` arrays copied into typed arrays at the end cost the
 * analysis threads more than appending to typed arrays does.
 */
export class Uint32List {
  private readonly chunks: Uint32Array[] = [];
  private last = new Uint32Array(0);
  private readonly chunkMask: number;
  private count = 0;

  /** A list whose chunks hold `2 ** chunkBits` numbers each. */
  constructor(private readonly chunkBits: number) {
    this.chunkMask = (1 << chunkBits) - 1;
  }

  /** How many numbers were appended. */
  get length(): number {
    return this.count;
  }

  /** Appends one number. */
  push(value: number): void {
    const at = this.count & this.chunkMask;
    if (at === 0) this.addChunk();
    this.last[at] = value;
    this.count += 1;
  }

  /** Appends every number of `values`. */
  append(values: Uint32Array): void {
    for (let from = 0; from < values.length; ) {
      const at = this.count & this.chunkMask;
      if (at === 0) this.addChunk();
      const taken = Math.min(values.length - from, this.last.length - at);
      this.last.set(values.subarray(from, from + taken), at);
      from += taken;
      this.count += taken;
    }
  }

  /** The number at `index` (below `length`). */
  at(index: number): number {
    return this.chunks[index >>> this.chunkBits]?.[index & this.chunkMask] ?? 0;
  }

  /** The numbers appended so far, copied into one array. */
  values(): Uint32Array {
    const all = new Uint32Array(this.count);
    this.chunks.forEach((chunk, n) => {
      const start = n << this.chunkBits;
      all.set(chunk.subarray(0, Math.min(chunk.length, this.count - start)), start);
    });
    return all;
  }

  private addChunk(): void {
    this.last = new Uint32Array(1 << this.chunkBits);
    this.chunks.push(this.last);
  }
}
