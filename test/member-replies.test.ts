import { Writable } from 'node:stream';
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { answerMessage } from '../commands/ask.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { commands } from '../commands/index.ts';
import { command as search, searchMessage } from '../commands/search.ts';
import type { CommandContext, Invoker, Reply } from '../src/discord/command.ts';
import { Dispatcher, type Responder } from '../src/discord/dispatcher.ts';
import { attributionLine, type MessagePayload } from '../src/discord/message.ts';
import { Library } from '../src/search/library.ts';
import { liveLinkTargets } from './support/markdown.ts';
import { storyArticle as article } from './support/articles.ts';

const searcher: Invoker = { id: '111111111111111111', permissions: 0n, roleIds: [] };
const bystander: Invoker = { id: '222222222222222222', permissions: 0n, roleIds: [] };

const corpus = [
  article('flood', 'Harbour Gazette', ['Read the [quayside flood report](http://evil.example/phish) before the council meets on Monday.']),
  article('wall', 'Al Mayadeen English', ['中'.repeat(120_000)]),
  article('bank', 'Reuters', ['The central bank raised interest rates by half a point on Tuesday.']),
];

/** The real commands behind a dispatcher, with every reply recorded. */
async function setup(clock = { now: 0 }, library?: Library) {
  library ??= await Library.fromArticles(corpus);
  const context: CommandContext = { library, commands, moderatorRoleIds: [], now: () => clock.now };
  const dispatcher = new Dispatcher(context, { cooldownMs: 3000, logger: pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() })) });
  const sent: Reply[] = [];
  const responder: Responder = {
    reply: async (reply) => void sent.push(reply),
    defer: async () => undefined,
    editReply: async (message) => void sent.push({ message, ephemeral: true }),
    update: async (message) => void sent.push({ message, ephemeral: false }),
    choices: async () => undefined,
  };
  const run = async (command: string, options: Record<string, string>, invoker = searcher) => {
    await dispatcher.command({ command, options, invoker }, responder);
    return sent.at(-1)!;
  };
  return { library, run, clock, context };
}

const textOf = (message: MessagePayload) => [message.content ?? '', ...(message.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])].join('\n');

describe('what members see for hostile or unusable input', () => {
  it.each(['?', '🙂🙂', 'the and of'])('answers the unusable question %j privately', async (question) => {
    const { run } = await setup();
    const reply = await run('ask', { question });
    expect(reply.ephemeral).toBe(true);
    expect(reply.message.content).toMatch(/at least one keyword/);
  });

  it.each([
    ['a long link', `https://wildlife.example/central-bank-rates/${'x'.repeat(600)}`, /^https:\/\/wildlife\.example\/central-bank-rates\/x+$/],
    ['unspaced CJK', `央行${'中'.repeat(600)}`, /^央行中+$/],
    ['a link after a word', `see https://wildlife.example/central-bank-rates/${'x'.repeat(600)}`, /^see https:\/\/wildlife\.example\/central-bank-rates\/x+$/],
    ['CJK after a word', `央行 ${'中'.repeat(600)}`, /^央行 中+$/],
  ])('runs Find coverage on %s, with no space late enough, cut at the query limit, not to its first word', async (_kind, message, query) => {
    const { run } = await setup();
    const reply = await run('Find coverage', { message });
    const field = reply.message.embeds?.[0]?.fields?.find((f) => f.name === 'Query');
    expect(field?.value).toMatch(query);
    expect(field?.value.length).toBe(500);
  });

  it('keeps a whole last word that ends right at the query limit in Find coverage', async () => {
    const { run } = await setup();
    const message = `${'gaza '.repeat(99)}Hayya and more words after the limit`;
    const field = (await run('Find coverage', { message })).message.embeds?.[0]?.fields?.find((f) => f.name === 'Query');
    expect(field?.value).toBe(`${'gaza '.repeat(99)}Hayya`);
  });

  it('answers an unusable search privately too', async () => {
    const { run } = await setup();
    expect(await run('search', { query: '???' })).toMatchObject({ ephemeral: true, message: { content: expect.stringMatching(/keyword/) } });
  });

  it('says an outlet filter names no outlet in the coverage, and suggests the closest names', async () => {
    const { run, clock } = await setup();
    const reply = await run('ask', { question: 'interest rates', outlet: 'Reuter' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.message.content).toMatch(/^No article in the coverage is from “Reuter”\. Closest outlets: Reuters, /);
    clock.now += 10_000;
    expect(await run('search', { query: 'flood', outlet: 'harbor gazette' })).toMatchObject({ message: { content: expect.stringContaining('Closest outlets: Harbour Gazette') } });
    clock.now += 10_000;
    expect(textOf((await run('ask', { question: 'interest rates', outlet: 'reuters' })).message)).toContain('half a point');
  });

  it('refuses an option longer than the command declares before doing any work', async () => {
    const { run, library } = await setup();
    let asked = 0;
    const answer = library.answer.bind(library);
    library.answer = (...args) => ((asked += 1), answer(...args));
    const reply = await run('ask', { question: 'rates '.repeat(150_000) });
    expect(reply).toMatchObject({ ephemeral: true, message: { content: '`question` is too long: at most 500 characters.' } });
    expect(asked).toBe(0);
  });

  it('puts /article under the per-member cooldown like the other commands', async () => {
    const { run } = await setup();
    expect((await run('article', { title: 'wall' })).message.embeds?.[0]?.title).toBe('Story wall');
    expect(await run('article', { title: 'wall' })).toMatchObject({ ephemeral: true, message: { content: expect.stringMatching(/^Please wait \d s before using `\/article` again\./) } });
  });

  it('shows an article of a 120,000-character unspaced paragraph cut to its lead', async () => {
    const { run } = await setup();
    const embed = (await run('article', { title: 'wall' })).message.embeds![0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(1500);
    expect(embed.description).toMatch(/^中+…$/);
  });

  it('never renders a masked link from article text in /search snippets', async () => {
    const { run } = await setup();
    const reply = await run('search', { query: 'quayside flood report' });
    const description = reply.message.embeds![0]!.description!;
    expect(description).toContain('quayside');
    expect(liveLinkTargets(description)).toEqual(['https://example.org/flood']);
  });

  it('keeps the masked link dead even when a snippet is escaped in pieces around its bold matches', () => {
    const hit = {
      id: 'flood',
      title: 'Story flood',
      outlet: 'Harbour Gazette',
      published: null,
      url: null,
      snippet: '',
      score: 1,
      snippetParts: [
        { text: 'Read the [quayside flood ', match: false },
        { text: 'report', match: true },
        { text: '](http://evil.example/phish)', match: false },
      ],
    };
    const message = searchMessage({ query: 'report', page: 1, pageCount: 1, total: 1, hits: [hit], notice: null, tookMs: 0 }, { query: 'report', filters: {} });
    expect(liveLinkTargets(message.embeds![0]!.description!)).toEqual([]);
  });

  it('escapes markdown in a notice, which repeats an outlet\'s name or the question\'s words', () => {
    const notice = 'Nothing from **Wire** [see](http://evil.example/phish) in the coverage answers this.';
    const message = answerMessage({ question: 'q', readAs: null, answered: false, sentences: [], sources: [], related: [], confidence: 0, notice, fact: null, tookMs: 0 });
    const description = message.embeds![0]!.description!;
    expect(description).toContain('\\*\\*Wire\\*\\*');
    expect(liveLinkTargets(description)).toEqual([]);
  });

  it('says under an unsure answer that its quotes may not answer the question, and not under a sure one', () => {
    const answer = (confidence: number) =>
      answerMessage({
        question: 'q',
        readAs: null,
        answered: true,
        sentences: [{ text: 'The board met.', citation: 1 }],
        sources: [{ n: 1, id: 'a', title: 'A', outlet: 'O', published: null, url: null }],
        related: [],
        confidence,
        notice: null,
        fact: null,
        tookMs: 0,
      }).embeds![0]!.footer!.text;
    expect(answer(0.32)).toBe('Quoted verbatim · confidence 32% · these may not answer the question');
    expect(answer(0.81)).toBe('Quoted verbatim · confidence 81%');
    expect(answer(0.4951)).toBe('Quoted verbatim · confidence 50%');
    expect(answer(0.4949)).toBe('Quoted verbatim · confidence 49% · these may not answer the question');
  });

  it.each([
    ['follow-up', /^\*Read as a follow-up: What did \\\*\\\*Fidan\\\*\\\* and Hayya/],
    ['story', /^\*Read as: What did \\\*\\\*Fidan\\\*\\\* and Hayya.*… \(names taken from the quoted story\)\*/],
  ] as const)('says how it read a question with names from its %s, escaped, and keeps every quote, marker and source within the embed limits', (from, line) => {
    const long = (n: number) => `${'word '.repeat(2000)}end ${n}.`;
    const ref = (n: number) => ({ id: `a${n}`, title: 'T'.repeat(300), outlet: 'O'.repeat(100), published: null, url: `https://example.com/${'p'.repeat(200)}` });
    const message = answerMessage({
      question: 'Q'.repeat(500),
      readAs: { question: `What did **Fidan** and ${'Hayya '.repeat(400)}discuss?`, from },
      answered: true,
      sentences: [1, 2, 3].map((n) => ({ text: long(n), citation: n })),
      sources: [1, 2, 3].map((n) => ({ n, ...ref(n) })),
      related: [4, 5, 6].map(ref),
      confidence: 0.9,
      notice: null,
      fact: null,
      tookMs: 0,
    });
    const embed = message.embeds![0]!;
    expect(embed.description).toMatch(line);
    expect(embed.description!.match(/\*\*\[\d\]\*\*/g)).toEqual(['**[1]**', '**[2]**', '**[3]**']);
    expect(embed.fields?.map((field) => field.name)).toEqual(['Sources', 'Related coverage']);
    expect(embed.fields![0]!.value.split('\n').map((line) => line.slice(0, 7))).toEqual(['**[1]**', '**[2]**', '**[3]**']);
    expect(embed.fields![1]!.value.split('\n')).toHaveLength(3);
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
    const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it('keeps the citation marker of one very long quote', () => {
    const text = `${'word '.repeat(2000)}end.`;
    const message = answerMessage({
      question: 'q',
      readAs: null,
      answered: true,
      sentences: [{ text, citation: 1 }],
      sources: [{ n: 1, id: 'a', title: 'A', outlet: 'O', published: null, url: null }],
      related: [],
      confidence: 1,
      notice: null,
      fact: null,
      tookMs: 0,
    });
    const embed = message.embeds![0]!;
    expect(embed.description).toMatch(/\*\*\[1\]\*\*$/);
    expect(embed.fields?.[0]?.name).toBe('Sources');
  });

  it('shows every result of a page whole, its long title and link shortened, not the last one cut in the middle of its link', () => {
    const hits = [1, 2, 3, 4, 5].map((n) => ({
      id: `b${n}`,
      title: `Bandicoot recovery program ${n} ${'reaches a milestone '.repeat(7)}`,
      outlet: 'Wildlife Wire',
      published: '2025-06-02',
      url: `https://wildlife.example/bandicoot-${n}?${'utm_source=feed&'.repeat(28)}`,
      snippet: '',
      score: 1,
      snippetParts: [{ text: 'The bandicoot ', match: false }, { text: 'recovery', match: true }, { text: ` program ${'grew again this spring '.repeat(8)}`, match: false }],
    }));
    const message = searchMessage({ query: 'bandicoot recovery', page: 1, pageCount: 2, total: 9, hits, notice: null, tookMs: 0 }, { query: 'bandicoot recovery', filters: {} });
    const entries = message.embeds![0]!.description!.split('\n\n');
    expect(entries.map((entry) => entry.slice(0, 6))).toEqual(['**1.**', '**2.**', '**3.**', '**4.**', '**5.**']);
    for (const entry of entries) expect(entry).toMatch(/ — Wildlife Wire · 2025-06-02\nThe bandicoot \*\*recovery\*\* program/);
    expect(message.embeds![0]!.description!.length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
  });

  it('hands the room a shortened source frees to the next, so one long link is kept when two cannot be', () => {
    const source = (n: number, url: string | null) => ({ n, id: `s${n}`, title: `Strike on the camp, report ${n}`, outlet: 'Al Jazeera English', published: '2025-11-21', url });
    const message = answerMessage({
      question: 'q',
      readAs: null,
      answered: true,
      sentences: [1, 2, 3].map((n) => ({ text: `Sentence ${n}.`, citation: n })),
      sources: [source(1, `https://aljazeera.example/${'a'.repeat(440)}`), source(2, `https://aljazeera.example/${'b'.repeat(440)}`), source(3, 'https://ap.example/3')],
      related: [],
      confidence: 0.9,
      notice: null,
      fact: null,
      tookMs: 0,
    });
    const lines = message.embeds![0]!.fields![0]!.value.split('\n');
    expect(lines.map((line) => line.includes('](https://'))).toEqual([true, false, true]);
    expect(lines.join('\n').length).toBeLessThanOrEqual(1024);
  });

  it('keeps every link of a page that fits whole, and shortens a long title inside its link before dropping the link', () => {
    const hit = (n: number, url: string) => ({ id: `h${n}`, title: `Harbour story ${n}`, outlet: 'Gazette', published: null, url, snippet: '', score: 1, snippetParts: [{ text: 'The quay.', match: false }] });
    const fits = searchMessage({ query: 'quay', page: 1, pageCount: 1, total: 2, hits: [hit(1, `https://gazette.example/${'a'.repeat(480)}`), hit(2, 'https://gazette.example/2')], notice: null, tookMs: 0 }, { query: 'quay', filters: {} });
    expect(fits.embeds![0]!.description).toContain(`[Harbour story 1](https://gazette.example/${'a'.repeat(480)})`);
    const line = attributionLine({ title: `Harbour story ${'long '.repeat(60)}`, outlet: 'Gazette', published: null, url: 'https://gazette.example/quay' }, 200);
    expect(line).toMatch(/^\[Harbour story long .*…\]\(https:\/\/gazette\.example\/quay\) — Gazette · date unknown$/);
    expect(line.length).toBeLessThanOrEqual(200);
  });

  it('leaves the searcher’s message alone when a bystander presses an expired button', async () => {
    const { library, context } = await setup();
    const page = library.search('central bank', {}, 1);
    const message = searchMessage(page, { query: 'central bank', filters: {} }, { askerId: searcher.id, issuedAt: 0 });
    const customId = 'search:2:' + searcher.id + ':0';
    const later = { ...context, now: () => 60 * 60_000 };
    const outcome = search.press!({ customId, invoker: bystander, embeds: message.embeds! }, later);
    expect(outcome).toMatchObject({ kind: 'reply', reply: { ephemeral: true, message: { content: expect.stringMatching(/Only the person who ran this search/) } } });
    expect(search.press!({ customId, invoker: searcher, embeds: message.embeds! }, later)).toMatchObject({ kind: 'update', message: { content: expect.stringMatching(/expired/) } });
  });

  it('shows a moderator why a reload failed, and says the old coverage is still served', async () => {
    const broken = await Library.fromArticles(corpus, { load: () => Promise.reject(new Error('cannot read the corpus directory /srv/news: EACCES')) });
    const { run } = await setup({ now: 0 }, broken);
    const moderator: Invoker = { id: '333333333333333333', permissions: PermissionFlagsBits.ManageGuild, roleIds: [] };
    const reply = await run('reload', {}, moderator);
    expect(reply.ephemeral).toBe(true);
    expect(reply.message.content).toMatch(/^The reload failed; the coverage as it was is still served\. cannot read the corpus directory \/srv\/news: EACCES \(ref [0-9A-F]{6}\)$/);
  });

  it('registers where each command works explicitly: /reload in servers only', () => {
    const contexts = Object.fromEntries(commands.map((c) => [c.definition.name, c.definition.contexts]));
    expect(contexts.reload).toEqual([InteractionContextType.Guild]);
    for (const name of ['ask', 'search', 'article', 'coverage', 'help', 'Find coverage']) expect(contexts[name]).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
  });
});

describe('/article suggestions', () => {
  it('tells apart two articles with one headline and opens each, however long their ids', async () => {
    const path = (n: number) => `scrapes/www.example-news-outlet.com/2025/03/23/world/middle-east/hostage-deal-reached-after-weeks-of-talks-in-cairo-and-doha-${n}.txt`;
    const library = await Library.fromArticles([5, 6].map((n) => ({ ...article(path(n), `Outlet ${n}`, [`Report number ${n} on the deal.`]), title: 'Hostage deal reached' })));
    const context: CommandContext = { library, commands, moderatorRoleIds: [], now: () => 0 };
    const articleCommand = commands.find((c) => c.definition.name === 'article')!;
    const choices = await articleCommand.autocomplete!({ command: 'article', options: {}, invoker: searcher, focused: { name: 'title', value: 'hostage deal' } }, context);
    expect(choices.map((c) => c.name).sort()).toEqual(['Hostage deal reached — Outlet 5 · 2025-05-01', 'Hostage deal reached — Outlet 6 · 2025-05-01']);
    for (const choice of choices) {
      expect(String(choice.value).length).toBeLessThanOrEqual(DiscordLimits.choiceValue);
      const shown = await articleCommand.execute({ command: 'article', options: { title: String(choice.value) }, invoker: searcher }, context);
      expect(shown.message.embeds?.[0]?.fields?.[0]?.value).toBe(choice.name.includes('Outlet 5') ? 'Outlet 5' : 'Outlet 6');
    }
  });
});

describe('a company named with "&"', () => {
  it('answers "What did AT&T say?" and finds AT&T, typed in capitals or not, instead of asking for a keyword', async () => {
    const library = await Library.fromArticles([article('att', 'Wire', ['P&G reported higher profits, while R&D spending at AT&T rose.', 'AT&T said on Monday it would cut long-distance prices by 5 percent.'])]);
    for (const question of ['What did AT&T say?', 'what did at&t say']) {
      expect(library.answer(question).sentences[0]?.text).toBe('AT&T said on Monday it would cut long-distance prices by 5 percent.');
    }
    expect(library.search('AT&T').total).toBe(1);
  });
});
