import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

describe('metadata fields an exporter left empty', () => {
  it('loads a JSON record whose published, url, author and title are null, with those fields unknown', async () => {
    const record = { title: null, author: null, published: null, url: null, outlet: 'Coast Daily', body: 'The ferry resumed its crossings on Monday.' };
    const corpus = await loadCorpus(await tempCorpus({ 'export.jsonl': `${JSON.stringify(record)}\n` }));
    expect(corpus.rejected).toEqual([]);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.articles[0]).toMatchObject({ id: 'export.jsonl#1', title: null, author: null, published: null, url: null, outlet: 'Coast Daily' });
  });

  it('loads a markdown file whose front matter leaves title, date, author and url empty', async () => {
    const text = '---\ntitle:\ndate:\nauthor: ""\nurl:\noutlet: Coast Daily\n---\n\nThe ferry resumed its crossings on Monday.\n';
    const corpus = await loadCorpus(await tempCorpus({ 'ferry.md': text }));
    expect(corpus.rejected).toEqual([]);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles[0]).toMatchObject({ id: 'ferry.md', title: null, author: null, published: null, url: null, outlet: 'Coast Daily' });
  });

  it('still rejects a record whose field has the wrong shape', async () => {
    const record = { title: { text: 'nested' }, body: 'The ferry resumed its crossings on Monday.' };
    const corpus = await loadCorpus(await tempCorpus({ 'export.json': JSON.stringify([record]) }));
    expect(corpus.articles).toEqual([]);
    expect(corpus.rejected).toEqual([{ file: 'export.json', record: 1, reason: expect.stringContaining('title') }]);
  });
});
