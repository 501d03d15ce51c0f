import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const text = 'Title: Café owners welcome the “harbour” plan\n\nOwners said the plan would bring visitors back — at last.\n';

function utf16(encoding: 'le' | 'be'): Uint8Array {
  const little = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return encoding === 'le' ? little : little.swap16();
}

describe('UTF-16 files', () => {
  it.each(['le', 'be'] as const)('decodes UTF-16 %s by its byte-order mark instead of calling it binary', async (encoding) => {
    const corpus = await loadCorpus(await tempCorpus({ 'notepad.txt': utf16(encoding) }));
    expect(corpus.rejected).toEqual([]);
    expect(corpus.articles[0]).toMatchObject({ title: 'Café owners welcome the “harbour” plan', paragraphs: ['Owners said the plan would bring visitors back — at last.'] });
    expect(corpus.warnings).toEqual([{ file: 'notepad.txt', record: null, reason: `decoded as UTF-16 ${encoding.toUpperCase()} (byte-order mark)` }]);
  });

  it('rejects a file whose UTF-16 byte-order mark is followed by an unpaired surrogate', async () => {
    const corpus = await loadCorpus(await tempCorpus({ 'broken.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]) }));
    expect(corpus.articles).toEqual([]);
    expect(corpus.rejected).toEqual([{ file: 'broken.txt', record: null, reason: 'not valid UTF-16 LE despite its byte-order mark' }]);
  });
});
