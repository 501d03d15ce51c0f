import { type APIEmbed, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { DiscordLimits } from './limits.ts';
import { UNKNOWN, UNTITLED } from '../corpus/article.ts';

/**
 * A message as the bot posts it, in Discord's API shape. Every adapter (gateway, HTTP
 * interactions, the local console) receives this same object, so formatting lives here once.
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always empty: article text or a question containing `@everyone` must ping nobody. */
  allowed_mentions: { parse: [] };
}

const ELLIPSIS = '…';
const EMPTY_FIELD = '—';

/**
 * Characters that start or end Discord markdown anywhere in a line. discord.js `escapeMarkdown` is
 * avoided: its look-behinds make it quadratic on long unspaced text (7.5 s for a 120 KB CJK article).
 * Brackets are escaped one by one, so no masked link `[text](url)` can form from article text, even
 * when a snippet is escaped in pieces around its bold matches.
 */
const INLINE_MARKDOWN = /[\\*_~|`[\]]/g;
/** What Discord reads as a quote, heading, bullet or subtext at the start of a line. */
const LINE_START_MARKDOWN = /^( *)([>#-])/gm;
const NUMBERED_LIST = /^( *\d+)\./gm;

/**
 * Discord's angle-bracket tokens: mentions (`<@id>`, `<#id>`), slash-command links (`</ask:id>`),
 * custom emoji (`<:name:id>`, `<a:name:id>`), timestamps (`<t:1700000000:R>`), guild links (`<id:browse>`).
 */
const ANGLE_TOKEN = /<(?=[@#/:]|[a-z]+:)/gi;
/**
 * Bidi embeddings, overrides and isolates, invisible marks that reorder what follows: one left
 * open in a title ran on over the outlet and date after it, and a stray closing one undoes any
 * isolate put around the text; and the direction marks (LRM, RLM, ALM), which move the marks and
 * digits beside them. The words themselves need none; Unicode orders them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Article text for a place Discord shows as plain text (an embed footer): only the bidi controls dropped. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Escapes Discord markdown in text that comes from articles or users, defuses mentions and every
 * other angle-bracket token, and drops bidi controls. Linear in the text's length.
 */
export function escapeText(text: string): string {
  const escaped = text.replace(BIDI_CONTROLS, '').replace(INLINE_MARKDOWN, '\\$&').replace(LINE_START_MARKDOWN, '$1\\$2').replace(NUMBERED_LIST, '$1\\.');
  // Mentions are already inert through allowed_mentions; the zero-width space also keeps them, and every other token, from rendering.
  return escaped.replace(/@(everyone|here)/g, '@\u200b$1').replace(ANGLE_TOKEN, '<\u200b');
}

/**
 * Article or user text as shown: cut to fit `max` characters once escaped, then escaped, so no
 * work is spent on text that would not be shown and an escape is never cut in half.
 */
export function displayText(text: string, max: number): string {
  let room = max;
  for (;;) {
    const escaped = escapeText(fitText(text, room));
    if (escaped.length <= max || room <= 1) return escaped;
    // Escaping lengthens text in proportion to its markup: shrink the room by that proportion.
    room = Math.max(1, Math.min(room - 1, Math.floor((room * max) / escaped.length)));
  }
}

/** Reverses `escapeText`: the text as it was before escaping, but for the zero-width spaces it added and the bidi controls it dropped. */
export function unescapeText(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\\(.)/gs, '$1');
}

/**
 * Shortens text to at most `max` characters, cutting at a sentence end, else a word boundary,
 * and marking the cut with an ellipsis.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = withoutBrokenPair(text.slice(0, Math.max(0, max - ELLIPSIS.length)));
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('? '), room.lastIndexOf('! '));
  if (sentenceEnd > room.length / 2) return room.slice(0, sentenceEnd + 1) + ELLIPSIS;
  return cutAtWord(room).trimEnd() + ELLIPSIS;
}

/** Text cut back to its last space when that space is in its second half, else left whole: no word is cut unless one runs over half the text. */
export function cutAtWord(text: string): string {
  const space = text.lastIndexOf(' ');
  return space > text.length / 2 ? text.slice(0, space) : text;
}

/** Drops a high surrogate left at the end of a cut: half an emoji would show as a replacement character. */
export function withoutBrokenPair(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * Joins whole lines (links, citations) under a length limit: a line that does not fit is left
 * out, never cut, so a markdown link is never broken in the middle.
 */
export function fitLines(lines: Iterable<string>, max: number, separator = '\n'): string {
  let out = '';
  for (const line of lines) {
    const next = out ? out + separator + line : line;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/**
 * Joins one block per item under a length limit, each block built by `block(item, room)` to fit
 * its share: every item is shown, shortened only if the whole would not fit, where `fitLines`
 * would leave the last out (a cited source, a result the footer counts) and a cut of the whole
 * would break one in half.
 */
export function fitEach<T>(items: readonly T[], max: number, block: (item: T, room: number) => string, separator = '\n'): string {
  const whole = items.map((item) => block(item, Infinity));
  const room = max - separator.length * Math.max(0, items.length - 1);
  const wanted = whole.map((text) => text.length);
  if (wanted.reduce((sum, length) => sum + length, 0) <= room) return whole.join(separator);
  const shares = shareOut(wanted, room);
  const blocks = items.map((item, i) => ((wanted[i] ?? 0) <= (shares[i] ?? 0) ? (whole[i] ?? '') : block(item, shares[i] ?? 0)));
  // A shortened block may come out shorter than its share (a dropped link frees the whole address): what is left goes to the others, in turn.
  let spare = room - blocks.reduce((sum, text) => sum + text.length, 0);
  blocks.forEach((text, i) => {
    if (spare <= 0 || text.length >= (wanted[i] ?? 0)) return;
    const grown = block(items[i] as T, text.length + spare);
    spare -= grown.length - text.length;
    blocks[i] = grown;
  });
  return fitLines(blocks, max, separator);
}

/** Room shared as water fills: the shortest wants are met whole, the rest split what is left evenly. */
export function shareOut(wanted: readonly number[], room: number): number[] {
  const shares = wanted.map(() => 0);
  let left = room;
  let waiting = wanted.length;
  for (const i of wanted.map((_, at) => at).sort((a, b) => (wanted[a] ?? 0) - (wanted[b] ?? 0))) {
    shares[i] = Math.min(wanted[i] ?? 0, Math.floor(left / waiting));
    left -= shares[i] ?? 0;
    waiting -= 1;
  }
  return shares;
}

/** Longest article URL the bot links; longer ones are broken scrapes, and would crowd a source line out of its field. */
const MAX_URL = 512;
/** Longest link text: a source line stays far within an embed field. */
const MAX_LABEL = 200;

/** What a URL may not carry into a markdown link as written: brackets and spaces end it, a backslash escapes, a star reads as emphasis where the link is shown as text (the console), bidi controls reorder it. */
const UNSAFE_IN_URL = /[()<> \\*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** An http(s) URL safe to put in a link or an embed (`UNSAFE_IN_URL` percent-encoded, then a well-formed URL), or null; at most `MAX_URL` characters once encoded. */
export function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/\S/i.test(url) || url.length > MAX_URL) return null;
  const encoded = url.replace(UNSAFE_IN_URL, (c) => (c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(c)));
  // A space in the host ("https://exa mple.com/") encodes to no URL: Discord refuses an embed linking one.
  return encoded.length > MAX_URL || !URL.canParse(encoded) ? null : encoded;
}

/** A markdown link whose text is escaped and whose URL cannot close the link early. */
export function link(text: string, url: string | null): string {
  const label = displayText(text, MAX_LABEL);
  const target = safeUrl(url);
  return target ? `[${label}](${target})` : label;
}

/** The length Discord counts towards the 6,000-character total of an embed. */
function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Clamps every part of an embed to Discord's limits, then drops trailing fields until the
 * whole fits the total, so no reply is ever rejected for size.
 */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title !== undefined && { title: fitText(embed.title, DiscordLimits.embedTitle) }),
    ...(embed.description !== undefined && { description: fitText(embed.description, DiscordLimits.embedDescription) }),
    ...(embed.footer && { footer: { ...embed.footer, text: fitText(embed.footer.text, DiscordLimits.embedFooter) } }),
    ...(embed.fields && {
      fields: embed.fields.slice(0, DiscordLimits.embedFields).map((field) => ({
        ...field,
        name: fitText(field.name, DiscordLimits.embedFieldName) || EMPTY_FIELD,
        // Discord refuses an empty value: a list whose every line was too long still says so.
        value: fitText(field.value, DiscordLimits.embedFieldValue) || EMPTY_FIELD,
      })),
    }),
  };
  while (embedLength(fitted) > DiscordLimits.embedTotal && fitted.fields?.length) fitted.fields = fitted.fields.slice(0, -1);
  if (embedLength(fitted) > DiscordLimits.embedTotal && fitted.description) {
    fitted.description = fitText(fitted.description, fitted.description.length - (embedLength(fitted) - DiscordLimits.embedTotal));
  }
  return fitted;
}

/** A message with plain text only (refusals, notices, errors). */
export function textMessage(text: string): MessagePayload {
  return { content: fitText(text, DiscordLimits.content), allowed_mentions: { parse: [] } };
}

/** A message made of one embed, fitted to Discord's limits, with optional button rows. */
export function embedMessage(embed: APIEmbed, components: MessagePayload['components'] = []): MessagePayload {
  return { embeds: [fitEmbed(embed)], components, allowed_mentions: { parse: [] } };
}

/** How an article is named in every reply: linked title, outlet and date, unknowns said as such. */
export interface Attribution {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

/**
 * `[Title](url) — Outlet · 2025-03-23`, with "unknown" for what the source does not give. Shown
 * whole when it fits `max` characters; otherwise the outlet takes at most a third and the title the
 * rest (see `titleLink`); the date is never shortened.
 */
export function attributionLine(article: Attribution, max = Infinity): string {
  const whole = `${titleLink(article)} — ${displayOutlet(article.outlet)} · ${displayDate(article.published)}`;
  if (whole.length <= max) return whole;
  const tail = ` — ${displayOutlet(article.outlet, Math.min(MAX_LABEL, Math.floor(max / 3)))} · ${displayDate(article.published)}`;
  return titleLink(article, max - tail.length) + tail;
}

/** Shortest link text worth keeping a link for: shorter, the title alone is shown, in more of the room. */
const MIN_LINKED_LABEL = 24;

/**
 * The article's title linked to its address, or "Untitled article"; past `max` characters, the
 * title shortened within its link, or with too little room left beside the address, the title
 * alone, shortened to fit.
 */
export function titleLink(article: Pick<Attribution, 'title' | 'url'>, max = Infinity): string {
  const title = article.title ?? UNTITLED;
  const linked = link(title, article.url);
  if (linked.length <= max) return linked;
  const target = safeUrl(article.url);
  const labelRoom = target === null ? 0 : Math.min(MAX_LABEL, max - target.length - '[]()'.length);
  return labelRoom >= MIN_LINKED_LABEL ? `[${displayText(title, labelRoom)}](${target})` : displayText(title, Math.max(1, Math.min(MAX_LABEL, max)));
}

/** An outlet's name as shown to readers, escaped and cut, or "outlet unknown". */
export function displayOutlet(outlet: string | null, maxLength = MAX_LABEL): string {
  return displayText(outlet ?? `outlet ${UNKNOWN}`, maxLength);
}

/** An ISO date or date-time as shown to readers (`2025-03-23 14:23`), or "date unknown". */
export function displayDate(published: string | null): string {
  return published ? published.replace('T', ' ').slice(0, 16) : `date ${UNKNOWN}`;
}
