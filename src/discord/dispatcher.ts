import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import {
  ephemeralText,
  OptionError,
  ShownFailure,
  type AutocompleteRequest,
  type ButtonRequest,
  type Choice,
  type Command,
  type CommandContext,
  type CommandRequest,
  type Reply,
} from './command.ts';
import { boundedAutocomplete, boundedOptions, readArguments } from './options.ts';
import { DiscordLimits } from './limits.ts';
import type { MessagePayload } from './message.ts';

/** How a transport answers a command: at once, or deferred and then edited. */
export interface CommandResponder {
  reply(reply: Reply): Promise<void>;
  /** Acknowledges now and promises an edit later (Discord's "thinking..." state). */
  defer(ephemeral: boolean): Promise<void>;
  editReply(message: MessagePayload): Promise<void>;
}

/** How a transport answers an autocomplete request. */
export interface AutocompleteResponder {
  choices(choices: Choice[]): Promise<void>;
}

/** How a transport answers a button press: a reply to the presser, or the message replaced. */
export interface ButtonResponder {
  reply(reply: Reply): Promise<void>;
  /** Replaces the message a pressed button was on. */
  update(message: MessagePayload): Promise<void>;
}

/** A responder for every kind of interaction at once: the console answers them all alike. */
export type Responder = CommandResponder & AutocompleteResponder & ButtonResponder;

/** Settings of the dispatcher. */
export interface DispatcherOptions {
  /** Per-user wait between two uses of a cooldown command, in milliseconds (default 3,000). */
  cooldownMs?: number;
  logger: Logger;
  /** A cooldown every process shares (PostgreSQL); when absent or unreachable, each process counts its own. */
  sharedCooldowns?: SharedCooldowns;
}

/** Cooldowns kept where every replica sees them. */
export interface SharedCooldowns {
  /** Milliseconds still to wait, 0 when the cooldown was taken now, null when the shared store cannot say. */
  claimCooldown(key: string, now: number, cooldownMs: number): Promise<number | null>;
}

/**
 * Routes every interaction to its command, whatever the transport: applies the cooldown,
 * defers slow commands, turns option mistakes into short ephemeral notes and any other
 * failure into an ephemeral reference the logs can be searched for. It never throws.
 */
export class Dispatcher {
  readonly #commands: Map<string, Command>;
  readonly #context: CommandContext;
  readonly #cooldownMs: number;
  readonly #logger: Logger;
  readonly #sharedCooldowns: SharedCooldowns | undefined;
  /** `${userId}:${command}` → time the user may use the command again. */
  readonly #cooldowns = new Map<string, number>();

  constructor(context: CommandContext, options: DispatcherOptions) {
    this.#commands = new Map(context.commands.map((command) => [command.definition.name, command]));
    this.#context = context;
    this.#cooldownMs = options.cooldownMs ?? 3000;
    this.#logger = options.logger;
    this.#sharedCooldowns = options.sharedCooldowns;
  }

  /** Runs a slash command and answers through the responder. */
  async command(request: CommandRequest, responder: CommandResponder): Promise<void> {
    const started = performance.now();
    const { reply, deferred } = await this.#run(request, responder);
    try {
      if (reply) await (deferred ? responder.editReply(reply.message) : responder.reply(reply));
    } catch (error) {
      this.#failure(error, request.command, request.invoker.id);
    }
    this.#logInteraction('command', request.command, request.invoker.id, started, reply ? messageSize(reply.message) : 0);
  }

  /** The command's reply, and whether it edits a deferred one; no reply when a failed defer left nothing to answer. */
  async #run(request: CommandRequest, responder: CommandResponder): Promise<{ reply: Reply | null; deferred: boolean }> {
    const command = this.#commands.get(request.command);
    let deferred = false;
    try {
      if (!command) throw new OptionError(`Unknown command \`/${request.command}\`.`);
      const bounded = boundedOptions(request, command);
      const wait = await this.#cooldownLeft(bounded, command);
      if (wait > 0) return { reply: ephemeralText(`Please wait ${Math.ceil(wait / 1000)} s before using \`/${request.command}\` again.`), deferred };
      if (command.deferred) {
        if (!(await this.#deferred(responder, command.deferred.ephemeral, request))) return { reply: null, deferred };
        deferred = true;
      }
      return { reply: await command.execute({ ...bounded, options: readArguments(command, bounded.options) }, this.#context), deferred };
    } catch (error) {
      return { reply: this.#failure(error, request.command, request.invoker.id), deferred };
    }
  }

  /** Suggests option values as the user types; never more than Discord accepts. */
  async autocomplete(request: AutocompleteRequest, responder: AutocompleteResponder): Promise<void> {
    const started = performance.now();
    let choices: Choice[] = [];
    try {
      const command = this.#commands.get(request.command);
      if (command?.autocomplete) choices = command.autocomplete(boundedAutocomplete(request, command), this.#context);
    } catch (error) {
      this.#failure(error, request.command, request.invoker.id);
    }
    const fitted = choices
      .slice(0, DiscordLimits.autocompleteChoices)
      .filter((choice) => choice.value.length <= DiscordLimits.choiceValue && choice.name.length > 0)
      .map((choice) => ({ name: choice.name.slice(0, DiscordLimits.choiceName), value: choice.value }));
    try {
      await responder.choices(fitted);
    } catch (error) {
      this.#failure(error, request.command, request.invoker.id);
    }
    this.#logInteraction('autocomplete', request.command, request.invoker.id, started, fitted.length);
  }

  /** Handles a button press, routed by the command name before the first `:` of its custom_id. */
  async button(request: ButtonRequest, responder: ButtonResponder): Promise<void> {
    const started = performance.now();
    const name = request.customId.split(':', 1)[0] ?? '';
    let size = 0;
    let answered = false;
    try {
      const command = this.#commands.get(name);
      const outcome = command?.press?.(request, this.#context) ?? { kind: 'reply', reply: ephemeralText('This button no longer works.') };
      answered = true;
      if (outcome.kind === 'update') await responder.update(outcome.message);
      else await responder.reply(outcome.reply);
      size = messageSize(outcome.kind === 'update' ? outcome.message : outcome.reply.message);
    } catch (error) {
      const failure = this.#failure(error, name, request.invoker.id);
      // A failed callback is not followed by another: Discord refuses a second one, or a late one, alike.
      if (!answered) await responder.reply(failure).catch((again: unknown) => this.#failure(again, name, request.invoker.id));
    }
    this.#logInteraction('button', name, request.invoker.id, started, size);
  }

  /**
   * Defers the reply; false when that failed. No second callback follows a failed defer: one that
   * came after Discord's 3 seconds is refused again, and the member sees "did not respond" either way.
   */
  async #deferred(responder: CommandResponder, ephemeral: boolean, request: CommandRequest): Promise<boolean> {
    try {
      await responder.defer(ephemeral);
      return true;
    } catch (error) {
      this.#failure(error, request.command, request.invoker.id);
      return false;
    }
  }

  async #cooldownLeft(request: CommandRequest, command: Command): Promise<number> {
    if (!command.cooldown || this.#cooldownMs <= 0) return 0;
    const key = `${request.invoker.id}:${request.command}`;
    const now = this.#context.now();
    const shared = await this.#sharedCooldowns?.claimCooldown(key, now, this.#cooldownMs);
    if (typeof shared === 'number') return shared;
    const until = this.#cooldowns.get(key) ?? 0;
    if (until > now) return until - now;
    this.#cooldowns.set(key, now + this.#cooldownMs);
    if (this.#cooldowns.size > 10_000) this.#forgetExpiredCooldowns(now);
    return 0;
  }

  #forgetExpiredCooldowns(now: number): void {
    for (const [key, until] of this.#cooldowns) if (until <= now) this.#cooldowns.delete(key);
  }

  /** Logs an unexpected error under a short reference and tells the user that reference. */
  #failure(error: unknown, command: string, userId: string): Reply {
    if (error instanceof OptionError) return ephemeralText(error.message);
    const ref = randomBytes(3).toString('hex').toUpperCase();
    this.#logger.error({ ref, command, userId, err: error }, 'interaction failed');
    return ephemeralText(error instanceof ShownFailure ? `${error.message} (ref ${ref})` : `Something went wrong (ref ${ref}). The moderators can find it in the logs.`);
  }

  #logInteraction(kind: string, command: string, userId: string, started: number, resultSize: number): void {
    this.#logger.info({ kind, command, userId, latencyMs: Math.round((performance.now() - started) * 10) / 10, resultSize }, 'interaction');
  }
}

/** Characters of text in a message: the "result size" of the interaction log line. */
function messageSize(message: MessagePayload): number {
  return (
    (message.content?.length ?? 0) +
    (message.embeds ?? []).reduce((sum, embed) => sum + (embed.description?.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.value.length, 0), 0)
  );
}
