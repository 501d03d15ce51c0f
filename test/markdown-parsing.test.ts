import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

describe('markdown read through a real parser', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'budget.md': [
        '---',
        'title: Council publishes its budget',
        '---',
        'The council published its budget on Monday, with a table of the main lines.',
        '',
        '| Line | 2024 | 2025 |',
        '|------|------|------|',
        '| Roads | 4.1m | 4.6m |',
        '| Harbour | 1.2m | 2.0m |',
        '',
        'The figures can be fetched with a short script:',
        '',
        '```python',
        'import requests',
        'print(requests.get("https://example.com/budget.json").json())',
        '```',
        '',
        '    curl https://example.com/budget.csv',
        '',
        '1. Roads take the largest share.',
        '2. The harbour budget almost doubles.',
        '',
        'Councillors will vote on the budget next month. <span>Raw HTML words</span> are markup too.',
      ].join('\n'),
    }),
  );
  const paragraphs = corpus.articles[0]?.paragraphs ?? [];

  it('keeps the text, list items as paragraphs of their own', () => {
    expect(paragraphs).toEqual([
      'The council published its budget on Monday, with a table of the main lines.',
      'The figures can be fetched with a short script:',
      'Roads take the largest share.',
      'The harbour budget almost doubles.',
      'Councillors will vote on the budget next month. Raw HTML words are markup too.',
    ]);
  });

  it('never turns code blocks or table rows into quotable paragraphs', () => {
    const text = paragraphs.join('\n');
    for (const fragment of ['import requests', 'curl', 'Roads | 4.1m', '2024', '|']) expect(text).not.toContain(fragment);
  });
});

describe('character references in markdown', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'quote.md': '---\ntitle: Harbour plan\n---\n&ldquo;This is a good day,&rdquo; said Mayor Jane Roe of Westport &amp; District, the mayor&#8217;s office said.\n\nWrite `a &amp; b` or \\&amp; to show the reference itself, as <https://example.com/?a=1&amp;b=2> does.\n',
    }),
  );

  it('quotes the characters markdown shows for named references, and leaves code, escapes and autolinks as written', () => {
    expect(corpus.articles[0]?.paragraphs).toEqual([
      '“This is a good day,” said Mayor Jane Roe of Westport & District, the mayor’s office said.',
      'Write a &amp; b or &amp; to show the reference itself, as https://example.com/?a=1&amp;b=2 does.',
    ]);
  });
});
