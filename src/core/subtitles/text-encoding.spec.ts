import { describe, expect, it } from 'vitest';
import { decodeSubtitleText } from './text-encoding.ts';

const TEXT = '1\r\n00:00:01,000 --> 00:00:02,000\r\nÉté à Noël — 𝄞 ok\r\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function utf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array(points.length * 4);
  points.forEach((p, i) => new DataView(out.buffer).setUint32(i * 4, p, littleEndian));
  return out;
}

const join = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeSubtitleText', () => {
  it('reads the encoding a BOM names: UTF-8, UTF-16 LE/BE and UTF-32 LE/BE', () => {
    const cases: [Uint8Array, string][] = [
      [join([0xef, 0xbb, 0xbf], new TextEncoder().encode(TEXT)), 'utf-8'],
      [join([0xff, 0xfe], utf16(TEXT, true)), 'utf-16le'],
      [join([0xfe, 0xff], utf16(TEXT, false)), 'utf-16be'],
      [join([0xff, 0xfe, 0, 0], utf32(TEXT, true)), 'utf-32le'],
      [join([0, 0, 0xfe, 0xff], utf32(TEXT, false)), 'utf-32be'],
    ];
    for (const [bytes, encoding] of cases) expect(decodeSubtitleText(bytes)).toEqual({ text: TEXT, encoding, how: 'bom' });
  });

  it('guesses without a BOM: UTF-16 by its zero bytes, UTF-8 when it decodes cleanly, else Windows-1252', () => {
    expect(decodeSubtitleText(utf16(TEXT, true))).toMatchObject({ text: TEXT, encoding: 'utf-16le', how: 'guessed' });
    expect(decodeSubtitleText(new TextEncoder().encode(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-8' });
    const french = Uint8Array.from([...'ÉTÉ, cœur, déjà vu'].map((c) => ({ É: 0xc9, é: 0xe9, à: 0xe0, œ: 0x9c })[c] ?? c.charCodeAt(0)));
    expect(decodeSubtitleText(french)).toEqual({ text: 'ÉTÉ, cœur, déjà vu', encoding: 'windows-1252', how: 'guessed' });
  });

  it('reads the encoding a person chose when the guess was wrong', () => {
    const cyrillic = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in Windows-1251
    expect(decodeSubtitleText(cyrillic).encoding).toBe('windows-1252');
    expect(decodeSubtitleText(cyrillic, 'windows-1251')).toEqual({ text: 'Привет', encoding: 'windows-1251', how: 'chosen' });
  });
});
