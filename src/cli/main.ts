import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import dotenv from 'dotenv';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { answerMessage } from '../../commands/ask.ts';
import { gapsMessage } from '../../commands/gaps.ts';
import { searchMessage } from '../../commands/search.ts';
import { ConfigError, ConfigSchema, readConfig } from '../config.ts';
import type { Corpus } from '../corpus/article.ts';
import { CorpusDirectoryError, loadCorpus } from '../corpus/loader.ts';
import { corpusIssueLines, corpusReport, formatCorpusReport, rejectionNotice } from '../corpus/report.ts';
import { createLogger } from '../log.ts';
import { type CorpusLoader, Library } from '../search/library.ts';
import { describeFilterProblem, readFilters, type Filters } from '../search/filters.ts';
import { isGapsWindow, MAX_GAPS_DAYS } from '../store/gaps.ts';
import { openRecorder } from '../store/open.ts';
import { colorWanted, renderMessage } from './terminal.ts';

/** Exit codes: documented in the README. */
/** What a newcomer types to see how the command is called. */
const HELP_FLAGS = new Set(['--help', '-h', 'help']);
const EXIT = { ok: 0, usage: 1, corpusUnreadable: 2, storeUnreadable: 3 } as const;

const USAGE = `usage: newsdesk ask "<question>" [--corpus DIR] [--outlet X] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--max-file-mb N] [--json]
       newsdesk ask --json [--corpus DIR] < questions.txt      (one question a line, one JSON answer a line)
       newsdesk search "<query>" [--corpus DIR] [--outlet X] [--since D] [--until D] [--page N] [--max-file-mb N] [--json]
       newsdesk corpus check [DIR] [--max-file-mb N] [--json]
       newsdesk gaps [--days N] [--guild ID] [--json]      (from DATABASE_URL, else DATABASE_PATH)
       newsdesk corpus export [DIR] [--max-file-mb N]      (one cleaned article a JSON line on stdout, rejections on stderr)`;

/** A mistake in how the command was called: the message, then the usage line, exit 1. */
class UsageError extends Error {}

/** An output stream of a run; `isTTY` as on a terminal, absent on a pipe or a test's buffer. */
type CliOutput = Writable & { isTTY?: boolean };

/**
 * What one run of the CLI reads and writes, and the environment it sees: the process's own in the
 * `newsdesk` binary, buffers in tests, so a run needs no process of its own.
 */
export interface CliIO {
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: CliOutput;
  stderr: CliOutput;
}

/** A subcommand: receives the arguments after its name and returns the process exit code. */
type Subcommand = (args: string[], io: CliIO) => Promise<number>;

const queryOptions = {
  corpus: { type: 'string', default: 'corpus' },
  outlet: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  json: { type: 'boolean', default: false },
  'max-file-mb': { type: 'string' },
} satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The filter flags when the engine's rules accept them; a refused one is a usage mistake, told with the flag's name. */
function filtersOf(values: { outlet?: string; since?: string; until?: string }): Filters {
  const read = readFilters(values);
  if ('problem' in read) throw new UsageError(describeFilterProblem(read.problem, (field) => `--${field}`));
  return read.filters;
}

/** Below this many files a load takes a blink: a log file gets no progress lines for it. */
const LARGE_CORPUS = 1000;

/**
 * Progress on stderr while a corpus loads: redrawn in place on a terminal, a line every 10% of a
 * large corpus elsewhere, and nothing when JSON goes to a pipe (a script reading stdout wants no noise).
 */
function progressReporter(json: boolean, stderr: CliOutput): ((done: number, total: number) => void) | undefined {
  const terminal = stderr.isTTY === true;
  if (json && !terminal) return undefined;
  let lastTenth = -1;
  return (done, total) => {
    if (terminal) {
      stderr.write(`\rLoading corpus: ${done} / ${total} files${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (total < LARGE_CORPUS || tenth === lastTenth) return;
    lastTenth = tenth;
    stderr.write(`Loading corpus: ${done} / ${total} files\n`);
  };
}

/** The per-file size limit in bytes: `--max-file-mb`, else `MAX_FILE_MB`, else the bot's default, checked as the bot checks it. */
function maxFileBytes(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const parsed = ConfigSchema.shape.MAX_FILE_MB.safeParse(flag ?? env.MAX_FILE_MB);
  if (parsed.success) return parsed.data * 1024 * 1024;
  throw new UsageError(`${flag === undefined ? 'MAX_FILE_MB' : '--max-file-mb'}: ${parsed.error.issues[0]?.message ?? 'invalid size'}`);
}

/**
 * Says on stderr which files could not be used, so an unanswered question is not taken for a gap
 * in the coverage: JSON lines with `--json` (warnings too), readable lines otherwise.
 */
function reportUnusedFiles(corpus: Corpus, corpusDir: string, json: boolean, stderr: CliOutput): void {
  const lines = json ? corpusIssueLines(corpus) : rejectionNotice(corpus, corpusDir);
  if (lines.length > 0) stderr.write(`${lines.join('\n')}\n`);
}

async function openLibrary(dir: string, values: { json: boolean; 'max-file-mb'?: string }, io: CliIO): Promise<Library> {
  const load: CorpusLoader = async (corpusDir, options) => {
    const corpus = await loadCorpus(corpusDir, options);
    reportUnusedFiles(corpus, dir, values.json, io.stderr);
    return corpus;
  };
  return Library.open(dir, { onProgress: progressReporter(values.json, io.stderr), maxFileBytes: maxFileBytes(values['max-file-mb'], io.env), load });
}

const color = (io: CliIO) => colorWanted(io.stdout, io.env);

/** Writes one line to a run's output, as `console.log` does to the process's. */
function writeLine(output: CliOutput, text: string): void {
  output.write(`${text}\n`);
}

/** `ask`: one question from the arguments, or (with --json and no question) one per stdin line. */
async function ask(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, queryOptions);
  const question = positionals.join(' ').trim();
  const filters = filtersOf(values);
  if (!question && !values.json) throw new UsageError('give a question, or --json to read questions from stdin');
  const library = await openLibrary(values.corpus, values, io);
  if (question) {
    const answer = library.answer(question, filters);
    writeLine(io.stdout, values.json ? JSON.stringify(answer) : renderMessage(answerMessage(answer), color(io)));
    return EXIT.ok;
  }
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (line.trim()) io.stdout.write(`${JSON.stringify(library.answer(line.trim(), filters))}\n`);
  }
  return EXIT.ok;
}

/** `search`: one page of ranked articles. */
async function search(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { ...queryOptions, page: { type: 'string', default: '1' } });
  const query = positionals.join(' ').trim();
  const page = Number(values.page);
  if (!query) throw new UsageError('give a search query');
  if (!Number.isInteger(page) || page < 1) throw new UsageError('--page must be a whole number from 1');
  const filters = filtersOf(values);
  const library = await openLibrary(values.corpus, values, io);
  const result = library.search(query, filters, page);
  // Without paging state the message has no buttons: the terminal pages with --page.
  writeLine(io.stdout, values.json ? JSON.stringify(result) : renderMessage(searchMessage(result, { query, filters }), color(io)));
  return EXIT.ok;
}

/** `corpus check [dir]`: loads the corpus and prints what loaded, what was rejected and why. */
async function corpusCheck(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false }, 'max-file-mb': { type: 'string' } });
  const corpus = await loadCorpus(positionals[0] ?? 'corpus', { onProgress: progressReporter(values.json, io.stderr), maxFileBytes: maxFileBytes(values['max-file-mb'], io.env) });
  const report = corpusReport(corpus);
  writeLine(io.stdout, values.json ? JSON.stringify(report) : formatCorpusReport(report));
  return EXIT.ok;
}

/** `gaps`: the /gaps report over every guild (or one) from the feedback store the bot writes. */
async function gaps(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { days: { type: 'string', default: '30' }, guild: { type: 'string' }, json: { type: 'boolean', default: false } });
  const days = Number(values.days);
  if (!isGapsWindow(days)) throw new UsageError(`--days must be a whole number from 1 to ${MAX_GAPS_DAYS}`);
  let config;
  try {
    config = readConfig(io.env);
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
  const recorder = openRecorder(config, createLogger('silent'));
  if (!recorder?.recording) throw new UsageError('recording is switched off (FEEDBACK_RECORDING=off): there is nothing to report');
  try {
    const report = await recorder.gaps(days, values.guild ?? null);
    writeLine(io.stdout, values.json ? JSON.stringify(report) : renderMessage(gapsMessage(report), color(io)));
    return EXIT.ok;
  } catch (error) {
    writeLine(io.stderr, `newsdesk: cannot read the feedback store: ${(error as Error).message}`);
    return EXIT.storeUnreadable;
  } finally {
    await recorder.close();
  }
}

/**
 * `corpus export [dir]`: every cleaned article as one JSON line on stdout, exactly what the bot
 * knows (metadata and paragraphs); each rejected file as one line on stderr.
 */
async function corpusExport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { 'max-file-mb': { type: 'string' } });
  const corpus = await loadCorpus(positionals[0] ?? 'corpus', { onProgress: progressReporter(true, io.stderr), maxFileBytes: maxFileBytes(values['max-file-mb'], io.env) });
  for (const { id, file, title, outlet, author, published, url, language, paragraphs } of corpus.articles) {
    io.stdout.write(`${JSON.stringify({ id, file, title, outlet, author, published, url, language, paragraphs })}\n`);
  }
  for (const { file, record, reason } of corpus.rejected) io.stderr.write(`rejected ${file}${record === null ? '' : `#${record}`}: ${reason}\n`);
  return EXIT.ok;
}

/** Every command, by name; `corpus` has subcommands. */
const COMMANDS: Record<string, Subcommand> = {
  ask,
  search,
  gaps,
  corpus: async ([sub, ...rest], io) => {
    if (sub === 'export') return corpusExport(rest, io);
    if (sub !== 'check') throw new UsageError(`unknown corpus command: ${sub ?? '(none)'}`);
    return corpusCheck(rest, io);
  },
};

/** Runs the command line with `io`; returns the exit code (0 ok, 1 usage error, 2 corpus unreadable, 3 store unreadable). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name = '', ...rest] = argv;
  if (HELP_FLAGS.has(name)) {
    writeLine(io.stdout, USAGE);
    return EXIT.ok;
  }
  try {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(name ? `unknown command: ${name}` : 'no command given');
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `newsdesk: ${error.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof CorpusDirectoryError) {
      writeLine(io.stderr, `newsdesk: ${error.message}`);
      return EXIT.corpusUnreadable;
    }
    throw error;
  }
}

/** Ends quietly when the reader of stdout goes away (`| head`): the output was wanted only that far. */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

/**
 * The process's own environment and streams, for the `newsdesk` binary: `.env` loaded (MAX_FILE_MB
 * may be set there, as for the bot) and a closed stdout pipe ending the process quietly.
 */
export function processIO(): CliIO {
  endQuietlyOnClosedPipe();
  dotenv.config({ quiet: true });
  return { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
