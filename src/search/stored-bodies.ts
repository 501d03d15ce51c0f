/**
 * Article bodies kept as a snapshot's UTF-8 bytes and decoded when something reads them.
 *
 * At 100,000 real-length articles the bodies are 864 MB of text: parsing them all into paragraph
 * strings at a restart, and collecting the garbage that parsing leaves, took most of the restart,
 * though an answer reads a few dozen articles. A restored article keeps its metadata as fields and
 * reads its paragraphs from here, so a restart parses no paragraph and the text stays outside the
 * JavaScript heap. The bodies decoded last are kept, as an answer reads the same few articles
 * paragraph by paragraph.
 */
import type { Article } from '../corpus/article.ts';

/** The article's fields but its body: what a snapshot keeps decoded. */
export type ArticleMetadata = Omit<Article, 'paragraphs'>;

/** Bodies decoded and kept: well above the articles one answer or search reads, a few MB of text. */
const DECODED_BODIES_KEPT = 1024;

/** The bodies of a snapshot's articles, each one JSON array of paragraphs, by article number. */
export class StoredBodies {
  private readonly decoded = new Map<number, string[]>();
  /** Where each chunk starts among all the bodies' bytes. */
  private readonly starts: number[] = [];

  /**
   * `offsets[n]` to `offsets[n + 1]` are article n's bytes, counted through the chunks end to end
   * (a snapshot being written gives its chunks, a restart the whole section); no article spans two.
   */
  constructor(
    private readonly chunks: readonly Buffer[],
    private readonly offsets: Float64Array,
  ) {
    let start = 0;
    for (const chunk of chunks) {
      this.starts.push(start);
      start += chunk.length;
    }
  }

  /**
   * Article n as the rest of newsdesk reads it: its metadata, and its paragraphs decoded when read.
   * Given a whole article, it keeps the same object, so whatever holds it (the index, the loader's
   * cache) stops holding its paragraphs' text.
   */
  article(metadata: ArticleMetadata, n: number): Article {
    return Object.defineProperty(metadata, 'paragraphs', { enumerable: true, configurable: true, get: () => this.paragraphs(n) }) as Article;
  }

  /** Article n's paragraphs. */
  private paragraphs(n: number): string[] {
    const kept = this.decoded.get(n);
    if (kept) {
      this.decoded.delete(n);
      this.decoded.set(n, kept);
      return kept;
    }
    const start = this.offsets[n] ?? 0;
    const c = this.chunkAt(start);
    const chunk = this.chunks[c] ?? Buffer.alloc(0);
    const base = this.starts[c] ?? 0;
    const paragraphs = JSON.parse(chunk.toString('utf8', start - base, (this.offsets[n + 1] ?? start) - base)) as string[];
    this.decoded.set(n, paragraphs);
    if (this.decoded.size > DECODED_BODIES_KEPT) {
      const oldest = this.decoded.keys().next().value;
      if (oldest !== undefined) this.decoded.delete(oldest);
    }
    return paragraphs;
  }

  /** The last chunk starting at or before byte `at` (an empty chunk shares its start with the next). */
  private chunkAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
