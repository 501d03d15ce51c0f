import { describe, expect, it } from 'vitest';
import { ArticleSchema, type Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';
import { storyArticle } from './support/articles.ts';

/** A different value of the same kind, still valid for the schema; a field of a new kind must be taught here. */
function varied(value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
  if (value === null) return 'a value the source now gives';
  if (Array.isArray(value)) return [...value, 'A paragraph added in the new version of the file.'];
  throw new Error(`no variation for ${JSON.stringify(value)}: teach varied() this field's kind`);
}

/** Every field of the article schema but the id, which names the article rather than describing it. */
const DESCRIBING_FIELDS = ArticleSchema.keyof().options.filter((field) => field !== 'id');

describe('reload sees a change in any field of the article schema', () => {
  it.each(DESCRIBING_FIELDS)('reports an article whose %s changed as updated, and serves the new value', async (field) => {
    const served = storyArticle('harbour', 'Coast Herald', ['The harbour reopened on Wednesday.']);
    const changed: Article = ArticleSchema.parse({
      ...served,
      [field]: varied(served[field]),
      // The loader hashes the body it read: a new body always comes with a new hash.
      ...(field === 'paragraphs' && { hash: varied(served.hash) }),
    });
    const library = await Library.fromArticles([served], { load: async () => ({ articles: [changed], rejected: [], duplicates: [], warnings: [] }) });
    const report = await library.reload();
    expect(report).toMatchObject({ added: [], updated: ['harbour'], removed: [] });
    expect(library.article('harbour')?.[field]).toEqual(changed[field]);
  });

  it('reports nothing updated when the reloaded article is the same', async () => {
    const served = storyArticle('harbour', 'Coast Herald', ['The harbour reopened on Wednesday.']);
    const library = await Library.fromArticles([served], { load: async () => ({ articles: [{ ...served }], rejected: [], duplicates: [], warnings: [] }) });
    expect(await library.reload()).toMatchObject({ added: [], updated: [], removed: [] });
  });
});
