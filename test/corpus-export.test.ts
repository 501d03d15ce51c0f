import { describe, expect, it } from 'vitest';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { newsdesk } from './support/newsdesk-cli.ts';

describe('newsdesk corpus export', () => {
  it('prints one cleaned article a JSON line on stdout and each rejection on stderr', async () => {
    const dir = await tempCorpus({
      'quay.txt': 'Title: Quay vote passes\nDate: March 5, 2024\nBy: Jane Doe\nSource: The Harbour Gazette\n\nCouncillors voted to rebuild the quay.\n\nWork starts in spring.\n',
      'wire.jsonl': `${JSON.stringify({ title: 'Cocoa review', body: 'Showers continued in the cocoa zone.', lang: 'en' })}\n`,
      'empty.txt': '',
    });
    const { stdout, stderr } = await newsdesk(['corpus', 'export', dir]);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        id: 'quay.txt',
        file: 'quay.txt',
        title: 'Quay vote passes',
        outlet: 'The Harbour Gazette',
        author: 'Jane Doe',
        published: '2024-03-05',
        url: null,
        language: null,
        paragraphs: ['Councillors voted to rebuild the quay.', 'Work starts in spring.'],
      },
      {
        id: 'wire.jsonl#1',
        file: 'wire.jsonl',
        title: 'Cocoa review',
        outlet: null,
        author: null,
        published: null,
        url: null,
        language: 'en',
        paragraphs: ['Showers continued in the cocoa zone.'],
      },
    ]);
    expect(stderr).toBe('rejected empty.txt: empty file\n');
  });

  it('exits 2 with a message when the folder cannot be read', async () => {
    const failure = await newsdesk(['corpus', 'export', '/nonexistent/newsdesk-corpus']);
    expect(failure).toMatchObject({ code: 2 });
  });
});
