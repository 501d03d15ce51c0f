import { PassThrough } from 'node:stream';
import { commands } from '../../commands/index.ts';
import { runConsole } from '../../src/discord/console.ts';
import type { Dispatcher } from '../../src/discord/dispatcher.ts';

/** Types the lines into a console over the dispatcher, then Ctrl-D; returns everything it printed. */
export async function typeIntoConsole(dispatcher: Dispatcher, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const done = runConsole({ dispatcher, commands, input, output, color: false });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return printed;
}
