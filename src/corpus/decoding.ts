/** The text of a file, or why it cannot be an article. */
export type DecodedFile = { text: string; warnings: string[] } | { rejection: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Enough bytes to tell text from binary without scanning megabytes. */
const SNIFF_BYTES = 64 * 1024;
/** Text has almost no C0 control characters besides tab, newlines and form feed; binary formats have many. */
const MAX_CONTROL_RATIO = 0.05;

function binaryReason(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return 'binary file (contains NUL bytes), not text';
  let controls = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls += 1;
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

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a file's bytes as UTF-8. Files that are not valid UTF-8 are almost always legacy Windows
 * exports, so they are decoded as Windows-1252 (which maps every byte) and flagged for a human to check.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { rejection: 'empty file' };
  const binary = binaryReason(bytes);
  if (binary) return { rejection: binary };
  const warnings: string[] = [];
  let body = bytes;
  if (hasUtf8Bom(bytes)) {
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
  if (text.trim() === '') return { rejection: 'file has only whitespace' };
  return { text, warnings };
}
