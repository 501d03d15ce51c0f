import { DiscordAPIError } from 'discord.js';
import { ConfigError } from './config.ts';
import type { Logger } from './log.ts';

/** Closes what is running on SIGINT / SIGTERM, then exits. */
export function exitOnSignal(close: () => Promise<unknown>, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * Holds a SIGHUP that arrives while the corpus first loads (Node's default would end the process,
 * and operators send it to every replica after changing the corpus). Call the returned function
 * once the reload listener is in place: it replays a held signal.
 */
export function holdSighup(): () => void {
  let held = false;
  const hold = () => {
    held = true;
  };
  process.on('SIGHUP', hold);
  return () => {
    process.off('SIGHUP', hold);
    if (held) process.kill(process.pid, 'SIGHUP');
  };
}

/** Ends a failed start: a configuration mistake or a refusal from Discord in one line, anything else with its stack. */
export function exitOnStartFailure(error: unknown): never {
  console.error(error instanceof ConfigError || error instanceof DiscordAPIError ? `newsdesk: ${error.message}` : error);
  process.exit(1);
}
