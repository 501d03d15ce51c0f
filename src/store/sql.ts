/**
 * The feedback store's schema and statements, written once in the SQL that SQLite and PostgreSQL
 * both accept (`?` placeholders, numbered for PostgreSQL by its connection). Times are epoch
 * milliseconds in BIGINT columns and booleans are 0/1, so neither dialect needs its own types.
 */

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** The schema, one entry per version. A started store applies those it lacks, in order, each once. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE asks (
     id TEXT PRIMARY KEY,
     question TEXT NOT NULL,
     answered INTEGER NOT NULL,
     confidence DOUBLE PRECISION NOT NULL,
     guild_id TEXT,
     user_hash TEXT NOT NULL,
     asked_at BIGINT NOT NULL
   );
   CREATE INDEX asks_by_time ON asks (asked_at);
   CREATE TABLE ask_citations (
     ask_id TEXT NOT NULL,
     position INTEGER NOT NULL,
     article_id TEXT NOT NULL,
     title TEXT,
     PRIMARY KEY (ask_id, position)
   );
   CREATE TABLE votes (
     ask_id TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     helpful INTEGER NOT NULL,
     voted_at BIGINT NOT NULL,
     PRIMARY KEY (ask_id, user_hash)
   );
   CREATE TABLE cooldowns (key TEXT PRIMARY KEY, until_ms BIGINT NOT NULL);`,
];

/** Where applied versions are kept; created before any migration runs. */
export const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)';

export const SQL = {
  appliedVersions: 'SELECT version FROM schema_migrations',
  markApplied: 'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
  /** The first process to start picks the salt; every later one (any replica) reads the same. */
  offerSalt: "INSERT INTO settings (key, value) VALUES ('user_hash_salt', ?) ON CONFLICT (key) DO NOTHING",
  salt: "SELECT value FROM settings WHERE key = 'user_hash_salt'",
  insertAsk:
    'INSERT INTO asks (id, question, answered, confidence, guild_id, user_hash, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  insertCitation: 'INSERT INTO ask_citations (ask_id, position, article_id, title) VALUES (?, ?, ?, ?) ON CONFLICT (ask_id, position) DO NOTHING',
  /** A second press by the same member replaces the first. */
  upsertVote:
    'INSERT INTO votes (ask_id, user_hash, helpful, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT (ask_id, user_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at',
  purgeCitations: 'DELETE FROM ask_citations WHERE ask_id IN (SELECT id FROM asks WHERE asked_at < ?)',
  purgeVotes: 'DELETE FROM votes WHERE voted_at < ? OR ask_id IN (SELECT id FROM asks WHERE asked_at < ?)',
  purgeAsks: 'DELETE FROM asks WHERE asked_at < ?',
  purgeCooldowns: 'DELETE FROM cooldowns WHERE until_ms < ?',
  /** Takes the cooldown when it has run out: a row comes back only if this call took it. */
  claimCooldown:
    'INSERT INTO cooldowns (key, until_ms) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms WHERE cooldowns.until_ms <= ? RETURNING until_ms',
  cooldownUntil: 'SELECT until_ms FROM cooldowns WHERE key = ?',
} as const;

/** `AND a.guild_id = ?` when the report is for one guild. */
function guildClause(guildId: string | null): { sql: string; params: string[] } {
  return guildId === null ? { sql: '', params: [] } : { sql: ' AND a.guild_id = ?', params: [guildId] };
}

/** Questions the coverage did not answer since a time, with how often each exact text was asked. */
export function unansweredQuestions(sinceMs: number, guildId: string | null, limit: number): Statement {
  const guild = guildClause(guildId);
  return {
    sql: `SELECT a.question AS question, COUNT(*) AS n FROM asks a WHERE a.answered = 0 AND a.asked_at >= ?${guild.sql} GROUP BY a.question ORDER BY n DESC, question LIMIT ?`,
    params: [sinceMs, ...guild.params, limit],
  };
}

/** Answered questions (case folded) by "Not helpful" votes, most first. */
export function unhelpfulAnswers(sinceMs: number, guildId: string | null, limit: number): Statement {
  const guild = guildClause(guildId);
  return {
    sql:
      'SELECT MIN(a.question) AS question, SUM(CASE WHEN v.helpful = 0 THEN 1 ELSE 0 END) AS not_helpful, SUM(v.helpful) AS helpful ' +
      `FROM votes v JOIN asks a ON a.id = v.ask_id WHERE a.asked_at >= ?${guild.sql} GROUP BY LOWER(a.question) ` +
      'HAVING SUM(CASE WHEN v.helpful = 0 THEN 1 ELSE 0 END) > 0 ORDER BY not_helpful DESC, question LIMIT ?',
    params: [sinceMs, ...guild.params, limit],
  };
}

/** Articles cited in answers since a time, most cited first. */
export function mostCitedArticles(sinceMs: number, guildId: string | null, limit: number): Statement {
  const guild = guildClause(guildId);
  return {
    sql:
      'SELECT c.article_id AS article_id, MAX(c.title) AS title, COUNT(*) AS n FROM ask_citations c JOIN asks a ON a.id = c.ask_id ' +
      `WHERE a.asked_at >= ?${guild.sql} GROUP BY c.article_id ORDER BY n DESC, article_id LIMIT ?`,
    params: [sinceMs, ...guild.params, limit],
  };
}
