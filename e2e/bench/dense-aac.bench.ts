import { test } from '@playwright/test';
import { jfkWav } from '../hub/fixture-audio.ts';
import { denseAac, ffmpegMissing } from './dense-aac.ts';
import { decodeWhole, describeTasks, isolated, transcribe, wholeVsStreamed, type Run } from './media-runs.ts';
import { fmt, median, MiB } from './stats.ts';

/**
 * Media as phones and downloads make it: an hour of dense speech as stereo 44.1 kHz AAC in MP4.
 * The streaming reader against the browser decoding the file whole, in the same run.
 */
test('dense speech, AAC in MP4: first cue, memory, streaming vs whole-file RTF', async ({ browser }) => {
  test.setTimeout(90 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const missing = ffmpegMissing();
  test.skip(missing !== null, missing ?? '');
  const five = denseAac(jfk!, 5);
  const hour = denseAac(jfk!, 60);

  const { w, s } = await wholeVsStreamed(browser, five);
  const rtf = (runs: Run[]): number => median(runs.map((r) => r.seconds)) / 300;
  const { result: long, growth } = await isolated(browser, hour, '/', (page) => transcribe(page, hour));
  const hourWhole = await isolated(browser, hour, '/?decode=whole', decodeWhole);
  console.log(`
Dense speech, stereo 44.1 kHz AAC-LC in MP4 (ffmpeg): Xenova/whisper-tiny q8, Fast, WASM, headless Chromium
  5 min, whole-file decode: RTF ${fmt(rtf(w), 3)} (runs ${w.map((r) => fmt(r.seconds)).join(', ')} s), first cue ${fmt(median(w.map((r) => r.firstSegmentSeconds)))} s, WER ${fmt(w[0].wer, 3)}
  5 min, streaming reader:  RTF ${fmt(rtf(s), 3)} (runs ${s.map((r) => fmt(r.seconds)).join(', ')} s), first cue ${fmt(median(s.map((r) => r.firstSegmentSeconds)))} s, WER ${fmt(s[0].wer, 3)}
  streaming / whole RTF: ${fmt(rtf(s) / rtf(w), 3)}
  60 min, streaming: ${fmt(long.seconds, 0)} s, RTF ${fmt(long.seconds / 3600, 3)}, first cue ${fmt(long.firstSegmentSeconds)} s (goal ≤ 8), WER ${fmt(long.wer, 3)}
    peak renderer memory above the idle app: ${fmt(growth / MiB, 0)} MiB (goal ≤ 600)
    main-thread long tasks: ${describeTasks(long.longTasks)}
  60 min, whole-file decode, until transcription starts: peak ${fmt(hourWhole.growth / MiB, 0)} MiB above the idle app
`);
});
