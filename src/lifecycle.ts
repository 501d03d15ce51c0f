import { DiscordAPIError } from 'discord.js';
import { ConfigError } from './config.ts';
import type { Logger } from './log.ts';
import { RELOAD_SIGNALS } from './reload-signals.ts';

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
 * Holds a reload signal (SIGHUP, SIGUSR2) that arrives while the corpus first loads (Node's default
 * would end the process, and operators send them to every replica after changing the corpus).
 * Call the returned function once the reload listeners are in place: it replays each held signal.
 */
export function holdReloadSignals(): () => void {
  const held = new Set<NodeJS.Signals>();
  const hold = (signal: NodeJS.Signals) => held.add(signal);
  for (const signal of RELOAD_SIGNALS) process.on(signal, hold);
  return () => {
    for (const signal of RELOAD_SIGNALS) process.off(signal, hold);
    for (const signal of held) process.kill(process.pid, signal);
  };
}

/** Ends a failed start: a configuration mistake or a refusal from Discord in one line, anything else with its stack. */
export function exitOnStartFailure(error: unknown): never {
  console.error(error instanceof ConfigError || error instanceof DiscordAPIError ? `newsdesk: ${error.message}` : error);
  process.exit(1);
}

/**
 * Exit code of a bot Discord will not take back (a revoked token...): distinct, so a supervisor (or
 * the shard manager) can tell that restarting would fail the same way.
 */
export const EXIT_REFUSED_BY_DISCORD = 3;

/** Ends the process when Discord will not take the bot back: one line, exit code `EXIT_REFUSED_BY_DISCORD`. */
export function exitOnFatalClose(reason: string): never {
  console.error(`newsdesk: ${reason}`);
  process.exit(EXIT_REFUSED_BY_DISCORD);
}
