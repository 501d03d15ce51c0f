/**
 * Fits the answerability model of `src/search/answerability.ts` on the SQuAD `tune` split (never
 * on the `report` split the README quotes): the evidence of each question's best sentence,
 * labelled right when it holds a gold answer, over the whole corpus and over corpora with a
 * quarter of the Wikipedia articles left out (their questions are all "absent": labelled wrong),
 * each of the three quarters the report split keeps in turn: a gate learns what a chance match
 * looks like from the absent topics, and one quarter's dozen titles were too few. All this
 * once with each paragraph an article and once over real-length articles (`realLengthSet`), so the
 * gate holds for short and long articles alike. Prints the weights to paste into
 * answerability.ts, and for a range of thresholds the top-1 and the absent-article answered rate
 * they give on this split, for each length. Judged on the questions it was fitted on, a model
 * looks better than it is, a flexible one most; so the gate is also fitted on three quarters of
 * the split's titles and judged on the rest, in turn, beside gradient-boosted trees fitted the
 * same way (`boosted-trees.ts`): the curve a new topic would see.
 *
 * Run: npm run bench:calibrate
 */
import type { Article } from '../src/corpus/article.ts';
import { answering, findCandidates } from '../src/search/answer.ts';
import { ANSWER_GATE, answerEvidence, CONFIDENCE, EVIDENCE, judge, MIN_CONFIDENCE, probability, type AnswerEvidence, type Model } from '../src/search/answerability.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { readQuestion } from '../src/search/question.ts';
import { SentenceCache } from '../src/search/sentence-ranking.ts';
import { boostedProbability, fitBoostedTrees } from './boosted-trees.ts';
import { holdsAnswer, readSquad, realLengthSet, sampleOf, titleFolds, tunableHeldOutTitles, type SquadQuestion } from './squad.ts';

interface Example {
  evidence: AnswerEvidence;
  right: boolean;
  absent: boolean;
  /** The Wikipedia title the question is about: questions are held back by title. */
  title: string;
}

/** The answers at one length: to questions whose article is present and to those whose article is absent. */
interface LengthSet {
  present: Example[];
  absent: Example[];
  /** Questions asked whose article is present, answered or not: top-1's denominator. */
  asked: number;
}

/** Title folds of the held-back check: each is judged by models fitted on the others. */
const FOLDS = 4;
/** The absent answered rate the held-back check keeps under at both lengths. */
const ABSENT_LIMIT = 0.05;
/** Tree depths the held-back check tries; each ensemble is judged at several sizes. */
const TREE_DEPTHS = [1, 2, 3];
const TREE_COUNTS = [50, 100, 150];
const TREE_SHRINKAGE = 0.1;
const TREE_MIN_LEAF = 50;

async function examples(articles: readonly Article[], questions: readonly SquadQuestion[], absent: boolean): Promise<Example[]> {
  const index = await ArticleIndex.build(articles);
  const cache = new SentenceCache();
  return questions.flatMap((q) => {
    const { terms, notice } = readQuestion(q.question);
    if (notice) return [];
    const candidates = findCandidates(index, cache, q.question, terms, {});
    const ranked = answering(candidates.ranked);
    const best = ranked[0];
    if (!best) return [];
    const evidence = answerEvidence(candidates.question, best, ranked, candidates.retrieved);
    return [{ evidence, right: !absent && holdsAnswer(best.sentence.text, q.answers), absent, title: q.title }];
  });
}

/** Logistic regression by batch gradient descent on standardised evidence, lightly regularised. */
function fit(data: readonly Example[]): Model {
  const rows = data.map((e) => EVIDENCE.map((name) => e.evidence[name]));
  const mean = EVIDENCE.map((_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length);
  const sd = EVIDENCE.map((_, j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / rows.length) || 1);
  const z = rows.map((r) => r.map((x, j) => (x - (mean[j] ?? 0)) / (sd[j] ?? 1)));
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
  const leftOutFolds = tunableHeldOutTitles(squad);
  const short: LengthSet = { present: await examples(squad.articles, sample, false), absent: [], asked: sample.length };
  let long: LengthSet | null = null;
  for (const leftOut of leftOutFolds) {
    const kept = squad.articles.filter((a) => !leftOut.has(a.file.replace(/\.json$/, '')));
    short.absent.push(...(await examples(kept, sample.filter((q) => leftOut.has(q.title)), true)));
    const realLength = await realLengthSet(squad, sample, leftOut, Infinity);
    long ??= { present: await examples(realLength.articles, realLength.questions, false), absent: [], asked: realLength.questions.length };
    long.absent.push(...(await examples(realLength.kept, realLength.absent, true)));
  }
  if (!long) throw new Error('no title fold to leave out');
  const all = [...short.present, ...short.absent, ...long.present, ...long.absent];
  const gate = fit(gateExamples(all));
  const confidence = fit(all);
  printModel('GATE', gate);
  printModel('CONFIDENCE', confidence);
  const absentTitles = new Set(short.absent.map((e) => e.title)).size;
  console.log(`SQuAD paragraphs: ${sample.length} questions, ${short.absent.length} absent; real-length articles: ${long.asked} questions, ${long.absent.length} absent; absent from ${absentTitles} titles, ${leftOutFolds.length} folds left out in turn`);
  console.log('threshold  top-1 paragraphs  absent answered  top-1 real-length  absent answered');
  for (let t = 0.3; t <= 0.99; t += 0.04) {
    const passes = (e: Example) => probability(gate, e.evidence) >= t;
    console.log(`${t.toFixed(3)}    ${rates(short, passes).join('         ')}         ${rates(long, passes).join('         ')}`);
  }
  const quotes = (e: Example) => judge(e.evidence).quotes;
  console.log(`\nwith the models now in answerability.ts (gate ${ANSWER_GATE}, confidence at least ${MIN_CONFIDENCE}): paragraphs ${rates(short, quotes).join(' / ')}, real-length ${rates(long, quotes).join(' / ')} (top-1 / absent answered)`);
  console.log('confidence shown vs observed right, by tenths:');
  for (let bin = 0; bin < 10; bin++) {
    const inBin = all.filter((e) => Math.min(9, Math.floor(probability(CONFIDENCE, e.evidence) * 10)) === bin);
    if (inBin.length > 0) console.log(`${(bin / 10).toFixed(1)}-${((bin + 1) / 10).toFixed(1)}: ${inBin.length} answers, ${((100 * inBin.filter((e) => e.right).length) / inBin.length).toFixed(0)}% right`);
  }
  printHeldBack(short, long, all);
}

/** The examples a gate is fitted on: right answers against answers to absent questions. */
function gateExamples(all: readonly Example[]): Example[] {
  return all.filter((e) => e.right || e.absent);
}

/** Top-1 and absent answered at one length when `quotes` decides, as percentages for a table. */
function rates(set: LengthSet, quotes: (e: Example) => boolean): string[] {
  const top1 = set.present.filter((e) => e.right && quotes(e)).length / set.asked;
  return [top1, set.absent.filter(quotes).length / set.absent.length].map((x) => `${(100 * x).toFixed(1)}%`.padStart(8));
}

/**
 * For the logistic gate and for boosted trees of each depth and size: each example's probability
 * from a model fitted without its title's questions, and the threshold that gives the most top-1
 * (both lengths together) with absent answers under `ABSENT_LIMIT` at both lengths.
 */
function printHeldBack(short: LengthSet, long: LengthSet, all: readonly Example[]): void {
  const folds = titleFolds(all.map((e) => e.title), FOLDS);
  const logistic = heldBack(all, folds, (train) => {
    const model = fit(train);
    return [(e) => probability(model, e)];
  });
  const rows: [string, Map<Example, number>][] = [['logistic', logistic[0] ?? new Map()]];
  for (const depth of TREE_DEPTHS) {
    const ensembles = heldBack(all, folds, (train) => {
      const model = fitBoostedTrees(
        train.map((e) => e.evidence),
        train.map((e) => e.right),
        { trees: Math.max(...TREE_COUNTS), depth, shrinkage: TREE_SHRINKAGE, minLeaf: TREE_MIN_LEAF },
      );
      return TREE_COUNTS.map((count) => (e) => boostedProbability({ base: model.base, trees: model.trees.slice(0, count) }, e));
    });
    TREE_COUNTS.forEach((count, j) => rows.push([`trees, depth ${depth}, ${count}`, ensembles[j] ?? new Map()]));
  }
  console.log(`\nheld back by title (${FOLDS} folds of the split's ${folds.size} titles, each judged by models fitted on the others; shrinkage ${TREE_SHRINKAGE}, at least ${TREE_MIN_LEAF} answers a leaf):`);
  console.log(`the threshold with the most top-1 while absent answered stays at most ${100 * ABSENT_LIMIT}% at both lengths`);
  console.log('model                   threshold  top-1 paragraphs  absent answered  top-1 real-length  absent answered  log loss');
  for (const [name, held] of rows) {
    const chance = (e: Example) => held.get(e) ?? 0;
    let best: { threshold: number; top1: number } | null = null;
    for (let threshold = 0.01; threshold < 1; threshold += 0.005) {
      const passes = (e: Example) => chance(e) >= threshold;
      const absentRate = (set: LengthSet) => set.absent.filter(passes).length / set.absent.length;
      const top1 = [short, long].reduce((sum, set) => sum + set.present.filter((e) => e.right && passes(e)).length / set.asked, 0);
      if (absentRate(short) <= ABSENT_LIMIT && absentRate(long) <= ABSENT_LIMIT && top1 > (best?.top1 ?? -1)) best = { threshold, top1 };
    }
    const gated = gateExamples(all);
    const logLoss = -gated.reduce((sum, e) => sum + Math.log(Math.max(1e-9, e.right ? chance(e) : 1 - chance(e))), 0) / gated.length;
    const at = best?.threshold ?? 1;
    const passes = (e: Example) => chance(e) >= at;
    console.log(`${name.padEnd(24)}${at.toFixed(3).padStart(9)}    ${rates(short, passes).join('         ')}         ${rates(long, passes).join('         ')}   ${logLoss.toFixed(3).padStart(7)}`);
  }
}

/** Each example's probability from models fitted on the gate examples of the other folds' titles: one map per model `fitOn` returns. */
function heldBack(all: readonly Example[], folds: ReadonlyMap<string, number>, fitOn: (train: Example[]) => ((evidence: AnswerEvidence) => number)[]): Map<Example, number>[] {
  const held: Map<Example, number>[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const models = fitOn(gateExamples(all.filter((e) => folds.get(e.title) !== fold)));
    const judged = all.filter((e) => folds.get(e.title) === fold);
    models.forEach((chance, j) => {
      const probabilities = (held[j] ??= new Map());
      for (const e of judged) probabilities.set(e, chance(e.evidence));
    });
  }
  return held;
}

function printModel(name: string, model: Model): void {
  console.log(`export const ${name}: Model = {\n  intercept: ${model.intercept.toFixed(3)},\n  weights: {`);
  for (const evidence of EVIDENCE) console.log(`    ${evidence}: ${model.weights[evidence].toFixed(3)},`);
  console.log('  },\n};');
}

await main();
