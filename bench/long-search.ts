/**
 * The search bench's `--long` mode: real-length articles (800–2,000 words, `long-articles.ts`),
 * newsdesk beside plain MiniSearch's best-document query and the Lucene peer on the same corpus and
 * questions, every figure beside the bytes of text it was measured on.
 *
 * Questions: half SQuAD dev questions (real questions, most about text the corpus holds), half
 * made from a sentence of an article ("What about <its four longest words>?").
 * newsdesk is measured as a process runs it, opened from JSON Lines files; its heap is everything
 * the process holds for the corpus (articles, index, the loader's cache of parsed files). It is
 * also asked the same questions typed in lowercase, as chat users often type them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import type { Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { articleRecord, longArticles, readLongArticleSources, writeArticleRecords, type LongArticleSources } from './long-articles.ts';
import { heapMb, latencies, longestStall, percentile } from './measurement.ts';

const QUESTIONS = 500;
/** 100 real-length records make a ~0.9 MB file, about what one day of one outlet's export holds. */
const RECORDS_PER_FILE = 100;
const CHANGED_FILES = 10;
/** The corpus files' mtime, in whole seconds, so a file put back after the reload has exactly its old stamp. */
const WRITTEN_AT = 1_750_000_000;
/** Above this size the peers run only with --peers: the comparison that matters is at 10,000, and the 100,000 run is long enough. */
const PEERS_MAX_SIZE = 20_000;
const LUCENE = new URL('../../shared/peers/lucene/run.sh', import.meta.url).pathname;
const PLAIN_MINISEARCH: Options<{ id: string; title: string; body: string }> = {
  fields: ['title', 'body'],
  searchOptions: { boost: { title: 2 }, fuzzy: false, prefix: false, combineWith: 'OR' },
};

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(2).padStart(6)} ms`;

/** A question made from a sentence in the middle of the article: its four longest words. */
function sentenceQuestion(article: Article): string {
  const paragraph = article.paragraphs[Math.floor(article.paragraphs.length / 2)] ?? '';
  const sentence = paragraph.split(/(?<=\.) /)[0] ?? paragraph;
  const words = [...new Set(sentence.match(/\p{L}{4,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, 4);
  return `What about ${words.join(' ')}?`;
}

/** Half the questions from SQuAD, half from every `step`th article as it streams past. */
export function* collectingQuestions(sources: LongArticleSources, size: number, questions: string[]): Generator<Article> {
  const half = QUESTIONS / 2;
  const squadStep = Math.floor(sources.questions.squad.length / half);
  for (let i = 0; i < half; i += 1) questions.push(sources.questions.squad[i * squadStep] ?? '');
  const step = Math.max(1, Math.floor(size / half));
  let i = 0;
  for (const article of longArticles(sources, size)) {
    if (i++ % step === 0 && questions.length < QUESTIONS) questions.push(sentenceQuestion(article));
    yield article;
  }
}

function line(name: string, figures: { buildMs: number; heapMb: number | null; p50: number; p99: number }, note = ''): string {
  const heap = figures.heapMb === null ? '    ?' : figures.heapMb.toFixed(0).padStart(5);
  return `  ${name.padEnd(12)} build ${(figures.buildMs / 1000).toFixed(1).padStart(6)} s  heap ${heap} MB  answer p50 ${ms(figures.p50)}  p99 ${ms(figures.p99)}${note}`;
}

async function benchMiniSearch(sources: LongArticleSources, size: number, questions: string[]): Promise<string> {
  const base = heapMb();
  const started = performance.now();
  const index = new MiniSearch<{ id: string; title: string; body: string }>(PLAIN_MINISEARCH);
  for (const article of longArticles(sources, size)) {
    index.add({ id: article.id, title: article.title ?? '', body: article.paragraphs.join('\n') });
  }
  const buildMs = performance.now() - started;
  const heap = heapMb() - base;
  const figures = latencies(questions, (q) => index.search(q).length > 0);
  return line('minisearch', { buildMs, heapMb: heap, ...figures }, `  (index only; best document, ${JSON.stringify(PLAIN_MINISEARCH.searchOptions)})`);
}

/** Runs the Lucene peer on the corpus file; its work files go to a directory of this bench's own. */
async function benchLucene(corpusFile: string, questions: string[], workDir: string): Promise<string> {
  const questionFile = join(workDir, 'questions.txt');
  await writeFile(questionFile, questions.join('\n') + '\n');
  const luceneTmp = join(workDir, 'lucene-tmp');
  await mkdir(luceneTmp, { recursive: true });
  const child = spawn('bash', [LUCENE, corpusFile, questionFile], { env: { ...process.env, TMPDIR: luceneTmp } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const built = /indexed in ([\d.]+) s, heap (\d+) MB/.exec(stderr);
  if (code !== 0 || !built) return `  lucene       failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
  const micros = stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { us: number }).us / 1000).sort((a, b) => a - b);
  const answered = stdout.split('\n').filter((l) => l.includes('"passage":"')).length;
  return line(
    'lucene',
    { buildMs: Number(built[1]) * 1000, heapMb: Number(built[2]), p50: percentile(micros, 50), p99: percentile(micros, 99) },
    `  answered ${answered}/${questions.length}  (Lucene 8 BM25 + unified highlighter's best sentence)`,
  );
}

/** The corpus as JSON Lines files of `RECORDS_PER_FILE` records (what newsdesk loads) and as one file (what the Lucene peer reads). */
async function writeCorpus(articles: Iterable<Article>, dir: string, single: string): Promise<number> {
  await mkdir(dir);
  const combined = createWriteStream(single);
  let batch: Article[] = [];
  let files = 0;
  let bytes = 0;
  const flush = async () => {
    bytes += await writeArticleRecords(batch, partFile(dir, files));
    await utimes(partFile(dir, files), WRITTEN_AT, WRITTEN_AT);
    for (const article of batch) if (!combined.write(`${articleRecord(article)}\n`)) await once(combined, 'drain');
    files += 1;
    batch = [];
  };
  for (const article of articles) {
    batch.push(article);
    if (batch.length === RECORDS_PER_FILE) await flush();
  }
  if (batch.length > 0) await flush();
  combined.end();
  await once(combined, 'finish');
  return bytes;
}

function partFile(dir: string, n: number): string {
  return join(dir, `part-${String(n).padStart(5, '0')}.jsonl`);
}

/**
 * newsdesk as a process runs it: opens the corpus files (load, index, write the snapshot), answers
 * the questions, reloads after one record changed in each of 10 files (longest event-loop stall),
 * then, with those files put back byte for byte and their mtimes restored, restarts from the
 * snapshot and times the first answer.
 */
async function benchNewsdesk(size: number, workDir: string, questions: string[]): Promise<string[]> {
  const dir = join(workDir, 'corpus');
  const options = { maxFileBytes: 1024 * 1024 * 1024, snapshotPath: join(workDir, 'index.snapshot') };
  const base = heapMb();
  let loadMs: number | undefined;
  const opened = performance.now();
  let library: Library | null = await Library.open(dir, {
    ...options,
    load: async (corpusDir, loadOptions) => {
      const started = performance.now();
      const corpus = await loadCorpus(corpusDir, loadOptions);
      // The open's load only: the reload below loads again (from the cache, in under a second).
      loadMs ??= performance.now() - started;
      return corpus;
    },
  });
  const openMs = performance.now() - opened;
  const heap = heapMb() - base;
  const figures = latencies(questions, (q) => (library as Library).answer(q).answered);
  const snapshotBytes = (await stat(options.snapshotPath)).size;
  const answerable = questions.find((q) => (library as Library).answer(q).answered) ?? '';

  const changed = Array.from({ length: Math.min(CHANGED_FILES, Math.ceil(size / RECORDS_PER_FILE)) }, (_, n) => partFile(dir, n));
  const originals = await Promise.all(changed.map(async (file) => ({ file, bytes: await readFile(file) })));
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const { file, bytes } of originals) {
    const lines = bytes.toString('utf8').split('\n');
    lines[0] = lines[0]?.replace('"body":["', '"body":["Revised. ') ?? '';
    await writeFile(file, lines.join('\n'));
  }
  const started = performance.now();
  const { result, stallMs } = await longestStall(() => (library as Library).reload());
  const reloadMs = performance.now() - started;
  library = null;
  for (const { file, bytes } of originals) {
    await writeFile(file, bytes);
    await utimes(file, WRITTEN_AT, WRITTEN_AT);
  }
  heapMb();

  const restarting = performance.now();
  const restarted = await Library.open(dir, options);
  const answered = restarted.answer(answerable).answered;
  const restartMs = performance.now() - restarting;
  // Chat users often type in lowercase, and such a question has its names read from the lexicons
  // first. Asked of the restarted index, whose sentences are not yet analysed, as the first were.
  const lowercase = latencies(questions.map((q) => q.toLowerCase()), (q) => restarted.answer(q).answered);
  return [
    line('newsdesk', { buildMs: openMs, heapMb: heap, ...figures }, `  answered ${figures.answered}/${questions.length}`),
    `               (build = the whole open from the corpus files: ${((loadMs ?? 0) / 1000).toFixed(1)} s loading ${Math.ceil(size / RECORDS_PER_FILE)} JSONL files, then ${((openMs - (loadMs ?? 0)) / 1000).toFixed(1)} s indexing and writing the snapshot; heap = everything the process holds for the corpus: articles, index, loader cache)`,
    `  reload       ${changed.length} files changed (${result.updated.length} articles updated): ${reloadMs.toFixed(0)} ms, longest event-loop stall ${stallMs.toFixed(0)} ms`,
    `  restart      from a ${mb(snapshotBytes)} snapshot (served from ${restarted.origin.from}): first answer after ${(restartMs / 1000).toFixed(1)} s (answered: ${answered})`,
    `  lowercase    the same questions typed in lowercase, after the restart: answer p50 ${lowercase.p50.toFixed(2)} ms  p99 ${lowercase.p99.toFixed(2)} ms  answered ${lowercase.answered}/${questions.length}`,
  ];
}

/** Runs the long mode at each size. */
export async function runLongBench(sizes: readonly number[], withPeers: boolean): Promise<void> {
  const sources = await readLongArticleSources();
  for (const size of sizes) {
    const workDir = await mkdtemp(join(tmpdir(), 'newsdesk-long-'));
    try {
      const corpusFile = join(workDir, 'corpus.jsonl');
      const questions: string[] = [];
      const textBytes = await writeCorpus(collectingQuestions(sources, size, questions), join(workDir, 'corpus'), corpusFile);
      console.log(`\n${size.toLocaleString('en')} real-length articles, ${mb(textBytes)} of text (${mb((await stat(corpusFile)).size)} as JSON Lines), ${questions.length} questions`);
      for (const row of await benchNewsdesk(size, workDir, questions)) console.log(row);
      if (size > PEERS_MAX_SIZE && !withPeers) {
        console.log(`  (plain MiniSearch and Lucene run up to ${PEERS_MAX_SIZE.toLocaleString('en')} articles; add --peers for more)`);
        continue;
      }
      console.log(await benchMiniSearch(sources, size, questions));
      console.log(await benchLucene(corpusFile, questions, workDir));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
