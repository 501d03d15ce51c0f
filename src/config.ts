import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_LOSS } from './search/results.ts';
import { MAX_WHOLE_FILE_MB } from './corpus/regular-files.ts';

/** The longest delay a Node timer honours, in whole seconds. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17 to 20 digits)');
const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A time limit in seconds, above 0 and within what a Node timer holds. */
function timeLimitSeconds(fallback: number) {
  return z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: 'expected a number of seconds' }).positive('expected more than 0 seconds').max(MAX_TIMER_SECONDS, `expected at most ${MAX_TIMER_SECONDS} seconds`).default(fallback),
  );
}

/** Every setting newsdesk reads from the environment (and `.env`); `.env.example` documents each. */
export const ConfigSchema = z
  .object({
    DISCORD_TOKEN: z.preprocess(emptyAsUnset, z.string().min(20, 'expected a bot token from the Developer Portal').optional()),
    DISCORD_APPLICATION_ID: z.preprocess(emptyAsUnset, snowflake.optional()),
    DISCORD_GUILD_ID: z.preprocess(emptyAsUnset, snowflake.optional()),
    DISCORD_API_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://discord.com/api' }).optional()),
    CORPUS_DIR: z.preprocess(emptyAsUnset, z.string().default('./corpus')),
    MODERATOR_ROLE_IDS: z.preprocess(
      (value) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : (value ?? [])),
      z.array(snowflake),
    ),
    COOLDOWN_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number({ error: 'expected a number of seconds' }).min(0, 'expected 0 or more seconds').max(3600, 'expected at most 3600 seconds').default(3)),
    MAX_FILE_MB: z.preprocess(emptyAsUnset, z.coerce.number({ error: 'expected a size in MB' }).positive().max(MAX_WHOLE_FILE_MB, `expected at most ${MAX_WHOLE_FILE_MB} MB (larger JSON Lines and JSON array files are read record by record)`).default(5)),
    INTERACTIONS_MODE: z.preprocess(emptyAsUnset, z.enum(['gateway', 'http'], { error: 'expected gateway or http' }).default('gateway')),
    PORT: z.preprocess(emptyAsUnset, z.coerce.number({ error: 'expected a port number' }).int('expected a port number').min(0).max(65535, 'expected a port number').default(8080)),
    DISCORD_PUBLIC_KEY: z.preprocess(emptyAsUnset, z.string().regex(/^[0-9a-f]{64}$/i, 'expected the 64-hex-digit public key from the Developer Portal').optional()),
    // Not SHARDS: discord.js hands each shard process its id in SHARDS (and SHARD_COUNT) and every Client reads them.
    TOTAL_SHARDS: z.preprocess(
      emptyAsUnset,
      z.union([z.literal('auto'), z.coerce.number().int().min(1, 'expected auto or at least 1 shard')], { error: 'expected auto or a number of shards' }).default('auto'),
    ),
    SNAPSHOT_PATH: z.preprocess(emptyAsUnset, z.string().optional()),
    CORPUS_POLL_SECONDS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: 'expected a number of seconds' })
        .min(0, 'expected 0 or more seconds')
        // Node's timers hold at most 2^31-1 ms; a longer delay fires after 1 ms, which would reload in a busy loop.
        .max(MAX_TIMER_SECONDS, `expected at most ${MAX_TIMER_SECONDS} seconds (about 24 days)`)
        .default(0),
    ),
    RELOAD_MAX_LOSS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: 'expected a share of the articles from 0 to 1, such as 0.5' })
        .min(0, 'expected a share of the articles from 0 to 1, such as 0.5')
        .max(1, 'expected a share of the articles from 0 to 1, such as 0.5')
        .default(DEFAULT_MAX_LOSS),
    ),
    PARSE_BUDGET_SECONDS: timeLimitSeconds(10),
    RELOAD_DEADLINE_SECONDS: timeLimitSeconds(600),
    DATABASE_PATH: z.preprocess(emptyAsUnset, z.string().default('data/newsdesk.db')),
    DATABASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' }).optional()),
    FEEDBACK_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number({ error: 'expected a number of days' }).int('expected a whole number of days').min(1, 'expected at least 1 day').default(90)),
    FEEDBACK_RECORDING: z.preprocess(emptyAsUnset, z.enum(['on', 'off'], { error: 'expected on or off' }).default('on')),
    LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info')),
  })
  .superRefine((config, ctx) => {
    if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'required when DISCORD_TOKEN is set (the application id from the Developer Portal)' });
    }
    if (config.INTERACTIONS_MODE === 'http' && !config.DISCORD_PUBLIC_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'required when INTERACTIONS_MODE is http (the public key from the Developer Portal)' });
    }
    // Whichever opened first, the other found a file it could not read, and the snapshot replaced a fresh database.
    if (config.SNAPSHOT_PATH !== undefined && !config.DATABASE_URL && config.DATABASE_PATH !== ':memory:' && resolve(config.SNAPSHOT_PATH) === resolve(config.DATABASE_PATH)) {
      ctx.addIssue({ code: 'custom', path: ['SNAPSHOT_PATH'], message: 'must not be the feedback database (DATABASE_PATH)' });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

/** A configuration problem, worded for the one line printed at start. */
export class ConfigError extends Error {}

/** Validates the environment; the error names the variable and what it expects, never its value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty token beside an application id is a mistake, not a wish for the console: typically a
  // second, empty `DISCORD_TOKEN=` line in .env, which wins over the first. HTTP mode needs no token.
  const emptyToken = env.DISCORD_TOKEN !== undefined && emptyAsUnset(env.DISCORD_TOKEN) === undefined;
  if (emptyToken && emptyAsUnset(env.DISCORD_APPLICATION_ID) !== undefined && emptyAsUnset(env.INTERACTIONS_MODE) !== 'http') {
    throw new ConfigError('DISCORD_TOKEN: empty while DISCORD_APPLICATION_ID is set (in .env the last DISCORD_TOKEN= line wins). Set the token, or unset both for the local console.');
  }
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'configuration');
  throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'}.`);
}
