import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SqlConnection } from '../src/store/connection.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

/** Starts the writer, lets it commit at least `batches` × 50 asks, kills it with SIGKILL mid-stream; returns how many it reported committed. */
async function killWriterMidWrite(env: Record<string, string>, committedAtLeast: number): Promise<number> {
  const writer = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/store-writer.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let committed = 0;
  let buffered = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    writer.once('exit', () => reject(new Error('the writer stopped before it was killed')));
    writer.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) committed = Math.max(committed, Number(/^committed (\d+)$/.exec(line)?.[1] ?? 0));
      if (committed >= committedAtLeast && writer.kill('SIGKILL')) resolve();
    });
  });
  expect(await exited).toBe('SIGKILL');
  return committed;
}

/** Every committed ask is there, whole, and the store takes new writes. */
async function expectNothingLost(connection: SqlConnection, committed: number): Promise<void> {
  const [asks] = await connection.rows<{ n: number | string; highest: number | string }>({
    sql: "SELECT COUNT(*) AS n, MAX(CAST(SUBSTR(id, 7) AS INTEGER)) AS highest FROM asks WHERE id LIKE 'crash-%'",
    params: [],
  });
  // Asks are written in order, a batch at a time: nothing missing means as many rows as the highest id + 1.
  expect(Number(asks!.n)).toBeGreaterThanOrEqual(committed);
  expect(Number(asks!.n)).toBe(Number(asks!.highest) + 1);
  const [orphans] = await connection.rows<{ n: number | string }>({ sql: 'SELECT COUNT(*) AS n FROM asks a LEFT JOIN ask_citations c ON c.ask_id = a.id WHERE c.ask_id IS NULL', params: [] });
  expect(Number(orphans!.n)).toBe(0);
  await connection.batch([{ sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', params: ['after-crash', 'ok'] }]);
}

describe('the feedback store killed with SIGKILL in the middle of writing', () => {
  it('SQLite: the file is not corrupt and no committed record is lost', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'newsdesk-crash-')), 'newsdesk.db');
    const committed = await killWriterMidWrite({ DATABASE_PATH: path, DATABASE_URL: '' }, 2000);
    const connection = openSqlite(path);
    expect(await connection.rows({ sql: 'PRAGMA integrity_check', params: [] })).toEqual([{ integrity_check: 'ok' }]);
    await expectNothingLost(connection, committed);
    await connection.close();
  });

  it('PostgreSQL: no committed record is lost and the half-written transaction leaves nothing', async () => {
    const url = await freshPostgresDatabase();
    const committed = await killWriterMidWrite({ DATABASE_URL: url }, 1000);
    const connection = openPostgres(url, pino({ level: 'silent' }));
    await expectNothingLost(connection, committed);
    await connection.close();
  });
});
