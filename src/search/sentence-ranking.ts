/**
 * Ranks the sentences of retrieved articles against a question. A sentence scores by:
 * - coverage: the share of the question's IDF weight whose terms it holds (a fuzzy or prefix
 *   variant counts for its weight), the main signal and the basis of the answer threshold;
 * - BM25 saturation of those terms in the sentence, so a short sentence dense in rare question
 *   terms beats a long one that mentions them in passing;
 * - proximity: matched terms close together (smallest window holding them all);
 * - the kind of answer the question wants: a number for "how many", a time for "when";
 * - the article's retrieval score relative to the best article, a small tie-breaker.
 * Sentences are split and analysed lazily, a paragraph at a time, and only in the paragraphs that
 * may hold the question's terms (`passages.ts`); they are kept in a bounded cache keyed by article
 * object, so a reloaded article is never ranked with its old text.
 */
import type { Article } from '../corpus/article.ts';
import { tokenize, type Token } from './analyzer.ts';
import type { Retrieval } from './article-index.ts';
import type { AnswerKind, Question } from './question.ts';
import { splitSentences } from './sentences.ts';

/** One sentence of an article, verbatim, with its analysed terms. */
export interface Sentence {
  text: string;
  /** Position among its paragraph's sentences (0-based). */
  index: number;
  /** Index of the paragraph it comes from. */
  paragraph: number;
  tokens: Token[];
}

/** A sentence scored against a question. */
export interface RankedSentence {
  article: Article;
  sentence: Sentence;
  score: number;
  /** Share (0..1) of the question's weight matched in this sentence. */
  coverage: number;
  /** Indexes of the question terms it matches. */
  matched: Set<number>;
}

const K1 = 1.2;
const ANSWER_KIND_BOOST = 1.15;
const HOLDS: Record<NonNullable<AnswerKind>, RegExp> = {
  number: /\p{N}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/iu,
  time: /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year)|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:19|20)\d\d)\b/iu,
};
const B = 0.5;
const AVERAGE_SENTENCE_TERMS = 18;

/** The sentences of articles, split once per paragraph when first needed, kept for the most recently asked-about articles. */
export class SentenceCache {
  private readonly entries = new Map<string, { article: Article; paragraphs: (Sentence[] | undefined)[] }>();

  constructor(private readonly capacity = 2000) {}

  /** The article's sentences, in reading order. */
  of(article: Article): Sentence[] {
    return this.inParagraphs(article, article.paragraphs.keys());
  }

  /** The sentences of these paragraphs of the article, in the order given. */
  inParagraphs(article: Article, paragraphs: Iterable<number>): Sentence[] {
    const split = this.entry(article).paragraphs;
    const sentences: Sentence[] = [];
    for (const p of paragraphs) {
      const text = article.paragraphs[p];
      if (text === undefined) continue;
      split[p] ??= sentencesOfParagraph(text, p, article.language);
      sentences.push(...split[p]);
    }
    return sentences;
  }

  /** The sentence before this one in the article, across a paragraph break; undefined for the first. */
  previous(article: Article, sentence: Sentence): Sentence | undefined {
    if (sentence.index > 0) return this.inParagraphs(article, [sentence.paragraph])[sentence.index - 1];
    return sentence.paragraph > 0 ? this.inParagraphs(article, [sentence.paragraph - 1]).at(-1) : undefined;
  }

  private entry(article: Article): { article: Article; paragraphs: (Sentence[] | undefined)[] } {
    const cached = this.entries.get(article.id);
    this.entries.delete(article.id);
    const entry = cached && cached.article === article ? cached : { article, paragraphs: [] };
    this.entries.set(article.id, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}

function sentencesOfParagraph(paragraph: string, p: number, language: string | null): Sentence[] {
  return splitSentences(paragraph, language).map((span, index) => {
    const text = paragraph.slice(span.start, span.end);
    return { text, index, paragraph: p, tokens: tokenize(text, 'index') };
  });
}

/** Splits an article's paragraphs into verbatim sentences. */
export function sentencesOf(article: Article): Sentence[] {
  return article.paragraphs.flatMap((paragraph, p) => sentencesOfParagraph(paragraph, p, article.language));
}

/** Maps each index term to the question terms it stands for, with the variant's weight. */
export function variantLookup(question: Question): Map<string, { q: number; weight: number }[]> {
  const lookup = new Map<string, { q: number; weight: number }[]>();
  question.terms.forEach((term, q) => {
    for (const variant of term.variants) {
      const entries = lookup.get(variant.term) ?? [];
      entries.push({ q, weight: variant.weight });
      lookup.set(variant.term, entries);
    }
  });
  return lookup;
}

/** Scores one sentence; null when it matches no question term. */
export function scoreSentence(
  sentence: Sentence,
  question: Question,
  lookup: ReturnType<typeof variantLookup>,
): Omit<RankedSentence, 'article' | 'sentence'> | null {
  const frequency = new Map<number, number>();
  const bestVariant = new Map<number, number>();
  const positions: { q: number; at: number }[] = [];
  sentence.tokens.forEach((token, at) => {
    for (const { q, weight } of lookup.get(token.term) ?? []) {
      frequency.set(q, (frequency.get(q) ?? 0) + weight);
      bestVariant.set(q, Math.max(bestVariant.get(q) ?? 0, weight));
      positions.push({ q, at });
    }
  });
  if (frequency.size === 0 || question.totalWeight === 0) return null;
  const norm = K1 * (1 - B + (B * sentence.tokens.length) / AVERAGE_SENTENCE_TERMS);
  let matchedWeight = 0;
  let saturation = 0;
  for (const [q, tf] of frequency) {
    const term = question.terms[q];
    if (!term) continue;
    matchedWeight += term.weight * (bestVariant.get(q) ?? 0);
    saturation += (term.weight * (tf * (K1 + 1))) / (tf + norm);
  }
  const coverage = Math.min(1, matchedWeight / question.totalWeight);
  const relevance = Math.min(1, saturation / (question.totalWeight * (K1 + 1)));
  const proximity = 1 + 0.2 * closeness(positions, frequency.size);
  const kind = question.wants && HOLDS[question.wants].test(sentence.text) ? ANSWER_KIND_BOOST : 1;
  return { score: (0.65 * coverage + 0.35 * relevance) * proximity * kind, coverage, matched: new Set(frequency.keys()) };
}

/** 1 when the matched terms sit side by side, towards 0 as the smallest window holding them all widens. */
function closeness(positions: { q: number; at: number }[], distinct: number): number {
  if (distinct < 2) return 0;
  const inWindow = new Map<number, number>();
  let smallest = Infinity;
  let left = 0;
  for (const right of positions) {
    inWindow.set(right.q, (inWindow.get(right.q) ?? 0) + 1);
    while (inWindow.size === distinct) {
      const first = positions[left];
      if (!first) break;
      smallest = Math.min(smallest, right.at - first.at + 1);
      const n = (inWindow.get(first.q) ?? 1) - 1;
      if (n === 0) inWindow.delete(first.q);
      else inWindow.set(first.q, n);
      left += 1;
    }
  }
  return Number.isFinite(smallest) ? distinct / smallest : 0;
}

/** Every matching sentence of the retrieved articles, best first. */
export function rankSentences(question: Question, retrieved: readonly Retrieval[], cache: SentenceCache): RankedSentence[] {
  const lookup = variantLookup(question);
  const topScore = retrieved[0]?.score ?? 1;
  const ranked: RankedSentence[] = [];
  for (const { article, score: articleScore, passages } of retrieved) {
    const articleWeight = 0.85 + (0.15 * articleScore) / topScore;
    const paragraphs = passages ? passages.worthRanking(question) : article.paragraphs.keys();
    for (const sentence of cache.inParagraphs(article, paragraphs)) {
      const scored = scoreSentence(sentence, question, lookup);
      if (scored) ranked.push({ article, sentence, ...scored, score: scored.score * articleWeight });
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}
