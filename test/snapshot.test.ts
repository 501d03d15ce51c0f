import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../src/search/library.ts';

const seeds = fileURLToPath(new URL('../corpus/', import.meta.url));
const directories: string[] = [];
const ZOO = 'Three zebras escaped from the city zoo on Monday, keepers said.';

/** A copy of the seed corpus plus one story, and a snapshot path beside it (outside the corpus). */
async function corpusWithSnapshot(): Promise<{ dir: string; snapshotPath: string }> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-snapshot-'));
  directories.push(root);
  const dir = join(root, 'corpus');
  await cp(seeds, dir, { recursive: true });
  await writeFile(join(dir, 'zebra.txt'), `date 2025-12-01 Zebras escape zoo\n\n${ZOO}\n`);
  return { dir, snapshotPath: join(root, 'index.snapshot') };
}

const QUESTIONS = ['Did zebras escape from the zoo?', 'Who met Khalil al-Hayya in Istanbul?', 'Turkiye FM'];

afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('index snapshots', () => {
  it('serves a restart from the snapshot with the same answers, searches and titles', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    const built = await Library.open(dir, { snapshotPath });
    expect(built.origin).toMatchObject({ from: 'corpus', snapshot: 'missing' });

    const restored = await Library.open(dir, { snapshotPath });
    expect(restored.origin).toEqual({ from: 'snapshot' });
    const withoutTime = <T extends { tookMs: number }>({ tookMs: _, ...rest }: T) => rest;
    for (const question of QUESTIONS) {
      expect(withoutTime(restored.answer(question))).toEqual(withoutTime(built.answer(question)));
      expect(withoutTime(restored.search(question))).toEqual(withoutTime(built.search(question)));
    }
    expect(restored.suggestTitles('zebr')).toEqual(built.suggestTitles('zebr'));
    expect(restored.coverage().articleCount).toBe(built.coverage().articleCount);
  });

  it('reloads a restored index: new, changed and removed articles, and the restored ones still quoted', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    await writeFile(join(dir, 'lynx.txt'), 'date 2025-12-02 Lynx spotted\n\nA lynx was spotted near the northern ridge on Tuesday.\n');
    await Library.open(dir, { snapshotPath });
    const restored = await Library.open(dir, { snapshotPath });
    expect(restored.origin).toEqual({ from: 'snapshot' });

    await writeFile(join(dir, 'zebra.txt'), 'date 2025-12-03 Zebras caught\n\nThe three zebras were caught near the river on Wednesday.\n');
    await writeFile(join(dir, 'giraffe.txt'), 'date 2025-12-04 Giraffe born\n\nA giraffe calf was born at the city zoo on Thursday.\n');
    await rm(join(dir, 'lynx.txt'));
    const report = await restored.reload();

    expect(report).toMatchObject({ added: ['giraffe.txt'], updated: ['zebra.txt'], removed: ['lynx.txt'] });
    expect(restored.answer('Where were the zebras caught?').sentences[0]?.text).toContain('caught near the river');
    expect(restored.answer('When was the giraffe calf born?').sentences[0]?.text).toContain('born at the city zoo');
    expect(restored.answer('Where was the lynx spotted?').answered).toBe(false);
    expect(restored.answer('Who met Khalil al-Hayya in Istanbul?').sentences[0]?.text).toContain('Hayya');
    expect(restored.suggestTitles('giraf')).toHaveLength(1);
  });

  it('reloads an index just built, whose bodies are read from the snapshot it wrote', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    const built = await Library.open(dir, { snapshotPath });
    expect(built.origin).toMatchObject({ from: 'corpus', snapshot: 'missing' });
    expect(built.answer('Did zebras escape from the zoo?').sentences[0]?.text).toBe(ZOO);

    await writeFile(join(dir, 'zebra.txt'), 'date 2025-12-03 Zebras caught\n\nThe three zebras were caught near the river on Wednesday.\n');
    const report = await built.reload();

    expect(report).toMatchObject({ added: [], updated: ['zebra.txt'], removed: [] });
    expect(built.answer('Where were the zebras caught?').sentences[0]?.text).toContain('caught near the river');
    expect(built.answer('Did zebras escape from the zoo?').sentences.map((s) => s.text)).not.toContain(ZOO);
    expect(built.answer('Who met Khalil al-Hayya in Istanbul?').sentences[0]?.text).toContain('Hayya');
  });

  it('rebuilds from the corpus when a file changed since the snapshot, and never serves the old text', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    await Library.open(dir, { snapshotPath });
    await writeFile(join(dir, 'zebra.txt'), 'date 2025-12-02 Zebras caught\n\nThe three zebras were caught near the river on Tuesday.\n');

    const library = await Library.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'stale' });
    expect(library.answer('Did zebras escape from the zoo?').sentences.map((s) => s.text)).not.toContain(ZOO);
    expect(library.answer('Where were the zebras caught?').sentences[0]?.text).toContain('caught near the river');
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'snapshot' });
  });

  it('rebuilds from the corpus when the snapshot is corrupt, and never quotes the damaged text', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    await Library.open(dir, { snapshotPath });
    const bytes = await readFile(snapshotPath);
    const at = bytes.indexOf('escaped from the city zoo');
    expect(at).toBeGreaterThan(0);
    bytes.write('ESCAPED', at, 'latin1');
    await writeFile(snapshotPath, bytes);

    const library = await Library.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'corrupt' });
    expect(library.answer('Did zebras escape from the zoo?').sentences[0]?.text).toBe(ZOO);
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'snapshot' });
  });

  it('treats a truncated file as corrupt, and writes a whole snapshot over it', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    await Library.open(dir, { snapshotPath });
    const bytes = await readFile(snapshotPath);
    await writeFile(snapshotPath, bytes.subarray(0, bytes.length - 100));
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'corpus', snapshot: 'corrupt', detail: expect.any(String) });
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'snapshot' });
  });

  it('never replaces a file that is no snapshot, such as the feedback database, and says so', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    // Ending as a snapshot ends (a length, then the magic word), as a database may where a row's text ends a page.
    const database = 'SQLite format 3\0 the feedback store, its last title: null\x04\0\0\0NDS1';
    await writeFile(snapshotPath, database);
    const library = await Library.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'corrupt', notWritten: expect.stringContaining('holds something other than a newsdesk snapshot: not replaced') });
    expect(library.answer('Did zebras escape from the zoo?').answered).toBe(true);
    expect(await readFile(snapshotPath, 'utf8')).toBe(database);
  });

  it('neither waits on a FIFO at the snapshot path nor replaces it', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    // Opened for reading, a FIFO blocks until some writer opens it: the start hung.
    execFileSync('mkfifo', [snapshotPath]);
    const library = await Library.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'corrupt', notWritten: expect.stringContaining('not a regular file: not replaced') });
    expect((await stat(snapshotPath)).isFIFO()).toBe(true);
  });

  it('still serves when the snapshot cannot be written, and says why', async () => {
    const { dir, snapshotPath } = await corpusWithSnapshot();
    const library = await Library.open(dir, { snapshotPath: join(snapshotPath, 'missing-folder', 'index.snapshot') });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'missing', notWritten: expect.stringContaining('snapshot not written') });
    expect(library.answer('Did zebras escape from the zoo?').sentences[0]?.text).toBe(ZOO);
  });
});
