import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { openPostgres } from './postgres.ts';
import { FeedbackRecorder } from './recorder.ts';
import { openSqlite } from './sqlite.ts';

/** The settings the feedback store reads. */
export type StoreConfig = Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL' | 'FEEDBACK_RETENTION_DAYS' | 'FEEDBACK_RECORDING'>;

/**
 * The recorder over PostgreSQL when DATABASE_URL is set, else over the SQLite file at
 * DATABASE_PATH; null when recording is off and there is no shared store to keep cooldowns in.
 */
export function openRecorder(config: StoreConfig, logger: Logger, options: { retryMs?: number; now?: () => number } = {}): FeedbackRecorder | null {
  const recording = config.FEEDBACK_RECORDING === 'on';
  const url = config.DATABASE_URL;
  if (!recording && !url) return null;
  return new FeedbackRecorder({
    connect: url ? () => openPostgres(url, logger) : () => openSqlite(config.DATABASE_PATH),
    logger,
    retentionDays: config.FEEDBACK_RETENTION_DAYS,
    recording,
    shared: url !== undefined,
    ...options,
  });
}
