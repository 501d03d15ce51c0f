import { describe, expect, it } from 'vitest';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { newsdesk, type CliRun } from './support/newsdesk-cli.ts';

/** `npm run corpus -- check DIR`: the command line's `corpus check`. */
function corpusCheck(dir: string): Promise<CliRun> {
  return newsdesk(['corpus', 'check', dir]);
}

describe('npm run corpus -- check', () => {
  it('prints articles, rejections, duplicates and warnings, and exits 0', async () => {
    const dir = await tempCorpus({
      'a.txt': ' date 2025-11-21 Talks set in Istanbul\n\nBy Staff\n\nThe envoy meets the delegation on Wednesday.\n',
      'copy.txt': ' date 2025-11-21 Talks set in Istanbul\n\nBy Staff\n\nThe envoy meets the delegation on Wednesday.\n',
      'empty.txt': '',
      'undated.txt': 'Title: Undated story\nDate: soon\n\nSome text.\n',
    });
    const { code, stdout } = await corpusCheck(dir);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toContain('Articles (2)');
    expect(lines.find((line) => line.includes('Talks set in Istanbul'))).toMatch(/^unknown\s+2025-11-21\s+1\s+Talks set in Istanbul\s+a\.txt$/u);
    expect(lines.find((line) => line.includes('Undated story'))).toMatch(/^unknown\s+unknown\s+1\s+Undated story\s+undated\.txt$/u);
    expect(lines).toContain('Rejected (1)');
    expect(lines.find((line) => line.startsWith('empty.txt'))).toMatch(/^empty\.txt\s+empty file$/u);
    expect(lines).toContain('Duplicates (1)');
    expect(lines.find((line) => line.startsWith('copy.txt'))).toMatch(/^copy\.txt\s+a\.txt$/u);
    expect(lines).toContain('Warnings (1)');
    expect(lines.find((line) => line.startsWith('undated.txt '))).toMatch(/"soon" is not a recognisable date/u);
  });

  it('lists 130,000 rejected records in its table', async () => {
    // The widest cell of a column was found by spreading every row into Math.max, which overflowed the stack.
    const { code, stdout } = await corpusCheck(await tempCorpus({ 'a.txt': 'Title: Quay reopens\n\nThe quay reopened on Monday.\n', 'many.jsonl': '{}\n'.repeat(130_000) }));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toContain('Rejected (130000)');
    expect(lines.filter((line) => line.startsWith('many.jsonl#'))).toHaveLength(130_000);
  });

  it('exits 2 with one line when the directory cannot be read', async () => {
    const { code, stdout, stderr } = await corpusCheck('/nonexistent/newsdesk-corpus');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^newsdesk: cannot read corpus directory \/nonexistent\/newsdesk-corpus: /u)]);
  });
});
