import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

describe('front matter is YAML only and never runs code', async () => {
  const witness = path.join(await mkdtemp(path.join(os.tmpdir(), 'newsdesk-pwned-')), 'ran');
  const payload = (language: string): string =>
    [`---${language}`, `{ title: (require("fs").writeFileSync(${JSON.stringify(witness)}, "ran"), "t") }`, '---', '', 'Body.', ''].join('\n');
  const corpus = await loadCorpus(
    await tempCorpus({
      'js.md': payload('js'),
      'javascript.md': payload('javascript'),
      'spaced.md': payload(' js'),
      'coffee.md': payload('coffee'),
      'named-yaml.md': '---yaml\ntitle: Named YAML\n---\n\nThe body of an article whose front matter names its language.\n',
      'unclosed.md': '---\ntitle: Never closed\n\nBody text.\n',
      'good.md': '---\ntitle: "Colons: kept"\n---\n\nThe body loads.\n',
    }),
  );
  const reasonFor = (file: string): string | undefined => corpus.rejected.find((rejection) => rejection.file === file)?.reason;

  it('rejects a ---js block with a reason naming the language, without running it', () => {
    for (const file of ['js.md', 'javascript.md', 'spaced.md']) {
      expect(reasonFor(file)).toMatch(/^front matter in "(js|javascript)" is not accepted: only YAML front matter is read$/u);
    }
    expect(existsSync(witness)).toBe(false);
  });

  it('rejects every other front-matter language too', () => {
    expect(reasonFor('coffee.md')).toMatch(/"coffee" is not accepted/u);
  });

  it('reads front matter that names YAML, and YAML with colons in its values', () => {
    expect(corpus.articles.map((article) => article.title).sort()).toEqual(['Colons: kept', 'Named YAML']);
  });

  it('rejects front matter that is never closed', () => {
    expect(reasonFor('unclosed.md')).toBe('front matter opened with --- is never closed');
  });
});

describe('front matter values as written', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'numbers.md': '---\ntitle: 0x1F\noutlet: 012\nauthor: 1.10\ndate: 2025-03-23\n---\n\nThe body loads.\n',
      'broken.md': '---\ntitle: [unclosed\n---\n\nThe body.\n',
    }),
  );

  it('keeps numbers as the text the author wrote, not as YAML reads them (31, 12, 1.1)', () => {
    expect(corpus.articles[0]).toMatchObject({ title: '0x1F', outlet: '012', author: '1.10', published: '2025-03-23' });
  });

  it('still rejects front matter YAML cannot read, with its reason', () => {
    expect(corpus.rejected.find((rejection) => rejection.file === 'broken.md')?.reason).toMatch(/^unparseable front matter: /u);
  });
});
