import { expect, test } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { jfkWav, JFK_TEXT } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { wordErrorRate } from '../wer.ts';
import { withTinyBenchPage } from './bench-page.ts';
import { fmt } from './stats.ts';

interface Bench {
  ours(url: string, repeat: number, runs: number, threads: number, options: { vad: boolean; quality: 'fast' | 'best' }): Promise<{ loadMs: number; ms: number; text: string }[]>;
  plain(url: string, repeat: number, runs: number, hubUrl: string, threads?: number): Promise<{ loadMs: number; runs: { ms: number; text: string }[]; threads: number }>;
}

const JFK_SECONDS = 11;

test('transcription: our worker vs a plain transformers.js pipeline, single- and multi-threaded', async () => {
  test.setTimeout(20 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const root = join(PROJECT_ROOT, 'dist-bench');
  copyFileSync(jfk!, join(root, 'jfk.wav'));
  await withTinyBenchPage<Bench>(async (run) => {
    const plainCold = await run((b) => b.plain('/jfk.wav', 1, 2, 'http://127.0.0.1:5180'));
    const plainShort = await run((b) => b.plain('/jfk.wav', 1, 2, 'http://127.0.0.1:5180'));
    const plainLong = await run((b) => b.plain('/jfk.wav', 6, 2, 'http://127.0.0.1:5180'));
    const ours1 = await run((b) => b.ours('/jfk.wav', 1, 2, 1, { vad: true, quality: 'fast' }));
    const ours2 = await run((b) => b.ours('/jfk.wav', 1, 2, 2, { vad: true, quality: 'fast' }));
    const oursLong1 = await run((b) => b.ours('/jfk.wav', 6, 2, 1, { vad: true, quality: 'fast' }));
    const oursLong2 = await run((b) => b.ours('/jfk.wav', 6, 2, 2, { vad: true, quality: 'fast' }));

    expect(wordErrorRate(JFK_TEXT, ours2[1].text)).toBeLessThanOrEqual(0.1);
    const rtf = (ms: number, seconds: number): number => ms / 1000 / seconds;
    const warm = <T extends { ms: number }>(runs: T[]): number => runs[runs.length - 1].ms;
    const p = { short: rtf(warm(plainShort.runs), JFK_SECONDS), long: rtf(warm(plainLong.runs), 6 * JFK_SECONDS) };
    const o1 = { short: rtf(warm(ours1), JFK_SECONDS), long: rtf(warm(oursLong1), 6 * JFK_SECONDS) };
    const o2 = { short: rtf(warm(ours2), JFK_SECONDS), long: rtf(warm(oursLong2), 6 * JFK_SECONDS) };
    const best = { short: Math.min(o1.short, o2.short), long: Math.min(o1.long, o2.long) };
    console.log(`
Transcription benchmark: Xenova/whisper-tiny q8, WASM, headless Chromium, warm runs (second call)
| path | RTF jfk.wav (11 s) | RTF 66 s clip | model load |
|---|---|---|---|
| plain transformers.js pipeline (${plainShort.threads} thread(s), its cache, chunk_length_s 30) | ${fmt(p.short, 3)} | ${fmt(p.long, 3)} | ${fmt(plainCold.loadMs, 0)} ms cold (from the hub), ${fmt(plainShort.loadMs, 0)} ms from its browser cache |
| ours (Fast: greedy, VAD; the quality bench compares Best), 1 thread | ${fmt(o1.short, 3)} | ${fmt(o1.long, 3)} | ${fmt(ours1[0].loadMs, 0)} ms from OPFS |
| ours (Fast), 2 threads | ${fmt(o2.short, 3)} | ${fmt(o2.long, 3)} | ${fmt(ours2[0].loadMs, 0)} ms from OPFS |
our RTF / plain RTF: jfk ${fmt(best.short / p.short, 2)}, 66 s ${fmt(best.long / p.long, 2)} (target ≤ 1.0)
ours threaded / single-threaded: jfk ${fmt(o2.short / o1.short, 2)}, 66 s ${fmt(o2.long / o1.long, 2)} (target ≤ 0.9)
load from our store / from transformers.js browser cache: ${fmt(ours2[0].loadMs / plainShort.loadMs, 2)} (target ≤ 1.0)
66 s texts — plain: "${plainLong.runs[1].text.trim().slice(0, 120)}…" ours: "${oursLong2[1].text.trim().slice(0, 120)}…"
`);
  });
});
