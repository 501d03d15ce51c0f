/**
 * Answer quality bench: newsdesk beside a Lucene 8 baseline on the same SQuAD v1.1 dev questions.
 *
 * - full corpus: all 2,067 paragraphs indexed, a fixed sample of 2,000 questions asked: top-1 (the
 *   first quoted sentence holds a gold answer; an unanswered question counts as a miss), top-3 (any
 *   quoted sentence does), answered rate, right-when-answered, answer p50/p99;
 * - titles left out: a quarter of the Wikipedia articles removed from the corpus, the same sample
 *   asked: how often a question whose article is absent still gets an answer (it should not), and
 *   top-1 on the questions whose article is present.
 * Lucene (`../shared/peers/lucene/run.sh`) runs on the same corpora and questions; it always quotes
 * the best sentence of its top document, so its answered rate is the share with any hit.
 *
 * - with `--long`, also real-length articles: 2,000 articles of 800–2,000 words
 *   (`long-articles.ts`: Reuters, Brown press and SQuAD runs joined), and the first 250 questions of
 *   the split's sample whose SQuAD paragraph stands unchanged in one of them, so the answer is one
 *   sentence among ~3 million words of other text, as in a news archive; and the first 250
 *   questions about left-out titles, asked of those articles without any that holds one of their
 *   paragraphs: how often a question about an absent topic gets an answer from long articles.
 *
 * Run: npm run bench:quality -- [--split report|tune] [--no-lucene] [--misses N] [--long]
 *   `report` (default) is the sample and fold the README quotes; `tune` is a disjoint sample with
 *   another fold of titles left out, for trying changes without fitting the reported figures.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';
import type { Answer } from '../src/search/results.ts';
import { heldOutTitles, holdsAnswer, quantile, readSquad, realLengthSet, sampleOf, type Squad, type SquadQuestion, type SquadSplit } from './squad.ts';

const LUCENE = fileURLToPath(new URL('../../shared/peers/lucene/run.sh', import.meta.url));
const LUCENE_CONFIGURATION =
  'Lucene 8.7 BM25 (k1 1.2, b 0.75), EnglishAnalyzer, title^2 + body, UnifiedHighlighter best sentence of the top document';

interface Asked {
  question: SquadQuestion;
  answered: boolean;
  first: string | null;
  quoted: string[];
  ms: number;
}

interface Figures {
  top1: number;
  top3: number;
  answered: number;
  rightWhenAnswered: number;
  p50: number;
  p99: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

function figuresOf(asked: readonly Asked[]): Figures {
  const answered = asked.filter((a) => a.answered);
  const right = answered.filter((a) => holdsAnswer(a.first, a.question.answers)).length;
  return {
    top1: percent(right, asked.length),
    top3: percent(answered.filter((a) => a.quoted.some((q) => holdsAnswer(q, a.question.answers))).length, asked.length),
    answered: percent(answered.length, asked.length),
    rightWhenAnswered: percent(right, answered.length),
    p50: quantile(asked.map((a) => a.ms), 0.5),
    p99: quantile(asked.map((a) => a.ms), 0.99),
  };
}

async function askNewsdesk(articles: readonly Article[], questions: readonly SquadQuestion[]): Promise<Asked[]> {
  const library = await Library.fromArticles(articles);
  for (const q of questions.slice(0, 50)) library.answer(q.question);
  return questions.map((question) => {
    const answer: Answer = library.answer(question.question);
    const quoted = answer.sentences.map((s) => s.text);
    return { question, answered: answer.answered, first: quoted[0] ?? null, quoted, ms: answer.tookMs };
  });
}

const run = promisify(execFile);

async function askLucene(articles: readonly Article[], questions: readonly SquadQuestion[], work: string): Promise<Asked[]> {
  const corpus = join(work, 'corpus.jsonl');
  const asked = join(work, 'questions.txt');
  await writeFile(corpus, articles.map((a) => JSON.stringify({ id: a.id, title: a.title, body: a.paragraphs.join('\n\n') })).join('\n') + '\n');
  await writeFile(asked, questions.map((q) => q.question.replace(/\s+/g, ' ')).join('\n') + '\n');
  const { stdout } = await run('bash', [LUCENE, corpus, asked], { env: { ...process.env, TMPDIR: work }, maxBuffer: 256 * 1024 * 1024 });
  const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { passage: string | null; us: number });
  return questions.map((question, i) => {
    const passage = lines[i]?.passage ?? null;
    return { question, answered: passage !== null, first: passage, quoted: passage ? [passage] : [], ms: (lines[i]?.us ?? 0) / 1000 };
  });
}

const LONG_QUESTIONS = 250;

async function reportLong(squad: Squad, sample: readonly SquadQuestion[], leftOut: ReadonlySet<string>, withLucene: boolean): Promise<void> {
  const { articles, questions, kept, absent } = await realLengthSet(squad, sample, leftOut, LONG_QUESTIONS);
  const words = articles.reduce((sum, a) => sum + a.paragraphs.join(' ').split(/\s+/).length, 0);
  console.log(`\nreal-length articles: ${articles.length} articles (${(words / 1e6).toFixed(1)} million words), ${questions.length} questions whose paragraph is among them;`);
  console.log(`absent: ${absent.length} questions about left-out titles, over the ${kept.length} articles holding none of their paragraphs`);
  const answeredAbsent = async (ask: (articles: readonly Article[], questions: readonly SquadQuestion[]) => Promise<Asked[]>) => figuresOf(await ask(kept, absent)).answered;
  console.log(row('newsdesk', figuresOf(await askNewsdesk(articles, questions)), await answeredAbsent(askNewsdesk)));
  if (withLucene) {
    const lucene = await inScratchDirectory(async (work) => ({
      present: await askLucene(articles, questions, work),
      absent: figuresOf(await askLucene(kept, absent, work)).answered,
    }));
    console.log(row('lucene', figuresOf(lucene.present), lucene.absent));
  }
}

/** Runs `task` with a fresh scratch directory for the Lucene peer's files, removed afterwards. */
async function inScratchDirectory<T>(task: (work: string) => Promise<T>): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), 'quality-lucene-'));
  try {
    return await task(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function row(name: string, f: Figures, absent?: number): string {
  const cells = [f.top1, f.top3, f.answered, f.rightWhenAnswered].map((x) => `${x.toFixed(1)}%`.padStart(10));
  const latency = `${f.p50.toFixed(2)} / ${f.p99.toFixed(2)} ms`.padStart(18);
  return `${name.padEnd(10)}${cells.join('')}${latency}${absent === undefined ? '' : `${absent.toFixed(1)}%`.padStart(10)}`;
}

function printMisses(asked: readonly Asked[], count: number): void {
  for (const a of asked.filter((x) => !holdsAnswer(x.first, x.question.answers)).slice(0, count)) {
    console.log(`- ${a.question.question}  [gold: ${a.question.answers[0]}]\n    ${a.answered ? a.first : '(unanswered)'}`);
  }
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const split = (option('--split') ?? 'report') as SquadSplit;
  const withLucene = !process.argv.includes('--no-lucene');
  const squad = await readSquad();
  const sample = sampleOf(squad, split);
  const leftOut = heldOutTitles(squad, split);
  const keptArticles = squad.articles.filter((a) => !leftOut.has(a.file.replace(/\.json$/, '')));
  const absent = sample.filter((q) => leftOut.has(q.title));
  const present = sample.filter((q) => !leftOut.has(q.title));
  console.log(`SQuAD v1.1 dev, split "${split}": ${sample.length} questions over ${squad.articles.length} paragraphs;`);
  console.log(`titles left out: ${leftOut.size} of ${new Set(squad.questions.map((q) => q.title)).size} (${keptArticles.length} paragraphs kept; ${absent.length} questions absent, ${present.length} present)\n`);

  const full = await askNewsdesk(squad.articles, sample);
  const withoutTitles = await askNewsdesk(keptArticles, sample);
  const absentAnswered = (asked: readonly Asked[]) => figuresOf(asked.filter((a) => leftOut.has(a.question.title))).answered;
  const presentOnly = (asked: readonly Asked[]) => figuresOf(asked.filter((a) => !leftOut.has(a.question.title)));

  console.log(`${''.padEnd(10)}${['top-1', 'top-3', 'answered', 'right/ans'].map((h) => h.padStart(10)).join('')}${'p50 / p99'.padStart(18)}${'absent ans'.padStart(12)}`);
  console.log('full corpus');
  console.log(row('newsdesk', figuresOf(full)));
  let lucene: { full: Asked[]; withoutTitles: Asked[] } | null = null;
  if (withLucene) {
    lucene = await inScratchDirectory(async (work) => ({ full: await askLucene(squad.articles, sample, work), withoutTitles: await askLucene(keptArticles, sample, work) }));
    console.log(row('lucene', figuresOf(lucene.full)));
  }
  console.log('titles left out (figures over the questions whose article is present; last column over the absent ones)');
  console.log(row('newsdesk', presentOnly(withoutTitles), absentAnswered(withoutTitles)));
  if (lucene) console.log(row('lucene', presentOnly(lucene.withoutTitles), absentAnswered(lucene.withoutTitles)));
  if (process.argv.includes('--long')) await reportLong(squad, sample, leftOut, withLucene);
  if (withLucene) console.log(`\nlucene: ${LUCENE_CONFIGURATION}`);
  const misses = Number(option('--misses') ?? 0);
  if (misses > 0) {
    console.log(`\nfirst ${misses} misses (full corpus):`);
    printMisses(full, misses);
    console.log(`\nabsent questions answered:`);
    for (const a of withoutTitles.filter((x) => x.answered && leftOut.has(x.question.title)).slice(0, misses)) console.log(`- ${a.question.question}\n    ${a.first}`);
  }
}

await main();
