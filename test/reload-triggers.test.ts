import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFingerprint, watchForReloads } from '../src/reload-triggers.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { type CorpusLoader, Library } from '../src/search/library.ts';
import { until } from './support/until.ts';

const silent = pino({ level: 'silent' });

const article = (title: string) => `---\ntitle: ${title}\noutlet: Coast Herald\ndate: 2025-04-02\n---\n\n${title} was reported on Wednesday by the harbour office.\n`;

describe('reloads from outside Discord', () => {
  let corpusDir: string;
  let library: Library;
  let stop: () => void = () => {};

  beforeEach(async () => {
    corpusDir = await mkdtemp(join(tmpdir(), 'newsdesk-reload-'));
    await cp('corpus', corpusDir, { recursive: true });
    library = await Library.open(corpusDir);
  });

  afterEach(async () => {
    stop();
    await rm(corpusDir, { recursive: true, force: true });
  });

  /** Starts polling, and waits until the watcher has taken its baseline fingerprint. */
  async function startPolling(watched: Library): Promise<void> {
    const watcher = watchForReloads(watched, { corpusDir, pollSeconds: 0.05 }, silent);
    stop = watcher.stop;
    await watcher.ready;
  }

  it('changes the corpus fingerprint when a file is added or rewritten, not otherwise', async () => {
    const first = await corpusFingerprint(corpusDir);
    expect(await corpusFingerprint(corpusDir)).toBe(first);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    const added = await corpusFingerprint(corpusDir);
    expect(added).not.toBe(first);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens after the storm'));
    expect(await corpusFingerprint(corpusDir)).not.toBe(added);
  });

  it('changes the corpus fingerprint when the root sources file is added or edited', async () => {
    const first = await corpusFingerprint(corpusDir);
    await writeFile(join(corpusDir, 'sources.json'), JSON.stringify({ 'new.md': { outlet: 'Coast Herald' } }));
    const added = await corpusFingerprint(corpusDir);
    expect(added).not.toBe(first);
    await writeFile(join(corpusDir, 'sources.json'), JSON.stringify({ 'new.md': { outlet: 'The Harbour Gazette' } }));
    expect(await corpusFingerprint(corpusDir)).not.toBe(added);
  });

  it('reloads the corpus on SIGHUP', async () => {
    const before = library.coverage().articleCount;
    stop = watchForReloads(library, { corpusDir, pollSeconds: 0 }, silent).stop;
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    process.kill(process.pid, 'SIGHUP');
    await until(() => library.coverage().articleCount === before + 1);
  });

  it('reloads by itself when polling notices a change', async () => {
    const before = library.coverage().articleCount;
    await startPolling(library);
    expect(library.coverage().articleCount).toBe(before);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    await until(() => library.coverage().articleCount === before + 1);
  });

  it('retries a failed polling reload at the next check, without waiting for another change', async () => {
    let failNextLoad = false;
    let failures = 0;
    const flaky: CorpusLoader = async (dir, options) => {
      if (failNextLoad) {
        failNextLoad = false;
        failures += 1;
        throw new Error('disk hiccup');
      }
      return loadCorpus(dir, options);
    };
    const flakyLibrary = await Library.open(corpusDir, { load: flaky });
    const before = flakyLibrary.coverage().articleCount;
    failNextLoad = true;
    await startPolling(flakyLibrary);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    await until(() => failures === 1);
    expect(flakyLibrary.coverage().articleCount).toBe(before);
    await until(() => flakyLibrary.coverage().articleCount === before + 1);
  });

  it('says once that the corpus folder cannot be read, and notices changes again once it can', async () => {
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const before = library.coverage().articleCount;
    const watcher = watchForReloads(library, { corpusDir, pollSeconds: 0.05 }, logger);
    stop = watcher.stop;
    await watcher.ready;
    const away = `${corpusDir}-away`;
    await rename(corpusDir, away);
    await until(() => warnings.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings).toEqual(['cannot read the corpus folder to check for changes; the last load keeps serving']);
    await writeFile(join(away, 'new.md'), article('Harbour reopens'));
    await rename(away, corpusDir);
    await until(() => library.coverage().articleCount === before + 1);
  });
});
