/**
 * Article extraction quality on the committed dev set (test/fixtures/dumps): body precision, recall
 * and F1 (word 4-gram shingles), title and date accuracy, for each dump rendering, side by side with
 * the raw dump (nothing removed) and with the same pages read as HTML (when ../shared is present).
 * Run: npm run bench:extraction   (add --pages to list each page's figures, --misses to print what
 * each imperfect page kept that it should not have and lost that it should have kept)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml } from '../src/corpus/formats/html.ts';
import { parsePageDump } from '../src/corpus/formats/page-dump.ts';
import { normalizeSpace } from '../src/corpus/paragraphs.ts';
import { type DevCase, type Extraction, RENDERINGS, type Scores, handCases, misses, readabilityCases, scoreCases, shingleMatch, titleMatches, WIDER_WRAP } from '../test/fixtures/dumps/dev-set.ts';

const PAGES = '../shared/data/readability-pages';

function fromDump(item: DevCase): Extraction | null {
  const draft = parsePageDump(item.dump).drafts[0];
  return draft ? { title: draft.title, published: draft.published, body: draft.paragraphs.join('\n') } : null;
}

function fromHtml(item: DevCase): Extraction | null {
  const draft = parseHtml(readFileSync(path.join(PAGES, item.page, 'source.html'), 'utf8')).drafts[0];
  return draft ? { title: draft.title, published: draft.published, body: draft.paragraphs.join('\n') } : null;
}

const rawDump = (item: DevCase): Extraction => ({ title: null, published: null, body: normalizeSpace(item.dump) });

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function row(name: string, scores: Scores): string {
  const { f1, precision, recall, titles, dates, pages, rejected } = scores;
  return `${name.padEnd(24)} ${f1.toFixed(3)}  ${precision.toFixed(3)}  ${recall.toFixed(3)}  ${percent(titles)} ${percent(dates)}  ${String(pages).padStart(5)} ${String(rejected).padStart(8)}`;
}

const readability = readabilityCases();
const hand = handCases();
console.log(`${'extractor / dumps'.padEnd(24)} F1     prec.  recall   title    date   pages rejected`);
for (const rendering of RENDERINGS) {
  console.log(row(`page dump, ${rendering}`, scoreCases(readability.filter((item) => item.rendering === rendering), fromDump)));
}
console.log(row('page dump, all four', scoreCases(readability, fromDump)));
console.log(row(`page dump, ${WIDER_WRAP}`, scoreCases(readabilityCases([WIDER_WRAP]), fromDump)));
console.log(row('page dump, hand-written', scoreCases(hand, fromDump)));
console.log(row('raw dump, w3m-wide', scoreCases(readability.filter((item) => item.rendering === 'w3m-wide'), rawDump)));
if (existsSync(PAGES)) console.log(row('HTML (Readability)', scoreCases(readability.filter((item) => item.rendering === 'w3m-wide'), fromHtml)));

// Speed: every dump of the dev set cleaned three times over, after the scoring runs above warmed the code.
const started = performance.now();
for (let round = 0; round < 3; round += 1) for (const item of readability) parsePageDump(item.dump);
const perPage = (performance.now() - started) / (3 * readability.length);
const kilobytes = readability.reduce((sum, item) => sum + item.dump.length, 0) / readability.length / 1024;
console.log(`\npage-dump cleaning: ${perPage.toFixed(1)} ms a page (mean dump ${kilobytes.toFixed(0)} KB)`);

if (process.argv.includes('--pages')) {
  for (const item of [...readability, ...hand]) {
    const result = fromDump(item);
    const { precision, recall } = shingleMatch(result?.body ?? '', item.expected.body);
    const title = titleMatches(result?.title ?? null, item.expected.title) ? 'ok' : JSON.stringify(result?.title ?? null).slice(0, 60);
    const date = item.expected.published === null ? '-' : result?.published?.slice(0, 10) === item.expected.published ? 'ok' : String(result?.published ?? null);
    console.log(`${`${item.page} ${item.rendering}`.padEnd(30)} P ${precision.toFixed(2)} R ${recall.toFixed(2)}  title ${title}  date ${date}`);
  }
}

if (process.argv.includes('--misses')) {
  const clip = (text: string): string => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
  for (const item of [...readability, ...hand]) {
    const { extra, lost } = misses(parsePageDump(item.dump).drafts[0]?.paragraphs ?? [], item.expected.body);
    if (extra.length === 0 && lost.length === 0) continue;
    console.log(`\n== ${item.page} ${item.rendering}`);
    for (const paragraph of extra) console.log(`  + ${clip(paragraph)}`);
    for (const run of lost) console.log(`  - ${clip(run)}`);
  }
}
