/**
 * The signals operators reload with, in one place for the bot process, which acts on them, and the
 * shard manager, which passes them on to every shard.
 */

/** The signal that reloads and accepts the result even when it removes more than RELOAD_MAX_LOSS of the articles. */
export const CONFIRMED_RELOAD_SIGNAL = 'SIGUSR2';
/** Signals that reload the corpus: a plain reload, and one the operator confirmed. */
export const RELOAD_SIGNALS = ['SIGHUP', CONFIRMED_RELOAD_SIGNAL] as const;
