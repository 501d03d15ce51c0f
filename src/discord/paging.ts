/**
 * Previous/Next buttons for paged results (/search, /compare, /timeline). What was asked travels
 * in the message's fields and the button's custom_id, never in the bot's memory, so any process
 * (any HTTP replica) can serve a press.
 */
import { ButtonStyle, ComponentType, type APIEmbed, type APIEmbedField } from 'discord.js';
import { FILTER_FIELDS, type FilterField } from '../search/filters.ts';
import { PAGE_SIZE, type Filters } from '../search/results.ts';
import { ephemeralText, type ButtonOutcome, type ButtonRequest, type CommandContext, type CommandRequest, type Reply } from './command.ts';
import { escapeText, fitEach, textMessage, unescapeText, type MessagePayload } from './message.ts';
import { DiscordLimits } from './limits.ts';
import { filtersFrom, usableQuestion, type FilterArguments } from './options.ts';

/**
 * How long paging buttons work. Each press is a new interaction with its own token, so Discord
 * sets no limit here; 15 minutes keeps a channel's old results from being paged long after, by
 * anyone reading back.
 */
const BUTTON_LIFETIME_MS = 15 * 60_000;
/** A Discord user id: what a paging button's custom_id names as the asker. */
const USER_ID = /^\d{17,20}$/;

/**
 * The filter fields that show, and keep, what was asked. A text of MAX_QUERY_LENGTH (500)
 * characters, escaped (at worst doubled), still fits a 1,024-character field whole.
 */
const FILTER_FIELD_NAMES: Readonly<Record<FilterField, string>> = { outlet: 'Outlet', since: 'Since', until: 'Until' };

/** Who may page a result, and since when: without it (the CLI pages with --page) there are no buttons. */
export interface Paging {
  askerId: string;
  issuedAt: number;
}

/** What a paging button needs to ask again: the text (a query, a topic) and the filters. */
export interface PagedState {
  text: string;
  filters: Filters;
}

/** How one command pages: its name (the custom_id prefix), the field holding its text, and what a page is called. */
export interface PagedCommand {
  command: string;
  textField: string;
  /** "search", "comparison": what the owner-only refusal calls it. */
  noun: string;
}

/** A paging button's custom_id: the page, who may press it and when the result was asked for. */
function pageButtonId(command: string, page: number, { askerId, issuedAt }: Paging): string {
  return `${command}:${page}:${askerId}:${Math.floor(issuedAt / 1000).toString(36)}`;
}

/**
 * A page's items as one embed description: each block numbered in the whole list (page 2 starts at
 * 6) and built by `block(item, n, room)` within its share of the description (see `fitEach`), so
 * the last is shortened, never cut off in the middle of its link.
 */
export function pageBlocks<T>(items: readonly T[], page: number, block: (item: T, n: number, room: number) => string): string {
  const numbered = items.map((item, i) => ({ item, n: (page - 1) * PAGE_SIZE + i + 1 }));
  return fitEach(numbered, DiscordLimits.embedDescription, ({ item, n }, room) => block(item, n, room), '\n\n');
}

/** The inline fields that show what was asked; a paging press reads them back. */
export function stateFields(paged: PagedCommand, state: PagedState): APIEmbedField[] {
  const filters = FILTER_FIELDS.flatMap((field) => {
    const value = state.filters[field];
    return value === undefined ? [] : [{ name: FILTER_FIELD_NAMES[field], value }];
  });
  return [{ name: paged.textField, value: state.text }, ...filters].map(({ name, value }) => ({ name, value: escapeText(value), inline: true }));
}

/** Previous/Next for the asker, or no row when there is one page or no asker (the CLI). */
export function pageButtons(paged: PagedCommand, page: number, pageCount: number, paging?: Paging): NonNullable<MessagePayload['components']> {
  if (!paging || pageCount <= 1) return [];
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: pageButtonId(paged.command, target, paging),
    disabled,
  });
  return [{ type: ComponentType.ActionRow as const, components: [button('Previous', page - 1, page <= 1), button('Next', page + 1, page >= pageCount)] }];
}

/** What a results message asked, read back from its fields; null if it is not one. */
function stateOf(paged: PagedCommand, embeds: readonly APIEmbed[]): PagedState | null {
  const fields = new Map((embeds[0]?.fields ?? []).map((field) => [field.name, unescapeText(field.value)]));
  const text = fields.get(paged.textField);
  if (!text) return null;
  const filters: Filters = {};
  for (const field of FILTER_FIELDS) {
    const value = fields.get(FILTER_FIELD_NAMES[field]);
    if (value) filters[field] = value;
  }
  return { text, filters };
}

/**
 * A paging press: the requested page rendered again from the message's own fields, for the asker
 * alone (anyone else is told so, and the message is left as it is); after 15 minutes the buttons
 * are removed with a note.
 */
function pressPage(
  paged: PagedCommand,
  request: ButtonRequest,
  now: number,
  render: (state: PagedState, page: number, paging: Paging) => MessagePayload,
): ButtonOutcome {
  const [, pageText = '', askerId = '', issued = ''] = request.customId.split(':');
  const issuedAt = Number.parseInt(issued, 36) * 1000;
  // Ownership first: a bystander's press must leave the asker's message as it is, expired or not.
  if (USER_ID.test(askerId) && askerId !== request.invoker.id) {
    return { kind: 'reply', reply: ephemeralText(`Only the person who ran this ${paged.noun} can page it. Run /${paged.command} yourself.`) };
  }
  const state = stateOf(paged, request.embeds);
  if (!state || !(now - issuedAt < BUTTON_LIFETIME_MS)) {
    return { kind: 'update', message: { ...textMessage(`These buttons have expired. Run /${paged.command} again to page through results.`), components: [] } };
  }
  return { kind: 'update', message: render(state, Math.max(1, Number.parseInt(pageText, 10) || 1), { askerId, issuedAt }) };
}

/** One page of a paged command's result as a message, asked of the library. */
export type PageMessage = (library: CommandContext['library'], state: PagedState, page: number, paging: Paging) => MessagePayload;

/** The handlers a paged command shares: its command, and its paging buttons. */
export interface PagedHandlers<A extends FilterArguments> {
  execute(request: CommandRequest<A>, context: CommandContext): Reply;
  press(request: ButtonRequest, context: CommandContext): ButtonOutcome;
}

/**
 * What /search, /compare and /timeline do alike: the text argument (`textOf` picks it) and the
 * filters become the state, page 1 answers the command in public, and a press asks again for its page.
 */
export function pagedHandlers<A extends FilterArguments>(paged: PagedCommand, textOf: (options: A) => string, pageMessage: PageMessage): PagedHandlers<A> {
  return {
    execute(request, { library, now }) {
      const state = { text: usableQuestion(textOf(request.options)), filters: filtersFrom(request.options, library) };
      return { message: pageMessage(library, state, 1, { askerId: request.invoker.id, issuedAt: now() }), ephemeral: false };
    },
    press(request, { library, now }) {
      return pressPage(paged, request, now(), (state, page, paging) => pageMessage(library, state, page, paging));
    },
  };
}
