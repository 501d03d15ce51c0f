import { ButtonStyle, ComponentType, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { PAGE_SIZE, type Filters, type SearchHit, type SearchPage } from '../src/search/results.ts';
import { ephemeralText, MEMBER_CONTEXTS, type ButtonOutcome, type Command } from '../src/discord/command.ts';
import { attributionLine, embedMessage, escapeText, textMessage, unescapeText, type MessagePayload } from '../src/discord/message.ts';
import { filtersFrom, MAX_QUERY_LENGTH, outletChoices, usableQuestion, withFilterOptions } from '../src/discord/options.ts';

/**
 * How long paging buttons work. Each press is a new interaction with its own token, so Discord
 * sets no limit here; 15 minutes keeps a channel's old results from being paged long after, by
 * anyone reading back.
 */
const BUTTON_LIFETIME_MS = 15 * 60_000;
/** A Discord user id: what a paging button's custom_id names as the searcher. */
const USER_ID = /^\d{17,20}$/;

/**
 * The fields that show, and keep, what was searched: Next reads them back from the message. A query
 * of MAX_QUERY_LENGTH (500) characters, escaped (at worst doubled), still fits a 1,024-character field whole.
 */
const STATE_FIELDS = { query: 'Query', outlet: 'Outlet', since: 'Since', until: 'Until' } as const;

/** What a paging button needs to run the search again. */
interface SearchState {
  query: string;
  filters: Filters;
}

/** The snippet with matched terms bold and the article text around them escaped. */
function snippetMarkdown(hit: SearchHit): string {
  return hit.snippetParts.map((part) => (part.match ? `**${escapeText(part.text)}**` : escapeText(part.text))).join('');
}

/**
 * A paging button's custom_id: the page, who may press it and when the search ran. The query
 * itself travels in the message's fields, so any process (any HTTP replica) can serve the press.
 */
function pageButtonId(page: number, askerId: string, issuedAt: number): string {
  return `search:${page}:${askerId}:${Math.floor(issuedAt / 1000).toString(36)}`;
}

/** Who may page a result, and since when: without it (the CLI pages with --page) there are no buttons. */
export interface Paging {
  askerId: string;
  issuedAt: number;
}

/** One page of results, with Previous/Next buttons that the asker alone may press. */
export function searchMessage(page: SearchPage, state: SearchState, paging?: Paging): MessagePayload {
  const hits = page.hits.map((hit, i) => `**${(page.page - 1) * PAGE_SIZE + i + 1}.** ${attributionLine(hit)}\n${snippetMarkdown(hit)}`);
  const stateFields = Object.entries({ query: state.query, ...state.filters }).map(([key, value]) => ({
    name: STATE_FIELDS[key as keyof typeof STATE_FIELDS],
    value: escapeText(value),
    inline: true,
  }));
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: pageButtonId(target, paging?.askerId ?? '', paging?.issuedAt ?? 0),
    disabled,
  });
  const buttons =
    paging && page.pageCount > 1
      ? [{ type: ComponentType.ActionRow as const, components: [button('Previous', page.page - 1, page.page <= 1), button('Next', page.page + 1, page.page >= page.pageCount)] }]
      : [];
  return embedMessage(
    {
      title: 'Search results',
      description: page.total === 0 ? (page.notice ?? 'No article in the coverage matches that.') : hits.join('\n\n'),
      fields: stateFields,
      footer: { text: page.total === 0 ? 'No results' : `Page ${page.page} of ${page.pageCount} · ${page.total} article${page.total === 1 ? '' : 's'}` },
    },
    buttons,
  );
}

/** The search a results message shows, read back from its fields; null if it is not one. */
function stateOf(embeds: readonly APIEmbed[]): SearchState | null {
  const fields = new Map((embeds[0]?.fields ?? []).map((field) => [field.name, unescapeText(field.value)]));
  const query = fields.get(STATE_FIELDS.query);
  if (!query) return null;
  const filters: Filters = {};
  for (const key of ['outlet', 'since', 'until'] as const) {
    const value = fields.get(STATE_FIELDS[key]);
    if (value) filters[key] = value;
  }
  return { query, filters };
}

const expired: ButtonOutcome = { kind: 'update', message: { ...textMessage('These buttons have expired. Run /search again to page through results.'), components: [] } };

export const command: Command = {
  definition: withFilterOptions(
    new SlashCommandBuilder()
      .setName('search')
      .setContexts(...MEMBER_CONTEXTS)
      .setDescription('Search the coverage: ranked articles with snippets, 5 per page')
      .addStringOption((o) => o.setName('query').setDescription('Words to look for').setRequired(true).setMaxLength(MAX_QUERY_LENGTH)),
  ).toJSON(),
  example: '/search query: Hakan Fidan ceasefire',
  cooldown: true,
  execute(request, { library, now }) {
    const filters = filtersFrom(request, library);
    const state = { query: usableQuestion(request, 'query'), filters };
    const page = library.search(state.query, state.filters, 1);
    return { message: searchMessage(page, state, { askerId: request.invoker.id, issuedAt: now() }), ephemeral: false };
  },
  autocomplete: outletChoices,
  press(request, { library, now }) {
    const [, pageText = '', askerId = '', issued = ''] = request.customId.split(':');
    const issuedAt = Number.parseInt(issued, 36) * 1000;
    // Ownership first: a bystander's press must leave the searcher's message as it is, expired or not.
    if (USER_ID.test(askerId) && askerId !== request.invoker.id) return { kind: 'reply', reply: ephemeralText('Only the person who ran this search can page it. Run /search yourself.') };
    const state = stateOf(request.embeds);
    if (!state || !(now() - issuedAt < BUTTON_LIFETIME_MS)) return expired;
    const page = library.search(state.query, state.filters, Math.max(1, Number.parseInt(pageText, 10) || 1));
    return { kind: 'update', message: searchMessage(page, state, { askerId, issuedAt }) };
  },
};
