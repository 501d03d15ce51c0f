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

  /** `offsets[n]` to `offsets[n + 1]` are article n's bytes. */
  constructor(
    private readonly bytes: Buffer,
    private readonly offsets: Float64Array,
  ) {}

  /** Article n as the rest of newsdesk reads it: its metadata, and its paragraphs decoded when read. */
  article(metadata: ArticleMetadata, n: number): Article {
    return Object.defineProperty(metadata, 'paragraphs', { enumerable: true, get: () => this.paragraphs(n) }) as Article;
  }

  /** Article n's paragraphs. */
  private paragraphs(n: number): string[] {
    const kept = this.decoded.get(n);
    if (kept) {
      this.decoded.delete(n);
      this.decoded.set(n, kept);
      return kept;
    }
    const paragraphs = JSON.parse(this.bytes.toString('utf8', this.offsets[n], this.offsets[n + 1])) as string[];
    this.decoded.set(n, paragraphs);
    if (this.decoded.size > DECODED_BODIES_KEPT) {
      const oldest = this.decoded.keys().next().value;
      if (oldest !== undefined) this.decoded.delete(oldest);
    }
    return paragraphs;
  }
}
