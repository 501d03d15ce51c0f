/**
 * /compare, /timeline, the feedback buttons and /gaps end to end: through the real discord.js client
 * and the loopback Discord, over signed HTTP interactions, and in the console, each over a real
 * SQLite feedback store.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits, type APIEmbed, type Client } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/discord/bot.ts';
import { startGatewayBot } from '../src/discord/gateway.ts';
import { startHttpServer, type HttpEndpoint } from '../src/discord/http.ts';
import { Library } from '../src/search/library.ts';
import { openRecorder } from '../src/store/open.ts';
import type { FeedbackRecorder } from '../src/store/recorder.ts';
import { startDiscordServer, type DiscordServer, type InteractionCallbackBody } from './support/discord-server.ts';
import { typeIntoConsole } from './support/console-session.ts';
import { until } from './support/until.ts';

const TOKEN = 'fake-bot-token.for-community-tests.0123456789';
const silent = pino({ level: 'silent' });
const member = { user: { id: '410000000000000001', username: 'reader' }, permissions: PermissionFlagsBits.SendMessages };
const moderator = { user: { id: '410000000000000002', username: 'mod' }, permissions: PermissionFlagsBits.ManageGuild };

/** Seven outlets on a tram line, one article each, dated a day apart: two pages of /compare and /timeline. */
const trams = Array.from({ length: 7 }, (_, i) =>
  JSON.stringify({
    title: `Tram line report ${i + 1}`,
    outlet: `Outlet ${i + 1}`,
    published: `2025-02-0${i + 1}`,
    url: `https://trams.example/${i + 1}`,
    body: `The harbour tram line carried ${i + 100} riders on its day ${i + 1}. Ticket machines were busy.`,
  }),
).join('\n');

async function corpusAndStore(): Promise<{ dir: string; library: Library; feedback: FeedbackRecorder }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-community-'));
  for (const seed of ['000_142b436908202848.txt', '004_104598550d79c125.txt']) await copyFile(join('corpus', seed), join(dir, seed));
  await writeFile(join(dir, 'trams.jsonl'), trams);
  const feedback = openRecorder({ DATABASE_PATH: join(dir, 'store', 'newsdesk.db'), FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'on' }, silent)!;
  return { dir, library: await Library.open(dir), feedback };
}

function buttonsOf(data: { components?: unknown[] } | undefined): Array<{ custom_id: string; label: string; disabled?: boolean }> {
  return ((data?.components ?? []) as Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>).flatMap((row) => row.components);
}

describe('through the gateway and the loopback Discord', () => {
  let discord: DiscordServer;
  let client: Client;
  let setup: Awaited<ReturnType<typeof corpusAndStore>>;

  beforeAll(async () => {
    setup = await corpusAndStore();
    discord = await startDiscordServer({ token: TOKEN, guilds: [{ name: 'Newsroom' }] });
    const dispatcher = createDispatcher(setup.library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, silent, undefined, setup.feedback);
    client = await startGatewayBot({ token: TOKEN, apiUrl: discord.apiUrl, dispatcher, logger: silent });
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
    await setup?.feedback.close();
    if (setup) await rm(setup.dir, { recursive: true, force: true });
  });

  it('/compare quotes one sentence per outlet, newest first, and pages with Next', async () => {
    const handle = discord.command({ name: 'compare', options: { topic: 'tram line riders' }, ...member });
    const first = await handle.firstResponse();
    expect(first).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    const embed = first.data!.embeds![0]!;
    expect(embed.description).toMatch(/^\*\*1\. Outlet 7 \(1 article\)\*\*\n> The harbour tram line carried 106 riders on its day 7\.\n\[Tram line report 7\]\(https:\/\/trams\.example\/7\) · 2025-02-07/);
    expect(embed.footer!.text).toBe('Newest first · quoted verbatim · page 1 of 2 · 7 outlets');
    const next = buttonsOf(first.data)[1]!;
    const paged = await discord.pressButton({ customId: next.custom_id, message: handle.originalMessage, ...member }).firstResponse();
    expect(paged.type).toBe(7);
    expect(paged.data!.embeds![0]!.description).toMatch(/^\*\*6\. Outlet 2 /);
  });

  it('/timeline lists the articles oldest first with the first and last dates in the footer', async () => {
    const reply = await discord.command({ name: 'timeline', options: { topic: 'tram riders', since: '2025-02-02' }, ...member }).firstResponse();
    const embed = reply.data!.embeds![0]!;
    expect(embed.description).toMatch(/^\*\*1\. 2025-02-02\*\* · \[Tram line report 2\]\(https:\/\/trams\.example\/2\) — Outlet 2\n> The harbour tram line carried 101 riders on its day 2\./);
    expect(embed.footer!.text).toBe('2025-02-02 to 2025-02-07 · page 1 of 2 · 6 articles');
  });

  it('/ask carries Helpful and Not helpful, any member may press them, thanked privately; /gaps shows moderators what was missed', async () => {
    const handle = discord.command({ name: 'ask', options: { question: 'Who met Khalil al-Hayya in Istanbul?' }, ...member });
    const answer = await handle.firstResponse();
    expect(buttonsOf(answer.data).map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    const notHelpful = buttonsOf(answer.data)[1]!.custom_id;
    const thanks = await discord.pressButton({ customId: notHelpful, message: handle.originalMessage, user: { id: '410000000000000003' } }).firstResponse();
    expect(thanks).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^Thanks: marked as not helpful/) } });
    for (const question of ['When does the night tram run?', 'night tram timetable', 'What is the weather in Oslo?']) {
      await discord.command({ name: 'ask', options: { question }, ...member }).firstResponse();
    }
    const refused = discord.command({ name: 'gaps', ...member });
    expect(await refused.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    expect((await refused.nextEdit()).content).toMatch(/^Only moderators/);
    const gaps = discord.command({ name: 'gaps', options: { days: 7 }, ...moderator });
    expect(await gaps.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    const report = (await gaps.nextEdit()).embeds![0]! as APIEmbed;
    expect(report.title).toBe('Knowledge gaps · last 7 days');
    expect(report.fields).toEqual([
      { name: 'Not answered', value: expect.stringMatching(/^\*\*2×\*\* “(When does the night tram run\?|night tram timetable)” · also asked as “.+”\n\*\*1×\*\* “What is the weather in Oslo\?”$/) },
      { name: 'Marked not helpful', value: '**1×** not helpful (0 helpful): “Who met Khalil al-Hayya in Istanbul?”' },
      { name: 'Most cited articles', value: expect.stringContaining('**1×** Hamas, US Envoy Set for Istanbul Talks on Gaza') },
    ]);
  });
});

describe('over HTTP interactions', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the tail of its DER (SPKI) encoding; the Developer Portal shows it as hex.
  const publicHex = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('hex');
  let setup: Awaited<ReturnType<typeof corpusAndStore>>;
  let endpoint: HttpEndpoint;
  let webhook: Server;
  const edits: unknown[] = [];
  let sent = 0;

  /** Posts an interaction signed as Discord signs it; returns the HTTP response body. */
  async function interact(body: Record<string, unknown>, who = member): Promise<InteractionCallbackBody> {
    sent += 1;
    const json = JSON.stringify({ id: String(910000000000000000n + BigInt(sent)), application_id: '123456789012345678', token: `tok-${sent}`, version: 1, guild_id: '223456789012345678', member: { user: who.user, roles: [], permissions: String(who.permissions) }, ...body });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + json), privateKey).toString('hex');
    const response = await fetch(`${endpoint.url}/interactions`, { method: 'POST', body: json, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } });
    expect(response.status).toBe(200);
    return (await response.json()) as InteractionCallbackBody;
  }
  const command = (name: string, options: Record<string, string | number>, who = member) =>
    interact({ type: 2, data: { id: '1', name, type: 1, options: Object.entries(options).map(([option, value]) => ({ name: option, type: typeof value === 'number' ? 4 : 3, value })) } }, who);
  const press = (customId: string, embeds: unknown[] = []) => interact({ type: 3, data: { custom_id: customId, component_type: 2 }, message: { embeds } });

  beforeAll(async () => {
    setup = await corpusAndStore();
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk)).on('end', () => {
        edits.push(JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const dispatcher = createDispatcher(setup.library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, silent, 'replica', setup.feedback);
    const apiUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/api`;
    endpoint = await startHttpServer({ port: 0, host: '127.0.0.1', publicKey: publicHex, apiUrl, service: Promise.resolve({ library: setup.library, dispatcher }), logger: silent });
  });

  afterAll(async () => {
    await endpoint?.close();
    await new Promise((resolve) => webhook?.close(resolve));
    await setup?.feedback.close();
    if (setup) await rm(setup.dir, { recursive: true, force: true });
  });

  it('pages /compare and /timeline from the message alone, as any replica would', async () => {
    const compared = await command('compare', { topic: 'tram line', until: '2025-02-06' });
    expect(compared.data!.embeds![0]!.footer!.text).toBe('Newest first · quoted verbatim · page 1 of 2 · 6 outlets');
    const paged = await press(buttonsOf(compared.data)[1]!.custom_id, compared.data!.embeds!);
    expect(paged).toMatchObject({ type: 7, data: { embeds: [{ description: expect.stringMatching(/^\*\*6\. Outlet 1 /) }] } });
    const timeline = await command('timeline', { topic: 'tram line', outlet: 'Outlet 3' });
    expect(timeline.data!.embeds![0]!.description).toMatch(/^\*\*1\. 2025-02-03\*\* · \[Tram line report 3\]/);
    expect(buttonsOf(timeline.data)).toEqual([]);
  });

  it('records /ask, takes a vote, and reports it in /gaps through the webhook edit', async () => {
    const answer = await command('ask', { question: 'How many riders did the harbour tram line carry on day 3?' });
    const [helpful, notHelpful] = buttonsOf(answer.data);
    expect(await press(notHelpful!.custom_id)).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/not helpful/) } });
    expect(await press(helpful!.custom_id)).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^Thanks: marked as helpful/) } });
    await command('ask', { question: 'Is the ferry running?' });
    expect(await command('gaps', { days: 1 }, moderator)).toMatchObject({ type: 5, data: { flags: 64 } });
    const report = (await until(() => edits.at(-1) as { embeds: APIEmbed[] } | undefined)).embeds[0]!;
    expect(report.fields![0]).toEqual({ name: 'Not answered', value: '**1×** “Is the ferry running?”' });
    expect(report.fields![1]).toEqual({ name: 'Marked not helpful', value: 'none' });
    expect(report.fields![2]!.value).toMatch(/^\*\*1×\*\* Tram line report 3 \(trams\.jsonl#3\)$/);
  });
});

describe('in the console', () => {
  it('answers /compare and /timeline, takes a vote by typing the button, and shows /gaps', async () => {
    const setup = await corpusAndStore();
    const dispatcher = createDispatcher(setup.library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, silent, undefined, setup.feedback);
    const printed = await typeIntoConsole(dispatcher, ['/compare tram line', 'next', '/timeline tram line since: 2025-02-06', '/ask Who met Khalil al-Hayya in Istanbul?', 'not helpful', '/ask Where is the tram depot?', '/gaps 3', '/gaps 1e10']);
    await setup.feedback.close();
    await rm(setup.dir, { recursive: true, force: true });
    expect(printed).toContain('1. Outlet 7 (1 article)');
    expect(printed).toContain('6. Outlet 2 (1 article)');
    expect(printed).toContain('2025-02-06 to 2025-02-07 · page 1 of 1 · 2 articles');
    expect(printed).toContain('(type helpful or not helpful to press)');
    expect(printed).toContain('Thanks: marked as not helpful.');
    expect(printed).toContain('Knowledge gaps · last 3 days');
    expect(printed).toContain('1× “Where is the tram depot?”');
    expect(printed).toContain('1× not helpful (0 helpful): “Who met Khalil al-Hayya in Istanbul?”');
    // Past ten years the window's start is no date at all: it was "Something went wrong".
    expect(printed).toContain('`days` must be a whole number of days, from 1 to 3650.');
  });
});
