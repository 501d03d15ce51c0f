/**
 * Interaction-to-reply latency of /ask through the loopback Discord server and the real
 * discord.js client, on 10,000 Reuters-21578 stories: 1,000 interactions one after another,
 * each timed from the INTERACTION_CREATE dispatch to the arrival of the bot's callback.
 * The bot runs in its own process (as in production), the server in this one.
 *
 *   npm run bench:discord
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDiscordServer } from '../test/support/discord-server.ts';
import { writeReutersCorpus } from './reuters-corpus.ts';

const ARTICLES = 10_000;
const INTERACTIONS = 1_000;
const TOKEN = 'bench-token.loopback.discord-latency';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const corpusDir = await mkdtemp(join(tmpdir(), 'newsdesk-discord-bench-'));
const discord = await startDiscordServer({ token: TOKEN, waitTimeoutMs: 120_000 });
try {
  const titles = await writeReutersCorpus(corpusDir, ARTICLES);
  const started = performance.now();
  const bot = fork(fileURLToPath(new URL('../src/main.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, CORPUS_DIR: corpusDir, COOLDOWN_SECONDS: '0', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  await discord.waitForIdentify(1, 120_000);
  console.log(`bot ready on ${ARTICLES} articles in ${((performance.now() - started) / 1000).toFixed(1)} s (load + index + connect)`);

  const latencies: number[] = [];
  const step = Math.max(1, Math.floor(titles.length / INTERACTIONS));
  for (let i = 0; i < INTERACTIONS; i++) {
    const question = `What about ${titles[(i * step) % titles.length]!.toLowerCase()}?`;
    const handle = discord.command({ name: 'ask', options: { question }, user: { id: String(400_000_000_000_000_000n + BigInt(i)) } });
    await handle.firstResponse(10_000);
    latencies.push(handle.responses[0]!.elapsedMs);
  }
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
  console.log(`/ask interaction → reply over ${INTERACTIONS} interactions: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms (target p99 < 100 ms)`);
  bot.kill('SIGTERM');
} finally {
  await discord.close();
  await rm(corpusDir, { recursive: true, force: true });
}
