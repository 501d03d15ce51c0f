/**
 * A learned re-ranking of the best few candidate sentences. The hand-weighted score of
 * `sentence-ranking.ts` finds the right sentence among its first three for nine questions in ten,
 * but first for only three in four: what separates the right one from its neighbours is a mix of
 * signals no single formula weighs well (how much room a sentence leaves for an answer beyond the
 * question's own words, whether it names the kind of thing asked for, how its article ranked).
 * So the first `RERANKED` sentences are ordered again by a linear model over general features of
 * a sentence and its question, fitted listwise (softmax over each question's candidates, the
 * sentences holding the gold answer as targets) on the SQuAD tune split by `npm run bench:calibrate`,
 * which prints the weights below. No feature names a word or a topic.
 */
import { namesKind } from './answer-kind.ts';
import type { Question } from './question.ts';
import type { RankedSentence } from './sentence-ranking.ts';

/** Candidates re-ranked: the right sentence is among the first ten for 93 SQuAD questions in 100, and each may need tagging. */
export const RERANKED = 10;

/** What the model knows about one candidate among the best few. */
export interface RankingFeatures {
  /** The hand-weighted score, and its share of the best one's. */
  score: number;
  scoreShare: number;
  /** ln(1 + place) in the hand-weighted order. */
  place: number;
  coverage: number;
  relevance: number;
  closeness: number;
  phraseShare: number;
  neighbourCoverage: number;
  articleShare: number;
  /** 1 when the sentence comes from the best retrieved article. */
  topArticle: number;
  /** 1 when it names the kind of thing the question asks for; 1 in `kindMissing` when asked and not named. */
  kindNamed: number;
  kindMissing: number;
  /** Share of the sentence's terms that are not the question's: room for the answer itself. */
  answerRoom: number;
  /** ln(1 + the sentence's term count). */
  length: number;
  /** 1 when the sentence holds the question's rarest term. */
  rarestMatched: number;
}

/** Names of the features, in a fixed order. */
export const RANKING_FEATURES: readonly (keyof RankingFeatures)[] = [
  'score',
  'scoreShare',
  'place',
  'coverage',
  'relevance',
  'closeness',
  'phraseShare',
  'neighbourCoverage',
  'articleShare',
  'topArticle',
  'kindNamed',
  'kindMissing',
  'answerRoom',
  'length',
  'rarestMatched',
];

/** Weights of the features; only differences between candidates of one question matter, so there is no intercept. */
export type RankingModel = Record<keyof RankingFeatures, number>;

// Fitted by `npm run bench:calibrate` on the SQuAD tune split.
/** The re-ranking model in use. */
export const RANKING_MODEL: RankingModel = {
  score: -0.732,
  scoreShare: 4.079,
  place: -0.335,
  coverage: 1.294,
  relevance: -2.257,
  closeness: -0.254,
  phraseShare: 0.897,
  neighbourCoverage: -0.046,
  articleShare: 1.390,
  topArticle: 0.053,
  kindNamed: 0.509,
  kindMissing: -0.680,
  answerRoom: -0.246,
  length: -0.087,
  rarestMatched: 0.238,
};

/**
 * The features of each of the first `RERANKED` candidates (`head`, in hand-weighted order). Tags
 * them for the kind of answer asked, which `namesKind` caches per sentence.
 */
export function rankingFeatures(head: readonly RankedSentence[], question: Question): RankingFeatures[] {
  const asked = new Set(question.terms.flatMap((t) => [t.term, ...t.variants.map((v) => v.term)]));
  const rarest = question.terms.reduce((r, t, q) => (t.weight > (question.terms[r]?.weight ?? 0) ? q : r), 0);
  const best = Math.max(...head.map((c) => c.score), Number.MIN_VALUE);
  return head.map((candidate, place) => {
    if (question.wants) candidate.namesKind = namesKind(candidate.sentence, question.wants, asked);
    const tokens = candidate.sentence.tokens;
    const own = tokens.filter((t) => !asked.has(t.term)).length;
    return {
      score: candidate.score,
      scoreShare: candidate.score / best,
      place: Math.log(1 + place),
      coverage: candidate.coverage,
      relevance: candidate.relevance,
      closeness: candidate.closeness,
      phraseShare: candidate.phraseShare,
      neighbourCoverage: candidate.neighbourCoverage,
      articleShare: candidate.articleShare,
      topArticle: candidate.articleShare >= 1 ? 1 : 0,
      kindNamed: candidate.namesKind === true ? 1 : 0,
      kindMissing: candidate.namesKind === false ? 1 : 0,
      answerRoom: tokens.length > 0 ? own / tokens.length : 0,
      length: Math.log(1 + tokens.length),
      rarestMatched: candidate.matched.has(rarest) ? 1 : 0,
    };
  });
}

/** The model's score for one candidate's features. */
export function modelScore(model: RankingModel, features: RankingFeatures): number {
  return RANKING_FEATURES.reduce((sum, name) => sum + model[name] * features[name], 0);
}

/** Orders the first `RERANKED` of `ranked` (sorted by hand-weighted score) by the model, in place. */
export function rerankHead(ranked: RankedSentence[], question: Question, model: RankingModel = RANKING_MODEL): void {
  const head = ranked.slice(0, RERANKED);
  const features = rankingFeatures(head, question);
  const order = head.map((candidate, i) => ({ candidate, score: modelScore(model, features[i] as RankingFeatures) }));
  order.sort((a, b) => b.score - a.score);
  ranked.splice(0, head.length, ...order.map((o) => o.candidate));
}
