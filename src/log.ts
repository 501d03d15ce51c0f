import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The structured logger (one JSON line per event, on stderr so stdout stays for output).
 * Anything shaped like a credential is redacted, so a token logged by mistake never reaches the log.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'newsdesk' },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
