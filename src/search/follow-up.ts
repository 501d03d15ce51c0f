/**
 * Follow-up questions. Members ask as in a conversation: "Where did they meet before?" right after
 * "When will Witkoff meet Hayya?" asks about Witkoff and Hayya, and alone it names no one to look
 * for. A pronoun the question itself does not name anyone for is read through the names of the
 * member's newest earlier question naming anyone of its kind, when they say plainly whom it means;
 * the reply then shows the question as read, so a wrong reading is plain to see and easy to
 * correct by asking with the names. A pronoun they do not settle is left as written.
 */
import { bareName, isPlaceWord, isPluralNoun, knownOnlyAsName, lexiconTags, NAME_PARTICLES, POSSESSIVE } from './answer-kind.ts';
import { COMPANY_SUFFIXES, isNameWord, NAME_SUFFIXES, PARTICLE_NAME, writtenWordsAt, type WrittenAs, type WrittenWord } from './names.ts';
import { ARTICLES, STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isCommonWord, isRoleNoun, isVerbLemma, namedKindOf, nameReading } from './wordnet.ts';

/** Third-person pronouns, by whom they may stand for: several (or a group), one person, one thing. */
const PRONOUNS = {
  plural: new Set(['they', 'them', 'their', 'theirs']),
  person: new Set(['he', 'him', 'his', 'she', 'her', 'hers']),
  thing: new Set(['it', 'its']),
} as const;

type PronounKind = keyof typeof PRONOUNS;

/** Pronouns of what their referent owns ("their sons", "his son"; "her" may be one too, see `ownsNext`). */
const POSSESSIVES = new Set(['their', 'theirs', 'his', 'hers', 'its']);

/** Pronouns of a woman; the other pronouns of a person are a man's. */
const FEMALE = new Set(['she', 'her', 'hers']);

/** Object pronouns, which may stand after a name of the question for someone else: "What did Trump tell him?". */
const OBJECTS = new Set(['him', 'them', 'her']);

/** Words before a name that make it where something happens ("talks in Doha", "in Sharm el-Sheikh"), not who acts. */
const LOCATIVES = new Set(['in', 'at', 'near', 'into', 'across', 'around', 'outside', 'inside', 'within', 'toward', 'towards', 'via', 'through', 'off', 'from']);
/** Words before a known place that make it where someone goes ("traveling to Turkey"); before a person's name, "to" is whom something is said to. */
const DESTINATIONS = new Set(['to', 'for']);

/** Words that make a name an organisation's ("Toshiba Corp", "Center for Auto Safety"), which "he" does not stand for. */
const ORGANISATION_WORDS = new Set([
  ...COMPANY_SUFFIXES,
  'group', 'bank', 'agency', 'ministry', 'committee', 'council', 'commission', 'company', 'association',
  'party', 'union', 'organization', 'organisation', 'fund', 'center', 'centre', 'institute', 'university', 'court', 'government', 'department', 'board', 'exchange',
  'authority', 'army', 'navy', 'police', 'network', 'news', 'times', 'post', 'league', 'federation', 'movement', 'front', 'brigades', 'forces', 'guild', 'office', 'minutes',
]);

/** Prepositions that are no stopwords and that compromise's lexicon may read as adjectives ("under SEC investigation", "near Gaza"). */
const PREPOSITIONS = new Set(['under', 'near', 'beneath', 'beside', 'behind', 'beyond', 'across', 'along', 'amid', 'toward', 'towards', 'versus', 'via', 'despite', 'inside', 'outside', 'past', 'around', 'upon', 'onto', 'throughout', 'within']);

/** Words that end a place's name ("Gaza City", "Gaza Strip", "Hubei Province"). */
const PLACE_NOUNS = new Set(['city', 'province', 'state', 'county', 'strip', 'island', 'islands', 'region', 'republic', 'kingdom', 'valley', 'district', 'governorate']);

/** Lowercase words that may stand inside a name between its capitalised words ("Bank of Japan", "Center for Auto Safety"). */
const INNER_NAME_WORDS = new Set(['of', 'for', 'on', 'the']);

/** Auxiliaries before "the" that make the name after it a subject ("did the IMF run..."), not a qualifier ("the UN vote"). */
const AUXILIARIES = new Set(['did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'has', 'have', 'had', 'is', 'are', 'was', 'were']);

/** Words joining names: "Witkoff and Hayya" are two, "in Gaza and Doha" two places. */
const CONJUNCTIONS = new Set(['and', 'or']);

/** Words that ask for a person ("Who said...?"). */
const ASKING_WHO = new Set(['who', 'whom', 'whose']);
/** Words that ask for a person of a kind when a noun of persons follows ("Which Tandem executive said...?"). */
const ASKING_WHICH = new Set(['which', 'what']);
/** Words from "which" to the noun of persons it asks for, at most ("Which Salomon Brothers economist" is four). */
const WHICH_REACH = 4;

/** Pronouns that are the subject of their clause: "Who said he would resign?" asks about him. */
const SUBJECTS = new Set(['he', 'she', 'they']);

/** What follows an "it" pointing at nothing: "Is it true that...", "Is it difficult to...", "is it true they destroyed...". */
const DUMMY_IT_AFTER =
  /^\s+(?:(?:(?:is|was|will|would|be|seems?|seemed)\s+)?(?:\p{L}+\s+)?(?:to|that)\b|(?:\p{L}+\s+)?(?:true|possible|likely|unlikely|clear|right|fair|correct|wrong|difficult|easy|hard|necessary|safe|legal|illegal)\b)/iu;
/** "How long did it take?", "How much will it cost to...", "How did it happen?": an "it" of time, cost or an event, not a name. */
const DUMMY_IT_AROUND = {
  before: /\b(?:will|would|did|does|do|could|can|should)\s+$/iu,
  after: /^\s+(?:cost|costs|take|takes|took|happen|happens|happened|occur|occurs|occurred|start|started|begin|began|end|ended)\b/iu,
};
/** "...said it", "...meant it": what was said, not who. */
const SAID_IT = /\b(?:said|say|says|mean|means|meant)\s+$/iu;
/** "What do they call...", "they say": people at large; not after a past or future auxiliary ("What did they say?" asks what someone named said). */
const GENERIC_THEY_AFTER = /^\s+(?:call|say|says)\b/iu;
const SPECIFIC_THEY_BEFORE = /\b(?:did|didn't|had|hadn't|will|won't|would)\s+$/iu;

/**
 * Whom a name stands for: a person ("Hakan Fidan"), a group of persons or things ("Turkish
 * officials", "Thomas schoolbuses"), anything else that acts (a company, a movement), a country
 * that acts ("Egypt", "it" and not "they" alone), or a name of one word nothing says more of
 * ("Witkoff", "Mannesmann"), which the pronoun asked settles: "he" or "it".
 */
type Kind = 'person' | 'group' | 'other' | 'country' | 'unknown';

/** A name a question writes that a pronoun may stand for, as written there. */
interface Referent {
  written: string;
  kind: Kind;
  /** The person's sex as a first name tells it ("Nancy Tackett"), for "he" or "she"; null when it does not. */
  sex: 'male' | 'female' | null;
  /** Where the name starts among the question's words. */
  at: number;
  /** The whole name as written ("Hunter Biden"), where `written` is the surname a story names a person by once introduced ("Biden"). */
  fullName: string;
}

/** Whom a question speaks of: the names it writes, and whether it also speaks of persons it does not name. */
interface Mentions {
  referents: Referent[];
  /** Whether it speaks of a person it does not name ("the minister"), whom "he" or "they" may mean. */
  unnamedPerson: boolean;
  /** Whether it speaks of persons it does not name ("the envoys", "the feds"), whom "they" may mean. */
  unnamedGroup: boolean;
}

/** A third-person pronoun of a question: the word, where it stands, its kind, and which of the question's pronouns it is. */
interface Pronoun {
  word: WrittenWord;
  at: number;
  kind: PronounKind;
  ordinal: number;
  /** Whether it is an object ("tell him"), which may stand for someone other than a name before it. */
  object: boolean;
  /** The verb a contraction joined to it, written out ("is" for "he's", "have" for "they've"); null when none did. */
  joinedVerb: string | null;
}

/**
 * Verbs contracted onto a subject pronoun ("he's", "they're"), as a reading writes them out after
 * the name; "'s" and "'d" are "has" and "had" before a participle ("he's been", "she'd met"). "It's"
 * is left alone: it as often points at nothing ("it's unclear why...") or stands for "its".
 */
const CONTRACTED_VERBS: Readonly<Record<string, string>> = { s: 'is', re: 'are', ve: 'have', ll: 'will', d: 'would' };
const CONTRACTED_BEFORE_PARTICIPLE: Readonly<Record<string, string>> = { s: 'has', d: 'had' };
const CONTRACTION = /^(\p{L}+)['’](s|re|ve|ll|d)$/iu;
/** Participles that make "'s" "has" ("he's been", "he's met"): the common irregular ones, as an "-ed" form may be an adjective ("he's tired"). */
const PARTICIPLE = /^(?:been|gone|done|seen|met|said|told|made|had|got|taken|given|written|known|won|lost|held|sent|become)$/iu;

/** A question as follow-ups read it: its words, whom it speaks of, and the pronouns it does not settle itself. */
interface Reading {
  words: WrittenWord[];
  mentions: Mentions;
  pronouns: Pronoun[];
  unsettled: Pronoun[];
}

/** A question read as a follow-up: as the engine asks it, and as the member wrote it with the names put in. */
export interface FollowUp {
  asked: string;
  shown: string;
}

/**
 * The question as a follow-up to the member's `earlier` questions (newest first; all as the engine
 * reads them), shown on `written` (the question as the member wrote it, with the same pronouns):
 * each third-person pronoun it does not settle itself is replaced by the names it stands for in the
 * newest earlier question naming anyone of its kind ("they" by "Witkoff and Hayya", "his" by
 * "Witkoff's"), when that question settles whom; the first pronoun of each kind and sex only
 * ("What did they promise them?" means others by "them"). A name of one word nothing else says
 * more of is read as the coverage writes it (`coverage`, see `nameWrittenAs`). Null
 * when nothing is replaced.
 */
export function readAsFollowUp(text: string, earlier: readonly string[], written: string = text, coverage: CoverageNames = NO_COVERAGE): FollowUp | null {
  return followUpOf(text, readingOf(text), earlier, written, coverage);
}

/** The question, already read (`reading`), as a follow-up to `earlier` (see `readAsFollowUp`). */
function followUpOf(text: string, reading: Reading, earlier: readonly string[], written: string, coverage: CoverageNames): FollowUp | null {
  // Nothing to read through the earlier questions, whose names would be looked up in the coverage for nothing.
  if (reading.unsettled.length === 0) return null;
  const earlierReadings = earlier.map((question) => settled(readingOf(question), coverage));
  const names = new Set(reading.mentions.referents.map((referent) => referent.written.toLowerCase()));
  const done = new Set<string>();
  const taken = new Set<string>();
  const replaced = new Map<number, string>();
  for (const unsettled of reading.unsettled) {
    const { word, at, kind, ordinal } = unsettled;
    const pronoun = word.text.toLowerCase();
    const sex = sexOfPronoun(unsettled);
    if (done.has(`${kind} ${sex}`)) continue;
    done.add(`${kind} ${sex}`);
    const standsFor = standsForIn(earlierReadings, kind, sex, reading.mentions.referents.length > 0)?.filter((referent) => !taken.has(referent.written) && !names.has(referent.written.toLowerCase()));
    if (!standsFor?.length) continue;
    for (const referent of standsFor) taken.add(referent.written);
    const owns = POSSESSIVES.has(pronoun) || (pronoun === 'her' && ownsNext(reading.words[at + 1]));
    // The surname alone when no one else in the coverage goes by it: "President Biden" beside "Hunter Biden" asks for the whole name.
    // "bin Salman" is looked up by "Salman", whom "King Salman" is too.
    const named = standsFor.map(({ written, fullName }) => (written !== fullName && coverage.namesOthers(written.split(' ').at(-1) ?? written, fullName) ? fullName : written));
    replaced.set(ordinal, listed(named) + (owns ? "'s" : ''));
  }
  if (replaced.size === 0) return null;
  const writtenPronouns = pronounsOf(writtenWordsAt(written));
  const shown = writtenPronouns.length === reading.pronouns.length ? withReplaced(written, writtenPronouns, replaced) : withReplaced(text, reading.pronouns, replaced);
  return { asked: withReplaced(text, reading.pronouns, replaced), shown };
}

/**
 * The question read through the sentence that would answer it, when that sentence opens with a
 * pronoun of the kind (and sex) the question leaves unsettled: the two speak of the same unnamed
 * ones, and the sentence before it (`before`) names them ("Their previous summit in Sharm
 * el-Sheikh..." after "This week's meeting marks Witkoff's second encounter with Hayya." reads
 * "Where did they meet before?" as "Where did Witkoff and Hayya meet before?"). Only a question
 * whose unsettled pronouns are all of that one kind and sex: the sentence says nothing of whom
 * another means ("What did they tell him?"). Null otherwise.
 */
export function readThroughSentence(text: string, sentence: string, before: string, written: string = text, coverage: CoverageNames = NO_COVERAGE): FollowUp | null {
  const reading = readingOf(text);
  const opening = readingOf(sentence).pronouns[0];
  const sameReferent = (pronoun: Pronoun) => opening !== undefined && pronoun.kind === opening.kind && sexOfPronoun(pronoun) === sexOfPronoun(opening);
  if (reading.unsettled.length === 0 || opening?.at !== 0 || !reading.unsettled.every(sameReferent)) return null;
  return followUpOf(text, reading, [asStatement(before)], written, coverage);
}

/** The sex a pronoun of a person says ("she", "him"); null for one of several or of a thing. */
function sexOfPronoun({ word, kind }: Pronoun): Referent['sex'] {
  return kind === 'person' ? (FEMALE.has(word.text.toLowerCase()) ? 'female' : 'male') : null;
}

/**
 * A sentence of a story as the reading of names takes it, which is written for questions, whose
 * first word asks: a common word capitalised only as the first ("Shares of Acme Corp fell",
 * "Asked about Jones, Smith declined") is no name.
 */
function asStatement(sentence: string): string {
  return sentence.replace(/^(["“‘']?)(\p{Lu}\p{Ll}+)\b/u, (whole, quote: string, first: string) => (knownOnlyAsName(first.toLowerCase()) ? whole : quote + first.toLowerCase()));
}

/** What the coverage tells of the names a follow-up reads. */
export interface CoverageNames {
  /** How it writes a name of one word: an organisation's ("Rexnord Inc"), a person's ("Mr Sarney"), a common word's ("the ceasefire"), or none plainly (null). */
  writtenAs(name: string): WrittenAs | null;
  /** Whether it names someone other than `fullName` by the surname ("President Biden", "Joe Biden" beside "Hunter Biden"). */
  namesOthers(surname: string, fullName: string): boolean;
}

/** No coverage to look names up in: each is read from the question alone. */
const NO_COVERAGE: CoverageNames = { writtenAs: () => null, namesOthers: () => false };

/**
 * A reading whose names of one word nothing else says more of are read as the coverage writes
 * them. A word no dictionary knows was made a name by a guess (a question typed in lowercase:
 * "Hamas ceasefire" read as a person named Ceasefire); one the coverage writes as a common word
 * names no one. A word the dictionary knows ("Price", "Cook") was capitalised by the reader, and
 * stays a name whatever else the coverage writes.
 */
function settled(reading: Reading, coverage: CoverageNames): Reading {
  const referents = reading.mentions.referents.flatMap((referent) => {
    const surname = referent.kind === 'person' && referent.sex === null;
    if (referent.kind !== 'unknown' && !surname) return [referent];
    const guessed = !/\s/u.test(referent.written) && !nameReading(referent.written.toLowerCase()).known;
    if (surname && !guessed) return [referent];
    const read = coverage.writtenAs(referent.written);
    if (read === 'common') return guessed ? [] : [referent];
    if (read === null || surname) return [referent];
    return [{ ...referent, kind: read === 'organisation' ? ('other' as const) : ('person' as const) }];
  });
  return { ...reading, mentions: { ...reading.mentions, referents } };
}

/**
 * Whom a pronoun of the kind and sex stands for in the member's earlier questions (see `meaning`):
 * in the newest speaking of anyone it may mean, passing over one whose own pronoun of the kind it
 * left unsettled ("What did he discuss with Hayya?" then "Who is he?": that "he" is the same one,
 * read further back); for "she", the newest naming a woman, though a man known by his surname was
 * named since.
 */
function standsForIn(earlier: readonly Reading[], kind: PronounKind, sex: Referent['sex'], questionNames: boolean): Referent[] | null {
  const candidates = earlier.filter((reading) => !reading.unsettled.some((pronoun) => pronoun.kind === kind));
  const woman = sex === 'female' ? candidates.find(({ mentions }) => mentions.referents.some((referent) => referent.sex === 'female')) : undefined;
  const read = woman ?? candidates.find(({ mentions }) => mentionsKind(mentions, kind, sex));
  return read === undefined ? null : meaning(kind, read.mentions, questionNames, sex);
}

/**
 * A question as follow-ups read it, with the pronouns it does not settle itself: not one a name
 * before it may stand for ("Did Hamas say they would disarm?"; "What did USAir say about his
 * motives?" has none for "his"), unless an object ("What did Trump tell him?"); not one pointing
 * at nothing ("Is it true that..."), nor one standing for the person asked ("Which executive said
 * he...").
 */
function readingOf(text: string): Reading {
  const words = writtenWordsAt(text);
  const mentions = mentionsIn(text, words);
  const pronouns = pronounsOf(words);
  const unsettled = pronouns.filter(({ word, at, kind, object }) => {
    // A name of one word may be the pronoun's whatever it names: "What did Rexnord say about its profits?".
    const namedBefore = mentions.referents.some((referent) => referent.at < at && (mayStandFor(kind, referent) || referent.kind === 'unknown'));
    return (object || !namedBefore) && !pointsAtNothing(text, word, kind) && !standsForAsked(words, at, kind);
  });
  return { words, mentions, pronouns, unsettled };
}

/** Whether a question speaks of anyone a pronoun of the kind (and, for a person, the sex) may stand for: a follow-up reads the newest that does. */
function mentionsKind(mentions: Mentions, kind: PronounKind, sex: Referent['sex']): boolean {
  return unnamedFor(kind, mentions) || mentions.referents.some((referent) => mayStandFor(kind, referent, sex));
}

/** Whether the question speaks of persons it does not name whom a pronoun of the kind may mean: "he" the minister, "they" the envoys. */
function unnamedFor(kind: PronounKind, mentions: Mentions): boolean {
  if (kind === 'thing') return false;
  return mentions.unnamedPerson || (kind === 'plural' && mentions.unnamedGroup);
}

/** Whether a pronoun of the kind may stand for a name: "he" for a person not named as a woman, or a name of one word; "it" for what is no person; "they" for anyone. */
function mayStandFor(kind: PronounKind, referent: Referent, sex: Referent['sex'] = null): boolean {
  if (kind === 'person') return (referent.kind === 'person' || referent.kind === 'unknown') && (sex === null || referent.sex === null || referent.sex === sex);
  if (kind === 'thing') return referent.kind === 'other' || referent.kind === 'country';
  return true;
}

/**
 * The first pronoun of a person or of several the question does not settle itself ("they" in
 * "Where did they meet before?", "him" in "What did Trump tell him?"), as written; null when there
 * is none. Unanswered, such a question is told so: it may be about someone the coverage names
 * often. "It" is left out, as it often points at nothing ("How long did it take?").
 */
export function unnamedPronoun(text: string): string | null {
  return readingOf(text).unsettled.find(({ kind }) => kind !== 'thing')?.word.text ?? null;
}

/** What an unanswered question whose `pronoun` names no one is told, after earlier questions that did not settle it or none. */
export function unnamedNotice(pronoun: string, afterQuestions: boolean): string {
  return afterQuestions
    ? `I could not tell from your earlier questions whom “${pronoun}” stands for: ask again with the names.`
    : `The question does not say whom “${pronoun}” stands for: ask again with the names, or right after a question that names them.`;
}

/** The third-person pronouns of a text's words, in order. */
function pronounsOf(words: readonly WrittenWord[]): Pronoun[] {
  const found: Pronoun[] = [];
  words.forEach((written, at) => {
    // "he's meeting whom?": the pronoun is read without its verb, which the reading writes out.
    const [, base, verb = ''] = CONTRACTION.exec(written.text) ?? [];
    const word = base !== undefined && SUBJECTS.has(base.toLowerCase()) ? { ...written, text: base } : written;
    const pronoun = word.text.toLowerCase();
    const kind = (Object.keys(PRONOUNS) as PronounKind[]).find((k) => PRONOUNS[k].has(pronoun));
    const contracted = verb.toLowerCase();
    const perfect = PARTICIPLE.test(words[at + 1]?.text ?? '') ? CONTRACTED_BEFORE_PARTICIPLE[contracted] : undefined;
    const joinedVerb = word === written ? null : (perfect ?? CONTRACTED_VERBS[contracted] ?? null);
    // Only "her" may also own what follows it ("her son"); "tell him yesterday" is an object still.
    if (kind !== undefined) found.push({ word, at, kind, ordinal: found.length, object: OBJECTS.has(pronoun) && !(pronoun === 'her' && ownsNext(words[at + 1])), joinedVerb });
  });
  return found;
}

/** The text with the pronouns `replaced` names by their ordinal (`pronouns`, the text's own) replaced. */
function withReplaced(text: string, pronouns: readonly Pronoun[], replaced: ReadonlyMap<number, string>): string {
  let out = '';
  let from = 0;
  pronouns.forEach(({ word, ordinal, joinedVerb }) => {
    const name = replaced.get(ordinal);
    if (name === undefined) return;
    out += text.slice(from, word.start) + name + (joinedVerb === null ? '' : ` ${joinedVerb}`);
    from = word.end;
  });
  return out + text.slice(from);
}

/** Whether a pronoun points at no one: a dummy "it" ("Is it true that...", "How long did it take?", "...said it"), or "they" meaning people at large ("What do they call..."). */
function pointsAtNothing(text: string, word: WrittenWord, kind: PronounKind): boolean {
  const before = text.slice(0, word.start);
  const after = text.slice(word.end);
  if (kind === 'thing') return DUMMY_IT_AFTER.test(after) || (DUMMY_IT_AROUND.before.test(before) && DUMMY_IT_AROUND.after.test(after)) || SAID_IT.test(before);
  return kind === 'plural' && /^they$/iu.test(word.text) && GENERIC_THEY_AFTER.test(after) && !SPECIFIC_THEY_BEFORE.test(before);
}

/**
 * Whether a pronoun stands for the person the question asks for: "Which Tandem executive said he
 * expects...", "Which analyst... his recommendation", "Who said he...". Not when the question asks
 * about what the pronoun's person did ("Who did he meet?", "Which company did his father found?":
 * the pronoun right after the auxiliary is the subject, someone else), nor for a pronoun other than
 * a subject after "who" ("Who leads their team?" asks for another).
 */
function standsForAsked(words: readonly WrittenWord[], at: number, kind: PronounKind): boolean {
  const pronoun = words[at]?.text.toLowerCase() ?? '';
  if (kind === 'thing' || AUXILIARIES.has(words[at - 1]?.text.toLowerCase() ?? '')) return false;
  return words.slice(0, at).some((word, w) => {
    const asking = word.text.toLowerCase();
    if (ASKING_WHO.has(asking)) return SUBJECTS.has(pronoun);
    return ASKING_WHICH.has(asking) && words.slice(w + 1, Math.min(at, w + 1 + WHICH_REACH)).some((next) => /^\p{Ll}/u.test(next.text) && isPersonNoun(next.text));
  });
}

/**
 * Whom a pronoun of the kind stands for among the names of an earlier question; null when they do
 * not say: "he" after two people (a name of one word counts as one, as a person's surname; "she"
 * only those not named as men by their first names, and "he" the converse), or after a person it
 * does not name ("Did the Turkish minister meet Hayya?" may be asking about either); "they" after
 * one person, one name of one word (a person's or a company's) or one country; "it" after two
 * things, or in a question naming something itself ("Did it affect Toshiba?"). "They" stands for a
 * group, or for what acts as one before persons ("FNSEA president Raymond Lacombe": FNSEA).
 */
function meaning(kind: PronounKind, mentions: Mentions, questionNames: boolean, sex: Referent['sex']): Referent[] | null {
  const { referents } = mentions;
  const of = (...kinds: Kind[]) => referents.filter((referent) => kinds.includes(referent.kind));
  const only = (found: Referent[]) => (found.length === 1 ? found : null);
  if (unnamedFor(kind, mentions)) return null;
  if (kind === 'person') return only(referents.filter((referent) => mayStandFor(kind, referent, sex)));
  if (kind === 'thing') return questionNames ? null : only(of('other', 'country'));
  for (const found of [of('group'), of('other', 'country'), of('person', 'unknown')]) {
    if (found.length > 0) return found.length >= 2 || STANDS_AS_ONE.has(found[0]?.kind ?? 'person') ? found : null;
  }
  return null;
}

/** Kinds of names "they" stands for alone: a group, an organisation. */
const STANDS_AS_ONE: ReadonlySet<Kind> = new Set(['group', 'other']);

/** Names as a sentence lists them: "Witkoff", "Witkoff and Hayya", "Fidan, Witkoff and Hayya". */
function listed(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether "her" stands before something she owns ("her son", "her favourite designer"), not as the object ("told her", "asked her about", "give her away"). */
function ownsNext(next: WrittenWord | undefined): boolean {
  if (next === undefined || STOPWORDS.has(next.text.toLowerCase()) || isNameWord(next.text, false)) return false;
  const word = next.text.toLowerCase();
  // "give her away": an adverb after "her" leaves it the object.
  if (['Adverb', 'Preposition'].some((tag) => lexiconTags(word).has(tag))) return false;
  return firstSenseWords(word, 'noun').length > 0 || firstSenseWords(word, 'adj').length > 0;
}

/** Whether a word of a question is a name's: capitalised (see `isNameWord`) or a particle joined to one ("al-Hayya"), not one letter ("U.S." is no two names). */
function isNameAt(words: readonly WrittenWord[], at: number): boolean {
  const word = words[at]?.text ?? '';
  return word.length > 1 && (isNameWord(word, at === 0) || (at > 0 && PARTICLE_NAME.test(word)));
}

/** Where the name starting at `start` ends: past name words, and particles and linking words before one ("Bank of Japan"); not past "and" ("Witkoff and Hayya" are two). */
function nameEnd(text: string, words: readonly WrittenWord[], start: number): number {
  let end = start + 1;
  const particle = (at: number) => NAME_PARTICLES.has(bareName(words[at]?.text ?? '')) && joined(text, words[at], words[at + 1]);
  // A linking word before a name word ("Bank of Japan"); a run of particles before one ("von der Leyen"), never "of the".
  const links = (at: number) => {
    if (INNER_NAME_WORDS.has(words[at]?.text ?? '')) return isNameAt(words, at + 1) && joined(text, words[at], words[at + 1]);
    let next = at;
    while (next < words.length && particle(next)) next += 1;
    return next > at && isNameAt(words, next);
  };
  while (end < words.length && joined(text, words[end - 1], words[end]) && (isNameAt(words, end) || links(end))) end += 1;
  return end;
}

/**
 * Whom a question speaks of: the names it writes, each once, as what a pronoun may stand for: a
 * run of name words, without its possessive; with the noun of persons it owns ("Witkoff's son" is who "he" means
 * next), else as the owner ("Nakasone's sales": Nakasone); with the plural noun of persons it
 * qualifies ("Turkish officials"). A name qualifying a thing ("the UN vote"), a nationality alone
 * ("Turkish"), a place where something happens ("in Istanbul") and a title's name ("the US envoy",
 * who is a person not named) stand for no one.
 */
function mentionsIn(text: string, words: readonly WrittenWord[]): Mentions {
  const referents: Referent[] = [];
  const inNames = new Set<number>();
  let unnamedPerson = false;
  let unnamedGroup = false;
  let placeEnd = -1;
  for (let at = 0; at < words.length; at += 1) {
    if (!isNameAt(words, at)) continue;
    const end = nameEnd(text, words, at);
    // "in Gaza and Doha": a place joined to a place where something happens is one too.
    const read = referentAt(text, words, at, end, placeEnd === at - 1 && CONJUNCTIONS.has(words[at - 1]?.text ?? ''));
    if (read.place) placeEnd = end;
    if (read.referent !== null && !referents.some((known) => known.written === read.referent?.written)) referents.push(read.referent);
    unnamedPerson ||= read.unnamed === 'person';
    unnamedGroup ||= read.unnamed === 'group';
    for (let n = at; n < read.past; n += 1) inNames.add(n);
    at = end - 1;
  }
  // A noun of persons written as such ("the minister", "his spokesman"), not a title before a name ("envoy Steve Witkoff"), a verb ("have") or the one asked for ("Who is her favourite designer?").
  const unnamed = words.filter(
    (word, at) => !inNames.has(at) && /^\p{Ll}/u.test(word.text) && isPersonNoun(word.text) && !(isNameAt(words, at + 1) && joined(text, word, words[at + 1])) && !isAskedFor(words, at),
  );
  unnamedPerson ||= unnamed.some((word) => !isPluralNoun(word.text));
  unnamedGroup ||= unnamed.some((word) => isPluralNoun(word.text));
  return { referents, unnamedPerson, unnamedGroup };
}

/**
 * What the name words from `start` to `end` stand for (see `mentionsIn`; `besidePlace` when they
 * are joined to a place where something happens), the index past the words it took, whether they
 * speak of a person or persons they do not name, and whether they name such a place.
 */
function referentAt(
  text: string,
  words: readonly WrittenWord[],
  start: number,
  end: number,
  besidePlace: boolean,
): { referent: Referent | null; past: number; unnamed: 'person' | 'group' | null; place: boolean } {
  const run = words.slice(start, end);
  const written = text.slice(run[0]?.start, run.at(-1)?.end).replace(POSSESSIVE, '');
  const last = run.at(-1);
  const next = words[end];
  const noun = last !== undefined && next !== undefined && adjacent(text, last, next) && /^\p{Ll}/u.test(next.text) && !STOPWORDS.has(next.text) && firstSenseWords(next.text, 'noun').length > 0 ? next : undefined;
  const ofPersons = noun !== undefined && isPersonNoun(noun.text);
  const owner = last !== undefined && POSSESSIVE.test(last.text);
  const through = (word: WrittenWord, kind: Kind) => {
    const named = text.slice(run[0]?.start, word.end);
    return { referent: { written: named, kind, sex: null, at: start, fullName: named }, past: end + 1, unnamed: null, place: false };
  };
  if (noun !== undefined && ofPersons && owner) return through(noun, isPluralNoun(noun.text) ? 'group' : 'person');
  if (noun !== undefined && !owner && isPluralNoun(noun.text)) return through(noun, 'group');
  const [before, beforeThat] = [words[start - 1]?.text.toLowerCase() ?? '', words[start - 2]?.text.toLowerCase() ?? ''];
  const located = besidePlace ? 'in' : ARTICLES.has(before) ? beforeThat : before;
  // "the Houthis", "the Kurds": a plural after "the" names a people or a movement, whom "they" may mean, not one person.
  const people = run.length === 1 && ARTICLES.has(before) && /(?<!s)s$/u.test(last?.text ?? '');
  const read = kindOf(run, located);
  const kind = people && (read === 'unknown' || read === 'person') ? 'group' : read;
  const nationality = run.length === 1 && isNationality(last?.text ?? '');
  if (noun !== undefined && ofPersons) {
    // "Akzo chairman Aarnoud Loudon" names Akzo and Loudon; "the US envoy" someone not named.
    const titled = isNameAt(words, end + 1) && joined(text, noun, words[end + 1]);
    const referent: Referent | null = titled && kind !== 'place' && !nationality ? { written, kind: kind === 'unknown' ? 'other' : kind, sex: null, at: start, fullName: written } : null;
    return { referent, past: end + 1, unnamed: titled ? null : isPluralNoun(noun.text) ? 'group' : 'person', place: false };
  }
  // "the UN vote" after a preposition qualifies a thing; "did the IMF run", "Egypt and the Soviet Union sign" name who acts.
  const qualifier = !owner && noun !== undefined && ARTICLES.has(before) && !(beforeThat === '' || AUXILIARIES.has(beforeThat) || CONJUNCTIONS.has(beforeThat));
  if (kind === 'place' || qualifier || nationality || partOfLongerName(text, words, start, end, kind)) return { referent: null, past: end, unnamed: null, place: kind === 'place' };
  // "Cargill's Robbin Johnson": what owns a person is where they work.
  const employer = owner && kind === 'unknown' && isNameAt(words, end) && adjacent(text, last, next);
  // News names a person by the surname once introduced, with its particles: "Fidan said...", "Hayya's son", "von der Leyen"; not by a suffix ("Donald Trump Jr.").
  let surname = run.length - 1;
  while (surname > 1 && NAME_PARTICLES.has(bareName(run[surname - 1]?.text ?? ''))) surname -= 1;
  const named = kind === 'person' && last !== undefined && !NAME_SUFFIXES.has(bareName(last.text).replace(/\.$/u, '')) ? text.slice(run[surname]?.start, last.end).replace(POSSESSIVE, '') : written;
  const sex = kind === 'person' && run.length > 1 ? sexOf(run[0]?.text ?? '') : null;
  return { referent: { written: named, kind: employer ? 'other' : kind, sex, at: start, fullName: written }, past: end, unnamed: null, place: false };
}

/**
 * Whom a run of name words names: an organisation ("Toshiba Machine", "CBS", "Hamas"), a place
 * where something happens or someone goes (after "in", "at", "to"...: "in Sharm el-Sheikh", "to
 * Turkey"), a country that acts ("Egypt"), a person ("Ortega", a name of two words or more: "Hakan
 * Fidan"), or a name of one word nothing says more of; from its words, WordNet's names and
 * compromise's lexicon. `before` is the word before it (past an article), in lowercase.
 */
function kindOf(run: readonly WrittenWord[], before: string): Kind | 'place' {
  const folded = run.map((word) => bareName(word.text));
  const last = folded.at(-1) ?? '';
  const tags = folded.map((word) => lexiconTags(word));
  const wordnet = run.length > 1 ? writtenAsNamed(run.at(-1)?.text ?? '', last) : namedKindOf(last);
  const place = wordnet === 'place' || ['Place', 'Country', 'City'].some((tag) => tags.at(-1)?.has(tag)) || folded.every(isPlaceWord) || (run.length > 1 && PLACE_NOUNS.has(last));
  // "CBS", "USAir": an abbreviation names an organisation.
  const capitals = run.some((word) => /^\p{Lu}{2,}/u.test(word.text));
  if ((LOCATIVES.has(before) && (place || capitals || wordnet === null)) || (DESTINATIONS.has(before) && place)) return 'place';
  if (capitals || wordnet === 'group' || tags.some((wordTags) => wordTags.has('Organization')) || folded.some((word) => ORGANISATION_WORDS.has(word))) return 'other';
  if (place) return 'country';
  const person = wordnet === 'person' || tags.some((wordTags) => ['Person', 'FirstName', 'LastName'].some((tag) => wordTags.has(tag)));
  if (person) return 'person';
  // "Diceon Electronics", "Panama Canal": a name of several words ending in a common noun, no first name before it, names no one.
  if (run.length > 1 && isCommonWord(last)) return 'other';
  return run.length > 1 ? 'person' : 'unknown';
}

/**
 * What WordNet files the last word of a longer name as, when it is written as WordNet writes that
 * name: an acronym only in capitals, so the "Un" of "Kim Jong Un" is not the UN (a name of one word,
 * "Unicef", "Nato", keeps its reading however it is written).
 */
function writtenAsNamed(written: string, folded: string): ReturnType<typeof namedKindOf> {
  const reading = nameReading(folded);
  const name = reading.known ? reading.name : null;
  const acronym = name !== null && name.length > 1 && name === name.toUpperCase();
  const bare = written.replace(POSSESSIVE, '');
  return acronym && bare !== bare.toUpperCase() ? null : namedKindOf(folded);
}

/** A person's sex as their first name tells it (compromise's lexicon of first names); null when it does not. */
function sexOf(firstName: string): Referent['sex'] {
  const tags = lexiconTags(bareName(firstName));
  if (tags.has('FemaleName') === tags.has('MaleName')) return null;
  return tags.has('FemaleName') ? 'female' : 'male';
}

/**
 * Whether a name of one word is the capitalised end of a longer name typed in lowercase, whose
 * other words the question's capitals do not show: "in west Germany", "new south Wales", "gm
 * Canada", "Kansas city southern". A title before a name ("president Carter") and a verb ("meet
 * Hayya") are no part of it.
 */
function partOfLongerName(text: string, words: readonly WrittenWord[], start: number, end: number, kind: Kind | 'place'): boolean {
  // A surname after a first name typed in lowercase ("max Kampelman") is the person's still.
  if (end - start !== 1 || kind === 'person' || kind === 'unknown') return false;
  const [before, after] = [words[start - 1], words[end]];
  const lowercaseWord = (word: WrittenWord | undefined): word is WrittenWord => word !== undefined && /^\p{Ll}+$/u.test(word.text) && !STOPWORDS.has(word.text);
  const inName = (word: WrittenWord | undefined) => {
    if (!lowercaseWord(word)) return false;
    const tags = lexiconTags(word.text);
    return !isPersonNoun(word.text) && !isVerbLemma(word.text) && !PREPOSITIONS.has(word.text) && !['Verb', 'Preposition', 'Conjunction', 'Determiner'].some((tag) => tags.has(tag));
  };
  return (inName(before) && adjacent(text, before, words[start])) || (lowercaseWord(after) && PLACE_NOUNS.has(after?.text ?? '') && adjacent(text, words[end - 1], after));
}

/** Whether a noun stands in the phrase a question asks for ("Which analyst...", "Who is her favourite designer?"), not as someone it speaks of. */
function isAskedFor(words: readonly WrittenWord[], at: number): boolean {
  const before = words.slice(Math.max(0, at - WHICH_REACH), at).map((word) => word.text.toLowerCase());
  return before.some((word, n) => {
    const between = before.slice(n + 1);
    if (ASKING_WHICH.has(word)) return !between.some((next) => AUXILIARIES.has(next));
    return ASKING_WHO.has(word) && ['is', 'was', 'are', 'were'].includes(between[0] ?? '');
  });
}

/** Whether a lowercase word is a noun of persons ("minister", "officials", "son"), not also a verb ("have"). */
function isPersonNoun(word: string): boolean {
  const folded = word.toLowerCase();
  return !lexiconTags(folded).has('Verb') && [folded, ...inflectedFrom(folded)].some(isRoleNoun);
}

/** Whether a capitalised word only says where someone is from ("Turkish", "Israeli"): an adjective or a demonym to compromise. */
function isNationality(word: string): boolean {
  const tags = lexiconTags(bareName(word));
  return tags.has('Adjective') || tags.has('Demonym');
}

/** Whether two words stand one space apart, the first no possessive: the words of one name. */
function joined(text: string, left: WrittenWord | undefined, right: WrittenWord | undefined): boolean {
  return adjacent(text, left, right) && !POSSESSIVE.test(left?.text ?? '');
}

/** Whether two words stand one space apart. */
function adjacent(text: string, left: WrittenWord | undefined, right: WrittenWord | undefined): boolean {
  return left !== undefined && right !== undefined && /^\s+$/u.test(text.slice(left.end, right.start));
}
