import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { Comparison, OutletQuote } from '../src/search/compare.ts';
import { UNKNOWN } from '../src/corpus/article.ts';
import { MEMBER_CONTEXTS, type ArgumentsOf, type Command } from '../src/discord/command.ts';
import { displayDate, displayText, embedMessage, titleLink, type MessagePayload } from '../src/discord/message.ts';
import { DATE_OPTIONS, MAX_QUERY_LENGTH } from '../src/discord/options.ts';
import { pageBlocks, pageButtons, pagedHandlers, stateFields, type PagedCommand, type PagedState, type Paging } from '../src/discord/paging.ts';

/** How /compare pages: its topic travels in the Topic field. */
const PAGED: PagedCommand = { command: 'compare', textField: 'Topic', noun: 'comparison' };

/** Longest quote shown per outlet: five outlets and their sources stay within one embed. */
const MAX_QUOTE = 400;

/** One outlet within `room` characters: its name and how many of its articles match, the quote (if its text has one), then the article it is from. */
function outletBlock(quote: OutletQuote, n: number, room: number): string {
  const who = quote.outlet === null ? `Outlet ${UNKNOWN} (${quote.articleCount} article${quote.articleCount === 1 ? '' : 's'} naming no outlet)` : `${displayText(quote.outlet, 200)} (${quote.articleCount} article${quote.articleCount === 1 ? '' : 's'})`;
  const said = quote.sentence ? `> ${displayText(quote.sentence, MAX_QUOTE)}` : '(the topic is in its title only)';
  const head = `**${n}. ${who}**\n${said}\n`;
  const date = ` · ${displayDate(quote.article.published)}`;
  return head + titleLink(quote.article, room - head.length - date.length) + date;
}

/** One page of outlets, each with its best sentence on the topic, and Previous/Next for the asker. */
export function compareMessage(comparison: Comparison, state: PagedState, paging?: Paging): MessagePayload {
  const blocks = pageBlocks(comparison.outlets, comparison.page, outletBlock);
  return embedMessage(
    {
      title: `Who reported what: ${displayText(comparison.topic, 200)}`,
      description: comparison.total === 0 ? (comparison.notice ?? 'No outlet in the coverage reported on that.') : blocks,
      fields: stateFields(PAGED, state),
      footer: {
        text:
          comparison.total === 0
            ? 'No results'
            : `Newest first · quoted verbatim · page ${comparison.page} of ${comparison.pageCount} · ${comparison.total} outlet${comparison.total === 1 ? '' : 's'}`,
      },
    },
    pageButtons(PAGED, comparison.page, comparison.pageCount, paging),
  );
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'compare',
  description: 'Who reported what: each outlet’s best sentence on a topic, newest first',
  contexts: MEMBER_CONTEXTS,
  options: [{ type: ApplicationCommandOptionType.String, name: 'topic', description: 'The story or subject', required: true, max_length: MAX_QUERY_LENGTH }, ...DATE_OPTIONS],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/compare topic: Hamas ceasefire talks',
  cooldown: true,
  ...pagedHandlers(PAGED, ({ topic }: ArgumentsOf<typeof definition>) => topic, (library, state, page, paging) => compareMessage(library.compare(state.text, state.filters, page), state, paging)),
};
