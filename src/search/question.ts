import { terms, tokenize } from './analyzer.ts';
import type { TermGroup } from './article-index.ts';
import type { AnswerKind } from './answer-kind.ts';
import type { TermVariant, Vocabulary } from './vocabulary.ts';
import { placeVariants } from './place-names.ts';
import { isCommunicationVerb, relatedWords } from './wordnet.ts';
import { baseForm } from './word-forms.ts';

/** Longest question or query accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** A question term: its index term, the index terms that stand for it, and its weight (see `Vocabulary.weight`). */
export interface QuestionTerm extends TermGroup {
  term: string;
  weight: number;
  /** True when the word is a verb of communication ("promise", "warn"): any reporting verb in a sentence ("said") stands for it, loosely. */
  reported: boolean;
}

/** A usable question: its distinct terms, the weight of them all, and the kind of answer it wants. */
export interface Question {
  terms: QuestionTerm[];
  totalWeight: number;
  wants: AnswerKind | null;
  /** Documents in the corpus asked: the absence of a word says more in a large corpus than in a small one. */
  corpusSize: number;
  /** True when the question asks how things stand now: the newest coverage is preferred. */
  aboutNow: boolean;
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
 * spellings when the corpus lacks it, and other names of the same country; with `prefix` (a
 * search), also completions of the last term (the word still being typed) and of any term the
 * corpus lacks; without it (an answer), also WordNet paraphrases. With `asksWhatWasSaid` ("What did
 * Erdogan promise?"), a verb of communication is marked as met by any reported speech.
 */
export function prepareQuestion(
  termsOfQuestion: readonly AskedTerm[],
  vocabulary: Vocabulary,
  prefix: boolean,
  wants: AnswerKind | null = null,
  aboutNow = false,
  asksWhatWasSaid = false,
): Question {
  const prepared = termsOfQuestion.map(({ term, word }, i) => {
    const completing = prefix && (i === termsOfQuestion.length - 1 || vocabulary.frequency(term) === 0);
    const variants = vocabulary.variants(term, word, completing);
    const places = placeVariants(term).flatMap((other) => (vocabulary.frequency(other) > 0 && !variants.some((v) => v.term === other) ? [{ term: other, weight: PLACE_NAME_WEIGHT }] : []));
    const direct = [...variants, ...places];
    // A search lists articles holding the words typed; only answers look for paraphrases.
    const related = prefix ? [] : paraphrases(word, direct, vocabulary);
    return { term, variants: [...direct, ...related], weight: vocabulary.weight(term), reported: asksWhatWasSaid && isCommunicationVerb(word) };
  });
  return { terms: prepared, totalWeight: prepared.reduce((sum, t) => sum + t.weight, 0), wants, corpusSize: vocabulary.size, aboutNow };
}

/** How much another name of the same country counts ("Turkiye" for "Turkey"): nearly the word itself. */
const PLACE_NAME_WEIGHT = 0.9;
/** How much a near WordNet relative of a question word (synonym, derivation) counts against the word itself. */
const PARAPHRASE_WEIGHT = 0.4;
const MAX_PARAPHRASES = 6;
/** How much a far relative (a derivation's derivation, a hyponym) counts: it names the thing less surely. */
const FAR_PARAPHRASE_WEIGHT = 0.25;
const MAX_FAR_PARAPHRASES = 4;

/** Most question words whose WordNet relatives are kept as index terms. */
const RELATED_TERMS_CACHE = 20_000;
const relatedTermsCache = new Map<string, { term: string; near: boolean }[]>();

/**
 * The index terms of a word's WordNet relatives, near ones first, each once; a relative of several
 * terms ("cease-fire") is one thing, not each of its parts, so it is left out. Kept per word (the
 * only cache of WordNet's relatives): their lookup and analysis would otherwise be redone at every
 * question.
 */
function relatedTerms(word: string): { term: string; near: boolean }[] {
  let found = relatedTermsCache.get(word);
  if (!found) {
    const seen = new Set<string>();
    // WordNet's files hold lemmas only: "met" is found as "meet", "organised" as "organized".
    found = relatedWords(baseForm(word)).flatMap(({ word: related, near }) => {
      const [term, ...more] = terms(related, 'query');
      if (term === undefined || more.length > 0 || seen.has(term)) return [];
      seen.add(term);
      return [{ term, near }];
    });
    if (relatedTermsCache.size >= RELATED_TERMS_CACHE) relatedTermsCache.clear();
    relatedTermsCache.set(word, found);
  }
  return found;
}

/**
 * Index terms of the corpus that WordNet relates to a question word, at reduced weight: near
 * relatives ("invaded" meets "invasion", "award" meets "prize", "Turkish" meets "Turkey") and,
 * fewer and weaker, far ones ("meet" meets "summit"), those the corpus uses most first. A far
 * relative the corpus holds in more articles than the word itself is mostly used in another sense
 * ("congress" is rarely a kind of meeting in the news), so it is left out.
 */
function paraphrases(word: string, already: readonly TermVariant[], vocabulary: Vocabulary): TermVariant[] {
  if (word.length < 3 || /^\p{N}/u.test(word)) return [];
  const own = Math.max(0, ...already.map((v) => vocabulary.frequency(v.term)));
  const near: TermVariant[] = [];
  const far: { term: string; frequency: number }[] = [];
  for (const related of relatedTerms(word)) {
    const frequency = vocabulary.frequency(related.term);
    if (frequency === 0 || already.some((v) => v.term === related.term)) continue;
    if (related.near && near.length < MAX_PARAPHRASES) near.push({ term: related.term, weight: PARAPHRASE_WEIGHT });
    else if (!related.near && frequency <= own) far.push({ term: related.term, frequency });
  }
  far.sort((a, b) => b.frequency - a.frequency);
  return [...near, ...far.slice(0, MAX_FAR_PARAPHRASES).map(({ term }) => ({ term, weight: FAR_PARAPHRASE_WEIGHT }))];
}

/** Most postings an answer's retrieval walks; the rarest two terms are always kept. */
const RETRIEVAL_POSTINGS = 3_000;

/**
 * The question terms worth retrieving articles by, rarest first, while their postings stay within
 * a budget; WordNet paraphrases only help rank sentences, as they would flood retrieval with
 * articles on other topics. A term found in a tenth of 100,000 articles adds little to BM25 yet dominates the cost
 * of scoring; it still counts when the candidates' sentences are ranked.
 */
export function retrievalTerms(question: Question, vocabulary: Vocabulary): TermGroup[] {
  const postings = (group: TermGroup) => group.variants.reduce((sum, v) => sum + vocabulary.frequency(v.term), 0);
  const direct = question.terms.map((t) => ({ ...t, variants: t.variants.filter((v) => v.weight > PARAPHRASE_WEIGHT) }));
  const byRarity = direct.sort((a, b) => postings(a) - postings(b));
  let spent = 0;
  return byRarity.filter((group, i) => {
    spent += postings(group);
    return i < 2 || spent <= RETRIEVAL_POSTINGS;
  });
}
