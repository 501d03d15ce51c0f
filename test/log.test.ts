import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { lines, logger: createLogger('info', destination as never) };
}

describe('createLogger', () => {
  it('masks interaction tokens in a failed Discord request and leaves its body out', () => {
    const { lines, logger } = capture();
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
    const error = new DiscordAPIError(
      { code: 10015, message: 'Unknown Webhook' },
      10015,
      404,
      'PATCH',
      `https://discord.com/api/v10/webhooks/123456789012345678/${token}/messages/@original`,
      { body: { content: 'private answer' } },
    );
    logger.error({ ref: 'ABC123', err: error }, 'interaction failed');
    expect(lines[0]).toContain('/webhooks/123456789012345678/[redacted]');
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).not.toContain('private answer');
    expect(JSON.parse(lines[0]!).err.message).toBe('Unknown Webhook');
  });

  it('redacts credentials logged by mistake', () => {
    const { lines, logger } = capture();
    logger.info({ token: 'bot-token-value', headers: { authorization: 'Bot secret' } }, 'oops');
    expect(lines[0]).not.toContain('bot-token-value');
    expect(lines[0]).not.toContain('Bot secret');
  });
});
