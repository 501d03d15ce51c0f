/**
 * The live index holder: answers, searches and suggestions over the current corpus. Reloading it
 * (loading, diffing, swapping) is `reload.ts`'s; the library serves whatever index that leaves it.
 * Queries during a reload are answered from the live index.
 */
import { createHash } from 'node:crypto';
import { UNTITLED, type Article, type Corpus } from '../corpus/article.ts';
import { byPublished, type DateOrder } from '../corpus/dates.ts';
import { CorpusCache, loadCorpus, type LoadOptions } from '../corpus/loader.ts';
import { ArticleIndex, type Retrieval } from './article-index.ts';
import { answering, composeAnswer, articleRef, findCandidates, unanswered, type Candidates } from './answer.ts';
import { asksAcrossStories, asksStoryFact, isStoryNoun, missingFactNotice, quoteTellsOfPublishing, storiesHeldNotice, storyConfidence, storyFactOf, storyScope, untimedNotice, type StoryFactQuestion } from './story-questions.ts';
import { affirmed, type AskedTerm, MAX_QUESTION_LENGTH, prepareQuestion, readQuestion, withApostrophes, withoutInterjections, withPercentSpelt, withShorthandSpelt } from './question.ts';
import { type CoverageNames, readAsFollowUp, readThroughSentence, unnamedNotice, unnamedPronoun } from './follow-up.ts';
import { nameWrittenAs, namesOthersBy } from './names.ts';
import { truecased } from './truecase.ts';
import {
  MAX_RELATED,
  MAX_SENTENCES,
  PAGE_SIZE,
  type Answer,
  type ArticleRef,
  type Coverage,
  type Filters,
  type ReloadReport,
  type SearchPage,
} from './results.ts';
import { SentenceCache, type Sentence } from './sentence-ranking.ts';
import { titleMatches } from './answerability.ts';
import { states } from './sentences.ts';
import { corpusFingerprint, readSnapshot, writeSnapshot, type SnapshotMiss } from './snapshot.ts';
import { snippetFor } from './snippet.ts';
import { outletsCovering, quoteOutlets, type Comparison } from './compare.ts';
import { inDateOrder, timelineEntries, type Timeline } from './timeline.ts';
import type { Question } from './question.ts';
import { fold, terms } from './analyzer.ts';
import { acceptedFilters, outletKey } from './filters.ts';
import { distinctArticles, Reloader, type ReloadOptions } from './reload.ts';

const DEFAULT_SUGGESTIONS = 25;
/** Longest article id used as its own handle (see `Library.articleHandle`). */
const MAX_HANDLE_LENGTH = 100;

/** Articles read for how the coverage writes a name (see `nameWrittenAs`). */
const NAME_EVIDENCE_ARTICLES = 5;

/** Loads a corpus directory (`loadCorpus` unless a test or the bench says otherwise). */
export type CorpusLoader = (corpusDir: string, options: LoadOptions) => Promise<Corpus>;

/** How a library loads its corpus: the loader's options, passed through on every load and reload. */
export interface LibraryOptions extends LoadOptions {
  load?: CorpusLoader;
  /** Share (0 to 1) of the served articles a reload may remove unless confirmed; default `DEFAULT_MAX_LOSS`. */
  maxLoss?: number;
  /** Where the index snapshot lives: served at start when the corpus is unchanged, written after a full load. */
  snapshotPath?: string;
  /** Longest a reload may spend loading the corpus before it is abandoned (default 10 minutes). */
  reloadDeadlineMs?: number;
}

/** Where the served index came from at open: a snapshot, or the corpus (and why no snapshot was served). */
export type IndexOrigin =
  | { from: 'snapshot' }
  | { from: 'corpus'; snapshot: SnapshotMiss | 'not configured'; detail: string | null; notWritten?: string };

/** How sure the words of "in the Fidan story" must be of naming one story for its answer to replace a sure one, or for the story to be said not to answer. */
const STORY_NAMED = 0.5;

/** A question's words that may name a story: all but "story", "article"... */
function topicalTerms(topic: string): AskedTerm[] {
  return readQuestion(topic).terms.filter((t) => !isStoryNoun(t.word));
}

/** The story a question about a story itself names: its sentence quoted, the other stories its words meet, and how sure it is the one meant. */
interface FoundStory {
  best: { article: Article; sentence: { text: string } };
  others: Article[];
  confidence: number;
}

/** A story holding every word of a question's topic: the sentence quoted for it, and the share of the topic's weight that sentence holds (1 for a story named by its headline). */
interface StoryOnTopic {
  article: Article;
  sentence: { text: string };
  coverage: number;
}

/** Stories newest or oldest first, undated ones last. */
function inOrder<T extends { article: Article }>(stories: readonly T[], order: DateOrder): T[] {
  return [...stories].sort((a, b) => byPublished(a.article.published, b.article.published, order));
}

/** The corpus, indexed and answerable. */
export class Library {
  private index: ArticleIndex;
  private loadedAt = new Date();
  private coverageCache: Coverage | null = null;
  private latestCache: string[] | null = null;
  private longIdsCache: Map<string, string> | null = null;
  private spellingsCache: string[] | null = null;
  private readonly sentences = new SentenceCache();
  /** What the coverage tells of names a follow-up reads, from the articles that name each most (see `nameWrittenAs`, `namesOthersBy`). */
  private readonly coverageNames: CoverageNames = {
    writtenAs: (name) => nameWrittenAs(name, this.textsNaming(name)),
    namesOthers: (surname, fullName) => namesOthersBy(surname, fullName, this.textsNaming(surname)),
  };

  private constructor(
    index: ArticleIndex,
    /** Absent for a library over articles in memory with nothing to load them again from. */
    private readonly reloader: Reloader | null,
    /** Where the index served at open came from. */
    readonly origin: IndexOrigin = { from: 'corpus', snapshot: 'not configured', detail: null },
  ) {
    this.index = index;
  }

  /**
   * Loads and indexes a corpus directory; throws a clear Error (the loader's `CorpusDirectoryError`)
   * if it cannot be read. Reloads share one loader cache, so unchanged files are not parsed again.
   */
  static async open(corpusDir: string, options: LibraryOptions = {}): Promise<Library> {
    const { load = loadCorpus, maxLoss, snapshotPath, reloadDeadlineMs, ...loadOptions } = options;
    const cache = loadOptions.cache ?? new CorpusCache();
    const source = (signal?: AbortSignal) => load(corpusDir, { ...loadOptions, cache, ...(signal ? { signal } : {}) });
    const reloader = new Reloader(source, maxLoss, reloadDeadlineMs);
    if (snapshotPath === undefined) return new Library(await ArticleIndex.build(await distinctArticles((await source()).articles)), reloader);
    // Fingerprinted before loading: a file changed during the build makes this snapshot stale, never wrongly fresh.
    const fingerprint = await corpusFingerprint(corpusDir, loadOptions.maxFileBytes);
    const restored = await readSnapshot(snapshotPath, fingerprint);
    if (restored.index) {
      // Not awaited: answers are served while autocomplete fills in (seconds at 100,000 titles).
      void restored.index.fillTitles();
      return new Library(restored.index, reloader, { from: 'snapshot' });
    }
    const index = await ArticleIndex.build(await distinctArticles((await source()).articles));
    // The snapshot only speeds up the next start: failing to write it (no such folder, a full disk) must not stop this one.
    const notWritten = await writeSnapshot(snapshotPath, index, fingerprint).then(
      (bodies) => {
        index.readBodiesFrom(bodies);
        return undefined;
      },
      (error: Error) => `snapshot not written: ${error.message}`,
    );
    return new Library(index, reloader, { from: 'corpus', snapshot: restored.miss, detail: restored.detail, notWritten });
  }

  /** A library over articles already in memory; `reload` calls `load` when given. */
  static async fromArticles(articles: readonly Article[], options: { load?: () => Promise<Corpus>; maxLoss?: number } = {}): Promise<Library> {
    const { load } = options;
    return new Library(await ArticleIndex.build(await distinctArticles(articles)), load ? new Reloader(() => load(), options.maxLoss) : null);
  }

  /** True while a reload is running. */
  get reloading(): boolean {
    return this.reloader?.running ?? false;
  }

  /**
   * Answers a question with up to three verbatim, cited sentences. Given the questions the same
   * member asked before (`earlier`, newest first), one whose pronouns name no one ("Where did they
   * meet before?") is read as a follow-up to them (see `readAsFollowUp`); unanswered, one whose
   * pronoun they leave unsettled is read through the sentence that would answer it (see
   * `answerThroughSentence`). The answer says how it was read.
   */
  answer(question: string, filters: Filters = {}, earlier: readonly string[] = []): Answer {
    const started = performance.now();
    const tookMs = () => performance.now() - started;
    const normalised = this.normalised(question);
    const followUp =
      normalised.length > MAX_QUESTION_LENGTH || earlier.length === 0 ? null : readAsFollowUp(normalised, earlier.map((text) => this.normalised(text)), question, this.coverageNames);
    const readAs = followUp === null ? null : { question: followUp.shown, from: 'follow-up' as const };
    const asked = followUp?.asked ?? normalised;
    const { terms: termsOfQuestion, notice } = readQuestion(asked);
    // Read only for a question refused or unanswered: whom its pronoun leaves unsaid is what it is told.
    const unsaid = () => {
      const pronoun = unnamedPronoun(asked);
      return pronoun === null ? null : unnamedNotice(pronoun, earlier.length > 0);
    };
    if (notice) return { ...unanswered(question, [], 0, (termsOfQuestion.length === 0 ? unsaid() : null) ?? notice), readAs, tookMs: tookMs() };
    const candidates = this.candidates(asked, termsOfQuestion, filters);
    const answer = composeAnswer(asked, candidates, this.sentences);
    const told = this.answerAboutStories(asked, question, filters, earlier, answer) ?? this.answerWithinStory(asked, question, filters, answer);
    if (told !== null) return { ...told, readAs, tookMs: tookMs() };
    if (answer.answered || answer.notice !== null) return { ...answer, question, readAs, tookMs: tookMs() };
    // A follow-up already read its pronouns through the member's questions; the quoted story is read only for a question read as asked.
    const through = readAs === null ? this.answerThroughSentence(asked, question, candidates, filters) : null;
    return through ? { ...through, question, tookMs: tookMs() } : { ...answer, notice: unsaid(), question, readAs, tookMs: tookMs() };
  }

  /**
   * A question about the stories themselves: a fact of one (see `asksStoryFact`), unless the
   * answer as asked confidently quotes a publication of what the question names (see
   * `quoteTellsOfPublishing`), or what several hold (see `asksAcrossStories`); null for any other.
   */
  private answerAboutStories(asked: string, question: string, filters: Filters, earlier: readonly string[], asAsked: Omit<Answer, 'tookMs' | 'readAs'>): Omit<Answer, 'tookMs' | 'readAs'> | null {
    const fact = asksStoryFact(asked);
    if (fact !== null) {
      const topical = topicalTerms(fact.topic).map((t) => t.term);
      return quoteTellsOfPublishing(asAsked.sentences[0], asAsked.confidence, topical) ? null : this.tellStoryFact(fact, question, filters, earlier);
    }
    const across = asksAcrossStories(asked);
    return across === null ? null : this.quoteEachStory(across, question, filters);
  }

  /**
   * A question about a story itself (see `asksStoryFact`), answered from the attribution of the
   * story its other words name, quoting that story's sentence that names it so; one naming no
   * story asks for the newest or oldest in the coverage ("Who wrote the latest article?"), or
   * else about the story quoted for the member's previous question ("When was that article
   * published?"). A fact the story does not give is said to be missing, naming the story. Null
   * when nothing names a story.
   */
  private tellStoryFact(asked: StoryFactQuestion, question: string, filters: Filters, earlier: readonly string[]): Omit<Answer, 'tookMs' | 'readAs'> | null {
    const topical = topicalTerms(asked.topic);
    const story = topical.length > 0 ? this.storyNamed(asked, topical, filters) : asked.order !== null ? this.storyByDate(null, asked.order, filters) : this.storyQuotedFor(earlier, filters);
    if (story === null) return null;
    const { article, sentence } = story.best;
    const value = storyFactOf(article, asked.fact);
    const related = story.others.slice(0, MAX_RELATED).map(articleRef);
    if (value === null) return unanswered(question, [articleRef(article), ...related].slice(0, MAX_RELATED), story.confidence, missingFactNotice(article, asked.fact));
    return {
      question,
      answered: true,
      sentences: [{ text: sentence.text, citation: 1 }],
      sources: [{ n: 1, ...articleRef(article) }],
      related,
      confidence: story.confidence,
      notice: untimedNotice(article, asked),
      fact: { asked: asked.fact, value, citation: 1 },
    };
  }

  /**
   * A question asked within a story ("What does the Fidan story say about the hospital?", see
   * `storyScope`), answered from that story alone, without the words naming it: they name the
   * story, and the answer need not write them. As sure as the answer, times as sure as the words
   * name that story. When nothing in it answers, the answer as asked stands if it quotes that
   * story, and otherwise the reader is told the story named does not answer: a quote from another
   * story answers what was not asked. Words naming a story only weakly (under `STORY_NAMED`) do
   * neither: a sure answer as asked stands. Null when the question names no story, or none holds
   * its words.
   */
  private answerWithinStory(asked: string, question: string, filters: Filters, asAsked: Omit<Answer, 'tookMs' | 'readAs'>): Omit<Answer, 'tookMs' | 'readAs'> | null {
    const scope = storyScope(asked);
    const topical = scope === null ? [] : topicalTerms(scope.names);
    const story = scope === null || topical.length === 0 ? null : this.storyNamed({ fact: 'headline', topic: scope.names, order: null, asksTimeOfDay: false }, topical, filters);
    if (scope === null || story === null) return null;
    // Words naming many stories ("in the World Today article": a magazine, and every story holding "world" and "today") leave a sure answer as asked standing.
    const named = story.confidence >= STORY_NAMED;
    if (!named && asAsked.answered && asAsked.confidence >= STORY_NAMED) return null;
    const { article } = story.best;
    const candidates = this.candidates(scope.rest, readQuestion(scope.rest).terms, filters);
    const within = (r: { article: Article }) => r.article === article;
    const answer = composeAnswer(scope.rest, { ...candidates, retrieved: candidates.retrieved.filter(within), ranked: candidates.ranked.filter(within) }, this.sentences);
    if (answer.answered) return { ...answer, question, confidence: Math.round(answer.confidence * story.confidence * 100) / 100 };
    const [first] = asAsked.sentences;
    if (!named || (first && asAsked.sources[first.citation - 1]?.id === article.id)) return null;
    return unanswered(question, [articleRef(article)], answer.confidence, `Nothing in the story “${article.title ?? UNTITLED}” answers this.`);
  }

  /**
   * What several stories hold (see `asksAcrossStories`): each story's best sentence on the topic,
   * as many stories as asked about and three at most, as sure as the weakest; a notice says how
   * many stories hold it when that is not what was asked, or not all are quoted.
   */
  private quoteEachStory(across: { topic: string; stories: number }, question: string, filters: Filters): Omit<Answer, 'tookMs' | 'readAs'> | null {
    const topical = topicalTerms(across.topic);
    const holding = topical.length > 0 ? this.storiesOn(across.topic, topical, filters).stories : [];
    const stories = holding.slice(0, Math.min(across.stories, MAX_SENTENCES));
    if (stories.length === 0) return null;
    return {
      question,
      answered: true,
      sentences: stories.map((r, i) => ({ text: r.sentence.text, citation: i + 1 })),
      sources: stories.map((r, i) => ({ n: i + 1, ...articleRef(r.article) })),
      related: [],
      confidence: storyConfidence(Math.min(...stories.map((r) => r.coverage)), 0),
      notice: storiesHeldNotice(across.stories, holding.length, stories.length),
      fact: null,
    };
  }

  /**
   * The story a question's topic names: of the stories holding every word of it, the first (see
   * `storiesOn`), or the newest or oldest when it asks so; a topic naming only an outlet ("the Al
   * Mayadeen piece") names the outlet's newest or oldest story. As sure as the words name one
   * story (see `storyConfidence`), or the date chooses it.
   */
  private storyNamed(asked: StoryFactQuestion, topical: readonly AskedTerm[], filters: Filters): FoundStory | null {
    const { stories, outlet } = this.storiesOn(asked.topic, topical, filters);
    const [best, ...others] = asked.order === null ? stories : inOrder(stories, asked.order);
    if (best !== undefined) return { best, others: others.map((r) => r.article), confidence: storyConfidence(best.coverage, asked.order === null ? others.length : 0) };
    const outletWords = outlet === null ? [] : terms(outlet, 'query');
    return outlet !== null && topical.every((t) => outletWords.includes(t.term)) ? this.storyByDate(outlet, asked.order ?? 'newest', filters, asked.order === null) : null;
  }

  /**
   * The newest or oldest story within the filters, of the outlet named or of all, its first
   * statement quoted; as sure as the date chooses it among the stories of that day, or, when the
   * order was not asked (`guessed`: "the Al Mayadeen piece"), as one of the outlet's stories is the one meant.
   */
  private storyByDate(outlet: string | null, order: DateOrder, filters: Filters, guessed = false): FoundStory | null {
    const stories = [...this.index.within({ ...filters, ...(outlet !== null && { outlet }) })].filter((article) => article.published !== null);
    const [chosen, ...others] = inOrder(stories.map((article) => ({ article })), order).map((story) => story.article);
    const sentence = chosen && this.firstStatement(chosen);
    if (!chosen || !sentence) return null;
    const rivals = guessed ? others.length : others.filter((other) => other.published === chosen.published).length;
    return { best: { article: chosen, sentence }, others, confidence: storyConfidence(1, rivals) };
  }

  /**
   * Each story's best sentence on a topic among the stories holding every word of it in a
   * sentence or in their headline (one lacking a word, "the Breitbart story" in another outlet's
   * report on the same tweets, is another story): those whose headline holds every word first,
   * then by their best sentence, a story holding some only in its headline quoting its first
   * statement; and the outlet the topic names, if any.
   */
  private storiesOn(topic: string, topical: readonly AskedTerm[], filters: Filters): { stories: StoryOnTopic[]; outlet: string | null } {
    const { question, ranked, retrieved, outlet } = this.candidates(topic, topical, filters);
    const held = new Map<Article, Set<number>>();
    const hold = (article: Article, matched: Iterable<number>) => held.set(article, new Set([...(held.get(article) ?? []), ...matched]));
    for (const r of ranked) hold(r.article, r.matched.keys());
    const headlined = new Set<Article>();
    for (const { article } of retrieved) {
      const inTitle = titleMatches(question, article);
      hold(article, inTitle.keys());
      if (inTitle.size >= question.terms.length) headlined.add(article);
    }
    const holdsAll = (article: Article) => (held.get(article)?.size ?? 0) >= question.terms.length;
    const quoted = new Set<Article>();
    const stories: StoryOnTopic[] = answering(ranked).filter((r) => {
      if (quoted.has(r.article) || !holdsAll(r.article)) return false;
      quoted.add(r.article);
      return true;
    });
    for (const { article } of retrieved) {
      const lead = quoted.has(article) || !holdsAll(article) ? undefined : this.firstStatement(article);
      if (lead) stories.push({ article, sentence: lead, coverage: 1 });
    }
    return { stories: [...stories.filter((s) => headlined.has(s.article)), ...stories.filter((s) => !headlined.has(s.article))], outlet };
  }

  /** An article's first sentence that states something (see `states`), its paragraphs split only as far as it. */
  private firstStatement(article: Article): Sentence | undefined {
    for (const paragraph of article.paragraphs.keys()) {
      const found = this.sentences.inParagraphs(article, [paragraph]).find((s) => states(s.text));
      if (found) return found;
    }
    return undefined;
  }

  /** The story first quoted in answer to the member's previous question (itself read through the ones before it), as sure as that answer was, shared among the stories it quoted. */
  private storyQuotedFor([earlier, ...before]: readonly string[], filters: Filters): FoundStory | null {
    if (earlier === undefined) return null;
    const previous = this.answer(earlier, filters, before);
    const [first] = previous.sentences.filter((s) => !s.context);
    const article = first && this.index.article(previous.sources[first.citation - 1]?.id ?? '');
    if (!first || !article) return null;
    const others = previous.sources.flatMap((source) => {
      const other = source.id === article.id ? undefined : this.index.article(source.id);
      return other ? [other] : [];
    });
    return { best: { article, sentence: first }, others, confidence: storyConfidence(previous.confidence, others.length) };
  }

  /** The question's candidate sentences, an outlet it names searched alone (see `findCandidates`). */
  private candidates(asked: string, termsOfQuestion: readonly AskedTerm[], filters: Filters): Candidates {
    return findCandidates(this.index, this.sentences, asked, termsOfQuestion, acceptedFilters(filters), this.outletSpellings());
  }

  /**
   * An unanswered question whose pronoun nothing settled, read through the sentence that would
   * answer it when that sentence opens with a pronoun of the same kind (see `readThroughSentence`):
   * answered only if, so read, the same sentence is quoted first, and the answer shows the reading.
   */
  private answerThroughSentence(asked: string, written: string, candidates: Candidates, filters: Filters): Omit<Answer, 'question' | 'tookMs'> | null {
    const best = answering(candidates.ranked)[0];
    if (best === undefined) return null;
    const before = this.sentences.previous(best.article, best.sentence);
    // A heading or a caption before it ("Related News") names no one the sentence speaks of.
    if (before === undefined || !states(before.text)) return null;
    const reading = readThroughSentence(asked, best.sentence.text, before.text, written, this.coverageNames);
    if (reading === null) return null;
    const answer = composeAnswer(reading.asked, this.candidates(reading.asked, readQuestion(reading.asked).terms, filters), this.sentences);
    return answer.answered && answer.sentences[0]?.text === best.sentence.text ? { ...answer, readAs: { question: reading.shown, from: 'story' } } : null;
  }

  /** The titles and bodies of the articles that name a name most. */
  private textsNaming(name: string): string[] {
    const groups = terms(name, 'query').map((term) => ({ variants: [{ term, weight: 1 }] }));
    return this.index.retrieve(groups, {}, 'any', NAME_EVIDENCE_ARTICLES).map(({ article }) => [article.title ?? '', ...article.paragraphs].join('\n'));
  }

  /** A question as the answer reads it: apostrophes, percent signs and negations as written out, greetings cut and names capitalised. */
  private normalised(question: string): string {
    const holds = (word: string) => terms(word, 'query').some((term) => this.index.vocabulary.frequency(term) > 0);
    const typed = affirmed(withShorthandSpelt(withPercentSpelt(withApostrophes(question)), holds));
    // A text longer than a question is refused as it stands: reading its names costs time by the word.
    return typed.length > MAX_QUESTION_LENGTH ? typed : truecased(withoutInterjections(typed, holds));
  }

  /**
   * Ranked articles, five per page. Articles holding every query word come first; when none does,
   * those holding any. A page past the end shows the last page, with a notice.
   */
  search(query: string, filters: Filters = {}, page = 1): SearchPage {
    const started = performance.now();
    const { terms: termsOfQuery, notice } = readQuestion(query);
    const empty = { query, page: 1, pageCount: 0, total: 0, hits: [] };
    if (notice) return { ...empty, notice, tookMs: performance.now() - started };
    const index = this.index;
    const prepared = prepareQuestion(termsOfQuery, index.vocabulary, true);
    const accepted = acceptedFilters(filters);
    let found = index.retrieve(prepared.terms, accepted, 'all');
    if (found.length === 0) found = index.retrieve(prepared.terms, accepted, 'any');
    const pageCount = Math.ceil(found.length / PAGE_SIZE);
    if (pageCount === 0) {
      return { ...empty, notice: 'No articles match that search.', tookMs: performance.now() - started };
    }
    const requested = Number.isInteger(page) && page >= 1 ? page : 1;
    const shown = Math.min(requested, pageCount);
    const hits = found.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE).map(({ article, score, passages }: Retrieval) => {
      const snippet = snippetFor(article, prepared, this.sentences, passages);
      return { ...articleRef(article), snippet: snippet.text, snippetParts: snippet.parts, score };
    });
    return {
      query,
      page: shown,
      pageCount,
      total: found.length,
      hits,
      notice: requested > pageCount ? `There are only ${pageCount} pages; this is the last.` : null,
      tookMs: performance.now() - started,
    };
  }

  /** Who reported what on a topic: each outlet's best sentence, newest first, five outlets a page (see compare.ts). */
  compare(topic: string, filters: Filters = {}, page = 1): Comparison {
    const started = performance.now();
    const matched = this.matching(topic, filters);
    const outlets = outletsCovering(matched.found);
    const shown = pageWithin(outlets.length, page);
    const onPage = outlets.slice((shown.page - 1) * PAGE_SIZE, shown.page * PAGE_SIZE);
    return {
      topic,
      ...shown,
      total: outlets.length,
      outlets: matched.notice === null ? quoteOutlets(matched.question, onPage, this.sentences) : [],
      notice: matched.notice ?? (outlets.length === 0 ? 'No outlet in the coverage reported on that.' : shown.notice),
      tookMs: performance.now() - started,
    };
  }

  /** How a story developed: the matching articles oldest first (undated last), five a page, each with its best sentence. */
  timeline(topic: string, filters: Filters = {}, page = 1): Timeline {
    const started = performance.now();
    const matched = this.matching(topic, filters);
    const ordered = inDateOrder(matched.found);
    const dated = ordered.filter((r) => r.article.published !== null);
    const shown = pageWithin(ordered.length, page);
    const entries = matched.notice === null ? timelineEntries(matched.question, ordered.slice((shown.page - 1) * PAGE_SIZE, shown.page * PAGE_SIZE), this.sentences) : [];
    return {
      topic,
      ...shown,
      total: ordered.length,
      first: dated[0]?.article.published ?? null,
      last: dated.at(-1)?.article.published ?? null,
      undated: ordered.length - dated.length,
      entries,
      notice: matched.notice ?? (ordered.length === 0 ? 'No articles in the coverage match that topic.' : shown.notice),
      tookMs: performance.now() - started,
    };
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    return this.index.article(id) ?? this.byLongIdKey(id);
  }

  /**
   * A short handle on an article for pickers that carry at most `MAX_HANDLE_LENGTH` characters (a
   * Discord choice's value): its id, or for a longer id (deep scrape paths) a hash of it, which
   * `article` finds the article by. A title is no handle: two outlets may run the same headline.
   */
  static articleHandle(id: string): string {
    return id.length <= MAX_HANDLE_LENGTH ? id : `#${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
  }

  /** The article a hashed `articleHandle` stands for, from a map of the long ids made at the first such lookup. */
  private byLongIdKey(key: string): Article | undefined {
    if (!/^#[0-9a-f]{32}$/u.test(key)) return undefined;
    this.longIdsCache ??= new Map([...this.index.all()].flatMap((article) => (article.id.length > MAX_HANDLE_LENGTH ? [[Library.articleHandle(article.id), article.id] as const] : [])));
    const id = this.longIdsCache.get(key);
    return id === undefined ? undefined : this.index.article(id);
  }

  /** Every outlet as its articles write it ("BBC NEWS" and "BBC News"), so a question naming either by its short form finds it. */
  private outletSpellings(): string[] {
    this.spellingsCache ??= [...new Set([...this.index.all()].flatMap((article) => (article.outlet === null ? [] : [article.outlet])))];
    return this.spellingsCache;
  }

  /** Articles whose titles match what was typed, for autocomplete; the latest articles when nothing was typed. */
  suggestTitles(text: string, limit = DEFAULT_SUGGESTIONS): ArticleRef[] {
    const index = this.index;
    const ids = text.trim() === '' ? this.latestIds(limit) : index.titles.suggest(text, limit);
    return ids.flatMap((id) => {
      const article = index.article(id);
      return article ? [articleRef(article)] : [];
    });
  }

  /** Outlets whose names start with (then contain) what was typed, largest first. */
  suggestOutlets(text: string, limit = DEFAULT_SUGGESTIONS): string[] {
    const typed = fold(text.trim());
    const outlets = this.coverage().outlets.flatMap((o) => (o.outlet === null ? [] : [o.outlet]));
    const starting = outlets.filter((o) => fold(o).startsWith(typed));
    const containing = outlets.filter((o) => !fold(o).startsWith(typed) && fold(o).includes(typed));
    return [...starting, ...containing].slice(0, limit);
  }

  /** What the corpus holds. */
  coverage(): Coverage {
    this.coverageCache ??= coverageOf(this.index.all(), this.loadedAt);
    return this.coverageCache;
  }

  /**
   * Loads the corpus again and serves it once indexed; throws `ReloadInProgressError` if one is
   * running, and `ReloadRefusedError` when it would remove too many articles unless `confirm` is set.
   */
  async reload(options: ReloadOptions = {}): Promise<ReloadReport> {
    if (!this.reloader) throw new Error('This library was not opened from a corpus directory, so it cannot reload.');
    const { index, report } = await this.reloader.reload(this.index, options);
    this.index = index;
    this.loadedAt = new Date();
    this.coverageCache = null;
    this.latestCache = null;
    this.longIdsCache = null;
    this.spellingsCache = null;
    return report;
  }

  /** Articles on a topic as /search finds them: holding every topic word, else any; or why the topic is unusable. */
  private matching(topic: string, filters: Filters): { question: Question; found: Retrieval[]; notice: null } | { found: []; notice: string } {
    const { terms, notice } = readQuestion(topic);
    if (notice) return { found: [], notice };
    const index = this.index;
    const question = prepareQuestion(terms, index.vocabulary, false);
    const accepted = acceptedFilters(filters);
    const all = index.retrieve(question.terms, accepted, 'all');
    return { question, found: all.length > 0 ? all : index.retrieve(question.terms, accepted, 'any'), notice: null };
  }

  /** Titled articles, latest first: sorted once per load, as autocomplete asks on every keystroke. */
  private latestIds(limit: number): string[] {
    this.latestCache ??= [...this.index.all()]
      .filter((a) => a.title !== null)
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
      .map((a) => a.id);
    return this.latestCache.slice(0, limit);
  }
}

/** The page to show of `count` results (the last one when asked past the end), and the page count. */
function pageWithin(count: number, requested: number): { page: number; pageCount: number; notice: string | null } {
  const pageCount = Math.ceil(count / PAGE_SIZE);
  const asked = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const page = Math.max(1, Math.min(asked, pageCount));
  return { page, pageCount, notice: pageCount > 0 && asked > pageCount ? `There are only ${pageCount} pages; this is the last.` : null };
}

/** What the corpus covers: its outlets (grouped as the outlet filter matches them, under their commonest spelling), articles and days. */
function coverageOf(articles: Iterable<Article>, loadedAt: Date): Coverage {
  const spellings = new Map<string | null, Map<string | null, number>>();
  let articleCount = 0;
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const article of articles) {
    articleCount += 1;
    const key = outletKey(article.outlet);
    const written = spellings.get(key) ?? spellings.set(key, new Map()).get(key)!;
    written.set(article.outlet, (written.get(article.outlet) ?? 0) + 1);
    const day = article.published;
    if (day !== null) {
      if (earliest === null || day < earliest) earliest = day;
      if (latest === null || day > latest) latest = day;
    }
  }
  const outlets = [...spellings.values()]
    .map((written) => {
      const [commonest = null] = [...written].sort((a, b) => b[1] - a[1]).map(([outlet]) => outlet);
      return { outlet: commonest, count: [...written.values()].reduce((sum, n) => sum + n, 0) };
    })
    .sort((a, b) => b.count - a.count || (a.outlet ?? '').localeCompare(b.outlet ?? ''));
  return { articleCount, outlets, earliest, latest, loadedAt: loadedAt.toISOString() };
}
