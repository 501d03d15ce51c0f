import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Library } from '../src/search/library.ts';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';
import { HUNG_MS } from './support/hung.ts';

const TOKEN = 'test-token.loopback.sharded';


/** Process ids of the children of `pid` running the bot entry (the manager's shard processes; tsx adds an esbuild helper). */
function shardsOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('src/main.ts'))
      .map((line) => Number.parseInt(line.trim(), 10));
  } catch {
    return [];
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm run start:sharded` with two shards against the loopback server; its output goes to `log`. */
function startSharded(discord: DiscordServer, corpusDir: string, log: (text: string) => void): ChildProcess {
  const manager = spawn(process.execPath, ['--import', 'tsx', 'src/sharded.ts'], {
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      TOTAL_SHARDS: '2',
      CORPUS_DIR: corpusDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  manager.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  manager.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  return manager;
}

/**
 * Waits until `shards` shards have identified, however long a busy machine takes, and fails at once
 * with the bot's output if the manager exits first.
 */
async function shardsIdentified(discord: DiscordServer, manager: ChildProcess, shards: number, output: () => string): Promise<void> {
  let onExit: (code: number | null) => void = () => {};
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`the manager exited (${code}) before ${shards} shards identified:\n${output()}`));
  });
  manager.once('exit', onExit);
  try {
    if (manager.exitCode !== null) onExit(manager.exitCode);
    await Promise.race([discord.waitForIdentify(shards, HUNG_MS), exited]);
  } finally {
    manager.off('exit', onExit);
  }
}

describe('sharded gateway bot (npm run start:sharded)', () => {
  let discord: DiscordServer;
  let manager: ChildProcess;
  let output = '';

  beforeAll(async () => {
    discord = await startDiscordServer({ token: TOKEN, shardCount: 2, guilds: [{ name: 'Newsroom A' }, { name: 'Newsroom B' }], waitTimeoutMs: HUNG_MS });
    manager = startSharded(discord, './corpus', (text) => (output += text));
  }, 30_000);

  afterAll(async () => {
    if (manager.exitCode === null && manager.signalCode === null) {
      // Shards are found as the manager's children, so before it dies and they are handed to init.
      const shards = shardsOf(manager.pid!);
      manager.kill('SIGKILL');
      for (const pid of shards) process.kill(pid, 'SIGKILL');
    }
    await discord?.close();
  });

  it('runs one process per shard, each answering /coverage for its own guilds from its own index, and stops them all', async () => {
    await shardsIdentified(discord, manager, 2, () => output).catch((error: unknown) => {
      throw new Error(`shards did not identify: ${String(error)}\n${output}`);
    });
    expect(discord.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(new Set(discord.guilds.map((guild) => guild.shardId))).toEqual(new Set([0, 1]));
    const shardProcesses = shardsOf(manager.pid!);
    expect(shardProcesses).toHaveLength(2);

    const expected = (await Library.open('./corpus')).coverage().articleCount;
    for (const guild of discord.guilds) {
      const response = await discord.command({ name: 'coverage', guildId: guild.id }).firstResponse();
      expect(response.type).toBe(4);
      expect(response.data?.embeds?.[0]?.description).toMatch(new RegExp(`^${expected} articles? from`));
      expect(response.data?.allowed_mentions).toEqual({ parse: [] });
    }

    manager.kill('SIGTERM');
    const [code] = await once(manager, 'exit');
    expect(code).toBe(0);
    expect(shardProcesses.filter(isRunning)).toEqual([]);
  }, HUNG_MS);

  it('stops with one line and exit code 1, instead of respawning forever, when a shard cannot start', async () => {
    const broken = await startDiscordServer({ token: TOKEN, shardCount: 2 });
    let brokenOutput = '';
    try {
      const failing = startSharded(broken, 'no/such/corpus', (text) => (brokenOutput += text));
      const [code] = await once(failing, 'exit');
      expect(code).toBe(1);
      expect(brokenOutput).toMatch(/^newsdesk: cannot load the corpus at no\/such\/corpus/m);
      expect(brokenOutput).toMatch(/^newsdesk: Shard 0's process exited before its Client became ready\.$/m);
    } finally {
      await broken.close();
    }
  }, HUNG_MS);

  it('stops every shard with exit code 3, instead of respawning forever, when Discord revokes the token (close 4004)', async () => {
    const revoking = await startDiscordServer({ token: TOKEN, shardCount: 2, waitTimeoutMs: HUNG_MS });
    let revokedOutput = '';
    try {
      const sharded = startSharded(revoking, './corpus', (text) => (revokedOutput += text));
      const exit = once(sharded, 'exit');
      await shardsIdentified(revoking, sharded, 2, () => revokedOutput);
      const shards = shardsOf(sharded.pid!);
      // Processes that failed to stop must not outlive the test.
      onTestFinished(() => {
        for (const pid of [sharded.pid!, ...shards].filter(isRunning)) process.kill(pid, 'SIGKILL');
      });
      revoking.dropConnection(0, 4004);
      const [code] = await exit;
      expect(code).toBe(3);
      expect(revokedOutput.match(/^newsdesk: DISCORD_TOKEN: Discord rejected the token \(gateway close 4004\)/gm)).toHaveLength(1);
      expect(shards).toHaveLength(2);
      expect(shards.filter(isRunning)).toEqual([]);
      expect(revoking.identifies).toHaveLength(2);
    } finally {
      await revoking.close();
    }
  }, HUNG_MS);
});
