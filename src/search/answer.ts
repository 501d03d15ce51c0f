/**
 * Finds and composes an answer: candidate articles by the question's rarest terms, their sentences
 * ranked (`sentence-ranking.ts`), and a quote only when the calibrated answerability
 * (`answerability.ts`) says the best sentence likely answers. A question in the text ("What was
 * discussed?") or a heading ("Kenya trip") is never an answer. Below the threshold, `related`
 * names the closest articles instead of quoting something unrelated.
 *
 * Picking: up to three sentences, greedily by score, where each further sentence must match nearly
 * as much of the question as the best one (`RUNNER_UP_COVERAGE`) and reach `RUNNER_UP_SHARE` of its
 * score; when the answer is unsure (confidence under `SURE`), slots left are filled from the first
 * quote's story with sentences reaching half of both: a news story's lead restates a question's
 * premise and can outrank the sentence holding the fact asked. For the same reason a first quote
 * lacking the kind of thing asked for (no date for "when"), sure or not, is followed by the best of
 * those sentences that names one; "how many", "how old" and an amount asked ("What was the vote
 * count?"), which only a number answers, quote only sentences writing one (`counting`). A
 * sentence from an article already quoted counts for less (readers see who reported what), and
 * near-duplicates are skipped. The answering sentence
 * always comes first; a sentence it needs to be understood follows it, as its own verbatim
 * sentence marked as context, never merged: the one before when it starts by pointing back ("He
 * said...", "Their...") or is a quotation alone, the one after a lead-in ending with a colon
 * ("Obama also said:"), or a neighbour holding the question's terms the answer lacks (the subject
 * one sentence away).
 */
import type { Article } from '../corpus/article.ts';
import { fold, terms, tokenize, type Token } from './analyzer.ts';
import type { ArticleIndex, Retrieval } from './article-index.ts';
import { spellsOut, writesOut } from './abbreviation.ts';
import { abbreviationAsked, answerKind, askedNoun, asksMoney, askedPossession, asksClock, bareName, asksDay, asksDuration, countAsked, countedThing, DETERMINERS, isInterjection, isPlaceWord, isPluralNoun, knownOnlyAsName, mentionsClock, NAME_WORDS, mentionsDay, mentionsDayOrSpan, mentionsTime, mentionsYear, NAME_PARTICLES, numbersOwnedByOthers, numbersWritten, POSSESSIVE, ROLE_WORDS, sameNameWord, typeWord, writesAmount, writesCount, writesDuration, type AnswerKind, type NumberAsked, type WrittenNumber } from './answer-kind.ts';
import { askedSpeaker, DO_SUPPORT } from './speakers.ts';
import { claimOf, LIGHT_VERBS, type Claim } from './claims.ts';
import { ARTICLES, STOPWORDS } from './stopwords.ts';
import { firstSenseWords, hasCommunicationSense, inflectedFrom, isCommonWord, isCommunicationVerb, isRoleNoun, writesVerbReading } from './wordnet.ts';
import { answerEvidence, judge } from './answerability.ts';
import { candidateCount, preferDated } from './dateline.ts';
import { capitalsMarkNames, COMPANY_SUFFIXES, isNameWord, PARTICLE_NAME, titledNames, writtenWordsAt, type WrittenWord } from './names.ts';
import { fullNamesIn, type AskedFullName } from './namesakes.ts';
import { capitalCountry } from './place-names.ts';
import { bearerIntroduction } from './roles.ts';
import { currentVersions } from './versions.ts';
import type { ParagraphTerms } from './passages.ts';
import { occasionAsked } from './plans.ts';
import { asksReason } from './reasons.ts';
import { joinCollocations, phraseTerms, prepareQuestion, retrievalTerms, withTimeAdverbs, type AskedNoun, type AskedTerm, type Question, type QuestionTerm, type QuestionTitle } from './question.ts';
import type { Vocabulary } from './vocabulary.ts';
import { MAX_RELATED, MAX_SENTENCES, type Answer, type ArticleRef, type CitedSentence, type Filters, type Source } from './results.ts';
import { askedTermsOf, countsAskedThing, namesWantedKind, opensWithName, rankSentences, reportsSpeech, sentenceNamesWantedKind, type RankedSentence, type Sentence, type SentenceCache } from './sentence-ranking.ts';
import { pointsBack, states } from './sentences.ts';
import { isStoryNoun, storyScope } from './story-questions.ts';

/** Words that ask about the present rather than a past event. */
const PRESENT_MARKERS = /\b(?:current|currently|now|nowadays|today|latest|presently|at present|these days|as of|still|incumbent)\b/iu;
/**
 * Words that only say a question is about the present, not what it is about: "What is the latest
 * on Gaza?" asks for the newest coverage of Gaza, not for sentences holding "latest" ("the latest
 * warning"). "Current" and "now" stay question terms: text answers with "currently known as", and
 * dropping them cost SQuAD's tune split 0.2 points.
 */
const NOW_WORDS: ReadonlySet<string> = new Set(['latest']);
/**
 * "supposed to" and "meant to" before a verb say what should happen, as "should" does: "What is
 * the ISF supposed to do?" asks what the force is to do; "want to" and "hope to" say what someone
 * means to do ("What does Erdogan want to restore?": "...to restore peace, the Turkish president
 * said"). Where the coverage never writes the word,
 * it says nothing of whether the coverage holds the topic and is dropped; where it does, a
 * sentence holding it ("the deficit is supposed to be reduced to 108 billion dlrs") is most often
 * the answer, and it stays a question term.
 */
const MODAL_PERIPHRASIS = /\b(supposed|meant|wants?|wanted|hopes?|hoped|hoping)\s+to\b/giu;
/**
 * "What is/are X Y?" with no possessive: the question asks what one named thing of several words
 * is ("What are construction managers?"), so only a sentence holding those words together speaks
 * of it; one holding them apart ("construction expenditures ... management costs") is about
 * something else, however fully it covers the words.
 */
const DEFINITION = /^\s*what\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?((?:[\p{L}\p{N}-]+\s*){2,4})\??\s*$/iu;
/** Articles whose sentences are ranked for an answer. */
const ANSWER_CANDIDATES = 10;
/** Share of the question's weight a neighbour must add to be quoted beside the answer. */
const NEIGHBOUR_CONTEXT = 0.2;
const RUNNER_UP_SHARE = 0.7;
/**
 * Candidates of one article, from its best, among which the quotes are picked. Each pick weighs
 * every candidate left, and a story repeating one sentence thousands of times made them all close
 * runners-up: picking among them took a third of a second an answer. Counted by article, so such
 * a story cannot crowd out another outlet's sentence.
 */
const QUOTE_CANDIDATES_PER_ARTICLE = 10;
const RUNNER_UP_COVERAGE = 0.8;
/** The least a match of a speaker's word counts for the speaker to be named: a synonym or another spelling, not a far relative. */
const SPEAKER_NAMED = 0.4;
/**
 * The confidence from which a question whose subject no article names is answered all the same:
 * the rest matches so well that the name is more likely another name for what the coverage
 * covers ("Did Bibi say negotiations will be conducted under fire?", 0.98) than an absent topic
 * ("Did Iran send a delegation to the Istanbul talks?", 0.17). Probes of the seed articles had
 * nicknames answered right at 0.71 to 0.98 and absent subjects answered wrongly at 0.62 at most.
 */
const NAMED_OTHERWISE = 0.7;
/** Below this confidence the answer is unsure: slots the close sentences leave are filled from the first quote's story with sentences matching less of the question (`UNSURE_*`), where the fact asked may stand. */
const SURE = 0.8;
const UNSURE_SHARE = 0.5;
const UNSURE_COVERAGE = 0.5;
/**
 * The confidence shown for a sentence writing out the abbreviation asked (see `writesOut`). Of the
 * SQuAD dev questions asking what an abbreviation stands for, all ten so answered held the gold;
 * ten are too few to claim more.
 */
const WRITTEN_OUT_CONFIDENCE = 0.9;
/** The words of "What does the acronym ISF stand for?" besides the abbreviation (see `abbreviationAsked`): no answer writes them. */
const ABBREVIATION_QUESTION_WORDS: ReadonlySet<string> = new Set(['stand', 'stands', 'short', 'acronym', 'abbreviation', 'letters', 'initials']);
/** Sentences of the first quote's story checked at most for the kind asked for, when the first quote lacks it (tagging costs about a millisecond each). */
const KIND_IN_STORY = 10;
const SAME_ARTICLE_DISCOUNT = 0.8;
const NEAR_DUPLICATE = 0.6;
/** "In a wide-ranging interview, President Obama also said:": a lead-in, which says nothing until what it introduces. */
const LEAD_IN = /:\s*$/u;
/** "“There’s collective amnesia.”": a sentence wholly in quotation marks, whose speaker the sentence before names. */
const BARE_QUOTATION = /^["“][^"“”]+["”]$/u;

interface Quote {
  article: Article;
  sentence: Sentence;
  context: boolean;
}

/** How an article is cited or offered. */
export function articleRef(article: Article): ArticleRef {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
  };
}

/** The question as prepared for ranking, its candidate articles and their ranked sentences. */
export interface Candidates {
  question: Question;
  retrieved: Retrieval[];
  ranked: RankedSentence[];
  /** The outlet the question names and alone was searched ("What did Al Mayadeen report..."), if any. */
  outlet: string | null;
  /** The question terms of the speaker asked about when a name, not a common word, names them ("Hezbollah", not "the company"); empty otherwise. */
  namedSpeaker: number[];
  /** The thing a "how many" question counts, as written ("hostages"; see `countedThing`); null for any other question. */
  counted: string | null;
  /** The abbreviation "What does ISF stand for?" asks to have written out, folded (see `abbreviationAsked`); null for any other question. */
  abbreviation: string | null;
}

/**
 * Retrieves the candidate articles of a question and ranks their sentences. A question naming one
 * of the corpus's `outlets` ("What did Al Mayadeen report about...") searches that outlet, unless
 * the filters already name one; the outlet's words then no longer count as question terms.
 */
export function findCandidates(
  index: ArticleIndex,
  cache: SentenceCache,
  text: string,
  asked: readonly AskedTerm[],
  filters: Filters,
  outlets: readonly string[] = [],
): Candidates {
  const outlet = filters.outlet === undefined ? outletNamedIn(text, outlets) : null;
  const outletTerms = new Set(outlet ? terms(outlet, 'query') : []);
  const wants = answerKind(text);
  const aboutNow = aboutThePresent(text);
  const sortAsked = typeWord(text);
  const abbreviation = abbreviationAsked(text);
  const modal = new Set([...text.matchAll(MODAL_PERIPHRASIS)].map((match) => match[1]?.toLowerCase()));
  const withinStory = storyScope(text) !== null;
  // "What position does Katz hold?" asks who Katz is: no answer writes "position" or "hold"; nor does one write "story" for "in the Fidan story".
  const topical = asked.filter(
    (t) => !(withinStory && isStoryNoun(t.word)) && !(abbreviation !== null && ABBREVIATION_QUESTION_WORDS.has(t.word)) && !outletTerms.has(t.term) && !(wants === 'role' && ROLE_WORDS.has(t.word)) && !(wants === 'name' && NAME_WORDS.has(t.word)) && !(aboutNow && NOW_WORDS.has(t.word)) && t.word !== sortAsked && !(modal.has(t.word) && index.vocabulary.frequency(t.term) === 0),
  );
  const asking = joinCollocations(text, withTimeAdverbs(text, topical.length > 0 ? topical : asked));
  const prepared = withAgeWording(prepareQuestion(asking, index.vocabulary, false, wants, aboutNow, DO_SUPPORT.test(text)), countAsked(text), index.vocabulary);
  const speaker = askedSpeaker(text, asking);
  const counted = countedThing(text);
  const question = { ...prepared, speaker, occasion: occasionAsked(text), asksReason: asksReason(text), asksMoney: asksMoney(text), titles: titlesOf(text, prepared), fullNames: fullNamesOf(text, prepared), counted: wordTermIndex(prepared, counted), askedNoun: askedNounOf(text, prepared) };
  const scope = outlet ? { ...filters, outlet } : filters;
  const retrieved = preferDated(index.retrieve(retrievalTerms(question, index.vocabulary), scope, 'any', candidateCount(question, ANSWER_CANDIDATES)), question, ANSWER_CANDIDATES);
  // "What did the company say...": a common word names a speaker the story may name otherwise ("IBM said"); "the Pope" is a name.
  const isName = (t: AskedTerm | undefined) => t !== undefined && (/^\p{Lu}/u.test(text.slice(t.start, t.end)) || !isCommonWord(t.word));
  const namedSpeaker = speaker.some((q) => isName(asking[q])) ? speaker : [];
  return { question, retrieved, ranked: rankSentences(question, retrieved, cache), outlet, namedSpeaker, counted, abbreviation };
}

/** A "how old" question's "old", met as surely where an age is written "aged 57" or "died at age 22" as in "57-year-old". */
function withAgeWording(question: Question, asked: NumberAsked | null, vocabulary: Vocabulary): Question {
  if (asked !== 'age') return question;
  const [age] = terms('aged', 'query');
  const [old] = terms('old', 'query');
  if (age === undefined || vocabulary.frequency(age) === 0) return question;
  const isOld = (t: QuestionTerm) => t.term === old && !t.variants.some((v) => v.term === age);
  return { ...question, terms: question.terms.map((t) => (isOld(t) ? { ...t, variants: [...t.variants, { term: age, weight: 1 }] } : t)) };
}

/** The names the question writes with a title, by their terms (see `titledNames`). */
function titlesOf(text: string, question: Question): QuestionTitle[] {
  return titledNames(text).flatMap(({ title, name, bearer }) => {
    const named = wordTermIndex(question, name);
    const described = title.map((word) => wordTermIndex(question, word)).filter((q) => q >= 0 && q !== named);
    return named >= 0 && described.length > 0 ? [{ title: [...new Set(described)], name: named, bearer }] : [];
  });
}

/** The names the question writes whole, by their terms (see `fullNamesIn`): a surname and at least one word before it that are question terms. */
function fullNamesOf(text: string, question: Question): AskedFullName[] {
  return fullNamesIn(text).flatMap(({ fore, surname }) => {
    const q = wordTermIndex(question, surname);
    const termed = fore.map((word) => ({ q: wordTermIndex(question, word), word })).filter((word) => word.q >= 0 && word.q !== q);
    return q >= 0 && termed.length > 0 ? [{ surname: q, written: surname, fore: termed }] : [];
  });
}

/** The noun a "which" question asks to name, of persons or else of things, when it is a question term. */
function askedNounOf(text: string, question: Question): AskedNoun | null {
  const noun = askedNoun(text);
  const term = wordTermIndex(question, noun?.written ?? null);
  return noun === null || term < 0 ? null : { term, ...noun };
}

/** The index of the question term a word of the question, as written, analyses to ("pearls" read by `countedThing`); -1 when none, or when no word was read. */
function wordTermIndex(question: Question, word: string | null): number {
  const [term] = word === null ? [] : terms(word, 'query');
  return term === undefined ? -1 : termIndex(question, term);
}

/** The index of the question term an analysed word of the question is, or is a word of (a collocation); -1 when none. */
function termIndex(question: Question, term: string): number {
  return question.terms.findIndex((t) => phraseTerms(t.term).includes(term));
}

/**
 * The outlet the question names: the longest whose full name it holds as whole words, case and
 * accents aside (a name that is also an ordinary word, "Time" or "The Independent", only as the
 * source of what is asked and written as a name); else the one it names as readers shorten it, as
 * the source of what is asked ("What did Al Mayadeen report...", "according to the BBC"). A short
 * name several outlets share ("BBC" for "BBC News" and "BBC Arabic") names none of them.
 */
function outletNamedIn(text: string, outlets: readonly string[]): string | null {
  const words = ` ${foldedWords(text)} `;
  const full = outlets.filter((o) => {
    const name = foldedWords(o).trim();
    return name.length >= 3 && words.includes(` ${name} `) && (isDistinctive(name) || (namedAsSource(words, name) && writtenAsName(text, o)));
  });
  if (full.length > 0) return full.sort((a, b) => b.length - a.length)[0] ?? null;
  const short = outlets.filter((o) => {
    const name = shortNameOf(o);
    return name !== null && namedAsSource(words, name);
  });
  return short.length === 1 ? (short[0] ?? null) : null;
}

/** Whether a folded outlet name is no ordinary word: two words or more besides "the", or one WordNet does not know ("reuters"). */
function isDistinctive(name: string): boolean {
  const content = name.split(' ').filter((word) => !STOPWORDS.has(word));
  return content.length >= 2 || (content.length === 1 && firstSenseWords(content[0] ?? '').length === 0);
}

/** Whether the question writes the outlet's words capitalised, as a name ("according to the Independent"), not as ordinary words ("the independent commission"). */
function writtenAsName(text: string, outlet: string): boolean {
  const capitalised = new Set((text.match(/\p{Lu}[\p{L}\p{N}]*/gu) ?? []).map(fold));
  return foldedWords(outlet).trim().split(' ').filter((word) => !STOPWORDS.has(word)).every((word) => capitalised.has(word));
}

/** Edition and medium words that end outlet names and that readers leave out ("Al Mayadeen English", "BBC News"). */
const OUTLET_EDITION = new Set(['english', 'arabic', 'french', 'international', 'news', 'online', 'tv', 'network', 'media', 'digital', 'live', 'com', 'net']);

/**
 * The folded name readers shorten an outlet to, without its trailing edition words, when what is
 * left still names it: two words or more ("al mayadeen"), or one its name writes in capitals
 * ("BBC"); null when nothing is left out, or a single word such as "Sky" or "Arab" would be left.
 */
function shortNameOf(outlet: string): string | null {
  // "The National News" is not shortened to "the national": a leading article stays with the name.
  const kept = foldedWords(outlet).trim().split(' ').filter((word, i) => i > 0 || word !== 'the');
  const full = kept.length;
  while (kept.length > 1 && OUTLET_EDITION.has(kept.at(-1) ?? '')) kept.pop();
  const short = kept.join(' ');
  const acronym = kept.length === 1 && /\p{Ll}/u.test(outlet) && outlet.split(/[^\p{L}\p{N}]+/u).includes(short.toUpperCase());
  return kept.length < full && (kept.length > 1 || acronym) && short.length >= 3 ? short : null;
}

/** Verbs that make an outlet the source of what is asked, beside the verbs of communication ("report", "say", "claim"). */
const REPORTING_VERBS = new Set(['cover', 'write']);

/**
 * Whether the folded question `words` (space-padded) hold `name` as the source of what is asked:
 * the subject of "did/does/has ... report, say, cover..." ("What did Al Mayadeen report...",
 * "How did the BBC cover..."), after "according to", or owning a story ("the Al Mayadeen piece"). Elsewhere the name is the topic ("Why
 * did Israel ban Al Jazeera broadcasts?") or an ordinary phrase ("the national guard").
 */
function namedAsSource(words: string, name: string): boolean {
  for (let at = words.indexOf(` ${name} `); at >= 0; at = words.indexOf(` ${name} `, at + 1)) {
    const before = words.slice(0, at + 1);
    const [next = ''] = words.slice(at + name.length + 2).split(' ');
    const asked = /\b(?:did|does|do|has|have|had|will|would) (?:the )?$/u.test(before) && (REPORTING_VERBS.has(next) || isCommunicationVerb(next));
    // "the Al Mayadeen piece", "the BBC story": the outlet's own coverage.
    if (isStoryNoun(next)) return true;
    if (asked || /\baccording to (?:the )?$/u.test(before)) return true;
  }
  return false;
}

/** A text folded to its words, one space apart. */
function foldedWords(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Whether a question asks how things stand now ("Who is the current IOC president?", "What is
 * the latest on the talks?"), when the newest coverage should answer rather than an old story.
 */
function aboutThePresent(text: string): boolean {
  return PRESENT_MARKERS.test(text);
}

/** The sentences that may answer: not questions themselves, nor headings (see `states`). */
export function answering(ranked: readonly RankedSentence[]): RankedSentence[] {
  return ranked.filter((r) => states(r.sentence.text));
}

/** The answer for ranked sentences of the retrieved articles. */
export function composeAnswer(text: string, candidates: Candidates, cache: SentenceCache): Omit<Answer, 'tookMs' | 'readAs'> {
  const { question, retrieved, counted, abbreviation } = candidates;
  const subject = askedSubject(text);
  const current = currentVersions(answering(candidates.ranked), retrieved.map((r) => r.article));
  const matching = aboutRarestName(aboutSubject(current, retrieved, subject, text, question), retrieved, text, question);
  const numbered = lasting(counting(matching, text, question, counted), text);
  const spelling = writingOut(numbered, abbreviation);
  const claim = claimOf(text);
  const copularSubject = copularSubjectOf(text, claim, question);
  const holding = holdingNamesFirst(spelling === undefined ? numbered : putFirst(numbered, spelling), text, question);
  const ranked = putFirstOfBestFew(holding, CLAIM_CANDIDATES, (candidate) => namesSubject(candidate, copularSubject, question));
  const best = ranked[0];
  const evidence = best ? answerEvidence(question, best, ranked, retrieved) : null;
  const judged = evidence ? judge(evidence) : null;
  // The name an abbreviation shortens, written beside it, is the answer itself: the gate, which weighs how much a sentence shares with the question, has one word to go on.
  // The sentence found writing it out is not read again; another the long-name check put first is.
  const writtenOut = best !== undefined && abbreviation !== null && spelling !== undefined && (best === spelling || writesOut(best.sentence.text, abbreviation));
  const confidence = writtenOut ? WRITTEN_OUT_CONFIDENCE : judged ? Math.round(judged.confidence * 100) / 100 : 0;
  const named = DEFINITION.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  // Every word of the thing must be a question term: "What was the name of..." names nothing.
  const namesApart = best !== undefined && named.length >= 2 && named.length === question.terms.length && best.phraseShare < 1;
  // Matched well otherwise, a subject the corpus never writes is more likely another name for one it does ("Bibi", "POTUS").
  // Where one outlet alone was searched, its own notice says more.
  const judgesNames = confidence < NAMED_OTHERWISE && candidates.outlet === null;
  const unmentioned = judgesNames ? (unmentionedSubject(subject, question, retrieved) ?? unmentionedFullName(text, question) ?? uncountedThing(counted, question, matching[0])) : null;
  if (unmentioned !== null) return unanswered(text, retrieved.map((r) => articleRef(r.article)).slice(0, MAX_RELATED), confidence, `Nothing in the coverage mentions ${unmentioned}.`);
  if (!best || !(judged?.quotes || writtenOut) || namesApart || missesPartOfName(text, question, best) || missesSpeaker(question, candidates.namedSpeaker, best, retrieved, text) || !namesSubject(best, copularSubject, question) || placesNothingInTime(text, question, best, cache) || leavesClaimUnstated(claim, question, ranked, subject)) {
    // A reader who named an outlet is told that only it was searched, not that the coverage lacks the topic.
    const searched = candidates.outlet === null ? null : `Nothing from ${candidates.outlet} in the coverage answers this.`;
    return unanswered(text, retrieved.map((r) => articleRef(r.article)).slice(0, MAX_RELATED), confidence, searched);
  }
  const quotes = pickQuotes(best, ranked, cache, question, confidence >= SURE);
  const sources: Source[] = [];
  const sentences: CitedSentence[] = quotes.map(({ article, sentence, context }) => {
    let source = sources.find((s) => s.id === article.id);
    if (!source) {
      source = { n: sources.length + 1, ...articleRef(article) };
      sources.push(source);
    }
    return { text: sentence.text, citation: source.n, context };
  });
  const related = retrieved
    .filter((r) => !sources.some((s) => s.id === r.article.id))
    .slice(0, MAX_RELATED)
    .map((r) => articleRef(r.article));
  return { question: text, answered: true, sentences, sources, related, confidence, notice: null, fact: null };
}

/**
 * Whether a yes/no question's claim (see `claims.ts`) goes unstated by the best sentence (see
 * `statesClaim`) and by the next few, which a reader sees quoted after it: one of those must write
 * the claim's verb with its subject ("US envoy Steve Witkoff is expected to meet..." for "Is Witkoff
 * due to meet al-Hayya on Wednesday?"). "Did Qatar condemn the strike on Doha?" is not answered by
 * a sentence telling of the strike and not of Qatar condemning it, nor "Did Russia veto the
 * resolution?" by Hamas's statement on it. A claim asked in the progressive ("Is Hamas still
 * holding 48 hostages?") is judged only by whose deed the best sentence tells (see
 * `Claim.progressive`, `leavesSubjectOpen`).
 */
function leavesClaimUnstated(claim: Claim | null, question: Question, ranked: readonly RankedSentence[], subject: AskedSubject | null): boolean {
  if (claim === null) return false;
  const verb = wordTermIndex(question, claim.verb);
  if (verb < 0) return false;
  const termsOf = (names: string[][]) => names.map((name) => name.map((word) => wordTermIndex(question, word)).filter((q) => q >= 0 && q !== verb)).filter((name) => name.length > 0);
  const relating = { claim, verb, subject: termsOf(claim.subject), named: termsOf(claim.named), namedSubject: namingTerms(subject, question) };
  const [best, ...next] = ranked.slice(0, CLAIM_CANDIDATES);
  // Written by the sentence itself: beside the best, the one naming the subject may only stand next to another's deed ("Former President Joe Biden had warned...").
  const writesWithSubject = (candidate: RankedSentence) => writesClaimVerb(candidate, relating, false) && relating.subject.every((name) => name.some((q) => candidate.matched.has(q)));
  const states = (candidate: RankedSentence) => (claim.progressive ? leavesSubjectOpen(candidate, relating) : statesClaim(candidate, relating));
  return best !== undefined && !states(best) && !next.some(writesWithSubject);
}

/** Candidates, from the best, of which one must state a yes/no question's claim. */
const CLAIM_CANDIDATES = 3;

/** A yes/no question's claim and the question terms of its verb and of its names and nouns (a name's terms together). */
interface ClaimTerms {
  claim: Claim;
  verb: number;
  subject: number[][];
  named: number[][];
  /** The terms of the name that is the question's subject (see `namingTerms`), any of which a sentence writing the verb must hold; empty when none is judged. */
  namedSubject: number[];
}

/**
 * Whether the best candidate states a claim: it writes the claim's verb (see `writesClaimVerb`)
 * of no other named subject than the question's (see `leavesSubjectOpen`: "Did Witkoff meet
 * Fidan?" is not answered by "Hakan Fidan has met with Khalil al-Hayya"); or, for a verb with any
 * sense of saying ("blast", "interview"), another verb of saying with the claim's subject held, by
 * any word of each name, as news writes the surname alone ("Kushner told CBS" for "Did CBS
 * interview Kushner?"); or it holds every name and noun of the question, whose relation may then
 * be the claim in other words ("Did Sharm el-Sheikh host a summit?" by "Their previous summit in
 * Sharm el-Sheikh"; "over" and "properly" are no such words).
 */
function statesClaim(candidate: RankedSentence, relating: ClaimTerms): boolean {
  const held = (q: number) => candidate.matched.has(q) || candidate.neighbourMatched.has(q);
  if (writesClaimVerb(candidate, relating) && leavesSubjectOpen(candidate, relating)) return true;
  if (hasCommunicationSense(relating.claim.lemma) && reportsSpeech(candidate.sentence) && leavesSubjectOpen(candidate, relating) && relating.subject.every((name) => name.some(held))) return true;
  return relating.named.every((name) => name.some((q) => candidate.matched.has(q)));
}

/**
 * Whether a candidate may tell of the deed of the name the question's subject is: it holds a word
 * of that name, or its own subject is no name but a role, a pronoun or a common noun, which news
 * writes for the one its lead names ("The electric-car maker also said it would recall...", "The
 * president signed the bill"). "Hakan Fidan has met with Khalil al-Hayya" tells of Fidan's deed,
 * not Witkoff's, whoever the sentences beside it name.
 */
function leavesSubjectOpen(candidate: RankedSentence, { namedSubject }: ClaimTerms): boolean {
  return namedSubject.length === 0 || namedSubject.some((q) => candidate.matched.has(q)) || !opensWithName(candidate.sentence.text);
}

/** Whether a candidate, or with `beside` the sentences beside it, write a claim's verb or a paraphrase; or it writes a word of any of the verb's senses or its opposite, which answers "no" ("Did Hamas accept the resolution?" by "Hamas rejects any clause..."). */
function writesClaimVerb(candidate: RankedSentence, { claim, verb }: ClaimTerms, beside = true): boolean {
  return candidate.matched.has(verb) || (beside && candidate.neighbourMatched.has(verb)) || writesVerbReading(candidate.sentence.text, claim.lemma, LIGHT_VERBS);
}

/**
 * Whether a question asking when (or in what year, or on what date) meets a best sentence that,
 * like the sentences beside it, places nothing in time (see `mentionsTime`; for "what year", in no
 * year, see `mentionsYear`; for "what date", on no day, see `mentionsDay`): "When was the
 * Friendship Hospital destroyed?" is not answered by "Discussions also included the army's
 * destruction of the Friendship Hospital", however well it matches, nor "What year did Witkoff's
 * son die?" by "Andrew died at age 22", nor "What date did the council vote?" by a sentence whose
 * neighbour says Hamas "swiftly" condemned the vote. A neighbour places the sentence's event only
 * by a day, a date, a year or a span of time ("The decision came hours after heavy rain"; see
 * `mentionsDayOrSpan`): its looser time words are its own ("the next phase", "swiftly condemned"),
 * so "When will the stabilization force deploy?" is not answered by the sentence announcing the
 * force between them. A sentence naming no date may still say when
 * in words ("after the end of the Mexican War", "while a child was in school"), so only one with
 * no time at all is refused; and the lead of a dated report tells the news of its day ("Bofors
 * president Martin Ardbo has resigned, the company said"), which the citation's date places.
 * "What time..." asks a time of day (see `mentionsClock`), which neither a day ("on Wednesday")
 * nor the report's date gives.
 */
function placesNothingInTime(text: string, question: Question, best: RankedSentence, cache: SentenceCache): boolean {
  const clock = asksClock(text);
  if ((question.wants !== 'time' && question.wants !== 'year') || (!clock && namesWantedKind(best, question))) return false;
  if (!clock && best.article.published !== null && best.sentence.paragraph === leadParagraph(best.article)) return false;
  const beside = [cache.previous(best.article, best.sentence), cache.next(best.article, best.sentence)];
  const places = clock ? mentionsClock : question.wants === 'year' ? mentionsYear : asksDay(text) ? mentionsDay : mentionsTime;
  const placesBeside = places === mentionsTime ? mentionsDayOrSpan : places;
  return !places(best.sentence.text) && !beside.some((sentence) => sentence !== undefined && placesBeside(sentence.text));
}

/** The index of an article's lead: its first paragraph that is not blank. */
function leadParagraph(article: Article): number {
  return article.paragraphs.findIndex((paragraph) => paragraph.trim() !== '');
}

/**
 * Whether the question asks what someone it names said ("What did Hezbollah say after the
 * strike?", `speaker`: their question terms) and the best sentence's story never names them (see
 * `storyNames`): its words are someone else's, however well it matches the rest ("The military
 * released video of the strike").
 */
function missesSpeaker(question: Question, speaker: readonly number[], best: RankedSentence, retrieved: readonly Retrieval[], text: string): boolean {
  return speaker.length > 0 && !storyNames(best.article, filtersOf(retrieved, best.article), [best], speaker, question, acronymsIn(text));
}

/**
 * The candidates whose story names the question's subject (see `askedSubject`), when the corpus
 * names it: a story that never names the subject is about someone else ("Did Yeutter say Japan
 * broke the chip pact?" is not answered by another official's words on the pact). The name's words
 * no article writes ("Benjamin" where the coverage writes "Netanyahu") are left out; a subject no
 * article names at all is left to `unmentionedSubject`, which allows for another name the coverage
 * may use. Neither a possessive ("Did Trump's plan...", "Did Gorbachev's government...": what is
 * asked about is the plan or the government, which a story names otherwise) nor a place ("Did
 * Washington vow...", answered by "The United States has vowed...": a capital or country stands
 * for its government, which news names in many ways) limits the candidates.
 */
function aboutSubject(ranked: RankedSentence[], retrieved: readonly Retrieval[], subject: AskedSubject | null, text: string, question: Question): RankedSentence[] {
  const named = namingTerms(subject, question);
  return named.length === 0 ? ranked : storiesNaming(ranked, retrieved, named, text, question);
}

/** The question terms of the subject's words the corpus holds; none for a possessive or a place, which a story may name otherwise (see `aboutSubject`). */
function namingTerms(subject: AskedSubject | null, question: Question): number[] {
  if (subject === null || subject.possessive || subject.name.some(isPlaceWord)) return [];
  return subject.name.map((word) => wordTermIndex(question, bareName(word))).filter((q) => (question.terms[q]?.variants.length ?? 0) > 0);
}

/** The candidates whose story names any of the question terms `named` (see `storyNames`). */
function storiesNaming(ranked: RankedSentence[], retrieved: readonly Retrieval[], named: readonly number[], text: string, question: Question): RankedSentence[] {
  const acronyms = acronymsIn(text);
  const naming = new Map<Article, boolean>();
  return ranked.filter(({ article }) => {
    const names = naming.get(article) ?? storyNames(article, filtersOf(retrieved, article), ranked, named, question, acronyms);
    naming.set(article, names);
    return names;
  });
}

/**
 * The candidates whose story names the question's most specific name, when the corpus holds it:
 * a name of one word holding its rarest term ("Aegon" in "Which bank is lead manager of the bond
 * issue for Dutch insurer Aegon?"), or any of several such names equally rare. A story that never
 * names it tells of something else (another insurer's bond issue), however well its sentences
 * match the rest. Only such a name: a question also names the setting a story leaves unsaid ("How
 * many NFL teams...?"), and a name of several words has short forms a story may use alone ("the
 * Fed", "UN", "von der Leyen"). A word the corpus holds only in another spelling (a typo
 * capitalised as a name) is not judged.
 */
function aboutRarestName(ranked: RankedSentence[], retrieved: readonly Retrieval[], text: string, question: Question): RankedSentence[] {
  const weight = (q: number) => question.terms[q]?.weight ?? 0;
  const rarest = Math.max(0, ...question.terms.flatMap((term, q) => (term.variants.length > 0 ? [weight(q)] : [])));
  const named = namesAsked(text, question).flatMap((name) => (name.words === 1 && name.terms.some((q) => weight(q) >= rarest) ? name.terms : []));
  return named.length === 0 ? ranked : storiesNaming(ranked, retrieved, named, text, question);
}

/** A name a question writes: how many words name its bearer, and the question terms of those the corpus holds as written. */
interface NameAsked {
  words: number;
  terms: number[];
}

/**
 * The names a question writes past its question word, particles within them ("Khalil al-Hayya",
 * "Ursula von der Leyen"), leaving out names of places, the words that only describe a name's
 * bearer (see `judgesNameWord`) or end a company's, and a name qualifying a noun (see
 * `qualifiesNoun`): "Trump's plan" and "the Trump plan" may be "the US plan" in a story that
 * never names Trump, "Baldrige's department" the Commerce Department.
 */
function namesAsked(text: string, question: Question): NameAsked[] {
  if (!capitalsMarkNames(text)) return [];
  const from = QUESTION_OPENER.exec(text)?.index ?? 0;
  const words = writtenWordsAt(text).filter((written) => written.start > from);
  const names: (NameAsked & { start: number; named: boolean })[] = [];
  words.forEach((word, at) => {
    if (!continuesName(word)) return;
    const before = words[at - 1];
    if (before === undefined || !continuesName(before) || !joinedInName(text, before, word)) names.push({ words: 0, terms: [], start: at, named: true });
    const name = names.at(-1);
    const bare = bareName(word.text);
    // A company's suffix ("Aegon NV") names no one of its own; an adjective ("United Nations") counts as a word of the name, but is not judged.
    if (name === undefined || NAME_PARTICLES.has(bare) || isRoleNoun(bare) || COMPANY_SUFFIXES.includes(bare)) return;
    name.words += 1;
    if (isPlaceWord(bare) || qualifiesNoun(text, words, name.start, at)) name.named = false;
    if (!judgesNameWord(bare)) return;
    const q = wordTermIndex(question, bare);
    const term = question.terms[q];
    if (term?.variants.some((variant) => variant.term === term.term)) name.terms.push(q);
  });
  return names.filter((name) => name.named && name.terms.length > 0);
}

/** The paragraph term filters of a retrieved article, if the index keeps them. */
function filtersOf(retrieved: readonly Retrieval[], article: Article): ParagraphTerms | undefined {
  return retrieved.find((r) => r.article === article)?.passages;
}

/** The words a question writes in capitals, folded ("cibc" for "CIBC"): only those may stand for a name a story spells out. */
function acronymsIn(text: string): Set<string> {
  return new Set((text.match(/\b\p{Lu}{2,6}\b/gu) ?? []).map(fold));
}

/**
 * Whether a story names any of the question terms `named` (a name's words, a speaker's; one word
 * is enough, as news calls a person by the surname): by the name, another spelling or a synonym,
 * in a ranked sentence, its title or its text; the words an acronym the question writes stands
 * for, there or in its outlet's name ("Canadian Imperial Bank of Commerce" for CIBC); or the
 * country of a capital ("What did Beijing say...": a capital speaks for its country's government).
 */
function storyNames(article: Article, passages: ParagraphTerms | undefined, ranked: readonly RankedSentence[], named: readonly number[], question: Question, acronyms: ReadonlySet<string>): boolean {
  const strongEnough = (matched: ReadonlyMap<number, number>) => named.some((q) => (matched.get(q) ?? 0) >= SPEAKER_NAMED);
  if (ranked.some((r) => r.article === article && (strongEnough(r.matched) || strongEnough(r.neighbourMatched)))) return true;
  const termsOf = named.flatMap((q) => question.terms[q] ?? []);
  const variants = termsOf.flatMap((term) => term.variants.filter((v) => v.weight >= SPEAKER_NAMED).map((v) => phraseTerms(v.term)));
  const holds = (text: string) => {
    const written = new Set(terms(text, 'index'));
    return variants.some((words) => words.every((word) => written.has(word)));
  };
  // Only paragraphs whose term filter may hold a variant are analysed: a whole 1,500-word story costs milliseconds.
  const mayName = (p: number) => passages === undefined || variants.some((words) => words.every((word) => passages.mayHold(p, word)));
  if (holds(article.title ?? '') || article.paragraphs.some((paragraph, p) => mayName(p) && holds(paragraph))) return true;
  const story = storyText(article);
  return termsOf.some((term) => acronyms.has(term.term) && spellsOut(story, term.term)) || namesCapitalsCountry(story, termsOf.map((term) => term.term));
}

/** An article's outlet, title and paragraphs as one text, where a name may be written otherwise than the question writes it: a page names its publisher in its masthead, which is not kept as text. */
function storyText(article: Article): string {
  return [article.outlet ?? '', article.title ?? '', ...article.paragraphs].join('\n');
}

/** Whether a story names the country whose capital `capital` (its index terms) names: "China" for "Beijing". */
function namesCapitalsCountry(story: string, capital: readonly string[]): boolean {
  const country = capitalCountry(capital);
  return country.length > 0 && terms(story, 'index').some((term) => country.includes(term));
}

/** The word that opens a question's own words: what comes before it ("During Ramadan, ...", "Hey Newsdesk, ...") sets the scene or names a source. */
const QUESTION_OPENER = /\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|did|does|do|will|would|can|could|has|have|had|should)\b/iu;
/**
 * What stands before a question's subject: its question word and up to three words ("How many
 * people"), then the auxiliary, then an article: "Did Iran...", "What did Mahmoud Abbas...",
 * "Who is Hakan Fidan?", "What was the Houthis' role...".
 */
const BEFORE_SUBJECT = /^(?:(?:who|whom|whose|what|when|where|which|why|how)(?:\s+[\p{L}\p{N}'’-]+){0,3}?\s+)?(?:is|are|was|were|did|does|do|will|would|can|could|has|have|had|should)\s+(the\s+)?/iu;

/**
 * The question's subject, when it is a name nothing in the corpus mentions ("Iran" in "Did Iran
 * send a delegation to the talks?"); else null. A corpus that never names the subject cannot
 * answer, whatever its size, unless the name is another for one it does name (see
 * `NAMED_OTHERWISE`): in a handful of articles, where most common words are missing, the gate's
 * evidence cannot tell an absent topic apart.
 *
 * The subject is read only where a question puts it, right after its auxiliary ("What did Mahmoud
 * Abbas say...", "Who is Hakan Fidan?"), from the question's own words on ("According to Reuters,
 * who did Witkoff meet?"): a name elsewhere may be an object or a setting the coverage words
 * otherwise ("...say about Bibi?", "...during Ramadan?", "What did Javier Milei say at the World
 * Economic Forum?" is answered "In Davos, ..."); "Which Gulf state...?" has no auxiliary before
 * its name, which qualifies what is asked. A name is a run of capitalised words (see `isNameWord`), with
 * particles ("Khalil al-Hayya"), a short abbreviation's full stop ("Mr. Putin") and "of" between
 * capitalised words ("Emir of Qatar"); one that qualifies a noun is no subject ("the Hamas
 * delegation", "Turkish officials"), and its title ("President", "Minister") is no part of it to
 * judge. In a question Typed In Title Case, capitals mark no name.
 *
 * A name is mentioned when the corpus holds any of its words or their variants (another spelling,
 * a close one, another name of the country): news names a person by the surname alone, so
 * "Benjamin Netanyahu" is mentioned where the coverage writes "Netanyahu". A candidate story that
 * spells out an acronym, names the country of a capital ("China" for "Beijing"), or writes apart
 * a word the question writes solid ("Super Bowl" for "Superbowl") mentions it too.
 */
function unmentionedSubject(subject: AskedSubject | null, question: Question, retrieved: readonly Retrieval[]): string | null {
  return subject === null || mentioned(subject.name, question, retrieved) ? null : subject.written;
}

/** The name a question asks about as its subject (see `unmentionedSubject`). */
interface AskedSubject {
  /** Its words to judge, without particles, titles and adjectives. */
  name: string[];
  /** The name as the question writes it, without a possessive ending. */
  written: string;
  /** Whether the question writes it as a possessive ("Erdogan's government"). */
  possessive: boolean;
}

/**
 * A name of two words or more the question writes anywhere, as its subject or not ("Who replaced
 * Yahya Sinwar as Hamas leader?"), no word of which the corpus holds, in any spelling close to
 * it; else null. A name whose every word is missing is no other name for someone the coverage
 * names, as "Bibi" may be: news names a person by the surname at least, and a coverage that never
 * writes any of the name cannot say anything about them. A name's words are capitalised (a
 * question typed in lowercase or in capitals throughout has its names capitalised before, see
 * `truecase.ts`) and no common words: "Ramadan iftar" is no name, and the coverage may call it
 * "breaking fast". Particles may stand inside ("Mohammed bin Salman"), and a possessive ends the
 * name.
 */
function unmentionedFullName(text: string, question: Question): string | null {
  if (!capitalsMarkNames(text)) return null;
  const isUnknownName = (word: WrittenWord) => {
    const folded = bareName(word.text);
    const q = wordTermIndex(question, folded);
    // Chat shorthand is no name ("btw idk", "smth abt"): a name's word writes a vowel and is no interjection.
    if (q < 0 || question.terms[q]?.variants.length !== 0 || !/^\p{Lu}[\p{L}'’-]*$/u.test(word.text) || !/[aeiouy]/u.test(folded) || isInterjection(folded)) return false;
    return knownOnlyAsName(folded);
  };
  const isParticle = (word: WrittenWord) => NAME_PARTICLES.has(bareName(word.text));
  let run: WrittenWord[] = [];
  const runs = [run];
  for (const word of writtenWordsAt(text)) {
    const end = run.at(-1);
    const continues = end !== undefined && /^\s+$/u.test(text.slice(end.end, word.start)) && !POSSESSIVE.test(end.text);
    const unknown = isUnknownName(word);
    if (continues && (unknown || isParticle(word))) run.push(word);
    else {
      run = unknown ? [word] : [];
      runs.push(run);
    }
  }
  const name = runs.find((run) => run.filter((word) => !isParticle(word)).length >= 2 && run.some((word) => bareName(word.text).length >= SHORTEST_NAME_WORD));
  const last = name?.findLast((word) => !isParticle(word));
  return name && last ? text.slice(name[0]?.start, last.end).replace(POSSESSIVE, '') : null;
}

/** Letters that at least one word of a full name has: three-letter runs are more often chat ("lol idk") than a name. */
const SHORTEST_NAME_WORD = 4;

/** The question's subject (see `unmentionedSubject`); null when it names none. */
function askedSubject(text: string): AskedSubject | null {
  if (!capitalsMarkNames(text)) return null;
  const from = QUESTION_OPENER.exec(text)?.index ?? 0;
  const slot = BEFORE_SUBJECT.exec(text.slice(from));
  if (!slot) return null;
  const words = writtenWordsAt(text).filter((word) => word.start >= from + slot[0].length);
  const bare = (word: WrittenWord | undefined) => bareName(word?.text ?? '');
  const isName = (word: WrittenWord | undefined) => word !== undefined && isAskedNameWord(word);
  const joined = (left: WrittenWord | undefined, right: WrittenWord | undefined) => left !== undefined && right !== undefined && joinedInName(text, left, right);
  const inName = (at: number) => {
    const word = words[at];
    if (!joined(words[at - 1], word)) return false;
    return (word !== undefined && continuesName(word)) || (word?.text === 'of' && isName(words[at + 1]));
  };
  if (!isName(words[0])) return null;
  let end = 1;
  while (end < words.length && inName(end)) end += 1;
  const next = words[end];
  // A name before a noun qualifies it ("the Hamas delegation", "Turkish officials"); one before its verb is the subject ("did Iran send"), though the verb may be a noun too ("did Hezbollah say") when no article stands before the name.
  const beforeNoun = joined(words[end - 1], next) && !POSSESSIVE.test(words[end - 1]?.text ?? '') && /^\p{Ll}/u.test(next?.text ?? '') && firstSenseWords(bare(next), 'noun').length > 0;
  if (beforeNoun && (slot[1] !== undefined || firstSenseWords(bare(next), 'verb').length === 0)) return null;
  const name = words.slice(0, end).filter((word) => word.text !== 'of' && judgesNameWord(bare(word)));
  if (name.length === 0) return null;
  const written = text.slice(words[0]?.start, words[end - 1]?.end);
  return { name: name.map((word) => word.text), written: written.replace(POSSESSIVE, ''), possessive: POSSESSIVE.test(written) };
}

/**
 * Whether a word the question writes may be a name's (see `isNameWord`): an abbreviation WordNet
 * holds ("TV") may be written out or be a common noun, and a name hyphenated to a lowercase word
 * is an adjective ("Iran-backed").
 */
function isAskedNameWord(word: WrittenWord): boolean {
  return isNameWord(word.text, false) && !/-\p{Ll}/u.test(word.text) && !(/^\p{Lu}+$/u.test(word.text) && firstSenseWords(bareName(word.text)).length > 0);
}

/** Whether two words the question writes stand in one name: a space between them, or a short abbreviation's full stop ("Mr. Putin"). */
function joinedInName(text: string, left: WrittenWord, right: WrittenWord): boolean {
  return (left.text.length <= 3 ? /^\.?\s+$/u : /^\s+$/u).test(text.slice(left.end, right.start));
}

/**
 * Whether the name starting at word `start`, through its word at `at`, qualifies the noun after
 * it: a possessive ("Trump's plan"), or a name before a noun that is no stopword ("the Trump
 * plan", "How many Hamas delegates..."). After an auxiliary, a word that may be a verb too is the
 * name's verb unless an article opens the name ("did Aegon pay", but "did the Hamas delegation
 * say"), as `askedSubject` reads one.
 */
function qualifiesNoun(text: string, words: readonly WrittenWord[], start: number, at: number): boolean {
  const word = words[at];
  const next = words[at + 1];
  if (word === undefined) return false;
  if (POSSESSIVE.test(word.text)) return true;
  if (next === undefined || !/^\p{Ll}/u.test(next.text) || !joinedInName(text, word, next) || STOPWORDS.has(fold(next.text))) return false;
  const noun = bareName(next.text);
  const subject = AUXILIARY.test(text.slice(0, words[start]?.start ?? 0)) && !DETERMINERS.has(fold(words[start - 1]?.text ?? ''));
  return firstSenseWords(noun, 'noun').length > 0 && !(subject && firstSenseWords(noun, 'verb').length > 0);
}

/** An auxiliary, after which a question names its subject and then its verb ("How much did Aegon pay..."). */
const AUXILIARY = /\b(?:did|does|do|will|would|can|could|should|has|have|had)\b/iu;

/** Whether a word the question writes may stand in a name: a name's word (see `isAskedNameWord`) or a particle ("al-Hayya", "von der Leyen"). */
function continuesName(word: WrittenWord): boolean {
  return isAskedNameWord(word) || NAME_PARTICLES.has(bareName(word.text)) || PARTICLE_NAME.test(word.text);
}

/** Whether a word of a name, bare, names its bearer: no particle ("al"), role ("President") or adjective ("Turkish") only describes them. */
function judgesNameWord(bare: string): boolean {
  return !NAME_PARTICLES.has(bare) && !isRoleNoun(bare) && firstSenseWords(bare, 'adj').length === 0;
}

/**
 * For a question asking a count, an amount or an age, the candidates that may give it: a sentence
 * writing no number cannot ("How many troops will the ISF have?" is not answered by the sentence
 * announcing the force; see `writesCount`). Where the best match writes none, a sentence with a
 * number takes its place only if it counts the thing asked (`counted`, as written: "13 dead" for
 * "How many died in the strike?"), not something else it names beside the place ("About 2,400
 * people live in Ashby" for "How many homes were flooded in Ashby?"). An age or an amount may
 * stand after its word ("Fidan, 57,", "cost 40 million").
 */
function counting(ranked: RankedSentence[], text: string, question: Question, counted: string | null): RankedSentence[] {
  const asked = countAsked(text);
  if (asked === null) return ranked;
  // "How old was Hayya's son?" is not answered by the age of Witkoff's son written beside him, nor "How old was Himam al-Hayya?".
  const possession = asked === 'amount' ? null : askedPossession(text);
  const subject = asked === 'age' && possession === null ? askedSubject(text) : null;
  const numbered = ranked.filter(
    (r) =>
      (asked === 'amount' ? writesAmount(r.sentence.text) : writesCount(r.sentence.text, counted, asked)) &&
      !(possession !== null && numbersOwnedByOthers(r.sentence.text, possession)) &&
      !(subject !== null && agesOfOthers(r.sentence.text, subject)),
  );
  if (numbered[0] === ranked[0]) return numbered;
  const term = question.terms[question.counted];
  // A thing the corpus never writes, or counts without naming ("times", "people"), is met by a count of any question term.
  const named = term !== undefined && term.variants.length > 0 && !UNNAMED_COUNTS.has(fold(counted ?? ''));
  const countsAsked = countsAskedThing(question, named ? question.counted : null, asked);
  return numbered.filter((r) => countsAsked(r.sentence.text));
}

/**
 * Whether every number a sentence writes is an age told of someone other than the subject a "how
 * old" question asks about, whom the sentence names too (see `ageOwners`): "Witkoff's son Andrew
 * died at age 22 ..., while Hayya's son, Himam al-Hayya, was killed" gives Andrew's age, not
 * Himam's. An age whose owner the sentence does not say ("a 34-year-old man") is not judged.
 */
function agesOfOthers(sentence: string, subject: AskedSubject): boolean {
  // Read first, as it is cheap: most sentences write a number that is no age, and are not judged.
  const numbers = numbersWritten(sentence);
  if (numbers.length === 0 || numbers.some((number) => number.age === null)) return false;
  const asked = subject.name.map(bareName);
  const isAsked = (word: WrittenWord) => asked.some((name) => sameNameWord(bareName(word.text), name));
  const names = writtenWordsAt(sentence).filter((word, i) => isNameWord(word.text, i === 0) && !isPlaceWord(bareName(word.text)));
  return (
    names.some(isAsked) &&
    numbers.every((number) => {
      const owners = ageOwners(sentence, names, number);
      return owners.length > 0 && !owners.some(isAsked);
    })
  );
}

/** Where a clause opens that tells of someone else: after a semicolon, or a "while", "whereas" or "but" joining two. */
const CLAUSE_OPENING = /;|,\s+(?:while|whereas|but)\b|\s(?:while|whereas)\s/gu;

/**
 * The name words (`names`, as the sentence writes them) an age is told of, read from how it is
 * written (see `AgeForm`): "34-year-old Sarah Thompson" the name right after it, "Sarah Thompson,
 * a 34-year-old nurse" and "King Charles III, 76," the name right before the comma, "has died aged
 * 76" the last name before it in its clause, outside an aside set off by commas ("Ozzy Osbourne, the
 * frontman of Black Sabbath, has died aged 76"; "David Kline said his son Jacob died aged 19" is
 * Jacob's). None for a number that is no age, or a "-year-old" whose bearer is not named so.
 */
function ageOwners(sentence: string, names: readonly WrittenWord[], { at, age, until }: WrittenNumber): WrittenWord[] {
  const joined = (left: WrittenWord | undefined, right: WrittenWord | undefined) => left !== undefined && right !== undefined && /^\s+$/u.test(sentence.slice(left.end, right.start));
  // The run of name words, one space apart, that ends at `last` among `candidates`.
  const runEndingAt = (candidates: readonly WrittenWord[], last: number) => {
    let first = last;
    while (joined(candidates[first - 1], candidates[first])) first -= 1;
    return last < 0 ? [] : candidates.slice(first, last + 1);
  };
  const before = (limit: number, candidates: readonly WrittenWord[] = names) => runEndingAt(candidates, candidates.findLastIndex((word) => word.end <= limit));
  if (age === 'year-old') {
    const next = names.findIndex((word) => word.start >= until);
    const bearer = names[next];
    if (bearer !== undefined && /^\s+$/u.test(sentence.slice(until, bearer.start))) {
      let last = next;
      while (joined(names[last], names[last + 1])) last += 1;
      return names.slice(next, last + 1);
    }
    const apposed = /,\s+an?\s+$/u.exec(sentence.slice(0, at));
    return apposed ? before(apposed.index) : [];
  }
  if (age === 'apposition') return before(at);
  if (age === null) return [];
  const opening = Math.max(0, ...[...sentence.slice(0, at).matchAll(CLAUSE_OPENING)].map((found) => (found.index ?? 0) + found[0].length));
  const asides = [...sentence.slice(opening, at).matchAll(/,[^,;]*,/gu)].map((found) => ({ start: opening + (found.index ?? 0), end: opening + (found.index ?? 0) + found[0].length }));
  const outside = names.filter((word) => word.start >= opening && !asides.some((aside) => word.start >= aside.start && word.end <= aside.end));
  return before(at, outside);
}

/** Counted things a story counts without naming them: events ("for the second time", "twice") and persons ("13 dead"). */
const UNNAMED_COUNTS = new Set(['times', 'people', 'persons']);

/**
 * The thing a "how many" question counts (`counted`, as written), when no article writes it or any variant
 * ("hostages" in "How many Israeli hostages remain in Gaza?" asked of coverage that never
 * mentions hostages) and the best match writes no count either; else null. As for an unmentioned
 * subject, a coverage that never names what is counted cannot give its number. Only a regular
 * plural is judged: a verb or an adverb read in its place ("How many months apart...") is not what
 * is counted, and a sentence writing a count may count the thing by another name ("13 dead and a
 * number of others wounded" for injuries).
 */
function uncountedThing(counted: string | null, question: Question, best: RankedSentence | undefined): string | null {
  const term = question.terms[question.counted];
  if (counted === null || term === undefined || term.variants.length > 0 || UNNAMED_COUNTS.has(fold(counted)) || !isPluralNoun(fold(counted))) return null;
  return best !== undefined && writesCount(best.sentence.text, counted) ? null : counted;
}

/** Whether the corpus mentions a name, by any of its words as written; a word that is no question term (a stopword, the outlet searched) counts as mentioned, as it cannot be judged. */
function mentioned(name: readonly string[], question: Question, retrieved: readonly Retrieval[]): boolean {
  const named = name.map((word) => wordTermIndex(question, bareName(word)));
  if (named.some((q) => q < 0 || (question.terms[q]?.variants.length ?? 0) > 0)) return true;
  const stories = retrieved.map((r) => storyText(r.article));
  const solid = name.map(bareName).filter((word) => word.length >= SOLID_LENGTH);
  if (solid.length > 0 && stories.map(writtenApart).some((apart) => solid.some((word) => apart.has(word)))) return true;
  const [only] = name;
  if (name.length === 1 && only !== undefined && /^\p{Lu}{2,6}$/u.test(only) && stories.some((story) => spellsOut(story, bareName(only)))) return true;
  const capital = named.map((q) => question.terms[q]?.term ?? '');
  return stories.some((story) => namesCapitalsCountry(story, capital));
}

/** The least length of a word a story may write as two ("Superbowl"): shorter words join by chance ("of" + "ten"). */
const SOLID_LENGTH = 6;

/** Every two neighbouring words of a text joined, folded ("super bowl" → "superbowl"), so a word written solid is met where the text writes it apart. */
function writtenApart(text: string): Set<string> {
  const words = fold(text).match(/\p{L}+/gu) ?? [];
  return new Set(words.slice(1).map((word, at) => `${words[at]}${word}`));
}

/**
 * A name of three or more capitalised words ("Nobel Peace Prize", "European Court of Justice")
 * is one thing; a sentence holding only some of its words ("the Nobel Prize in Physics") speaks
 * of another. Two-word names are exempt: news calls a person by the surname alone.
 */
const LONG_NAME = /(?<!^\s*)(?:\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:of|the|for|de|von|van)){0,2}\s+){2,}\p{Lu}[\p{L}\p{N}'’.-]*/gu;

/**
 * Whether the best sentence, with its neighbours (unless `besideToo` is false), misses a long name
 * of the question: the first, most often its subject ("the Central Bank of Nigeria" in "What did
 * the Central Bank of Nigeria do while the European Central Bank held rates?"), unless held
 * whole, where no other name (see `isNameWord`) comes before it; any other only when held in
 * part, as another thing sharing its words. A later name not mentioned at all is where or when
 * the subject acted ("Who is the National Audubon Society president who spoke at the West Coast
 * Audubon Convention?"), and its words held as part of a name held whole ("Audubon") do not count.
 */
function missesPartOfName(text: string, question: Question, best: RankedSentence, besideToo = true): boolean {
  // In a question Typed In Title Case, capitals mark no name.
  if (!capitalsMarkNames(text)) return false;
  const held = (q: number) => best.matched.has(q) || (besideToo && best.neighbourMatched.has(q));
  const found = [...text.matchAll(LONG_NAME)];
  const names = found.map(([name]) =>
    terms(name, 'query').flatMap((term) => {
      const q = termIndex(question, term);
      return q >= 0 ? [q] : [];
    }),
  );
  // A name before it ("What did Javier Milei say at the World Economic Forum?") is the subject instead; "On Monday, what did..." names nobody.
  const before = text.slice(0, found[0]?.index ?? 0).match(/\s\p{Lu}[\p{L}'’-]*/gu) ?? [];
  const subjectFirst = !before.some((word) => isNameWord(word.trim(), false));
  const wholeWords = new Set(names.filter((name) => name.every(held)).flat());
  return names.some((name, n) => !name.every(held) && ((n === 0 && subjectFirst) || name.some((q) => held(q) && !wholeWords.has(q))));
}

/**
 * For a question asking how long, the candidates that may say: a sentence giving no span of time
 * or length (see `writesDuration`) cannot, however well it matches ("Fidan met on Saturday with a
 * Hamas delegation..." for "How long did the Fidan meeting last?").
 */
function lasting(ranked: RankedSentence[], text: string): RankedSentence[] {
  return asksDuration(text) ? ranked.filter((candidate) => writesDuration(candidate.sentence.text)) : ranked;
}

/**
 * The first candidate writing out the abbreviation asked (see `writesOut`), to be quoted first:
 * for "What does NBT stand for?", "...a file format known as Named Binary Tag (NBT)" answers, and
 * a better-matching sentence that only uses "NBT" does not. Undefined where none writes it out.
 */
function writingOut(ranked: readonly RankedSentence[], abbreviation: string | null): RankedSentence | undefined {
  return abbreviation === null ? undefined : ranked.find((candidate) => writesOut(candidate.sentence.text, abbreviation));
}

/** The candidates with `chosen`, one of them, moved first and the others in their order. */
function putFirst(ranked: readonly RankedSentence[], chosen: RankedSentence): RankedSentence[] {
  return [chosen, ...ranked.filter((candidate) => candidate !== chosen)];
}

/** Candidates, from the best, among which one holding the question's long names is quoted first. */
const NAME_CANDIDATES = 3;

/**
 * The candidates with the first of the best few that misses no long name of the question (see
 * `missesPartOfName`), by its own words and not the sentences beside it, put first where the best
 * misses one: "Buchheister told delegates to the West Coast Audubon Convention..." names who, but
 * not that he is the National Audubon Society's president, which the sentence after it in the
 * ranking does. Where each misses one, the order stands and the best is refused.
 */
function holdingNamesFirst(ranked: RankedSentence[], text: string, question: Question): RankedSentence[] {
  const best = ranked[0];
  if (best === undefined || !missesPartOfName(text, question, best)) return ranked;
  return putFirstOfBestFew(ranked, NAME_CANDIDATES, (candidate) => !missesPartOfName(text, question, candidate, false));
}

/** The candidates with the first of the best `few` that `fits` put first, where the best does not fit; in their order where none does. */
function putFirstOfBestFew(ranked: RankedSentence[], few: number, fits: (candidate: RankedSentence) => boolean): RankedSentence[] {
  const best = ranked[0];
  if (best === undefined || fits(best)) return ranked;
  const fitting = ranked.slice(1, few).find(fits);
  return fitting === undefined ? ranked : putFirst(ranked, fitting);
}

/**
 * The question terms of the name that is the subject of a yes/no question about what someone is
 * or where they were ("Trump" in "Was Trump at the Sharm el-Sheikh summit?", "Khalil al-Hayya" in
 * "Is Khalil al-Hayya a Hezbollah official?"): the words after an article, up to the first
 * stopword, that are no common word, title or place and that the corpus holds. Such a question has
 * no verb a claim could check (`claim`, the question's, is null; see `claims.ts`). Empty for other questions, and where the subject
 * is a pronoun, "there", a possessive or ends in a common word, plurals and titles too ("Is the
 * part about Fidan from a Turkish statement?", "Was the hostage taken to a base?", "Is the Prime
 * Minister...?"), which a sentence may word otherwise ("The captive was taken...", "Okafor").
 */
function copularSubjectOf(text: string, claim: Claim | null, question: Question): number[] {
  const opening = COPULAR_QUESTION.exec(text);
  if (!opening || claim !== null) return [];
  const written = text.slice(opening[0].length).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const from = ARTICLES.has(fold(written[0] ?? '')) ? 1 : 0;
  const end = written.findIndex((word, at) => at >= from && STOPWORDS.has(fold(word)));
  const subject = written.slice(from, end < 0 ? written.length : end);
  // A capitalised word is a name ("Trump"), save a title; a lowercase one only if WordNet knows it as no common word, nor its singular ("hostages").
  const isName = (word: string) => !isRoleNoun(fold(word)) && (/^\p{Lu}/u.test(word) || ![fold(word), ...inflectedFrom(fold(word))].some(isCommonWord));
  const head = subject.at(-1);
  // A subject headed by a common word is a description a story may word otherwise ("the Westport council": "councillors"; "the Prime Minister": "Okafor"), and one owned asks about what is owned ("Is Okafor's trip a photo opportunity?": "Vesna called the trip...").
  if (head === undefined || !isName(head) || subject.some((word) => POSSESSIVE.test(word))) return [];
  return subject
    .filter((word) => isName(word) && !isPlaceWord(word))
    .map((word) => wordTermIndex(question, word))
    .filter((q) => q >= 0 && (question.terms[q]?.variants.length ?? 0) > 0);
}

/** A yes/no question about one subject, opening with "is" or "was": "Are the Greens against...?" asks about a group a story names by its members ("Haddad, the first Green MP..."). */
const COPULAR_QUESTION = /^\s*(?:is|was)\s+/iu;

/**
 * Whether a candidate names the subject `named` by its own words (any word of the name, as news
 * writes a surname alone), or by a title the sentence beside it gives with the name ("...the
 * Turkish president said while breaking fast at the National Defense University", after "President
 * Recep Tayyip Erdogan said..."): "Their previous summit in Sharm el-Sheikh..." says nothing of
 * whether Trump was there, though the sentence before it names him ("Trump’s son-in-law").
 */
function namesSubject(candidate: RankedSentence, named: readonly number[], question: Question): boolean {
  if (named.length === 0) return true;
  if (named.some((q) => candidate.matched.has(q) && !writesOnlyAsOwner(candidate.sentence.text, question.terms[q], askedTermsOf(question)))) return true;
  return named.some((q) => candidate.neighbourMatched.has(q)) && rolesByTitle(candidate.sentence.text).length > 0;
}

/**
 * Whether a sentence writes a question term only as the owner of a person ("former senior adviser
 * and Trump’s son-in-law"), which names the one owned: "Was Trump at the summit?" is not answered
 * by his son-in-law's being there. Not where the one owned is named by the question's words
 * (`asked`: "Biden's son Hunter" for "Was Hunter Biden...?"), nor where the owner is named again
 * after (see `namedAgain`).
 */
function writesOnlyAsOwner(text: string, term: QuestionTerm | undefined, asked: ReadonlySet<string>): boolean {
  const variants = new Set(term?.variants.map((v) => v.term));
  const tokens = tokenize(text, 'index');
  const owners = tokens.filter((token) => variants.has(token.term));
  return owners.length > 0 && owners.every((owner) => ownsPerson(text, tokens, owner, asked));
}

/**
 * Whether a possessive owns a person named otherwise: its word (all of it: "Adeyemi-Okafor's") ends
 * in "'s", and one of the two words right after it is a noun of persons ("Okafor's former
 * spokesman", "Okafor's press secretary") not followed by a name the question asks.
 */
function ownsPerson(text: string, tokens: readonly Token[], owner: Token, asked: ReadonlySet<string>): boolean {
  if (!POSSESSIVE.test(text.slice(owner.start, owner.end))) return false;
  const following = wordsRightAfter(text, tokens, owner.end, OWNED_REACH + 1);
  const roleAt = following.slice(0, OWNED_REACH).findIndex((token) => isRoleNoun(token.word));
  const owned = following[roleAt];
  if (owned === undefined) return false;
  const name = following[roleAt + 1];
  const ownedNamed = name !== undefined && asked.has(name.term) && /\p{Lu}/u.test(text.charAt(name.start));
  return !ownedNamed && !namedAgain(text.slice(owned.end), isPluralNoun(owned.word));
}

/** Words read after a possessive for the person it owns: the noun and one word qualifying it. */
const OWNED_REACH = 2;

/** The tokens of up to `count` words right after `from`, each a space or a hyphen from the one before. */
function wordsRightAfter(text: string, tokens: readonly Token[], from: number, count: number): Token[] {
  const found: Token[] = [];
  let end = from;
  for (const token of tokens) {
    if (token.start < from || token.start < end) continue;
    if (found.length === count || !/^[\s-]+$/u.test(text.slice(end, token.start))) break;
    found.push(token);
    end = token.end;
  }
  return found;
}

/**
 * Whether the rest of a sentence names a possessive's owner again: by a title in the singular
 * ("Putin's spokesman attended, while the president held meetings"), by "him" or a reflexive
 * ("Macron's host greeted him", "while the senator himself stayed"), or, after persons owned in the
 * plural, by "he" or "she" ("Carter's doctors said he would miss six weeks"), which after one
 * person owned stands for that person ("Okafor's spokesman said he attended").
 */
function namedAgain(rest: string, ownedPlural: boolean): boolean {
  return rolesByTitle(rest).some((role) => !isPluralNoun(role)) || OWNER_AS_OBJECT.test(rest) || (ownedPlural && OWNER_AS_SUBJECT.test(rest));
}

/** Pronouns that name a possessive's owner again as an object or a reflexive; "her" is left out, as often a possessive of another. */
const OWNER_AS_OBJECT = /\b(?:him|himself|herself)\b/iu;
/** Pronouns that name the owner as a subject, after persons owned in the plural. */
const OWNER_AS_SUBJECT = /\b(?:he|she)\b/iu;

/** The words of a text's "the ..." phrases that name a role ("president" in "the Turkish president said"), folded. */
function rolesByTitle(text: string): string[] {
  return [...text.matchAll(TITLE_PHRASE)].flatMap(([, title = '']) => title.split(/\s+/u).map(fold).filter((word) => isRoleNoun(word)));
}

/** "the" and up to three words, one of which may be a title: "the Turkish president", "The prime minister". */
const TITLE_PHRASE = /\bthe\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2})/giu;

/** An answer that quotes nothing. */
export function unanswered(question: string, related: ArticleRef[], confidence = 0, notice: string | null = null): Omit<Answer, 'tookMs' | 'readAs'> {
  return { question, answered: false, sentences: [], sources: [], related, confidence, notice, fact: null };
}

function pickQuotes(best: RankedSentence, ranked: readonly RankedSentence[], cache: SentenceCache, question: Question, sure: boolean): Quote[] {
  const close = ranked.filter((r) => r.coverage >= best.coverage * RUNNER_UP_COVERAGE && r.score >= best.score * RUNNER_UP_SHARE);
  // The best may rank below another (see `holdingNamesFirst`): it is quoted first all the same.
  const quotes = addQuotes(addQuotes([], [best], cache, question), close, cache, question);
  const lacksKind = best.namesKind === false;
  if (sure && !lacksKind) return quotes;
  // The fact asked may stand a few sentences after the first quote, in its own story: only there, and only in slots left.
  const runnersUp = new Set(close);
  const further = ranked.filter(
    (r) => r.article === best.article && !runnersUp.has(r) && r.coverage >= best.coverage * UNSURE_COVERAGE && r.score >= best.score * UNSURE_SHARE,
  );
  if (lacksKind) {
    // A first quote without the kind asked for (no figure for "how many") is the story's premise: its best sentence naming one may hold the fact.
    const naming = further.slice(0, KIND_IN_STORY).find((r) => namesWantedKind(r, question));
    if (naming) addQuotes(quotes, [naming], cache, question);
  }
  return sure ? quotes : addQuotes(quotes, further, cache, question);
}

/**
 * The kinds of answer a neighbour is brought for when the quote gives none: a number or a time,
 * which the sentence beside a story's statement often adds. Any capitalised word reads as a name,
 * and a place the lexicon does not know as none, so a neighbour "naming" a person or a place was
 * as often another story's actor ("President Obama also said:" beside "a gunman...").
 */
const NEIGHBOUR_KINDS: ReadonlySet<AnswerKind> = new Set(['quantity', 'time', 'year']);

/** Adds candidates to `quotes` greedily by score (a further one from an article already quoted counts for less), each with the sentence it needs, up to `MAX_SENTENCES`. */
function addQuotes(quotes: Quote[], candidates: readonly RankedSentence[], cache: SentenceCache, question: Question): Quote[] {
  const remaining = bestOfEachArticle(candidates, QUOTE_CANDIDATES_PER_ARTICLE);
  while (quotes.length < MAX_SENTENCES && remaining.length > 0) {
    let pick = 0;
    let pickScore = -Infinity;
    remaining.forEach((candidate, i) => {
      const fromSameArticle = quotes.filter((q) => q.article === candidate.article).length;
      const score = candidate.score * SAME_ARTICLE_DISCOUNT ** fromSameArticle;
      if (score > pickScore) [pick, pickScore] = [i, score];
    });
    const [candidate] = remaining.splice(pick, 1);
    if (!candidate || quotes.some((q) => nearDuplicate(q.sentence, candidate.sentence))) continue;
    // A context sentence the reader already has, quoted from this story or another copy of it, is not quoted again.
    const adding = [{ article: candidate.article, sentence: candidate.sentence, context: false }, contextFor(candidate, cache, question, quotes.length === 0)].filter(
      (q): q is Quote =>
        q !== null &&
        !quotes.some((k) => (k.article === q.article && k.sentence.paragraph === q.sentence.paragraph && k.sentence.index === q.sentence.index) || (q.context && nearDuplicate(k.sentence, q.sentence))),
    );
    if (quotes.length + adding.length > MAX_SENTENCES) continue;
    quotes.push(...adding);
  }
  return quotes;
}

/**
 * The sentence this one needs to be understood, within the same article: the one before when it
 * starts by pointing back ("He said...", "This..."; not a dummy "It is said that...") or is a
 * quotation alone, whose speaker it names; the one naming whom a role it names alone stands for
 * ("Finance Minister Kiichi Miyazawa met..." for "The minister said...", see `roles.ts`); the one
 * after when it is a lead-in ending with a colon ("Obama also said:"); for the `first` quote, where it gives no number or time the question asks
 * for (see `NEIGHBOUR_KINDS`; a time of day the tagger misses, "at 0600", counts), the one after
 * or before that does ("The sanctuary... became the
 * property of the National Audubon Society." for "How big is the sanctuary?", then "...the deed
 * to the 645-acre tidelands tract"); else the neighbour that holds question terms it lacks.
 * A heading is never that sentence: it names what follows it, not what it stands beside.
 */
function contextFor(ranked: RankedSentence, cache: SentenceCache, question: Question, first: boolean): Quote | null {
  const text = ranked.sentence.text;
  const before = cache.previous(ranked.article, ranked.sentence);
  // "He also said:" points back, but what it introduces is what the reader lacks.
  const after = LEAD_IN.test(text) ? cache.next(ranked.article, ranked.sentence) : undefined;
  if (after && states(after.text)) return { article: ranked.article, sentence: after, context: true };
  // "The minister said..." needs the sentence naming the minister, however far before.
  const introducing = bearerIntroduction(ranked.article, ranked.sentence, cache);
  if (introducing) return { article: ranked.article, sentence: introducing, context: true };
  if (before && states(before.text) && (pointsBack(text) || BARE_QUOTATION.test(text))) return { article: ranked.article, sentence: before, context: true };
  if (first && question.wants !== null && NEIGHBOUR_KINDS.has(question.wants) && !namesWantedKind(ranked, question) && !mentionsClock(text)) {
    const naming = [cache.next(ranked.article, ranked.sentence), before].find((sentence) => sentence !== undefined && states(sentence.text) && sentenceNamesWantedKind(sentence, question));
    if (naming) return { article: ranked.article, sentence: naming, context: true };
  }
  if (ranked.neighbourCoverage < NEIGHBOUR_CONTEXT) return null;
  const neighbour = ranked.supportedBy;
  return neighbour && states(neighbour.text) ? { article: ranked.article, sentence: neighbour, context: true } : null;
}

/** The candidates in their order, at most `perArticle` of each article. */
function bestOfEachArticle(candidates: readonly RankedSentence[], perArticle: number): RankedSentence[] {
  const taken = new Map<Article, number>();
  return candidates.filter((candidate) => {
    const count = taken.get(candidate.article) ?? 0;
    taken.set(candidate.article, count + 1);
    return count < perArticle;
  });
}

function nearDuplicate(a: Sentence, b: Sentence): boolean {
  const left = new Set(a.terms);
  const right = new Set(b.terms);
  if (left.size === 0 || right.size === 0) return a.text === b.text;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared / (left.size + right.size - shared) >= NEAR_DUPLICATE;
}
