import { SlashCommandBuilder } from 'discord.js';
import { PAGE_SIZE, type Filters, type SearchHit, type SearchPage } from '../src/search/results.ts';
import { MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import { attributionLine, embedMessage, escapeText, type MessagePayload } from '../src/discord/message.ts';
import { MAX_QUERY_LENGTH, outletChoices, withFilterOptions } from '../src/discord/options.ts';
import { pageButtons, pagedHandlers, stateFields, type PagedCommand, type Paging } from '../src/discord/paging.ts';

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

/** One page of results, with Previous/Next buttons that the asker alone may press. */
export function searchMessage(page: SearchPage, state: SearchState, paging?: Paging): MessagePayload {
  const hits = page.hits.map((hit, i) => `**${(page.page - 1) * PAGE_SIZE + i + 1}.** ${attributionLine(hit)}\n${snippetMarkdown(hit)}`);
  return embedMessage(
    {
      title: 'Search results',
      description: page.total === 0 ? (page.notice ?? 'No article in the coverage matches that.') : hits.join('\n\n'),
      fields: stateFields(PAGED, { text: state.query, filters: state.filters }),
      footer: { text: page.total === 0 ? 'No results' : `Page ${page.page} of ${page.pageCount} · ${page.total} article${page.total === 1 ? '' : 's'}` },
    },
    pageButtons(PAGED, page.page, page.pageCount, paging),
  );
}

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
  ...pagedHandlers(PAGED, 'query', (library, { text, filters }, page, paging) => searchMessage(library.search(text, filters, page), { query: text, filters }, paging)),
  autocomplete: outletChoices,
};
