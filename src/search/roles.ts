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
import { bareName } from './answer-kind.ts';
import { isNameWord, namePhraseEnd, writtenWords, writtenWordsAt, type WrittenWord } from './names.ts';
import { placeNameWords } from './place-names.ts';
import type { Sentence, SentenceCache } from './sentence-ranking.ts';
import { insideQuotation, isReportingVerb } from './speakers.ts';
import { STOPWORDS } from './stopwords.ts';
import { isCommonWord, isKindOf, isRoleNoun } from './wordnet.ts';

/** A role written with "the": its role noun, the words between, folded ("the Turkish president": president; turkish), and where the role noun ends in its text. */
export interface RoleDescription {
  role: string;
  modifiers: string[];
  end: number;
}

/** Where a story writes a role noun: the words of its title before it, and the name it is given, after it or as an aside before ("Michele Bullock, the governor,"). */
interface RoleMention {
  paragraph: number;
  at: number;
  title: string[];
  name: string[];
}

/** What a story has told of a role up to each of its mentions, so that any later sentence reads it at once. */
interface RoleState {
  /** How many people it introduced with the role, two standing for more. */
  people: number;
  /** The last introduction. */
  introduction: RoleMention | undefined;
  /** The words of other sides given to the role without a name ("Qualcomm's chief executive"), folded. */
  sides: ReadonlySet<string>;
  /** The surname of the first introduction, folded. */
  surname: string | undefined;
}

/** The state before the story writes the role. */
const NO_ONE: RoleState = { people: 0, introduction: undefined, sides: new Set(), surname: undefined };

/** A story's mentions of one role, in order, each with the story's state after it, as far as it has been read. */
export interface RoleReading {
  mentions: RoleMention[];
  states: RoleState[];
  /** How many paragraphs, from the first, have been read. */
  read: number;
}

/** A reading of no paragraph yet. */
export function unreadRole(): RoleReading {
  return { mentions: [], states: [], read: 0 };
}

/** Words a role written with "the" may hold before its role noun ("the Turkish foreign minister"). */
const MODIFIERS = 3;
/** Words of a title that make its bearer other than the role ("Deputy Governor", "Former President"), folded. */
const TITLE_QUALIFIERS: ReadonlySet<string> = new Set(['deputy', 'vice', 'assistant', 'associate', 'acting', 'junior', 'under', 'former', 'ex']);
/** Most words of a name given as an aside before a role ("Michele Bullock, the governor,"). */
const ASIDE_NAME_WORDS = 4;
/** "The" where a role it names may act: opening the text, or after a comma or a quotation mark ('"...," the minister said'); most stand after a plain word, and are passed over unread. */
const ACTING_THE = /(?:^[^\p{L}\p{N}]*|[,"”][^\S\n]*)the(?=[^\S\n]+[\p{L}\p{N}])/giu;
/** A word after spaces, read from where the last one ended. */
const NEXT_WORD = /[^\S\n]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/uy;
/** The last word before a place and the marks between. */
const WORD_BEFORE = /([\p{L}\p{N}][\p{L}\p{N}'’.-]*)([^\p{L}\p{N}]*)$/u;

/** A word of plain letters, which a paragraph writes as it is folded, but for its capitals. */
const ASCII_WORD = /^[a-z'-]+$/u;

/**
 * The roles a text names alone as the one who acts or speaks: "the" and up to three words before
 * a role noun, opening the text, or after a comma or a quotation and before a reporting verb ("The
 * minister said...", '"...," the Turkish president said'); not with a name or "of" after it, which
 * introduces someone ("the envoy Steve Witkoff", "the head of the bureau"), nor as an object ("met
 * the pope", "people close to the minister said"), an aside after a name ("Michele Bullock, the
 * governor, said") or inside a quotation ('"The minister is handing out money"').
 */
export function rolesDescribed(text: string): RoleDescription[] {
  const found: RoleDescription[] = [];
  for (const match of text.matchAll(ACTING_THE)) {
    const opening = match.index === 0;
    const at = match.index + match[0].length - 'the'.length;
    const words = wordsFrom(text, match.index + match[0].length, MODIFIERS + 2);
    // A word with a digit is never a role noun, and asking WordNet of each number would churn its cache.
    const r = words.findIndex((word) => STOPWORDS.has(fold(word.text)) || (!/\p{N}/u.test(word.text) && isRoleNoun(fold(word.text))));
    const role = words[r];
    if (role === undefined || r > MODIFIERS || STOPWORDS.has(fold(role.text))) continue;
    const next = words[r + 1]?.text ?? '';
    const [, previous = '', between = ''] = WORD_BEFORE.exec(text.slice(Math.max(0, at - 60), at)) ?? [];
    const aside = /^,\s*$/u.test(between) && isNameWord(previous, false);
    const acts = opening || (!aside && isReportingVerb(next));
    if (!acts || fold(next) === 'of' || isNameWord(next, false) || insideQuotation(text, at)) continue;
    found.push({ role: fold(role.text), modifiers: words.slice(0, r).map((word) => bareName(word.text)), end: role.end });
  }
  return found;
}

const described = new WeakMap<Sentence, readonly RoleDescription[]>();

/**
 * The roles a sentence names alone (see `rolesDescribed`), kept for a sentence naming some:
 * ranking, the speaker and the context all ask. A sentence naming none is read again, as one
 * regular expression passes it, rather than remembered: most sentences name none.
 */
export function rolesNamedIn(sentence: Sentence): readonly RoleDescription[] {
  const kept = described.get(sentence);
  if (kept) return kept;
  const roles = rolesDescribed(sentence.text);
  if (roles.length > 0) described.set(sentence, roles);
  return roles;
}

/** Up to `count` words from `from` on, as long as only spaces stand between them. */
function wordsFrom(text: string, from: number, count: number): { text: string; end: number }[] {
  const words: { text: string; end: number }[] = [];
  NEXT_WORD.lastIndex = from;
  for (let match = NEXT_WORD.exec(text); match && words.length < count; match = NEXT_WORD.exec(text)) words.push({ text: match[1] ?? '', end: NEXT_WORD.lastIndex });
  return words;
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
  for (const description of rolesNamedIn(sentence)) {
    const introduction = introductionBefore(article, sentence, description, cache);
    if (introduction) return cache.inParagraphs(article, [introduction.paragraph]).find((s) => s.start <= introduction.at && introduction.at < s.start + s.text.length);
  }
  return undefined;
}

/** The mention that introduced whom the role stands for at the sentence, where the story before it makes that one person and nobody else (see the module's doc). */
function introductionBefore(article: Article, sentence: Sentence, description: RoleDescription, cache: SentenceCache): RoleMention | undefined {
  const { mentions, states } = readRole(cache.roleReading(article, description.role), article, description.role, sentence.paragraph);
  const state = states[mentionsBefore(mentions, sentence) - 1];
  const introduction = state?.introduction;
  if (!state || state.people !== 1 || !introduction || !fits(description, introduction)) return undefined;
  const introduced = new Set(introduction.title.map(bareName));
  if ([...state.sides].some((side) => !introduced.has(side))) return undefined;
  return speaksOther(cache.previous(article, sentence)?.text ?? '', introduction.name) ? undefined : introduction;
}

/** How many of the mentions stand before the sentence (they are in the story's order). */
function mentionsBefore(mentions: readonly RoleMention[], sentence: Sentence): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const mention = mentions[middle];
    if (mention && (mention.paragraph < sentence.paragraph || (mention.paragraph === sentence.paragraph && mention.at < sentence.start))) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether someone not named `name` speaks in a text ("Boston's Joe Mazzulla said..."): the role after it may as well be theirs. */
function speaksOther(text: string, name: readonly string[]): boolean {
  const own = new Set(name.map(bareName));
  const words = writtenWords(text);
  // A plural opening the sentence ("Officials expected...") is no name, though WordNet knows only its singular.
  const named = (word: string, at: number) => isNameWord(word, at === 0) && !(at === 0 && isCommonWord(bareName(word).replace(/s$/u, '')));
  return words.some((word, at) => named(word, at) && isReportingVerb(words[at + 1] ?? '') && !own.has(bareName(word)));
}

/**
 * Whether a role's words fit the title it was introduced with: each word that is no country's
 * ("former", "prime", "Qualcomm") stands in the title, a country's matches the title's own if it
 * gives one and no other side of the bearer if it does not, a word the title makes one role with
 * ("Vice President", "Prime Minister", as WordNet knows them, unless a kind of the role: "Foreign
 * Minister" is a minister) is written too, and so is a qualifier ("Deputy Governor" is no governor).
 */
function fits(description: RoleDescription, introduction: RoleMention): boolean {
  const title = introduction.title.map(bareName);
  const titleCountries = title.filter((word) => placeNameWords(word).length > 0);
  // "Hamas official Osama Hamdan", "French Trade Minister...": a title naming the bearer's side otherwise than by a country WordNet knows is another's "Israeli official".
  const sided = introduction.title.some((word) => /^\p{Lu}/u.test(word) && placeNameWords(bareName(word)).length === 0 && !isCommonWord(bareName(word)));
  const fitting = description.modifiers.every((word) => {
    const country = placeNameWords(word);
    if (country.length === 0) return title.includes(word);
    if (titleCountries.length === 0) return !sided;
    return titleCountries.some((other) => other === word || placeNameWords(other).some((p) => country.includes(p)));
  });
  const qualified = title.filter((word) => TITLE_QUALIFIERS.has(word)).every((word) => description.modifiers.includes(word));
  const compound = title.at(-1);
  const compoundRole = `${compound}_${description.role}`;
  const oneRole = compound !== undefined && isRoleNoun(compoundRole) && !isKindOf(compoundRole, description.role);
  return fitting && qualified && (!oneRole || description.modifiers.includes(compound));
}

/** The reading extended with the role's mentions through paragraph `through`: a sentence needs only the story before it. */
function readRole(reading: RoleReading, article: Article, role: string, through: number): RoleReading {
  // Taken once: a stored body's paragraphs are a getter that looks the article up among those decoded.
  const paragraphs = article.paragraphs;
  for (; reading.read <= through && reading.read < paragraphs.length; reading.read += 1) {
    // A paragraph is read whole before it is kept, so a failure part way leaves no mention twice.
    const mentions = mentionsIn(paragraphs[reading.read] ?? '', reading.read, role);
    let state = reading.states.at(-1) ?? NO_ONE;
    const states = mentions.map((mention) => (state = stateAfter(state, mention)));
    // One by one: a paragraph of thousands of mentions spread into `push` would overflow the stack.
    for (const mention of mentions) reading.mentions.push(mention);
    for (const after of states) reading.states.push(after);
  }
  return reading;
}

/** What the story has told of the role once it writes this mention. */
function stateAfter(before: RoleState, mention: RoleMention): RoleState {
  if (mention.name.length > 0) {
    const named = bareName(mention.name.at(-1) ?? '');
    const people = before.people < 2 && (before.surname === undefined || named === before.surname) ? 1 : 2;
    return { ...before, people, surname: before.surname ?? named, introduction: mention };
  }
  const other = mention.title.filter((word) => /^\p{Lu}|['’]s$/u.test(word) && placeNameWords(bareName(word)).length === 0).map(bareName);
  return other.some((word) => !before.sides.has(word)) ? { ...before, sides: new Set([...before.sides, ...other]) } : before;
}

const writtenAloneCache = new Map<string, RegExp>();

/**
 * A plain role noun written as a word of its own, in any case, in text of plain letters: most
 * paragraphs writing its letters write them in another word ("ministers", "presidential"). The
 * role is put in the pattern as it is, which `ASCII_WORD` makes safe.
 */
function writtenAlone(role: string): RegExp {
  let pattern = writtenAloneCache.get(role);
  if (!pattern) writtenAloneCache.set(role, (pattern = new RegExp(`(?<![A-Za-z0-9])${role}(?![A-Za-z0-9'’-])`, 'i')));
  return pattern;
}

/** A letter, mark or digit outside ASCII: a word holding one may fold to a plain role ("Président") or part words otherwise. */
const NON_ASCII_WORD_CHARACTER = /(?![\x00-\x7f])[\p{L}\p{M}\p{N}]/u;

/** The paragraph's mentions of the role noun, with the title before each and the name given it. */
function mentionsIn(text: string, paragraph: number, role: string): RoleMention[] {
  // Most paragraphs never write a plain role as a word. Where other letters may fold to it, only the role's letters anywhere are required.
  if (ASCII_WORD.test(role) && (NON_ASCII_WORD_CHARACTER.test(text) ? !text.toLowerCase().includes(role) : !writtenAlone(role).test(text))) return [];
  const words = writtenWordsAt(text);
  const texts = words.map((word) => word.text);
  // Words stand together when only spaces part them: "close to the minister. Modi, who..." introduces no one.
  const together = (a: WrittenWord | undefined, b: WrittenWord | undefined) => a !== undefined && b !== undefined && /^[^\S\n]+$/u.test(text.slice(a.end, b.start));
  const initial = role.charCodeAt(0);
  return words.flatMap((word, at) => {
    // A word opening with a plain character folds to one opening with its lowercase: only a word that may be the role is folded whole.
    const first = word.text.charCodeAt(0) | 0x20;
    if ((first < 0x80 && first !== initial) || fold(word.text) !== role) return [];
    let end = at + 1;
    if (together(word, words[at + 1]) && isNameWord(texts[at + 1] ?? '', false)) {
      const phraseEnd = namePhraseEnd(texts, at + 1, (w) => isNameWord(w, false));
      while (end < phraseEnd && (end === at + 1 || together(words[end - 1], words[end]))) end += 1;
    }
    let start = at;
    while (start > 0 && at - start < MODIFIERS && together(words[start - 1], words[start]) && !STOPWORDS.has(fold(texts[start - 1] ?? ''))) start -= 1;
    return [{ paragraph, at: word.start, title: texts.slice(start, at), name: end > at + 1 ? texts.slice(at + 1, end) : asideName(text, words, start) }];
  });
}

/** The name a role is an aside about: "Michele Bullock" in "Michele Bullock, the governor,", the title's first word at `first`. */
function asideName(text: string, words: readonly WrittenWord[], first: number): string[] {
  const the = words[first - 1];
  const named = words[first - 2];
  if (!the || !named || fold(the.text) !== 'the' || !/^,[^\S\n]+$/u.test(text.slice(named.end, the.start))) return [];
  let start = first - 2;
  while (start > 0 && first - 2 - start < ASIDE_NAME_WORDS - 1 && isNameWord(words[start - 1]?.text ?? '', false) && /^[^\S\n]+$/u.test(text.slice(words[start - 1]?.end ?? 0, words[start]?.start ?? 0))) start -= 1;
  const name = words.slice(start, first - 1).map((word) => word.text);
  return name.every((word) => isNameWord(word, false)) ? name : [];
}
