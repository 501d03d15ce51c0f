/**
 * The gateway bot split over shard processes with discord.js's `ShardingManager`: each process
 * runs the ordinary bot entry, which loads its own copy of the corpus, and discord.js tells it
 * which shard it is through the SHARDS / SHARD_COUNT variables its Client reads.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { EXIT_REFUSED_BY_DISCORD } from '../lifecycle.ts';
import type { Logger } from '../log.ts';
import { connectionFailure, restClient } from './rest.ts';

/** Discord's wait between two IDENTIFYs in one rate-limit bucket, with a margin. */
const IDENTIFY_INTERVAL_MS = 5500;
/** How long a stopping shard may take to close its gateway connection before it is killed. */
const STOP_GRACE_MS = 5000;

/** What the sharded bot needs. */
export interface ShardedBotOptions {
  token: string;
  /** REST base, e.g. a local test server; Discord's own when undefined. */
  apiUrl?: string;
  /** A number of shards, or 'auto' for Discord's recommendation. */
  totalShards: 'auto' | number;
  /** The bot entry (a .ts file) each shard process runs. */
  entry: string;
  logger: Logger;
}

/** A running set of shard processes. */
export interface ShardedBot {
  shardCount: number;
  /** Resolves once every shard is ready; rejects (after stopping the others) if one cannot start. */
  ready: Promise<void>;
  /**
   * Resolves, after stopping every shard, when Discord refused one for good (a revoked token): a
   * respawned shard would be refused again, loading its corpus each time, forever.
   */
  refused: Promise<void>;
  /** Sends a signal to every shard process (SIGHUP reloads each one's corpus). */
  signal(signal: NodeJS.Signals): void;
  /** Stops every shard process (no respawn) and resolves when they have exited. */
  stop(): Promise<void>;
}

/**
 * Asks `GET /gateway/bot` for the recommended shard count and the identify concurrency. Done here
 * rather than by ShardingManager's 'auto', which always asks discord.com and so ignores DISCORD_API_URL.
 */
async function gatewayBot(token: string, apiUrl: string | undefined): Promise<RESTGetAPIGatewayBotResult> {
  const rest = restClient(apiUrl, token);
  try {
    return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    throw connectionFailure(error, apiUrl);
  }
}

/** Waits for a child process to exit, killing it if it has not within the grace period. */
async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await once(child, 'exit');
  clearTimeout(timer);
}

/**
 * Spawns one process per shard, returning as soon as spawning begins so the caller can stop them
 * at any time; `ready` says when all are connected. Shards are started far enough apart that no
 * two IDENTIFYs of one rate-limit bucket are closer than Discord allows.
 */
export async function startShardedBot(options: ShardedBotOptions): Promise<ShardedBot> {
  const { logger } = options;
  const gateway = await gatewayBot(options.token, options.apiUrl);
  const shardCount = options.totalShards === 'auto' ? gateway.shards : options.totalShards;
  const concurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
  const manager = new ShardingManager(options.entry, {
    token: options.token,
    totalShards: shardCount,
    mode: 'process',
    // Shard processes run the TypeScript entry directly, like `npm start`.
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, shardCount }, 'starting shard');
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (child) => {
      logger.warn({ shard: shard.id }, 'shard process exited');
      if ('exitCode' in child && child.exitCode === EXIT_REFUSED_BY_DISCORD) refuse();
    });
    // A respawned shard that fails again reports here; unheard, the event would end the manager.
    shard.on('error', (error) => logger.error({ shard: shard.id, err: error }, 'shard failed'));
  });
  logger.info({ shardCount, recommended: gateway.shards, concurrency }, 'spawning shards');
  const children = () => manager.shards.map((shard) => shard.process).filter((child): child is ChildProcess => child !== null);
  let stopping = false;
  let refuse = () => {};
  const refused = new Promise<void>((resolve) => {
    refuse = () => {
      manager.respawn = false;
      // discord.js respawns the dead shard right after this event: stop once that process exists.
      setImmediate(() => void stop().then(resolve));
    };
  });
  const stop = async () => {
    stopping = true;
    const running = children();
    // kill() detaches the manager's exit listener first, so the shards are not respawned.
    for (const shard of manager.shards.values()) if (shard.process) shard.kill();
    await Promise.all(running.map(exited));
  };
  // Shards k and k + concurrency share a bucket; spawned one after another, they are `concurrency` delays apart.
  const ready = manager.spawn({ amount: shardCount, delay: Math.ceil(IDENTIFY_INTERVAL_MS / concurrency), timeout: 60_000 }).then(
    () => undefined,
    async (error: unknown) => {
      if (stopping) return;
      // A shard that cannot start (bad configuration, unreadable corpus) would otherwise be respawned forever.
      await stop();
      throw error;
    },
  );
  return {
    shardCount,
    ready,
    refused,
    signal: (signal) => {
      for (const child of children()) child.kill(signal);
    },
    stop,
  };
}
