/**
 * Names in a question typed in lowercase, capitalised as the reader would have written them with
 * capitals to hand (and as much in one shouted in capitals or Typed In Title Case, where capitals
 * mark every word). Chat users often type "did iran send a delegation to the istanbul talks", and
 * several checks read names from capitals: the question's subject the coverage never mentions, a
 * long name a sentence must hold whole, the speaker whose words are asked for. Without capitals
 * they saw no name, and the question was answered as if it named none.
 *
 * A word is a name by what the lexicons say, since no casing of the corpus is kept:
 * - a word WordNet knows only as a name in its first senses ("iran", "hamas", "israelis"), an
 *   acronym in capitals ("OPEC", "IDF"), but a company's "Inc" or "Co" as readers write them;
 * - a place compromise's lexicon knows, though WordNet knows a common sense first ("turkey");
 * - a word neither WordNet nor compromise's lexicon knows, in any of its forms, that compromise
 *   reads as a noun ("witkoff", "houthis"): news names people and groups no dictionary lists. A
 *   new common noun ("ceasefire") is taken for a name too; read as a name, a word the coverage
 *   holds only narrows the stories to those that write it. An unknown word read as another part of
 *   speech by its ending ("deadliest", "rebranded") is none.
 * A company's name runs to its suffix ("Jefferies Group Inc"). Stopwords, pronouns ("us"), name
 * particles ("al-hayya" → "al-Hayya") and irregular forms of common words ("children", "led")
 * stay in lowercase, and so does a contraction ("didn't").
 */
import { INDEFINITE_PRONOUNS, isPlaceWord, lexiconTags, NAME_PARTICLES, POSSESSIVE } from './answer-kind.ts';
import { STOPWORDS } from './stopwords.ts';
import { baseForm } from './word-forms.ts';
import { firstSenseWords, isVerbLemma, nameReading, type NameReading } from './wordnet.ts';

/** How WordNet reads a word it knows. */
type KnownReading = Extract<NameReading, { known: true }>;

/** A word, with an apostrophe, hyphens or combining accents inside it ("netanyahu's", "iran-backed", "mu\u0308ller"), not the ending of a number ("19th"). */
const WORD = /(?<![\p{L}\p{M}\p{N}'’])\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

/** A word of the question: where it stands, as typed (lowered) and as read. */
interface Word {
  at: number;
  typed: string;
  read: string;
}

/** Most common words a company's name holds between its name and its suffix ("Mitsubishi Heavy Industries Ltd"). */
const COMPANY_WORDS = 2;

/** Words after which a pronoun cannot stand as an object, so that "us" there is the country ("what did us envoy Witkoff say", "the us"). */
const NO_OBJECT_BEFORE: ReadonlySet<string> = new Set(['the', 'a', 'did', 'does', 'do', 'will', 'would', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'can', 'could', 'should']);

/** compromise's tags of the parts of speech that a name is not. */
const NOT_NOUN_TAGS = ['Adjective', 'Verb', 'Adverb', 'Pronoun', 'Preposition', 'Determiner', 'Conjunction', 'Value'];

/**
 * The question with its names capitalised where its capitals say nothing of names: typed in
 * lowercase (a phone may capitalise the first letter; abbreviations may stand in capitals:
 * "what did carl icahn offer TWA"), shouted in capitals throughout, or Typed In
 * Title Case (its words in capitals throughout, acronyms aside, are read in lowercase first). A
 * question that writes some words in lowercase and others capitalised is the reader's own.
 */
export function truecased(text: string): string {
  const lowered = withoutUninformativeCapitals(text);
  if (lowered === null) return text;
  const words: Word[] = [...lowered.matchAll(WORD)].map((match) => ({ at: match.index ?? 0, typed: match[0], read: match[0] }));
  for (const word of words) word.read = word.at === 0 ? `${text.charAt(0)}${word.typed.slice(1)}` : hyphenatedCased(word.typed);
  // A surname ends a name, and a first name starts one: "eli lilly pay" is no three names.
  const surnames = new Set<Word>();
  words.forEach((word, n) => {
    if (word.at === 0) return;
    if (isFirstName(word, words[n + 1])) word.read = capitalised(word.typed);
    const first = words[n - 1];
    const startsName = first !== undefined && !surnames.has(first) && (n < 2 || words[n - 2]?.read === words[n - 2]?.typed || words[n - 2]?.at === 0);
    if (first !== undefined && startsName && isSurname(word, first)) {
      surnames.add(word);
      word.read = capitalised(word.typed);
      if (first.at > 0) first.read = capitalised(first.typed);
    }
    if (isCountryPronoun(word, words[n - 1])) word.read = upper(word.typed);
    for (const part of companyNameBefore(words, n)) part.read = capitalised(part.typed);
  });
  let read = '';
  let from = 0;
  for (const word of words) {
    read += `${lowered.slice(from, word.at)}${word.read}`;
    from = word.at + word.typed.length;
  }
  return read + lowered.slice(from);
}

/** Whether a word left in lowercase is a first name before a name: WordNet knows "benjamin" as the hundred-dollar bill, but one that is also a verb may be the verb ("sue Arduino"). */
function isFirstName(word: Word, next: Word | undefined): boolean {
  const beforeName = next !== undefined && next.read !== next.typed;
  return beforeName && word.read === word.typed && lexiconTags(word.typed).has('FirstName') && firstSenseWords(word.typed, 'verb').length === 0;
}

/**
 * Whether a word left in lowercase is a surname after a first name ("margaret thatcher", "james
 * baker"): a noun or a word WordNet does not know, after a word compromise reads as a first name
 * and WordNet not as a verb ("sue", "mark"); or a word WordNet does not know after a name ("boone
 * pickens").
 */
function isSurname(word: Word, before: Word): boolean {
  const bare = word.typed.replace(POSSESSIVE, '');
  if (word.read !== word.typed || STOPWORDS.has(bare) || !/^\p{Ll}+$/u.test(bare) || POSSESSIVE.test(before.typed)) return false;
  const known = nameReading(bare).known;
  const firstName = lexiconTags(before.typed.toLowerCase()).has('FirstName') && !isVerbLemma(before.typed.toLowerCase());
  return (firstName && (!known || firstSenseWords(bare, 'noun').length > 0)) || (before.read !== before.typed && !known);
}

/** Whether a word left in lowercase is a pronoun WordNet abbreviates a country's name by ("us"), where no object can stand ("what did us envoy Witkoff say", "the us"). */
function isCountryPronoun(word: Word, before: Word | undefined): boolean {
  if (before === undefined || !NO_OBJECT_BEFORE.has(before.typed) || word.read !== word.typed || STOPWORDS.has(word.typed) || !lexiconTags(word.typed).has('Pronoun')) return false;
  const reading = nameReading(word.typed);
  return reading.known && reading.name === word.typed.toUpperCase();
}

/**
 * The words of a company's name that run to its suffix at `n` ("inc", "corp", "ltd"): the suffix
 * and up to two common words before it, after a name ("jefferies group inc", "mitsubishi heavy
 * industries ltd"); none where no name comes before.
 */
function companyNameBefore(words: readonly Word[], n: number): Word[] {
  const suffix = words[n];
  if (suffix === undefined || !isCompanySuffix(suffix.typed)) return [];
  const common = (w: Word | undefined) => w !== undefined && w.read === w.typed && !STOPWORDS.has(w.typed);
  let first = n;
  while (n - first < COMPANY_WORDS && common(words[first - 1])) first -= 1;
  const named = words[first - 1];
  return named !== undefined && named.at > 0 && named.read !== named.typed ? words.slice(first, n + 1) : [];
}

/** A word as a name is written, a hyphenated one whole when WordNet knows it, hyphenated or closed up ("co-op", "re-election", "Guinea-Bissau"), else part by part ("iran-backed" → "Iran-backed"). */
function hyphenatedCased(written: string): string {
  if (!written.includes('-')) return nameCased(written);
  const whole = [written, written.replaceAll('-', '')].map((form) => nameReading(form.toLowerCase())).find((reading): reading is KnownReading => reading.known);
  if (whole === undefined) return written.split('-').map(nameCased).join('-');
  return whole.name !== null ? written.split('-').map((part) => (NAME_PARTICLES.has(part) ? part : capitalised(part))).join('-') : written;
}

/** The text in lowercase where its capitals say nothing of names (see `truecased`), an acronym of Title Case aside; null where they may. */
function withoutUninformativeCapitals(text: string): string | null {
  // Typed in lowercase but for abbreviations ("what did carl icahn offer TWA?"): the capitals say nothing of the other names.
  if ((text.slice(1).match(/\p{Lu}[\p{L}'’]*/gu) ?? []).every((word) => /^\p{Lu}{2,6}(?:['’]?s)?$/u.test(word))) return text;
  if (!/\p{Ll}/u.test(text)) return lower(text);
  if (/\s\p{Ll}/u.test(text)) return null;
  return text.replace(WORD, (word) => (/\p{Ll}/u.test(word) || word.length === 1 ? lower(word) : word));
}

/** A word with its first letter in capitals. */
function capitalised(word: string): string {
  return `${upper(word.charAt(0))}${word.slice(1)}`;
}

/**
 * Text in capitals, or in lowercase, letter by letter, a letter whose other case is longer kept
 * as it is ("ß" is no "SS", "İ" no "i̇"): the question's length and offsets stay those typed.
 */
function upper(text: string): string {
  return [...text].map((letter) => sameLength(letter, letter.toUpperCase())).join('');
}

/** See `upper`. */
function lower(text: string): string {
  return [...text].map((letter) => sameLength(letter, letter.toLowerCase())).join('');
}

/** The letter in its other case, unless that case is longer. */
function sameLength(letter: string, cased: string): string {
  return cased.length === letter.length ? cased : letter;
}

/** One lowercase word (with its possessive ending, if any) as a name is written, or the word unchanged when it names nothing. */
function nameCased(written: string): string {
  const [, word = '', ending = ''] = /^(.*?)((?:['’]s?)?)$/u.exec(written) ?? [];
  if (word.length < 2 || /['’]|\p{Lu}/u.test(word) || STOPWORDS.has(word) || NAME_PARTICLES.has(word) || baseForm(word) !== word) return written;
  const tags = lexiconTags(word);
  // A pronoun names nobody, whatever WordNet abbreviates ("us", the United States), nor does one the lexicon reads as a noun ("everyone").
  if (tags.has('Pronoun') || INDEFINITE_PRONOUNS.has(word)) return written;
  const reading = nameReading(word);
  if (isAcronym(word, reading, tags)) return `${upper(word)}${ending}`;
  if (reading.known) return reading.name !== null || isPlaceWord(word) ? capitalised(written) : written;
  return tags.has('ProperNoun') || !NOT_NOUN_TAGS.some((tag) => tags.has(tag)) ? capitalised(written) : written;
}

/**
 * Whether a word is an acronym, written in capitals ("opec" → "OPEC", "idf", "ibm"): WordNet writes
 * it so, or compromise's lexicon knows it as one; not an abbreviation ending a company's name,
 * which readers write "Inc", "Co" or "Ltd" (WordNet's "INC" is another thing).
 */
function isAcronym(word: string, reading: NameReading, tags: ReadonlySet<string>): boolean {
  if (tags.has('Abbreviation')) return false;
  return reading.known ? reading.name !== null && reading.name === word.toUpperCase() : tags.has('Acronym');
}

/** Whether compromise's lexicon knows a word as an abbreviation that ends a company's name ("inc", "corp", "ltd", "co"). */
function isCompanySuffix(word: string): boolean {
  return /^\p{L}+$/u.test(word) && lexiconTags(word).has('Abbreviation');
}

