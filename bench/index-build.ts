/**
 * Where a full build's time goes at real length, phase by phase, as `Library.open` runs them on a
 * corpus without a snapshot: loading (reading and parsing the files in the worker pool), the index
 * build (analysis, postings, MiniSearch, vocabulary, titles) and the snapshot write, each with the
 * longest event-loop stall it caused. Profile it with `NODE_OPTIONS=--cpu-prof` or `--trace-gc`.
 *
 * `npx tsx bench/index-build.ts CORPUS_DIR [SNAPSHOT_FILE]` (the snapshot goes to TMPDIR unless named).
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/loader.ts';
import { sharedParsePool } from '../src/corpus/parse-pool.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { distinctArticles } from '../src/search/reload.ts';
import { corpusFingerprint, writeSnapshot } from '../src/search/snapshot.ts';
import { longestStall } from './measurement.ts';

const [corpusDir, snapshotFile = join(tmpdir(), `index-build-${process.pid}.snapshot`)] = process.argv.slice(2);
if (!corpusDir) throw new Error('usage: index-build.ts CORPUS_DIR [SNAPSHOT_FILE]');
const maxFileBytes = 1024 * 1024 * 1024;

/** Runs one phase, printing its wall time, the process's CPU time over it and its longest event-loop stall. */
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { result, stallMs } = await longestStall(work);
  const { user, system } = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name.padEnd(15)} ${seconds.toFixed(1).padStart(6)} s   process CPU ${((user + system) / 1e6).toFixed(1).padStart(6)} s   longest stall ${stallMs.toFixed(0).padStart(4)} ms`);
  return result;
}

const total = performance.now();
const fingerprint = await corpusFingerprint(corpusDir, maxFileBytes);
const articles = await phase('load', async () => distinctArticles((await loadCorpus(corpusDir, { maxFileBytes })).articles));
const text = articles.reduce((sum, article) => sum + article.paragraphs.reduce((n, p) => n + p.length, 0), 0);
console.log(`${articles.length} articles, ${(text / 1e6).toFixed(1)} MB of text`);
const index = await phase('index', () => ArticleIndex.build(articles));
await phase('snapshot write', () => writeSnapshot(snapshotFile, index, fingerprint));
console.log(`${'total'.padEnd(15)} ${((performance.now() - total) / 1000).toFixed(1).padStart(6)} s   heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
await rm(snapshotFile, { force: true });
await sharedParsePool().close();
