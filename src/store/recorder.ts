/**
 * Records every /ask and every feedback vote, off the answer path. A record is queued in memory
 * (microseconds) and written by a flush after the answer has gone out, many records to one
 * transaction. When the store fails (a full disk, a locked or corrupt SQLite file, PostgreSQL
 * unreachable) answers carry on: the failure is logged once with a reference, the queue is kept
 * (up to `MAX_PENDING` records) and retried with backoff, and the recovery is logged when a write
 * goes through again. The user id is hashed with a salt kept in the store itself, so every
 * replica hashes alike and the raw id is never written.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { SqlConnection } from './connection.ts';
import { readGaps, type GapsReport } from './gaps.ts';
import { MIGRATIONS, SQL, type Statement } from './sql.ts';

/** Records kept in memory while the store is down; newer ones are dropped (and counted) past it. */
const MAX_PENDING = 10_000;
/** Records per transaction. */
const BATCH = 500;
const MAX_RETRY_MS = 30_000;
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Longest an answer waits for the shared cooldown before counting locally. */
const COOLDOWN_WAIT_MS = 300;

/** What an answer records: the question, whether and how well it was answered, and what it cited. */
export interface AskRecord {
  question: string;
  answered: boolean;
  confidence: number;
  sources: ReadonlyArray<{ id: string; title: string | null }>;
}

/** Who asked, and where (null outside a guild). */
export interface Asker {
  userId: string;
  guildId: string | null;
}

type Pending =
  | { kind: 'ask'; id: string; ask: AskRecord; asker: Asker; at: number }
  | { kind: 'vote'; askId: string; userId: string; helpful: boolean; at: number }
  | { kind: 'purge'; before: number };

/** How the recorder reaches its store and how long it keeps records. */
export interface RecorderOptions {
  /** Opens the store; called again after a failure, so a replaced file or a restarted server is picked up. */
  connect: () => SqlConnection;
  logger: Logger;
  /** Days a record is kept (FEEDBACK_RETENTION_DAYS). */
  retentionDays: number;
  /** False when recording is switched off: nothing is recorded, the store still serves shared cooldowns. */
  recording: boolean;
  /** True for PostgreSQL, which every replica and shard reaches: the per-user cooldown is then kept there. */
  shared: boolean;
  now?: () => number;
  /** First wait before retrying a failed write (default 1 s), doubled up to 30 s. */
  retryMs?: number;
}

/** The /ask recorder and the reader of its reports. */
export class FeedbackRecorder {
  readonly recording: boolean;
  readonly shared: boolean;
  readonly #options: RecorderOptions;
  readonly #now: () => number;
  #connection: SqlConnection | null = null;
  #opening: Promise<{ connection: SqlConnection; salt: string }> | null = null;
  #salt: string | null = null;
  #pending: Pending[] = [];
  #flushing: Promise<void> | null = null;
  #retry: NodeJS.Timeout | null = null;
  #retryMs: number;
  #outage: { ref: string; dropped: number } | null = null;
  readonly #purgeTimer: NodeJS.Timeout;
  #closed = false;

  constructor(options: RecorderOptions) {
    this.#options = options;
    this.recording = options.recording;
    this.shared = options.shared;
    this.#now = options.now ?? Date.now;
    this.#retryMs = options.retryMs ?? 1000;
    // The first purge also creates and migrates the store at start.
    this.#purge();
    this.#purgeTimer = setInterval(() => this.#purge(), PURGE_EVERY_MS).unref();
  }

  /** Queues one /ask; returns its id (for the feedback buttons), or null when recording is off. */
  recordAsk(ask: AskRecord, asker: Asker): string | null {
    if (!this.recording) return null;
    const id = randomBytes(9).toString('base64url');
    this.#queue({ kind: 'ask', id, ask, asker, at: this.#now() });
    return id;
  }

  /** Queues a Helpful / Not helpful vote; the same member's later vote on the same answer replaces it. */
  recordVote(askId: string, userId: string, helpful: boolean): void {
    if (this.recording) this.#queue({ kind: 'vote', askId, userId, helpful, at: this.#now() });
  }

  /** The gaps report over the last `days` days; throws when the store cannot be read. */
  async gaps(days: number, guildId: string | null): Promise<GapsReport> {
    // What this process has queued counts too: a moderator sees the question just asked.
    await this.settled();
    const { connection } = await this.#ready();
    return readGaps(connection, days, guildId, this.#now());
  }

  /**
   * Takes a cooldown in the shared store: the milliseconds left when it is still running, 0 when
   * taken now, null when the store cannot say (the caller then counts locally).
   */
  async claimCooldown(key: string, now: number, cooldownMs: number): Promise<number | null> {
    const claim = (async () => {
      const { connection } = await this.#ready();
      const taken = await connection.rows(statement(SQL.claimCooldown, key, now + cooldownMs, now));
      if (taken.length > 0) return 0;
      const [row] = await connection.rows<{ until_ms: number | string }>(statement(SQL.cooldownUntil, key));
      return Math.max(0, Number(row?.until_ms ?? 0) - now);
    })();
    let timer: NodeJS.Timeout | undefined;
    // A server that takes connections but never answers must not hold the answer past Discord's 3 seconds.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the shared cooldown did not answer within ${COOLDOWN_WAIT_MS} ms`)), COOLDOWN_WAIT_MS);
    });
    try {
      return await Promise.race([claim, late]);
    } catch (error) {
      claim.catch(() => undefined);
      this.#failed(error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves once every record queued so far is written, or a write has failed (and awaits its retry). */
  async settled(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  /** Writes what is queued (one attempt), then closes the store. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#purgeTimer);
    if (this.#retry) clearTimeout(this.#retry);
    await this.settled();
    if (this.#pending.length > 0) await this.#flush();
    await this.#disconnect();
  }

  #purge(): void {
    const now = this.#now();
    this.#queue({ kind: 'purge', before: now - this.#options.retentionDays * DAY_MS });
  }

  #queue(pending: Pending): void {
    if (this.#closed) return;
    if (this.#pending.length >= MAX_PENDING) {
      if (this.#outage) this.#outage.dropped += 1;
      return;
    }
    this.#pending.push(pending);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#flushing || this.#retry || this.#closed) return;
    this.#flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#flush())
      .finally(() => {
        this.#flushing = null;
        if (this.#pending.length > 0) this.#schedule();
      });
  }

  /** Writes the queue in batches; on failure keeps it and schedules a retry. */
  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.slice(0, BATCH);
      try {
        const { connection, salt } = await this.#ready();
        await connection.batch(batch.flatMap((pending) => statementsFor(pending, salt, this.#now())));
      } catch (error) {
        this.#failed(error);
        await this.#disconnect();
        if (!this.#closed) {
          this.#retry = setTimeout(() => {
            this.#retry = null;
            this.#schedule();
          }, this.#retryMs).unref();
          this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
        }
        return;
      }
      this.#pending.splice(0, batch.length);
      this.#recovered();
    }
  }

  /** The open store and its salt, opening and migrating it first if needed. */
  #ready(): Promise<{ connection: SqlConnection; salt: string }> {
    if (this.#connection && this.#salt) return Promise.resolve({ connection: this.#connection, salt: this.#salt });
    this.#opening ??= (async () => {
      const connection = this.#options.connect();
      try {
        await connection.migrate(MIGRATIONS, this.#now());
        await connection.batch([statement(SQL.offerSalt, randomBytes(16).toString('hex'))]);
        const [row] = await connection.rows<{ value: string }>(statement(SQL.salt));
        if (!row) throw new Error('the store has no user-hash salt');
        [this.#connection, this.#salt] = [connection, row.value];
        return { connection, salt: row.value };
      } catch (error) {
        await connection.close().catch(() => undefined);
        throw error;
      }
    })().finally(() => {
      this.#opening = null;
    });
    return this.#opening;
  }

  async #disconnect(): Promise<void> {
    const connection = this.#connection;
    [this.#connection, this.#salt] = [null, null];
    await connection?.close().catch(() => undefined);
  }

  /** Logs the first failure of an outage, with a reference; later ones are the same outage. */
  #failed(error: unknown): void {
    if (this.#outage) return;
    this.#outage = { ref: randomBytes(3).toString('hex').toUpperCase(), dropped: 0 };
    this.#options.logger.error({ ref: this.#outage.ref, err: error }, 'feedback store failed; answers go on, recording is retried');
  }

  #recovered(): void {
    if (!this.#outage) return;
    this.#options.logger.info({ ref: this.#outage.ref, dropped: this.#outage.dropped }, 'feedback store back; recording resumed');
    this.#outage = null;
    this.#retryMs = this.#options.retryMs ?? 1000;
  }
}

function statement(sql: string, ...params: unknown[]): Statement {
  return { sql, params };
}

/** The salted hash stored instead of a user id. */
function userHash(salt: string, userId: string): string {
  return createHash('sha256').update(salt).update('\0').update(userId).digest('hex').slice(0, 32);
}

/** The statements that write one queued record. */
function statementsFor(pending: Pending, salt: string, now: number): Statement[] {
  switch (pending.kind) {
    case 'ask': {
      const { id, ask, asker, at } = pending;
      return [
        statement(SQL.insertAsk, id, ask.question, ask.answered ? 1 : 0, ask.confidence, asker.guildId, userHash(salt, asker.userId), at),
        ...ask.sources.map((source, position) => statement(SQL.insertCitation, id, position, source.id, source.title)),
      ];
    }
    case 'vote':
      return [statement(SQL.upsertVote, pending.askId, userHash(salt, pending.userId), pending.helpful ? 1 : 0, pending.at)];
    case 'purge':
      return [
        statement(SQL.purgeCitations, pending.before),
        statement(SQL.purgeVotes, pending.before, pending.before),
        statement(SQL.purgeAsks, pending.before),
        statement(SQL.purgeCooldowns, now),
      ];
  }
}
