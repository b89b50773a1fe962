/**
 * The WebVTT cues of an MP4's subtitle track (ISO/IEC 14496-30 `wvtt`), read in Node: mediabunny
 * writes such tracks but does not read them back, and the test must not rely on the app's writer.
 */
interface Box {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Where its children or payload begin. */
  readonly body: number;
}

function boxes(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let body = at + 8;
    if (size === 1) [size, body] = [Number(buf.readBigUInt64BE(at + 8)), at + 16];
    if (size === 0) size = to - at;
    out.push({ type, start: at, end: at + size, body });
    at += size;
  }
  return out;
}

const child = (buf: Buffer, box: Box, type: string, skip = 0): Box | undefined => boxes(buf, box.body + skip, box.end).find((b) => b.type === type);
const path = (buf: Buffer, box: Box, types: string[]): Box | undefined => types.reduce<Box | undefined>((b, t) => (b ? child(buf, b, t) : undefined), box);

/** A full box's table: entry count at +4 after version/flags, then entries of `width` 32-bit words. */
function table(buf: Buffer, box: Box, width: number, skip = 0): number[][] {
  const count = buf.readUInt32BE(box.body + 4 + skip);
  return Array.from({ length: count }, (_, i) => Array.from({ length: width }, (_, j) => buf.readUInt32BE(box.body + 8 + skip + (i * width + j) * 4)));
}

function sampleOffsets(buf: Buffer, stbl: Box): { offset: number; size: number }[] {
  const stsz = child(buf, stbl, 'stsz')!;
  const fixed = buf.readUInt32BE(stsz.body + 4);
  const count = buf.readUInt32BE(stsz.body + 8);
  const sizes = Array.from({ length: count }, (_, i) => fixed || buf.readUInt32BE(stsz.body + 12 + i * 4));
  const stco = child(buf, stbl, 'stco');
  const co64 = child(buf, stbl, 'co64');
  const chunks = stco ? table(buf, stco, 1).map(([o]) => o) : Array.from({ length: buf.readUInt32BE(co64!.body + 4) }, (_, i) => Number(buf.readBigUInt64BE(co64!.body + 8 + i * 8)));
  const stsc = table(buf, child(buf, stbl, 'stsc')!, 3);
  const out: { offset: number; size: number }[] = [];
  chunks.forEach((chunkOffset, c) => {
    const run = [...stsc].reverse().find(([first]) => first <= c + 1)!;
    let at = chunkOffset;
    for (let k = 0; k < run[1] && out.length < sizes.length; k++) {
      out.push({ offset: at, size: sizes[out.length] });
      at += sizes[out.length - 1];
    }
  });
  return out;
}

export interface ReadCue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Cues of the first `wvtt` track (empty `vtte` samples are gaps, left out). */
export function mp4WebVttCues(buf: Buffer): ReadCue[] {
  const moov = boxes(buf, 0, buf.length).find((b) => b.type === 'moov')!;
  const trak = boxes(buf, moov.body, moov.end).filter((b) => b.type === 'trak').find((t) => {
    const stsd = path(buf, t, ['mdia', 'minf', 'stbl', 'stsd']);
    return stsd !== undefined && buf.toString('latin1', stsd.body + 12, stsd.body + 16) === 'wvtt';
  });
  if (!trak) return [];
  const mdhd = path(buf, trak, ['mdia', 'mdhd'])!;
  const timescale = buf.readUInt32BE(mdhd.body + (buf[mdhd.body] === 1 ? 20 : 12));
  const stbl = path(buf, trak, ['mdia', 'minf', 'stbl'])!;
  const deltas = table(buf, child(buf, stbl, 'stts')!, 2).flatMap(([n, d]) => Array<number>(n).fill(d));
  let t = 0;
  return sampleOffsets(buf, stbl).flatMap(({ offset, size }, i) => {
    const [start, end] = [t / timescale, (t += deltas[i]) / timescale];
    const vttc = boxes(buf, offset, offset + size).find((b) => b.type === 'vttc');
    const payl = vttc && boxes(buf, vttc.body, vttc.end).find((b) => b.type === 'payl');
    return payl ? [{ start, end, text: buf.toString('utf8', payl.body, payl.end) }] : [];
  });
}
