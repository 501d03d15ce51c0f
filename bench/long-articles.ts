/**
 * Real-length news articles (800–2,000 words) for scale benches, made from the real text in
 * `../shared/data`: consecutive Reuters-21578 stories of one topic joined, as a day's coverage of a
 * story runs on; runs of Brown press paragraphs; runs of SQuAD paragraphs of one Wikipedia article.
 * The same seed gives the same articles, so 10,000 and 100,000 runs can be repeated and compared.
 *
 * The three sources hold ~3 million words, so a 100,000-article corpus (~140 million words) reuses
 * each paragraph many times: every article shifts its digits by its own amount, and each article is
 * its own copy of its text (parsed from its JSON record, as the loader would), never a shared string.
 *
 * Run alone to write a corpus: `npx tsx bench/long-articles.ts COUNT OUT.jsonl [SEED]`.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Article } from '../src/corpus/article.ts';
import { readReutersRecords, reutersDay, reutersParagraphs } from './reuters-corpus.ts';

const BROWN = new URL('../../shared/data/brown-press/brown-press.jsonl', import.meta.url);
const SQUAD = new URL('../../shared/data/squad-v1.1/dev-v1.1.json', import.meta.url);
const MIN_WORDS = 800;
const MAX_WORDS = 2000;
/** Share of articles drawn from Reuters; Brown press and SQuAD split the rest. */
const REUTERS_SHARE = 0.6;

/** A run of source text an article can start in and continue along. */
interface Story {
  title: string;
  outlet: string;
  published: string | null;
  paragraphs: string[];
}

/** The stories of one source, in the order an article continues through them. */
interface Source {
  stories: Story[];
}

/** Real questions about the sources (the SQuAD dev set), for benches that ask what readers ask. */
export interface SourceQuestions {
  squad: string[];
}

/** mulberry32: a small seeded generator, so a corpus is the same on every machine and run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function reutersSource(): Promise<Source> {
  const stories = (await readReutersRecords()).flatMap((record) => {
    const paragraphs = record.body ? reutersParagraphs(record.body) : [];
    if (paragraphs.length === 0 || !record.title) return [];
    const topic = record.topics?.[0] ?? '';
    return [{ topic, story: { title: record.title, outlet: 'Reuters', published: reutersDay(record.date), paragraphs } }];
  });
  // Same-topic stories side by side (stable, so file order stays within a topic).
  stories.sort((a, b) => a.topic.localeCompare(b.topic));
  return { stories: stories.map((s) => s.story) };
}

async function brownSource(): Promise<Source> {
  const lines = (await readFile(BROWN, 'utf8')).split('\n').filter(Boolean);
  return {
    stories: lines.map((line) => {
      const text = JSON.parse(line) as { id: string; source: string; paragraphs: string[] };
      return { title: `${text.source} (${text.id})`, outlet: text.source, published: '1961-01-01', paragraphs: text.paragraphs };
    }),
  };
}

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

async function readSquad(): Promise<SquadFile> {
  return JSON.parse(await readFile(SQUAD, 'utf8')) as SquadFile;
}

function squadSource(squad: SquadFile): Source {
  return {
    stories: squad.data.map((article) => ({
      title: article.title.replace(/_/g, ' '),
      outlet: 'Wikipedia',
      published: null,
      paragraphs: article.paragraphs.map((p) => p.context.replace(/\s+/g, ' ').trim()),
    })),
  };
}

function wordCount(text: string): number {
  let words = 0;
  for (const piece of text.split(' ')) if (piece !== '') words += 1;
  return words;
}

/** Paragraphs from a random place in the source onwards, until the article reaches `target` words. */
function runOfParagraphs(source: Source, target: number, random: () => number): { first: Story; paragraphs: string[] } {
  let s = Math.floor(random() * source.stories.length);
  const first = source.stories[s] as Story;
  let p = first.paragraphs.length > 8 ? Math.floor(random() * (first.paragraphs.length - 4)) : 0;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const story = source.stories[s] as Story;
    const paragraph = story.paragraphs[p];
    if (paragraph === undefined) {
      s = (s + 1) % source.stories.length;
      p = 0;
      continue;
    }
    paragraphs.push(paragraph);
    words += wordCount(paragraph);
    p += 1;
  }
  return { first, paragraphs };
}

/** The generator's sources, read once: pass to `longArticles` as often as needed. */
export interface LongArticleSources {
  reuters: Source;
  brown: Source;
  squad: Source;
  questions: SourceQuestions;
}

/** Reads Reuters-21578, Brown press and SQuAD from `../shared/data`. */
export async function readLongArticleSources(): Promise<LongArticleSources> {
  const squad = await readSquad();
  return {
    reuters: await reutersSource(),
    brown: await brownSource(),
    squad: squadSource(squad),
    questions: { squad: squad.data.flatMap((a) => a.paragraphs.flatMap((p) => p.qas.map((qa) => qa.question))) },
  };
}

/**
 * The JSON Lines record of an article (the loader's and the Lucene peer's shape). Unknown fields
 * are left out rather than written as null, which the loader's record schema refuses.
 */
export function articleRecord(article: Article): string {
  return JSON.stringify({
    id: article.id,
    title: article.title ?? undefined,
    outlet: article.outlet ?? undefined,
    published: article.published ?? undefined,
    body: article.paragraphs,
  });
}

/**
 * `count` real-length articles, the same for the same seed. Each is built from its own JSON
 * record, so its strings belong to it alone, as when the loader parses a file.
 */
export function* longArticles(sources: LongArticleSources, count: number, seed = 1): Generator<Article> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i += 1) {
    const pick = random();
    const source = pick < REUTERS_SHARE ? sources.reuters : pick < (1 + REUTERS_SHARE) / 2 ? sources.brown : sources.squad;
    const target = MIN_WORDS + Math.floor(random() * (MAX_WORDS - MIN_WORDS));
    const shift = Math.floor(random() * 10);
    const { first, paragraphs } = runOfParagraphs(source, target, random);
    const shifted = (text: string) => (shift === 0 ? text : text.replace(/\d/g, (d) => String((Number(d) + shift) % 10)));
    const record = JSON.parse(
      JSON.stringify({ id: `long-${i}`, title: first.title, outlet: first.outlet, published: first.published, paragraphs: paragraphs.map(shifted) }),
    ) as Pick<Article, 'id' | 'title' | 'outlet' | 'published' | 'paragraphs'>;
    yield {
      ...record,
      file: `long-${Math.floor(i / 1000)}.jsonl`,
      author: null,
      url: null,
      language: 'en',
      hash: createHash('sha256').update(record.paragraphs.join('\n')).digest('hex'),
    };
  }
}

/** Bytes of article text (title and paragraphs, UTF-8): the size every figure is reported beside. */
export function textBytes(article: Article): number {
  let bytes = Buffer.byteLength(article.title ?? '');
  for (const paragraph of article.paragraphs) bytes += Buffer.byteLength(paragraph);
  return bytes;
}

/** Writes articles as one JSON Lines file; returns the bytes of their text. */
export async function writeArticleRecords(articles: Iterable<Article>, out: string): Promise<number> {
  const stream = createWriteStream(out);
  let bytes = 0;
  for (const article of articles) {
    bytes += textBytes(article);
    if (!stream.write(`${articleRecord(article)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, out, seed] = process.argv.slice(2);
  if (!count || !out) {
    console.error('usage: npx tsx bench/long-articles.ts COUNT OUT.jsonl [SEED]');
    process.exit(1);
  }
  const bytes = await writeArticleRecords(longArticles(await readLongArticleSources(), Number(count), Number(seed ?? 1)), out);
  console.log(`${count} articles, ${(bytes / 1e6).toFixed(1)} MB of text, written to ${out}`);
}
