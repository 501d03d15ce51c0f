import { findDate } from '../dates.ts';

/**
 * Lines that are page furniture wherever they stand: sign-in and subscribe prompts, cookie and
 * ad-blocker notices, comment forms, share buttons, copyright lines, image tokens. Each is a line
 * shape or phrase common to news sites in general, never a particular site's wording.
 */

/** Short lines (buttons, labels, prompts) that are furniture by their words. */
const SHORT_FURNITURE = [
  /^(skip to|jump to)\b/iu,
  /\b(sign (in|up|out)|log ?(in|out)|register|subscribe|subscription|newsletter|my account)\b/iu,
  /^(share|tweet|email|e-mail|print|save|comment|follow|facebook|twitter|whatsapp|linkedin|pinterest|reddit|flipboard|copy link)\b/iu,
  /^(advertisement|advertising|sponsored|ad choices|story continues below|continue reading|scroll to continue)\b/iu,
  /^(image|photo|picture|media|video)\s*(caption|copyright|credit|source)\b/iu,
  /^(photo|image|credit|source|getty|reuters|ap)\s*:/iu,
  /^(privacy|terms|contact us|about us|cookie|accessibility)\b/iu,
  /^(watch|listen|play)( now| live| video| to this (page|article|story)\b.*)?$/iu,
  /^(reply|report|report abuse|flag|like|recommend|load more|show more|view comments)\b/iu,
];

/** Phrases that mark a whole line as furniture even when it is a full sentence. */
const SENTENCE_FURNITURE = [
  /\ball rights reserved\b/iu,
  /^(©|\(c\)\s|copyright\b)/iu,
  /\b(we|this (site|website)|our (site|website)) uses? cookies\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b/iu,
  // The notice to readers who block ads, not a story about ad blocking.
  /\b(using|use|disable|turn off|pause|switch off) (an |your )?ad[ -]?block(er|ers)?\b|\bad[ -]?block(er)? (is )?(detected|enabled|on)\b|\bwhitelist(ing)? (us|our site|this site)\b/iu,
  /\benable javascript\b|\bjavascript (is )?(disabled|required)\b|\bupdate your browser\b/iu,
  /\bby clicking\b.{0,40}\byou (agree|accept|acknowledge|consent)\b/iu,
  /\byour email address will not be published\b|\brequired fields are marked\b|\bsave my name, email\b/iu,
  /\b(sign up|subscribe) (for|to) (our|the) .{0,40}newsletter\b|\bsubscribe (now|today)\b|\bunlimited (digital )?access\b/iu,
  /\bthis (article|story|content) is (only )?(available|reserved) (to|for) (subscribers|members)\b/iu,
];

/** A commenter's handle and verb: "thelastchargersfan says:". */
const COMMENT_HANDLE = /^\S{1,40}\s+(says|wrote|commented)\s*:/iu;
/** The time a comment header gives without a year: "sep 21, 3:38 pm", "2 hours ago". */
const COMMENT_TIME = /\b\d{1,2}:\d{2}\b|\b\p{L}{3,9}\.?\s+\d{1,2},|\bago\b/iu;
/** Any commenter's name and verb, which only counts when a date or time goes with it, as in comment headers. */
const COMMENT_NAME = /^(\S(?:.{0,40}\S)?)\s+(?:says|said|wrote|replied|commented)\s*:/iu;

/** Lines made only of bracketed tokens, as dumps render images, frames, buttons and form fields: "[alt]", "[ ]", "[INS::INS]", "IFRAME: …", "(BUTTON) …". */
function isTokenLine(text: string): boolean {
  return /^(\[[^\]]*\]\s*)+$/u.test(text) || /^\[\s*\]/u.test(text) || /^(iframe|embed|image|img)\s*:/iu.test(text) || /^\(BUTTON\)/u.test(text);
}

/** True for a line that is page furniture: a prompt, notice, form, share button, credit or rendering token. */
export function isBoilerplate(text: string): boolean {
  if (isTokenLine(text) || SENTENCE_FURNITURE.some((pattern) => pattern.test(text))) return true;
  return text.split(' ').length <= 8 && SHORT_FURNITURE.some((pattern) => pattern.test(text));
}

/**
 * The heading of a comment section: "Comments", "View comments (27)", "Leave a Reply", "Join the
 * conversation". A bare count ("941 comments") is not one: bylines carry it as a link.
 */
const COMMENT_SECTION =
  /^((view|show|read|load|see|add|post|leave|write)\s+(all\s+)?(\d+\s+)?(a\s+)?(comments?|reply|replies)(\s*\(\d+\))?|comments?(\s*\(\d+\))?|join the (conversation|discussion))[:.]?$/iu;

/** True for the heading that opens a comment section: no article text follows it. */
export function isCommentSection(text: string): boolean {
  return COMMENT_SECTION.test(text);
}

/** True for the header of a reader comment ("thelastchargersfan says: November 19, 2019 at 6:34 am") or its buttons. */
export function isCommentHeader(text: string): boolean {
  const name = COMMENT_NAME.exec(text);
  // The time must stand before the verb ("zorba on sep 21, 3:38 pm said:"): "The minister said: 'at 10:30…'" is a quote.
  return COMMENT_HANDLE.test(text) || (name !== null && (findDate(text) !== null || COMMENT_TIME.test(name[1] ?? '')));
}
