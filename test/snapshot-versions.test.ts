import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../src/search/library.ts';

const seeds = fileURLToPath(new URL('../corpus/', import.meta.url));
let root = '';
let mocked = '';

afterEach(async () => {
  vi.doUnmock(mocked);
  vi.resetModules();
  await rm(root, { recursive: true, force: true });
});

describe('index snapshots across analysis and loader changes', () => {
  it.each([
    // Terms from another analysis would not meet the questions'.
    ['../src/search/analyzer.ts', 'ANALYSIS_VERSION'],
    // Articles another loader made differ (an HTML paragraph split at each source line).
    ['../src/corpus/loader.ts', 'LOADER_VERSION'],
  ])('never serves a snapshot built before %s changed its %s', async (module, constant) => {
    root = await mkdtemp(join(tmpdir(), 'newsdesk-analysis-'));
    const dir = join(root, 'corpus');
    await cp(seeds, dir, { recursive: true });
    const snapshotPath = join(root, 'index.snapshot');
    await Library.open(dir, { snapshotPath });
    expect((await Library.open(dir, { snapshotPath })).origin).toEqual({ from: 'snapshot' });

    mocked = module;
    vi.resetModules();
    vi.doMock(module, async (original) => {
      const actual = await original<Record<string, unknown>>();
      return { ...actual, [constant]: (actual[constant] as number) + 1 };
    });
    const { Library: NextLibrary } = await import('../src/search/library.ts');
    const library = await NextLibrary.open(dir, { snapshotPath });
    expect(library.origin).toMatchObject({ from: 'corpus', snapshot: 'stale' });
    expect(library.answer('Who met Khalil al-Hayya in Istanbul?').answered).toBe(true);
  });
});
