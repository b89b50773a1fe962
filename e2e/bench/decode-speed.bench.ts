import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue } from '../../src/core/subtitles/cue.ts';
import type { ProfileData } from '../../src/core/transcribe/decode-profile.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { toWav } from '../test-audio.ts';
import { wordErrorRate } from '../wer.ts';
import { withTinyBenchPage } from './bench-page.ts';
import { denseClip, qualityClip, type QualityClip } from './quality-audio.ts';
import { fmt } from './stats.ts';

type Ours = { ms: number; text: string; segments: Cue[]; profile?: ProfileData };
interface Bench {
  ours(url: string, repeat: number, runs: number, threads: number, options: { vad: boolean; quality: 'fast' | 'best' | 'beam'; profile: boolean }): Promise<Ours[]>;
  plain(url: string, repeat: number, runs: number, hubUrl: string, threads: number, timestamps: true | 'word'): Promise<{ runs: { ms: number; text: string }[] }>;
}

interface Row {
  readonly name: string;
  readonly wer: number;
  readonly rtf: number;
  readonly profile?: ProfileData;
}

/** The profile as a table: each phase's share of the decode, and how often each extra pass fired. */
function profileTable(rows: readonly Row[]): string {
  const withProfile = rows.filter((r): r is Row & { profile: ProfileData } => r.profile !== undefined);
  const phases = [...new Set(withProfile.flatMap((r) => Object.keys(r.profile.ms)))];
  const counts = [...new Set(withProfile.flatMap((r) => Object.keys(r.profile.counts)))];
  const head = `| | ${withProfile.map((r) => r.name).join(' | ')} |\n|---|${withProfile.map(() => '---').join('|')}|`;
  const ms = phases.map((p) => `| ${p} (s) | ${withProfile.map((r) => fmt((r.profile.ms[p] ?? 0) / 1000, 2)).join(' | ')} |`);
  const n = counts.map((c) => `| ${c} | ${withProfile.map((r) => r.profile.counts[c] ?? 0).join(' | ')} |`);
  return [head, ...ms, ...n].join('\n');
}

/** Stock pipeline, then our Fast, Best (greedy first, beams where unsure) and always-beam, each warm (second run) and profiled. */
async function measure(run: <T>(fn: (bench: Bench) => Promise<T>) => Promise<T>, clip: QualityClip, file: 'dense' | 'sparse'): Promise<Row[]> {
  const rtf = (ms: number): number => ms / 1000 / clip.seconds;
  const stock = file === 'dense'
    ? (await run((b) => b.plain('/dense.wav', 1, 2, 'http://127.0.0.1:5180', 2, true))).runs[1]
    : (await run((b) => b.plain('/sparse.wav', 1, 2, 'http://127.0.0.1:5180', 2, true))).runs[1];
  const ours = async (quality: 'fast' | 'best' | 'beam'): Promise<Ours> =>
    file === 'dense'
      ? quality === 'fast' ? (await run((b) => b.ours('/dense.wav', 1, 2, 2, { vad: true, quality: 'fast', profile: true })))[1]
        : quality === 'best' ? (await run((b) => b.ours('/dense.wav', 1, 2, 2, { vad: true, quality: 'best', profile: true })))[1]
        : (await run((b) => b.ours('/dense.wav', 1, 2, 2, { vad: true, quality: 'beam', profile: true })))[1]
      : quality === 'fast' ? (await run((b) => b.ours('/sparse.wav', 1, 2, 2, { vad: true, quality: 'fast', profile: true })))[1]
        : quality === 'best' ? (await run((b) => b.ours('/sparse.wav', 1, 2, 2, { vad: true, quality: 'best', profile: true })))[1]
        : (await run((b) => b.ours('/sparse.wav', 1, 2, 2, { vad: true, quality: 'beam', profile: true })))[1];
  const row = (name: string, r: Ours): Row => ({ name, wer: wordErrorRate(clip.text, r.text), rtf: rtf(r.ms), profile: r.profile });
  return [
    { name: 'stock pipeline (greedy, 30 s windows)', wer: wordErrorRate(clip.text, stock.text), rtf: rtf(stock.ms) },
    row('Fast', await ours('fast')),
    row('Best', await ours('best')),
    row('always beam', await ours('beam')),
  ];
}

function report(title: string, clip: QualityClip, rows: readonly Row[]): void {
  const [stock, fast, best, beam] = rows;
  console.log(`
${title}: ${fmt(clip.seconds, 0)} s, ${fmt((1 - clip.speechSeconds / clip.seconds) * 100, 0)} % non-speech. Xenova/whisper-tiny q8, WASM 2 threads, headless Chromium, warm runs.
| path | WER | RTF | time / stock |
|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${fmt(r.wer, 3)} | ${fmt(r.rtf, 3)} | ${fmt(r.rtf / stock.rtf, 2)} |`).join('\n')}
Fast / stock = ${fmt(fast.rtf / stock.rtf, 2)}; Best / stock = ${fmt(best.rtf / stock.rtf, 2)}; Best WER − always-beam WER = ${fmt(best.wer - beam.wer, 3)}

Decode profile (warm run):
${profileTable(rows)}
`);
}

test('decoding speed: our Fast, Best and always-beam against the stock pipeline, on dense speech and on the 40 %-non-speech clip', async () => {
  test.setTimeout(60 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const dense = denseClip(jfk!);
  const sparse = qualityClip(jfk!);
  const root = join(PROJECT_ROOT, 'dist-bench');
  writeFileSync(join(root, 'dense.wav'), toWav(dense.samples));
  writeFileSync(join(root, 'sparse.wav'), toWav(sparse.samples));
  await withTinyBenchPage<Bench>(async (run) => {
    const denseRows = await measure(run, dense, 'dense');
    report('Dense speech (jfk.wav and the espeak sentences back to back)', dense, denseRows);
    const sparseRows = await measure(run, sparse, 'sparse');
    report('Quality clip (speech between silence, noise and tones)', sparse, sparseRows);
    expect(denseRows.every((r) => r.wer < 1)).toBe(true);
  });
});
