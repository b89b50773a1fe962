import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { installTiny, openPanel } from '../app.ts';
import { wordErrorRate } from '../wer.ts';
import { peakGrowth } from './renderer-memory.ts';
import { fmt } from './stats.ts';

/** A media file as the benches hand it to the app. */
export interface BenchMedia {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
  /** What is said in it, for the word error rate. */
  readonly text: string;
}

export interface Run {
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
async function prepare(page: Page, media: BenchMedia, path: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Audio or video file').setInputFiles({ name: media.name, mimeType: media.mimeType, buffer: media.bytes });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
}

/** Transcribe the prepared file: times from the click, long tasks until done (before the test reads the page). */
export async function transcribe(page: Page, media: BenchMedia): Promise<Run> {
  const started = Date.now();
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible({ timeout: 120_000 });
  const firstSegmentSeconds = (Date.now() - started) / 1000;
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 60 * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { seconds, firstSegmentSeconds, wer: wordErrorRate(media.text, await everyCueText(page)), longTasks };
}

/** The text of every cue, as the JSON export has it (the list renders a long transcript's cues a page at a time). */
async function everyCueText(page: Page): Promise<string> {
  await openPanel(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const { segments } = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { segments: { text: string }[] };
  return segments.map((s) => s.text).join(' ');
}

/**
 * A run in a browser context of its own (its own renderer process, its own OPFS with tiny
 * installed), every other page closed: the renderer memory sampled is this run's alone, measured
 * from the idle app with the file picked.
 */
export async function isolated<T>(browser: Browser, media: BenchMedia, path: string, work: (page: Page) => Promise<T>): Promise<{ result: T; growth: number }> {
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

/** The whole-file path on long media: the browser decoding it whole, until transcription starts. */
export async function decodeWhole(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-percent').or(page.getByRole('alert'))).toBeVisible({ timeout: 10 * 60_000 });
}

export const describeTasks = (tasks: readonly number[]): string => `${tasks.length} over 50 ms, longest ${fmt(Math.max(0, ...tasks), 0)} ms, ${tasks.filter((t) => t > 200).length} over 200 ms`;

export interface Measured {
  readonly result: Run;
  readonly growth: number;
}

/**
 * The same file decoded whole and streamed, three times each, alternating so neither path gets
 * the warmer machine; the first of each is a warm-up and is left out of `whole`/`streamed` runs.
 */
export async function wholeVsStreamed(browser: Browser, media: BenchMedia): Promise<{ whole: Measured[]; streamed: Measured[]; w: Run[]; s: Run[] }> {
  const whole: Measured[] = [];
  const streamed: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    whole.push(await isolated(browser, media, '/?decode=whole', (page) => transcribe(page, media)));
    streamed.push(await isolated(browser, media, '/', (page) => transcribe(page, media)));
  }
  return { whole, streamed, w: whole.slice(1).map((r) => r.result), s: streamed.slice(1).map((r) => r.result) };
}
