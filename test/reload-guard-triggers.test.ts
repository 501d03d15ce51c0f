import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { createDispatcher } from '../src/discord/bot.ts';
import { startHttpServer } from '../src/discord/http.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { watchForReloads } from '../src/reload-triggers.ts';
import { type CorpusLoader, Library } from '../src/search/library.ts';
import { until } from './support/until.ts';

/** A logger whose lines the test reads back. */
function recordingLogger(): { logger: pino.Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('reloads from outside Discord that would empty the coverage', () => {
  let workDir: string;
  /** The corpus path the bot is given: a link to the mounted folder, so a failed mount can be swapped in at once. */
  let corpusDir: string;
  let stop: () => void = () => {};

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'newsdesk-guard-'));
    await cp('corpus', join(workDir, 'mounted'), { recursive: true });
    corpusDir = join(workDir, 'corpus');
    await symlink(join(workDir, 'mounted'), corpusDir);
  });

  afterEach(async () => {
    stop();
    await rm(workDir, { recursive: true, force: true });
  });

  /** The corpus path now shows an empty folder, in one step, as after a mount that failed. */
  async function emptyCorpusDir(): Promise<void> {
    await mkdir(join(workDir, 'unmounted'));
    await symlink(join(workDir, 'unmounted'), join(workDir, 'swap'));
    await rename(join(workDir, 'swap'), corpusDir);
  }

  it('refuses a SIGHUP reload of an emptied folder, says how to confirm, and swaps it in on SIGUSR2', async () => {
    const library = await Library.open(corpusDir);
    const { logger, lines } = recordingLogger();
    stop = watchForReloads(library, { corpusDir, pollSeconds: 0 }, logger).stop;
    await emptyCorpusDir();
    process.kill(process.pid, 'SIGHUP');
    const refusal = await until(() => lines.find((line) => line.msg.startsWith('reload refused')));
    expect(refusal.level).toBe(40);
    expect(refusal.msg).toContain('would remove 2 of the 2 articles served');
    expect(refusal.msg).toContain('send SIGUSR2 (kill -USR2) to confirm');
    expect(library.coverage().articleCount).toBe(2);
    process.kill(process.pid, 'SIGUSR2');
    await until(() => library.coverage().articleCount === 0);
  });

  it('keeps /healthz honest: the replica still serves its articles after an emptied folder was refused', async () => {
    const library = await Library.open(corpusDir);
    const logger = pino({ level: 'silent' });
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
    const endpoint = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      publicKey: Buffer.from(publicKey, 'base64url').toString('hex'),
      service: Promise.resolve({ library, dispatcher: createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, logger) }),
      logger,
    });
    try {
      await emptyCorpusDir();
      await expect(library.reload()).rejects.toThrow('would remove 2 of the 2 articles');
      const health = await fetch(`${endpoint.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ready', articles: 2 });
    } finally {
      await endpoint.close();
    }
  });

  it('keeps serving while polling sees an emptied folder, without reloading it again at every check', async () => {
    let loads = 0;
    const counting: CorpusLoader = (dir, options) => {
      loads += 1;
      return loadCorpus(dir, options);
    };
    const library = await Library.open(corpusDir, { load: counting });
    const { logger, lines } = recordingLogger();
    const watcher = watchForReloads(library, { corpusDir, pollSeconds: 0.02 }, logger);
    stop = watcher.stop;
    await watcher.ready;
    await emptyCorpusDir();
    await until(() => lines.some((line) => line.msg.startsWith('reload refused')));
    const loadsAtRefusal = loads;
    // Several more polling intervals: the unchanged, already refused folder is not reloaded again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(loads).toBe(loadsAtRefusal);
    expect(library.coverage().articleCount).toBe(2);
  });
});

describe('reload settings', () => {
  it('refuses at most half of the articles by default, and reads RELOAD_MAX_LOSS as a share', () => {
    expect(readConfig({}).RELOAD_MAX_LOSS).toBe(0.5);
    expect(readConfig({ RELOAD_MAX_LOSS: '0.2' }).RELOAD_MAX_LOSS).toBe(0.2);
    expect(() => readConfig({ RELOAD_MAX_LOSS: '20%' })).toThrow(/^RELOAD_MAX_LOSS: expected a share of the articles from 0 to 1/);
    expect(() => readConfig({ RELOAD_MAX_LOSS: '2' })).toThrow(/^RELOAD_MAX_LOSS: expected a share of the articles from 0 to 1/);
  });

  it('rejects a CORPUS_POLL_SECONDS too long for a timer, which would otherwise poll every millisecond', () => {
    expect(readConfig({ CORPUS_POLL_SECONDS: '2147483' }).CORPUS_POLL_SECONDS).toBe(2147483);
    expect(() => readConfig({ CORPUS_POLL_SECONDS: '2147484' })).toThrow(/^CORPUS_POLL_SECONDS: expected at most 2147483 seconds/);
  });
});
