import { SlashCommandBuilder } from 'discord.js';
import type { Article } from '../src/corpus/article.ts';
import { ephemeralText, type Command } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { displayDate, embedMessage, escapeText, fitText, link, safeUrl, type MessagePayload } from '../src/discord/message.ts';
import { requiredString } from '../src/discord/options.ts';

/** How many opening paragraphs /article shows. */
const LEAD_PARAGRAPHS = 3;

/** One article: its attribution as fields, and its lead paragraphs. */
export function articleMessage(article: Article): MessagePayload {
  const url = safeUrl(article.url);
  const lead = article.paragraphs.slice(0, LEAD_PARAGRAPHS).map(escapeText).join('\n\n');
  return embedMessage({
    title: escapeText(article.title ?? 'Untitled article'),
    ...(url && { url }),
    description: fitText(lead, 1500),
    fields: [
      { name: 'Outlet', value: escapeText(article.outlet ?? 'unknown'), inline: true },
      { name: 'Author', value: escapeText(article.author ?? 'unknown'), inline: true },
      { name: 'Published', value: displayDate(article.published), inline: true },
      { name: 'Link', value: article.url ? link(fitText(article.url, 200), article.url) : 'unknown' },
    ],
    footer: { text: `${article.paragraphs.length} paragraphs · ${article.id}` },
  });
}

export const command: Command = {
  definition: new SlashCommandBuilder()
    .setName('article')
    .setDescription('Show one article: attribution and opening paragraphs')
    .addStringOption((o) => o.setName('title').setDescription('Start typing a title').setRequired(true).setAutocomplete(true).setMaxLength(200))
    .toJSON(),
  example: '/article title: Turkiye FM meets Hamas',
  execute(request, { library }) {
    const wanted = requiredString(request, 'title');
    // A picked suggestion carries the article id; free text falls back to the best title match.
    const article = library.article(wanted) ?? library.article(library.suggestTitles(wanted, 1)[0]?.id ?? '');
    if (!article) return ephemeralText(`No article in the coverage has a title like “${escapeText(fitText(wanted, 100))}”.`);
    return { message: articleMessage(article), ephemeral: false };
  },
  autocomplete(request, { library }) {
    return library
      .suggestTitles(request.focused.value, DiscordLimits.autocompleteChoices)
      .map((ref) => ({ name: fitText(ref.title ?? 'Untitled article', DiscordLimits.choiceName), value: ref.id.length <= DiscordLimits.choiceValue ? ref.id : fitText(ref.title ?? '', DiscordLimits.choiceValue) }));
  },
};
