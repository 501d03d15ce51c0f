import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { command as compare, compareMessage } from '../commands/compare.ts';
import { command as timeline } from '../commands/timeline.ts';
import type { CommandContext, Invoker } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import type { MessagePayload } from '../src/discord/message.ts';
import { ComparisonSchema } from '../src/search/compare.ts';
import { Library } from '../src/search/library.ts';
import { TimelineSchema } from '../src/search/timeline.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const asker: Invoker = { id: '500000000000000001', permissions: 0n, roleIds: [] };

/** Articles on a desalination plant from several outlets (one article names none, one no date), plus one off the topic. */
const records = [
  { title: 'Plant approved', outlet: 'Harbour Gazette', published: '2025-01-10', body: 'The council approved the desalination plant on Monday. Work starts in spring.' },
  { title: 'Plant opens', outlet: 'Harbour Gazette', published: '2025-06-02', body: 'The desalination plant opened on Friday, supplying 40,000 homes. Queues formed at the gates.' },
  { title: 'Costs rise', outlet: 'Coast *Daily*', published: '2025-03-15', body: 'Costs of the desalination plant rose by a third, the treasurer said. Critics want an inquiry.' },
  { title: 'A reader writes', outlet: undefined, published: '2025-04-01', body: 'I doubt the desalination plant will ever pay for itself. Water is cheap.' },
  { title: 'Undated note', outlet: 'Coast *Daily*', published: undefined, body: 'A note on the desalination plant: its intake pipe is 2 km long.' },
  { title: 'Rain returns', outlet: 'Weather Weekly', published: '2025-06-05', body: 'Rain returned to the coast after a dry month.' },
];

async function library(): Promise<Library> {
  return Library.open(await tempCorpus({ 'plant.jsonl': records.map((r) => JSON.stringify(r)).join('\n') }));
}

function bodyOf(title: string | null): string {
  return records.find((r) => r.title === title)!.body;
}

describe('compare', () => {
  it('quotes each outlet that covered the topic once, verbatim, newest first, the unnamed ones grouped as unknown', async () => {
    const comparison = (await library()).compare('desalination plant');
    expect(ComparisonSchema.parse(comparison)).toEqual(comparison);
    // Ordered by the date of the article each quote comes from (each outlet's most relevant one), undated last.
    expect(comparison.outlets.map((o) => [o.outlet, o.articleCount, o.article.published])).toEqual([
      [null, 1, '2025-04-01'],
      ['Harbour Gazette', 2, '2025-01-10'],
      ['Coast *Daily*', 2, null],
    ]);
    for (const quote of comparison.outlets) expect(bodyOf(quote.article.title)).toContain(quote.sentence);
    expect(comparison.outlets[1]!.sentence).toBe('The council approved the desalination plant on Monday.');
  });

  it('groups an outlet however its articles capitalise it, as the outlet filter does, in /compare and /coverage alike', async () => {
    const spelt = ['Reuters', 'REUTERS', 'Reuters'].map((outlet, n) => JSON.stringify({ title: `Dam ${n}`, outlet, published: `2025-02-0${n + 1}`, body: `The dam on the river burst in part ${n}.` }));
    const lib = await Library.open(await tempCorpus({ 'dam.jsonl': spelt.join('\n') }));
    const comparison = lib.compare('dam burst');
    expect(comparison.outlets.map((o) => [o.outlet, o.articleCount])).toEqual([[comparison.outlets[0]!.article.outlet, 3]]);
    expect(lib.coverage().outlets).toEqual([{ outlet: 'Reuters', count: 3 }]);
    expect(lib.search('dam', { outlet: 'reuters' }).total).toBe(3);
  });

  it('leaves out outlets with nothing on the topic, and honours the date filters', async () => {
    const lib = await library();
    expect(lib.compare('rain').outlets.map((o) => o.outlet)).toEqual(['Weather Weekly']);
    expect(lib.compare('desalination', { until: '2025-03-31' }).outlets.map((o) => [o.outlet, o.article.title])).toEqual([
      ['Coast *Daily*', 'Costs rise'],
      ['Harbour Gazette', 'Plant approved'],
    ]);
    expect(lib.compare('volcano')).toMatchObject({ total: 0, outlets: [], notice: 'No outlet in the coverage reported on that.' });
  });

  it('pages outlets five at a time; the press is served from the message alone and by the asker alone', async () => {
    const many = Array.from({ length: 7 }, (_, i) => JSON.stringify({ title: `Tram report ${i}`, outlet: `Outlet ${i}`, published: `2025-02-0${i + 1}`, body: `The new tram line carried ${i + 100} riders.` }));
    const context: CommandContext = { library: await Library.open(await tempCorpus({ 'trams.jsonl': many.join('\n') })), commands, moderatorRoleIds: [], now: () => 1_800_000_000_000 };
    const reply = await compare.execute({ command: 'compare', options: { topic: 'tram line' }, invoker: asker }, context);
    const embed = reply.message.embeds![0]!;
    expect(embed.footer!.text).toBe('Newest first · quoted verbatim · page 1 of 2 · 7 outlets');
    expect(embed.description).toMatch(/^\*\*1\. Outlet 6 \(1 article\)\*\*\n> The new tram line carried 106 riders\./);
    const next = buttonIds(reply.message)[1]!;
    const paged = compare.press!({ customId: next, invoker: asker, embeds: reply.message.embeds! }, context);
    expect(paged.kind === 'update' && paged.message.embeds![0]!.description).toMatch(/^\*\*6\. Outlet 1/);
    const stranger = compare.press!({ customId: next, invoker: { ...asker, id: '500000000000000002' }, embeds: reply.message.embeds! }, context);
    expect(stranger).toMatchObject({ kind: 'reply', reply: { ephemeral: true, message: { content: expect.stringMatching(/Only the person who ran this comparison/) } } });
  });

  it('fits Discord limits and escapes article text, however long the quotes', () => {
    const long = 'Word '.repeat(900);
    const message = compareMessage(
      {
        topic: 'x',
        page: 1,
        pageCount: 1,
        total: 5,
        outlets: Array.from({ length: 5 }, (_, i) => ({ outlet: `*Bold* outlet ${i} @everyone`, articleCount: 1, sentence: long, article: { id: `${i}`, title: `T ${'long '.repeat(80)}`, outlet: null, published: null, url: `https://example.org/${'a'.repeat(400)}` } })),
        notice: null,
        tookMs: 1,
      },
      { text: 'x', filters: {} },
    );
    const embed = message.embeds![0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
    expect(JSON.stringify(embed).length).toBeLessThan(DiscordLimits.embedTotal + 2000);
    expect(embed.description!.split('\n\n').map((block) => block.split('\n').at(-1))).toEqual(Array.from({ length: 5 }, () => expect.stringMatching(/^\[?T long .*(?:\]\(https:\/\/example\.org\/a+\))? · date unknown$/)));
    expect(embed.description).toContain('\\*Bold\\* outlet 0 @\u200beveryone');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('timeline', () => {
  it('lists matching articles oldest first, undated last, each with its most relevant sentence, and the first and last dates', async () => {
    const result = (await library()).timeline('desalination plant');
    expect(TimelineSchema.parse(result)).toEqual(result);
    expect(result.entries.map((e) => e.title)).toEqual(['Plant approved', 'Costs rise', 'A reader writes', 'Plant opens', 'Undated note']);
    expect(result).toMatchObject({ first: '2025-01-10', last: '2025-06-02', undated: 1, total: 5, pageCount: 1 });
    for (const entry of result.entries) expect(bodyOf(entry.title)).toContain(entry.sentence!);
    expect(result.entries[0]!.sentence).toBe('The council approved the desalination plant on Monday.');
  });

  it('narrows to one outlet, and shows the date span and undated count in the footer', async () => {
    const context: CommandContext = { library: await library(), commands, moderatorRoleIds: [], now: Date.now };
    const reply = await timeline.execute({ command: 'timeline', options: { topic: 'desalination', outlet: 'coast *daily*' }, invoker: asker }, context);
    const embed = reply.message.embeds![0]!;
    expect(embed.description).toMatch(/^\*\*1\. 2025-03-15\*\* · Costs rise — Coast \\\*Daily\\\*\n> Costs of the desalination plant rose by a third, the treasurer said\./);
    expect(embed.description).toContain('**2. date unknown** · Undated note');
    expect(embed.footer!.text).toBe('2025-03-15 to 2025-03-15 · page 1 of 1 · 2 articles (1 undated, listed last)');
    expect(embed.fields).toEqual([
      { name: 'Topic', value: 'desalination', inline: true },
      { name: 'Outlet', value: 'coast \\*daily\\*', inline: true },
    ]);
  });
});

function buttonIds(message: MessagePayload): string[] {
  return (message.components ?? []).flatMap((row) => row.components).map((button) => ('custom_id' in button ? button.custom_id : ''));
}

describe('an outlet a question names by its short form', () => {
  it('is found whichever way its articles capitalise it, the commonest spelling all in capitals', async () => {
    const records = [
      { title: 'Dredging starts', outlet: 'BBC NEWS', published: '2025-02-01', body: 'Harbour dredging started on Monday, the port authority said.' },
      { title: 'Dredging halted', outlet: 'BBC NEWS', published: '2025-02-03', body: 'Harbour dredging was halted after a storm.' },
      { title: 'Dredging resumes', outlet: 'BBC News', published: '2025-02-05', body: 'Harbour dredging resumed on Friday.' },
      { title: 'Dredging costs', outlet: 'Harbour Gazette', published: '2025-02-06', body: 'Harbour dredging will cost more than planned, the council said.' },
    ];
    const lib = await Library.open(await tempCorpus({ 'bbc.jsonl': records.map((r) => JSON.stringify(r)).join('\n') }));
    const answer = lib.answer('What did the BBC report about harbour dredging?');
    expect(answer.answered).toBe(true);
    expect(answer.sources.every((source) => source.outlet?.toLowerCase() === 'bbc news')).toBe(true);
  });
});
