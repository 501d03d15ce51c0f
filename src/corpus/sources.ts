import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Rejection } from './article.ts';
import { closeQuietly, describeBytes, openRegularFile, readBytes } from './regular-files.ts';
import { SOURCES_FILES } from './walk.ts';

/** Metadata a group of files lacks and a moderator knows, e.g. the outlet of a folder of scraped pages. */
export const SourceDefaultsSchema = z
  .object({
    outlet: z.string().min(1),
    url: z.string().min(1),
    author: z.string().min(1),
    language: z.string().min(1),
  })
  .partial()
  .strict();
export type SourceDefaults = z.infer<typeof SourceDefaultsSchema>;

/** `sources.json` / `sources.yaml`: relative path prefix (a file, or a folder ending in `/`) → defaults. */
export const SourcesSchema = z.record(z.string().min(1), SourceDefaultsSchema);
export type Sources = z.infer<typeof SourcesSchema>;

/** The sources files found at the corpus root, merged, with any invalid one reported and ignored, and any prefix that cannot apply named. */
export interface SourcesFile {
  sources: Sources;
  rejected: Rejection[];
  warnings: Rejection[];
}

/** A sources file's format: what parses it, and the largest file of it read. */
interface SourcesFormat {
  parse: (text: string) => unknown;
  maxBytes: number;
}

/**
 * YAML parses at about 2 MB a second at best, on the thread that answers, at every load and
 * reload; JSON fifty times faster. Thousands of prefixes fit in either. Keys the YAML parser
 * checks unique cost the square of their number (20,000 prefixes took 3 s): a key given twice
 * counts as its last, as in JSON.
 */
const JSON_SOURCES: SourcesFormat = { parse: JSON.parse, maxBytes: 2 * 1024 * 1024 };
const YAML_SOURCES: SourcesFormat = { parse: (text) => parseYaml(text, { uniqueKeys: false }), maxBytes: 256 * 1024 };

/** A prefix no plain object keeps as its own key: the schema drops it, so it is named rather than lost in silence. */
const UNUSABLE_PREFIX = '__proto__';

function parseSources(format: SourcesFormat, text: string): { sources: Sources; unusable: boolean } {
  const parsed = format.parse(text);
  const result = SourcesSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  return { sources: result.data, unusable: Object.hasOwn(Object(parsed), UNUSABLE_PREFIX) };
}

/**
 * Reads the optional sources files at the corpus root; an invalid, oversized or irregular one (a
 * FIFO, a link to a device) is rejected, never fatal.
 */
export async function readSources(root: string, readTimeoutMs: number): Promise<SourcesFile> {
  const sources: Sources = {};
  const rejected: Rejection[] = [];
  const warnings: Rejection[] = [];
  const reject = (name: string, reason: string) => rejected.push({ file: name, record: null, reason: `${reason}; ignored` });
  for (const name of SOURCES_FILES) {
    const format = name.endsWith('.json') ? JSON_SOURCES : YAML_SOURCES;
    const opened = await openRegularFile(path.join(root, name), readTimeoutMs);
    if ('rejection' in opened) {
      if (!opened.absent) reject(name, opened.rejection);
      continue;
    }
    try {
      const { size } = opened.stamp;
      if (size > format.maxBytes) {
        reject(name, `sources file is ${describeBytes(size)}, over the ${describeBytes(format.maxBytes)} limit`);
        continue;
      }
      const text = new TextDecoder().decode(await readBytes(opened.handle, 0, size, readTimeoutMs));
      const parsed = parseSources(format, text);
      const named = Object.keys(parsed.sources).filter((prefix) => Object.hasOwn(sources, prefix));
      if (named.length > 0) warnings.push({ file: name, record: null, reason: `${named.length} of its prefixes (first "${named[0]}") are also in an earlier sources file; its entries replace those` });
      Object.assign(sources, parsed.sources);
      if (parsed.unusable) warnings.push({ file: name, record: null, reason: `the prefix "${UNUSABLE_PREFIX}" cannot be used, so its files get no defaults; the other prefixes apply` });
    } catch (error) {
      reject(name, `invalid sources file: ${(error as Error).message}`);
    } finally {
      closeQuietly(opened.handle);
    }
  }
  return { sources, rejected, warnings };
}

/**
 * The defaults that apply to a file: every prefix of its path the sources name ("./a/" as "a/"),
 * the longest (most specific) winning per field. Made once per load and looked up by the file's
 * own prefixes: matched prefix by prefix, 20,000 prefixes cost 5 ms a file.
 */
export function sourceDefaults(sources: Sources): (file: string) => SourceDefaults {
  const byPrefix = new Map<string, SourceDefaults>();
  for (const [prefix, defaults] of Object.entries(sources)) {
    const bare = prefix.replace(/^\.\//u, '');
    // "a/" written both ways: the bare one counts. Own keys only: a folder may be named "constructor".
    if (bare === prefix || !Object.hasOwn(sources, bare)) byPrefix.set(bare, defaults);
  }
  return (file) => {
    const found: SourceDefaults = {};
    for (let end = 0; end <= file.length; end += 1) Object.assign(found, byPrefix.get(file.slice(0, end)));
    return found;
  };
}
