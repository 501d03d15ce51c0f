import { describe, expect, it } from 'vitest';
import { DiscordLimits } from '../src/discord/limits.ts';
import { attributionLine, displayText, embedMessage, escapeText, fitLines, fitText, link, textMessage, unescapeText } from '../src/discord/message.ts';
import { articleMessage } from '../commands/article.ts';
import { storyArticle } from './support/articles.ts';

describe('escapeText', () => {
  it('escapes markdown from article text so it shows literally', () => {
    expect(escapeText('*bold* _it_ `code` ~~s~~ ||spoiler||')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|');
    expect(escapeText('# Heading\n- item\n> quote')).toBe('\\# Heading\n\\- item\n\\> quote');
    expect(escapeText('[click](https://evil.example)')).toContain('\\[click');
  });

  it('defuses mentions even before allowed_mentions does', () => {
    const text = escapeText('hi @everyone and @here and <@123456789012345678> and <@&223456789012345678>');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&/);
  });

  it('keeps slash-command links, timestamps, custom emoji and guild links from rendering', () => {
    const text = escapeText('Use </ask:123456789> at <t:1700000000:R> with <:smile:123> <a:wave:456> in <id:browse>, 3 < 4.');
    expect(text).not.toMatch(/<(?:\/|:|t:|a:|id:)/);
    expect(text).toContain('3 < 4.');
    expect(unescapeText(text)).toBe('Use </ask:123456789> at <t:1700000000:R> with <:smile:123> <a:wave:456> in <id:browse>, 3 < 4.');
  });

  it('drops bidi controls, so no override in a title reverses the attribution after it, even past a stray closing mark', () => {
    expect(escapeText('Breaking \u2069\u202enews')).toBe('Breaking news');
    expect(attributionLine({ title: 'Breaking \u2066\u202enews', outlet: 'Wire\u202e', published: null, url: null })).toBe('Breaking news — Wire · date unknown');
    expect(escapeText('عاجل: Gaza talks')).toBe('عاجل: Gaza talks');
    expect(escapeText('Talks \u200f(Doha)\u200e 2025\u061c')).toBe('Talks (Doha) 2025');
  });
});

describe('fitText', () => {
  it('leaves text that fits untouched', () => {
    expect(fitText('short', 10)).toBe('short');
  });

  it('cuts at a sentence end when one is near, else at a word, and marks the cut', () => {
    const text = 'The first sentence is here. The second sentence goes on and on.';
    expect(fitText(text, 40)).toBe('The first sentence is here.…');
    const cut = fitText('alpha beta gamma delta epsilon', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('alpha beta gamma…');
  });

  it('never exceeds the limit, even with no spaces', () => {
    expect(fitText('x'.repeat(5000), DiscordLimits.content)).toHaveLength(DiscordLimits.content);
  });

  it('never cuts an emoji in half', () => {
    const cut = fitText('😀'.repeat(100), 52);
    expect(cut).toBe(`${'😀'.repeat(25)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('displayText', () => {
  it('cuts text before escaping it, and the escaped result stays within the limit', () => {
    const shown = displayText('*_'.repeat(5000), 100);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown).toMatch(/^(\\\*\\_)+/);
    expect(displayText('short *one*', 100)).toBe('short \\*one\\*');
  });
});

describe('fitLines', () => {
  it('keeps whole lines only, so links are never cut', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `[Article ${i}](https://example.com/${i})`);
    const value = fitLines(lines, 1024);
    expect(value.length).toBeLessThanOrEqual(1024);
    for (const line of value.split('\n')) expect(line).toMatch(/^\[Article \d+\]\(https:\/\/example\.com\/\d+\)$/);
  });
});

describe('link and attribution', () => {
  it('links a title and keeps brackets and parentheses from breaking the link', () => {
    expect(link('A [b] c', 'https://e.com/a (b)')).toBe('[A \\[b\\] c](https://e.com/a%20%28b%29)');
  });

  it('encodes a backslash and bidi controls in a link\'s address, which would escape or reorder it', () => {
    expect(link('T', 'https://e.com/a\\b\u202ec')).toBe('[T](https://e.com/a%5Cb%E2%80%AEc)');
  });

  it('links no address that is no well-formed URL once encoded, which Discord would refuse in an embed', () => {
    expect(link('T', 'https://exa mple.com/westport mayor')).toBe('T');
    expect(link('T', 'https://example.com/westport mayor')).toBe('[T](https://example.com/westport%20mayor)');
  });

  it('shows a title without a link when there is no http url', () => {
    expect(link('Title', null)).toBe('Title');
    expect(link('Title', 'javascript:alert(1)')).toBe('Title');
  });

  it('says unknown for what the source does not give', () => {
    expect(attributionLine({ title: null, outlet: null, published: null, url: null })).toBe('Untitled article — outlet unknown · date unknown');
    expect(attributionLine({ title: 'T', outlet: 'Al Mayadeen English', published: '2025-03-23T14:23', url: 'https://x.example/a' })).toBe(
      '[T](https://x.example/a) — Al Mayadeen English · 2025-03-23 14:23',
    );
  });
});

describe('messages fit Discord by construction', () => {
  it('clamps every embed part and the total, and disables all mentions', () => {
    const long = 'word '.repeat(3000);
    const message = embedMessage({
      title: long,
      description: long,
      footer: { text: long },
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${long}`, value: long })),
    });
    const embed = message.embeds![0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(DiscordLimits.embedTitle);
    expect(embed.description!.length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
    expect(embed.fields!.length).toBeLessThanOrEqual(DiscordLimits.embedFields);
    for (const field of embed.fields!) {
      expect(field.name.length).toBeLessThanOrEqual(DiscordLimits.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
    }
    const total =
      embed.title!.length + embed.description!.length + embed.footer!.text.length + embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DiscordLimits.embedTotal);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps a source line inside one field even with a huge URL, title or outlet', () => {
    const line = attributionLine({ title: 'T'.repeat(3000), outlet: 'O'.repeat(3000), published: null, url: `https://example.com/${'x'.repeat(1100)}` });
    expect(line.length).toBeLessThan(DiscordLimits.embedFieldValue);
    expect(line).not.toContain('https://');
    expect(fitLines([line], DiscordLimits.embedFieldValue)).toBe(line);
  });

  it('drops a link whose brackets and spaces, once encoded, run past the longest URL it links', () => {
    const url = `https://example.com/${'(a) '.repeat(120)}`;
    expect(url.length).toBeLessThanOrEqual(512);
    expect(link('T', url)).toBe('T');
  });

  it('shows a source line whole when it fits its room exactly, outlet and all', () => {
    const article = { title: 'Fire', outlet: 'The Wall Street Journal', published: '2025-03-02', url: null };
    const whole = attributionLine(article);
    expect(whole).toBe('Fire — The Wall Street Journal · 2025-03-02');
    expect(attributionLine(article, whole.length)).toBe(whole);
  });

  it('shortens a source line to the room it is given, dropping its link first and never its date', () => {
    const article = { title: `Title ${'long '.repeat(40)}`, outlet: `Outlet ${'wide '.repeat(40)}`, published: '2025-03-23', url: `https://example.com/${'x'.repeat(400)}` };
    const line = attributionLine(article, 200);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toMatch(/^Title long .*… — Outlet wide .*… · 2025-03-23$/);
    expect(attributionLine({ ...article, url: 'https://example.com/a' }, 600)).toMatch(/^\[Title long .*\]\(https:\/\/example\.com\/a\) — /);
  });

  it('never sends an empty field value, which Discord refuses', () => {
    const embed = embedMessage({ fields: [{ name: 'Sources', value: fitLines(['y'.repeat(2000)], DiscordLimits.embedFieldValue) }] }).embeds![0]!;
    expect(embed.fields![0]!.value).toBe('—');
  });

  it('keeps text messages within 2,000 characters', () => {
    const message = textMessage('a'.repeat(10_000));
    expect(message.content!.length).toBeLessThanOrEqual(DiscordLimits.content);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('/article', () => {
  it('shows the article link only when it is a well-formed URL, and drops bidi controls from the file name in its footer', () => {
    const article = { ...storyArticle('a\u202eb', 'Wire', ['Text.']), url: 'https://exa mple.com/x' };
    const embed = articleMessage(article).embeds?.[0];
    expect(embed?.url).toBeUndefined();
    expect(embed?.footer?.text).toBe('1 paragraph · ab');
  });
});
