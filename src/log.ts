import { pino, type Logger } from 'pino';

export type { Logger };

/** Interaction tokens sit in webhook and callback paths; they act as credentials for 15 minutes. */
const TOKEN_IN_PATH = /(\/(?:webhooks\/\d+|interactions\/\d+))\/[\w.-]+/g;

/**
 * Errors as pino logs them, with interaction tokens masked wherever they appear (discord.js's
 * DiscordAPIError carries the request URL) and request bodies left out.
 */
function redactedError(error: Error): Record<string, unknown> {
  const { requestBody: _omitted, ...serialized } = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { requestBody?: unknown };
  return JSON.parse(JSON.stringify(serialized).replace(TOKEN_IN_PATH, '$1/[redacted]')) as Record<string, unknown>;
}

/**
 * The structured logger (one JSON line per event, on stderr so stdout stays for output).
 * Anything shaped like a credential is redacted, so a token logged by mistake never reaches the log.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: 'newsdesk' },
      serializers: { err: redactedError },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
