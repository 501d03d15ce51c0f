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

describe('field names', () => {
  it('reads the same alternative names in a text header as in a JSON record', async () => {
    const fields = { headline: 'Ferry back', publication: 'Coast Daily', byline: 'A. Writer', date: '2025-01-02', link: 'https://coast.example/ferry', lang: 'en' };
    const header = Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join('\n');
    // Different bodies: the same text in two files would be set aside as a duplicate.
    const corpus = await loadCorpus(
      await tempCorpus({ 'ferry.txt': `${header}\n\nThe ferry resumed its crossings on Monday.\n`, 'ferry.jsonl': `${JSON.stringify({ ...fields, body: 'Crossings resumed after the storm.' })}\n` }),
    );
    const expected = { title: 'Ferry back', outlet: 'Coast Daily', author: 'A. Writer', published: '2025-01-02', url: 'https://coast.example/ferry', language: 'en' };
    expect(corpus.articles.map((article) => article.id).sort()).toEqual(['ferry.jsonl#1', 'ferry.txt']);
    for (const article of corpus.articles) expect(article).toMatchObject(expected);
  });
});
