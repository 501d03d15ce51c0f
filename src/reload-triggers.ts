/**
 * Reloads that come from outside Discord. `/reload` reaches one process only (one HTTP replica,
 * one shard), so operators reload every process with a signal (`kill -HUP`, or
 * `docker kill --signal=HUP` on every replica), or let each process notice corpus changes itself
 * with `CORPUS_POLL_SECONDS`.
 *
 * A reload that would remove more than RELOAD_MAX_LOSS of the articles is refused (an emptied
 * folder after a failed mount must not replace the coverage); SIGUSR2 is the operator's
 * confirmation: it reloads and swaps in the result whatever it removes.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listCorpusFiles, SOURCES_FILES } from './corpus/walk.ts';
import type { Logger } from './log.ts';
import { CONFIRMED_RELOAD_SIGNAL, RELOAD_SIGNALS } from './reload-signals.ts';
import type { Library } from './search/library.ts';
import { ReloadInProgressError, ReloadRefusedError } from './search/reload.ts';

/** How many kept articles a reload log line names; the count says how many there are in all. */
const KEPT_LOGGED = 20;

/** What may trigger a reload besides `/reload`. */
export interface ReloadTriggerOptions {
  corpusDir: string;
  /** Seconds between two checks of the corpus directory; 0 disables polling. */
  pollSeconds: number;
}

/**
 * A digest of the corpus directory's file names, sizes and modification times, the root sources
 * files included: it changes when a file is added, removed or rewritten, and costs one `stat` per
 * file, no reading.
 */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const { root, entries } = await listCorpusFiles(corpusDir);
  const sourcesFiles = SOURCES_FILES.map((name) => ({ file: name, absolutePath: path.join(root, name) }));
  const hash = createHash('sha256');
  // The listing is already sorted, so the digest does not depend on directory order.
  for (const entry of [...sourcesFiles, ...entries]) {
    const info = await stat(entry.absolutePath).catch(() => null);
    hash.update(`${entry.file}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

/** How a reload from outside Discord ended. */
type ReloadOutcome = 'served' | 'refused' | 'failed';

/**
 * Reloads and logs the outcome; a failed or refused reload keeps the old index serving, so it is
 * only logged (a refusal with how to confirm it).
 */
async function reloadLogged(library: Library, trigger: string, logger: Logger, confirm = false): Promise<ReloadOutcome> {
  try {
    const report = await library.reload({ confirm });
    logger.info(
      {
        trigger,
        articles: report.articleCount,
        added: report.added.length,
        updated: report.updated.length,
        removed: report.removed.length,
        rejected: report.rejected.length,
        kept: report.kept.length,
        ...(report.kept.length ? { keptLastGood: report.kept.slice(0, KEPT_LOGGED) } : {}),
        tookMs: Math.round(report.tookMs),
      },
      'corpus reloaded',
    );
    return 'served';
  } catch (error) {
    if (error instanceof ReloadRefusedError) {
      logger.warn(
        { trigger, served: error.served, removed: error.removed, maxLoss: error.maxLoss },
        `reload refused: ${error.message} Check the corpus directory; if the removal is intended, send ${CONFIRMED_RELOAD_SIGNAL} (kill -USR2) to confirm.`,
      );
      return 'refused';
    }
    if (error instanceof ReloadInProgressError) logger.info({ trigger }, 'reload skipped: one is already running');
    else logger.error({ trigger, err: error }, 'reload failed; the previous index keeps serving');
    return 'failed';
  }
}

/** A running set of reload triggers. */
export interface ReloadWatcher {
  /**
   * Settles once every trigger is armed: the signal handlers are installed and, when polling, the
   * baseline fingerprint is taken, so a change made from then on is noticed.
   */
  ready: Promise<void>;
  /** Removes every trigger. */
  stop: () => void;
}

/**
 * Reloads the library on SIGHUP (SIGUSR2: confirmed, whatever it removes) and, when `pollSeconds`
 * is set, whenever the corpus fingerprint changes.
 */
export function watchForReloads(library: Library, options: ReloadTriggerOptions, logger: Logger): ReloadWatcher {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'reloading the corpus');
    void reloadLogged(library, signal, logger, signal === CONFIRMED_RELOAD_SIGNAL);
  };
  for (const signal of RELOAD_SIGNALS) process.on(signal, onSignal);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let ready = Promise.resolve();
  if (options.pollSeconds > 0) {
    // Taken now, right after the corpus was loaded, so a change made during the first interval counts.
    let known = corpusFingerprint(options.corpusDir).catch(() => '');
    ready = known.then(() => undefined);
    let unreadable = false;
    const check = async () => {
      const previous = await known;
      const current = await corpusFingerprint(options.corpusDir).then(
        (fingerprint) => {
          unreadable = false;
          return fingerprint;
        },
        (error: Error) => {
          // Said once while it lasts: polling goes on, and a readable folder is checked again.
          if (!unreadable) logger.warn({ err: error, corpusDir: options.corpusDir }, 'cannot read the corpus folder to check for changes; the last load keeps serving');
          unreadable = true;
          return previous;
        },
      );
      // The change is marked as seen once a reload has served it, or refused it (retrying an emptied
      // folder every interval would only repeat the warning; the next change is checked again). While
      // another reload runs, or when this one fails, the next check tries again.
      if (current !== previous && !library.reloading && (await reloadLogged(library, 'corpus changed', logger)) !== 'failed') {
        known = Promise.resolve(current);
      }
      if (!stopped) timer = setTimeout(() => void check(), options.pollSeconds * 1000).unref();
    };
    timer = setTimeout(() => void check(), options.pollSeconds * 1000).unref();
  }
  const stop = () => {
    stopped = true;
    for (const signal of RELOAD_SIGNALS) process.off(signal, onSignal);
    clearTimeout(timer);
  };
  return { ready, stop };
}
