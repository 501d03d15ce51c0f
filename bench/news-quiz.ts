/**
 * News quiz bench: newsdesk beside the Lucene 8 peer on quiz questions about real news stories,
 * the questions a news reader asks rather than SQuAD's.
 *
 * The corpus is every Reuters-21578 story with a body (1987 wire copy) and the Brown corpus's
 * press texts (1961 newspapers), written as JSON Lines and loaded as a user's corpus is. The
 * questions (`bench/news-quiz/*.jsonl`) were written by people who read one story each and had not
 * seen newsdesk's code or answers, in their own words, with the answer strings copied from the story.
 * `dev` is for looking at misses; `held` is only ever run for its figures, so that a change tuned
 * on `dev` is judged on questions it was not shaped by.
 *
 * `pages-dev` and `pages-held` ask about the real web pages of `../shared/data/readability-pages`
 * (menus, share buttons, captions and all), written the same way from each page's clean article;
 * their pages are added to the corpus as the `.html` files a scraper saves, so extraction is
 * measured too. The pages are dealt to the two sets alternately, by name.
 *
 * - present: every question asked of the whole corpus: top-1, top-3, answered, right when answered;
 * - absent: the same questions asked of the corpus without their stories (nor any story of the same
 *   title): how often a question about a story that is not there gets an answer. A fact can be
 *   repeated by another story, so the answered ones holding a gold answer are counted apart.
 *
 * With `--lowercase`, every question is asked typed all in lowercase (see `asTyped`).
 *
 * Run: npm run bench:quiz -- [--set dev|held|pages-dev|pages-held] [--lowercase] [--no-lucene] [--misses N]
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../src/corpus/article.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { askLucene, askNewsdesk, asTyped, type Asked, FIGURES_HEADER, figuresOf, inScratchDirectory, LUCENE_CONFIGURATION, row, TYPED_IN_LOWERCASE } from './asked.ts';
import { readReutersRecords } from './reuters-corpus.ts';
import { holdsAnswer } from './squad.ts';

const BROWN = new URL('../../shared/data/brown-press/brown-press.jsonl', import.meta.url);
const PAGES = new URL('../../shared/data/readability-pages/', import.meta.url);

const QuizQuestionSchema = z.object({
  /** The story the question was written from. */
  article: z.string().min(1),
  question: z.string().min(1),
  answers: z.array(z.string().min(1)).min(1),
  type: z.string(),
});
type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

/** A story as the corpus's JSON Lines record. */
interface StoryRecord {
  id: string;
  title: string | null;
  outlet: string;
  date: string | null;
  body: string;
}

async function readQuestions(set: string): Promise<QuizQuestion[]> {
  const file = set.startsWith('pages-') ? 'pages' : set;
  const text = await readFile(new URL(`./news-quiz/${file}.jsonl`, import.meta.url), 'utf8');
  const questions = text.split('\n').filter(Boolean).map((line) => QuizQuestionSchema.parse(JSON.parse(line)));
  if (file !== 'pages') return questions;
  const pages = [...new Set(questions.map((q) => q.article))].sort();
  const inSet = new Set(pages.filter((_, n) => n % 2 === (set === 'pages-dev' ? 0 : 1)));
  return questions.filter((q) => inSet.has(q.article));
}

/** The web pages the questions ask about, by name (a page's folder in `../shared`). */
function pagesAsked(questions: readonly QuizQuestion[]): string[] {
  return [...new Set(questions.flatMap((q) => (/^(?:reuters|brown)-/u.test(q.article) ? [] : [q.article])))];
}

async function readStories(): Promise<StoryRecord[]> {
  const reuters = (await readReutersRecords()).flatMap(({ id, date, title, body }) =>
    body?.trim() ? [{ id, title: title ?? null, outlet: 'Reuters', date: date ?? null, body }] : [],
  );
  const brown = (await readFile(BROWN, 'utf8')).split('\n').filter(Boolean).map((line) => {
    const text = JSON.parse(line) as { id: string; source: string; paragraphs: string[] };
    return { id: text.id, title: null, outlet: text.source, date: null, body: text.paragraphs.join('\n\n') };
  });
  return [...reuters, ...brown];
}

/** Writes `stories` as one JSON Lines corpus beside the saved `pages`, and loads it as the bot would. */
async function loaded(stories: readonly StoryRecord[], pages: readonly string[]): Promise<Article[]> {
  const dir = await mkdtemp(join(tmpdir(), 'news-quiz-'));
  try {
    await writeFile(join(dir, 'stories.jsonl'), stories.map((s) => JSON.stringify(s)).join('\n') + '\n');
    for (const page of pages) await copyFile(new URL(`${page}/source.html`, PAGES), join(dir, `${page}.html`));
    return (await loadCorpus(dir)).articles;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The stories left when the questions' own stories, and any story titled as one of them, are taken out. */
function withoutAsked(stories: readonly StoryRecord[], questions: readonly QuizQuestion[]): StoryRecord[] {
  const asked = new Set(questions.map((q) => q.article));
  const titles = new Set(stories.filter((s) => asked.has(s.id) && s.title).map((s) => s.title!.toLowerCase()));
  return stories.filter((s) => !asked.has(s.id) && !(s.title && titles.has(s.title.toLowerCase())));
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The absent-answered rate, and apart from it the share answered with a gold answer another story repeats. */
function absentLine(asked: readonly Asked<QuizQuestion>[]): string {
  const answered = asked.filter((a) => a.answered);
  const repeated = answered.filter((a) => holdsAnswer(a.first, a.question.answers)).length;
  return `${figuresOf(asked).answered.toFixed(1)}% (${answered.length} of ${asked.length}; ${repeated} of them quote a gold answer another story repeats)`;
}

async function main(): Promise<void> {
  const set = option('--set') ?? 'dev';
  const withLucene = !process.argv.includes('--no-lucene');
  const questions = asTyped(await readQuestions(set));
  const stories = await readStories();
  const kept = withoutAsked(stories, questions);
  const pages = pagesAsked(questions);
  const [all, rest] = [await loaded(stories, pages), await loaded(kept, [])];
  console.log(`news quiz "${set}"${TYPED_IN_LOWERCASE ? ', typed in lowercase' : ''}: ${questions.length} questions; ${all.length} stories (${rest.length} without the asked ones)\n`);
  console.log(FIGURES_HEADER);
  const present = await askNewsdesk(all, questions);
  const absent = await askNewsdesk(rest, questions);
  console.log(row('newsdesk', figuresOf(present), figuresOf(absent).answered));
  if (withLucene) {
    const lucene = await inScratchDirectory(async (work) => ({ present: await askLucene(all, questions, work), absent: await askLucene(rest, questions, work) }));
    console.log(row('lucene', figuresOf(lucene.present), figuresOf(lucene.absent).answered));
    console.log(`\nlucene: ${LUCENE_CONFIGURATION}`);
  }
  console.log(`\nnewsdesk absent answered: ${absentLine(absent)}`);
  const misses = Number(option('--misses') ?? 0);
  if (misses > 0 && !set.endsWith('held')) {
    console.log(`\nfirst ${misses} misses:`);
    for (const a of present.filter((x) => !holdsAnswer(x.first, x.question.answers)).slice(0, misses)) {
      console.log(`- ${a.question.question}  [${a.question.article}; gold: ${a.question.answers.join(' | ')}]\n    ${a.answered ? a.first : '(unanswered)'}`);
    }
    console.log(`\nabsent answered:`);
    for (const a of absent.filter((x) => x.answered).slice(0, misses)) console.log(`- ${a.question.question}\n    ${a.first}`);
  }
}

await main();
