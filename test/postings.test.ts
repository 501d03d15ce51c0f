import MiniSearch, { type Options, type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { PackedPostings } from '../src/search/packed-postings.ts';
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

/** An index built in bulk, its postings packed in typed arrays as a restart reads them. */
async function builtInBulk(): Promise<CountedMiniSearch<Document>> {
  const builder = new PostingsBuilder(2);
  for (const document of DOCUMENTS) builder.add(document.id, [numbered(builder, document.title), numbered(builder, document.body)]);
  return CountedMiniSearch.restore(await builder.parts(), OPTIONS);
}

/** Packed postings of short ids 1, 4, 6, 9 counted 1, 2, 3, 4, and a Map holding the same. */
function packedBesideMap(): { packed: PackedPostings; map: Map<number, number> } {
  const store = { documents: Uint32Array.from([7, 1, 4, 6, 9]), counts: Uint32Array.from([5, 1, 2, 3, 4]) };
  return { packed: new PackedPostings(store, 1, 5), map: new Map([[1, 1], [4, 2], [6, 3], [9, 4]]) };
}

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

  it('holds exactly what MiniSearch holds when packed postings change after a restart: a reload, MiniSearch\'s own search over a discard, a vacuum', async () => {
    const packed = await builtInBulk();
    const text = addedAsText();
    expect(packed.toJSON()).toEqual(text.toJSON());

    for (const index of [packed, text]) index.discard('a');
    packed.addCounted('a', [counted('ceasefire talks resume'), counted('envoy meets hamas in doha talks')]);
    text.add({ id: 'a', title: 'ceasefire talks resume', body: 'envoy meets hamas in doha talks' });
    expect(packed.toJSON()).toEqual(text.toJSON());

    // MiniSearch's search trims a discarded document's postings while walking them.
    for (const index of [packed, text]) index.discard('d');
    expect(searches(packed)).toEqual(searches(text));
    expect(packed.toJSON()).toEqual(text.toJSON());

    for (const index of [packed, text]) index.discard('b');
    await Promise.all([packed.vacuum(), text.vacuum()]);
    expect(packed.toJSON()).toEqual(text.toJSON());
    expect(searches(packed)).toEqual(searches(text));

    // Read back, the terms come in the order of MiniSearch's word tree, not the order they were first added.
    const restored = (await CountedMiniSearch.restore(packed.postings(), OPTIONS)).toJSON();
    expect({ ...restored, index: Object.fromEntries(restored.index) }).toEqual({ ...text.toJSON(), index: Object.fromEntries(text.toJSON().index) });
  });

  it('reads packed postings as the Map holding the same entries reads', () => {
    const { packed, map } = packedBesideMap();
    expect(packed.size).toBe(4);
    expect([...packed]).toEqual([...map]);
    expect([...packed.keys()]).toEqual([...map.keys()]);
    expect([...packed.values()]).toEqual([...map.values()]);
    for (const document of [0, 1, 4, 5, 6, 7, 9, 10]) {
      expect(packed.get(document)).toBe(map.get(document));
      expect(packed.has(document)).toBe(map.has(document));
    }
    const visited: [number, number][] = [];
    packed.forEach((count, document, postings) => {
      expect(postings).toBe(packed);
      visited.push([document, count]);
    });
    expect(visited).toEqual([...map]);
  });

  it('walks packed postings as a Map is walked while entries are deleted, changed and added underneath', () => {
    const changes = (postings: Map<number, number>) => {
      const visited: [number, number][] = [];
      for (const [document, count] of postings) {
        visited.push([document, count]);
        // As MiniSearch's vacuum deletes the entry just visited, and its search lowers a count.
        if (document === 4) postings.delete(document);
        if (document === 1) postings.set(6, 30);
        if (document === 6) postings.set(12, 5);
        // Deleted and set again, an entry moves to the end and is met a second time.
        if (document === 9) {
          postings.delete(1);
          postings.set(1, 10);
        }
      }
      return { visited, after: [...postings], size: postings.size };
    };
    const { packed, map } = packedBesideMap();
    expect(changes(packed)).toEqual(changes(map));

    const deleting = packedBesideMap();
    const kept: number[] = [];
    deleting.packed.forEach((_, document, postings) => {
      kept.push(document);
      postings.delete(document);
      postings.delete(9);
    });
    expect(kept).toEqual([1, 4, 6]);
    expect(deleting.packed.size).toBe(0);
    expect(deleting.packed.delete(1)).toBe(false);
  });

  it('ends every change as the Map holding the same entries does', () => {
    const { packed, map } = packedBesideMap();
    const state = (postings: Map<number, number>) => ({
      entries: [...postings],
      size: postings.size,
      found: [0, 1, 4, 6, 9, 12].map((document) => [postings.has(document), postings.get(document)]),
    });
    const steps: ((postings: Map<number, number>) => unknown)[] = [
      (postings) => postings.delete(4),
      (postings) => postings.delete(4),
      (postings) => postings.set(6, 0),
      (postings) => postings.set(4, 8),
      (postings) => postings.set(12, 1),
      (postings) => postings.delete(12),
      (postings) => postings.clear(),
      (postings) => postings.set(9, 2),
      (postings) => postings.set(1, 3),
    ];
    // `set` returns the postings themselves, the other steps what a Map returns.
    const returned = (value: unknown, postings: Map<number, number>) => (value === postings ? 'itself' : value);
    for (const step of steps) {
      expect(returned(step(packed), packed)).toEqual(returned(step(map), map));
      expect(state(packed)).toEqual(state(map));
    }
  });

  it('walks packed postings the same when two walks are under way and one of them changes them', () => {
    const nested = (postings: Map<number, number>) => {
      const pairs: string[] = [];
      for (const outer of postings.keys()) {
        for (const inner of postings.keys()) {
          pairs.push(`${outer}:${inner}`);
          if (outer === 4 && inner === 6) postings.delete(9);
        }
      }
      return pairs;
    };
    const { packed, map } = packedBesideMap();
    expect(nested(packed)).toEqual(nested(map));
  });

  it('refuses a snapshot whose postings are out of order', async () => {
    const builder = new PostingsBuilder(2);
    for (const document of DOCUMENTS) builder.add(document.id, [numbered(builder, document.title), numbered(builder, document.body)]);
    const parts = await builder.parts();
    const twoDocuments = [...parts.postingsPerField].findIndex((n) => n >= 2);
    let at = 0;
    for (let slot = 0; slot < twoDocuments; slot += 1) at += parts.postingsPerField[slot] ?? 0;
    const documents = parts.postingDocuments.slice();
    documents.set([documents[at + 1] ?? 0, documents[at] ?? 0], at);
    await expect(CountedMiniSearch.restore({ ...parts, postingDocuments: documents }, OPTIONS)).rejects.toThrow(/out of order/);
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

  it('finds the best documents as MiniSearch does after being emptied and filled again', async () => {
    const index = await builtInBulk();
    index.removeAll();
    for (const document of DOCUMENTS.slice(1)) index.addCounted(document.id, [counted(document.title), counted(document.body)]);
    const scored = index.search('gaza').map(({ id, score }) => ({ id, score }));
    expect(scored.map(({ id }) => id)).toEqual(['c']);
    expect(index.bestOfAny([[{ term: 'gaza', boost: 1 }]], () => true, 10)).toEqual(scored);
  });

  it("finds the best documents as MiniSearch does when filled by MiniSearch's own add", () => {
    const index = new CountedMiniSearch(OPTIONS);
    index.addAll(DOCUMENTS);
    const scored = index.search('istanbul talks').map(({ id, score }) => ({ id, score }));
    expect(scored.map(({ id }) => id)).toEqual(['a', 'd']);
    expect(index.bestOfAny([[{ term: 'istanbul', boost: 1 }], [{ term: 'talks', boost: 1 }]], () => true, 10)).toEqual(scored);
  });

  it('ranks documents of equal score in the order MiniSearch returns them', () => {
    const index = new CountedMiniSearch(OPTIONS);
    for (const id of ['x', 'y', 'z']) index.addCounted(id, [new Map(), counted('same words')]);
    const groups = [[{ term: 'words', boost: 1 }]];
    expect(index.bestOfAny(groups, () => true, 2).map(({ id }) => id)).toEqual(index.search('words').slice(0, 2).map(({ id }) => id));
  });
});
