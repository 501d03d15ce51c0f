/**
 * The question each member last asked in each channel, so the next one may follow it up ("Where
 * did they meet before?"). Held in the process's memory: a restart forgets it, as a member would
 * expect of a conversation, and with several HTTP replicas a follow-up that reaches another one is
 * read on its own.
 */

/** How long a question stays the one a follow-up refers to: a conversation, not a member's history. */
export const FOLLOW_UP_WINDOW_MS = 15 * 60_000;

/** Most members remembered at once; past it the longest silent is forgotten, so memory stays bounded whatever the traffic. */
export const MAX_CONVERSATIONS = 10_000;

/** Where a member asks: one conversation per member per channel (a DM or the console has no channel). */
export interface Asker {
  userId: string;
  channelId?: string | null;
}

/** The last question of each member in each channel, for `FOLLOW_UP_WINDOW_MS`. */
export class LastQuestions {
  /** Keyed by channel and member, in order of the last question: the first is the longest silent. */
  readonly #asked = new Map<string, { question: string; at: number }>();

  /** The question `asker` asked last, if within the window before `now`. */
  previous(asker: Asker, now: number): string | null {
    const last = this.#asked.get(keyOf(asker));
    return last !== undefined && now - last.at <= FOLLOW_UP_WINDOW_MS ? last.question : null;
  }

  /** Remembers `question` as the one `asker` asked last, at `now`. */
  remember(asker: Asker, question: string, now: number): void {
    const key = keyOf(asker);
    this.#asked.delete(key);
    this.#asked.set(key, { question, at: now });
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
