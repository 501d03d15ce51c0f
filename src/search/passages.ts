/**
 * Which paragraphs of an article may hold a term: one small Bloom filter per paragraph, built
 * while the article is analysed for the index. Ranking the sentences of ten 1,500-word candidates
 * means splitting and analysing ~15,000 words per question, tens of milliseconds; with these
 * filters only the paragraphs that hold a question's terms are split and analysed, and a paragraph
 * holding none of them (whose sentences would all score nothing) is never touched.
 *
 * A filter may answer "maybe" for a term the paragraph lacks (~3% of the time at 8 bits per
 * distinct term and 3 probes), which costs a little work; it never answers "no" for a term the
 * paragraph holds, so no matching sentence is ever skipped.
 */

import { phraseTerms, type Question } from './question.ts';

const BITS_PER_TERM = 8;
/** Most paragraphs of one article whose sentences are ranked for a question. */
export const MAX_RANKED_PARAGRAPHS = 6;
const PROBES = 3;
const MIN_WORDS = 2;

/** FNV-1a: a fast, well-spread 32-bit hash of a term, from which its filter probes are derived (`ParagraphTerms.addHashed`). */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i += 1) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The two hashes a term's probes are derived from (double hashing). */
interface TermHashes {
  h1: number;
  h2: number;
}

function hashes(term: string): TermHashes {
  return hashesOf(termHash(term));
}

function hashesOf(h1: number): TermHashes {
  return { h1, h2: (Math.imul(h1, 0x5bd1e995) | 1) >>> 0 };
}

/** The `k`th bit position a term sets in a filter of `bits` bits. */
function probe({ h1, h2 }: TermHashes, k: number, bits: number): number {
  return (h1 + k * h2) % bits;
}

/**
 * The paragraph filters of one article, in one array: `words[p]` .. `words[p + 1]` (the first
 * `paragraphs + 1` entries) delimit paragraph p's filter in the rest.
 */
export class ParagraphTerms {
  constructor(readonly words: Uint32Array) {}

  /**
   * Empty filters for paragraphs of (at most) these numbers of distinct terms; `add` fills them.
   * Sized by distinct words as written, which bound the distinct terms closely.
   */
  static sized(distinctTerms: readonly number[]): ParagraphTerms {
    const sizes = distinctTerms.map((n) => Math.max(MIN_WORDS, Math.ceil((n * BITS_PER_TERM) / 32)));
    const words = new Uint32Array(distinctTerms.length + 1 + sizes.reduce((sum, n) => sum + n, 0));
    let at = distinctTerms.length + 1;
    sizes.forEach((size, p) => {
      words[p] = at;
      at += size;
    });
    words[distinctTerms.length] = at;
    return new ParagraphTerms(words);
  }

  /** Records that paragraph `p` holds the term whose `termHash` this is: bulk analysis hashes each distinct term once. */
  addHashed(p: number, hash: number): void {
    const start = this.words[p] ?? 0;
    const hashed = hashesOf(hash);
    const bits = ((this.words[p + 1] ?? start) - start) * 32;
    for (let k = 0; k < PROBES; k += 1) {
      const bit = probe(hashed, k, bits);
      const i = start + (bit >>> 5);
      this.words[i] = (this.words[i] ?? 0) | (1 << (bit & 31));
    }
  }

  /** Number of paragraphs. */
  get count(): number {
    return (this.words[0] ?? 1) - 1;
  }

  /** False when paragraph `p` certainly lacks the term; true when it may hold it. */
  mayHold(p: number, term: string): boolean {
    return this.mayHoldHashed(p, hashes(term));
  }

  private mayHoldHashed(p: number, term: TermHashes): boolean {
    const start = this.words[p];
    const end = this.words[p + 1];
    if (start === undefined || end === undefined) return false;
    const bits = (end - start) * 32;
    // A plain loop that stops at the first clear bit: this runs for every paragraph of every
    // candidate article, each question term and each of its variants.
    for (let k = 0; k < PROBES; k += 1) {
      const bit = probe(term, k, bits);
      if ((((this.words[start + (bit >>> 5)] ?? 0) >>> (bit & 31)) & 1) === 0) return false;
    }
    return true;
  }

  /**
   * The paragraphs worth ranking for a question, in reading order: those that may hold any of its
   * terms, at most `MAX_RANKED_PARAGRAPHS`, preferring the ones holding the most question weight
   * (a sentence cannot match more of the question than its paragraph holds).
   */
  worthRanking(question: Question): number[] {
    return mostWeighty(this.heldWeights(question));
  }

  /**
   * The paragraphs worth ranking and those either side that may hold a question term, in reading
   * order: a neighbour's sentences may support a ranked sentence or outrank it. A neighbour holding
   * no question term is left unsplit, since none of its sentences could score or support another,
   * and splitting long neighbours was much of the cost of ranking real-length articles.
   */
  worthRankingWithNeighbours(question: Question): number[] {
    const weights = this.heldWeights(question);
    const held = new Set(weights.map(({ p }) => p));
    const around = new Set<number>();
    for (const p of mostWeighty(weights)) for (const q of [p - 1, p, p + 1]) if (held.has(q)) around.add(q);
    return [...around].sort((a, b) => a - b);
  }

  /** Every paragraph that may hold a question term, with the question weight it may hold. */
  private heldWeights(question: Question): { p: number; weight: number }[] {
    const terms = hashedTerms(question);
    const held: { p: number; weight: number }[] = [];
    for (let p = 0; p < this.count; p += 1) {
      let weight = 0;
      for (const term of terms) if (this.mayHoldAny(p, term.variants)) weight += term.weight;
      if (weight > 0) held.push({ p, weight });
    }
    return held;
  }

  /** Whether paragraph `p` may hold any of the variants, each by all its words; loops, not callbacks, as this runs for every paragraph and term. */
  private mayHoldAny(p: number, variants: readonly TermHashes[][]): boolean {
    for (const words of variants) {
      let all = true;
      for (const word of words) {
        if (!this.mayHoldHashed(p, word)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}

/** A question's terms with the hashes of each variant's words. */
interface HashedTerm {
  weight: number;
  variants: TermHashes[][];
}

const hashedQuestions = new WeakMap<Question, readonly HashedTerm[]>();

/** The question's terms hashed once for the filters of every candidate article; a collocation's variant may be held where each of its words may be. */
function hashedTerms(question: Question): readonly HashedTerm[] {
  let terms = hashedQuestions.get(question);
  if (!terms) {
    terms = question.terms.map((term) => ({ weight: term.weight, variants: term.variants.map((variant) => phraseTerms(variant.term).map(hashes)) }));
    hashedQuestions.set(question, terms);
  }
  return terms;
}

/** The `MAX_RANKED_PARAGRAPHS` paragraphs holding the most question weight (the earlier on a tie), in reading order. */
function mostWeighty(held: { p: number; weight: number }[]): number[] {
  return held
    .sort((a, b) => b.weight - a.weight || a.p - b.p)
    .slice(0, MAX_RANKED_PARAGRAPHS)
    .map(({ p }) => p)
    .sort((a, b) => a - b);
}
