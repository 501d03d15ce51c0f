/**
 * Roles named alone. News names a person once with a title ("Finance Minister Kiichi Miyazawa
 * met bankers...", "President Recep Tayyip Erdogan said...") and later by the role ("The minister
 * said...", '"...," the Turkish president said'). Such a role stands for the one the story
 * introduced with it, where nothing in the story makes it anyone else: one person introduced so,
 * the words the role is written with fitting that title ("the prime minister" is not "Economy
 * Minister Akazawa", "the president" not "Vice President JD Vance", "the Qualcomm chief executive"
 * not "Apple chief executive Tim Cook"), no other bearer written beside it ("Cristiano Amon,
 * Qualcomm's chief executive,"), and no one else speaking in the sentence before it.
 */
import type { Article } from '../corpus/article.ts';
import { fold } from './analyzer.ts';
import { isNameWord, namePhraseEnd, writtenWords, writtenWordsAt } from './names.ts';
import { placeNameWords } from './place-names.ts';
import type { Sentence, SentenceCache } from './sentence-ranking.ts';
import { insideQuotation, isReportingVerb } from './speakers.ts';
import { STOPWORDS } from './stopwords.ts';
import { isCommonWord, isKindOf, isRoleNoun } from './wordnet.ts';

/** A role written with "the": its role noun and the words between ("the Turkish president": turkish; president), folded. */
interface RoleDescription {
  role: string;
  modifiers: string[];
}

/** Where a story writes a role noun: the words of its title before it and the name after it, if one follows. */
export interface RoleMention {
  paragraph: number;
  at: number;
  title: string[];
  name: string[];
}

/** Words a role written with "the" may hold before its role noun ("the Turkish foreign minister"). */
const MODIFIERS = 3;
/** Characters after a role noun within which the name it introduces is read ("President Recep Tayyip Erdogan"). */
const NAME_REACH = 80;
/** Characters before a role noun within which its title's words are read ("Turkish Foreign Minister"). */
const TITLE_REACH = 40;
/** Words of a title that make its bearer other than the role ("Deputy Governor", "Vice Chairman"), folded. */
const RANKS: ReadonlySet<string> = new Set(['deputy', 'vice', 'assistant', 'associate', 'acting', 'junior', 'under', 'former', 'ex']);
/** A name and "the" right before a role's words: the role written as an aside about that name ("Michele Bullock, the governor,"). */
const ASIDE_NAME = /(\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,3}),[^\S\n]+the[^\S\n]+(?:[\p{L}'’-]+[^\S\n]+){0,3}$/u;

/** Folded, without a possessive ending: "Qualcomm's" is qualcomm. */
const bare = (word: string) => fold(word).replace(/['’]s$/u, '');

/**
 * The roles a sentence names alone as the one who acts or speaks: "the" and up to three words
 * before a role noun, opening the sentence, or after a comma or a quotation and before a reporting
 * verb ("The minister said...", '"...," the Turkish president said'); not with a name or "of" after
 * it, which introduces someone ("the envoy Steve Witkoff", "the head of the bureau"), nor as an
 * object ("met the pope", "people close to the minister said"), an aside after a name ("Michele
 * Bullock, the governor, said") or inside a quotation ('"The minister is handing out money"').
 */
export function rolesDescribed(text: string): RoleDescription[] {
  const words = writtenWordsAt(text);
  return words.flatMap((word, at) => {
    if (fold(word.text) !== 'the' || insideQuotation(text, word.start)) return [];
    const previous = words[at - 1];
    const between = previous ? text.slice(previous.end, word.start) : '';
    const aside = previous !== undefined && /^,\s*$/u.test(between) && isNameWord(previous.text, false);
    for (let r = at + 1; r <= at + 1 + MODIFIERS && r < words.length; r++) {
      const role = fold(words[r]?.text ?? '');
      if (STOPWORDS.has(role)) return [];
      if (!isRoleNoun(role)) continue;
      const next = words[r + 1]?.text ?? '';
      const acts = at === 0 || (/[,"”]/u.test(between) && !aside && isReportingVerb(next));
      return acts && fold(next) !== 'of' && !isNameWord(next, false) ? [{ role, modifiers: words.slice(at + 1, r).map((w) => bare(w.text)) }] : [];
    }
    return [];
  });
}

/** The name a role written with "the" stands for before the sentence (see the module's doc), as written; none when it may be anyone else. */
export function bearerBefore(article: Article, sentence: Sentence, description: RoleDescription, cache: SentenceCache): string[] {
  return introductionBefore(article, sentence, description, cache)?.name ?? [];
}

/**
 * The sentence introducing whom a role the sentence names alone stands for ("Finance Minister
 * Kiichi Miyazawa met..." for "The minister said..."): what a reader needs beside the quote.
 */
export function bearerIntroduction(article: Article, sentence: Sentence, cache: SentenceCache): Sentence | undefined {
  for (const description of rolesDescribed(sentence.text)) {
    const introduction = introductionBefore(article, sentence, description, cache);
    if (introduction) return cache.inParagraphs(article, [introduction.paragraph]).find((s) => s.start <= introduction.at && introduction.at < s.start + s.text.length);
  }
  return undefined;
}

function introductionBefore(article: Article, sentence: Sentence, description: RoleDescription, cache: SentenceCache): RoleMention | undefined {
  const before = cache.roleMentions(article, description.role, () => mentionsOf(article, description.role)).filter((m) => m.paragraph < sentence.paragraph || (m.paragraph === sentence.paragraph && m.at < sentence.start));
  const introductions = before.filter((m) => m.name.length > 0);
  const surnames = new Set(introductions.map((m) => bare(m.name.at(-1) ?? '')));
  const introduction = introductions.at(-1);
  if (surnames.size !== 1 || !introduction || !fits(description, introduction)) return undefined;
  // A bearer written otherwise ("Cristiano Amon, Qualcomm's chief executive,") is someone the title's words set apart.
  const introduced = introduction.title.map(bare);
  const another = before.some((m) => m.name.length === 0 && m.title.some((word) => /^\p{Lu}|['’]s$/u.test(word) && !introduced.includes(bare(word)) && placeNameWords(bare(word)).length === 0));
  return another || speaksOther(cache.previous(article, sentence)?.text ?? '', introduction.name) ? undefined : introduction;
}

/** Whether someone not named `name` speaks in a text ("Boston's Joe Mazzulla said..."): the role after it may as well be theirs. */
function speaksOther(text: string, name: readonly string[]): boolean {
  const own = new Set(name.map(bare));
  const words = writtenWords(text);
  // A plural opening the sentence ("Officials expected...") is no name, though WordNet knows only its singular.
  const named = (word: string, at: number) => isNameWord(word, at === 0) && !(at === 0 && isCommonWord(bare(word).replace(/s$/u, '')));
  return words.some((word, at) => named(word, at) && isReportingVerb(words[at + 1] ?? '') && !own.has(bare(word)));
}

/**
 * Whether a role's words fit the title it was introduced with: each word that is no country's
 * ("former", "prime", "Qualcomm") stands in the title, a country's matches the title's own if it
 * gives one and no other side of the bearer if it does not, and a word the title makes one role
 * with ("Vice President", "Prime Minister", as WordNet knows them, unless a kind of the role:
 * "Foreign Minister" is a minister) is written too, as is a rank below the role ("Deputy
 * Governor" is no governor).
 */
function fits(description: RoleDescription, introduction: RoleMention): boolean {
  const title = introduction.title.map(bare);
  const titleCountries = title.filter((word) => placeNameWords(word).length > 0);
  // "Hamas official Osama Hamdan", "French Trade Minister...": a title naming the bearer's side otherwise than by a country WordNet knows is another's "Israeli official".
  const sided = introduction.title.some((word) => /^\p{Lu}/u.test(word) && placeNameWords(bare(word)).length === 0 && !isCommonWord(bare(word)));
  const fitting = description.modifiers.every((word) => {
    const country = placeNameWords(word);
    if (country.length === 0) return title.includes(word);
    if (titleCountries.length === 0) return !sided;
    return titleCountries.some((other) => other === word || placeNameWords(other).some((p) => country.includes(p)));
  });
  const compound = title.at(-1);
  const titled = `${compound}_${description.role}`;
  const oneRole = compound !== undefined && isRoleNoun(titled) && !isKindOf(titled, description.role);
  const ranked = title.filter((word) => RANKS.has(word)).every((word) => description.modifiers.includes(word));
  return fitting && ranked && (!oneRole || description.modifiers.includes(compound));
}

/** Every place a story writes the role noun, in order. */
function mentionsOf(article: Article, role: string): RoleMention[] {
  const written = new RegExp(`(?<![\\p{L}\\p{N}])${role}(?![\\p{L}\\p{N}])`, 'giu');
  return article.paragraphs.flatMap((text, paragraph) =>
    [...text.matchAll(written)].map((match) => {
      const end = match.index + role.length;
      // The name follows the role in the same clause: "close to the minister. Modi, who..." introduces no one.
      const after = /^[^\S\n]+\p{Lu}/u.test(text.slice(end)) ? writtenWords(text.slice(match.index, end + NAME_REACH)) : [];
      const lead = text.slice(Math.max(0, match.index - TITLE_REACH - NAME_REACH), match.index);
      const aside = ASIDE_NAME.exec(lead);
      const asideName = aside ? writtenWords(aside[1] ?? '') : [];
      const named = isNameWord(after[1] ?? '', false) ? after.slice(1, namePhraseEnd(after, 1, (word) => isNameWord(word, false))) : asideName.every((word) => isNameWord(word, false)) ? asideName : [];
      // The title's words run back from the role to a stopword or a mark ("Cristiano Amon, Qualcomm's chief").
      const words = writtenWords(lead.slice(-TITLE_REACH).split(/[,.;:!?"“”()]/u).at(-1) ?? '');
      const start = words.findLastIndex((word) => STOPWORDS.has(fold(word))) + 1;
      return { paragraph, at: match.index, title: words.slice(Math.max(start, words.length - MODIFIERS)), name: named };
    }),
  );
}
