import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusCache, CorpusDirectoryError, loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const GOOD = 'Title: Good article\n\nThis article loads whatever its neighbours contain.\n';

describe('bad input is reported, never fatal', async () => {
  const dir = await tempCorpus({
    'good.txt': GOOD,
    'empty.txt': '',
    'blank.txt': '  \n\n\t \n',
    'binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
    'controls.txt': `Text${'\x01\x02\x03'.repeat(20)}`,
    'big.txt': `Title: Too big\n\n${'word '.repeat(400)}.\n`,
    'headers-only.txt': 'Title: Only a header\nDate: 2024-01-01\n',
    'menu-only.txt': 'Home\nNews\nSport\nWeather\nContact\n',
    'broken.md': '---\ntitle: [unclosed\n---\nBody text here.\n',
    'broken.json': '{ "title": ',
    'records.json': JSON.stringify([{ title: 'No body' }, { title: 'Fine', body: 'A body that loads.' }, { title: 42, body: ['x'], author: { nested: true } }]),
    'lines.jsonl': `${JSON.stringify({ title: 'Fine line', text: 'Loads.' })}\n{not json}\n`,
    'bad-date.json': JSON.stringify({ title: 'Undated', body: 'Still worth quoting.', date: '2024-13-45' }),
    '.hidden.txt': 'never read',
  });
  const corpus = await loadCorpus(dir, { maxFileBytes: 1000 });
  const reasonFor = (file: string, record: number | null = null): string | undefined =>
    corpus.rejected.find((rejection) => rejection.file === file && rejection.record === record)?.reason;

  it.each([
    ['empty.txt', null, /^empty file$/u],
    ['blank.txt', null, /only whitespace/u],
    ['binary.txt', null, /binary file \(contains NUL bytes\)/u],
    ['controls.txt', null, /binary file \(\d+% control characters\)/u],
    ['big.txt', null, /^file is 2 KB, over the 1000 bytes limit$/u],
    ['headers-only.txt', null, /no body paragraphs/u],
    ['menu-only.txt', null, /no article text/u],
    ['broken.md', null, /^unparseable front matter/u],
    ['broken.json', null, /^unparseable JSON/u],
    ['records.json', 1, /record has no body/u],
    ['records.json', 3, /^invalid record: author/u],
    ['lines.jsonl', 2, /^line 2: unparseable JSON/u],
  ])('rejects %s (record %s) with a reason', (file, record, reason) => {
    expect(reasonFor(file, record)).toMatch(reason);
  });

  it('still loads every good file and record beside them, and skips dotfiles', () => {
    expect(corpus.articles.map((article) => article.id)).toEqual(['bad-date.json#1', 'good.txt', 'lines.jsonl#1', 'records.json#2']);
    expect(corpus.rejected).toHaveLength(12);
  });

  it('loads a record with an impossible date as undated, with a warning naming the record', () => {
    expect(corpus.articles[0]?.published).toBeNull();
    expect(corpus.warnings).toEqual([{ file: 'bad-date.json', record: 1, reason: expect.stringContaining('"2024-13-45" is not a recognisable date') }]);
  });
});

describe('encodings', async () => {
  const windows1252 = new Uint8Array([...Buffer.from('Title: Caf'), 0xe9, ...Buffer.from(' prices\n\nOwners said prices rose '), 0x93, ...Buffer.from('sharply'), 0x94, 0x2e, 0x0a]);
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Title: With BOM\n\nThe body.\n')]);
  const corpus = await loadCorpus(await tempCorpus({ 'legacy.txt': windows1252, 'bom.txt': bom }));

  it('decodes invalid UTF-8 as Windows-1252 and says so', () => {
    const legacy = corpus.articles.find((article) => article.file === 'legacy.txt');
    expect(legacy).toMatchObject({ title: 'Café prices', paragraphs: ['Owners said prices rose “sharply”.'] });
    expect(corpus.warnings).toContainEqual({ file: 'legacy.txt', record: null, reason: expect.stringContaining('decoded as Windows-1252') });
  });

  it('removes a UTF-8 byte-order mark so the header is still read', () => {
    expect(corpus.articles.find((article) => article.file === 'bom.txt')?.title).toBe('With BOM');
    expect(corpus.warnings).toContainEqual({ file: 'bom.txt', record: null, reason: 'UTF-8 byte-order mark removed' });
  });
});

describe('symlinks', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'Title: Outside\n\nThis file is not part of the corpus.\n');
  const dir = await tempCorpus({ 'a.txt': GOOD });
  await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'));
  await symlink(path.join(dir, 'a.txt'), path.join(dir, 'inside.txt'));
  const corpus = await loadCorpus(dir);

  it('does not follow a link leading outside the corpus, and says why', () => {
    expect(corpus.rejected).toEqual([{ file: 'escape.txt', record: null, reason: expect.stringContaining('outside the corpus directory') }]);
    expect(corpus.articles.map((article) => article.title)).not.toContain('Outside');
  });

  it('follows a link inside the corpus (its text is then a duplicate)', () => {
    expect(corpus.duplicates).toEqual([{ id: 'inside.txt', duplicateOf: 'a.txt' }]);
  });

  it('reads a folder under its own path, which the sources file names, not under a link to it that sorts first', async () => {
    const linked = await tempCorpus({ 'sources.json': JSON.stringify({ 'sub/': { outlet: 'Sub Gazette' } }), 'sub/deeper/k.txt': GOOD });
    await symlink(path.join(linked, 'sub'), path.join(linked, 'loop'));
    const loaded = await loadCorpus(linked);
    expect(loaded.articles.map((article) => [article.file, article.outlet])).toEqual([['sub/deeper/k.txt', 'Sub Gazette']]);
  });
});

describe('duplicates', async () => {
  const text = 'Title: Same story\n\nThe same words, wrapped\ndifferently.\n';
  const corpus = await loadCorpus(
    await tempCorpus({ 'a/first.txt': text, 'b/copy.txt': text.replace('wrapped\n', 'wrapped '), 'c.jsonl': JSON.stringify({ title: 'x', body: 'The same words, wrapped differently.' }) }),
  );

  it('keeps the first copy in sorted order and lists the others', () => {
    expect(corpus.articles.map((article) => article.id)).toEqual(['a/first.txt']);
    expect(corpus.duplicates).toEqual([
      { id: 'b/copy.txt', duplicateOf: 'a/first.txt' },
      { id: 'c.jsonl#1', duplicateOf: 'a/first.txt' },
    ]);
  });
});

describe('sources files', () => {
  it('fills in what files lack, the most specific prefix winning, and never overrides the file', async () => {
    const corpus = await loadCorpus(
      await tempCorpus({
        'sources.json': JSON.stringify({
          'gazette/': { outlet: 'The Harbour Gazette', language: 'en', url: 'https://gazette.example' },
          'gazette/special.txt': { url: 'https://gazette.example/special' },
        }),
        'gazette/plain.txt': GOOD,
        'gazette/special.txt': 'Title: Special\n\nA special report.\n',
        'gazette/own.txt': 'Source: Other Outlet\n\nIts own outlet wins.\n',
        'elsewhere.txt': 'Title: Elsewhere\n\nNot under the prefix.\n',
      }),
    );
    const byFile = new Map(corpus.articles.map((article) => [article.file, article]));
    expect(byFile.get('gazette/plain.txt')).toMatchObject({ outlet: 'The Harbour Gazette', language: 'en', url: 'https://gazette.example' });
    expect(byFile.get('gazette/special.txt')).toMatchObject({ outlet: 'The Harbour Gazette', url: 'https://gazette.example/special' });
    expect(byFile.get('gazette/own.txt')?.outlet).toBe('Other Outlet');
    expect(byFile.get('elsewhere.txt')).toMatchObject({ outlet: null, url: null });
    expect(corpus.rejected).toEqual([]);
  });

  it('fills in a field the file gives as empty or blank, as if the file lacked it', async () => {
    const corpus = await loadCorpus(
      await tempCorpus({
        'sources.json': JSON.stringify({ 'wire/': { outlet: 'Reuters', author: 'Wire Desk', url: 'https://wire.example', language: 'en' } }),
        'wire/blank.json': JSON.stringify({ title: 'Blank fields', text: 'The harbour reopened on Monday.', outlet: '', author: '   ', url: '', language: ' ' }),
      }),
    );
    expect(corpus.articles[0]).toMatchObject({ outlet: 'Reuters', author: 'Wire Desk', url: 'https://wire.example', language: 'en' });
  });

  it('says which prefixes a second sources file names again, whose entries win', async () => {
    const corpus = await loadCorpus(await tempCorpus({ 'sources.yaml': '"wire/":\n  outlet: Reuters\n', 'sources.yml': '"wire/":\n  outlet: AP\n"desk/":\n  outlet: Desk\n', 'wire/a.txt': GOOD }));
    expect(corpus.articles[0]).toMatchObject({ file: 'wire/a.txt', outlet: 'AP' });
    expect(corpus.warnings).toEqual([{ file: 'sources.yml', record: null, reason: '1 of its prefixes (first "wire/") are also in an earlier sources file; its entries replace those' }]);
  });

  it('reads sources.yaml too', async () => {
    const corpus = await loadCorpus(await tempCorpus({ 'sources.yaml': 'wire/:\n  outlet: Reuters\n', 'wire/a.txt': GOOD }));
    expect(corpus.articles[0]?.outlet).toBe('Reuters');
  });

  it('reads a prefix written with "./", the longer prefix still winning, among thousands', async () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`scrapes/site${i}/`, { outlet: `Outlet ${i}` }]));
    const sources = { ...many, './wire/': { outlet: 'Reuters', language: 'en' }, 'wire/desk/': { outlet: 'Reuters Desk' } };
    const corpus = await loadCorpus(await tempCorpus({ 'sources.json': JSON.stringify(sources), 'wire/a.txt': GOOD, 'wire/desk/b.txt': 'Title: B\n\nThe desk filed at noon.\n', 'scrapes/site4321/c.txt': 'Title: C\n\nThe site posted at dawn.\n' }));
    expect(Object.fromEntries(corpus.articles.map((article) => [article.file, [article.outlet, article.language]]))).toEqual({
      'scrapes/site4321/c.txt': ['Outlet 4321', null],
      'wire/a.txt': ['Reuters', 'en'],
      'wire/desk/b.txt': ['Reuters Desk', 'en'],
    });
  });

  it('reads prefixes named like what every object has ("./constructor", "./hasOwnProperty/")', async () => {
    const sources = { './constructor': { outlet: 'Builders Weekly' }, './hasOwnProperty/': { outlet: 'String Times' } };
    const corpus = await loadCorpus(await tempCorpus({ 'sources.json': JSON.stringify(sources), 'constructor/a.txt': GOOD, 'hasOwnProperty/b.txt': 'Title: B\n\nThe desk filed at noon.\n' }));
    expect(Object.fromEntries(corpus.articles.map((article) => [article.file, article.outlet]))).toEqual({ 'constructor/a.txt': 'Builders Weekly', 'hasOwnProperty/b.txt': 'String Times' });
  });

  it('names a "__proto__" prefix, which no object keeps, instead of dropping it in silence, and applies the rest', async () => {
    const json = '{"__proto__/": {"outlet": "Left"}, "__proto__": {"outlet": "Lost"}, "wire/": {"outlet": "Reuters"}}';
    const corpus = await loadCorpus(await tempCorpus({ 'sources.json': json, '__proto__/a.txt': GOOD, 'wire/b.txt': 'Title: B\n\nThe desk filed at noon.\n' }));
    expect(Object.fromEntries(corpus.articles.map((article) => [article.file, article.outlet]))).toEqual({ '__proto__/a.txt': 'Left', 'wire/b.txt': 'Reuters' });
    expect(corpus.warnings).toEqual([{ file: 'sources.json', record: null, reason: 'the prefix "__proto__" cannot be used, so its files get no defaults; the other prefixes apply' }]);
    expect(corpus.rejected).toEqual([]);
  });

  it('ignores a YAML sources file too large to parse without holding up answers, and says so', async () => {
    // The YAML parser reads about 2 MB a second on the thread that answers: 20,000 prefixes held it for seconds at every reload.
    const yaml = Array.from({ length: 8000 }, (_, i) => `"scrapes/site${String(i).padStart(6, '0')}/":\n  outlet: Outlet ${i}`).join('\n');
    const corpus = await loadCorpus(await tempCorpus({ 'sources.yaml': yaml, 'wire/a.txt': GOOD }));
    expect(corpus.rejected).toEqual([{ file: 'sources.yaml', record: null, reason: expect.stringMatching(/^sources file is \d+(?:\.\d)? KB, over the 256 KB limit; ignored$/u) }]);
    expect(corpus.articles.map((article) => article.file)).toEqual(['wire/a.txt']);
  });

  it('rejects a file named as a record of another, rather than serving one of the two', async () => {
    const records = JSON.stringify([{ title: 'First record', body: 'The first record of the export.' }, { title: 'Second record', body: 'The second record of the export.' }]);
    const corpus = await loadCorpus(await tempCorpus({ 'export.json': records, 'export.json#1': 'Title: Plain file\n\nA plain file named like a record.\n' }));
    expect(corpus.articles.map((article) => [article.id, article.title])).toEqual([
      ['export.json#1', 'First record'],
      ['export.json#2', 'Second record'],
    ]);
    expect(corpus.rejected).toEqual([{ file: 'export.json#1', record: null, reason: 'its id export.json#1 is already a record\'s of another file: rename it' }]);
  });

  it('neither waits on a FIFO named as a sources file nor reads a device linked as one', async () => {
    const dir = await tempCorpus({ 'wire/a.txt': GOOD });
    // Read with a plain open, a FIFO waited for a writer forever, and /dev/zero was read until the heap ran out.
    execFileSync('mkfifo', [path.join(dir, 'sources.json')]);
    await symlink('/dev/zero', path.join(dir, 'sources.yaml'));
    const corpus = await loadCorpus(dir);
    expect(corpus.rejected).toEqual([
      { file: 'sources.json', record: null, reason: 'not a regular file; ignored' },
      { file: 'sources.yaml', record: null, reason: 'not a regular file; ignored' },
    ]);
    expect(corpus.articles.map((article) => article.file)).toEqual(['wire/a.txt']);
  });

  it('reports an invalid sources file and loads the corpus without it', async () => {
    const corpus = await loadCorpus(await tempCorpus({ 'sources.json': JSON.stringify({ 'wire/': { outlet: 7 } }), 'wire/a.txt': GOOD }));
    expect(corpus.rejected).toEqual([{ file: 'sources.json', record: null, reason: expect.stringMatching(/^invalid sources file: wire\/\.outlet.*; ignored$/u) }]);
    expect(corpus.articles[0]).toMatchObject({ file: 'wire/a.txt', outlet: null });
  });
});

describe('the reload cache', () => {
  it('parses only new and changed files on a reload with the same cache', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD, 'b.txt': 'Title: B\n\nFirst version.\n', 'c.jsonl': JSON.stringify({ title: 'C', body: 'Record.' }) });
    const cache = new CorpusCache();
    const parsed: string[] = [];
    const onParse = (file: string): void => void parsed.push(file);
    await loadCorpus(dir, { cache, onParse });
    // Workers parse files side by side, so they finish in any order; which files were parsed is what counts.
    expect(parsed.sort()).toEqual(['a.txt', 'b.txt', 'c.jsonl']);

    parsed.length = 0;
    await writeFile(path.join(dir, 'b.txt'), 'Title: B\n\nSecond, longer version.\n');
    await utimes(path.join(dir, 'b.txt'), new Date(), new Date(Date.now() + 5000));
    const reloaded = await loadCorpus(dir, { cache, onParse });
    expect(parsed).toEqual(['b.txt']);
    expect(reloaded.articles.map((article) => article.paragraphs[0])).toEqual([
      'This article loads whatever its neighbours contain.',
      'Second, longer version.',
      'Record.',
    ]);
  });

  it('reports progress up to the total', async () => {
    const calls: [number, number][] = [];
    await loadCorpus(await tempCorpus({ 'a.txt': GOOD, 'b.txt': 'Title: B\n\nBody.\n' }), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[1, 2], [2, 2]]);
  });
});

describe('an unreadable corpus directory', () => {
  it('throws a CorpusDirectoryError naming the directory', async () => {
    await expect(loadCorpus('/nonexistent/newsdesk-corpus')).rejects.toThrow(CorpusDirectoryError);
    await expect(loadCorpus('/nonexistent/newsdesk-corpus')).rejects.toThrow(/cannot read corpus directory \/nonexistent\/newsdesk-corpus/u);
  });

  it('throws when the path is a file, not a directory', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD });
    await expect(loadCorpus(path.join(dir, 'a.txt'))).rejects.toThrow(/not a directory/u);
  });
});
