import SearchableMap from 'minisearch/SearchableMap';
import { Pacer } from '../pacing.ts';

/** One index term a question term stands for, and how much a match on it counts (1 = exact). */
export interface TermVariant {
  term: string;
  weight: number;
}

/**
 * What a snapshot stores of a vocabulary (see `Vocabulary.fromParts`): lists of strings and typed
 * arrays, as one JSON object of pairs left millions of small arrays to collect at a restart.
 */
export interface VocabularyParts {
  documents: number;
  /** Every term counted or stemmed from a word, once. */
  terms: string[];
  /** Per term, how many documents hold it (0: a word's term no document holds any more). */
  frequencies: Uint32Array;
  words: string[];
  /** Per word, its term's place in `terms`. */
  wordTerms: Uint32Array;
}

/** A mask: a loop over terms asks its pacer every 4,096 of them, as reading the clock costs more than a term. */
const PACE_EVERY = 0xfff;
const MAX_FUZZY_VARIANTS = 3;
const MAX_PREFIX_VARIANTS = 8;
const PREFIX_SCAN_LIMIT = 5000;
const RELATIVE_SCAN_LIMIT = 200;

/**
 * Document frequencies of every index term, kept beside the MiniSearch index: sentence ranking
 * needs IDF, and typo correction needs to know which terms exist (MiniSearch keeps both private).
 * Corrections and completions look among the folded words as written (a radix tree of word →
 * term), not among stems: "delegatoin" is one transposition from "delegation", but five edits from
 * its stem "deleg". A question term is corrected only when the corpus lacks it, so "Witkof" finds
 * witkoff while a real word is never swapped for a neighbour.
 */
export class Vocabulary {
  private readonly frequencies = new Map<string, number>();
  private readonly words = new SearchableMap<string>();
  /**
   * The words already in `words`: a hash lookup per word of every article, where the radix tree's
   * `has` took a fifth of a build. Made when first needed: a restored vocabulary may never be added to.
   */
  private knownWordsMade: Set<string> | null = null;
  private documents = 0;

  /** Counts one document's terms (each given once), and learns the words they were stemmed from. */
  add(documentTerms: Iterable<string>, wordTerms: Iterable<[word: string, term: string]>): void {
    this.documents += 1;
    for (const term of documentTerms) this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
    for (const [word, term] of wordTerms) this.learn(word, term);
  }

  /** Learns the term a word was stemmed to, unless the word is known: the first term given stays. */
  learn(word: string, term: string): void {
    const knownWords = this.knownWords();
    if (knownWords.has(word)) return;
    knownWords.add(word);
    this.words.set(word, term);
  }

  /**
   * Counts documents tallied elsewhere: how many, and per term how many of them hold it (a bulk
   * build counts by term number). Yields to the event loop as it goes: a large corpus has a
   * million terms.
   */
  async addCounted(documents: number, frequencies: Iterable<[term: string, documents: number]>): Promise<void> {
    this.documents += documents;
    const pacer = new Pacer();
    let counted = 0;
    for (const [term, n] of frequencies) {
      this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + n);
      if ((++counted & PACE_EVERY) === 0 && pacer.due()) await pacer.rest();
    }
  }

  private knownWords(): Set<string> {
    this.knownWordsMade ??= new Set(this.words.keys());
    return this.knownWordsMade;
  }

  /** Everything the vocabulary knows, for a snapshot. */
  parts(): VocabularyParts {
    const places = new Map<string, number>();
    const place = (term: string) => places.get(term) ?? places.set(term, places.size).size - 1;
    for (const term of this.frequencies.keys()) place(term);
    const words = [...this.words.keys()];
    const wordTerms = Uint32Array.from(this.words.values(), place);
    const terms = [...places.keys()];
    const frequencies = Uint32Array.from(terms, (term) => this.frequency(term));
    return { documents: this.documents, terms, frequencies, words, wordTerms };
  }

  /** A vocabulary read back from `parts`. */
  static fromParts(parts: VocabularyParts): Vocabulary {
    const { terms, frequencies, words, wordTerms } = parts;
    if (frequencies.length !== terms.length || wordTerms.length !== words.length) throw new Error('vocabulary parts do not match');
    const vocabulary = new Vocabulary();
    vocabulary.documents = parts.documents;
    terms.forEach((term, n) => {
      const documents = frequencies[n] ?? 0;
      if (documents > 0) vocabulary.frequencies.set(term, documents);
    });
    words.forEach((word, n) => {
      const term = terms[wordTerms[n] ?? terms.length];
      if (term === undefined) throw new Error('a word stems to no known term');
      vocabulary.words.set(word, term);
    });
    return vocabulary;
  }

  /** Forgets one document counted by `add` with the same terms. */
  remove(documentTerms: Iterable<string>): void {
    this.documents -= 1;
    for (const term of documentTerms) {
      const n = this.frequencies.get(term) ?? 0;
      if (n <= 1) this.frequencies.delete(term);
      else this.frequencies.set(term, n - 1);
    }
  }

  /** How many documents were counted. */
  get size(): number {
    return this.documents;
  }

  /** How many documents hold the term. */
  frequency(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }

  /**
   * How much a question term counts: 1 for being a content word, plus its BM25 inverse document
   * frequency, so rare terms count more yet a term found everywhere still counts (in a small
   * corpus every name is "everywhere"). A term the corpus lacks weighs as much as the rarest term
   * it holds: unseen, but not infinitely telling.
   */
  weight(term: string): number {
    const df = Math.max(1, this.frequency(term));
    const n = Math.max(1, this.documents);
    return 1 + Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The index terms a question term (stemmed from `word`) may stand for: itself if known, else the
   * terms of close spellings of the word; with `prefix`, also terms of words it begins.
   */
  variants(term: string, word: string, prefix: boolean): TermVariant[] {
    const found: TermVariant[] = [];
    if (this.frequency(term) > 0) found.push({ term, weight: 1 }, ...this.relatives(term, word));
    else if (word.length >= 5 && !/^\p{N}/u.test(word)) found.push(...this.corrections(word));
    if (prefix && word.length >= 3) found.push(...this.completions(word, found));
    return found;
  }

  /**
   * Terms of longer words that stem one letter past this term: Porter leaves "disarmament" as
   * disarma and "disarm" as disarm; a reader asking about one means the other.
   */
  private relatives(term: string, word: string): TermVariant[] {
    if (term.length < 5) return [];
    const found = new Set<string>();
    let scanned = 0;
    for (const [, other] of this.words.atPrefix(word.slice(0, term.length))) {
      if (other !== term && other.length === term.length + 1 && other.startsWith(term) && this.frequency(other) > 0) {
        found.add(other);
      }
      if (++scanned >= RELATIVE_SCAN_LIMIT) break;
    }
    return [...found].map((other) => ({ term: other, weight: 0.8 }));
  }

  /**
   * Terms of words within one edit of a word the corpus lacks (two from 8 letters); swapping two
   * neighbouring letters counts as one edit, the commonest slip in a rare name ("Zeria" for Zeira).
   */
  private corrections(word: string): TermVariant[] {
    const long = word.length >= 8;
    const best = new Map<string, { edits: number; df: number }>();
    for (const [other, [term, levenshtein]] of this.words.fuzzyGet(word, 2)) {
      const edits = !long && levenshtein === 2 && swapsNeighbours(word, other) ? 1 : levenshtein;
      if (!long && edits > 1) continue;
      const df = this.frequency(term);
      const known = best.get(term);
      if (df > 0 && (!known || edits < known.edits)) best.set(term, { edits, df });
    }
    return [...best]
      .sort(([, a], [, b]) => a.edits - b.edits || b.df - a.df)
      .slice(0, MAX_FUZZY_VARIANTS)
      .map(([term, { edits }]) => ({ term, weight: edits === 1 ? 0.8 : 0.6 }));
  }

  private completions(word: string, already: readonly TermVariant[]): TermVariant[] {
    const candidates = new Map<string, number>();
    let scanned = 0;
    for (const [, term] of this.words.atPrefix(word)) {
      const df = this.frequency(term);
      if (df > 0 && !already.some((v) => v.term === term)) candidates.set(term, df);
      if (++scanned >= PREFIX_SCAN_LIMIT) break;
    }
    return [...candidates]
      .sort(([, a], [, b]) => b - a)
      .slice(0, MAX_PREFIX_VARIANTS)
      .map(([term]) => ({ term, weight: 0.5 }));
  }
}

/** Whether two words differ only by two neighbouring letters swapped. */
function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
