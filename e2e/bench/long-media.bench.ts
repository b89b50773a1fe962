import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { jfkWav, JFK_TEXT } from '../hub/fixture-audio.ts';
import { longMedia, type LongMedia } from '../long-media.ts';
import { decodeWhole, describeTasks, isolated, transcribe, wholeVsStreamed, type BenchMedia, type Run } from './media-runs.ts';
import { fmt, median, MiB } from './stats.ts';

/** The generated talk as the bench hands it to the app. */
const asMedia = (media: LongMedia): BenchMedia => ({ name: 'talk.webm', mimeType: 'audio/webm', bytes: media.bytes, text: Array(media.speechStarts.length).fill(JFK_TEXT).join(' ') });

test('long media: streaming reader vs decoding the whole file first', async ({ browser }) => {
  test.setTimeout(60 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const wav = readFileSync(jfk!);
  const five = asMedia(await longMedia(browser, wav, { minutes: 5, video: false }));
  const hour = asMedia(await longMedia(browser, wav, { minutes: 60, video: false }));

  const { whole, streamed, w, s } = await wholeVsStreamed(browser, five);
  const rtf = (runs: Run[]): number => median(runs.map((r) => r.seconds)) / 300;
  const peak = (runs: { growth: number }[]): string => `${fmt(Math.max(...runs.map((r) => r.growth)) / MiB, 0)} MiB`;

  const { result: long, growth } = await isolated(browser, hour, '/', (page) => transcribe(page, hour));
  const hourWhole = await isolated(browser, hour, '/?decode=whole', decodeWhole);
  console.log(`
Long media: Xenova/whisper-tiny q8, Fast, WASM, headless Chromium; stereo 44.1 kHz Opus/WebM of jfk.wav with pauses
  5 min, whole-file decode (today's path): RTF ${fmt(rtf(w), 3)} (runs ${w.map((r) => fmt(r.seconds)).join(', ')} s), first segment ${fmt(median(w.map((r) => r.firstSegmentSeconds)))} s, WER ${fmt(w[0].wer, 3)}, peak memory ${peak(whole)}
  5 min, streaming reader:               RTF ${fmt(rtf(s), 3)} (runs ${s.map((r) => fmt(r.seconds)).join(', ')} s), first segment ${fmt(median(s.map((r) => r.firstSegmentSeconds)))} s, WER ${fmt(s[0].wer, 3)}, peak memory ${peak(streamed)}
  streaming / whole RTF: ${fmt(rtf(s) / rtf(w), 3)}  (goal ≤ 1.05)
  60 min, streaming: ${fmt(long.seconds, 0)} s, RTF ${fmt(long.seconds / 3600, 3)}, first segment ${fmt(long.firstSegmentSeconds)} s (goal ≤ 15), WER ${fmt(long.wer, 3)}
    peak renderer memory above the idle app: ${fmt(growth / MiB, 0)} MiB (goal ≤ 600)
    main-thread long tasks: ${describeTasks(long.longTasks)}
  60 min, whole-file decode (today's path), until transcription starts: peak ${fmt(hourWhole.growth / MiB, 0)} MiB above the idle app
  5 min main-thread long tasks: whole ${describeTasks(w.flatMap((r) => r.longTasks))}; streaming ${describeTasks(s.flatMap((r) => r.longTasks))}
  (peak memory: resident memory of Chromium's renderer processes, sampled every 50 ms, above the idle app in a context of its own)
`);
  expect(long.wer).toBeLessThan(0.3);
});
