import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import type { Filters, SearchHit, SearchPage } from '../src/search/results.ts';
import type { Command } from '../src/discord/command.ts';
import { ephemeralText } from '../src/discord/dispatcher.ts';
import { attributionLine, embedMessage, escapeText, textMessage, type MessagePayload } from '../src/discord/message.ts';
import { filtersFrom, MAX_QUERY_LENGTH, outletChoices, requiredString, withFilterOptions } from '../src/discord/options.ts';
import { SessionStore } from '../src/discord/session-store.ts';

/** A search whose result can be paged: who ran it, and what they asked. */
interface SearchSession {
  askerId: string;
  query: string;
  filters: Filters;
}

/** Buttons stop working with the interaction token they answer, after 15 minutes. */
const BUTTON_LIFETIME_MS = 15 * 60_000;
const sessions = new SessionStore<SearchSession>(BUTTON_LIFETIME_MS, 10_000);

/** The snippet with matched terms bold and the article text around them escaped. */
function snippetMarkdown(hit: SearchHit): string {
  const parts = hit.snippetParts ?? hit.snippet.split('**').map((text, i) => ({ text, match: i % 2 === 1 }));
  return parts.map((part) => (part.match ? `**${escapeText(part.text)}**` : escapeText(part.text))).join('');
}

/** One page of results, with Previous/Next buttons bound to the stored search. */
export function searchMessage(page: SearchPage, sessionKey: string): MessagePayload {
  const hits = page.hits.map((hit, i) => `**${(page.page - 1) * 5 + i + 1}.** ${attributionLine(hit)}\n${snippetMarkdown(hit)}`);
  const description = page.total === 0 ? (page.notice ?? 'No article in the coverage matches that.') : hits.join('\n\n');
  const buttons =
    page.pageCount > 1
      ? [
          {
            type: ComponentType.ActionRow as const,
            components: [
              { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: 'Previous', custom_id: `search:${sessionKey}:${page.page - 1}`, disabled: page.page <= 1 },
              { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: 'Next', custom_id: `search:${sessionKey}:${page.page + 1}`, disabled: page.page >= page.pageCount },
            ],
          },
        ]
      : [];
  return embedMessage(
    {
      title: `Search: ${escapeText(page.query)}`,
      description,
      footer: { text: page.total === 0 ? 'No results' : `Page ${page.page} of ${page.pageCount} · ${page.total} article${page.total === 1 ? '' : 's'}` },
    },
    buttons,
  );
}

export const command: Command = {
  definition: withFilterOptions(
    new SlashCommandBuilder()
      .setName('search')
      .setDescription('Search the coverage: ranked articles with snippets, 5 per page')
      .addStringOption((o) => o.setName('query').setDescription('Words to look for').setRequired(true).setMaxLength(MAX_QUERY_LENGTH)),
  ).toJSON(),
  example: '/search query: Hakan Fidan ceasefire',
  cooldown: true,
  execute(request, { library }) {
    const session: SearchSession = { askerId: request.invoker.id, query: requiredString(request, 'query'), filters: filtersFrom(request) };
    const page = library.search(session.query, session.filters, 1);
    return { message: searchMessage(page, sessions.put(session)), ephemeral: false };
  },
  autocomplete: outletChoices,
  press(request, { library }) {
    const [, key = '', pageText = ''] = request.customId.split(':');
    const session = sessions.get(key);
    if (!session) {
      return { kind: 'update', message: { ...textMessage('These buttons have expired. Run /search again to page through results.'), components: [] } };
    }
    if (session.askerId !== request.invoker.id) return { kind: 'reply', reply: ephemeralText('Only the person who ran this search can page it. Run /search yourself.') };
    const page = library.search(session.query, session.filters, Math.max(1, Number.parseInt(pageText, 10) || 1));
    return { kind: 'update', message: searchMessage(page, key) };
  },
};
