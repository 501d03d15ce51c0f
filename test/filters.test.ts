import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { command as search } from '../commands/search.ts';
import type { CommandContext, Invoker } from '../src/discord/command.ts';
import { describeFilterProblem, readFilters, type RawFilters } from '../src/search/filters.ts';
import { Library } from '../src/search/library.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const asker: Invoker = { id: '500000000000000001', permissions: 0n, roleIds: [] };

/** What the terminal says about the filter flags, or the filters it would use. */
function flagsRead(raw: RawFilters): unknown {
  const read = readFilters(raw);
  return 'problem' in read ? describeFilterProblem(read.problem, (field) => `--${field}`) : read.filters;
}

describe('filter rules', () => {
  it('accepts an outlet and real days in order, dropping what was not given', () => {
    expect(readFilters({ outlet: 'Harbour Gazette', since: '2024-02-29', until: '2024-03-01' })).toEqual({ filters: { outlet: 'Harbour Gazette', since: '2024-02-29', until: '2024-03-01' } });
    expect(readFilters({ since: '2025-03-23', until: '2025-03-23' })).toEqual({ filters: { since: '2025-03-23', until: '2025-03-23' } });
    expect(readFilters({ outlet: undefined, since: undefined })).toEqual({ filters: {} });
  });

  it('tells the terminal user which flag is wrong and how to write it', () => {
    expect(flagsRead({ since: 'yesterday' })).toBe('--since must be a day written as YYYY-MM-DD, for example 2025-03-23.');
    expect(flagsRead({ until: '2025-3-1' })).toBe('--until must be a day written as YYYY-MM-DD, for example 2025-03-23.');
    expect(flagsRead({ until: '2025-02-29' })).toBe('--until: 2025-02-29 is not a real day.');
    expect(flagsRead({ since: '2025-13-01' })).toBe('--since: 2025-13-01 is not a real day.');
    expect(flagsRead({ since: '2025-03-02', until: '2025-03-01' })).toBe('--since must not be later than --until.');
    expect(flagsRead({ outlet: '' })).toBe('--outlet must name an outlet.');
  });

  describe('in a slash command', () => {
    const records = JSON.stringify({ title: 'Tide table', outlet: 'Coast Daily', published: '2024-06-01', body: 'High tide reached three metres at the quay.' });

    async function searchWith(options: Record<string, string>): Promise<unknown> {
      const context: CommandContext = { library: await Library.open(await tempCorpus({ 'tides.jsonl': records })), commands, moderatorRoleIds: [], now: () => 0 };
      try {
        await search.execute({ command: 'search', options: { query: 'high tide', ...options }, invoker: asker }, context);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    }

    it('names the option a member got wrong, in the same words', async () => {
      expect(await searchWith({ since: '2024-02-30' })).toBe('`since`: 2024-02-30 is not a real day.');
      expect(await searchWith({ since: '2024-06-02', until: '2024-06-01' })).toBe('`since` must not be later than `until`.');
      expect(await searchWith({ until: 'June' })).toBe('`until` must be a day written as YYYY-MM-DD, for example 2025-03-23.');
      expect(await searchWith({ since: '2024-06-01', until: '2024-06-01' })).toBe('accepted');
    });
  });

  it('lets the engine ignore a bad field it was handed, keeping the good ones', async () => {
    const library = await Library.open(await tempCorpus({ 'tides.jsonl': JSON.stringify({ title: 'Tide table', outlet: 'Coast Daily', published: '2024-06-01', body: 'High tide reached three metres at the quay.' }) }));
    expect(library.search('high tide', { since: '2024-02-30', until: '2024-06-01' }).total).toBe(1);
    expect(library.search('high tide', { since: '2024-02-30', until: '2024-05-31' }).total).toBe(0);
  });
});
