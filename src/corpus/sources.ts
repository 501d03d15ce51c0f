import { readFile } from 'node:fs/promises';
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

function parseSources(name: string, text: string): Sources {
  const data: unknown = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const result = SourcesSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Reads the optional sources files at the corpus root; an invalid one is rejected, never fatal. */
export async function readSources(root: string): Promise<SourcesFile> {
  const sources: Sources = {};
  const rejected: Rejection[] = [];
  for (const name of SOURCES_FILES) {
    let text: string;
    try {
      text = await readFile(path.join(root, name), 'utf8');
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

/** The defaults that apply to `file`: every matching prefix, the longest (most specific) winning per field. */
export function defaultsFor(sources: Sources, file: string): SourceDefaults {
  const matching = Object.keys(sources)
    .map((prefix) => prefix.replace(/^\.\//u, ''))
    .filter((prefix) => file.startsWith(prefix))
    .sort((a, b) => a.length - b.length);
  return Object.assign({}, ...matching.map((prefix) => sources[prefix] ?? sources[`./${prefix}`]));
}
