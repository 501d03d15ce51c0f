import { describe, expect, it } from 'vitest';
import { StoredBodies } from '../src/search/stored-bodies.ts';

/** Bodies as a snapshot writes them: one JSON array an article, the offsets running through the chunks end to end. */
function written(chunksOfBodies: string[][][]): { chunks: Buffer[]; offsets: Float64Array } {
  const chunks = chunksOfBodies.map((bodies) => Buffer.from(bodies.map((paragraphs) => JSON.stringify(paragraphs)).join('')));
  const lengths = chunksOfBodies.flat().map((paragraphs) => Buffer.byteLength(JSON.stringify(paragraphs)));
  const offsets = new Float64Array(lengths.length + 1);
  lengths.forEach((length, n) => {
    offsets[n + 1] = (offsets[n] ?? 0) + length;
  });
  return { chunks, offsets };
}

describe('stored bodies', () => {
  it('reads every article from the chunk holding it, an empty chunk between them', () => {
    const { chunks, offsets } = written([[['Première phrase.'], ['Two', 'paragraphs']], [], [['Ceasefire “holds”.']], [[]]]);
    const bodies = new StoredBodies(chunks, offsets);
    const read = [0, 1, 2, 3].map((n) => bodies.article({ id: `a${n}` } as never, n).paragraphs);
    expect(read).toEqual([['Première phrase.'], ['Two', 'paragraphs'], ['Ceasefire “holds”.'], []]);
  });
});
