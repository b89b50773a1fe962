import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { installTiny } from '../app.ts';
import { jfkWav, JFK_TEXT } from '../hub/fixture-audio.ts';
import { longMedia, type LongMedia } from '../long-media.ts';
import { wordErrorRate } from '../wer.ts';
import { peakGrowth } from './renderer-memory.ts';
import { fmt, median, MiB } from './stats.ts';

interface Run {
  readonly seconds: number;
  readonly firstSegmentSeconds: number;
  readonly wer: number;
  readonly longTasks: readonly number[];
}

/** Every main-thread task over 50 ms, from page load on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
}

/** The app at `path` (`/?decode=whole`: the browser decodes files whole first) with the file picked, idle. */
async function prepare(page: Page, media: LongMedia, path: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'talk.webm', mimeType: 'audio/webm', buffer: media.bytes });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
}

/** Transcribe the prepared file: times from the click, long tasks until done (before the test reads the page). */
async function transcribe(page: Page, media: LongMedia): Promise<Run> {
  const started = Date.now();
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByLabel(/^Text of segment/).first()).toBeVisible({ timeout: 120_000 });
  const firstSegmentSeconds = (Date.now() - started) / 1000;
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 60 * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const text = (await page.getByLabel(/^Text of segment/).evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value))).join(' ');
  return { seconds, firstSegmentSeconds, wer: wordErrorRate(Array(media.speechStarts.length).fill(JFK_TEXT).join(' '), text), longTasks };
}

/**
 * A run in a browser context of its own (its own renderer process, its own OPFS with tiny
 * installed), every other page closed: the renderer memory sampled is this run's alone, measured
 * from the idle app with the file picked.
 */
async function isolated<T>(browser: Browser, media: LongMedia, path: string, work: (page: Page) => Promise<T>): Promise<{ result: T; growth: number }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const page = await context.newPage();
    await watchLongTasks(page);
    await installTiny(page);
    await prepare(page, media, path);
    return await peakGrowth(() => work(page));
  } finally {
    await context.close();
  }
}

/** Today's path on the hour: the browser decoding it whole, until transcription starts. */
async function decodeWhole(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-percent').or(page.getByRole('alert'))).toBeVisible({ timeout: 10 * 60_000 });
}

const describeTasks = (tasks: readonly number[]): string => `${tasks.length} over 50 ms, longest ${fmt(Math.max(0, ...tasks), 0)} ms, ${tasks.filter((t) => t > 200).length} over 200 ms`;

test('long media: streaming reader vs decoding the whole file first', async ({ browser }) => {
  test.setTimeout(60 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const wav = readFileSync(jfk!);
  const five = await longMedia(browser, wav, { minutes: 5, video: false });
  const hour = await longMedia(browser, wav, { minutes: 60, video: false });

  // Alternating, after one warm-up each, so neither path gets the warmer machine.
  const whole: { result: Run; growth: number }[] = [];
  const streamed: { result: Run; growth: number }[] = [];
  for (let i = 0; i < 3; i++) {
    whole.push(await isolated(browser, five, '/?decode=whole', (page) => transcribe(page, five)));
    streamed.push(await isolated(browser, five, '/', (page) => transcribe(page, five)));
  }
  const [w, s] = [whole.slice(1).map((r) => r.result), streamed.slice(1).map((r) => r.result)];
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
