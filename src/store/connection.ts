import type { Statement } from './sql.ts';

/** One database the feedback store writes to: SQLite (a file) or PostgreSQL (a server). */
export interface SqlConnection {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies the migrations not yet applied, each in order and once, even when several processes start together. */
  migrate(migrations: readonly string[], now: number): Promise<void>;
  /** Runs the statements in one transaction: all of them are committed, or none. */
  batch(statements: readonly Statement[]): Promise<void>;
  /** Rows of one query. */
  rows<Row>(statement: Statement): Promise<Row[]>;
  close(): Promise<void>;
}
