import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Coverage } from '../src/search/results.ts';
import { MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { displayDate, displayOutlet, embedMessage, fitLines, type MessagePayload } from '../src/discord/message.ts';

/** Longest outlet name shown: a line per outlet stays short in the field. */
const OUTLET_LENGTH = 200;

/** What the corpus holds: counts by outlet, the date range and when it was last loaded. */
export function coverageMessage(coverage: Coverage): MessagePayload {
  const outlets = coverage.outlets.map(({ outlet, count }) => `${displayOutlet(outlet, OUTLET_LENGTH)}: ${count}`);
  const named = coverage.outlets.filter(({ outlet }) => outlet !== null).length;
  return embedMessage({
    title: 'Coverage',
    description: `${coverage.articleCount} article${coverage.articleCount === 1 ? '' : 's'} from ${named} named outlet${named === 1 ? '' : 's'}.`,
    fields: [
      { name: 'Outlets', value: fitLines(outlets, DiscordLimits.embedFieldValue) || 'none' },
      { name: 'Published', value: coverage.earliest ? `${displayDate(coverage.earliest)} to ${displayDate(coverage.latest)}` : 'no dated articles' },
      { name: 'Last loaded', value: `${coverage.loadedAt.replace('T', ' ').slice(0, 19)} UTC` },
    ],
  });
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'coverage',
  description: 'What the coverage holds: articles, outlets, dates',
  contexts: MEMBER_CONTEXTS,
  options: [],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/coverage',
  execute(_request, { library }) {
    return { message: coverageMessage(library.coverage()), ephemeral: false };
  },
};
