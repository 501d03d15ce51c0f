/**
 * /compare and /timeline on 10,000 Reuters-21578 stories, and what recording every /ask costs the
 * answer path on SQLite and on PostgreSQL.
 *
 *   npm run bench:community [-- --articles 10000 --asks 1000]
 *
 * The stories are spread over 40 named outlets, one in 50 naming none, so /compare has outlets to
 * group. Topics are the first three words of story titles. Recording: 1,000 /ask one after another
 * through the dispatcher in each mode (not recorded, SQLite, PostgreSQL), taking turns, each timed
 * from its arrival (a turn of the event loop, as a real interaction arrives) to its reply, so a
 * write done between two asks counts against the next.
 * PostgreSQL is DATABASE_URL when set, else a throwaway cluster started here. Each figure is given
 * as wall time and as the process's CPU time: on a machine shared with other jobs, wall time
 * includes waiting for a core, CPU time does not.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { commands } from '../commands/index.ts';
import { Dispatcher, type Responder } from '../src/discord/dispatcher.ts';
import { Library } from '../src/search/library.ts';
import { openRecorder } from '../src/store/open.ts';
import { startPostgresCluster } from '../test/support/postgres-server.ts';
import { readReutersRecords } from './reuters-corpus.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, asks: { type: 'string', default: '1000' } } });
const ARTICLES = Number(values.articles);
const ASKS = Number(values.asks);
const OUTLETS = 40;
/** Asks of each mode not timed, while the first writes open the stores and the code warms up. */
const WARM_UP = 20;
const silent = pino({ level: 'silent' });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`;
}

const p99 = (samples: number[]) => percentile([...samples].sort((a, b) => a - b), 99);

/** CPU time of a `process.cpuUsage` difference, in ms: what a call cost, whatever else the shared machine ran meanwhile. */
const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;

const dir = await mkdtemp(join(tmpdir(), 'newsdesk-community-bench-'));
let cluster: Awaited<ReturnType<typeof startPostgresCluster>> | null = null;
try {
  const stories = (await readReutersRecords()).filter((r) => r.body?.trim()).slice(0, ARTICLES);
  const lines = stories.map(({ id, date, title, body }, i) => JSON.stringify({ id, date, title, body, ...(i % 50 === 49 ? {} : { outlet: `Outlet ${i % OUTLETS}` }) }));
  await writeFile(join(dir, 'reuters.jsonl'), lines.join('\n') + '\n');
  const library = await Library.open(dir, { maxFileBytes: 64 * 1024 * 1024 });
  const topics = stories.flatMap((s) => (s.title ? [s.title.toLowerCase().split(/\s+/).slice(0, 3).join(' ')] : [])).filter((_, i) => i % 7 === 0).slice(0, 1000);
  console.log(`${library.coverage().articleCount} articles, ${topics.length} topics`);

  for (const [name, run] of [
    ['/compare', (topic: string) => library.compare(topic)],
    ['/timeline', (topic: string) => library.timeline(topic)],
  ] as const) {
    for (const topic of topics.slice(0, 50)) run(topic);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const topic of topics) {
      const [started, startedCpu] = [performance.now(), process.cpuUsage()];
      run(topic);
      wall.push(performance.now() - started);
      cpu.push(cpuMs(process.cpuUsage(startedCpu)));
    }
    console.log(`${name} on ${library.coverage().articleCount} articles: wall ${summary(wall)}; CPU ${summary(cpu)} (target p99 ≤ 100 ms)`);
  }

  const responder: Responder = { reply: async () => undefined, defer: async () => undefined, editReply: async () => undefined, update: async () => undefined, choices: async () => undefined };
  const questions = topics.map((topic) => `What happened with ${topic}?`);
  if (!process.env.DATABASE_URL) cluster = await startPostgresCluster();
  const postgresUrl = process.env.DATABASE_URL ?? cluster!.url;
  const recorders = {
    SQLite: openRecorder({ DATABASE_PATH: join(dir, 'bench.db'), FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'on' }, silent)!,
    PostgreSQL: openRecorder({ DATABASE_PATH: '', DATABASE_URL: postgresUrl, FEEDBACK_RETENTION_DAYS: 90, FEEDBACK_RECORDING: 'on' }, silent)!,
  };
  for (const recorder of Object.values(recorders)) await recorder.gaps(1, null);
  const modes = [
    { name: 'not recorded', feedback: null },
    ...Object.entries(recorders).map(([name, feedback]) => ({ name: `recorded in ${name}`, feedback })),
  ].map((mode) => ({
    ...mode,
    took: [] as number[],
    cpu: [] as number[],
    dispatcher: new Dispatcher({ library, commands, moderatorRoleIds: [], now: Date.now, ...(mode.feedback && { feedback: mode.feedback }) }, { cooldownMs: 0, logger: silent }),
  }));
  // Interleaved, in turn, so a burst of load on the shared machine falls on every mode alike.
  for (let i = 0; i < ASKS; i++) {
    for (let m = 0; m < modes.length; m++) {
      const mode = modes[(i + m) % modes.length]!;
      const [arrived, arrivedCpu] = [performance.now(), process.cpuUsage()];
      await nextTurn();
      await mode.dispatcher.command({ command: 'ask', options: { question: questions[i % questions.length]! }, invoker: { id: String(400000000000000000n + BigInt(i % 50)), permissions: null, roleIds: [] }, guildId: '223456789012345678' }, responder);
      if (i >= WARM_UP) {
        mode.took.push(performance.now() - arrived);
        mode.cpu.push(cpuMs(process.cpuUsage(arrivedCpu)));
      }
    }
  }
  const [baseline, baselineCpu] = [modes[0]!.took, modes[0]!.cpu];
  for (const mode of modes) {
    await mode.feedback?.close();
    const added = mode.feedback ? `; p99 added: wall ${(p99(mode.took) - p99(baseline)).toFixed(2)} ms, CPU ${(p99(mode.cpu) - p99(baselineCpu)).toFixed(2)} ms (target ≤ 2 ms)` : '';
    console.log(`${mode.took.length} /ask ${mode.name}: wall ${summary(mode.took)}; CPU ${summary(mode.cpu)}${added}`);
  }
  if (!process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM asks');
    console.log(`PostgreSQL holds ${rows[0]!.n} recorded asks`);
    await client.end();
  }
} finally {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
}
