import pg from 'pg';
import type { Logger } from '../log.ts';
import type { SqlConnection } from './connection.ts';
import { MIGRATIONS_TABLE, SQL, type Statement } from './sql.ts';

/** Any fixed number: the advisory lock that lets one starting replica migrate while the others wait. */
const MIGRATION_LOCK = 1_300_013;

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the statements hold no literal question marks). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A pool of connections to DATABASE_URL. Short timeouts: an unreachable server must fail a write
 * quickly (the recorder retries later), never hold an answer.
 */
export function openPostgres(url: string, logger: Logger): SqlConnection {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 2000, query_timeout: 5000 });
  // An idle connection dropped by the server emits here; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'feedback store connection lost'));
  const inTransaction = async (work: (client: pg.PoolClient) => Promise<void>) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    dialect: 'postgres',
    migrate: (migrations, now) =>
      inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(MIGRATIONS_TABLE);
        const applied = new Set((await client.query<{ version: number }>(SQL.appliedVersions)).rows.map((row) => row.version));
        for (const [i, script] of migrations.entries()) {
          if (applied.has(i + 1)) continue;
          await client.query(script);
          await client.query(numbered(SQL.markApplied), [i + 1, now]);
        }
      }),
    batch: (statements) =>
      inTransaction(async (client) => {
        for (const { sql, params } of statements) await client.query(numbered(sql), [...params]);
      }),
    async rows<Row>({ sql, params }: Statement) {
      return (await pool.query(numbered(sql), [...params])).rows as Row[];
    },
    close: () => pool.end(),
  };
}
