import MiniSearch, { type Options, type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { CountedMiniSearch, PostingsBuilder, type NumberedTerms } from '../src/search/postings.ts';

interface Document {
  id: string;
  title: string;
  body: string;
}

// Text as newsdesk handed it to MiniSearch before: analysed terms between spaces, an empty field holding none.
const OPTIONS: Options<Document> = {
  fields: ['title', 'body'],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  searchOptions: { boost: { title: 2 } },
};
const DOCUMENTS: Document[] = [
  { id: 'a', title: 'ceasefire talks in istanbul', body: 'envoy meets hamas in istanbul istanbul talks ceasefire gaza' },
  { id: 'b', title: '', body: 'zebras escape zoo keepers said zebras zebras' },
  { id: 'c', title: 'gaza aid', body: 'aid convoy reaches gaza ceasefire holds' },
  { id: 'd', title: 'istanbul', body: 'talks' },
];
const QUERIES = ['istanbul', 'ceasefire gaza', 'zebras', 'talks aid'];

function counted(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of text.split(' ').filter(Boolean)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** A field's counted terms as `PostingsBuilder.add` takes them, numbered by the builder. */
function numbered(builder: PostingsBuilder, text: string): NumberedTerms {
  const counts = counted(text);
  return { terms: [...counts.keys()].map((term) => builder.termNumber(term)), counts: [...counts.values()] };
}

function addedAsText(): MiniSearch<Document> {
  const index = new MiniSearch(OPTIONS);
  index.addAll(DOCUMENTS);
  return index;
}

const searches = (index: MiniSearch<Document>) => QUERIES.map((query) => index.search(query));

describe('MiniSearch fed counted terms', () => {
  it('scores every search exactly as MiniSearch indexing the text does, one document at a time', () => {
    const index = new CountedMiniSearch(OPTIONS);
    for (const document of DOCUMENTS) index.addCounted(document.id, [counted(document.title), counted(document.body)]);
    expect(searches(index)).toEqual(searches(addedAsText()));
    expect(index.toJSON()).toEqual(addedAsText().toJSON());
  });

  it('scores every search the same when built in bulk, and when read back from its postings after a discard', async () => {
    const builder = new PostingsBuilder(2);
    for (const document of DOCUMENTS) builder.add(document.id, [numbered(builder, document.title), numbered(builder, document.body)]);
    const bulk = await CountedMiniSearch.restore(await builder.parts(), OPTIONS);
    expect(searches(bulk)).toEqual(searches(addedAsText()));

    const text = addedAsText();
    text.discard('c');
    bulk.discard('c');
    const restored = await CountedMiniSearch.restore(bulk.postings(), OPTIONS);
    expect(searches(restored)).toEqual(searches(text));
    expect(restored.documentCount).toBe(3);
  });

  it('refuses a second document with the same id, as MiniSearch does', () => {
    const builder = new PostingsBuilder(2);
    builder.add('a', [numbered(builder, ''), numbered(builder, 'one')]);
    expect(() => builder.add('a', [numbered(builder, ''), numbered(builder, 'two')])).toThrow(/duplicate ID a/);
  });

  it('finds the best documents for groups of boosted terms with the scores and order of the same MiniSearch query', async () => {
    const builder = new PostingsBuilder(2);
    for (const document of DOCUMENTS) builder.add(document.id, [numbered(builder, document.title), numbered(builder, document.body)]);
    const index = await CountedMiniSearch.restore(await builder.parts(), OPTIONS);
    const groups = [
      [{ term: 'istanbul', boost: 1 }, { term: 'gaza', boost: 0.4 }],
      [{ term: 'talks', boost: 1 }],
      [{ term: 'zebras', boost: 0.8 }, { term: 'gaza', boost: 1 }],
    ];
    const query: Query = {
      combineWith: 'OR',
      queries: groups.map((terms): Query => ({
        combineWith: 'OR',
        queries: terms.map(({ term }) => term),
        boostTerm: (term: string) => terms.find((t) => t.term === term)?.boost ?? 1,
      })),
    };
    const scored = (results: { id: string; score: number }[]) => results.map(({ id, score }) => ({ id, score }));
    const everything = scored(index.search(query));
    expect(everything).toHaveLength(DOCUMENTS.length);
    expect(index.bestOfAny(groups, () => true, Infinity)).toEqual(everything);
    expect(index.bestOfAny(groups, () => true, 2)).toEqual(everything.slice(0, 2));
    expect(index.bestOfAny(groups, (id) => id !== 'a', 2)).toEqual(everything.filter(({ id }) => id !== 'a').slice(0, 2));
    expect(index.bestOfAny([[{ term: 'unheard', boost: 1 }]], () => true, 10)).toEqual([]);

    const discarded = await CountedMiniSearch.restore(index.postings(), OPTIONS);
    discarded.discard('c');
    index.discard('c');
    expect(discarded.bestOfAny(groups, () => true, Infinity)).toEqual(scored(index.search(query)));
    expect(discarded.bestOfAny(groups, () => true, Infinity).map(({ id }) => id)).not.toContain('c');
  });

  it('ranks documents of equal score in the order MiniSearch returns them', () => {
    const index = new CountedMiniSearch(OPTIONS);
    for (const id of ['x', 'y', 'z']) index.addCounted(id, [new Map(), counted('same words')]);
    const groups = [[{ term: 'words', boost: 1 }]];
    expect(index.bestOfAny(groups, () => true, 2).map(({ id }) => id)).toEqual(index.search('words').slice(0, 2).map(({ id }) => id));
  });
});
