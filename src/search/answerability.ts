/**
 * Whether the best sentence answers the question, as a probability a reader can trust: 0.8 means
 * that about four in five answers given with that confidence quote the answer.
 *
 * One coverage number is a poor judge: a question about something absent from the coverage still
 * shares common words with many sentences, and a right sentence often paraphrases half the
 * question. So the decision weighs several signals of the best candidate:
 * - how much of the question's weight it matches, and how much more its neighbours match, a
 *   term met only by a paraphrase counting for the paraphrase's weight, here as in the ranking
 *   (a far WordNet relative is weak evidence that the question's subject is there);
 * - whether the question's most specific term (its rarest: a name, a rare noun) is matched, and how
 *   much of the question the corpus lacks altogether;
 * - whether it names the kind of thing asked for (a person for "who"...);
 * - agreement and margins: whether the runner-up comes from the same article, how far the best
 *   sentence leads it, how far the best article leads the next one;
 * - how many terms the question has (a one-word match of a two-word question is weak evidence);
 * - whether the quoted article is about the question's subject: the question's words in its title,
 *   and how strongly the best article matches the whole question (its BM25 score per unit of the
 *   question's weight). A question about something absent still finds sentences sharing a few of
 *   its words, but rarely an article whose headline names its subject.
 * The signals are combined by two logistic models fitted on SQuAD v1.1 dev questions, with whole
 * Wikipedia articles left out of the corpus so that "absent" cases are real, asked both of its
 * paragraphs and of real-length articles made of them and of news text: fitted on paragraphs
 * alone, the gate answered up to 18% of the absent questions once articles ran to 1,500 words,
 * as long articles share more words with any question by chance
 * (`npm run bench:calibrate` refits such weights and prints them): the gate, fitted on right
 * answers against absent articles, decides whether to quote (a wrong sentence from the right
 * article costs a reader less than a quote about another topic); the confidence, fitted on every
 * answer, is the chance the quote holds the answer.
 */
import type { Article } from '../corpus/article.ts';
import { tokenize } from './analyzer.ts';
import { datesMet } from './dateline.ts';
import type { Retrieval } from './article-index.ts';
import { holdsPhraseAt, phraseTerms, type Question } from './question.ts';
import { strongest, type RankedSentence } from './sentence-ranking.ts';

/** The evidence about one candidate answer, each a number the model weighs. */
export interface AnswerEvidence {
  /** Share of the weight of the question's terms the corpus holds that the sentence matches. */
  coverage: number;
  /** The same share, matched by the sentence before or after beyond what the sentence matches. */
  neighbourCoverage: number;
  /** Share of the question's IDF (its specificity, without the base weight of every word) matched by the sentence or its neighbours. */
  specificCoverage: number;
  /** Share of the question's weight matched anywhere in the sentence's article. */
  articleCoverage: number;
  /** Share of the question's consecutive term pairs found side by side in the sentence. */
  phraseShare: number;
  /** The sentence's ranking score. */
  score: number;
  /** 1 when the question's rarest term is not matched by the sentence; matched only by a paraphrase, 1 less the paraphrase's weight. */
  specificMissing: number;
  /**
   * Share of the question's weight the corpus does not hold at all, scaled down (to half at
   * most) below 1,000 articles: in a handful of articles most words are missing, in thousands a
   * missing word means the topic is.
   */
  unknownShare: number;
  /** 1 when the question asks for a kind of thing the sentence names. */
  kindNamed: number;
  /** 1 when the question asks for a kind of thing the sentence does not name. */
  kindMissing: number;
  /** 1 when the runner-up sentence comes from the same article. */
  runnerUpAgrees: number;
  /** How far the best sentence leads the runner-up, relative to its score. */
  sentenceMargin: number;
  /** How far the best article leads the next, relative to its score. */
  articleMargin: number;
  /** 1 when the sentence's article is the best retrieved one. */
  topArticle: number;
  /** ln of the question's term count, a collocation counted by its words. */
  termCount: number;
  /** Share of the question's weight the corpus holds that the quoted article's title matches. */
  titleCoverage: number;
  /** The best article's retrieval score per unit of the question's weight. */
  articleScore: number;
}

/** Names of the evidence, in the order of the model's weights. */
export const EVIDENCE: readonly (keyof AnswerEvidence)[] = [
  'coverage',
  'neighbourCoverage',
  'specificCoverage',
  'articleCoverage',
  'phraseShare',
  'score',
  'specificMissing',
  'unknownShare',
  'kindNamed',
  'kindMissing',
  'runnerUpAgrees',
  'sentenceMargin',
  'articleMargin',
  'topArticle',
  'termCount',
  'titleCoverage',
  'articleScore',
];

/** A logistic model over the evidence: an intercept and one weight per evidence. */
export interface Model {
  intercept: number;
  weights: Record<keyof AnswerEvidence, number>;
}

// Fitted on the SQuAD tune split with one fold of titles left out (12 absent topics); `npm run
// bench:calibrate` now leaves out three folds in turn and fits a gate no better (docs/answer-quality.md, eighth round).
/** Separates right answers from questions whose article is absent: decides whether to quote. */
export const GATE: Model = {
  intercept: -12.493,
  weights: {
    coverage: 5.124,
    neighbourCoverage: 5.107,
    specificCoverage: 1.277,
    articleCoverage: 0.201,
    phraseShare: 2.772,
    score: 6.973,
    specificMissing: -0.091,
    unknownShare: -8.347,
    kindNamed: -1.304,
    kindMissing: -1.212,
    runnerUpAgrees: 0.784,
    sentenceMargin: 0.518,
    articleMargin: 1.096,
    topArticle: 0.722,
    termCount: 2.369,
    titleCoverage: 5.615,
    articleScore: -0.069,
  },
};

/** The probability that the quoted sentence holds the answer, over every kind of question: the confidence shown. */
export const CONFIDENCE: Model = {
  intercept: -8.567,
  weights: {
    coverage: 4.217,
    neighbourCoverage: 1.951,
    specificCoverage: 0.522,
    articleCoverage: 0.337,
    phraseShare: 1.317,
    score: 2.049,
    specificMissing: 0.042,
    unknownShare: -6.840,
    kindNamed: -0.437,
    kindMissing: -0.593,
    runnerUpAgrees: 0.183,
    sentenceMargin: 2.875,
    articleMargin: 0.277,
    topArticle: 0.751,
    termCount: 1.616,
    titleCoverage: -0.469,
    articleScore: -0.030,
  },
};

/** Articles from which a corpus counts as large (see `unknownShare`). */
const LARGE_CORPUS = 1000;
/** The least that missing words count, however small the corpus: a question mostly of words it lacks is about something else. */
const SMALL_CORPUS_SHARE = 0.5;

/** The gate's probability below which nothing is quoted: the coverage is said not to answer. */
export const ANSWER_GATE = 0.66;
/**
 * The confidence below which nothing is quoted either. The gate weighs right answers against
 * absent topics only, so a sentence sharing the one word of a small corpus's topic ("tram" for
 * "night tram timetable") can pass it while the confidence, fitted on every answer, gives it 2%.
 */
export const MIN_CONFIDENCE = 0.1;

/** The gate's probability and the confidence shown for the evidence, and whether both are high enough to quote. */
export function judge(evidence: AnswerEvidence): { gate: number; confidence: number; quotes: boolean } {
  const gate = probability(GATE, evidence);
  // The gate's odds exclude wrong sentences from the right article, so they bound the chance of being right.
  const confidence = Math.min(gate, probability(CONFIDENCE, evidence));
  return { gate, confidence, quotes: gate >= ANSWER_GATE && confidence >= MIN_CONFIDENCE };
}

/** The evidence that `best` (the first of `ranked`) answers the question. */
export function answerEvidence(question: Question, best: RankedSentence, ranked: readonly RankedSentence[], retrieved: readonly Retrieval[]): AnswerEvidence {
  // A year or month its article's date meets is not held against a sentence that does not write it: a report is dated by its dateline.
  const datelined = datesMet(question, best.article.published);
  const unwritten = question.terms.some((t) => t.calendar === null) ? new Set([...datelined].filter((q) => !best.matched.has(q))) : new Set<number>();
  const topical = (q: number) => !unwritten.has(q);
  const known = question.terms.flatMap((t, i) => (t.variants.length > 0 && topical(i) ? [i] : []));
  const weightOf = (q: number) => question.terms[q]?.weight ?? 0;
  const rarest = known.reduce((r, q) => (weightOf(q) > weightOf(r) ? q : r), known[0] ?? 0);
  const asked = question.totalWeight - [...unwritten].reduce((sum, q) => sum + weightOf(q), 0);
  const unknown = asked - known.reduce((sum, q) => sum + weightOf(q), 0);
  const runnerUp = ranked.find((r) => r !== best);
  const inArticle = new Map<number, number>();
  for (const r of ranked) if (r.article === best.article) strongest(inArticle, r.matched);
  /** The share of the known terms' weight (or IDF) that the matched terms carry, a paraphrase for its variant's weight. */
  const share = (matched: ReadonlyMap<number, number>, weigh: (weight: number) => number) => {
    let found = 0;
    for (const [q, strength] of matched) found += weigh(weightOf(q)) * strength;
    const total = known.reduce((sum, q) => sum + weigh(weightOf(q)), 0);
    return total > 0 ? Math.min(1, found / total) : 0;
  };
  // Judged by the match alone: a question's preferences (articles of its date, the asked speaker) are left out.
  const [first, second] = [...retrieved].sort((a, b) => b.score - a.score);
  const score = (r: RankedSentence) => r.score / r.preferred;
  return {
    coverage: asked > unknown ? Math.min(1, (best.coverage * question.totalWeight) / (asked - unknown)) : 0,
    neighbourCoverage: share(best.neighbourMatched, (weight) => weight),
    specificCoverage: share(withNeighbours(best), (weight) => weight - 1),
    articleCoverage: share(inArticle, (weight) => weight),
    phraseShare: best.phraseShare,
    score: score(best),
    specificMissing: 1 - (best.matched.get(rarest) ?? 0),
    unknownShare: (asked > 0 ? unknown / asked : 1) * Math.min(1, Math.max(SMALL_CORPUS_SHARE, Math.log(1 + question.corpusSize) / Math.log(1 + LARGE_CORPUS))),
    kindNamed: best.namesKind === true ? 1 : 0,
    kindMissing: best.namesKind === false ? 1 : 0,
    runnerUpAgrees: runnerUp?.article === best.article ? 1 : 0,
    sentenceMargin: runnerUp && best.score > 0 ? (score(best) - score(runnerUp)) / score(best) : 1,
    articleMargin: first && second && first.score > 0 ? (first.score - second.score) / first.score : 1,
    topArticle: first?.article === best.article ? 1 : 0,
    termCount: Math.log(question.terms.reduce((words, t, q) => words + (topical(q) ? phraseTerms(t.term).length : 0), 0)),
    titleCoverage: share(titleMatches(question, best.article), (weight) => weight),
    articleScore: first && question.totalWeight > 0 ? first.score / question.totalWeight : 0,
  };
}

/** The question terms the sentence or its neighbours match, each with its strongest match there. */
function withNeighbours(best: RankedSentence): Map<number, number> {
  const matched = new Map(best.matched);
  for (const [q, gain] of best.neighbourMatched) matched.set(q, (matched.get(q) ?? 0) + gain);
  return matched;
}

/** The question terms the article's title holds, each with the weight of its best variant there. */
export function titleMatches(question: Question, article: Article): Map<number, number> {
  const text = article.title ?? '';
  const tokens = tokenize(text);
  const holds = (variant: string) => tokens.some((_, at) => holdsPhraseAt(tokens, text, at, phraseTerms(variant)));
  const matched = new Map<number, number>();
  question.terms.forEach((term, q) => {
    const strength = Math.max(0, ...term.variants.filter((v) => holds(v.term)).map((v) => v.weight));
    if (strength > 0) matched.set(q, strength);
  });
  return matched;
}

/** A model's probability for the evidence. */
export function probability(model: Model, evidence: AnswerEvidence): number {
  const z = EVIDENCE.reduce((sum, name) => sum + model.weights[name] * evidence[name], model.intercept);
  return 1 / (1 + Math.exp(-z));
}
