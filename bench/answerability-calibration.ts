/**
 * Fits the answerability model of `src/search/answerability.ts` on the SQuAD `tune` split (never
 * on the `report` split the README quotes): the evidence of each question's best sentence,
 * labelled right when it holds a gold answer, over the whole corpus and over the corpus with a
 * quarter of the Wikipedia articles left out (their questions are all "absent": labelled wrong),
 * once with each paragraph an article and once over real-length articles (`realLengthSet`), so the
 * gate holds for short and long articles alike. Prints the weights to paste into
 * answerability.ts, and for a range of thresholds the top-1 and the absent-article answered rate
 * they give on this split, for each length.
 *
 * Run: npm run bench:calibrate
 */
import type { Article } from '../src/corpus/article.ts';
import { answering, findCandidates } from '../src/search/answer.ts';
import { ANSWER_GATE, answerEvidence, CONFIDENCE, EVIDENCE, judge, MIN_CONFIDENCE, probability, type AnswerEvidence, type Model } from '../src/search/answerability.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { readQuestion } from '../src/search/question.ts';
import { SentenceCache } from '../src/search/sentence-ranking.ts';
import { heldOutTitles, holdsAnswer, readSquad, realLengthSet, sampleOf, type SquadQuestion } from './squad.ts';

interface Example {
  evidence: AnswerEvidence;
  right: boolean;
  absent: boolean;
}

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
    return [{ evidence, right: !absent && holdsAnswer(best.sentence.text, q.answers), absent }];
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
  const leftOut = heldOutTitles(squad, 'tune');
  const kept = squad.articles.filter((a) => !leftOut.has(a.file.replace(/\.json$/, '')));
  const short = {
    present: await examples(squad.articles, sample, false),
    absent: await examples(kept, sample.filter((q) => leftOut.has(q.title)), true),
  };
  const realLength = await realLengthSet(squad, sample, leftOut, Infinity);
  const long = {
    present: await examples(realLength.articles, realLength.questions, false),
    absent: await examples(realLength.kept, realLength.absent, true),
  };
  const all = [...short.present, ...short.absent, ...long.present, ...long.absent];
  const gate = fit(all.filter((e) => e.right || e.absent));
  const confidence = fit(all);
  printModel('GATE', gate);
  printModel('CONFIDENCE', confidence);
  console.log(`SQuAD paragraphs: ${sample.length} questions, ${short.absent.length} absent; real-length articles: ${realLength.questions.length} questions, ${long.absent.length} absent`);
  console.log('threshold  top-1 paragraphs  absent answered  top-1 real-length  absent answered');
  const rates = (set: typeof short, asked: number, quotes: (e: AnswerEvidence) => boolean) => {
    const top1 = set.present.filter((e) => e.right && quotes(e.evidence)).length / asked;
    return [top1, set.absent.filter((e) => quotes(e.evidence)).length / set.absent.length].map((x) => `${(100 * x).toFixed(1)}%`.padStart(8));
  };
  for (let t = 0.3; t <= 0.99; t += 0.04) {
    const passes = (e: AnswerEvidence) => probability(gate, e) >= t;
    console.log(`${t.toFixed(3)}    ${rates(short, sample.length, passes).join('         ')}         ${rates(long, realLength.questions.length, passes).join('         ')}`);
  }
  const quotes = (e: AnswerEvidence) => judge(e).quotes;
  console.log(`\nwith the models now in answerability.ts (gate ${ANSWER_GATE}, confidence at least ${MIN_CONFIDENCE}): paragraphs ${rates(short, sample.length, quotes).join(' / ')}, real-length ${rates(long, realLength.questions.length, quotes).join(' / ')} (top-1 / absent answered)`);
  console.log('confidence shown vs observed right, by tenths:');
  for (let bin = 0; bin < 10; bin++) {
    const inBin = all.filter((e) => Math.min(9, Math.floor(probability(CONFIDENCE, e.evidence) * 10)) === bin);
    if (inBin.length > 0) console.log(`${(bin / 10).toFixed(1)}-${((bin + 1) / 10).toFixed(1)}: ${inBin.length} answers, ${((100 * inBin.filter((e) => e.right).length) / inBin.length).toFixed(0)}% right`);
  }
}

function printModel(name: string, model: Model): void {
  console.log(`export const ${name}: Model = {\n  intercept: ${model.intercept.toFixed(3)},\n  weights: {`);
  for (const evidence of EVIDENCE) console.log(`    ${evidence}: ${model.weights[evidence].toFixed(3)},`);
  console.log('  },\n};');
}

await main();
