/**
 * The questions each member last asked in each channel, so the next one may follow them up ("Where
 * did they meet before?"). Held in the process's memory: a restart forgets them, as a member would
 * expect of a conversation, and with several HTTP replicas a follow-up that reaches another one is
 * read on its own.
 */

/** How long a question stays one a follow-up may refer to: a conversation, not a member's history. */
export const FOLLOW_UP_WINDOW_MS = 15 * 60_000;

/** Questions kept per conversation: a follow-up refers to the last that names anyone, which may be a few questions back ("What did he say about Europe?" after a question naming no one). */
export const KEPT_QUESTIONS = 3;

/** Most members remembered at once; past it the longest silent is forgotten, so memory stays bounded whatever the traffic. */
export const MAX_CONVERSATIONS = 10_000;

/** Where a member asks: one conversation per member per channel (a DM or the console has no channel). */
export interface Asker {
  userId: string;
  channelId?: string | null;
}

/** The last questions of each member in each channel, for `FOLLOW_UP_WINDOW_MS`. */
export class LastQuestions {
  /** Keyed by channel and member, newest question first, in order of the last question: the first key is the longest silent. */
  readonly #asked = new Map<string, { question: string; at: number }[]>();

  /** The questions `asker` asked within the window before `now`, newest first. */
  earlier(asker: Asker, now: number): string[] {
    return (this.#asked.get(keyOf(asker)) ?? []).filter((asked) => now - asked.at <= FOLLOW_UP_WINDOW_MS).map((asked) => asked.question);
  }

  /** Remembers `question` as the one `asker` asked last, at `now`. */
  remember(asker: Asker, question: string, now: number): void {
    const key = keyOf(asker);
    const kept = [{ question, at: now }, ...(this.#asked.get(key) ?? [])].slice(0, KEPT_QUESTIONS);
    this.#asked.delete(key);
    this.#asked.set(key, kept);
    for (const [oldest] of this.#asked) {
      if (this.#asked.size <= MAX_CONVERSATIONS) break;
      this.#asked.delete(oldest);
    }
  }

  /** How many conversations are remembered. */
  get size(): number {
    return this.#asked.size;
  }
}

/** The map key of a member's conversation in a channel. */
function keyOf({ userId, channelId }: Asker): string {
  return `${channelId ?? 'direct'}:${userId}`;
}
