import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Corpus } from '../src/corpus/article.ts';
import { CorpusCache, loadCorpus } from '../src/corpus/loader.ts';
import { ParsePool } from '../src/corpus/parse-pool.ts';
import { Library } from '../src/search/library.ts';
import { ReloadDeadlineError } from '../src/search/reload.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { HUNG_MS } from './support/hung.ts';

// One worker: a worker that was not replaced after a timeout would leave nothing to parse with.
const pool = new ParsePool(1);
// Starting a replacement worker (tsx and the parsers, at a low priority) takes seconds, and beside
// a CPU-heavy process tens of seconds.
const WORKER_RESTART = { timeout: HUNG_MS };
afterAll(() => pool.close());

const story = (title: string, body: string): string => `Title: ${title}\n\n${body}\n`;
const nestedHtml = (depth: number): string =>
  `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}</body></html>`;

describe('parsing off the main thread', () => {
  it('rejects a file that parses past its budget, loads the rest, and parses again with a fresh worker', WORKER_RESTART, async () => {
    const dir = await tempCorpus({ 'a-good.txt': story('Quay reopens', 'The quay reopened on Monday.'), 'nested.html': nestedHtml(100_000) });
    const corpus = await loadCorpus(dir, { pool, parseBudgetMs: 1000 });
    expect(corpus.rejected).toEqual([{ file: 'nested.html', record: null, reason: 'took over 1 s to parse' }]);
    expect(corpus.articles.map((article) => article.id)).toEqual(['a-good.txt']);

    const next = await loadCorpus(await tempCorpus({ 'later.txt': story('Ferry returns', 'The ferry returned on Tuesday.') }), { pool, parseBudgetMs: 1000 });
    expect(next.articles.map((article) => article.title)).toEqual(['Ferry returns']);
  });
});

describe('file types', () => {
  it('reports a directory nested past the longest path the system allows, and loads the rest', async () => {
    const dir = await tempCorpus({ 'a.txt': story('First', 'The first story.') });
    // GNU rm removes what Node's fs.rm cannot reach by one path.
    onTestFinished(() => void execFileSync('rm', ['-rf', dir]));
    // Made one level at a time from inside, in a process of its own (a worker cannot chdir): no path to it fits in PATH_MAX.
    const nest = `const fs = require('fs'); process.chdir(process.argv[1]); for (let i = 0; i < 18; i += 1) { fs.mkdirSync('d'.repeat(250)); process.chdir('d'.repeat(250)); } fs.writeFileSync('deep.txt', 'Title: Deep\\n\\nA deep story.\\n');`;
    execFileSync(process.execPath, ['-e', nest, dir]);
    const corpus = await loadCorpus(dir, { pool });
    expect(corpus.articles.map((article) => article.id)).toEqual(['a.txt']);
    expect(corpus.rejected).toEqual([{ file: expect.stringMatching(/^(?:d{250}\/)+d{250}$/u), record: null, reason: expect.stringContaining('ENAMETOOLONG') }]);
  });

  it('rejects a file replaced by a FIFO during the load instead of waiting for a writer forever', async () => {
    const fillers = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m-${String(i).padStart(2, '0')}.txt`, story(`Filler ${i}`, `Filler story number ${i} about the harbour.`)]));
    const dir = await tempCorpus({ 'a.txt': story('First', 'The first story.'), ...fillers, 'z.txt': story('Last', 'The last story.') });
    const fifo = path.join(dir, 'z.txt');
    const corpus = await loadCorpus(dir, {
      pool,
      onProgress: (done) => {
        if (done !== 1) return;
        execFileSync('rm', [fifo]);
        execFileSync('mkfifo', [fifo]);
      },
    });
    expect(corpus.rejected).toEqual([{ file: 'z.txt', record: null, reason: 'not a regular file' }]);
    expect(corpus.articles).toHaveLength(13);
    await rm(dir, { recursive: true });
  });
});

describe('record files larger than the file limit', () => {
  const record = (n: number, body = `Body of record ${n} about the harbour.`): string => JSON.stringify({ title: `Record ${n}`, body });

  it('streams JSON Lines: the limit applies per line, and each bad line is reported with its number', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => record(i + 1));
    lines[4] = '{not json}';
    lines[6] = '   ';
    lines[9] = record(10, 'x '.repeat(1500));
    const corpus = await loadCorpus(await tempCorpus({ 'export.jsonl': `${lines.join('\n')}\n` }), { pool, maxFileBytes: 1000 });
    expect(corpus.rejected).toEqual([
      { file: 'export.jsonl', record: 5, reason: expect.stringMatching(/^line 5: unparseable JSON/u) },
      { file: 'export.jsonl', record: 9, reason: 'line 10: record is 3 KB, over the 1000 bytes limit' },
    ]);
    expect(corpus.articles).toHaveLength(37);
    expect(corpus.articles.at(-1)).toMatchObject({ id: 'export.jsonl#39', title: 'Record 40' });
  });

  it('streams a JSON array element by element, whatever brackets and quotes its strings hold', async () => {
    const tricky = 'Brackets ], commas, braces {} and "quotes" \\ stay in the title [';
    const elements = [JSON.stringify({ title: tricky, body: 'The first body.' }), ...Array.from({ length: 30 }, (_, i) => record(i + 2))];
    elements[5] = record(6, 'y '.repeat(1000));
    const text = `\uFEFF[\n  ${elements.join(',\n  ')}\n]\n`;
    const corpus = await loadCorpus(await tempCorpus({ 'export.json': text }), { pool, maxFileBytes: 1000 });
    expect(corpus.rejected).toEqual([{ file: 'export.json', record: 6, reason: 'record is 2 KB, over the 1000 bytes limit' }]);
    expect(corpus.articles).toHaveLength(30);
    expect(corpus.articles[0]).toMatchObject({ id: 'export.json#1', title: tricky, paragraphs: ['The first body.'] });
    expect(corpus.articles.at(-1)).toMatchObject({ id: 'export.json#31', title: 'Record 31' });
  });

  it('says a UTF-16 record file over the limit must be saved as UTF-8, rather than cutting it at the wrong bytes', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => record(i + 1)).join('\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(lines, 'utf16le')]);
    const corpus = await loadCorpus(await tempCorpus({ 'export.jsonl': utf16 }), { pool, maxFileBytes: 1000 });
    expect(corpus.rejected).toEqual([
      { file: 'export.jsonl', record: null, reason: 'a UTF-16 record file over the 1000 bytes limit cannot be read record by record: save it as UTF-8' },
    ]);
  });

  it.each([
    ['read whole', undefined],
    ['streamed record by record', 1000],
  ])('rejects each of 130,000 empty records of a file %s, and loads the rest', async (_, maxFileBytes) => {
    // Their rejections, spread into one push each, overflowed the stack: no file of the corpus loaded.
    const dir = await tempCorpus({ 'a-good.txt': story('Quay reopens', 'The quay reopened on Monday.'), 'many.jsonl': '{}\n'.repeat(130_000) });
    const corpus = await loadCorpus(dir, { pool, maxFileBytes });
    expect(corpus.articles.map((article) => article.id)).toEqual(['a-good.txt']);
    expect(corpus.rejected).toHaveLength(130_000);
    expect(corpus.rejected.every((rejection) => rejection.file === 'many.jsonl')).toBe(true);
  });

  it('never reads a file whole past what one string can hold, whatever limit the caller asks for', async () => {
    const dir = await tempCorpus({ 'a-good.txt': story('Quay reopens', 'The quay reopened on Monday.') });
    // Sparse: 300 MB on paper, no disk or time to write. Read whole as asked, a file past V8's
    // longest string (~512 MB) aborted the process from inside the decoder.
    execFileSync('truncate', ['-s', '300M', path.join(dir, 'dump.txt')]);
    const corpus = await loadCorpus(dir, { pool, maxFileBytes: 1024 * 1024 * 1024 });
    expect(corpus.rejected).toEqual([{ file: 'dump.txt', record: null, reason: 'file is 300 MB, over the 256 MB limit' }]);
    expect(corpus.articles.map((article) => article.id)).toEqual(['a-good.txt']);
  });

  it('still rejects a single JSON object over the limit, and says when an array is cut short', async () => {
    const corpus = await loadCorpus(
      await tempCorpus({ 'one.json': record(1, 'z '.repeat(1000)), 'cut.json': `[${record(1, 'w '.repeat(300))}, ${record(2, 'v '.repeat(300))}, {"title": "Cut` }),
      { pool, maxFileBytes: 1000 },
    );
    expect(corpus.rejected).toEqual([
      { file: 'cut.json', record: null, reason: 'the JSON array is not closed: the file ends early' },
      { file: 'cut.json', record: 3, reason: expect.stringMatching(/^unparseable JSON/u) },
      { file: 'one.json', record: null, reason: 'file is 2 KB, over the 1000 bytes limit' },
    ]);
    expect(corpus.articles.map((article) => article.id)).toEqual(['cut.json#1', 'cut.json#2']);
  });
});

describe('reload deadline', () => {
  it('fails a reload whose load never ends, keeps serving, and lets the next reload run', async () => {
    const dir = await tempCorpus({ 'quay.txt': story('Quay reopens', 'The quay reopened on Monday after the storm.') });
    let loads = 0;
    let abandoned: AbortSignal | undefined;
    const library = await Library.open(dir, {
      pool,
      reloadDeadlineMs: 300,
      load: (corpusDir, options) => {
        loads += 1;
        if (loads !== 2) return loadCorpus(corpusDir, options);
        abandoned = options.signal;
        return new Promise<Corpus>(() => undefined);
      },
    });
    await expect(library.reload()).rejects.toBeInstanceOf(ReloadDeadlineError);
    expect(abandoned?.aborted).toBe(true);
    expect(library.reloading).toBe(false);
    expect(library.answer('When did the quay reopen?').answered).toBe(true);

    await writeFile(path.join(dir, 'ferry.txt'), story('Ferry returns', 'The ferry returned on Tuesday.'));
    const report = await library.reload();
    expect(report.added).toEqual(['ferry.txt']);
  });

  it('stops parsing when the deadline passes, so the next reload finds the worker free', WORKER_RESTART, async () => {
    // A pool of its own, so the test knows which worker thread parses the nested file.
    const parseWorkers: Worker[] = [];
    const onWorker = (worker: Worker) => parseWorkers.push(worker);
    process.on('worker', onWorker);
    onTestFinished(() => void process.off('worker', onWorker));
    const ownPool = new ParsePool(1);
    onTestFinished(() => ownPool.close());
    const dir = await tempCorpus({ 'quay.txt': story('Quay reopens', 'The quay reopened on Monday after the storm.') });
    // A parse budget longer than the test: only the reload deadline may stop the parse.
    const library = await Library.open(dir, { pool: ownPool, reloadDeadlineMs: 5000, parseBudgetMs: 2 * HUNG_MS });
    const parsing = parseWorkers[0]!;
    await writeFile(path.join(dir, 'nested.html'), nestedHtml(100_000));
    await expect(library.reload()).rejects.toThrow(/took over 5 s to load the corpus/u);
    // The worker parsing the nested file exits (one left parsing keeps this waiting until the test
    // times out). Its replacement loads tsx and the parsers at a low priority, which beside a
    // CPU-heavy process takes longer than the deadline by itself: the timed reload waits for it.
    if (parsing.threadId !== -1) await once(parsing, 'exit');
    await ownPool.run({ kind: 'file', file: 'warm-up.txt', bytes: new TextEncoder().encode(story('Warm-up', 'The worker is up.')) }, { budgetMs: HUNG_MS });
    await unlink(path.join(dir, 'nested.html'));
    await writeFile(path.join(dir, 'ferry.txt'), story('Ferry returns', 'The ferry returned on Tuesday.'));
    expect((await library.reload()).added).toEqual(['ferry.txt']);
  });
});

describe('the reload cache', () => {
  it('applies a changed sources file to files that did not change', async () => {
    const dir = await tempCorpus({ 'gazette/quay.txt': story('Quay reopens', 'The quay reopened on Monday.'), 'sources.json': '{}' });
    const cache = new CorpusCache();
    expect((await loadCorpus(dir, { pool, cache })).articles[0]?.outlet).toBeNull();

    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ 'gazette/': { outlet: 'The Harbour Gazette' } }));
    const withOutlet = await loadCorpus(dir, { pool, cache });
    expect(withOutlet.articles[0]?.outlet).toBe('The Harbour Gazette');
  });
});
