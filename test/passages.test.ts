import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';
import { ParagraphTerms, termHash } from '../src/search/passages.ts';

const filler = (n: number) =>
  `Paragraph ${n} of the report covers the weather, the traffic and the local markets in general terms without naming anyone.`;

function longArticle(id: string, paragraphs: string[]): Article {
  return {
    id,
    file: `${id}.txt`,
    title: `Long report ${id}`,
    outlet: 'Wire',
    author: null,
    published: '2025-05-01',
    url: null,
    language: 'en',
    paragraphs,
    hash: id.padEnd(64, '0').slice(0, 64),
  };
}

describe('paragraph filters', () => {
  it('never deny a term a paragraph holds, and deny most terms it lacks', () => {
    const held = Array.from({ length: 40 }, (_, p) => Array.from({ length: 60 }, (_, t) => `term${p}x${t}`));
    const filters = ParagraphTerms.sized(held.map((terms) => terms.length));
    held.forEach((terms, p) => terms.forEach((term) => filters.addHashed(p, termHash(term))));
    expect(held.every((terms, p) => terms.every((term) => filters.mayHold(p, term)))).toBe(true);
    const lacking = Array.from({ length: 1000 }, (_, i) => `absent${i}`).filter((term) => filters.mayHold(7, term));
    expect(lacking.length).toBeLessThan(100);
  });
});

describe('answers from long articles', () => {
  it('finds the answering sentence deep in a long article', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, n) => filler(n));
    paragraphs[47] = 'The harbour commission approved the new lighthouse at Kestrel Point on Monday, its chair said.';
    const library = await Library.fromArticles([longArticle('deep', paragraphs), longArticle('other', paragraphs.slice(0, 10))]);
    const answer = library.answer('Who approved the lighthouse at Kestrel Point?');
    expect(answer.answered).toBe(true);
    expect(answer.sentences[0]?.text).toBe(paragraphs[47]);
  });

  it('quotes the sentence before across a paragraph break, after the answer that leans on it', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, n) => filler(n));
    paragraphs[20] = 'Mayor Ilsa Varga opened the Kestrel Point lighthouse on Monday.';
    paragraphs[21] = 'She said the lighthouse would guide ferries through the strait.';
    const library = await Library.fromArticles([longArticle('ferry', paragraphs)]);
    const answer = library.answer('What will the lighthouse guide through the strait?');
    expect(answer.sentences.map((s) => [s.text, s.context])).toEqual([
      [paragraphs[21], false],
      [paragraphs[20], true],
    ]);
  });
});
