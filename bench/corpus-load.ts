/**
 * Corpus loading speed: writes 10,000 article files in mixed formats to a temp dir, loads them,
 * then reloads with the cache. Prints files/s, seconds, peak heap and the longest event-loop stall
 * (what a Discord heartbeat sharing the loop would wait). Run: npx tsx bench/corpus-load.ts
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CorpusCache, loadCorpus } from '../src/corpus/loader.ts';

const FILES = 10_000;
const REUTERS = '../shared/data/reuters21578/reuters21578.jsonl';

interface Story {
  title: string;
  date: string;
  body: string;
}

async function stories(): Promise<Story[]> {
  if (!existsSync(REUTERS)) {
    return Array.from({ length: 500 }, (_, index) => ({
      title: `Generated story ${index}`,
      date: '26-FEB-1987 15:01:01.79',
      body: Array.from({ length: 8 }, (_, sentence) => `Sentence ${sentence} of generated story ${index} reports prices and talks.`).join('\n    '),
    }));
  }
  const lines = (await readFile(REUTERS, 'utf8')).split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line) as Story).filter((story) => story.body && story.title);
}

const paragraphsOf = (story: Story): string[] => story.body.split(/\n(?=\s)/u).map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim());

/** One file of the given story in one of the supported formats, chosen by position. */
function articleFile(story: Story, index: number): [string, string] {
  const paragraphs = paragraphsOf(story);
  const folder = `batch-${String(index % 50).padStart(2, '0')}`;
  switch (index % 10) {
    case 0:
    case 1:
      return [`${folder}/${index}.md`, `---\ntitle: "${story.title.replace(/"/gu, "'")}"\noutlet: Reuters\ndate: "${story.date}"\n---\n\n${paragraphs.join('\n\n')}\n`];
    case 2:
      return [`${folder}/${index}.html`, `<!doctype html><html lang="en"><head><title>${story.title}</title><meta property="og:site_name" content="Reuters"></head><body><nav><a href="/">Home</a></nav><article><h1>${story.title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Reuters</footer></body></html>`];
    case 3:
      return [`${folder}/${index}.json`, JSON.stringify({ title: story.title, date: story.date, source: 'Reuters', body: story.body })];
    case 4:
      return [`${folder}/${index}.txt`, `Reuters\n\n  • Markets\n  • World\n  • Business\n\n${story.title}\n\n  • By Reuters staff\n  • ${story.date.slice(0, 11)}\n\n${paragraphs.join('\n\n')}\n\nMost Read\n\nAnother headline\n\nReuters\n`];
    default:
      return [`${folder}/${index}.txt`, `Title: ${story.title}\nDate: ${story.date.slice(0, 11)}\nSource: Reuters\n\n${paragraphs.join('\n\n')}\n`];
  }
}

async function writeCorpus(dir: string, all: Story[]): Promise<void> {
  for (let start = 0; start < FILES; start += 500) {
    const batch = Array.from({ length: Math.min(500, FILES - start) }, (_, offset) => {
      const index = start + offset;
      const story = all[index % all.length] as Story;
      // Repeated stories get a distinct last line so they are not reported as duplicates.
      return articleFile({ ...story, body: `${story.body}\n    Copy ${index}.` }, index);
    });
    await Promise.all(batch.map(async ([file, text]) => {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }));
  }
}

async function measure(label: string, load: () => Promise<number>): Promise<void> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 25);
  stalls.enable();
  const started = performance.now();
  const articles = await load();
  const seconds = (performance.now() - started) / 1000;
  stalls.disable();
  clearInterval(sampler);
  console.log(
    `${label}: ${FILES} files, ${articles} articles in ${seconds.toFixed(2)} s = ${Math.round(FILES / seconds)} files/s; ` +
      `peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB; longest event-loop stall ${(stalls.max / 1e6).toFixed(0)} ms`,
  );
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-bench-'));
try {
  await writeCorpus(dir, await stories());
  const cache = new CorpusCache();
  await measure('first load', async () => (await loadCorpus(dir, { cache })).articles.length);
  await measure('reload, cache warm, nothing changed', async () => (await loadCorpus(dir, { cache })).articles.length);
} finally {
  await rm(dir, { recursive: true, force: true });
}
