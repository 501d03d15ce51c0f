import { describe, expect, it } from 'vitest';
import { reloadRoomAdvice } from '../src/heap-room.ts';

const MB = 1024 * 1024;

describe('heap room for a reload', () => {
  it('says nothing when two copies of the index fit in the heap', () => {
    expect(reloadRoomAdvice(500 * MB, 4096 * MB)).toBeNull();
    expect(reloadRoomAdvice(1800 * MB, 4096 * MB)).toBeNull();
  });

  it('tells the operator how large a heap to start with when a reload beside the live index would not fit', () => {
    const advice = reloadRoomAdvice(3325 * MB, 4345 * MB);
    expect(advice).toContain('3325 MB of the 4345 MB heap');
    expect(advice).toContain('NODE_OPTIONS=--max-old-space-size=8192');
  });
});
