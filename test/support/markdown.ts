/**
 * What Discord would render live in a reply: the targets of masked links `[text](url)` whose
 * opening bracket is not escaped. A backslash escapes the next character, so an even run of
 * backslashes before `[` leaves it live.
 */
export function liveLinkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (let at = 0; at < markdown.length; at++) {
    if (markdown[at] === '\\') {
      at += 1;
      continue;
    }
    if (markdown[at] !== '[') continue;
    const close = closingBracket(markdown, at + 1);
    if (close === -1 || markdown[close + 1] !== '(') continue;
    const end = markdown.indexOf(')', close + 2);
    if (end !== -1) targets.push(markdown.slice(close + 2, end));
  }
  return targets;
}

/** Index of the first unescaped `]` from `from`, or -1. */
function closingBracket(markdown: string, from: number): number {
  for (let at = from; at < markdown.length; at++) {
    if (markdown[at] === '\\') at += 1;
    else if (markdown[at] === ']') return at;
  }
  return -1;
}

/** Mentions Discord would resolve in a reply (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`). */
export function liveMentions(markdown: string): string[] {
  return markdown.match(/@everyone|@here|<@[!&]?\d+>|<#\d+>/g) ?? [];
}
