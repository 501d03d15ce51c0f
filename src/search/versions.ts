/**
 * Versions of one story. A wire or a site often publishes a story again, corrected or updated,
 * keeping most of its paragraphs word for word: "(CORRECTED) - GOODYEAR TO SELL CELERON" changes
 * one figure of the story sent two hours before ("a loss of 59 cents", not 64). Where the later
 * version holds a paragraph of the earlier, word for word or edited (most of its words the same),
 * the earlier's is not quoted: it may state what was corrected. What the later version left out
 * (a cut-down repeat keeps two or three paragraphs of a long story) is still quoted from the
 * earlier. Two stories are versions of one when the same outlet published them within half a day
 * of each other, the later one at a later time (both dated to the minute: a day alone says
 * neither which came first nor how far apart), and the shorter holds at least half of its
 * paragraphs, and two or more, word for word in the other: stories on one topic share sentences
 * but seldom whole paragraphs. Reports written to a template share whole paragraphs when their
 * figures repeat ("UMUARAMA NIL, PARANAVAI NIL"), but come a day or more apart; among 19,043
 * Reuters stories of 1987, 279 pairs are versions so, half of them within the hour.
 */
import type { Article } from '../corpus/article.ts';

/** Paragraphs shorter than this are no evidence of a shared story: a sign-off ("Reuter"), a byline, a tag. */
const SUBSTANTIVE_PARAGRAPH = 60;
/** Share of the shorter version's substantive paragraphs the other must hold word for word. */
const SHARED_SHARE = 0.5;
/** The fewest substantive paragraphs two versions share. */
const SHARED_LEAST = 2;
/** The longest time between two versions of a story, in milliseconds: half a day. */
const VERSIONS_APART = 12 * 3_600_000;
/** Share of an earlier paragraph's distinct words a later one must share (of both's together) to be the same paragraph edited; every figure counts as one word, so "64 cents" edited to "59 cents" is the same paragraph. */
const EDITED_SHARE = 0.8;
/** Articles whose paragraphs are kept as compared, at most: the cache is cleared when full, as the analyser's is. */
const CACHE_LIMIT = 4_096;
/** A publication date with a time of day, and whether it names its offset from UTC. */
const TIMED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/u;

/** An article's paragraphs as versions compare them: the substantive ones, spaced evenly, and each paragraph's distinct words once read. */
interface Paragraphs {
  substantive: ReadonlySet<string>;
  words: (ReadonlySet<string> | undefined)[];
}

const compared = new Map<Article, Paragraphs>();

/** An article's paragraphs as versions compare them (see `Paragraphs`). */
function paragraphsOf(article: Article): Paragraphs {
  let found = compared.get(article);
  if (!found) {
    if (compared.size >= CACHE_LIMIT) compared.clear();
    const spaced = article.paragraphs.map((p) => p.replace(/\s+/gu, ' ').trim());
    found = { substantive: new Set(spaced.filter((p) => p.length >= SUBSTANTIVE_PARAGRAPH)), words: [] };
    compared.set(article, found);
  }
  return found;
}

/** The distinct words of an article's paragraph at `at`, every figure as one word ("#"). */
function wordsAt(article: Article, at: number): ReadonlySet<string> {
  const paragraphs = paragraphsOf(article);
  let words = paragraphs.words[at];
  if (!words) {
    const written = (article.paragraphs[at] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    words = new Set(written.map((word) => (/^\p{N}/u.test(word) ? '#' : word)));
    paragraphs.words[at] = words;
  }
  return words;
}

/** When an article was published, in milliseconds, if dated to the minute; a time with no offset is read as UTC, so every server reads it alike. */
function publishedAt(article: Article): number | null {
  const published = article.published;
  if (published === null || !TIMED.test(published)) return null;
  const at = Date.parse(OFFSET.test(published) ? published : `${published}Z`);
  return Number.isNaN(at) ? null : at;
}

/** Whether `newer` is a later version of `older` (see the module's comment). */
export function supersedes(newer: Article, older: Article): boolean {
  if (newer === older || newer.outlet === null || newer.outlet !== older.outlet) return false;
  const [later, earlier] = [publishedAt(newer), publishedAt(older)];
  if (later === null || earlier === null || later <= earlier || later - earlier > VERSIONS_APART) return false;
  const [own, other] = [paragraphsOf(newer).substantive, paragraphsOf(older).substantive];
  const [shorter, longer] = own.size <= other.size ? [own, other] : [other, own];
  let shared = 0;
  for (const paragraph of shorter) if (longer.has(paragraph)) shared += 1;
  return shared >= SHARED_LEAST && shared >= SHARED_SHARE * shorter.size;
}

/** Whether `newer` holds the paragraph at `at` of `older`, word for word or edited (see `EDITED_SHARE`). */
function holdsParagraph(newer: Article, older: Article, at: number): boolean {
  const words = wordsAt(older, at);
  if (words.size === 0) return false;
  return newer.paragraphs.some((_, p) => {
    const other = wordsAt(newer, p);
    // Two sets of such unequal sizes cannot share enough.
    if (Math.min(words.size, other.size) < EDITED_SHARE * Math.max(words.size, other.size)) return false;
    let shared = 0;
    for (const word of words) if (other.has(word)) shared += 1;
    return shared / (words.size + other.size - shared) >= EDITED_SHARE;
  });
}

/** The candidates no later version among `articles` rewrites: a sentence whose paragraph a later version holds is left out (see the module's comment). */
export function currentVersions<T extends { article: Article; sentence: { paragraph: number } }>(candidates: readonly T[], articles: readonly Article[]): T[] {
  const later = new Map<Article, Article[]>();
  const rewritten = new Map<string, boolean>();
  const isRewritten = (article: Article, at: number) => {
    let versions = later.get(article);
    if (versions === undefined) {
      versions = articles.filter((other) => supersedes(other, article));
      later.set(article, versions);
    }
    if (versions.length === 0) return false;
    const key = `${article.id}\u0000${at}`;
    let found = rewritten.get(key);
    if (found === undefined) {
      found = versions.some((newer) => holdsParagraph(newer, article, at));
      rewritten.set(key, found);
    }
    return found;
  };
  return candidates.filter(({ article, sentence }) => !isRewritten(article, sentence.paragraph));
}
