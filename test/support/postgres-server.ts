/**
 * Vitest global setup: a throwaway PostgreSQL cluster for the tests, started from Debian's
 * `postgresql` package binaries in a temporary directory on a free loopback port, and removed
 * after the run. PostgreSQL refuses to run as root, so as root (CI) it runs as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);
const ROOT = '/usr/lib/postgresql';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster; tests create their own database in it. */
    postgresUrl: string;
  }
}

/** The newest installed PostgreSQL's bin directory. */
async function binaries(): Promise<string> {
  const versions = await readdir(ROOT).catch(() => [] as string[]);
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed (no ${ROOT}/<version>/bin): apt-get install postgresql, as .ci/run does`);
  return join(ROOT, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway cluster (for tests and benches); returns its superuser URL and how to stop and remove it. */
export async function startPostgresCluster(): Promise<{ url: string; stop(): Promise<void> }> {
  const bin = await binaries();
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    await chown(dir, Number(uid.stdout), Number(gid.stdout));
  }
  const pgRun = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  const data = join(dir, 'data');
  const port = await freePort();
  await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'newsdesk', '-E', 'UTF8', '--no-sync']);
  // fsync off: a test cluster is thrown away, and it is what makes the store tests quick.
  await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -F`, 'start']);
  return {
    url: `postgres://newsdesk@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The global setup: one cluster for the whole run, its URL provided to the tests as `postgresUrl`. */
export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
