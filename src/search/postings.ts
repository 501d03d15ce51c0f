/**
 * MiniSearch fed terms already counted, and its postings as typed arrays for a snapshot.
 *
 * MiniSearch's `add` takes a document's text, tokenizes it and walks its radix tree once per term
 * occurrence: an article of 1,400 words costs 1,400 walks and as many map updates, though its
 * terms were counted during analysis. `addCounted` writes each distinct term's count once,
 * through the state MiniSearch leaves `protected` for subclasses, exactly as `add` would leave it
 * (same short ids, field lengths as distinct terms, running average field lengths, postings in
 * document order), so every search scores the same. Searching, discarding and vacuuming stay
 * MiniSearch's own.
 *
 * A snapshot of the postings (`postings`, read back by `restore`) is typed arrays and two JSON
 * lists instead of MiniSearch's `toJSON`: reading it back parses no object per posting, the
 * postings stay in those arrays (`PackedPostings`, which MiniSearch uses as its posting maps),
 * and `restore` yields to the event loop by elapsed time, where `loadJSAsync` sleeps a timer tick
 * (at least 1 ms) every 1,000 postings: 45 s or more of sleep at 100,000 real-length articles.
 */
import MiniSearch, { type Options } from 'minisearch';
import { Pacer } from '../pacing.ts';
import { PackedPostings, type PostingsStore } from './packed-postings.ts';
import { Uint32List } from './uint32-list.ts';

/** A mask: a loop over single postings asks its pacer every 65,536 of them, as reading the clock costs more than a posting. */
const PACE_EVERY = 0xffff;

/** Everything a `CountedMiniSearch` holds, as a snapshot stores it. */
export interface PostingsParts {
  /** Document count, next short id and discarded-but-not-vacuumed postings, as MiniSearch counts them. */
  counts: { documentCount: number; nextId: number; dirtCount: number };
  averageFieldLength: number[];
  /** Live documents: short id and id, in MiniSearch's order. */
  documents: [shortId: number, id: string][];
  /** Per live document (same order), its length in each field. */
  fieldLengths: Uint32Array;
  /** Every term, in the index's order. */
  terms: string[];
  /** Per term and field, how many postings follow in `postingDocuments` / `postingCounts`. */
  postingsPerField: Uint32Array;
  postingDocuments: Uint32Array;
  postingCounts: Uint32Array;
}

/** A mean over `earlier` values updated with one more, computed as MiniSearch's `add` computes it, so scores agree to the last bit. */
function runningMean(mean: number | undefined, earlier: number, value: number): number {
  return ((mean || 0) * earlier + value) / (earlier + 1);
}

/** One field of a document for `PostingsBuilder.add`: its distinct terms by number, and how often each occurs. */
export interface NumberedTerms {
  terms: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/** A postings list's chunks hold 2 ** this many numbers (4 MB): tens of millions are gathered. */
const POSTINGS_CHUNK_BITS = 20;

/**
 * Postings gathered document by document, handed to MiniSearch term by term (`parts`, then
 * `CountedMiniSearch.restore`). Filling each term's postings in one go is what makes a bulk build
 * fast: added document by document, every article touches ~600 large posting maps scattered over
 * the heap, and those memory misses, not the work, took most of a build.
 */
export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly ids = new Set<string>();
  private readonly documents: [number, string][] = [];
  private readonly fieldLengths = new Uint32List(POSTINGS_CHUNK_BITS);
  private readonly averageFieldLength: number[] = [];
  /** Per document and field in order, each term's slot (term id × fields + field) and count. */
  private readonly slots = new Uint32List(POSTINGS_CHUNK_BITS);
  private readonly counts = new Uint32List(POSTINGS_CHUNK_BITS);

  constructor(private readonly fieldCount: number) {}

  /** A term's number in this builder, given on first sight: `add` takes terms by number, so a bulk build looks each term up once per batch, not once per document. */
  termNumber(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.termIds.set(term, termId);
      this.terms.push(term);
    }
    return termId;
  }

  /** Adds a document as `CountedMiniSearch.addCounted` would, given per field its distinct terms (by `termNumber`) and their counts. */
  add(id: string, fields: readonly NumberedTerms[]): void {
    if (this.ids.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    if (fields.length !== this.fieldCount) throw new Error(`expected terms for ${this.fieldCount} fields, got ${fields.length}`);
    this.ids.add(id);
    const earlier = this.documents.length;
    this.documents.push([earlier, id]);
    fields.forEach(({ terms, counts }, fieldId) => {
      this.fieldLengths.push(terms.length);
      this.averageFieldLength[fieldId] = runningMean(this.averageFieldLength[fieldId], earlier, terms.length);
      for (let i = 0; i < terms.length; i += 1) {
        this.slots.push((terms[i] ?? 0) * this.fieldCount + fieldId);
        this.counts.push(counts[i] ?? 0);
      }
    });
  }

  /**
   * The postings sorted by term, field and document (a counting sort over the slots), yielding to
   * the event loop as it goes: at 100,000 articles that is ~50 million postings, seconds of work.
   */
  async parts(): Promise<PostingsParts> {
    const pacer = new Pacer();
    const { slots, counts } = this;
    const postingsPerField = new Uint32Array(this.terms.length * this.fieldCount);
    for (let entry = 0; entry < slots.length; entry += 1) {
      const slot = slots.at(entry);
      postingsPerField[slot] = (postingsPerField[slot] ?? 0) + 1;
      if ((entry & PACE_EVERY) === 0 && pacer.due()) await pacer.rest();
    }
    const next = new Uint32Array(postingsPerField.length);
    let start = 0;
    for (let slot = 0; slot < postingsPerField.length; slot += 1) {
      next[slot] = start;
      start += postingsPerField[slot] ?? 0;
    }
    const postingDocuments = new Uint32Array(slots.length);
    const postingCounts = new Uint32Array(slots.length);
    const lengths = this.fieldLengths.values();
    let entry = 0;
    for (const [n, [shortId]] of this.documents.entries()) {
      let held = 0;
      for (let f = 0; f < this.fieldCount; f += 1) held += lengths[n * this.fieldCount + f] ?? 0;
      for (const end = entry + held; entry < end; entry += 1) {
        const slot = slots.at(entry);
        const at = next[slot] ?? 0;
        postingDocuments[at] = shortId;
        postingCounts[at] = counts.at(entry);
        next[slot] = at + 1;
      }
      if (pacer.due()) await pacer.rest();
    }
    const documentCount = this.documents.length;
    return {
      counts: { documentCount, nextId: documentCount, dirtCount: 0 },
      averageFieldLength: [...this.averageFieldLength],
      documents: this.documents,
      fieldLengths: lengths,
      terms: this.terms,
      postingsPerField,
      postingDocuments,
      postingCounts,
    };
  }
}

/** Terms any of which counts, each with the boost `boostTerm` would give it. */
export type BoostedTerms = readonly { term: string; boost: number }[];

/** A document `bestOfAny` found: its id and its score as `search` gives it. */
export interface ScoredDocument {
  id: string;
  score: number;
}

/**
 * One search's scores by short id, in an array reused between searches: a mark per entry says
 * whether it was set in the current pass, so starting a pass clears nothing.
 */
class ScoreColumn {
  values = new Float64Array(0);
  private marks = new Uint32Array(0);
  private pass = 0;
  private firstSet = new Uint32Array(0);
  private count = 0;

  /** Starts a pass over documents numbered below `size`, with nothing set. */
  start(size: number): void {
    if (this.values.length < size || this.pass === 0xffffffff) {
      this.values = new Float64Array(Math.max(size, this.values.length));
      this.marks = new Uint32Array(this.values.length);
      this.firstSet = new Uint32Array(this.values.length);
      this.pass = 0;
    }
    this.pass += 1;
    this.count = 0;
  }

  /** Adds to a document's score as MiniSearch does (`score + value`), or sets it when first met. */
  add(document: number, value: number): void {
    if (this.marks[document] === this.pass) {
      this.values[document] = (this.values[document] ?? 0) + value;
    } else {
      this.marks[document] = this.pass;
      this.values[document] = value;
      this.firstSet[this.count] = document;
      this.count += 1;
    }
  }

  /** The documents set in this pass, in the order they were first set (a view, valid until the next pass). */
  get order(): Uint32Array {
    return this.firstSet.subarray(0, this.count);
  }
}

/** Whether a document scored `score`, met `seen`th, ranks before another: ties keep the order met, as `search`'s stable sort does. */
function ranksBefore(score: number, seen: number, other: { score: number; seen: number }): boolean {
  return score > other.score || (score === other.score && seen < other.seen);
}

/**
 * MiniSearch's field lengths by short id, also kept in one typed array indexed by short id: walking
 * a term's postings looks up each document (live or discarded, and its length) once per posting,
 * and at 100,000 articles a lookup through an array per document missed the processor's cache.
 */
class FieldLengths extends Map<number, number[]> {
  /** Each field's length plus one, `fields` entries per short id; 0 for a document not live. */
  private packed = new Uint32Array(0);

  constructor(private readonly fields: number) {
    super();
  }

  /** The same entries as `lengths`: for when MiniSearch has put a plain map in its place (`removeAll`). */
  static of(lengths: Map<number, number[]>, fields: number): FieldLengths {
    const copy = new FieldLengths(fields);
    for (const [shortId, lengthsOfFields] of lengths) copy.set(shortId, lengthsOfFields);
    return copy;
  }

  /** A live document's length in a field; undefined for a document not live. */
  lengthOf(shortId: number, field: number): number | undefined {
    const packed = this.packed[shortId * this.fields + field] ?? 0;
    return packed === 0 ? undefined : packed - 1;
  }

  /** Copies in the lengths MiniSearch's `add` filled in place after storing them. */
  refresh(shortId: number): void {
    const lengths = this.get(shortId);
    if (lengths) this.pack(shortId, lengths);
  }

  override set(shortId: number, lengths: number[]): this {
    this.pack(shortId, lengths);
    return super.set(shortId, lengths);
  }

  override delete(shortId: number): boolean {
    this.packed.fill(0, shortId * this.fields, (shortId + 1) * this.fields);
    return super.delete(shortId);
  }

  override clear(): void {
    this.packed = new Uint32Array(0);
    super.clear();
  }

  private pack(shortId: number, lengths: readonly number[]): void {
    const end = (shortId + 1) * this.fields;
    if (end > this.packed.length) {
      const grown = new Uint32Array(Math.max(end, this.packed.length * 2));
      grown.set(this.packed);
      this.packed = grown;
    }
    for (let f = 0; f < this.fields; f += 1) this.packed[shortId * this.fields + f] = (lengths[f] ?? 0) + 1;
  }
}

/** A MiniSearch index that also takes documents as counted terms per field. */
export class CountedMiniSearch<T> extends MiniSearch<T> {
  private readonly fieldCount: number;
  private readonly columns = { total: new ScoreColumn(), group: new ScoreColumn(), term: new ScoreColumn(), quality: new ScoreColumn() };

  constructor(options: Options<T>) {
    super(options);
    this.fieldCount = options.fields.length;
    this._fieldLength = new FieldLengths(this.fieldCount);
  }

  /** MiniSearch's `add`, with the new document's field lengths packed once `add` has filled them. */
  override add(document: T): void {
    super.add(document);
    this.fieldLengths().refresh(this._nextId - 1);
  }

  /**
   * Adds a document given, per field in the options' order, how often each term occurs in it:
   * the index ends as `add` would leave it for text holding those terms that often.
   */
  addCounted(id: string, fields: readonly ReadonlyMap<string, number>[]): void {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    if (fields.length !== this.fieldCount) throw new Error(`expected terms for ${this.fieldCount} fields, got ${fields.length}`);
    const shortId = this._nextId;
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
    this._nextId += 1;
    this._fieldLength.set(shortId, fields.map((counts) => counts.size));
    const earlier = this._documentCount - 1;
    fields.forEach((counts, fieldId) => {
      this._avgFieldLength[fieldId] = runningMean(this._avgFieldLength[fieldId], earlier, counts.size);
      for (const [term, n] of counts) {
        const data = this._index.fetch(term, () => new Map());
        const postings = data.get(fieldId);
        if (postings) postings.set(shortId, n);
        else data.set(fieldId, new Map([[shortId, n]]));
      }
    });
  }

  /**
   * The best `limit` documents holding any term of any group, among those `accept`ed, best first:
   * the scores and order `search` gives for the same query (an OR of groups, each an OR of its
   * terms with `boostTerm` giving each its boost), to the last bit, ties in the same order.
   * `search` builds, filters and sorts a result object for every document matched, tens of
   * thousands for a common term among 100,000 articles; this adds the same BM25 terms in the same
   * order into arrays by short id and keeps only the best. A discarded document's postings are
   * skipped and trimmed as `search` trims them.
   */
  bestOfAny(groups: readonly BoostedTerms[], accept: (id: string) => boolean, limit: number): ScoredDocument[] {
    const size = this._nextId;
    const { total, group, term, quality } = this.columns;
    total.start(size);
    quality.start(size);
    const counted = new Set<string>();
    for (const terms of groups) {
      // A group of one term scores as that term: its scores go straight to the total.
      const into = terms.length === 1 ? total : group;
      if (into === group) group.start(size);
      for (const { term: text, boost } of terms) {
        term.start(size);
        this.scoreTerm(text, boost, term);
        // `search` multiplies a score by the number of distinct terms matched.
        const first = !counted.has(text);
        counted.add(text);
        for (const document of term.order) {
          into.add(document, term.values[document] ?? 0);
          if (first) quality.add(document, 1);
        }
      }
      if (into === group) for (const document of group.order) total.add(document, group.values[document] ?? 0);
    }
    const best: { document: number; score: number; seen: number }[] = [];
    total.order.forEach((document, seen) => {
      const score = (total.values[document] ?? 0) * (quality.values[document] ?? 1);
      const last = best.at(-1);
      if (best.length >= limit && last && !ranksBefore(score, seen, last)) return;
      if (!accept(this._documentIds.get(document) as string)) return;
      let at = best.length;
      for (let before = best[at - 1]; before && ranksBefore(score, seen, before); before = best[at - 1]) at -= 1;
      best.splice(at, 0, { document, score, seen });
      if (best.length > limit) best.pop();
    });
    return best.map(({ document, score }) => ({ id: this._documentIds.get(document) as string, score }));
  }

  /** Adds one term's BM25 score in each field to the documents holding it, computed as MiniSearch's `termResults` computes it. */
  private scoreTerm(text: string, boost: number, into: ScoreColumn): void {
    const data = this._index.get(text);
    if (!data) return;
    const fieldLengths = this.fieldLengths();
    const { boost: boosts, bm25 } = this._options.searchOptions;
    for (const field of this._options.fields) {
      const fieldId = this._fieldIds[field] ?? -1;
      const postings = data.get(fieldId);
      if (!postings) continue;
      const fieldBoost = boosts[field] || 1;
      const average = this._avgFieldLength[fieldId] ?? 0;
      let matching = postings.size;
      // `forEach`, not `for...of`: packed postings are walked without a pair per posting.
      postings.forEach((frequency, document) => {
        // MiniSearch keeps field lengths exactly for its live documents: one lookup tells a discarded document and gives the length.
        const length = fieldLengths.lengthOf(document, fieldId);
        if (length === undefined) {
          this.dropDiscarded(data, fieldId, document, frequency);
          matching -= 1;
          return;
        }
        const inverseFrequency = Math.log(1 + (this._documentCount - matching + 0.5) / (matching + 0.5));
        const raw = inverseFrequency * (bm25.d + (frequency * (bm25.k + 1)) / (frequency + bm25.k * (1 - bm25.b + (bm25.b * length) / average)));
        into.add(document, boost * fieldBoost * raw);
      });
    }
  }

  /** The field lengths, packed again if MiniSearch has put a plain map in their place (`removeAll`). */
  private fieldLengths(): FieldLengths {
    const lengths = this._fieldLength instanceof FieldLengths ? this._fieldLength : FieldLengths.of(this._fieldLength, this.fieldCount);
    this._fieldLength = lengths;
    return lengths;
  }

  /**
   * What MiniSearch's `termResults` does on meeting a discarded document's posting (its private
   * `removeTerm`: one occurrence less, the posting gone at the last), so later searches, this
   * one's or MiniSearch's own, count the same postings either way.
   */
  private dropDiscarded(data: Map<number, Map<number, number>>, fieldId: number, document: number, frequency: number): void {
    const postings = data.get(fieldId);
    if (!postings) return;
    if (frequency > 1) postings.set(document, frequency - 1);
    else if (postings.size <= 1) data.delete(fieldId);
    else postings.delete(document);
  }

  /** The postings and document table, for a snapshot. */
  postings(): PostingsParts {
    const documents = [...this._documentIds] as [number, string][];
    const fieldLengths = new Uint32Array(documents.length * this.fieldCount);
    documents.forEach(([shortId], n) => {
      const lengths = this._fieldLength.get(shortId) ?? [];
      for (let f = 0; f < this.fieldCount; f += 1) fieldLengths[n * this.fieldCount + f] = lengths[f] ?? 0;
    });
    const terms: string[] = [];
    const perField: number[] = [];
    let total = 0;
    for (const [term, data] of this._index) {
      terms.push(term);
      for (let f = 0; f < this.fieldCount; f += 1) {
        const size = data.get(f)?.size ?? 0;
        perField.push(size);
        total += size;
      }
    }
    const postingDocuments = new Uint32Array(total);
    const postingCounts = new Uint32Array(total);
    let at = 0;
    for (const [, data] of this._index) {
      for (let f = 0; f < this.fieldCount; f += 1) {
        const postings = data.get(f);
        if (postings instanceof PackedPostings) {
          at = postings.copyInto(postingDocuments, postingCounts, at);
          continue;
        }
        for (const [shortId, n] of postings ?? []) {
          postingDocuments[at] = shortId;
          postingCounts[at] = n;
          at += 1;
        }
      }
    }
    return {
      counts: { documentCount: this._documentCount, nextId: this._nextId, dirtCount: this._dirtCount },
      averageFieldLength: [...this._avgFieldLength],
      documents,
      fieldLengths,
      terms,
      postingsPerField: Uint32Array.from(perField),
      postingDocuments,
      postingCounts,
    };
  }

  /** An index read back from `postings`, its postings left in the given arrays, yielding to the event loop while it fills. */
  static async restore<T>(parts: PostingsParts, options: Options<T>): Promise<CountedMiniSearch<T>> {
    const index = new CountedMiniSearch(options);
    const fields = index.fieldCount;
    const { terms, postingsPerField, postingDocuments, postingCounts } = parts;
    if (parts.fieldLengths.length !== parts.documents.length * fields || postingsPerField.length !== terms.length * fields) {
      throw new Error('snapshot postings do not describe one index');
    }
    if (postingDocuments.length !== postingCounts.length || postingsPerField.reduce((sum, n) => sum + n, 0) !== postingDocuments.length) {
      throw new Error('snapshot postings are cut short');
    }
    index._documentCount = parts.counts.documentCount;
    index._nextId = parts.counts.nextId;
    index._dirtCount = parts.counts.dirtCount;
    index._avgFieldLength = [...parts.averageFieldLength];
    parts.documents.forEach(([shortId, id], n) => {
      index._documentIds.set(shortId, id);
      index._idToShortId.set(id, shortId);
      index._fieldLength.set(shortId, Array.from(parts.fieldLengths.subarray(n * fields, (n + 1) * fields)));
    });
    const store: PostingsStore = { documents: postingDocuments, counts: postingCounts };
    let at = 0;
    const pacer = new Pacer();
    for (let t = 0; t < terms.length; t += 1) {
      const data = new Map<number, Map<number, number>>();
      for (let f = 0; f < fields; f += 1) {
        const size = postingsPerField[t * fields + f] ?? 0;
        if (size === 0) continue;
        if (!PackedPostings.ascending(store, at, at + size)) throw new Error('snapshot postings are out of order');
        data.set(f, new PackedPostings(store, at, at + size));
        at += size;
      }
      index._index.set(terms[t] ?? '', data);
      if (pacer.due()) await pacer.rest();
    }
    return index;
  }
}
