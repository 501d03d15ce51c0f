import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { UNKNOWN, UNTITLED, type Article } from '../src/corpus/article.ts';
import { ephemeralText, MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { displayDate, displayText, embedMessage, fitText, link, plainText, safeUrl, type MessagePayload } from '../src/discord/message.ts';
import { Library } from '../src/search/library.ts';
import type { ArticleRef } from '../src/search/results.ts';

/** How many opening paragraphs /article shows. */
const LEAD_PARAGRAPHS = 3;
/** Characters of lead shown: a taste of the article, well inside an embed description. */
const LEAD_LENGTH = 1500;
/** Longest outlet or author shown in an inline field. */
const NAME_LENGTH = 200;

/** One article: its attribution as fields, and its lead paragraphs. */
export function articleMessage(article: Article): MessagePayload {
  const url = safeUrl(article.url);
  // Cut before escaping: escaping a 120 KB article to show 1,500 characters of it is wasted work.
  const lead = displayText(article.paragraphs.slice(0, LEAD_PARAGRAPHS).join('\n\n'), LEAD_LENGTH);
  return embedMessage({
    title: displayText(article.title ?? UNTITLED, DiscordLimits.embedTitle),
    ...(url && { url }),
    description: lead,
    fields: [
      { name: 'Outlet', value: displayText(article.outlet ?? UNKNOWN, NAME_LENGTH), inline: true },
      { name: 'Author', value: displayText(article.author ?? UNKNOWN, NAME_LENGTH), inline: true },
      { name: 'Published', value: displayDate(article.published), inline: true },
      { name: 'Link', value: article.url ? link(fitText(article.url, 200), article.url) : UNKNOWN },
    ],
    footer: { text: plainText(`${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? '' : 's'} · ${article.id}`) },
  });
}

/** A suggestion's title; for a headline two suggestions share, with its outlet and day, so the two can be told apart. */
function choiceName(ref: ArticleRef, shared: boolean): string {
  const title = ref.title ?? UNTITLED;
  if (!shared) return fitText(title, DiscordLimits.choiceName);
  const source = ` — ${fitText(ref.outlet ?? 'outlet unknown', 40)} · ${ref.published?.slice(0, 10) ?? 'undated'}`;
  return fitText(title, DiscordLimits.choiceName - source.length) + source;
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'article',
  description: 'Show one article: attribution and opening paragraphs',
  contexts: MEMBER_CONTEXTS,
  options: [{ type: ApplicationCommandOptionType.String, name: 'title', description: 'Start typing a title', required: true, autocomplete: true, max_length: 200 }],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/article title: Turkiye FM meets Hamas',
  cooldown: true,
  execute({ options }, { library }) {
    const wanted = options.title;
    // A picked suggestion carries the article id; free text falls back to the best title match.
    const article = library.article(wanted) ?? library.article(library.suggestTitles(wanted, 1)[0]?.id ?? '');
    if (!article) return ephemeralText(`No article in the coverage has a title like “${displayText(wanted, 100)}”.`);
    return { message: articleMessage(article), ephemeral: false };
  },
  autocomplete(request, { library }) {
    const suggested = library.suggestTitles(request.focused.value, DiscordLimits.autocompleteChoices);
    const titleOf = (ref: ArticleRef) => ref.title ?? UNTITLED;
    const repeated = new Set(suggested.map(titleOf).filter((title, i, titles) => titles.indexOf(title) !== i));
    return suggested.map((ref) => ({ name: choiceName(ref, repeated.has(titleOf(ref))), value: Library.articleHandle(ref.id) }));
  },
};
