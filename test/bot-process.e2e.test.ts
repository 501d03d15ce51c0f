import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';
import { HUNG_MS } from './support/hung.ts';
import { until } from './support/until.ts';

const TOKEN = 'fake-bot-token.for-process-tests.9876543210';
const run = promisify(execFile);

describe('npm start as an operator runs it', () => {
  let discord: DiscordServer;

  beforeAll(async () => {
    discord = await startDiscordServer({ token: TOKEN });
  });

  afterAll(async () => {
    await discord?.close();
  });

  it('connects with the token from the environment, answers, and stops cleanly on SIGTERM without logging the token', async () => {
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, CORPUS_DIR: './corpus', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A bot that failed to stop must not outlive the test.
    onTestFinished(() => void (bot.exitCode === null && bot.signalCode === null && bot.kill('SIGKILL')));
    let output = '';
    bot.stdout.on('data', (chunk) => (output += chunk));
    bot.stderr.on('data', (chunk) => (output += chunk));
    await discord.waitForIdentify(1, HUNG_MS);
    const reply = await discord.command({ name: 'coverage', user: { id: '400000000000000003' } }).firstResponse(HUNG_MS);
    expect(reply.data!.embeds![0]!.description).toBe('2 articles from 1 named outlet.');
    bot.kill('SIGTERM');
    const [code] = await once(bot, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('"msg":"connected to Discord"');
    expect(output).not.toContain(TOKEN);
  }, HUNG_MS);

  it('exits non-zero with one line when Discord revokes the token while running (gateway close 4004)', async () => {
    const identified = discord.identifies.length;
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, CORPUS_DIR: './corpus', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A bot that failed to exit must not outlive the test.
    onTestFinished(() => void (bot.exitCode === null && bot.signalCode === null && bot.kill('SIGKILL')));
    let stderr = '';
    bot.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = once(bot, 'exit');
    // The server keeps earlier bots' sessions: wait for this one's.
    await until(() => discord.identifies.length > identified, HUNG_MS);
    discord.dropConnection(0, 4004);
    const [code] = await exited;
    expect(code).toBe(3);
    expect(stderr.trim()).toBe('newsdesk: DISCORD_TOKEN: Discord rejected the token (gateway close 4004): it was reset or revoked. Set the current token and restart.');
  }, HUNG_MS);

  /** The one line a start that Discord refused prints, and its exit code. */
  async function failedStart(env: Record<string, string>, args: string[] = [], entry = 'src/main.ts'): Promise<{ code: number; stderr: string }> {
    const failure = await run(process.execPath, ['--import', 'tsx', entry, ...args], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, CORPUS_DIR: './corpus', LOG_LEVEL: 'silent', ...env },
    }).catch((error: { code: number; stderr: string }) => error);
    return { code: 'code' in failure ? failure.code : 0, stderr: failure.stderr.trim() };
  }

  it('stops at start with one line naming DISCORD_TOKEN when Discord rejects it', async () => {
    const started = await failedStart({ DISCORD_TOKEN: 'a-wrong-token-of-plausible-length.000', DISCORD_API_URL: discord.apiUrl });
    expect(started).toEqual({ code: 1, stderr: 'newsdesk: DISCORD_TOKEN: Discord rejected the token. Copy the current one from the Developer Portal (Bot > Reset Token).' });
  }, HUNG_MS);

  it('stops at start with one line naming DISCORD_API_URL when nothing answers there, or not Discord', async () => {
    const closed = await failedStart({ DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(closed).toEqual({ code: 1, stderr: 'newsdesk: DISCORD_API_URL: http://127.0.0.1:9/api: nothing answers there (ECONNREFUSED).' });
    const wrongPath = discord.apiUrl.replace(/\/api$/, '/v2');
    const notFound = await failedStart({ DISCORD_API_URL: wrongPath });
    expect(notFound).toEqual({ code: 1, stderr: `newsdesk: DISCORD_API_URL: ${wrongPath} answered 404 Not Found: expected the API base, such as https://discord.com/api.` });
  }, HUNG_MS);

  it('says in one line which setting Discord refused, for deploy-commands and the sharded bot too', async () => {
    const refused = 'newsdesk: DISCORD_TOKEN: Discord rejected the token. Copy the current one from the Developer Portal (Bot > Reset Token).';
    const env = { DISCORD_TOKEN: 'a-wrong-token-of-plausible-length.000', DISCORD_API_URL: discord.apiUrl };
    expect(await failedStart(env, ['deploy-commands'])).toEqual({ code: 1, stderr: refused });
    expect(await failedStart(env, [], 'src/sharded.ts')).toEqual({ code: 1, stderr: refused });
  }, HUNG_MS);

  it('stops at start with one line naming a malformed variable', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'my-app' },
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe('newsdesk: DISCORD_APPLICATION_ID: expected a Discord id (17 to 20 digits).');
    expect(failure.stderr).not.toContain(TOKEN);
  }, HUNG_MS);
});
