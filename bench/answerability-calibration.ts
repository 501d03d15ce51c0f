/**
 * Fits the learned models of answers on the SQuAD `tune` split (never on the `report` split the
 * README quotes), and prints their weights to paste into the source:
 * - the re-ranking model of `src/search/sentence-model.ts`: over each question's first candidate
 *   sentences, a softmax fitted to put those holding a gold answer first;
 * - the answerability models of `src/search/answerability.ts`: the evidence of each question's best
 *   sentence (as ordered by the newly fitted ranking), labelled right when it holds a gold answer,
 *   over the whole corpus and over the corpus with a quarter of the Wikipedia articles left out
 *   (their questions are all "absent": labelled wrong).
 * Also prints, for a range of thresholds, the top-1 and the absent-article answered rate they give
 * on this split.
 *
 * Run: npm run bench:calibrate
 */
import type { Article } from '../src/corpus/article.ts';
import { answering, findCandidates } from '../src/search/answer.ts';
import { ANSWER_GATE, answerEvidence, CONFIDENCE, EVIDENCE, GATE, probability, type AnswerEvidence, type Model } from '../src/search/answerability.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { readQuestion } from '../src/search/question.ts';
import { RANKING_FEATURES, RANKING_MODEL, rankingFeatures, RERANKED, rerankHead, type RankingModel } from '../src/search/sentence-model.ts';
import { SentenceCache, type RankedSentence } from '../src/search/sentence-ranking.ts';
import type { Candidates } from '../src/search/answer.ts';
import { heldOutTitles, holdsAnswer, readSquad, sampleOf, type SquadQuestion } from './squad.ts';

interface Example {
  evidence: AnswerEvidence;
  right: boolean;
  absent: boolean;
}

/** One asked question: its candidates and whether each of the first few holds a gold answer. */
interface Asked {
  candidates: Candidates;
  /** The first `RERANKED` sentences of `candidates.ranked` that may answer, in hand-weighted order, and whether each is right. */
  head: RankedSentence[];
  right: boolean[];
  absent: boolean;
}

async function ask(articles: readonly Article[], questions: readonly SquadQuestion[], absent: boolean): Promise<Asked[]> {
  const index = await ArticleIndex.build(articles);
  const cache = new SentenceCache();
  return questions.flatMap((q) => {
    const { terms, notice } = readQuestion(q.question);
    if (notice) return [];
    const candidates = findCandidates(index, cache, q.question, terms, {});
    const head = answering(candidates.ranked.slice(0, RERANKED)).sort((a, b) => b.score - a.score);
    if (head.length === 0) return [];
    return [{ candidates, head, right: head.map((r) => !absent && holdsAnswer(r.sentence.text, q.answers)), absent }];
  });
}

/** The evidence of each asked question's best sentence once its head is ordered by `model`. */
function examples(asked: readonly Asked[], model: RankingModel): Example[] {
  return asked.map(({ candidates, head, right, absent }) => {
    const ordered = [...head];
    rerankHead(ordered, candidates.question, model);
    const ranked = [...ordered, ...answering(candidates.ranked).filter((r) => !head.includes(r))];
    const best = ranked[0] as RankedSentence;
    return { evidence: answerEvidence(candidates.question, best, ranked, candidates.retrieved), right: right[head.indexOf(best)] ?? false, absent };
  });
}

/** Standardised copies of the rows, and the means and spreads to turn fitted weights back to raw units. */
function standardise(rows: readonly number[][], width: number): { z: number[][]; mean: number[]; sd: number[] } {
  const columns = Array.from({ length: width }, (_, j) => j);
  const mean = columns.map((j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length);
  const sd = columns.map((j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / rows.length) || 1);
  return { z: rows.map((r) => r.map((x, j) => (x - (mean[j] ?? 0)) / (sd[j] ?? 1))), mean, sd };
}

/**
 * The ranking model: a linear score whose softmax over each question's head puts the right
 * sentences first (listwise), by batch gradient descent on standardised features, lightly
 * regularised. Questions with no right sentence in the head, or only right ones, teach nothing.
 */
function fitRanking(asked: readonly Asked[]): RankingModel {
  const lists = asked.filter((a) => a.right.some(Boolean) && !a.right.every(Boolean));
  const rows = lists.map((a) => rankingFeatures(a.head, a.candidates.question).map((f) => RANKING_FEATURES.map((name) => f[name])));
  const { z: flat, sd } = standardise(rows.flat(), RANKING_FEATURES.length);
  let at = 0;
  const z = rows.map((list) => list.map(() => flat[at++] as number[]));
  const w = RANKING_FEATURES.map(() => 0);
  const rate = 0.5;
  const l2 = 1e-3;
  for (let step = 0; step < 1500; step++) {
    const gw = w.map(() => 0);
    z.forEach((list, i) => {
      const right = lists[i]?.right ?? [];
      const targets = right.map((r) => (r ? 1 / right.filter(Boolean).length : 0));
      const scores = list.map((x) => x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const sum = exp.reduce((s, e) => s + e, 0);
      list.forEach((x, k) => {
        const error = (exp[k] ?? 0) / sum - (targets[k] ?? 0);
        x.forEach((v, j) => (gw[j] = (gw[j] ?? 0) + error * v));
      });
    });
    w.forEach((_, j) => (w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / z.length + l2 * (w[j] ?? 0))));
  }
  return Object.fromEntries(RANKING_FEATURES.map((name, j) => [name, (w[j] ?? 0) / (sd[j] ?? 1)])) as RankingModel;
}

/** Logistic regression by batch gradient descent on standardised evidence, lightly regularised. */
function fit(data: readonly Example[]): Model {
  const { z, mean, sd } = standardise(
    data.map((e) => EVIDENCE.map((name) => e.evidence[name])),
    EVIDENCE.length,
  );
  let b = 0;
  const w = EVIDENCE.map(() => 0);
  const rate = 0.5;
  const l2 = 1e-3;
  for (let step = 0; step < 3000; step++) {
    let gb = 0;
    const gw = w.map(() => 0);
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0))));
      const error = p - (data[i]?.right ? 1 : 0);
      gb += error;
      x.forEach((v, j) => (gw[j] = (gw[j] ?? 0) + error * v));
    });
    b -= (rate * gb) / z.length;
    w.forEach((_, j) => (w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / z.length + l2 * (w[j] ?? 0))));
  }
  const weights = w.map((v, j) => v / (sd[j] ?? 1));
  const intercept = b - weights.reduce((s, v, j) => s + v * (mean[j] ?? 0), 0);
  return { intercept, weights: Object.fromEntries(EVIDENCE.map((name, j) => [name, weights[j] ?? 0])) as Model['weights'] };
}

async function main(): Promise<void> {
  const squad = await readSquad();
  const sample = sampleOf(squad, 'tune');
  const leftOut = heldOutTitles(squad, 'tune');
  const kept = squad.articles.filter((a) => !leftOut.has(a.file.replace(/\.json$/, '')));
  const askedPresent = await ask(squad.articles, sample, false);
  const askedAbsent = await ask(kept, sample.filter((q) => leftOut.has(q.title)), true);
  const ranking = fitRanking(askedPresent);
  printRanking(ranking);
  const present = examples(askedPresent, ranking);
  const absent = examples(askedAbsent, ranking);
  console.log(`top-1 answering everything: ${((100 * present.filter((e) => e.right).length) / sample.length).toFixed(1)}% with the fitted ranking, ${((100 * examples(askedPresent, RANKING_MODEL).filter((e) => e.right).length) / sample.length).toFixed(1)}% with the one in sentence-model.ts\n`);
  const gate = fit([...present.filter((e) => e.right), ...absent]);
  const confidence = fit([...present, ...absent]);
  printModel('GATE', gate);
  printModel('CONFIDENCE', confidence);
  console.log('threshold  top-1 (all tune questions, whole corpus)  absent answered');
  for (let t = 0.3; t <= 0.99; t += 0.04) {
    const top1 = present.filter((e) => e.right && probability(gate, e.evidence) >= t).length / sample.length;
    const answeredAbsent = absent.filter((e) => probability(gate, e.evidence) >= t).length / absent.length;
    console.log(`${t.toFixed(3)}      ${(100 * top1).toFixed(1)}%                                  ${(100 * answeredAbsent).toFixed(1)}%`);
  }
  const fitted = [...present, ...absent];
  const gated = fitted.filter((e) => probability(GATE, e.evidence) >= ANSWER_GATE);
  console.log(`\nwith the models now in answerability.ts: top-1 ${((100 * present.filter((e) => e.right && probability(GATE, e.evidence) >= ANSWER_GATE).length) / sample.length).toFixed(1)}%, absent answered ${((100 * gated.filter((e) => e.absent).length) / absent.length).toFixed(1)}%`);
  console.log('confidence shown vs observed right, by tenths:');
  for (let bin = 0; bin < 10; bin++) {
    const inBin = fitted.filter((e) => Math.min(9, Math.floor(probability(CONFIDENCE, e.evidence) * 10)) === bin);
    if (inBin.length > 0) console.log(`${(bin / 10).toFixed(1)}-${((bin + 1) / 10).toFixed(1)}: ${inBin.length} answers, ${((100 * inBin.filter((e) => e.right).length) / inBin.length).toFixed(0)}% right`);
  }
}

function printRanking(model: RankingModel): void {
  console.log('export const RANKING_MODEL: RankingModel = {');
  for (const name of RANKING_FEATURES) console.log(`  ${name}: ${model[name].toFixed(3)},`);
  console.log('};');
}

function printModel(name: string, model: Model): void {
  console.log(`export const ${name}: Model = {\n  intercept: ${model.intercept.toFixed(3)},\n  weights: {`);
  for (const evidence of EVIDENCE) console.log(`    ${evidence}: ${model.weights[evidence].toFixed(3)},`);
  console.log('  },\n};');
}

await main();
