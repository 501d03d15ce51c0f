import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { PermissionFlagsBits, type Client } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { createDispatcher } from '../src/discord/bot.ts';
import { startGatewayBot } from '../src/discord/gateway.ts';
import { Library } from '../src/search/library.ts';
import { startDiscordServer, type DiscordServer, type InteractionCallbackBody } from './support/discord-server.ts';
import { HUNG_MS } from './support/hung.ts';

const TOKEN = 'fake-bot-token.for-loopback-tests.0123456789';
const SEEDS = ['000_142b436908202848.txt', '004_104598550d79c125.txt'];
const run = promisify(execFile);

/** The buttons of the first action row of a reply. */
function buttonsOf(reply: InteractionCallbackBody): Array<{ custom_id: string; disabled: boolean }> {
  const row = reply.data!.components![0] as { components: Array<{ custom_id: string; disabled: boolean }> };
  return row.components;
}

/** Seven short articles mentioning the Rafah crossing, so /search has two pages. */
const rafahRecords = Array.from({ length: 7 }, (_, i) =>
  JSON.stringify({
    title: `Rafah crossing update ${i + 1}`,
    outlet: 'Loopback Times',
    published: `2025-04-0${i + 1}`,
    url: `https://loopback.example/rafah-${i + 1}`,
    body: `The Rafah crossing opened for ${i + 10} aid trucks on day ${i + 1}, officials said. Convoy number ${i + 1} waited at the gate.`,
  }),
).join('\n');

describe('the bot end to end, through the real discord.js client and a loopback Discord', () => {
  let discord: DiscordServer;
  let client: Client;
  let library: Library;
  let corpusDir: string;
  let moderatorRole: string;
  const logLines: string[] = [];
  const member = { user: { id: '400000000000000001', username: 'reader' }, permissions: PermissionFlagsBits.SendMessages };

  beforeAll(async () => {
    corpusDir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-'));
    for (const seed of SEEDS) await copyFile(join('corpus', seed), join(corpusDir, seed));
    await writeFile(join(corpusDir, 'rafah.jsonl'), rafahRecords);
    discord = await startDiscordServer({ token: TOKEN, guilds: [{ name: 'Newsroom', roles: [{ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild }] }] });
    moderatorRole = discord.guilds[0]!.roleIds.Moderator!;
    library = await Library.open(corpusDir);
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
    const dispatcher = createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, logger);
    client = await startGatewayBot({ token: TOKEN, apiUrl: discord.apiUrl, dispatcher, logger });
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
    if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
  });

  it('answers /ask with a quoted sentence, its citation and source, and allows no mentions', async () => {
    const reply = await discord.command({ name: 'ask', options: { question: 'Who is Witkoff meeting in Istanbul? @everyone' }, ...member }).firstResponse();
    expect(reply.type).toBe(4);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = reply.data!.embeds![0]!;
    expect(embed.description).toContain('meet senior Hamas official Khalil al-Hayya in Istanbul');
    expect(embed.description).toContain('**[1]**');
    expect(embed.title).not.toContain('@everyone');
    expect(embed.fields?.[0]).toMatchObject({ name: 'Sources' });
    expect(embed.fields?.[0]?.value).toContain('Hamas, US Envoy Set for Istanbul Talks on Gaza — outlet unknown · 2025-11-21');
    expect(reply.data?.flags ?? 0).toBe(0);
  });

  it('says plainly when the coverage does not answer, and answers privately when asked to', async () => {
    const reply = await discord.command({ name: 'ask', options: { question: 'Who won the football match last night?', private: true }, ...member }).firstResponse();
    expect(reply.data!.embeds![0]!.description).toMatch(/couldn't find this in the coverage/);
    expect(reply.data!.embeds![0]!.description).not.toContain('Gaza');
    expect(reply.data?.flags).toBe(64);
  });

  it('refuses a malformed date option with a short ephemeral note', async () => {
    const reply = await discord.command({ name: 'ask', options: { question: 'Rafah', since: 'last week' }, ...member }).firstResponse();
    expect(reply).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^`since` must be a day/) } });
  });

  it('pages /search with Next for the asker only', async () => {
    const search = discord.command({ name: 'search', options: { query: 'Rafah crossing' }, ...member });
    const first = await search.firstResponse();
    expect(first.data!.embeds![0]!.footer!.text).toBe('Page 1 of 2 · 7 articles');
    const [previous, next] = buttonsOf(first);
    expect(previous!.disabled).toBe(true);
    const paged = await discord.pressButton({ customId: next!.custom_id, message: search.originalMessage, ...member }).firstResponse();
    expect(paged.type).toBe(7);
    expect(paged.data!.embeds![0]!.footer!.text).toBe('Page 2 of 2 · 7 articles');
    expect(paged.data!.embeds![0]!.description).toMatch(/^\*\*6\.\*\*/);
    const back = buttonsOf(paged)[0]!.custom_id;
    const stranger = await discord.pressButton({ customId: back, message: search.originalMessage, user: { id: '400000000000000099' } }).firstResponse();
    expect(stranger).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Only the person who ran this search/) } });
  });

  it('finds coverage for a message through its context menu, privately, with paging', async () => {
    const targetId = '600000000000000001';
    const content = 'Anyone know if the Rafah crossing opened today? @everyone';
    const resolved = { messages: { [targetId]: { id: targetId, content } } } as never;
    const found = discord.command({ name: 'Find coverage', targetId, resolved, ...member });
    const reply = await found.firstResponse();
    expect(reply).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const embed = reply.data!.embeds![0]!;
    expect(embed.description).toMatch(/^\*\*1\.\*\* \[Rafah crossing update/);
    expect(embed.fields).toContainEqual({ name: 'Query', value: 'Anyone know if the Rafah crossing opened today? @\u200beveryone', inline: true });
    const paged = await discord.pressButton({ customId: buttonsOf(reply)[1]!.custom_id, message: found.originalMessage, ...member }).firstResponse();
    expect(paged.data!.embeds![0]!.footer!.text).toMatch(/^Page 2 of /);
  });

  it('tells a press on a forgotten search that its buttons expired', async () => {
    const reply = await discord.pressButton({ customId: 'search:unknownkey:2', ...member }).firstResponse();
    expect(reply.type).toBe(7);
    expect(reply.data?.content).toMatch(/buttons have expired/);
    expect(reply.data?.components).toEqual([]);
  });

  it('autocompletes /article titles within Discord limits, and shows the chosen article', async () => {
    const suggestions = await discord.autocomplete({ name: 'article', options: { title: 'Turki' }, focused: 'title', ...member }).firstResponse();
    expect(suggestions.type).toBe(8);
    const choices = suggestions.data!.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.name).toBe('Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza');
    const shown = await discord.command({ name: 'article', options: { title: String(choices[0]!.value) }, ...member }).firstResponse();
    const embed = shown.data!.embeds![0]!;
    expect(embed.fields).toEqual(expect.arrayContaining([{ name: 'Outlet', value: 'Al Mayadeen English', inline: true }, { name: 'Published', value: '2025-03-23 14:23', inline: true }]));
    expect(embed.description).toMatch(/^Hakan Fidan has met with Khalil al-Hayya/);
  });

  it('refuses /reload to a plain member, and reloads nothing', async () => {
    await writeFile(join(corpusDir, 'hidden.md'), '---\ntitle: Quokka census\noutlet: Loopback Times\n---\nThe quokka census counted 12,000 quokkas on Rottnest.\n');
    const handle = discord.command({ name: 'reload', ...member });
    expect(await handle.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    expect((await handle.nextEdit()).content).toMatch(/Only moderators/);
    expect(library.answer('How many quokkas were counted?').answered).toBe(false);
  });

  it('reloads for a moderator, reporting the added file, which /ask then finds', async () => {
    const handle = discord.command({ name: 'reload', roles: [moderatorRole], user: { id: '400000000000000002' } });
    expect(await handle.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    const report = (await handle.nextEdit()).embeds![0]!;
    expect(report.description).toMatch(/1 added, 0 updated, 0 removed, 0 rejected/);
    expect(report.fields).toEqual([{ name: 'Added', value: '• hidden.md' }]);
    const answer = await discord.command({ name: 'ask', options: { question: 'How many quokkas were counted?' }, ...member }).firstResponse();
    expect(answer.data!.embeds![0]!.description).toContain('12,000 quokkas');
  });

  it('answers a failing handler with an ephemeral reference, logs it, and keeps answering', async () => {
    const answer = library.answer.bind(library);
    library.answer = () => {
      throw new Error('index exploded');
    };
    const failed = await discord.command({ name: 'ask', options: { question: 'Who met Hayya?' }, ...member }).firstResponse();
    library.answer = answer;
    expect(failed).toMatchObject({ type: 4, data: { flags: 64 } });
    const ref = /ref ([0-9A-F]{6})/.exec(failed.data!.content!)?.[1];
    expect(logLines.some((line) => line.includes(ref!) && line.includes('index exploded'))).toBe(true);
    const next = await discord.command({ name: 'ask', options: { question: 'Who met Hayya?' }, ...member }).firstResponse();
    expect(next.data!.embeds![0]!.description).toContain('Hayya');
  });

  it('logs one structured line per interaction, never the token', () => {
    const interactions = logLines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'interaction');
    expect(interactions.length).toBeGreaterThan(8);
    expect(interactions[0]).toMatchObject({ kind: 'command', command: 'ask', userId: member.user.id, latencyMs: expect.any(Number), resultSize: expect.any(Number) });
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('registers every command by bulk overwrite with deploy-commands, the same JSON each run', async () => {
    const env = { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_GUILD_ID: discord.guilds[0]!.id, DISCORD_API_URL: discord.apiUrl };
    const first = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'deploy-commands'], { env });
    expect(first.stdout).toContain(`Registered 10 commands in guild ${discord.guilds[0]!.id}`);
    await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'deploy-commands'], { env });
    const overwrites = discord.commands.overwrites;
    expect(overwrites).toHaveLength(2);
    expect(overwrites[1]!.body).toEqual(overwrites[0]!.body);
    expect(overwrites[0]!.body).toEqual(commands.map((c) => c.definition));
    const registered = discord.commands.guild[discord.guilds[0]!.id]!;
    expect(registered.map((c) => c.name)).toEqual(['ask', 'search', 'compare', 'timeline', 'article', 'coverage', 'reload', 'gaps', 'help', 'Find coverage']);
    expect(registered.find((c) => c.name === 'Find coverage')?.type).toBe(3);
    expect(registered.find((c) => c.name === 'reload')?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(registered.find((c) => c.name === 'gaps')?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(first.stdout + first.stderr).not.toContain(TOKEN);
  }, HUNG_MS);
});
