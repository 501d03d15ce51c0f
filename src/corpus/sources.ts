import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Rejection } from './article.ts';
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

/** The sources files found at the corpus root, merged, with any invalid one reported and ignored. */
export interface SourcesFile {
  sources: Sources;
  rejected: Rejection[];
}

/**
 * The largest sources file read, by format: YAML parses at about 2 MB a second at best, on the
 * thread that answers, at every load and reload; JSON fifty times faster. Thousands of prefixes
 * fit in either.
 */
const MAX_SOURCES_BYTES = { yaml: 256 * 1024, json: 2 * 1024 * 1024 };

function parseSources(name: string, text: string): Sources {
  // Unique keys checked by the parser cost the square of their number: 20,000 prefixes took 3 s.
  const data: unknown = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false });
  const result = SourcesSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Reads the optional sources files at the corpus root; an invalid or oversized one is rejected, never fatal. */
export async function readSources(root: string): Promise<SourcesFile> {
  const sources: Sources = {};
  const rejected: Rejection[] = [];
  for (const name of SOURCES_FILES) {
    const limit = name.endsWith('.json') ? MAX_SOURCES_BYTES.json : MAX_SOURCES_BYTES.yaml;
    let text: string;
    try {
      const file = path.join(root, name);
      const { size } = await stat(file);
      if (size > limit) {
        rejected.push({ file: name, record: null, reason: `sources file is ${Math.ceil(size / 1024)} KB, over the ${limit / 1024} KB limit; ignored` });
        continue;
      }
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    try {
      Object.assign(sources, parseSources(name, text));
    } catch (error) {
      rejected.push({ file: name, record: null, reason: `invalid sources file, ignored: ${(error as Error).message}` });
    }
  }
  return { sources, rejected };
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
    // "a/" written both ways: the bare one counts.
    if (bare === prefix || !(bare in sources)) byPrefix.set(bare, defaults);
  }
  return (file) => {
    const found: SourceDefaults = {};
    for (let end = 0; end <= file.length; end += 1) Object.assign(found, byPrefix.get(file.slice(0, end)));
    return found;
  };
}
