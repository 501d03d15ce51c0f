import dotenv from 'dotenv';
import { commands } from '../commands/index.ts';
import { ConfigError, readConfig, type Config } from './config.ts';
import { runConsole } from './discord/console.ts';
import { colorWanted } from './cli/terminal.ts';
import { createDispatcher } from './discord/bot.ts';
import { deployCommands } from './discord/deploy.ts';
import { startGatewayBot } from './discord/gateway.ts';
import { startHttpServer } from './discord/http.ts';
import { currentReloadRoomAdvice } from './heap-room.ts';
import { exitOnFatalClose, exitOnSignal, exitOnStartFailure, holdReloadSignals } from './lifecycle.ts';
import { createLogger, type Logger } from './log.ts';
import { watchForReloads } from './reload-triggers.ts';
import { Library } from './search/library.ts';
import { openRecorder } from './store/open.ts';

/** Loads the corpus, or ends the process with one line saying why (exit code 2). */
async function openLibrary(config: Config): Promise<Library> {
  try {
    return await Library.open(config.CORPUS_DIR, {
      maxFileBytes: config.MAX_FILE_MB * 1024 * 1024,
      maxLoss: config.RELOAD_MAX_LOSS,
      snapshotPath: config.SNAPSHOT_PATH,
      parseBudgetMs: config.PARSE_BUDGET_SECONDS * 1000,
      reloadDeadlineMs: config.RELOAD_DEADLINE_SECONDS * 1000,
    });
  } catch (error) {
    console.error(`newsdesk: cannot load the corpus at ${config.CORPUS_DIR}: ${(error as Error).message}`);
    process.exit(2);
  }
}

/** Keeps the bot alive through a stray failure: logged, never fatal. */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
}

async function startConsole(config: Config): Promise<void> {
  console.log('No DISCORD_TOKEN set: starting the local console (set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env to connect to Discord; see README).');
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn');
  const library = await openLibrary(config);
  const color = colorWanted(process.stdout);
  console.log(`${library.coverage().articleCount} articles loaded. Type /help, /ask <question>, /search <words>; /quit or Ctrl-D to leave.\n`);
  const advice = currentReloadRoomAdvice();
  if (advice) console.warn(`newsdesk: ${advice}`);
  const recorder = openRecorder(config, logger);
  const dispatcher = createDispatcher(library, { ...config, COOLDOWN_SECONDS: 0 }, logger, undefined, recorder);
  await runConsole({ dispatcher, commands, input: process.stdin, output: process.stdout, color });
  await recorder?.close();
}

/** Logs the loaded corpus, then reloads it on SIGHUP (and on changes with CORPUS_POLL_SECONDS): how operators reload every replica or shard. */
function watchCorpus(library: Library, config: Config, logger: Logger, releaseReloadSignals: () => void): void {
  logger.info({ articles: library.coverage().articleCount, corpus: config.CORPUS_DIR, origin: library.origin }, 'corpus loaded');
  const advice = currentReloadRoomAdvice();
  if (advice) logger.warn(advice);
  watchForReloads(library, { corpusDir: config.CORPUS_DIR, pollSeconds: config.CORPUS_POLL_SECONDS }, logger);
  releaseReloadSignals();
}

async function startBot(config: Config & { DISCORD_TOKEN: string }): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  guardProcess(logger);
  const releaseReloadSignals = holdReloadSignals();
  const library = await openLibrary(config);
  watchCorpus(library, config, logger, releaseReloadSignals);
  const recorder = openRecorder(config, logger);
  const client = await startGatewayBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    dispatcher: createDispatcher(library, config, logger, process.env.SHARD_COUNT ? 'shard' : undefined, recorder),
    logger,
    onFatalClose: exitOnFatalClose,
  });
  exitOnSignal(() => Promise.all([client.destroy(), recorder?.close()]), logger);
}

async function startHttp(config: Config & { DISCORD_PUBLIC_KEY: string }): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  guardProcess(logger);
  const releaseReloadSignals = holdReloadSignals();
  // Listening before the corpus is loaded lets Discord's endpoint check and health probes through meanwhile.
  const library = openLibrary(config);
  const recorder = openRecorder(config, logger);
  const endpoint = await startHttpServer({
    port: config.PORT,
    publicKey: config.DISCORD_PUBLIC_KEY,
    apiUrl: config.DISCORD_API_URL,
    service: library.then((loaded) => ({ library: loaded, dispatcher: createDispatcher(loaded, config, logger, 'replica', recorder) })),
    logger,
  });
  exitOnSignal(() => Promise.all([endpoint.close(), recorder?.close()]), logger);
  watchCorpus(await library, config, logger, releaseReloadSignals);
}

async function main(args: string[]): Promise<void> {
  dotenv.config({ quiet: true });
  const config = readConfig();
  if (args[0] === 'deploy-commands') {
    if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to deploy commands.');
    const target = { token: config.DISCORD_TOKEN, applicationId: config.DISCORD_APPLICATION_ID, guildId: config.DISCORD_GUILD_ID, apiUrl: config.DISCORD_API_URL };
    console.log(await deployCommands(target, commands.map((c) => c.definition)));
  } else if (config.INTERACTIONS_MODE === 'http' && config.DISCORD_PUBLIC_KEY) {
    await startHttp({ ...config, DISCORD_PUBLIC_KEY: config.DISCORD_PUBLIC_KEY });
  } else if (config.DISCORD_TOKEN) {
    await startBot({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN });
  } else {
    await startConsole(config);
  }
}

main(process.argv.slice(2)).catch(exitOnStartFailure);
