import { ApplicationCommandType } from 'discord-api-types/v10';
import { ephemeralText, MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import { cutAtWord, withoutBrokenPair } from '../src/discord/message.ts';
import { MAX_QUERY_LENGTH } from '../src/discord/options.ts';
import { searchMessage } from './search.ts';

/** The message's opening words, as many as a search takes, cut between words; with no space in the second half of the reach (a long link, CJK), cut at the limit. */
function leadingWords(text: string, max: number): string {
  if (text.length <= max) return text;
  // One character past the limit, so a word ending right at it, before a space, is kept whole.
  const words = cutAtWord(text.slice(0, max + 1));
  return (words.length <= max ? words : withoutBrokenPair(text.slice(0, max))).trim();
}

const definition = { name: 'Find coverage', type: ApplicationCommandType.Message, contexts: MEMBER_CONTEXTS } as const;

/** "Find coverage" on a message: a /search for the message's text, shown to the member alone. */
export const command: Command<typeof definition> = {
  definition,
  example: "Right-click (or long-press) a message › Apps › Find coverage: searches the coverage for that message's text.",
  cooldown: true,
  execute(request, { library, now }) {
    const text = request.options.message;
    if (!text) return ephemeralText('That message has no text to look up.');
    const state = { query: leadingWords(text, MAX_QUERY_LENGTH), filters: {} };
    const page = library.search(state.query, state.filters, 1);
    // Paging buttons carry search: ids, so /search's own handler pages this result too.
    return { message: searchMessage(page, state, { askerId: request.invoker.id, issuedAt: now() }), ephemeral: true };
  },
};
