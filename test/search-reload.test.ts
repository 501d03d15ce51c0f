import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/article.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { Library } from '../src/search/library.ts';
import { INCREMENTAL_LIMIT, ReloadInProgressError } from '../src/search/reload.ts';
import { ReloadReportSchema } from '../src/search/results.ts';
import { reloadMessage } from '../commands/reload.ts';

const seeds = fileURLToPath(new URL('../corpus/', import.meta.url));
const directories: string[] = [];

async function corpusCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-search-'));
  directories.push(dir);
  await cp(seeds, dir, { recursive: true });
  return dir;
}

function story(title: string, body: string): string {
  return `date 2025-12-01 ${title}\n\n${body}\n`;
}

afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('reload', () => {
  it('reports added, updated and removed articles and serves the new text', async () => {
    const dir = await corpusCopy();
    await writeFile(join(dir, 'zebra.txt'), story('Zebras escape zoo', 'Three zebras escaped from the city zoo on Monday.'));
    const library = await Library.open(dir);
    expect(library.answer('Did zebras escape from the zoo?').answered).toBe(true);

    await rm(join(dir, 'zebra.txt'));
    await writeFile(join(dir, 'giraffe.txt'), story('Giraffe born', 'A giraffe calf was born at the city zoo on Friday.'));
    await writeFile(join(dir, '000_142b436908202848.txt'), story('Istanbul talks postponed', 'The Istanbul talks between the envoy and Hamas were postponed.'));
    const report = ReloadReportSchema.parse(await library.reload());

    expect(report.added).toEqual(['giraffe.txt']);
    expect(report.updated).toEqual(['000_142b436908202848.txt']);
    expect(report.removed).toEqual(['zebra.txt']);
    expect(report.articleCount).toBe(3);
    expect(library.answer('Did zebras escape from the zoo?').answered).toBe(false);
    expect(library.answer('When was the giraffe calf born?').sentences[0]?.text).toContain('born at the city zoo');
    expect(library.answer('Were the Istanbul talks postponed?').sentences[0]?.text).toContain('were postponed');
    expect(library.search('opioid overdose').total).toBe(0);
    expect(library.coverage().articleCount).toBe(3);
  });

  it('reports a file loaded with a caveat, and the /reload message shows it beside the counts', async () => {
    const dir = await corpusCopy();
    const library = await Library.open(dir);
    await writeFile(join(dir, 'okapi.txt'), story('Okapi seen', 'An okapi was seen\0 near the river.'));
    const report = ReloadReportSchema.parse(await library.reload());
    expect(report.added).toEqual(['okapi.txt']);
    expect(report.warnings).toEqual([{ file: 'okapi.txt', record: null, reason: 'stray NUL bytes removed' }]);
    expect(library.answer('Where was the okapi seen?').sentences[0]?.text).toBe('An okapi was seen near the river.');
    const embed = reloadMessage(report).embeds?.[0];
    expect(embed?.description).toMatch(/1 added, 0 updated, 0 removed, 0 rejected, 1 loaded with a warning\./);
    expect(embed?.fields).toContainEqual({ name: 'Warnings', value: '• okapi.txt: stray NUL bytes removed' });
  });

  it('says which new file it does not serve because an earlier one holds the same text', async () => {
    const dir = await corpusCopy();
    const library = await Library.open(dir);
    await cp(join(dir, '000_142b436908202848.txt'), join(dir, 'zzz_copy.txt'));
    const report = ReloadReportSchema.parse(await library.reload());
    expect(report).toMatchObject({ added: [], removed: [], duplicates: [{ id: 'zzz_copy.txt', duplicateOf: '000_142b436908202848.txt' }] });
    const embed = reloadMessage(report).embeds?.[0];
    expect(embed?.description).toMatch(/0 added, 0 updated, 0 removed, 0 rejected, 1 not served as duplicates\./);
    expect(embed?.fields).toContainEqual({ name: 'Duplicates (not served)', value: '• zzz\\_copy.txt: same text as 000\\_142b436908202848.txt' });
  });

  it('keeps every list of a long reload report within the embed, none dropped past its total', () => {
    const ids = (kind: string) => Array.from({ length: 80 }, (_, i) => `${kind}-${String(i).padStart(3, '0')}.txt`);
    const issue = (kind: string) => ids(kind).map((file) => ({ file, record: null, reason: 'stray NUL bytes removed' }));
    const report = {
      added: ids('added'),
      updated: ids('updated'),
      removed: ids('removed'),
      kept: ids('kept').map((id) => ({ id, reason: 'binary file' })),
      rejected: issue('rejected'),
      warnings: issue('warning'),
      duplicates: ids('copy').map((id) => ({ id, duplicateOf: 'a.txt' })),
      articleCount: 1,
      tookMs: 1,
    };
    const embed = reloadMessage(report).embeds?.[0];
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Added', 'Updated', 'Removed', 'Kept (last good version)', 'Rejected', 'Warnings', 'Duplicates (not served)']);
    for (const field of embed?.fields ?? []) expect(field.value).toMatch(/^• /);
    const total = (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + (embed?.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it('parses only the files that changed', async () => {
    const dir = await corpusCopy();
    const parsed: string[] = [];
    const library = await Library.open(dir, { onParse: (file) => parsed.push(file) });
    expect(parsed.sort()).toEqual(['000_142b436908202848.txt', '004_104598550d79c125.txt']);
    parsed.length = 0;
    await writeFile(join(dir, 'giraffe.txt'), story('Giraffe born', 'A giraffe calf was born at the city zoo.'));
    const report = await library.reload();
    expect(parsed).toEqual(['giraffe.txt']);
    expect(report).toMatchObject({ added: ['giraffe.txt'], updated: [], removed: [] });
  });

  it('keeps serving the old index when the reload fails', async () => {
    const dir = await corpusCopy();
    let fail = false;
    const library = await Library.open(dir, {
      load: (corpusDir, options) => (fail ? Promise.reject(new Error('disk gone')) : loadCorpus(corpusDir, options)),
    });
    const before = library.answer('Where will Witkoff meet Hamas?');
    fail = true;
    await expect(library.reload()).rejects.toThrow('disk gone');
    expect(library.reloading).toBe(false);
    const after = library.answer('Where will Witkoff meet Hamas?');
    expect(after.sentences).toEqual(before.sentences);
  });

  it('refuses a second reload while one runs, and answers from the old index meanwhile', async () => {
    const dir = await corpusCopy();
    let release: (corpus: Corpus) => void = () => undefined;
    let calls = 0;
    const library = await Library.open(dir, {
      load: (corpusDir, options) => {
        calls += 1;
        if (calls === 1) return loadCorpus(corpusDir, options);
        return new Promise<Corpus>((resolve) => {
          release = resolve;
        });
      },
    });
    // Confirmed: the released corpus is empty, which an unconfirmed reload refuses to swap in.
    const running = library.reload({ confirm: true });
    expect(library.reloading).toBe(true);
    await expect(library.reload()).rejects.toBeInstanceOf(ReloadInProgressError);
    expect(library.answer('Where will Witkoff meet Hamas?').answered).toBe(true);
    release({ articles: [], rejected: [], duplicates: [], warnings: [] });
    const report = await running;
    expect(report.removed).toHaveLength(2);
    expect(library.reloading).toBe(false);
    expect(library.answer('Where will Witkoff meet Hamas?').answered).toBe(false);
  });

  it('rebuilds beside the live index when many articles change', async () => {
    const many = Array.from({ length: INCREMENTAL_LIMIT + 1 }, (_, i) => ({
      id: `wire-${i}`,
      file: `wire-${i}.txt`,
      title: `Wire story ${i}`,
      outlet: 'Wire',
      author: null,
      published: '2025-01-01',
      url: null,
      language: 'en',
      paragraphs: [`Harbour cranes moved ${i} containers on the quay.`],
      hash: String(i).padStart(64, '0'),
    }));
    let corpus: Corpus = { articles: many.slice(0, 1), rejected: [], duplicates: [], warnings: [] };
    let loaded = false;
    const library = await Library.fromArticles(corpus.articles, {
      load: async () => {
        loaded = true;
        return corpus;
      },
    });
    corpus = { ...corpus, articles: many.slice(1) };
    let done = false;
    // Confirmed: the one served article is removed, more than the share an unconfirmed reload may drop.
    const reloading = library.reload({ confirm: true }).finally(() => {
      done = true;
    });
    // Every query while the new index is being built is answered from the whole old one, never a partial new one.
    const totalsWhileBuilding: number[] = [];
    while (!done) {
      if (loaded) totalsWhileBuilding.push(library.search('containers').total);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(totalsWhileBuilding.length).toBeGreaterThan(0);
    expect(new Set(totalsWhileBuilding)).toEqual(new Set([1]));
    const report = await reloading;
    expect(report.added).toHaveLength(INCREMENTAL_LIMIT);
    expect(report.removed).toEqual(['wire-0']);
    expect(library.search('containers').total).toBe(INCREMENTAL_LIMIT);
    expect(library.article('wire-0')).toBeUndefined();
  });
});
