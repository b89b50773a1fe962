import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSrt, parseCues } from '../../src/core/subtitles/formats.ts';
import { cue, type Cue } from '../../src/core/subtitles/cue.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { toWav } from '../test-audio.ts';
import { wordErrorRate } from '../wer.ts';
import { qualityClip, type QualityClip } from './quality-audio.ts';
import { withTinyBenchPage } from './bench-page.ts';
import { fmt } from './stats.ts';

type Chunk = { text: string; timestamp: [number, number | null] };
interface Bench {
  ours(url: string, repeat: number, runs: number, threads: number, options: { vad: boolean; quality: 'fast' | 'best' }): Promise<{ ms: number; text: string; segments: Cue[] }[]>;
  plain(url: string, repeat: number, runs: number, hubUrl: string, threads: number, timestamps: true | 'word'): Promise<{ runs: { ms: number; text: string; chunks: Chunk[] }[] }>;
}

interface Row {
  readonly name: string;
  readonly wer: number;
  readonly hallucinated: number;
  readonly rtf: number;
  readonly cues: CueStats;
}

interface CueStats {
  readonly count: number;
  readonly maxLine: number;
  readonly maxSeconds: number;
  readonly overlaps: number;
  readonly within: number;
}

/** Words whose middle lies inside a non-speech stretch (shrunk by 0.5 s at each side: timing slack). */
function hallucinated(words: readonly { start: number; end: number; text: string }[], clip: QualityClip): string[] {
  const inside = (t: number): boolean => clip.nonSpeech.some((g) => t > g.start + 0.5 && t < g.end - 0.5);
  return words.filter((w) => w.text.trim() !== '' && inside((w.start + w.end) / 2)).map((w) => w.text.trim());
}

/** Cue statistics of subtitle cues as a player shows them; limits: 2 lines of 42, 1–7 s, no overlap. */
function cueStats(cues: readonly Cue[]): CueStats {
  const ok = cues.filter((c, i) => {
    const lines = c.text.split('\n');
    const d = c.end - c.start;
    return lines.length <= 2 && lines.every((l) => l.length <= 42) && d >= 1 - 1e-6 && d <= 7 + 1e-6 && (i === 0 || c.start >= cues[i - 1].end);
  });
  return {
    count: cues.length,
    maxLine: Math.max(...cues.flatMap((c) => c.text.split('\n').map((l) => l.length))),
    maxSeconds: Math.max(...cues.map((c) => c.end - c.start)),
    overlaps: cues.filter((c, i) => i > 0 && c.start < cues[i - 1].end).length,
    within: ok.length / Math.max(1, cues.length),
  };
}

const chunkWords = (chunks: readonly Chunk[], end: number) => chunks.map((c) => ({ start: c.timestamp[0], end: c.timestamp[1] ?? end, text: c.text }));

test('quality: speech-aware transcription vs a stock transformers.js pipeline on long audio with non-speech', async () => {
  test.setTimeout(30 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const clip = qualityClip(jfk!);
  const root = join(PROJECT_ROOT, 'dist-bench');
  writeFileSync(join(root, 'quality.wav'), toWav(clip.samples));
  await withTinyBenchPage<Bench>(async (run) => {
    const rtf = (ms: number): number => ms / 1000 / clip.seconds;

    // Each system decodes the clip twice in one worker; the second (warm) run is measured.
    const stockSegments = (await run((b) => b.plain('/quality.wav', 1, 2, 'http://127.0.0.1:5180', 2, true))).runs[1];
    const stockWords = (await run((b) => b.plain('/quality.wav', 1, 1, 'http://127.0.0.1:5180', 2, 'word'))).runs[0];
    const best = (await run((b) => b.ours('/quality.wav', 1, 2, 2, { vad: true, quality: 'best' })))[1];
    const fast = (await run((b) => b.ours('/quality.wav', 1, 2, 2, { vad: true, quality: 'fast' })))[1];
    const bestNoVad = (await run((b) => b.ours('/quality.wav', 1, 2, 2, { vad: false, quality: 'best' })))[1];

    const oursRow = (name: string, r: typeof best): Row => ({
      name,
      wer: wordErrorRate(clip.text, r.text),
      hallucinated: hallucinated(r.segments.flatMap((s) => s.words ?? []), clip).length,
      rtf: rtf(r.ms),
      cues: cueStats(parseCues(toSrt(r.segments))),
    });
    const stockCues = stockSegments.chunks.map((c) => cue(c.timestamp[0], c.timestamp[1] ?? clip.seconds, c.text.trim()));
    const rows: Row[] = [
      { name: 'stock pipeline (chunk 30 s, stride 5 s, greedy)', wer: wordErrorRate(clip.text, stockSegments.text), hallucinated: hallucinated(chunkWords(stockWords.chunks, clip.seconds), clip).length, rtf: rtf(stockSegments.ms), cues: cueStats(stockCues) },
      oursRow('ours, Best (VAD + beam 5 + fallback)', best),
      oursRow('ours, Fast (VAD + greedy + fallback)', fast),
      oursRow('ours, Best without VAD (fixed 30 s windows)', bestNoVad),
    ];
    const stock = rows[0];
    console.log(`
Quality benchmark: Xenova/whisper-tiny q8, WASM 2 threads, headless Chromium, warm runs.
Audio: ${fmt(clip.seconds, 0)} s, ${fmt((1 - clip.speechSeconds / clip.seconds) * 100, 0)} % non-speech (10 s noise, then jfk.wav + 6 espeak-ng sentences, twice, between silence, noise and tones)
| path | WER | hallucinated words | RTF | cues | max chars/line | max cue s | overlaps | cues within limits |
|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${fmt(r.wer, 3)} | ${r.hallucinated} | ${fmt(r.rtf, 3)} | ${r.cues.count} | ${r.cues.maxLine} | ${fmt(r.cues.maxSeconds, 1)} | ${r.cues.overlaps} | ${fmt(r.cues.within * 100, 0)} % |`).join('\n')}
WER ours Best / stock: ${fmt(rows[1].wer / stock.wer, 2)} (target ≤ 0.9); Fast / stock: ${fmt(rows[2].wer / stock.wer, 2)}
RTF ours Best / stock: ${fmt(rows[1].rtf / stock.rtf, 2)} (target ≤ 1.0); Fast / stock: ${fmt(rows[2].rtf / stock.rtf, 2)}; Best / Fast: ${fmt(rows[1].rtf / rows[2].rtf, 2)}
hallucinated words — stock: ${hallucinated(chunkWords(stockWords.chunks, clip.seconds), clip).join(' ') || 'none'}; ours Best: ${hallucinated(best.segments.flatMap((s) => s.words ?? []), clip).join(' ') || 'none'}; ours Fast: ${hallucinated(fast.segments.flatMap((s) => s.words ?? []), clip).join(' ') || 'none'}
`);
    expect(rows[1].cues.within).toBe(1);
  });
});
