import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIEmbed } from 'discord.js';
import { renderMessage } from '../cli/terminal.ts';
import { isSlashCommand, type Command, type Invoker, type RawOptions } from './command.ts';
import type { Dispatcher, Responder } from './dispatcher.ts';
import type { MessagePayload } from './message.ts';

/** Where the console reads and writes, and whether it colours its output. */
export interface ConsoleOptions {
  dispatcher: Dispatcher;
  commands: readonly Command[];
  input: Readable;
  output: Writable;
  color: boolean;
}

/** A line the console could not turn into a command. */
class ConsoleUsageError extends Error {}

/**
 * Reads `/ask who met Khalil al-Hayya?` or `/search query: Fidan outlet: Al Mayadeen English`:
 * text before any `name:` goes to the command's first required option, as Discord users expect.
 */
export function parseCommandLine(line: string, commands: readonly Command[]): { command: string; options: RawOptions } {
  const match = /^\/?(\S+)\s*(.*)$/s.exec(line.trim());
  const typed = commands.filter(isSlashCommand);
  const command = typed.find((c) => c.definition.name === match?.[1]?.toLowerCase());
  if (!match || !command) throw new ConsoleUsageError(`Unknown command. Try /help (commands: ${typed.map((c) => `/${c.definition.name}`).join(' ')}).`);
  const declared = command.definition.options ?? [];
  const names = declared.map((o) => o.name);
  const parts = (match[2] ?? '').split(new RegExp(`(?:^|\\s)(${names.join('|') || '$^'}):`, 'i'));
  const options: RawOptions = {};
  const leading = parts[0]?.trim();
  if (leading) {
    const first = declared.find((o) => o.required) ?? declared[0];
    if (!first) throw new ConsoleUsageError(`/${command.definition.name} takes no options.`);
    options[first.name] = leading;
  }
  for (let i = 1; i < parts.length; i += 2) {
    const option = declared.find((o) => o.name === parts[i]?.toLowerCase());
    const raw = (parts[i + 1] ?? '').trim();
    if (!option) continue;
    options[option.name] = option.type === ApplicationCommandOptionType.Boolean ? /^(true|yes|1|on)$/i.test(raw) : raw;
  }
  const missing = declared.find((o) => o.required && options[o.name] === undefined);
  if (missing) throw new ConsoleUsageError(`/${command.definition.name} needs ${missing.name}, e.g. ${command.example}`);
  return { command: command.definition.name, options };
}

/**
 * The local console: the same dispatcher, commands and messages as the Discord bot, rendered
 * for the terminal. `next`/`prev` press the paging buttons of the last result; Ctrl-D or /quit exits.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { dispatcher, commands, input, output, color } = options;
  // The console's user is the operator, so a moderator.
  const invoker: Invoker = { id: 'console', permissions: PermissionFlagsBits.Administrator, roleIds: [] };
  const lines = createInterface({ input, output, prompt: 'newsdesk> ', terminal: 'isTTY' in output && output.isTTY === true });
  const print = (text: string): void => {
    output.write(`${text}\n\n`);
  };
  let buttons = new Map<string, string>();
  let embeds: APIEmbed[] = [];
  const show = (message: MessagePayload): void => {
    if (message.embeds) embeds = message.embeds;
    if (message.components !== undefined) {
      buttons = new Map(message.components.flatMap((row) => row.components).flatMap((c) => ('custom_id' in c && 'label' in c && !c.disabled ? [[String(c.label).toLowerCase(), c.custom_id] as const] : [])));
    }
    print(renderMessage(message, color));
  };
  const responder: Responder = {
    reply: async ({ message }) => show(message),
    defer: async () => print(color ? '\x1b[2mnewsdesk is thinking…\x1b[22m' : 'newsdesk is thinking…'),
    editReply: async (message) => show(message),
    update: async (message) => show(message),
    choices: async () => undefined,
  };

  lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    const paging = { n: 'next', next: 'next', p: 'previous', prev: 'previous', previous: 'previous' }[text.toLowerCase()];
    // Typing a button's label presses it: paging, and Helpful / Not helpful under an answer.
    const pressed = buttons.get(paging ?? text.toLowerCase());
    if (/^\/?(quit|exit)$/i.test(text)) break;
    if (pressed) {
      await dispatcher.button({ customId: pressed, invoker, embeds }, responder);
    } else if (paging) {
      print(`There is no ${paging} page: /search shows pages of results.`);
    } else if (text) {
      try {
        await dispatcher.command({ ...parseCommandLine(text, commands), invoker }, responder);
      } catch (error) {
        if (!(error instanceof ConsoleUsageError)) throw error;
        print(error.message);
      }
    }
    lines.prompt();
  }
  lines.close();
}
