// Decodes a plan file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; anything else is unreadable.
import { UnreadableFileError } from './unreadable';

export type PlanEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedPlan {
  text: string;
  encoding: PlanEncoding;
}

/**
 * The text of a plan file and the encoding it was read in.
 *
 * A BOM settles the encoding. Without one, strict UTF-8 is tried first and kept, except in one case: bytes whose
 * UTF-8 reading has no character above U+07FF and does not look like European text (see readsAsMisdecodedGbk:
 * `陆` is C2 BD, which UTF-8 reads as `½`) while the same bytes are all GB2312 characters. Otherwise GB18030 is
 * tried, and kept only when the bytes look like Chinese text rather than another 8-bit code page: no invalid
 * sequence, and most double-byte characters in GB2312's rows of hanzi and punctuation (Latin-1 `ü` before a letter
 * is a valid but rare GBK character, `é` before a space is invalid). Text with NUL bytes or many control characters
 * is binary.
 */
export function decodePlanBytes(bytes: Uint8Array, name: string): DecodedPlan {
  const fail = () => new UnreadableFileError(`cannot read ${name}: not UTF-8, UTF-16 or GB18030 text`);
  const decoded = decodeWithoutChecks(bytes);
  if (!decoded || looksBinary(decoded.text)) throw fail();
  return decoded;
}

/** The text in the encoding the bytes are in, or undefined when they are in none of those read. */
function decodeWithoutChecks(bytes: Uint8Array): DecodedPlan | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === undefined ? undefined : { text, encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = bytes.length % 2 === 0 ? strictDecode('utf-16le', bytes.subarray(2)) : undefined;
    return text === undefined ? undefined : { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = bytes.length % 2 === 0 ? strictDecode('utf-16be', bytes.subarray(2)) : undefined;
    return text === undefined ? undefined : { text, encoding: 'utf-16be' };
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== undefined && !(readsAsMisdecodedGbk(utf8) && gbkShare(bytes) === 1)) return { text: utf8, encoding: 'utf-8' };
  if (gbkShare(bytes) < MIN_GB2312_SHARE) return undefined;
  const text = decodeGb18030(bytes);
  return text.includes('\uFFFD') ? undefined : { text, encoding: 'gb18030' };
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM is already stripped; a second one would be content
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeGb18030(bytes: Uint8Array): string {
  // loaded on first use: most plans are UTF-8 and never need the code tables
  const { iconv } = require('./readerLibraries') as typeof import('./readerLibraries');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: false });
}

/** Below this share of GB2312 characters among the double-byte ones, bytes are taken for another code page. */
const MIN_GB2312_SHARE = 0.8;

/**
 * The share of GBK double-byte characters that lie in GB2312's rows of punctuation and hanzi (both bytes A1–FE,
 * lead at most F7), which is nearly all of a Chinese text; 1 when there are none, 0 at the first invalid sequence.
 */
function gbkShare(bytes: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff || i + 1 >= bytes.length) return 0;
    const t = bytes[i + 1];
    if (t >= 0x30 && t <= 0x39) {
      // a GB18030 four-byte sequence: rare characters, counted as uncommon
      if (i + 3 >= bytes.length || bytes[i + 2] < 0x81 || bytes[i + 2] > 0xfe || bytes[i + 3] < 0x30 || bytes[i + 3] > 0x39) return 0;
      pairs++;
      i += 3;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return 0;
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1) common++;
    i++;
  }
  return pairs ? common / pairs : 1;
}

/** Letters of European words: Latin-1 and Latin Extended-A, modern Greek, basic Cyrillic. */
const EUROPEAN_SCRIPTS = [/^[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]+$/, /^[\u0386-\u03ce]+$/, /^[\u0400-\u045f]+$/];

/**
 * True when a valid UTF-8 reading is more likely GBK. A Chinese plan in UTF-8 has characters above U+07FF; without
 * any, the reading is kept only when it looks like European text: every run of non-ASCII characters is either
 * letters of one European script, inside a word with ASCII letters (`café`) or, for Greek and Cyrillic, a word of its
 * own (`Москва`); or Latin-1 symbols next to a letter or digit (`25°C`); and the text keeps to one script. GBK
 * hanzi read as UTF-8 come out as IPA letters, modifiers, old Cyrillic or lone symbols (`实十` as `ʵʮ`, `陆` as `½`).
 */
function readsAsMisdecodedGbk(text: string): boolean {
  if (/[^\x00-\u07ff]/.test(text)) return false;
  const runs = [...text.matchAll(/[^\x00-\x7f]+/g)];
  if (!runs.length) return false;
  const scripts = new Set<number>();
  const european = runs.every((m) => {
    const before = text[m.index! - 1] ?? '';
    const after = text[m.index! + m[0].length] ?? '';
    const script = EUROPEAN_SCRIPTS.findIndex((s) => s.test(m[0]));
    // not the fractions: `½` is 陆 in GBK, and 陆1 is likelier than ½1
    if (script < 0) return /^[\u00a0-\u00bb\u00bf\u00d7\u00f7]+$/.test(m[0]) && /[A-Za-z0-9]/.test(before + after);
    scripts.add(script);
    return /[A-Za-z]/.test(before + after) || (script > 0 && m[0].length >= 2);
  });
  return !european || scripts.size > 1;
}

/** NUL anywhere, or more than one control character (other than whitespace) in a thousand. */
function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const controls = text.match(/[\x01-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  return controls > 0 && controls * 1000 > text.length;
}

/**
 * A plan's text as the bytes of `encoding`, the one it was read in (decodePlanBytes): a file written back keeps its
 * encoding and its BOM, so the Windows tool that saved it reads it as before.
 */
export function encodePlanText(text: string, encoding: PlanEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030': {
      const { iconv } = require('./readerLibraries') as typeof import('./readerLibraries');
      return iconv.encode(text, 'gb18030');
    }
  }
}
