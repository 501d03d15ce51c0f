/**
 * Answer latency alone on a real-length corpus already written (`long-articles.ts`), opened once
 * and restarted from its snapshot (written beside CORPUS_DIR, as index.snapshot) on later runs,
 * so a change to answering can be timed and profiled (`--cpu-prof`, `--trace-gc`) without
 * rebuilding the index each time. The questions are the search bench's `--long` ones for the
 * same size.
 *
 * `npx tsx bench/long-answer.ts CORPUS_DIR COUNT [ANSWERS.jsonl]` prints p50 / p99 and how many
 * were answered, in wall and in CPU time (and the heap after opening, run with `--expose-gc`); with ANSWERS.jsonl it also writes each answer's quoted sentences there, so two
 * versions' answers can be compared line by line.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Library } from '../src/search/library.ts';
import { readLongArticleSources } from './long-articles.ts';
import { collectingQuestions } from './long-search.ts';
import { canCollect, cpuMs, heapMb, latencies } from './measurement.ts';

const [corpusDir, count, answersFile] = process.argv.slice(2);
if (!corpusDir || !count) throw new Error('usage: long-answer.ts CORPUS_DIR COUNT [ANSWERS.jsonl]');
const questions: string[] = [];
for (const article of collectingQuestions(await readLongArticleSources(), Number(count), questions)) void article;
const opening = performance.now();
const library = await Library.open(corpusDir, { maxFileBytes: 1024 * 1024 * 1024, snapshotPath: join(corpusDir, '..', 'index.snapshot') });
console.log(`opened from ${library.origin.from} in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
if (canCollect) console.log(`heap after opening ${heapMb().toFixed(0)} MB`);
const { p50, p99, answered } = latencies(questions, (q) => library.answer(q).answered);
console.log(`${questions.length} questions: answer p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, answered ${answered}`);
const cpu = latencies(questions, (q) => library.answer(q).answered, cpuMs);
console.log(`  in CPU time (what a loaded machine does not stretch): p50 ${cpu.p50.toFixed(2)} ms, p99 ${cpu.p99.toFixed(2)} ms`);
if (answersFile) {
  const answers = questions.map((q) => JSON.stringify({ q, sentences: library.answer(q).sentences.map((s) => s.text) }));
  await writeFile(answersFile, answers.join('\n') + '\n');
}
