import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.ts';
import { analyseArticles, ArticleIndex } from '../src/search/article-index.ts';
import { storyArticle } from './support/articles.ts';

/** The repository's own page dumps (3 MB of real pages in several languages, menus and all): no data from outside the clone. */
const DUMPS = new URL('./fixtures/dumps/', import.meta.url);

/** Each page dump as an article: its first line the title, a paragraph per non-blank line. */
function dumpArticles(): Article[] {
  const files = readdirSync(DUMPS, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.txt')).sort();
  return files.map((file, n) => {
    const [title = null, ...lines] = readFileSync(new URL(file, DUMPS), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    return { ...storyArticle(`dump-${n}`, 'Dumps', lines.length > 0 ? lines : ['(empty)']), title };
  });
}

describe('index build', () => {
  // Everything answers read (postings, vocabulary with its word order, paragraph filters) is in the parts.
  it('builds the same index whether the worker threads or this thread analyse the articles', async () => {
    const articles = dumpArticles();
    // Several batches, so the threads' batches must be gathered in order.
    expect(articles.reduce((sum, a) => sum + a.paragraphs.join(' ').length, 0)).toBeGreaterThan(2_000_000);
    const pooled = await ArticleIndex.build(articles, 'pool');
    const threaded = await ArticleIndex.build(articles, 'thread');
    expect(pooled.parts()).toEqual(threaded.parts());
  });

  // A snapshot written right after a build stores the postings the build made; after a change it must store the change.
  it('gives a snapshot the postings as they are after a change, not as the build made them', async () => {
    const zebras = storyArticle('zebras', 'Wire', ['Three zebras escaped from the city zoo on Monday.']);
    const lynx = storyArticle('lynx', 'Wire', ['A lynx was spotted near the northern ridge.']);
    const index = await ArticleIndex.build([zebras, lynx]);
    expect(index.parts().postings.documents.map(([, id]) => id)).toEqual(['zebras', 'lynx']);

    index.apply({ upserts: [], removals: await analyseArticles([lynx]) });
    const restored = await ArticleIndex.fromParts(index.parts());

    expect(restored.parts().postings.documents.map(([, id]) => id)).toEqual(['zebras']);
  });
});
