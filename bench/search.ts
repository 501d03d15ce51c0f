/**
 * Search bench: build time, heap, answer latency and reload cost of the newsdesk Library at
 * 1,000 / 10,000 / 100,000 articles, beside a plain MiniSearch article index (answer = the top
 * article's first sentence) and FlexSearch on the same articles and questions.
 *
 * Articles: Reuters-21578 bodies, repeated with fresh ids and shifted digits to reach the size.
 * Questions: 500 titles turned into questions ("What about <title>?"); autocomplete: the first
 * three words of 500 titles, the last one half typed.
 * Reload: the corpus is written as JSON Lines files of 1,000 records, opened with the real loader,
 * then one record in each of 10 files is changed and `reload()` is timed, with the longest
 * event-loop stall seen by a 10 ms interval probe.
 *
 * Run: npm run bench:search -- [--sizes 1000,10000]   (tsx --expose-gc, for clean heap figures)
 *      npm run bench:search -- --long [--sizes 10000,100000]   real-length articles (see long-search.ts)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';
import { canCollect, latencies, longestStall, measureBuild } from './measurement.ts';
import { runLongBench } from './long-search.ts';
import { readReutersRecords, reutersDay, reutersParagraphs } from './reuters-corpus.ts';

const QUESTIONS = 500;
const RECORDS_PER_FILE = 1000;
const CHANGED_FILES = 10;

interface Figures {
  buildMs: number;
  heapMb: number;
  p50: number;
  p99: number;
  answered?: number;
  suggestP99?: number;
}

function sizesFromArgs(defaults = '1000,10000,100000'): number[] {
  const at = process.argv.indexOf('--sizes');
  const raw = at >= 0 ? process.argv[at + 1] : undefined;
  return (raw ?? defaults).split(',').map(Number).filter((n) => n > 0);
}

async function reutersArticles(): Promise<Article[]> {
  return (await readReutersRecords()).flatMap((record, i) => {
    const paragraphs = record.body ? reutersParagraphs(record.body) : [];
    if (paragraphs.length === 0 || !record.title) return [];
    return [{
      id: record.id,
      file: `reuters-${Math.floor(i / RECORDS_PER_FILE)}.jsonl`,
      title: record.title,
      outlet: 'Reuters',
      author: null,
      published: reutersDay(record.date),
      url: null,
      language: 'en',
      paragraphs,
      hash: String(i).padStart(64, '0'),
    }];
  });
}

/** `size` articles: the originals, then copies with new ids and every digit shifted by the copy number. */
function corpusOf(originals: readonly Article[], size: number): Article[] {
  return Array.from({ length: size }, (_, i) => {
    const original = originals[i % originals.length] as Article;
    const copy = Math.floor(i / originals.length);
    if (copy === 0) return original;
    const shift = (text: string) => text.replace(/\d/g, (d) => String((Number(d) + copy) % 10));
    return {
      ...original,
      id: `${original.id}~${copy}`,
      title: `${original.title} (${copy})`,
      paragraphs: original.paragraphs.map(shift),
      hash: `${copy}`.padStart(8, '0') + original.hash.slice(8),
    };
  });
}

function questionsFor(articles: readonly Article[]): string[] {
  const step = Math.max(1, Math.floor(articles.length / QUESTIONS));
  return Array.from({ length: QUESTIONS }, (_, i) => {
    const title = articles[(i * step) % articles.length]?.title ?? '';
    return `What about ${title.toLowerCase()}?`;
  });
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const firstSentence = (article: Article | undefined) =>
  article ? ([...segmenter.segment(article.paragraphs[0] ?? '')][0]?.segment ?? '') : '';

async function benchLibrary(articles: Article[], questions: string[]): Promise<Figures> {
  const { engine: library, buildMs, heapMb: heap } = await measureBuild(() => Library.fromArticles(articles));
  const typed = articles.slice(0, QUESTIONS).map((a) => (a.title ?? '').toLowerCase().split(' ').slice(0, 3).join(' ').slice(0, -2));
  const suggestP99 = latencies(typed, (t) => library.suggestTitles(t).length > 0).p99;
  return { buildMs, heapMb: heap, suggestP99, ...latencies(questions, (q) => library.answer(q).answered) };
}

async function benchMiniSearch(articles: Article[], questions: string[]): Promise<Figures> {
  const { engine, buildMs, heapMb: heap } = await measureBuild(async () => {
    const index = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
    const byId = new Map(articles.map((a) => [a.id, a]));
    await index.addAllAsync(
      articles.map((a) => ({ id: a.id, title: a.title ?? '', body: a.paragraphs.join('\n') })),
      { chunkSize: 1000 },
    );
    return { index, byId };
  });
  const { index, byId } = engine;
  return {
    buildMs,
    heapMb: heap,
    ...latencies(questions, (q) => {
      const [top] = index.search(q, { boost: { title: 2 }, fuzzy: 0.2, prefix: true });
      return firstSentence(byId.get(top?.id as string)).length > 0;
    }),
  };
}

async function benchFlexSearch(articles: Article[], questions: string[]): Promise<Figures> {
  const { engine: index, buildMs, heapMb: heap } = await measureBuild(async () => {
    const index = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'body'] }, tokenize: 'forward' });
    for (const [i, a] of articles.entries()) {
      index.add({ id: i, title: a.title ?? '', body: a.paragraphs.join('\n') });
      if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    }
    return index;
  });
  return {
    buildMs,
    heapMb: heap,
    ...latencies(questions, (q) => {
      const results = index.search(q, { limit: 1, suggest: true }) as { result: number[] }[];
      const top = results[0]?.result[0];
      return firstSentence(top === undefined ? undefined : articles[top]).length > 0;
    }),
  };
}

function record(article: Article, marker = ''): string {
  return JSON.stringify({
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    date: article.published,
    body: article.paragraphs.map((p, i) => (i === 0 ? `${p}${marker}` : p)),
  });
}

async function benchReload(articles: Article[]): Promise<{ openMs: number; reloadMs: number; stallMs: number; changed: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const files: Article[][] = [];
    for (let i = 0; i < articles.length; i += RECORDS_PER_FILE) files.push(articles.slice(i, i + RECORDS_PER_FILE));
    const write = (n: number, marker: string) =>
      writeFile(join(dir, `part-${String(n).padStart(4, '0')}.jsonl`), (files[n] ?? []).map((a, i) => record(a, i === 0 ? marker : '')).join('\n'));
    await Promise.all(files.map((_, n) => write(n, '')));
    const opened = performance.now();
    const library = await Library.open(dir);
    const openMs = performance.now() - opened;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const changedFiles = Math.min(CHANGED_FILES, files.length);
    for (let n = 0; n < changedFiles; n += 1) await write(n, ' Revised.');
    const started = performance.now();
    const { result, stallMs } = await longestStall(() => library.reload());
    return { openMs, reloadMs: performance.now() - started, stallMs, changed: result.updated.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function line(name: string, figures: Figures): string {
  const answered = figures.answered === undefined ? '' : `  answered ${figures.answered}/${QUESTIONS}`;
  const suggest = figures.suggestP99 === undefined ? '' : `  title autocomplete p99 ${figures.suggestP99.toFixed(2)} ms`;
  return `  ${name.padEnd(12)} build ${(figures.buildMs / 1000).toFixed(1).padStart(6)} s  heap ${figures.heapMb.toFixed(0).padStart(5)} MB  answer p50 ${figures.p50.toFixed(2).padStart(6)} ms  p99 ${figures.p99.toFixed(2).padStart(6)} ms${answered}${suggest}`;
}

async function main(): Promise<void> {
  if (!canCollect) console.warn('Run with node --expose-gc for clean heap figures.');
  if (process.argv.includes('--long')) {
    await runLongBench(sizesFromArgs('10000'), process.argv.includes('--peers'));
    return;
  }
  const originals = await reutersArticles();
  console.log(`Reuters articles with a body: ${originals.length}`);
  for (const size of sizesFromArgs()) {
    const articles = corpusOf(originals, size);
    const questions = questionsFor(articles);
    console.log(`\n${size.toLocaleString('en')} articles`);
    console.log(line('newsdesk', await benchLibrary(articles, questions)));
    console.log(line('minisearch', await benchMiniSearch(articles, questions)));
    console.log(line('flexsearch', await benchFlexSearch(articles, questions)));
    const reload = await benchReload(articles);
    console.log(
      `  reload       open from ${Math.ceil(size / RECORDS_PER_FILE)} JSONL files ${(reload.openMs / 1000).toFixed(1)} s; ` +
        `${CHANGED_FILES} files changed (${reload.changed} articles updated): ${reload.reloadMs.toFixed(0)} ms, ` +
        `longest event-loop stall ${reload.stallMs.toFixed(0)} ms`,
    );
  }
}

await main();
