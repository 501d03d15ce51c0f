/**
 * HTTP interactions bench: requests/s and latency of signed `/ask` interactions against HTTP mode
 * on loopback, with one replica and with two, and the memory one replica holds.
 *
 * Corpus: the first 10,000 Reuters-21578 stories with a body, written as JSON Lines files of 1,000
 * records into a temp directory and opened with the real loader, as `npm start` does.
 * Replicas: separate processes (this file with `--replica`), each with its own index and port.
 * Load: one autocannon run per setting, bounded by `DURATION_S` and `CONNECTIONS`; with two
 * replicas autocannon spreads the connections evenly over both URLs, as a round-robin load
 * balancer would. Every request is an `/ask` with one of 500 questions (the stories' titles),
 * signed with Ed25519 like Discord's; the cooldown is off since the bench is one user.
 * Autocannon runs in this process, so on a small machine the bench shares the CPUs with the
 * replicas: compare one and two replicas on the same machine, not across machines.
 *
 * Run: npm run bench:http
 */
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createDispatcher } from '../src/discord/bot.ts';
import { startHttpServer } from '../src/discord/http.ts';
import { Library } from '../src/search/library.ts';
import { writeReutersCorpus } from './reuters-corpus.ts';

const ARTICLES = 10_000;
const QUESTIONS = 500;
const DURATION_S = 10;
const CONNECTIONS = 20;

/** The part of autocannon's API used here (the package ships no types). */
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
type Autocannon = (options: {
  url: string | string[];
  connections: number;
  duration: number;
  requests: Array<Partial<LoadRequest> & { setupRequest: (request: LoadRequest) => LoadRequest }>;
}) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** What a replica reports once it is listening. */
interface ReplicaReady {
  url: string;
  articles: number;
  loadMs: number;
  /** heapUsed / RSS before the corpus was opened (modules loaded) and after, both after a full GC. */
  before: { heapMb: number; rssMb: number };
  after: { heapMb: number; rssMb: number };
}

function memoryMb(): { heapMb: number; rssMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20 };
}

/** Replica mode: opens the corpus, listens on a free port and reports to the parent. */
async function runReplica(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const before = memoryMb();
  const started = performance.now();
  const library = await Library.open(process.env.CORPUS_DIR ?? '');
  const loadMs = performance.now() - started;
  const dispatcher = createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, logger);
  const endpoint = await startHttpServer({ port: 0, host: '127.0.0.1', publicKey: process.env.DISCORD_PUBLIC_KEY ?? '', service: Promise.resolve({ library, dispatcher }), logger });
  const ready: ReplicaReady = { url: endpoint.url, articles: library.coverage().articleCount, loadMs, before, after: memoryMb() };
  process.send?.(ready);
}

/** Signed `/ask` bodies, as Discord would send them, cycled through by the load. */
function signedAsks(titles: string[], privateKey: KeyObject): Array<Pick<LoadRequest, 'headers' | 'body'>> {
  const step = Math.max(1, Math.floor(titles.length / QUESTIONS));
  return Array.from({ length: QUESTIONS }, (_, i) => {
    const question = `What about ${titles[(i * step) % titles.length]!.toLowerCase()}?`;
    const body = JSON.stringify({
      type: 2,
      id: String(1_000_000_000_000_000_000n + BigInt(i)),
      application_id: '123456789012345678',
      token: `bench-token-${i}`,
      version: 1,
      guild_id: '223456789012345678',
      member: { user: { id: String(300_000_000_000_000_000n + BigInt(i)), username: `reader${i}` }, roles: [], permissions: '2048' },
      data: { id: '523456789012345678', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
    });
    // Signed once: the run is far shorter than the accepted clock skew.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');
    return { body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
  });
}

async function startReplica(corpusDir: string, publicKey: string): Promise<{ child: ChildProcess; ready: ReplicaReady }> {
  const child = fork(fileURLToPath(import.meta.url), ['--replica'], {
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
    env: { ...process.env, CORPUS_DIR: corpusDir, DISCORD_PUBLIC_KEY: publicKey },
  });
  const [ready] = (await once(child, 'message')) as [ReplicaReady];
  return { child, ready };
}

async function load(urls: string[], asks: Array<Pick<LoadRequest, 'headers' | 'body'>>): Promise<LoadResult> {
  let next = 0;
  const check = await fetch(`${urls[0]}/interactions`, { method: 'POST', ...asks[0] });
  const answer = (await check.json()) as { type: number; data?: { embeds?: unknown[] } };
  if (check.status !== 200 || answer.type !== 4 || !answer.data?.embeds?.length) throw new Error(`unexpected answer to a signed /ask: ${check.status} ${JSON.stringify(answer).slice(0, 200)}`);
  return autocannon({
    url: urls.map((url) => `${url}/interactions`),
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const ask = asks[next++ % asks.length]!;
          return { ...request, path: '/interactions', headers: ask.headers, body: ask.body };
        },
      },
    ],
  });
}

function report(label: string, result: LoadResult): void {
  const failed = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${label.padEnd(11)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   max ${String(result.latency.max).padStart(5)} ms   ${result.requests.total} requests, ${failed} failed`,
  );
}

async function main(): Promise<void> {
  const corpusDir = await mkdtemp(join(tmpdir(), 'newsdesk-http-bench-'));
  const replicas: ChildProcess[] = [];
  try {
    const titles = await writeReutersCorpus(corpusDir, ARTICLES);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
    const asks = signedAsks(titles, privateKey);
    const first = await startReplica(corpusDir, publicHex);
    replicas.push(first.child);
    const { ready } = first;
    console.log(`HTTP interactions bench: ${ready.articles} articles, ${QUESTIONS} signed /ask questions, ${CONNECTIONS} connections for ${DURATION_S} s, ${availableParallelism()} CPUs`);
    console.log(
      `one replica: loaded in ${(ready.loadMs / 1000).toFixed(1)} s; heap ${ready.after.heapMb.toFixed(0)} MB, RSS ${ready.after.rssMb.toFixed(0)} MB ` +
        `(before the corpus: heap ${ready.before.heapMb.toFixed(0)} MB, RSS ${ready.before.rssMb.toFixed(0)} MB; ` +
        `per 10,000 articles: +${(((ready.after.heapMb - ready.before.heapMb) * 10_000) / ready.articles).toFixed(0)} MB heap, +${(((ready.after.rssMb - ready.before.rssMb) * 10_000) / ready.articles).toFixed(0)} MB RSS)`,
    );
    report('1 replica', await load([ready.url], asks));
    const second = await startReplica(corpusDir, publicHex);
    replicas.push(second.child);
    report('2 replicas', await load([ready.url, second.ready.url], asks));
  } finally {
    for (const replica of replicas) replica.kill();
    await rm(corpusDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--replica')) {
  await runReplica();
} else {
  await main();
}
