import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AnswerSchema, SearchPageSchema } from '../src/search/results.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { HUNG_MS } from './support/hung.ts';
import { newsdesk, newsdeskProcess } from './support/newsdesk-cli.ts';

const gazaArticles = Array.from({ length: 7 }, (_, i) =>
  JSON.stringify({ title: `Harbour report ${i + 1}`, outlet: i % 2 ? 'Harbour Gazette' : 'Coast Daily', published: `2024-05-0${i + 1}`, body: `The harbour crane lifted ${i + 3} containers on shift ${i + 1}, the port authority said.` }),
).join('\n');

describe('newsdesk ask', () => {
  it('answers in the terminal with the quoted sentence and its source', async () => {
    const { code, stdout } = await newsdesk(['ask', 'who met Khalil al-Hayya in Istanbul?']);
    expect(code).toBe(0);
    expect(stdout).toContain('US envoy Steve Witkoff is expected to meet senior Hamas official Khalil al-Hayya in Istanbul on Wednesday');
    expect(stdout).toContain('[1] Hamas, US Envoy Set for Istanbul Talks on Gaza — outlet unknown · 2025-11-21');
  });

  it('writes the documented JSON, quoting the article verbatim', async () => {
    const { code, stdout, stderr } = await newsdesk(['ask', 'When did Fidan meet the Hamas delegation?', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const answer = AnswerSchema.parse(JSON.parse(stdout));
    expect(answer.answered).toBe(true);
    expect(answer.sources[0]).toMatchObject({ n: 1, id: '004_104598550d79c125.txt', outlet: 'Al Mayadeen English', published: '2025-03-23T14:23' });
    const article = (await readFile('corpus/004_104598550d79c125.txt', 'utf8')).replace(/\s+/g, ' ');
    for (const sentence of answer.sentences) expect(article).toContain(sentence.text.replace(/\s+/g, ' '));
  });

  it('answers a batch from stdin, one JSON line per question, loading the corpus once', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': gazaArticles });
    const { code, stdout } = await newsdesk(['ask', '--corpus', dir, '--json'], 'How many containers did the crane lift on shift 3?\n\nWhat is the price of bitcoin?\nWho reported on the harbour?\n');
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => AnswerSchema.parse(JSON.parse(line)));
    expect(answers.map((a) => a.question)).toEqual(['How many containers did the crane lift on shift 3?', 'What is the price of bitcoin?', 'Who reported on the harbour?']);
    expect(answers[0]!.sentences[0]!.text).toBe('The harbour crane lifted 5 containers on shift 3, the port authority said.');
    expect(answers[1]!.answered).toBe(false);
  });

  it('applies the outlet and date filters', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': gazaArticles });
    const { stdout } = await newsdesk(['ask', 'harbour crane containers', '--corpus', dir, '--outlet', 'harbour gazette', '--since', '2024-05-04', '--json']);
    const answer = AnswerSchema.parse(JSON.parse(stdout));
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const source of answer.sources) {
      expect(source.outlet).toBe('Harbour Gazette');
      expect(source.published! >= '2024-05-04').toBe(true);
    }
  });
});

describe('newsdesk search', () => {
  it('pages results as JSON', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': gazaArticles });
    const first = SearchPageSchema.parse(JSON.parse((await newsdesk(['search', 'harbour crane', '--corpus', dir, '--json'])).stdout));
    const second = SearchPageSchema.parse(JSON.parse((await newsdesk(['search', 'harbour crane', '--corpus', dir, '--json', '--page', '2'])).stdout));
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 7 });
    expect(first.hits).toHaveLength(5);
    expect(second.hits).toHaveLength(2);
    const ids = [...first.hits, ...second.hits].map((hit) => hit.id);
    expect(new Set(ids).size).toBe(7);
  });

  it('prints ranked articles with snippets in the terminal', async () => {
    const { code, stdout } = await newsdesk(['search', 'Hakan Fidan']);
    expect(code).toBe(0);
    expect(stdout).toContain('1. Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza — Al Mayadeen English · 2025-03-23 14:23');
    expect(stdout).toContain('Page 1 of 1 · 1 article');
    expect(stdout).toContain('Query: Hakan Fidan');
  });
});

describe('newsdesk corpus check', () => {
  it('reports the loaded corpus as JSON', async () => {
    const { code, stdout } = await newsdesk(['corpus', 'check', 'corpus', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.articles.map((a: { title: string }) => a.title)).toEqual(['Hamas, US Envoy Set for Istanbul Talks on Gaza', 'Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza']);
    expect(report.rejected).toEqual([]);
  });

  it('shows progress on stderr while a large corpus loads, and none with --json', async () => {
    const files = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`n${i}.txt`, `Title: Note ${i}\n\nNote number ${i} was filed today.\n`]));
    const dir = await tempCorpus(files);
    const text = await newsdesk(['corpus', 'check', dir]);
    expect(text.stderr).toContain('Loading corpus: 1000 / 1000 files');
    const json = await newsdesk(['corpus', 'check', dir, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).articles).toHaveLength(1000);
  }, HUNG_MS);
});

describe('usage errors and exit codes', () => {
  it.each([['--help'], ['-h'], ['help']])('prints the usage on stdout and exits 0 for %s', async (flag) => {
    const { code, stdout, stderr } = await newsdesk([flag]);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: newsdesk ask');
    expect(stdout).toContain('newsdesk corpus export');
    expect(stderr).toBe('');
  });

  it.each([
    [[], /no command given/],
    [['summarise'], /unknown command: summarise/],
    [['ask'], /give a question, or --json/],
    [['ask', 'x', '--since', 'yesterday'], /--since must be a day written as YYYY-MM-DD/],
    [['search', 'x', '--page', 'two'], /--page must be a whole number/],
    [['ask', 'x', '--colour'], /Unknown option '--colour'/],
    // Past ten years the window's start is no date at all: it was reported as an unreadable feedback store.
    [['gaps', '--days', '10000000000'], /--days must be a whole number from 1 to 3650/],
  ])('exits 1 with the message and the usage line: %j', async (args, message) => {
    const { code, stderr } = await newsdesk(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: newsdesk ask');
  });

  // A real process: the exit status is what scripts see, set by the binary from main's return value.
  it('exits 2 when the corpus directory cannot be read', async () => {
    const { code, stderr } = await newsdeskProcess(['ask', 'anything', '--corpus', '/nonexistent/newsdesk-corpus']);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^newsdesk: cannot read corpus directory \/nonexistent\/newsdesk-corpus/);
  }, HUNG_MS);
});
