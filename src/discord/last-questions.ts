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

/** A member's conversation with the bot: one per member per channel (a DM or the console has no channel). */
export interface Conversation {
  userId: string;
  channelId?: string | null;
}

/** The last questions of each member in each channel, for `FOLLOW_UP_WINDOW_MS`. */
export class LastQuestions {
  /** Keyed by channel and member, newest question first, in order of the last question: the first key is the longest silent. */
  readonly #asked = new Map<string, { question: string; at: number }[]>();

  /** The questions asked in `conversation` within the window before `now`, newest first. */
  earlier(conversation: Conversation, now: number): string[] {
    return (this.#asked.get(keyOf(conversation)) ?? []).filter((asked) => now - asked.at <= FOLLOW_UP_WINDOW_MS).map((asked) => asked.question);
  }

  /** Remembers `question` as the last asked in `conversation`, at `now`. */
  remember(conversation: Conversation, question: string, now: number): void {
    const key = keyOf(conversation);
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
function keyOf({ userId, channelId }: Conversation): string {
  return `${channelId ?? 'direct'}:${userId}`;
}
