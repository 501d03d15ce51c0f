/**
 * Reloads that come from outside Discord. `/reload` reaches one process only (one HTTP replica,
 * one shard), so operators reload every process with a signal (`kill -HUP`, or
 * `docker kill --signal=HUP` on every replica), or let each process notice corpus changes itself
 * with `CORPUS_POLL_SECONDS`.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listCorpusFiles, SOURCES_FILES } from './corpus/walk.ts';
import type { Logger } from './log.ts';
import { ReloadInProgressError, type Library } from './search/library.ts';

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

/**
 * Reloads and logs the outcome; a failed reload keeps the old index serving, so it is only logged.
 * Resolves to whether the reload succeeded.
 */
async function reloadLogged(library: Library, trigger: string, logger: Logger): Promise<boolean> {
  try {
    const report = await library.reload();
    logger.info(
      { trigger, articles: report.articleCount, added: report.added.length, updated: report.updated.length, removed: report.removed.length, rejected: report.rejected.length, tookMs: Math.round(report.tookMs) },
      'corpus reloaded',
    );
    return true;
  } catch (error) {
    if (error instanceof ReloadInProgressError) logger.info({ trigger }, 'reload skipped: one is already running');
    else logger.error({ trigger, err: error }, 'reload failed; the previous index keeps serving');
    return false;
  }
}

/**
 * Reloads the library on SIGHUP and, when `pollSeconds` is set, whenever the corpus fingerprint
 * changes. Returns a function that removes both triggers.
 */
export function watchForReloads(library: Library, options: ReloadTriggerOptions, logger: Logger): () => void {
  const onSignal = () => {
    logger.info({ signal: 'SIGHUP' }, 'reloading the corpus');
    void reloadLogged(library, 'SIGHUP', logger);
  };
  process.on('SIGHUP', onSignal);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  if (options.pollSeconds > 0) {
    // Taken now, right after the corpus was loaded, so a change made during the first interval counts.
    let known = corpusFingerprint(options.corpusDir).catch(() => '');
    const check = async () => {
      const previous = await known;
      const current = await corpusFingerprint(options.corpusDir).catch(() => previous);
      // The change is marked as seen only once a reload has served it: while another reload runs,
      // or when this one fails, the next check tries again.
      if (current !== previous && !library.reloading && (await reloadLogged(library, 'corpus changed', logger))) {
        known = Promise.resolve(current);
      }
      if (!stopped) timer = setTimeout(() => void check(), options.pollSeconds * 1000).unref();
    };
    timer = setTimeout(() => void check(), options.pollSeconds * 1000).unref();
  }
  return () => {
    stopped = true;
    process.off('SIGHUP', onSignal);
    clearTimeout(timer);
  };
}
