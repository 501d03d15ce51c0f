import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlConnection } from './connection.ts';
import { MIGRATIONS_TABLE, SQL, type Statement } from './sql.ts';

/**
 * How long a write waits for another process's lock. better-sqlite3 waits synchronously, holding
 * the event loop, so the wait is short: a busy database is a failed write, retried later.
 */
const BUSY_TIMEOUT_MS = 50;
const MIGRATION_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the SQLite file. WAL lets readers (a /gaps) run beside the writer;
 * synchronous=NORMAL keeps every committed transaction through a killed process (the WAL is in the
 * OS's hands once written) and costs no fsync per commit.
 */
export function openSqlite(path: string): SqlConnection {
  if (path !== ':memory:') {
    // SQLite writes its journal beside the file: at /dev/null it made /dev/null-journal.
    if (statSync(path, { throwIfNoEntry: false })?.isFile() === false) throw new Error(`${path} is not a regular file`);
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error;
  }
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = db.prepare(sql)));
    return found;
  };
  return {
    dialect: 'sqlite',
    async migrate(migrations, now) {
      // Shards starting together on one file migrate one after another: at start, waiting is fine.
      db.pragma(`busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`);
      db.exec(MIGRATIONS_TABLE);
      db.transaction(() => {
        const applied = new Set(db.prepare(SQL.appliedVersions).all().map((row) => (row as { version: number }).version));
        migrations.forEach((script, i) => {
          if (applied.has(i + 1)) return;
          db.exec(script);
          db.prepare(SQL.markApplied).run(i + 1, now);
        });
      }).immediate();
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    },
    async batch(statements: readonly Statement[]) {
      db.transaction(() => {
        for (const { sql, params } of statements) statement(sql).run(...params);
      }).immediate();
    },
    async rows<Row>({ sql, params }: Statement) {
      const query = statement(sql);
      return (query.reader ? query.all(...params) : (query.run(...params), [])) as Row[];
    },
    async close() {
      db.close();
    },
  };
}
