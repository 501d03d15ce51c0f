/** List markers as text dumps of web pages render them; several in a row ("• • LIVE") count as one. */
const BULLET = /^\s*(?:[•·▪◦‣*–□+-](?:\s+|$))+/u;

/** True when the raw line starts with a list marker. */
export function isBullet(rawLine: string): boolean {
  return BULLET.test(rawLine);
}

/** The line without its list marker(s). */
export function stripBullet(rawLine: string): string {
  return rawLine.replace(BULLET, '');
}

/** How many space-separated words a line holds. */
export function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/**
 * A line of running text: it ends a sentence and is long enough to be one. Menus, headlines, captions
 * and labels do not end with terminal punctuation, which is what separates them from article text.
 */
export function isProse(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/u.test(text) && wordCount(text) >= 5;
}

/** The name in a byline line ("By Staff, Agencies" → "Staff, Agencies"), null when the line is not a byline. */
export function bylineName(text: string): string | null {
  const byline = /^by\s+(\S.*)$/iu.exec(text);
  const name = byline?.[1];
  // A sentence that merely starts with "By" ("By Tuesday the council had voted.") is not a byline.
  if (!name || /[.!?]$/u.test(name) || wordCount(name) > 8) return null;
  return name;
}

/** True for a short `Label: value` line ("Source: News Websites", "Israeli media: ..."). */
export function isLabelValue(text: string): boolean {
  return /^[^:]{2,40}:\s+\S/u.test(text) && !/^https?:/iu.test(text);
}
