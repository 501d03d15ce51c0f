import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFingerprint, watchForReloads } from '../src/reload-triggers.ts';
import { Library } from '../src/search/library.ts';
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

  it('changes the corpus fingerprint when a file is added or rewritten, not otherwise', async () => {
    const first = await corpusFingerprint(corpusDir);
    expect(await corpusFingerprint(corpusDir)).toBe(first);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    const added = await corpusFingerprint(corpusDir);
    expect(added).not.toBe(first);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens after the storm'));
    expect(await corpusFingerprint(corpusDir)).not.toBe(added);
  });

  it('reloads the corpus on SIGHUP', async () => {
    const before = library.coverage().articleCount;
    stop = watchForReloads(library, { corpusDir, pollSeconds: 0 }, silent);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    process.kill(process.pid, 'SIGHUP');
    await until(() => library.coverage().articleCount === before + 1);
  });

  it('reloads by itself when polling notices a change', async () => {
    const before = library.coverage().articleCount;
    stop = watchForReloads(library, { corpusDir, pollSeconds: 0.05 }, silent);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(library.coverage().articleCount).toBe(before);
    await writeFile(join(corpusDir, 'new.md'), article('Harbour reopens'));
    await until(() => library.coverage().articleCount === before + 1);
  });
});
