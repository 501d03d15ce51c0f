import { parseArgs } from 'node:util';
import { CorpusDirectoryError, loadCorpus } from '../corpus/loader.ts';
import { corpusReport, formatCorpusReport } from '../corpus/report.ts';

/** A subcommand: receives the arguments after its name and returns the process exit code. */
type Subcommand = (args: string[]) => Promise<number>;

/** `corpus check [dir]`: loads the corpus and prints what loaded, what was rejected and why. */
async function corpusCheck(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const dir = positionals[0] ?? 'corpus';
  try {
    console.log(formatCorpusReport(corpusReport(await loadCorpus(dir))));
    return 0;
  } catch (error) {
    if (!(error instanceof CorpusDirectoryError)) throw error;
    console.error(`newsdesk: ${error.message}`);
    return 2;
  }
}

/** Every command, by group and name. */
const COMMANDS: Record<string, Record<string, Subcommand>> = {
  corpus: { check: corpusCheck },
};

/** Runs the command named by the first two arguments; unknown commands print the usage. */
export async function main(argv: string[]): Promise<number> {
  const [group = '', name = '', ...rest] = argv;
  const command = COMMANDS[group]?.[name];
  if (!command) {
    const usage = Object.entries(COMMANDS).flatMap(([groupName, names]) => Object.keys(names).map((sub) => `${groupName} ${sub}`));
    console.error(`usage: newsdesk <command>\ncommands: ${usage.join(', ')}`);
    return 64;
  }
  return command(rest);
}

process.exitCode = await main(process.argv.slice(2));
