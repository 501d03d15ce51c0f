import { parseDocument, visit } from 'yaml';

/** A markdown file split into its front matter (already parsed) and its body. */
export type FrontMatter =
  | { ok: true; data: unknown; content: string }
  | { ok: false; reason: string };

const OPENING = /^\uFEFF?---[ \t]*([^\r\n]*)\r?\n/u;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/mu;

/**
 * Splits off a leading `---` … `---` block and parses it as YAML 1.2, the only language accepted.
 * Readers such as gray-matter also run `---js` blocks through eval; a corpus file must never run
 * code, so any language named after the opening `---` is a rejection, not a parser choice.
 * YAML 1.2 also keeps `date: 2025-03-23` the string the author wrote instead of a Date at UTC midnight,
 * and numbers and booleans are kept as written too (see `asWritten`).
 */
export function readFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { ok: true, data: {}, content: text };
  const language = opening[1]!.trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    return { ok: false, reason: `front matter in "${language.slice(0, 20)}" is not accepted: only YAML front matter is read` };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { ok: false, reason: 'front matter opened with --- is never closed' };
  try {
    const data = asWritten(rest.slice(0, closing.index)) ?? {};
    return { ok: true, data, content: rest.slice(closing.index + closing[0].length).replace(/^\r?\n/u, '') };
  } catch (error) {
    return { ok: false, reason: `unparseable front matter: ${firstLine((error as Error).message)}` };
  }
}

/**
 * YAML's value with every number and boolean kept as the text written: `title: 0x1F` is a title,
 * not 31, and `outlet: 012` keeps its zero. Throws the first syntax error.
 */
function asWritten(yaml: string): unknown {
  const document = parseDocument(yaml);
  const [error] = document.errors;
  if (error) throw error;
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' || typeof node.value === 'boolean') node.value = node.source;
    },
  });
  return document.toJS();
}

/** The first line of a parser's message, which may itself contain colons. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
