/** Encodings a person can pick when the guess is wrong: Unicode, and the legacy code pages subtitle files come in. */
export const SUBTITLE_ENCODINGS = Object.freeze([
  ['utf-8', 'Unicode (UTF-8)'],
  ['utf-16le', 'Unicode (UTF-16 LE)'],
  ['utf-16be', 'Unicode (UTF-16 BE)'],
  ['utf-32le', 'Unicode (UTF-32 LE)'],
  ['utf-32be', 'Unicode (UTF-32 BE)'],
  ['windows-1252', 'Western European (Windows-1252)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['windows-1253', 'Greek (Windows-1253)'],
  ['windows-1254', 'Turkish (Windows-1254)'],
  ['windows-1255', 'Hebrew (Windows-1255)'],
  ['windows-1256', 'Arabic (Windows-1256)'],
  ['windows-1257', 'Baltic (Windows-1257)'],
  ['windows-874', 'Thai (Windows-874)'],
  ['shift_jis', 'Japanese (Shift_JIS)'],
  ['gb18030', 'Chinese, simplified (GB18030)'],
  ['big5', 'Chinese, traditional (Big5)'],
  ['euc-kr', 'Korean (EUC-KR)'],
] as const);

/** Text read from bytes: which encoding, and whether it was guessed (no BOM said so). */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
  readonly how: 'bom' | 'guessed' | 'chosen';
}

const BOMS: readonly (readonly [string, readonly number[]])[] = [
  // UTF-32 LE's BOM starts as UTF-16 LE's: it is looked for first.
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  const found = BOMS.find(([, bom]) => bom.every((b, i) => bytes[i] === b));
  return found ? { encoding: found[0], length: found[1].length } : null;
}

/** TextDecoder has no UTF-32: code points read four bytes at a time (a bad one becomes U+FFFD). */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4 * 8192) {
    const points: number[] = [];
    for (let i = at; i + 4 <= bytes.length && i < at + 4 * 8192; i += 4) {
      const point = view.getUint32(i, littleEndian);
      points.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point);
    }
    parts.push(String.fromCodePoint(...points));
  }
  return parts.join('');
}

/** UTF-16 without a BOM: text of mostly ASCII has a zero in every other byte. */
function utf16Without(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return null;
  let [evenZeros, oddZeros] = [0, 0];
  for (let i = 0; i < sample.length; i += 2) [evenZeros, oddZeros] = [evenZeros + Number(sample[i] === 0), oddZeros + Number(sample[i + 1] === 0)];
  const half = sample.length / 2;
  if (oddZeros > half * 0.4 && evenZeros < half * 0.05) return 'utf-16le';
  return evenZeros > half * 0.4 && oddZeros < half * 0.05 ? 'utf-16be' : null;
}

/** Windows-1252's 0x80–0x9F (the rest is Latin-1): written out, as Node's TextDecoder reads them as Latin-1's controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192) {
    const chunk = bytes.subarray(at, at + 8192);
    parts.push(String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]));
  }
  return parts.join('');
}

function decodeAs(bytes: Uint8Array, encoding: string, fatal = false): string {
  if (encoding === 'windows-1252') return decodeCp1252(bytes);
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/**
 * A subtitle file's text, as people find the files: the encoding its BOM names (UTF-8, UTF-16,
 * UTF-32), else UTF-16 told by its zero bytes, else UTF-8 if every byte sequence is valid, else
 * Windows-1252 (the Western code page most old subtitles are in; another can be `chosen`).
 */
export function decodeSubtitleText(bytes: Uint8Array, chosen?: string | null): DecodedText {
  const bom = bomOf(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (chosen) return Object.freeze({ text: decodeAs(bom?.encoding === chosen ? body : bytes, chosen).replace(/^\uFEFF/, ''), encoding: chosen, how: 'chosen' });
  if (bom) return Object.freeze({ text: decodeAs(body, bom.encoding), encoding: bom.encoding, how: 'bom' });
  const wide = utf16Without(bytes);
  if (wide) return Object.freeze({ text: decodeAs(bytes, wide), encoding: wide, how: 'guessed' });
  try {
    return Object.freeze({ text: decodeAs(bytes, 'utf-8', true), encoding: 'utf-8', how: 'guessed' });
  } catch {
    return Object.freeze({ text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252', how: 'guessed' });
  }
}
