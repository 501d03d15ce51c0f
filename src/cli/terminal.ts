import { styleText } from 'node:util';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from 'discord-api-types/v10';

type Style = Parameters<typeof styleText>[0];

/** True when output to `stream` should be coloured: a terminal, and the user has not set NO_COLOR (no-color.org) in `env`. */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** Turns the bot's Discord markdown into terminal text: bold, links with their address, quotes. */
function renderMarkdown(text: string, paint: (style: Style, text: string) => string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) => `${paint('underline', label)} ${paint('dim', `<${url}>`)}`)
    .replace(/\*\*((?:\\.|[^*\\])+)\*\*/g, (_match, bold: string) => paint('bold', bold))
    // A line in italics (the question as read, a notice), past the bold: an escaped star is the text's own.
    .replace(/(?<!\\)\*((?:\\.|[^*\\\n])+)\*/g, (_match, italic: string) => paint('italic', italic))
    .replace(/^> /gm, `  ${paint('cyan', '│')} `)
    // Every escaped mark, the underscore of "zzz_copy.txt" too; a backslash before a letter or digit is the text's own.
    .replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** Fields as blocks; a run of inline fields (Discord shows them side by side) shares one line. */
function renderFields(fields: APIEmbedField[], paint: (style: Style, text: string) => string, md: (text: string) => string): string[] {
  const lines: string[] = [];
  let inline: string[] = [];
  const flush = () => {
    if (inline.length) lines.push('', inline.join(paint('dim', ' · ')));
    inline = [];
  };
  for (const field of fields) {
    if (field.inline) {
      inline.push(`${paint('bold', md(field.name))}: ${md(field.value)}`);
      continue;
    }
    flush();
    lines.push('', paint('bold', md(field.name)), md(field.value));
  }
  flush();
  return lines;
}

function renderEmbed(embed: APIEmbed, paint: (style: Style, text: string) => string): string[] {
  const md = (text: string) => renderMarkdown(text, paint);
  return [
    ...(embed.title ? [paint(['bold', 'cyan'], md(embed.title)) + (embed.url ? ` ${paint('dim', `<${embed.url}>`)}` : '')] : []),
    ...(embed.description ? [md(embed.description)] : []),
    ...renderFields(embed.fields ?? [], paint, md),
    ...(embed.footer ? ['', paint('dim', md(embed.footer.text))] : []),
  ];
}

/** What the terminal shows of a bot message, in Discord's API shape: its text, embeds and buttons. */
export interface ShownMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A bot message as the terminal shows it; `color` adds ANSI styles. */
export function renderMessage(message: ShownMessage, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const buttons = (message.components ?? []).flatMap((row) => row.components).filter((c) => 'label' in c && !c.disabled);
  const hint = buttons.length ? [paint('dim', `(type ${buttons.map((b) => ('label' in b ? b.label : '')).join(' or ').toLowerCase()} to press)`)] : [];
  const lines = [
    ...(message.content ? [renderMarkdown(message.content, paint)] : []),
    ...(message.embeds ?? []).flatMap((embed) => renderEmbed(embed, paint)),
    ...hint,
  ];
  return lines.join('\n');
}
