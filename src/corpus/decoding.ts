/** The text of a file, or why it cannot be an article. */
export type DecodedFile = { text: string; warnings: string[] } | { rejection: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Byte-order marks of UTF-16, as Windows tools (Notepad's "Unicode", PowerShell, Excel) write it. */
const UTF16_BOMS = [
  { encoding: 'utf-16le', label: 'UTF-16 LE', bom: [0xff, 0xfe] },
  { encoding: 'utf-16be', label: 'UTF-16 BE', bom: [0xfe, 0xff] },
] as const;
/** Enough bytes to tell text from binary without scanning megabytes. */
const SNIFF_BYTES = 64 * 1024;
/** Text has almost no C0 control characters besides tab, newlines and form feed; binary formats have many. */
const MAX_CONTROL_RATIO = 0.05;

/** How many NUL bytes text may carry by accident (more, if under one in a thousand bytes); they are removed from the decoded text. */
const MAX_STRAY_NULS = 2;

function binaryReason(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  // One indexed pass: every record of a JSON Lines file is sniffed, and a callback or an iterator
  // per byte took a quarter of parsing one.
  let nuls = 0;
  let controls = 0;
  for (let at = 0; at < sample.length; at += 1) {
    const byte = sample[at] ?? 0;
    if (byte >= 0x20) continue;
    if (byte === 0) nuls += 1;
    else if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls += 1;
  }
  // A stray NUL or two (a bad save, a pasted control) does not make a page binary; binaries are full of them.
  if (nuls > MAX_STRAY_NULS && nuls > sample.length / 1000) return 'binary file (contains NUL bytes), not text';
  const ratio = controls / sample.length;
  return ratio > MAX_CONTROL_RATIO ? `binary file (${Math.round(ratio * 100)}% control characters), not text` : null;
}

/**
 * Windows-1252's characters for bytes 0x80-0x9F (smart quotes, dashes, €); the five bytes it leaves
 * undefined keep their code point. Node 20's TextDecoder('windows-1252') decodes these bytes as
 * Latin-1 C1 controls, so they are mapped here.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/gu, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * A UTF-16 file decoded by its byte-order mark. Its ASCII characters carry a NUL byte each, so it
 * must be decoded before the binary check rather than be called binary by it.
 */
function decodeUtf16(bytes: Uint8Array): DecodedFile | null {
  const utf16 = UTF16_BOMS.find(({ bom }) => startsWith(bytes, bom));
  if (!utf16) return null;
  let text: string;
  try {
    text = new TextDecoder(utf16.encoding, { fatal: true }).decode(bytes.subarray(utf16.bom.length));
  } catch {
    return { rejection: `not valid ${utf16.label} despite its byte-order mark` };
  }
  if (text.includes('\0')) return { rejection: `binary file (contains NUL characters after decoding as ${utf16.label}), not text` };
  return { text, warnings: [`decoded as ${utf16.label} (byte-order mark)`] };
}

/**
 * UTF-8 text. Files that are not valid UTF-8 are almost always legacy Windows exports, so they are
 * decoded as Windows-1252 (which maps every byte) and flagged for a human to check.
 */
function decodeUtf8(bytes: Uint8Array): DecodedFile {
  const binary = binaryReason(bytes);
  if (binary) return { rejection: binary };
  const warnings: string[] = [];
  let body = bytes;
  if (startsWith(bytes, UTF8_BOM)) {
    body = bytes.subarray(UTF8_BOM.length);
    warnings.push('UTF-8 byte-order mark removed');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = decodeWindows1252(body);
    warnings.push('not valid UTF-8: decoded as Windows-1252, check the accents and quotes');
  }
  if (!text.includes('\0')) return { text, warnings };
  return { text: text.replaceAll('\0', ''), warnings: [...warnings, 'stray NUL bytes removed'] };
}

/** Decodes a file's bytes: as UTF-16 when a byte-order mark says so, else as UTF-8 (or Windows-1252). */
export function decodeArticleBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { rejection: 'empty file' };
  const decoded = decodeUtf16(bytes) ?? decodeUtf8(bytes);
  if ('text' in decoded && decoded.text.trim() === '') return { rejection: 'file has only whitespace' };
  return decoded;
}
