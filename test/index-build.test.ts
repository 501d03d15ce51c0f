import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { storyArticle } from './support/articles.ts';

const REUTERS = new URL('../../shared/data/reuters21578/reuters21578.jsonl', import.meta.url);

/** The first `count` Reuters stories with a body, as articles of a paragraph each per blank-line block. */
function reutersArticles(count: number): Article[] {
  const stories = readFileSync(REUTERS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; title?: string; body?: string })
    .filter((story) => story.body);
  return stories.slice(0, count).map((story) => ({
    ...storyArticle(story.id, 'Reuters', (story.body ?? '').split(/\n\s*\n|\n(?=\s)/u).map((p) => p.replace(/\s+/gu, ' ').trim()).filter(Boolean)),
    title: story.title ?? null,
  }));
}

describe('index build', () => {
  // Everything answers read (postings, vocabulary with its word order, paragraph filters) is in the parts.
  it('builds the same index whether the worker threads or this thread analyse the articles', async () => {
    const articles = reutersArticles(3000);
    const pooled = await ArticleIndex.build(articles, 'pool');
    const threaded = await ArticleIndex.build(articles, 'thread');
    expect(pooled.parts()).toEqual(threaded.parts());
  });

});
