/**
 * Questions with gold answers asked of newsdesk and of the Lucene 8 peer over the same articles,
 * and the figures the quality benches print for them: top-1, top-3, answered, right when answered,
 * answer time.
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
import { holdsAnswer, quantile } from './squad.ts';

const LUCENE = fileURLToPath(new URL('../../shared/peers/lucene/run.sh', import.meta.url));
/** How the Lucene peer is configured, printed beside its figures. */
export const LUCENE_CONFIGURATION =
  'Lucene 8.7 BM25 (k1 1.2, b 0.75), EnglishAnalyzer, title^2 + body, UnifiedHighlighter best sentence of the top document';

/** A question and the strings a right quote holds (any one of them). */
export interface GoldQuestion {
  question: string;
  answers: string[];
}

/** Whether the questions are asked typed in lowercase (see `asTyped`). */
export const TYPED_IN_LOWERCASE = process.argv.includes('--lowercase');

/**
 * The questions as the command line asks them: with `--lowercase`, typed all in lowercase, as chat
 * users often type ("who did witkoff meet in istanbul"), whose answers should stay those of the
 * questions as written.
 */
export function asTyped<Q extends GoldQuestion>(questions: Q[]): Q[] {
  return TYPED_IN_LOWERCASE ? questions.map((q) => ({ ...q, question: q.question.toLowerCase() })) : questions;
}

/** What one engine quoted for one question. */
export interface Asked<Q extends GoldQuestion = GoldQuestion> {
  question: Q;
  answered: boolean;
  first: string | null;
  quoted: string[];
  ms: number;
}

/** The figures of a set of asked questions, in percent and milliseconds. */
export interface Figures {
  top1: number;
  top3: number;
  answered: number;
  rightWhenAnswered: number;
  p50: number;
  p99: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** Top-1 counts an unanswered question as a miss; right-when-answered only counts answered ones. */
export function figuresOf(asked: readonly Asked[]): Figures {
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

/** Indexes `articles` and asks each question, after 50 warm-up questions. */
export async function askNewsdesk<Q extends GoldQuestion>(articles: readonly Article[], questions: readonly Q[]): Promise<Asked<Q>[]> {
  const library = await Library.fromArticles(articles);
  for (const q of questions.slice(0, 50)) library.answer(q.question);
  return questions.map((question) => {
    const answer: Answer = library.answer(question.question);
    const quoted = answer.sentences.map((s) => s.text);
    return { question, answered: answer.answered, first: quoted[0] ?? null, quoted, ms: answer.tookMs };
  });
}

const run = promisify(execFile);

/** Runs the Lucene peer over `articles` in `work`; it always quotes the best sentence of its top document. */
export async function askLucene<Q extends GoldQuestion>(articles: readonly Article[], questions: readonly Q[], work: string): Promise<Asked<Q>[]> {
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

/** Runs `task` with a fresh scratch directory for the Lucene peer's files, removed afterwards. */
export async function inScratchDirectory<T>(task: (work: string) => Promise<T>): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), 'quality-lucene-'));
  try {
    return await task(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The header over `row`'s columns. */
export const FIGURES_HEADER = `${''.padEnd(10)}${['top-1', 'top-3', 'answered', 'right/ans'].map((h) => h.padStart(10)).join('')}${'p50 / p99'.padStart(18)}${'absent ans'.padStart(12)}`;

/** One printed line of figures, with the absent-answered rate when there is one. */
export function row(name: string, f: Figures, absent?: number): string {
  const cells = [f.top1, f.top3, f.answered, f.rightWhenAnswered].map((x) => `${x.toFixed(1)}%`.padStart(10));
  const latency = `${f.p50.toFixed(2)} / ${f.p99.toFixed(2)} ms`.padStart(18);
  return `${name.padEnd(10)}${cells.join('')}${latency}${absent === undefined ? '' : `${absent.toFixed(1)}%`.padStart(10)}`;
}
