/**
 * Composes an answer from ranked sentences. A question in the text ("What was discussed?") is
 * never an answer.
 *
 * The threshold: a question is answered only when one sentence holds at least
 * `ANSWER_COVERAGE` of the question's term weight (1 + IDF per term, see `Vocabulary.weight`).
 * Terms the corpus lacks weigh as much as its rarest terms, so "What is the weather in Paris?" over Gaza coverage cannot pass on a stray
 * common word, and a two-term question needs both terms. Below it, `related` names the closest
 * articles instead of quoting something unrelated.
 *
 * Picking: up to three sentences, greedily by score, where each further sentence must pass the
 * threshold, match nearly as much of the question as the best one (`RUNNER_UP_COVERAGE`) and
 * reach `RUNNER_UP_SHARE` of its score; a sentence from an article already
 * quoted counts for less (readers see who reported what), near-duplicates are skipped, and a
 * sentence that leans on the one before ("He said...", "This...") brings that one along, as its
 * own verbatim sentence, never merged.
 */
import type { Article } from '../corpus/article.ts';
import type { Retrieval } from './article-index.ts';
import type { Answer, ArticleRef, CitedSentence, Source } from './results.ts';
import type { RankedSentence, Sentence, SentenceCache } from './sentence-ranking.ts';

/** Share of the question's weight one sentence must match for the question to count as answered. */
export const ANSWER_COVERAGE = 0.6;
const RUNNER_UP_SHARE = 0.7;
const RUNNER_UP_COVERAGE = 0.8;
const SAME_ARTICLE_DISCOUNT = 0.8;
const NEAR_DUPLICATE = 0.6;
const MAX_SENTENCES = 3;
const MAX_RELATED = 3;
const ANAPHORIC_START =
  /^["“‘']?(?:he|she|they|it|his|her|their|its|such|him|them|(?:this|that|these|those) (?:is|was|are|were|has|had|will|would|could|comes|came|means|meant|follows|followed)|the (?:group|movement|minister|official|statement|president|envoy|ministry|move|decision|company|agency))\b/iu;

interface Quote {
  article: Article;
  sentence: Sentence;
  context: boolean;
}

/** How an article is cited or offered. */
export function articleRef(article: Article): ArticleRef {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
  };
}

/** The answer for ranked sentences of the retrieved articles. */
export function composeAnswer(
  question: string,
  ranked: readonly RankedSentence[],
  retrieved: readonly Retrieval[],
  cache: SentenceCache,
): Omit<Answer, 'tookMs'> {
  const answering = ranked.filter((r) => !r.sentence.text.endsWith('?'));
  const best = answering[0];
  const confidence = Math.round((best?.coverage ?? 0) * 100) / 100;
  if (!best || best.coverage < ANSWER_COVERAGE) {
    return unanswered(question, retrieved.map((r) => articleRef(r.article)).slice(0, MAX_RELATED), confidence);
  }
  const quotes = pickQuotes(best, answering, cache);
  const sources: Source[] = [];
  const sentences: CitedSentence[] = quotes.map(({ article, sentence, context }) => {
    let source = sources.find((s) => s.id === article.id);
    if (!source) {
      source = { n: sources.length + 1, ...articleRef(article) };
      sources.push(source);
    }
    return { text: sentence.text, citation: source.n, context };
  });
  const related = retrieved
    .filter((r) => !sources.some((s) => s.id === r.article.id))
    .slice(0, MAX_RELATED)
    .map((r) => articleRef(r.article));
  return { question, answered: true, sentences, sources, related, confidence, notice: null };
}

/** An answer that quotes nothing. */
export function unanswered(question: string, related: ArticleRef[], confidence = 0, notice: string | null = null): Omit<Answer, 'tookMs'> {
  return { question, answered: false, sentences: [], sources: [], related, confidence, notice };
}

function pickQuotes(best: RankedSentence, ranked: readonly RankedSentence[], cache: SentenceCache): Quote[] {
  const quotes: Quote[] = [];
  const remaining = ranked.filter(
    (r) =>
      r.coverage >= Math.max(ANSWER_COVERAGE, best.coverage * RUNNER_UP_COVERAGE) &&
      r.score >= best.score * RUNNER_UP_SHARE,
  );
  while (quotes.length < MAX_SENTENCES && remaining.length > 0) {
    let pick = 0;
    let pickScore = -Infinity;
    remaining.forEach((candidate, i) => {
      const fromSameArticle = quotes.filter((q) => q.article === candidate.article).length;
      const score = candidate.score * SAME_ARTICLE_DISCOUNT ** fromSameArticle;
      if (score > pickScore) [pick, pickScore] = [i, score];
    });
    const [candidate] = remaining.splice(pick, 1);
    if (!candidate || quotes.some((q) => nearDuplicate(q.sentence, candidate.sentence))) continue;
    const context = contextFor(candidate, cache);
    const adding = [context, { article: candidate.article, sentence: candidate.sentence, context: false }].filter(
      (q): q is Quote => q !== null && !quotes.some((k) => k.article === q.article && k.sentence.paragraph === q.sentence.paragraph && k.sentence.index === q.sentence.index),
    );
    if (quotes.length + adding.length > MAX_SENTENCES) continue;
    quotes.push(...adding);
  }
  return quotes;
}

/** The sentence before, when this one leans on it ("He said...", "This..."), within the same article. */
function contextFor(ranked: RankedSentence, cache: SentenceCache): Quote | null {
  if (!ANAPHORIC_START.test(ranked.sentence.text)) return null;
  const previous = cache.previous(ranked.article, ranked.sentence);
  return previous ? { article: ranked.article, sentence: previous, context: true } : null;
}

function nearDuplicate(a: Sentence, b: Sentence): boolean {
  const left = new Set(a.tokens.map((t) => t.term));
  const right = new Set(b.tokens.map((t) => t.term));
  if (left.size === 0 || right.size === 0) return a.text === b.text;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared / (left.size + right.size - shared) >= NEAR_DUPLICATE;
}
