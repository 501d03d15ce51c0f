import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { Filters, SearchHit, SearchPage } from '../src/search/results.ts';
import { MEMBER_CONTEXTS, type ArgumentsOf, type Command } from '../src/discord/command.ts';
import { attributionLine, embedMessage, escapeText, type MessagePayload } from '../src/discord/message.ts';
import { FILTER_OPTIONS, MAX_QUERY_LENGTH, outletChoices } from '../src/discord/options.ts';
import { pageBlocks, pageButtons, pagedHandlers, stateFields, type PagedCommand, type Paging } from '../src/discord/paging.ts';

/** How /search pages: its query travels in the Query field. */
const PAGED: PagedCommand = { command: 'search', textField: 'Query', noun: 'search' };

/** What a paging button needs to run the search again. */
interface SearchState {
  query: string;
  filters: Filters;
}

/** The snippet with matched terms bold and the article text around them escaped. */
function snippetMarkdown(hit: SearchHit): string {
  return hit.snippetParts.map((part) => (part.match ? `**${escapeText(part.text)}**` : escapeText(part.text))).join('');
}

/** One result within `room` characters: its number, attribution and snippet, the attribution shortened first. */
function hitBlock(hit: SearchHit, n: number, room: number): string {
  const marker = `**${n}.** `;
  const snippet = `\n${snippetMarkdown(hit)}`;
  return marker + attributionLine(hit, room - marker.length - snippet.length) + snippet;
}

/** One page of results, with Previous/Next buttons that the asker alone may press. */
export function searchMessage(page: SearchPage, state: SearchState, paging?: Paging): MessagePayload {
  const hits = pageBlocks(page.hits, page.page, hitBlock);
  return embedMessage(
    {
      title: 'Search results',
      description: page.total === 0 ? (page.notice ?? 'No article in the coverage matches that.') : hits,
      fields: stateFields(PAGED, { text: state.query, filters: state.filters }),
      footer: { text: page.total === 0 ? 'No results' : `Page ${page.page} of ${page.pageCount} · ${page.total} article${page.total === 1 ? '' : 's'}` },
    },
    pageButtons(PAGED, page.page, page.pageCount, paging),
  );
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'search',
  description: 'Search the coverage: ranked articles with snippets, 5 per page',
  contexts: MEMBER_CONTEXTS,
  options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'Words to look for', required: true, max_length: MAX_QUERY_LENGTH }, ...FILTER_OPTIONS],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/search query: Hakan Fidan ceasefire',
  cooldown: true,
  ...pagedHandlers(PAGED, ({ query }: ArgumentsOf<typeof definition>) => query, (library, { text, filters }, page, paging) => searchMessage(library.search(text, filters, page), { query: text, filters }, paging)),
  autocomplete: outletChoices,
};
