import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, installTiny, openPanel } from './app.ts';
import { hubControl } from './hub-control.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { longMedia, type LongMedia } from './long-media.ts';
import { compose, RATE, readWav, toWav, type Part } from './test-audio.ts';
import { wordErrorRate } from './wer.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

let talk: LongMedia;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // Three minutes: longer than the reader may run ahead (2 min), so reading is still going when the first cues come.
  talk = await longMedia(browser, readFileSync(JFK!), { minutes: 3, video: true });
});

const segmentTexts = (page: Page): Promise<string[]> => page.getByLabel(/^Text of cue/).evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));

async function startTalk(page: Page): Promise<void> {
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'talk.webm', mimeType: 'video/webm', buffer: talk.bytes });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
}

test('a 3-minute video is transcribed while it is read: segments come before reading ends', async ({ page }) => {
  test.setTimeout(600_000);
  await installTiny(page);
  await startTalk(page);
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible({ timeout: 60_000 });
  const readWhenFirst = await page.getByTestId('read-percent').textContent();
  // Reading runs ahead of the transcriber, but only so far: half-way, not done.
  const read = Number(/Read (\d+)%/.exec(readWhenFirst ?? '')?.[1]);
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(100);
  await expect(page.getByTestId('time-left')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 480_000 });
  const text = (await segmentTexts(page)).join(' ');
  const heard = text.match(/my fellow america/gi)?.length ?? 0;
  expect(heard, text).toBeGreaterThanOrEqual(Math.floor(talk.speechStarts.length * 0.9));
  const lastEnd = (await page.getByRole('textbox', { name: /^End of cue \d+$/ }).last().inputValue()).split(':').map(Number);
  expect(lastEnd[0] * 3600 + lastEnd[1] * 60 + lastEnd[2]).toBeGreaterThan(talk.speechStarts.at(-1)! + 5);
});

/** Clicks Cancel and waits until the panel says so; then neither worker is left (asked of the page, not timed). */
async function cancel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Cancelled. The cues done so far are kept.')).toBeVisible();
  await expect.poll(() => jobWorkers(page)).toEqual([]);
}

const jobWorkers = (page: Page): string[] => page.workers().map((w) => w.url()).filter((url) => /(transcribe|media-reader)\.worker/.test(url));

test('cancel while the file is still being read, and again while it is transcribed: both stop at once', async ({ page }) => {
  test.setTimeout(300_000);
  await installTiny(page);
  await startTalk(page);
  await expect(page.getByTestId('read-percent')).toBeVisible();
  expect(jobWorkers(page).some((url) => url.includes('media-reader'))).toBe(true);
  await cancel(page);
  await startTalk(page);
  await expect(page.getByLabel(/^Text of cue/).nth(1)).toBeVisible({ timeout: 120_000 });
  const before = (await segmentTexts(page)).length;
  await cancel(page);
  // Both workers are gone, so nothing can add to what was kept.
  expect((await segmentTexts(page)).length).toBeGreaterThanOrEqual(before);
  await expect(page.getByText('Cancelled. The cues done so far are kept.')).toBeVisible();
});

test('a worker killed mid-job gives a message, and the next transcription works', async ({ page }) => {
  test.setTimeout(300_000);
  await installTiny(page);
  for (const name of ['transcribe', 'media-reader']) {
    await startTalk(page);
    // Transcribing (the last run's segments are gone), and the first of this run's came.
    await expect(page.getByTestId('transcribe-percent')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible({ timeout: 120_000 });
    const worker = page.workers().find((w) => w.url().includes(`${name}.worker`))!;
    await worker.evaluate(() => (self as unknown as { close(): void }).close());
    const who = name === 'transcribe' ? 'The transcription worker' : 'The media reader';
    await expect(page.getByRole('alert')).toContainText(`${who} stopped (it was closed or crashed). The cues done so far are kept`);
    await expect.poll(() => jobWorkers(page)).toEqual([]);
    expect((await segmentTexts(page)).length).toBeGreaterThan(0);
  }
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  const text = (await segmentTexts(page)).join(' ');
  expect(wordErrorRate(JFK_TEXT, text), text).toBeLessThanOrEqual(0.1);
});

/** Dialogue as films, lectures and meetings have it: short lines (jfk.wav's phrases) 8–25 s apart. */
function sparseDialogue(minutes: number): { wav: Buffer; lines: { start: number; end: number }[] } {
  const speech = readWav(JFK!);
  // jfk.wav's three phrases, cut at its pauses: lines of 2–4 s.
  const cuts = [[0.2, 2.7], [3.1, 6.3], [7.2, 11]].map(([a, b]) => speech.subarray(Math.round(a * RATE), Math.round(b * RATE)));
  const parts: Part[] = [];
  let [seconds, seed] = [0, 11];
  const gap = (): number => 8 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 17;
  for (let i = 0; seconds < minutes * 60; i++) {
    const line = cuts[i % cuts.length];
    const silence = gap();
    parts.push({ silence }, { speech: line });
    seconds += silence + line.length / RATE;
  }
  const composed = compose(parts);
  return { wav: toWav(composed.samples), lines: [...composed.speech] };
}

test('15 minutes of short lines far apart are transcribed to the end (sparse dialogue never stalls)', async ({ page }) => {
  test.setTimeout(600_000);
  const { wav, lines } = sparseDialogue(15);
  await installTiny(page);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'dialogue.wav', mimeType: 'audio/wav', buffer: wav });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('read-percent')).toBeVisible(); // the streaming reader, not a whole-file decode
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 480_000 });
  await expect(page.getByTestId('no-progress')).toHaveCount(0);
  await openPanel(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const { segments } = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { segments: { start: number; end: number; text: string }[] };
  const heard = lines.filter((line) => segments.some((cue) => cue.start < line.end + 0.5 && cue.end > line.start - 0.5));
  // Whisper-tiny drops a short line now and then; a stall would lose every line after it.
  expect(heard.length, `${heard.length} of ${lines.length} lines have a cue`).toBeGreaterThanOrEqual(Math.floor(lines.length * 0.75));
  expect(segments.at(-1)!.end).toBeGreaterThan(lines.at(-1)!.start);
});
