/**
 * SQuAD v1.1 dev as a measure of answers: every paragraph is an article (titled by its Wikipedia
 * article), every question has gold answer strings, and a quoted sentence is right when it holds
 * one of them. Two disjoint question samples and two different held-out title folds exist, so
 * what is tuned on one (`tune`) is reported on the other (`report`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Article } from '../src/corpus/article.ts';
import { longArticles, readLongArticleSources } from './long-articles.ts';

const SQUAD = new URL('../../shared/data/squad-v1.1/dev-v1.1.json', import.meta.url);
/** Questions in each sample. */
export const SAMPLE_SIZE = 2_000;
/** Titles are dealt into this many folds; a split leaves one fold's titles out of the corpus. */
const TITLE_FOLDS = 4;
/** The fold whose titles the report split leaves out; nothing tuned may leave them out. */
const REPORT_FOLD = 0;
/** The fold whose titles the tune split's quality bench leaves out. */
const TUNE_FOLD = 1;

/** One SQuAD question, its gold answers and the Wikipedia article its paragraph comes from. */
export interface SquadQuestion {
  question: string;
  answers: string[];
  title: string;
  articleId: string;
}

/** The articles and questions of SQuAD dev. */
export interface Squad {
  articles: Article[];
  questions: SquadQuestion[];
}

/** Which questions and which held-out titles a run uses. */
export type SquadSplit = 'tune' | 'report';

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[];
}

/** SQuAD dev, one article per paragraph. */
export async function readSquad(): Promise<Squad> {
  const file = JSON.parse(await readFile(SQUAD, 'utf8')) as SquadFile;
  const articles: Article[] = [];
  const questions: SquadQuestion[] = [];
  for (const { title, paragraphs } of file.data) {
    paragraphs.forEach(({ context, qas }, p) => {
      const id = `${title}#${p}`;
      articles.push({
        id,
        file: `${title}.json`,
        title: title.replace(/_/g, ' '),
        outlet: 'Wikipedia',
        author: null,
        published: null,
        url: null,
        language: 'en',
        paragraphs: [context],
        hash: createHash('sha256').update(id).digest('hex'),
      });
      for (const qa of qas) questions.push({ question: qa.question.trim(), answers: qa.answers.map((a) => a.text), title, articleId: id });
    });
  }
  return { articles, questions };
}

/** A stable pseudo-random order: the same every run, unrelated to the data's own order. */
function shuffled<T>(items: readonly T[], key: (item: T) => string, salt: string): T[] {
  const rank = (item: T) => createHash('sha1').update(salt + key(item)).digest('hex');
  return items.map((item) => ({ item, rank: rank(item) })).sort((a, b) => a.rank.localeCompare(b.rank)).map((x) => x.item);
}

/** The fixed 2,000-question sample of a split; the two splits share no question. */
export function sampleOf(squad: Squad, split: SquadSplit): SquadQuestion[] {
  const order = shuffled(squad.questions, (q) => q.articleId + q.question, 'squad-sample');
  return split === 'report' ? order.slice(0, SAMPLE_SIZE) : order.slice(SAMPLE_SIZE, 2 * SAMPLE_SIZE);
}

/** The Wikipedia titles whose paragraphs a split leaves out of the corpus (a different quarter per split). */
export function heldOutTitles(squad: Squad, split: SquadSplit): Set<string> {
  return foldTitles(squad, split === 'report' ? REPORT_FOLD : TUNE_FOLD);
}

/**
 * The titles of every fold but the report split's, one set per fold: what tuning may leave out of
 * the corpus in turn, so that absent questions come from three quarters of the topics.
 */
export function tunableHeldOutTitles(squad: Squad): Set<string>[] {
  return Array.from({ length: TITLE_FOLDS }, (_, fold) => fold)
    .filter((fold) => fold !== REPORT_FOLD)
    .map((fold) => foldTitles(squad, fold));
}

/** The Wikipedia titles dealt into one fold of `TITLE_FOLDS`. */
function foldTitles(squad: Squad, fold: number): Set<string> {
  const titles = shuffled([...new Set(squad.questions.map((q) => q.title))], (t) => t, 'squad-titles');
  return new Set(titles.filter((_, i) => i % TITLE_FOLDS === fold));
}

/** Each title dealt into one of `folds` folds, the same every run: questions held back by title for checking a fitted model. */
export function titleFolds(titles: Iterable<string>, folds: number): Map<string, number> {
  return new Map(shuffled([...new Set(titles)], (t) => t, 'squad-check-folds').map((t, i) => [t, i % folds]));
}

/** Articles in the real-length set: 2.8 million words. */
const REAL_LENGTH_ARTICLES = 2_000;

/** SQuAD questions asked of real-length articles, present and absent (see `realLengthSet`). */
export interface RealLengthSet {
  articles: Article[];
  /** The sample's first questions whose paragraph stands verbatim (digits unshifted) in one of `articles`. */
  questions: SquadQuestion[];
  /** `articles` without any that holds a paragraph of a left-out title. */
  kept: Article[];
  /** The sample's first questions about left-out titles: asked of `kept`, they should not be answered. */
  absent: SquadQuestion[];
}

/**
 * SQuAD questions over real-length articles (`long-articles.ts`): the answer is one sentence of a
 * long article among thousands, as in a news archive, and a question about a left-out title meets
 * long articles sharing many of its words, which short paragraphs never show an abstention model.
 */
export async function realLengthSet(squad: Squad, sample: readonly SquadQuestion[], leftOut: ReadonlySet<string>, limit: number): Promise<RealLengthSet> {
  const articles = [...longArticles(await readLongArticleSources(), REAL_LENGTH_ARTICLES)];
  const held = new Set(articles.flatMap((a) => a.paragraphs));
  const contexts = new Map(squad.articles.map((a) => [a.id, (a.paragraphs[0] ?? '').replace(/\s+/g, ' ').trim()]));
  const questions = sample.filter((q) => held.has(contexts.get(q.articleId) ?? '')).slice(0, limit);
  // Articles shift their digits (see long-articles.ts): a left-out paragraph is known with its digits masked.
  const masked = (text: string) => text.replace(/\d/g, '0');
  const leftOutParagraphs = new Set(squad.articles.filter((a) => leftOut.has(a.file.replace(/\.json$/, ''))).map((a) => masked(contexts.get(a.id) ?? '')));
  const kept = articles.filter((a) => !a.paragraphs.some((p) => leftOutParagraphs.has(masked(p))));
  const absent = sample.filter((q) => leftOut.has(q.title)).slice(0, limit);
  return { articles, questions, kept, absent };
}

/** Case and space insensitive: the gold string as a reader would spot it in the quote. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a quoted text holds one of the gold answers. */
export function holdsAnswer(text: string | null | undefined, answers: readonly string[]): boolean {
  if (!text) return false;
  const quoted = normalised(text);
  return answers.some((answer) => quoted.includes(normalised(answer)));
}

/** The value at a quantile of unsorted figures. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
