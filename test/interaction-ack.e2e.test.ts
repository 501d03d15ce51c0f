import { Writable } from 'node:stream';
import { PermissionFlagsBits, type Client } from 'discord.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/discord/bot.ts';
import { startGatewayBot } from '../src/discord/gateway.ts';
import { Library } from '../src/search/library.ts';
import { startDiscordServer, type DiscordServer, type DiscordServerOptions } from './support/discord-server.ts';
import { until } from './support/until.ts';

const TOKEN = 'fake-bot-token.for-acknowledgement-tests.0123';

/** A loopback Discord and the bot connected to it, over the seed corpus. */
async function connect(options: Partial<DiscordServerOptions> = {}) {
  const discord = await startDiscordServer({ token: TOKEN, guilds: [{ roles: [{ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild }] }], ...options });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  const library = await Library.open('corpus');
  const client = await startGatewayBot({ token: TOKEN, apiUrl: discord.apiUrl, dispatcher: createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, logger), logger });
  const moderator = { roles: [discord.guilds[0]!.roleIds.Moderator!], user: { id: '400000000000000002' } };
  return { discord, client, logLines, moderator };
}

describe('acknowledging interactions when Discord answers unexpectedly', () => {
  let running: { discord: DiscordServer; client: Client } | undefined;

  afterEach(async () => {
    await running?.client.destroy();
    await running?.discord.close();
    running = undefined;
  });

  it('finishes /reload with its report after the response to the defer was lost (40060 on the retry)', async () => {
    const bot = (running = await connect());
    bot.discord.loseNextCallbackResponse();
    const handle = bot.discord.command({ name: 'reload', ...bot.moderator });
    expect(await handle.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    const report = await handle.nextEdit();
    expect(report.embeds![0]!.title).toBe('Corpus reloaded');
    expect(handle.responses.filter((response) => response.kind === 'callback')).toHaveLength(1);
    const rejected = bot.discord.calls.filter((call) => call.route === 'POST /interactions/:id/:token/callback' && call.status === 400);
    expect(rejected.map((call) => call.error?.code)).toEqual([40060]);
  }, 20_000);

  it('counts a reply whose response was lost as sent: one message, no failure logged', async () => {
    const bot = (running = await connect());
    bot.discord.loseNextCallbackResponse();
    const handle = bot.discord.command({ name: 'coverage', user: { id: '400000000000000003' } });
    expect((await handle.firstResponse()).data?.embeds?.[0]?.title).toBe('Coverage');
    await until(() => bot.logLines.some((line) => line.includes('"msg":"interaction"') && line.includes('"command":"coverage"')));
    expect(handle.responses).toHaveLength(1);
    expect(bot.logLines.filter((line) => line.includes('interaction failed'))).toEqual([]);
  }, 20_000);

  it('sends no second callback after a defer that came too late', async () => {
    const bot = (running = await connect({ initialResponseDeadlineMs: -1 }));
    const handle = bot.discord.command({ name: 'reload', ...bot.moderator });
    await until(() => bot.logLines.some((line) => line.includes('"msg":"interaction"') && line.includes('"command":"reload"')));
    const callbacks = bot.discord.calls.filter((call) => call.path.startsWith(`/interactions/${handle.id}/`));
    expect(callbacks.map((call) => call.error?.code)).toEqual([10062]);
    expect(handle.responses).toEqual([]);
  }, 20_000);
});
