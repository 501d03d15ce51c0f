import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { Timeline, TimelineEntry } from '../src/search/timeline.ts';
import { MEMBER_CONTEXTS, type ArgumentsOf, type Command } from '../src/discord/command.ts';
import { displayDate, displayOutlet, displayText, embedMessage, titleLink, type MessagePayload } from '../src/discord/message.ts';
import { FILTER_OPTIONS, MAX_QUERY_LENGTH, outletChoices } from '../src/discord/options.ts';
import { pageBlocks, pageButtons, pagedHandlers, stateFields, type PagedCommand, type PagedState, type Paging } from '../src/discord/paging.ts';

/** How /timeline pages: its topic travels in the Topic field. */
const PAGED: PagedCommand = { command: 'timeline', textField: 'Topic', noun: 'timeline' };

/** Longest sentence shown per article: five entries stay within one embed. */
const MAX_SENTENCE = 400;

/** One article within `room` characters: its date (or "date unknown"), linked title and outlet, then its most relevant sentence. */
function entryBlock(entry: TimelineEntry, n: number, room: number): string {
  const date = `**${n}. ${displayDate(entry.published)}** · `;
  const outlet = ` — ${displayOutlet(entry.outlet)}`;
  const said = entry.sentence ? `\n> ${displayText(entry.sentence, MAX_SENTENCE)}` : '';
  return date + titleLink(entry, room - date.length - outlet.length - said.length) + outlet + said;
}

/** The footer: first and last dates of the whole timeline, the page, and how many articles are undated. */
function timelineFooter(timeline: Timeline): string {
  if (timeline.total === 0) return 'No results';
  const span = timeline.first ? `${displayDate(timeline.first)} to ${displayDate(timeline.last)}` : 'No dated articles';
  const undated = timeline.undated ? ` (${timeline.undated} undated, listed last)` : '';
  return `${span} · page ${timeline.page} of ${timeline.pageCount} · ${timeline.total} article${timeline.total === 1 ? '' : 's'}${undated}`;
}

/** One page of the timeline, oldest first, and Previous/Next for the asker. */
export function timelineMessage(timeline: Timeline, state: PagedState, paging?: Paging): MessagePayload {
  const blocks = pageBlocks(timeline.entries, timeline.page, entryBlock);
  return embedMessage(
    {
      title: `How the story developed: ${displayText(timeline.topic, 200)}`,
      description: timeline.total === 0 ? (timeline.notice ?? 'No articles in the coverage match that topic.') : blocks,
      fields: stateFields(PAGED, state),
      footer: { text: timelineFooter(timeline) },
    },
    pageButtons(PAGED, timeline.page, timeline.pageCount, paging),
  );
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'timeline',
  description: 'How a story developed: matching articles oldest first, each with its key sentence',
  contexts: MEMBER_CONTEXTS,
  options: [{ type: ApplicationCommandOptionType.String, name: 'topic', description: 'The story or subject', required: true, max_length: MAX_QUERY_LENGTH }, ...FILTER_OPTIONS],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/timeline topic: Rafah crossing outlet: Al Mayadeen English',
  cooldown: true,
  ...pagedHandlers(PAGED, ({ topic }: ArgumentsOf<typeof definition>) => topic, (library, state, page, paging) => timelineMessage(library.timeline(state.text, state.filters, page), state, paging)),
  autocomplete: outletChoices,
};
