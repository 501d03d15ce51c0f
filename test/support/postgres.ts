import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** A new, empty database in the test cluster (see postgres-server.ts); its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = new URL(inject('postgresUrl'));
  const name = `newsdesk_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.href;
}
