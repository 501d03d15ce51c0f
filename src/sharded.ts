/**
 * `npm run start:sharded`: the gateway bot with one process per shard, for bots in more guilds
 * than one gateway connection may serve (Discord requires sharding from 2,500 guilds).
 */
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError, readConfig } from './config.ts';
import { startShardedBot } from './discord/shards.ts';
import { EXIT_REFUSED_BY_DISCORD, exitOnSignal, exitOnStartFailure } from './lifecycle.ts';
import { createLogger } from './log.ts';
import { RELOAD_SIGNALS } from './reload-signals.ts';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = readConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is required to run the sharded gateway bot.');
  if (config.INTERACTIONS_MODE === 'http') throw new ConfigError('INTERACTIONS_MODE is http: HTTP replicas are scaled with `npm start` behind a load balancer, not sharded.');
  const logger = createLogger(config.LOG_LEVEL);
  const bot = await startShardedBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    totalShards: config.TOTAL_SHARDS,
    entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
    logger,
  });
  for (const signal of RELOAD_SIGNALS) {
    process.on(signal, () => {
      logger.info({ signal }, 'reloading the corpus in every shard');
      bot.signal(signal);
    });
  }
  exitOnSignal(() => bot.stop(), logger);
  // The refused shard printed why; every shard is stopped by then.
  void bot.refused.then(() => process.exit(EXIT_REFUSED_BY_DISCORD));
  await bot.ready.catch((error: Error) => {
    // The failing shard printed why above; this says which one, in one line.
    console.error(`newsdesk: ${error.message}`);
    process.exit(1);
  });
  logger.info({ shards: bot.shardCount }, 'all shards ready');
}

main().catch(exitOnStartFailure);
