import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { gapsMessage } from '../commands/gaps.ts';
import { commands } from '../commands/index.ts';
import type { Invoker, Reply } from '../src/discord/command.ts';
import { Dispatcher, type Responder } from '../src/discord/dispatcher.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import type { Logger } from '../src/log.ts';
import { readConfig } from '../src/config.ts';
import { Library } from '../src/search/library.ts';
import { GapsReportSchema } from '../src/store/gaps.ts';
import { openRecorder, type StoreConfig } from '../src/store/open.ts';
import type { FeedbackRecorder } from '../src/store/recorder.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import { newsdesk } from './support/newsdesk-cli.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { until } from './support/until.ts';

const READER: Invoker = { id: '700000000000000001', permissions: PermissionFlagsBits.SendMessages, roleIds: [] };
const OTHER: Invoker = { id: '700000000000000002', permissions: PermissionFlagsBits.SendMessages, roleIds: [] };
const GUILD = '800000000000000001';
const DAY = 86_400_000;

/** A log that keeps its lines, to check what a failure logged. */
function capturedLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger: Logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  return { logger, lines };
}

/** Collects what the dispatcher answers, as a transport would send it. */
function collector(): Responder & { replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    reply: async (reply) => void replies.push(reply),
    defer: async () => undefined,
    editReply: async (message) => void replies.push({ message, ephemeral: true }),
    update: async (message) => void replies.push({ message, ephemeral: false }),
    choices: async () => undefined,
  };
}

const library = await Library.open('corpus');
const opened: FeedbackRecorder[] = [];

function recorder(config: Partial<StoreConfig> & { DATABASE_PATH: string }, options: { now?: () => number; logger?: Logger; retryMs?: number } = {}): FeedbackRecorder {
  const made = openRecorder({ FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'on', ...config }, options.logger ?? pino({ level: 'silent' }), options);
  if (!made) throw new Error('recording is on: a recorder was expected');
  opened.push(made);
  return made;
}

function dispatcherOver(feedback: FeedbackRecorder, cooldownSeconds = 0): Dispatcher {
  return new Dispatcher({ library, commands, moderatorRoleIds: [], now: Date.now, feedback }, { cooldownMs: cooldownSeconds * 1000, logger: pino({ level: 'silent' }), ...(feedback.shared && { sharedCooldowns: feedback }) });
}

async function ask(dispatcher: Dispatcher, question: string, invoker = READER): Promise<Reply> {
  const responder = collector();
  await dispatcher.command({ command: 'ask', options: { question }, invoker, guildId: GUILD }, responder);
  return responder.replies[0]!;
}

function feedbackButtons(reply: Reply): string[] {
  return (reply.message.components ?? []).flatMap((row) => row.components).flatMap((c) => ('custom_id' in c ? [c.custom_id] : []));
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()));
});

const stores = [
  ['SQLite', async () => ({ DATABASE_PATH: join(await mkdtemp(join(tmpdir(), 'newsdesk-store-')), 'data', 'newsdesk.db'), DATABASE_URL: undefined })],
  ['PostgreSQL', async () => ({ DATABASE_PATH: '/nonexistent/unused.db', DATABASE_URL: await freshPostgresDatabase() })],
] as const;

describe.each(stores)('the feedback store on %s', (_name, storeConfig) => {
  it('records every /ask with a salted hash instead of the user id, and /gaps groups what went unanswered', async () => {
    const config = await storeConfig();
    const feedback = recorder(config);
    const dispatcher = dispatcherOver(feedback);
    const answered = await ask(dispatcher, 'Who met Khalil al-Hayya in Istanbul?');
    expect(feedbackButtons(answered)).toHaveLength(2);
    await ask(dispatcher, 'When does the Rafah crossing open?');
    await ask(dispatcher, 'rafah crossing opening times', OTHER);
    await ask(dispatcher, 'What is the weather in Paris?');
    const report = await feedback.gaps(7, GUILD);
    expect(report.unanswered).toEqual([
      { question: expect.stringMatching(/rafah crossing/i), count: 2, otherWordings: [expect.stringMatching(/rafah crossing/i)] },
      { question: 'What is the weather in Paris?', count: 1, otherWordings: [] },
    ]);
    expect(report.mostCited).toEqual([{ id: '000_142b436908202848.txt', title: 'Hamas, US Envoy Set for Istanbul Talks on Gaza', count: 1 }]);
    expect((await feedback.gaps(7, '800000000000000999')).unanswered).toEqual([]);
    if (!config.DATABASE_URL) expect((await readFile(config.DATABASE_PATH)).includes(READER.id)).toBe(false);
  });

  it('takes one vote per member and answer, a second press replacing the first', async () => {
    const feedback = recorder(await storeConfig());
    const dispatcher = dispatcherOver(feedback);
    const [helpful, notHelpful] = feedbackButtons(await ask(dispatcher, 'Who met Khalil al-Hayya in Istanbul?'));
    const press = async (customId: string, invoker: Invoker) => {
      const responder = collector();
      await dispatcher.button({ customId, invoker, embeds: [] }, responder);
      return responder.replies[0]!;
    };
    expect(await press(notHelpful!, READER)).toMatchObject({ ephemeral: true, message: { content: expect.stringMatching(/^Thanks: marked as not helpful/) } });
    await press(notHelpful!, OTHER);
    expect((await feedback.gaps(1, GUILD)).notHelpful).toEqual([{ question: 'Who met Khalil al-Hayya in Istanbul?', notHelpful: 2, helpful: 0 }]);
    expect(await press(helpful!, READER)).toMatchObject({ ephemeral: true, message: { content: expect.stringMatching(/^Thanks: marked as helpful/) } });
    expect((await feedback.gaps(1, GUILD)).notHelpful).toEqual([{ question: 'Who met Khalil al-Hayya in Istanbul?', notHelpful: 1, helpful: 1 }]);
  });

  it('keeps records FEEDBACK_RETENTION_DAYS days, and keeps them across a restart', async () => {
    const config = await storeConfig();
    const clock = { now: Date.parse('2026-01-01T12:00:00Z') };
    const first = recorder({ ...config, FEEDBACK_RETENTION_DAYS: 30 }, { now: () => clock.now });
    await ask(dispatcherOver(first), 'Who runs the lighthouse at Rafah?');
    clock.now += 10 * DAY;
    await ask(dispatcherOver(first), 'How tall is the Rafah lighthouse?');
    await first.close();
    clock.now += 25 * DAY;
    const restarted = recorder({ ...config, FEEDBACK_RETENTION_DAYS: 30 }, { now: () => clock.now });
    const kept = await restarted.gaps(3650, GUILD);
    expect(kept.unanswered.map((g) => g.question)).toEqual(['How tall is the Rafah lighthouse?']);
  });

  it('records nothing and shows no buttons when recording is switched off', async () => {
    const config = await storeConfig();
    const off = openRecorder({ FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'off', ...config }, pino({ level: 'silent' }));
    if (off) opened.push(off);
    const dispatcher = new Dispatcher({ library, commands, moderatorRoleIds: [], now: Date.now, ...(off && { feedback: off }) }, { cooldownMs: 0, logger: pino({ level: 'silent' }) });
    expect(feedbackButtons(await ask(dispatcher, 'Who met Khalil al-Hayya in Istanbul?'))).toEqual([]);
    const responder = collector();
    await dispatcher.command({ command: 'gaps', options: {}, invoker: { ...READER, permissions: PermissionFlagsBits.ManageGuild }, guildId: GUILD }, responder);
    expect(responder.replies[0]!.message.content).toMatch(/not being recorded/);
  });
});

describe('a shared store (PostgreSQL)', () => {
  it('makes the per-user cooldown one across replicas', async () => {
    const url = await freshPostgresDatabase();
    const replicaA = dispatcherOver(recorder({ DATABASE_PATH: '/nonexistent/unused.db', DATABASE_URL: url }), 30);
    const replicaB = dispatcherOver(recorder({ DATABASE_PATH: '/nonexistent/unused.db', DATABASE_URL: url }), 30);
    expect((await ask(replicaA, 'Who met Khalil al-Hayya?')).message.embeds).toHaveLength(1);
    expect((await ask(replicaB, 'Who met Khalil al-Hayya?')).message.content).toMatch(/^Please wait \d+ s before using `\/ask` again/);
    expect((await ask(replicaB, 'Who met Khalil al-Hayya?', OTHER)).message.embeds).toHaveLength(1);
  });
});

describe('a failing store never stops an answer', () => {
  it('answers over a corrupt SQLite file, logs once with a reference, and records again once the file is replaced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-corrupt-'));
    const path = join(dir, 'newsdesk.db');
    await writeFile(path, 'this is not a database, it is a note someone saved over it\n'.repeat(200));
    const { logger, lines } = capturedLogger();
    const feedback = recorder({ DATABASE_PATH: path }, { logger, retryMs: 50 });
    const dispatcher = dispatcherOver(feedback);
    for (const question of ['Who met Khalil al-Hayya in Istanbul?', 'Where did Fidan meet Hayya?']) {
      expect((await ask(dispatcher, question)).message.embeds![0]!.description).toContain('Hayya');
    }
    await until(() => lines.some((line) => line.msg?.toString().startsWith('feedback store failed')));
    const failures = lines.filter((line) => line.msg?.toString().startsWith('feedback store failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, ref: expect.stringMatching(/^[0-9A-F]{6}$/) });
    await rm(path);
    await until(() => lines.some((line) => line.msg === 'feedback store back; recording resumed'), 5000);
    const check = openSqlite(path);
    expect(await check.rows<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM asks', params: [] })).toEqual([{ n: 2 }]);
    await check.close();
  });

  it('refuses a DATABASE_PATH that is no regular file, writing nothing beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-fifo-'));
    const path = join(dir, 'newsdesk.db');
    // Like /dev/null: SQLite would put its journal beside it (/dev/null-journal) or wait on the FIFO.
    execFileSync('mkfifo', [path]);
    expect(() => openSqlite(path)).toThrow(`${path} is not a regular file`);
    expect(await readdir(dir)).toEqual(['newsdesk.db']);
    await rm(dir, { recursive: true });
  });

  it('answers while PostgreSQL is unreachable, and records what was asked meanwhile once it is back', async () => {
    const url = new URL(await freshPostgresDatabase());
    const proxy = await loopbackProxy(Number(url.port));
    url.port = String(proxy.port);
    const { logger, lines } = capturedLogger();
    await proxy.stop();
    const feedback = recorder({ DATABASE_PATH: '/nonexistent/unused.db', DATABASE_URL: url.href }, { logger, retryMs: 50 });
    const dispatcher = dispatcherOver(feedback, 3);
    expect((await ask(dispatcher, 'What is the weather in Lisbon?')).message.embeds![0]!.description).toMatch(/couldn't find this/);
    expect((await ask(dispatcher, 'What is the weather in Lisbon?')).message.content).toMatch(/^Please wait/);
    await until(() => lines.some((line) => line.msg?.toString().startsWith('feedback store failed')));
    await proxy.start();
    await until(() => lines.some((line) => line.msg === 'feedback store back; recording resumed'), 10_000);
    expect((await feedback.gaps(1, GUILD)).unanswered).toEqual([{ question: 'What is the weather in Lisbon?', count: 1, otherWordings: [] }]);
    expect(lines.filter((line) => line.msg?.toString().startsWith('feedback store failed'))).toHaveLength(1);
    await feedback.close();
    await proxy.stop();
  });
});

describe('a shared cooldown store that never replies', () => {
  it('does not hold the answer until the connection attempt gives up', async () => {
    const held = new Set<Socket>();
    const silentServer = createServer((socket) => {
      held.add(socket);
      socket.on('close', () => held.delete(socket)).on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    const { logger, lines } = capturedLogger();
    const url = `postgres://newsdesk@127.0.0.1:${(silentServer.address() as { port: number }).port}/newsdesk`;
    const dispatcher = dispatcherOver(recorder({ DATABASE_PATH: '/nonexistent/unused.db', DATABASE_URL: url }, { logger, retryMs: 60_000 }), 3);
    const reply = await ask(dispatcher, 'Who met Khalil al-Hayya in Istanbul?');
    expect(reply.message.embeds![0]!.description).toContain('Hayya');
    // Counted locally after the short wait, not after the connection attempt timed out.
    expect(lines.find((line) => line.msg?.toString().startsWith('feedback store failed'))?.err).toMatchObject({ message: expect.stringMatching(/shared cooldown did not answer/) });
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silentServer.close(resolve));
  });
});

/** A TCP relay on a loopback port to a local server, that can be stopped (the server seems gone) and started again on the same port. */
async function loopbackProxy(targetPort: number): Promise<{ port: number; stop(): Promise<void>; start(): Promise<void> }> {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket)).on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return { get port() { return port; }, stop, start };
}

describe('the feedback settings', () => {
  it('default to an SQLite file kept 90 days, recording on', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ DATABASE_PATH: 'data/newsdesk.db', FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'on' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/newsdesk' }, /^DATABASE_URL: expected a postgres:\/\/ URL/],
    [{ FEEDBACK_RETENTION_DAYS: '0' }, /^FEEDBACK_RETENTION_DAYS: expected at least 1 day/],
    [{ FEEDBACK_RECORDING: 'maybe' }, /^FEEDBACK_RECORDING: expected on or off/],
  ])('name the variable and what it expects: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('/help', () => {
  it('lists /compare, /timeline and /gaps with examples, and tells members about the feedback buttons', async () => {
    const responder = collector();
    await new Dispatcher({ library, commands, moderatorRoleIds: [], now: Date.now }, { logger: pino({ level: 'silent' }) }).command({ command: 'help', options: {}, invoker: READER }, responder);
    const embed = responder.replies[0]!.message.embeds![0]!;
    expect(embed.description).toContain('Press Helpful or Not helpful under an answer');
    expect(embed.fields!.map((f) => f.name)).toEqual(expect.arrayContaining(['/compare', '/timeline', '/gaps']));
    expect(embed.fields!.find((f) => f.name === '/timeline')!.value).toContain('Example: `/timeline topic: Rafah crossing outlet: Al Mayadeen English`');
  });
});

describe('newsdesk gaps', () => {
  it('prints the /gaps report over every server as JSON, from the store the bot writes', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'newsdesk-gaps-cli-')), 'newsdesk.db');
    const feedback = recorder({ DATABASE_PATH: path });
    const dispatcher = dispatcherOver(feedback);
    await ask(dispatcher, 'Is the ferry running tonight?');
    const responder = collector();
    await dispatcher.command({ command: 'ask', options: { question: 'is the ferry running' }, invoker: OTHER, guildId: '800000000000000002' }, responder);
    await feedback.close();
    const { code, stdout } = await newsdesk(['gaps', '--days', '2', '--json'], undefined, { DATABASE_PATH: path, DATABASE_URL: '' });
    expect(code).toBe(0);
    const report = GapsReportSchema.parse(JSON.parse(stdout));
    expect(report).toMatchObject({ days: 2, guildId: null, unanswered: [{ count: 2, question: expect.stringMatching(/ferry running/i) }] });
    const oneServer = await newsdesk(['gaps', '--guild', '800000000000000002', '--json'], undefined, { DATABASE_PATH: path, DATABASE_URL: '' });
    expect(JSON.parse(oneServer.stdout).unanswered).toEqual([{ question: 'is the ferry running', count: 1, otherWordings: [] }]);
  });

  it('exits 3 naming the problem when the store cannot be read, and 1 when recording is off', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'newsdesk-gaps-cli-')), 'newsdesk.db');
    await writeFile(path, 'not a database\n'.repeat(500));
    const corrupt = await newsdesk(['gaps', '--json'], undefined, { DATABASE_PATH: path, DATABASE_URL: '' });
    expect(corrupt).toMatchObject({ code: 3, stdout: '', stderr: expect.stringMatching(/^newsdesk: cannot read the feedback store: file is not a database/) });
    const off = await newsdesk(['gaps'], undefined, { DATABASE_PATH: path, DATABASE_URL: '', FEEDBACK_RECORDING: 'off' });
    expect(off).toMatchObject({ code: 1, stderr: expect.stringMatching(/recording is switched off/) });
  });
});

describe('the /gaps message', () => {
  it('fits Discord limits and escapes what members typed, however long the questions', () => {
    const long = (i: number) => `**Why** @everyone ${'is the harbour closed '.repeat(22)}${i}?`;
    const message = gapsMessage({
      days: 7,
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-01-08T00:00:00.000Z',
      guildId: null,
      unanswered: Array.from({ length: 10 }, (_, i) => ({ question: long(i), count: 10 - i, otherWordings: [long(100 + i), long(200 + i), long(300 + i)] })),
      notHelpful: Array.from({ length: 10 }, (_, i) => ({ question: long(i), notHelpful: 5, helpful: 1 })),
      mostCited: Array.from({ length: 10 }, (_, i) => ({ id: `file-${i}.txt`, title: `*Title* ${'x'.repeat(300)}`, count: 3 })),
    });
    const embed = message.embeds![0]!;
    const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DiscordLimits.embedTotal);
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
    expect(embed.fields![0]!.value).toMatch(/^\*\*10×\*\* “\\\*\\\*Why\\\*\\\* @\u200beveryone is the harbour/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});
