import { describe, expect, it } from 'vitest';
import dotenv from 'dotenv';
import { readConfig } from '../src/config.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.fake-token-for-tests';

describe('readConfig', () => {
  it('runs without any variable: console mode with the shipped corpus', () => {
    const config = readConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.CORPUS_DIR).toBe('./corpus');
    expect(config.COOLDOWN_SECONDS).toBe(3);
    expect(config.MODERATOR_ROLE_IDS).toEqual([]);
    expect([config.PARSE_BUDGET_SECONDS, config.RELOAD_DEADLINE_SECONDS]).toEqual([10, 600]);
  });

  it('reads ids, lists and numbers', () => {
    const config = readConfig({
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: '123456789012345678',
      MODERATOR_ROLE_IDS: '223456789012345678, 323456789012345678',
      COOLDOWN_SECONDS: '0',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(config.MODERATOR_ROLE_IDS).toEqual(['223456789012345678', '323456789012345678']);
    expect(config.COOLDOWN_SECONDS).toBe(0);
    expect(config.DISCORD_API_URL).toBe('http://127.0.0.1:9999/api');
  });

  it.each([
    [{ DISCORD_TOKEN: token }, /^DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set/],
    [{ DISCORD_GUILD_ID: 'my-server' }, /^DISCORD_GUILD_ID: expected a Discord id/],
    [{ MODERATOR_ROLE_IDS: '123, abc' }, /^MODERATOR_ROLE_IDS: expected a Discord id/],
    [{ COOLDOWN_SECONDS: 'soon' }, /^COOLDOWN_SECONDS: expected a number of seconds/],
    [{ DISCORD_API_URL: 'discord.com' }, /^DISCORD_API_URL: expected an http\(s\) URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: expected one of/],
    [{ PARSE_BUDGET_SECONDS: '0' }, /^PARSE_BUDGET_SECONDS: expected more than 0 seconds/],
    [{ RELOAD_DEADLINE_SECONDS: '3000000' }, /^RELOAD_DEADLINE_SECONDS: expected at most 2147483 seconds/],
    [{ MAX_FILE_MB: '1000' }, /^MAX_FILE_MB: expected at most 256 MB/],
    [{ SNAPSHOT_PATH: './data/newsdesk.db' }, /^SNAPSHOT_PATH: must not be the feedback database \(DATABASE_PATH\)/],
    [{ SNAPSHOT_PATH: 'data/../data/store.db', DATABASE_PATH: './data/store.db' }, /^SNAPSHOT_PATH: must not be the feedback database/],
  ])('names the variable and what it expects: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never repeats a secret in its error', () => {
    expect(() => readConfig({ DISCORD_TOKEN: 'short-secret' })).toThrow(/^DISCORD_TOKEN: expected a bot token/);
    try {
      readConfig({ DISCORD_TOKEN: 'short-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('short-secret');
    }
  });

  it('refuses a second, empty DISCORD_TOKEN= line in .env instead of quietly opening the console', () => {
    const env = dotenv.parse('DISCORD_TOKEN=a-real-looking-token.0123456789\nDISCORD_APPLICATION_ID=123456789012345678\nDISCORD_TOKEN=\n');
    expect(() => readConfig(env)).toThrow(/^DISCORD_TOKEN: empty while DISCORD_APPLICATION_ID is set \(in \.env the last DISCORD_TOKEN= line wins\)/);
    expect(readConfig({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' }).DISCORD_TOKEN).toBeUndefined();
    const http = { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '123456789012345678', INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32) };
    expect(readConfig(http).INTERACTIONS_MODE).toBe('http');
  });
});
