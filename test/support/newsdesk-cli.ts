import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.ts';

const exec = promisify(execFile);

/** What a run of the CLI ended with: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, as a pipe to a reader that reads everything would. */
class CapturedOutput extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The environment a run sees: the test's own, without colour, plus `env`. */
function runEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', ...env };
}

/**
 * Runs the `newsdesk` command line in this process, with optional stdin and extra environment
 * variables: the same `main` the binary calls, without a process (and a tsx start) per case.
 */
export async function newsdesk(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  const code = await main(args, { env: runEnvironment(env), stdin: Readable.from(stdin === undefined ? [] : [stdin]), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the installed `newsdesk` binary as its own process, the way a user would, for what only a process shows (exit status, real pipes). */
export async function newsdeskProcess(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<CliRun> {
  const child = exec(process.execPath, ['bin/newsdesk.js', ...args], { env: runEnvironment(env), maxBuffer: 64 * 1024 * 1024 });
  if (stdin !== undefined) child.child.stdin!.end(stdin);
  else child.child.stdin!.end();
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
