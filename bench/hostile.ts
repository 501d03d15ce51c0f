/**
 * Hostile-corpus bench (issue 10): builds a corpus of files that used to freeze or wedge the bot
 * beside ordinary articles, opens it with the real Library and reloads it while `/ask` questions
 * arrive every 50 ms (`--every-ms`). Prints, for the open and each reload: time, the longest event-loop stall
 * (what a gateway heartbeat would wait; target ≤ 100 ms) and `/ask` latency p50/p99/max measured
 * from when each question was due, so time spent waiting for a busy event loop counts (target
 * p99 ≤ 100 ms).
 *
 * Hostile files: HTML nested 1,000 and 100,000 levels deep, 120 KB walls of Chinese with no
 * spaces (text and HTML), a 700 KB paragraph, 400 KB runs of marks and of combining accents before
 * a sentence (a question answered from them is timed after the open), a FIFO, `---js` front
 * matter that would write a file if it ran, a JSON Lines file with one 6 MB record, and a large
 * JSON Lines export (Reuters-21578 stories repeated, `--records-mb`, default 20). Each reload
 * rewrites the nested, CJK and pathological files and 10 articles, so the hostile files are
 * parsed and analysed again every time.
 *
 * Before the reloads every question is asked once (the first answer over an article caches its
 * sentences) and 3 s without a reload give the baseline.
 *
 * Run: npm run bench:hostile -- [--articles 2000] [--records-mb 20] [--reloads 3] [--every-ms 50]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Library } from '../src/search/library.ts';
import { readReutersRecords, type ReutersRecord } from './reuters-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    'records-mb': { type: 'string', default: '20' },
    reloads: { type: 'string', default: '3' },
    'every-ms': { type: 'string', default: '50' },
  },
});
const ARTICLES = Number(values.articles);
const RECORDS_BYTES = Number(values['records-mb']) * 2 ** 20;
const RELOADS = Number(values.reloads);
const QUESTION_INTERVAL_MS = Number(values['every-ms']);
const CHANGED_ARTICLES = 10;
const TARGET_MS = 100;
const IDLE_MS = 3000;

type Story = Required<Pick<ReutersRecord, 'title' | 'body'>> & { date: string };

async function stories(): Promise<Story[]> {
  return (await readReutersRecords()).flatMap((record) =>
    record.title && record.body?.trim() ? [{ title: record.title, body: record.body, date: record.date ?? '' }] : [],
  );
}

const nestedHtml = (depth: number, round: number): string =>
  `<!doctype html><html><head><title>Nested ${depth} (${round})</title></head><body>${'<div>'.repeat(depth)}<p>Text at depth ${depth}.</p>${'</div>'.repeat(depth)}</body></html>`;

/** 120 KB of Chinese without a space or a line break: no word or sentence boundary for a cheap split. */
function cjkWall(round: number): string {
  const phrase = '港口委员会周一表示码头将在风暴过后重新开放渔民和渡轮公司欢迎这一决定';
  return `Title: 码头重新开放 ${round}\n\n${phrase.repeat(Math.ceil((120 * 1024) / Buffer.byteLength(phrase)))}\n`;
}

const articleText = (story: Story, note: string): string =>
  `Title: ${story.title}\nDate: ${story.date.slice(0, 11)}\nSource: Reuters\n\n${story.body.trim()}\n\n${note}\n`;

/** A JSON Lines export of about `bytes`: the stories again and again, each copy numbered so none is a duplicate. */
function recordsExport(all: readonly Story[], bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy += 1) {
    // From the end of the list: the questions are the first stories' titles, and the export should not answer them all.
    const story = all[all.length - 1 - (copy % all.length)] as Story;
    const line = JSON.stringify({ title: story.title, date: story.date, outlet: 'Reuters', body: `${story.body.trim()}\n\nExport copy ${copy}.` });
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A sentence the pathological texts hold, and a question only it answers. */
const WALLED_SENTENCE = 'Dock inspector Amara Quist met harbour pilot Tobias Venn at Pier Nine on Saturday.';
const WALLED_QUESTION = 'Who did Amara Quist meet at Pier Nine?';

/** Texts that used to abort or freeze an answer reaching them: a 700 KB paragraph, and 400 KB runs of marks or of combining accents before a sentence. */
const pathologicalTexts = (round: number): Record<string, string> => ({
  'long-paragraph.txt': `Title: Pier Nine ${round}\n\n${`${WALLED_SENTENCE} They discussed the tides. `.repeat(8000)}\n`,
  'mark-wall.txt': `Title: Pier Nine marks ${round}\n\n${'/'.repeat(400_000)} ${WALLED_SENTENCE}\n`,
  'accent-wall.txt': `Title: Pier Nine accents ${round}\n\n${'\u0301'.repeat(400_000)} ${WALLED_SENTENCE}\n`,
});

async function writeHostileFiles(dir: string, round: number): Promise<void> {
  for (const [name, text] of Object.entries(pathologicalTexts(round))) await writeFile(join(dir, `hostile/${name}`), text);
  await writeFile(join(dir, 'hostile/nested-1000.html'), nestedHtml(1_000, round));
  await writeFile(join(dir, 'hostile/nested-100000.html'), nestedHtml(100_000, round));
  await writeFile(join(dir, 'hostile/cjk-wall.txt'), cjkWall(round));
  await writeFile(join(dir, 'hostile/cjk-wall.html'), `<!doctype html><html><body><article><h1>码头 ${round}</h1><p>${cjkWall(round)}</p></article></body></html>`);
}

async function writeCorpus(dir: string, all: readonly Story[], marker: string): Promise<void> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'hostile'), { recursive: true });
  await Promise.all(
    Array.from({ length: ARTICLES }, (_, i) => writeFile(join(dir, `articles/${i}.txt`), articleText(all[i % all.length] as Story, `Copy ${i}.`))),
  );
  await writeHostileFiles(dir, 0);
  execFileSync('mkfifo', [join(dir, 'hostile/pipe.txt')]);
  await writeFile(join(dir, 'hostile/code.md'), `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"), "t") }\n---\n\nBody.\n`);
  const huge = JSON.stringify({ title: 'Huge', body: 'word '.repeat((6 * 2 ** 20) / 5) });
  await writeFile(join(dir, 'hostile/huge-record.jsonl'), `${JSON.stringify({ title: 'Small', body: 'A small record beside a huge one.' })}\n${huge}\n`);
  await writeFile(join(dir, 'hostile/export.jsonl'), recordsExport(all, RECORDS_BYTES));
}

interface Phase {
  label: string;
  seconds: number;
  stallMs: number;
  /** Share of the time the main thread was running JavaScript (event-loop utilisation). */
  busy: number;
  latencies: number[];
}

/** Runs `work` while a question is due every interval (once `library()` is open), timing each answer from when it was due. */
async function measure(label: string, library: () => Library | null, questions: readonly string[], work: () => Promise<unknown>): Promise<Phase> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  const utilisation = performance.eventLoopUtilization();
  const latencies: number[] = [];
  let next = 0;
  let due = performance.now() + QUESTION_INTERVAL_MS;
  let stopped = false;
  // Every question due by now is answered in this turn, as requests that arrived while the loop
  // was busy are all handled when it comes back: a stall shows in the latency of each of them.
  const ask = (): void => {
    if (stopped) return;
    const open = library();
    for (; due <= performance.now(); due += QUESTION_INTERVAL_MS) {
      if (!open) continue;
      open.answer(questions[next++ % questions.length] as string);
      latencies.push(performance.now() - due);
    }
    setTimeout(ask, Math.max(0, due - performance.now()));
  };
  setTimeout(ask, QUESTION_INTERVAL_MS);
  stalls.enable();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  stopped = true;
  stalls.disable();
  return { label, seconds, stallMs: stalls.max / 1e6, busy: performance.eventLoopUtilization(utilisation).utilization, latencies };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function report(phase: Phase): void {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const asks = sorted.length === 0
    ? 'no /ask (index not open yet)'
    : `/ask p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms over ${sorted.length} questions`;
  const met = phase.stallMs <= TARGET_MS && (sorted.length === 0 || percentile(sorted, 99) <= TARGET_MS);
  console.log(`${phase.label}: ${phase.seconds.toFixed(1)} s; longest event-loop stall ${phase.stallMs.toFixed(0)} ms; main thread busy ${(phase.busy * 100).toFixed(0)}%; ${asks}; target ≤ ${TARGET_MS} ms ${met ? 'met' : 'MISSED'}`);
}

const dir = await mkdtemp(join(tmpdir(), 'newsdesk-hostile-'));
const marker = join(dir, 'front-matter-code-ran');
try {
  const all = await stories();
  await writeCorpus(dir, all, marker);
  const questions = all.slice(0, 500).map((story) => `What about ${story.title}?`);
  console.log(`corpus: ${ARTICLES} articles, hostile files, a ${(RECORDS_BYTES / 2 ** 20).toFixed(0)} MB JSON Lines export (node ${process.version})`);
  let library: Library | null = null;
  report(await measure('open', () => library, questions, async () => (library = await Library.open(dir))));
  const opened = library as Library | null;
  if (!opened) throw new Error('the corpus did not open');
  console.log(`articles served: ${opened.coverage().articleCount}`);
  const answerMs = (): number => {
    const asked = performance.now();
    opened.answer(WALLED_QUESTION);
    return performance.now() - asked;
  };
  const first = answerMs();
  const again = Array.from({ length: 20 }, answerMs).sort((a, b) => a - b);
  console.log(`"${WALLED_QUESTION}", answered from the pathological texts: first ${first.toFixed(0)} ms, then p50 ${percentile(again, 50).toFixed(1)} ms, max ${(again.at(-1) ?? 0).toFixed(1)} ms`);
  // Each question once first: the first answer over an article splits its sentences and caches
  // them, a cost of the search, not of the reloads measured here.
  for (const question of questions) opened.answer(question);
  report(await measure('idle, no reload (baseline)', () => opened, questions, () => sleep(IDLE_MS)));
  for (let round = 1; round <= RELOADS; round += 1) {
    await writeHostileFiles(dir, round);
    await Promise.all(
      Array.from({ length: CHANGED_ARTICLES }, (_, i) => writeFile(join(dir, `articles/${i}.txt`), articleText(all[i] as Story, `Copy ${i}, revision ${round}.`))),
    );
    let rejected: string[] = [];
    report(
      await measure(`reload ${round}`, () => opened, questions, async () => {
        const result = await opened.reload();
        rejected = result.rejected.filter((r) => r.file.startsWith('hostile/')).map((r) => `${r.file}${r.record === null ? '' : `#${r.record}`}: ${r.reason}`);
      }),
    );
    if (round === 1) console.log(`hostile files rejected:\n  ${rejected.join('\n  ')}`);
  }
  console.log(`---js front matter ran code: ${existsSync(marker) ? 'YES' : 'no'}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
