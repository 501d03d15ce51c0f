import type { Article } from '../../src/corpus/article.ts';

/** A clean, dated, linked article whose title, link and hash follow from its id. */
export function storyArticle(id: string, outlet: string, paragraphs: string[]): Article {
  return {
    id,
    file: `${id}.txt`,
    title: `Story ${id}`,
    outlet,
    author: null,
    published: '2025-05-01',
    url: `https://example.org/${id}`,
    language: 'en',
    paragraphs,
    hash: id.padEnd(64, '0').slice(0, 64),
  };
}
