import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_VERSION } from '../src/search/analyzer.ts';
import { Library } from '../src/search/library.ts';

const seeds = fileURLToPath(new URL('../corpus/', import.meta.url));
let root = '';

afterEach(async () => {
  vi.doUnmock('../src/search/analyzer.ts');
  vi.resetModules();
  await rm(root, { recursive: true, force: true });
});

describe('index snapshots across analysis changes', () => {
  it('never serves a snapshot built by another analysis, whose terms the questions would miss', async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdesk-analysis-'));
    const dir = join(root, 'corpus');
    await cp(seeds, dir, { recursive: true });
    const snapshotPath = join(root, 'index.snapshot');
    await Library.open(dir, { snapshotPath });
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'snapshot' });

    vi.resetModules();
    vi.doMock('../src/search/analyzer.ts', async (original) => ({
      ...(await original<typeof import('../src/search/analyzer.ts')>()),
      ANALYSIS_VERSION: ANALYSIS_VERSION + 1,
    }));
    const { Library: NextLibrary } = await import('../src/search/library.ts');
    const library = await NextLibrary.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'stale' });
    expect(library.answer('Who met Khalil al-Hayya in Istanbul?').answered).toBe(true);
  });
});
