import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';

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
    let output = '';
    bot.stdout.on('data', (chunk) => (output += chunk));
    bot.stderr.on('data', (chunk) => (output += chunk));
    await discord.waitForIdentify(1, 15_000);
    const reply = await discord.command({ name: 'coverage', user: { id: '400000000000000003' } }).firstResponse(10_000);
    expect(reply.data!.embeds![0]!.description).toBe('2 articles from 1 named outlet.');
    bot.kill('SIGTERM');
    const [code] = await once(bot, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('"msg":"connected to Discord"');
    expect(output).not.toContain(TOKEN);
  }, 30_000);

  it('stops at start with one line naming a malformed variable', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'my-app' },
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe('newsdesk: DISCORD_APPLICATION_ID: expected a Discord id (17 to 20 digits).');
    expect(failure.stderr).not.toContain(TOKEN);
  });
});
