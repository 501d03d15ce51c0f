import { tokenize } from './analyzer.ts';
import type { TermGroup } from './article-index.ts';
import type { AnswerKind } from './answer-kind.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Longest question or query accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** A question term: its index term, the index terms that stand for it, and its weight (see `Vocabulary.weight`). */
export interface QuestionTerm extends TermGroup {
  term: string;
  weight: number;
}

/** A usable question: its distinct terms, the weight of them all, and the kind of answer it wants. */
export interface Question {
  terms: QuestionTerm[];
  totalWeight: number;
  wants: AnswerKind | null;
  /** Documents in the corpus asked: the absence of a word says more in a large corpus than in a small one. */
  corpusSize: number;
}

/**
 * A question's terms, or why it cannot be used (in words for the reader). An overlong text is
 * refused before it is analysed, so 10,000 pasted characters cost nothing.
 */
export function readQuestion(text: string): { terms: AskedTerm[]; notice: string | null } {
  if (text.length > MAX_QUESTION_LENGTH) return { terms: [], notice: `That question is too long (max ${MAX_QUESTION_LENGTH} characters).` };
  const terms = questionTerms(text);
  return { terms, notice: terms.length === 0 ? 'Ask a question with at least one keyword.' : null };
}

/** A question's term and the word it was stemmed from. */
export interface AskedTerm {
  term: string;
  word: string;
}

/** The distinct index terms of a question, in order. */
function questionTerms(text: string): AskedTerm[] {
  const seen = new Set<string>();
  return tokenize(text, 'query').flatMap(({ term, word }) => (seen.has(term) || !seen.add(term) ? [] : [{ term, word }]));
}

/**
 * Weighs each question term by its IDF and finds the index terms it stands for: itself, or close
 * spellings when the corpus lacks it; with `prefix`, also completions of the last term (the word
 * still being typed) and of any term the corpus lacks.
 */
export function prepareQuestion(
  termsOfQuestion: readonly AskedTerm[],
  vocabulary: Vocabulary,
  prefix: boolean,
  wants: AnswerKind | null = null,
): Question {
  const prepared = termsOfQuestion.map(({ term, word }, i) => {
    const completing = prefix && (i === termsOfQuestion.length - 1 || vocabulary.frequency(term) === 0);
    return { term, variants: vocabulary.variants(term, word, completing), weight: vocabulary.weight(term) };
  });
  return { terms: prepared, totalWeight: prepared.reduce((sum, t) => sum + t.weight, 0), wants, corpusSize: vocabulary.size };
}

/** Most postings an answer's retrieval walks; the rarest two terms are always kept. */
const RETRIEVAL_POSTINGS = 3_000;

/**
 * The question terms worth retrieving articles by, rarest first, while their postings stay within
 * a budget. A term found in a tenth of 100,000 articles adds little to BM25 yet dominates the cost
 * of scoring; it still counts when the candidates' sentences are ranked.
 */
export function retrievalTerms(question: Question, vocabulary: Vocabulary): TermGroup[] {
  const postings = (group: TermGroup) => group.variants.reduce((sum, v) => sum + vocabulary.frequency(v.term), 0);
  const byRarity = [...question.terms].sort((a, b) => postings(a) - postings(b));
  let spent = 0;
  return byRarity.filter((group, i) => {
    spent += postings(group);
    return i < 2 || spent <= RETRIEVAL_POSTINGS;
  });
}
