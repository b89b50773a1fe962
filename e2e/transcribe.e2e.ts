import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCues } from '../src/core/subtitles/formats.ts';
import { goTo, installTiny, openApp, openPanel } from './app.ts';
import { hubControl } from './hub-control.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { APP_PORT } from './ports.ts';
import { wordErrorRate } from './wer.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

async function transcribeJfk(page: Page): Promise<string> {
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  const texts = await page.getByLabel(/^Text of cue/).evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
  return texts.join(' ');
}

test('transcribes jfk.wav with the installed whisper-tiny, on this origin only, and exports valid SRT and VTT', async ({ page, context }) => {
  await installTiny(page);
  const elsewhere: string[] = [];
  context.on('request', (r) => !r.url().startsWith(`http://127.0.0.1:${APP_PORT}/`) && !r.url().startsWith('blob:') && !r.url().startsWith('data:') && elsewhere.push(r.url()));
  const text = await transcribeJfk(page);
  expect(wordErrorRate(JFK_TEXT, text), text).toBeLessThanOrEqual(0.1);
  await expect(page.getByTestId('device')).toContainText(/WASM, \d thread|WebGPU/);
  expect(elsewhere).toEqual([]);

  await openPanel(page, 'Export');
  for (const format of ['srt', 'vtt'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format.toUpperCase(), exact: true }).click()]);
    const body = readFileSync((await download.path())!, 'utf8');
    if (format === 'vtt') expect(body.startsWith('WEBVTT')).toBe(true);
    else expect(body.startsWith('1\n00:00:')).toBe(true);
    const cues = parseCues(body);
    expect(cues.length).toBeGreaterThan(0);
    expect(cues.every((c, i) => c.end >= c.start && (i === 0 || c.start >= cues[i - 1].end))).toBe(true);
    expect(wordErrorRate(JFK_TEXT, cues.map((c) => c.text).join(' '))).toBeLessThanOrEqual(0.1);
  }
});

test('edits and their undo history survive a reload', async ({ page }) => {
  await installTiny(page);
  await transcribeJfk(page);
  const first = page.getByLabel('Text of cue 1');
  const transcribed = await first.inputValue();
  await first.fill('Edited by a person.');
  await first.blur();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Edited by a person.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue(transcribed);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload(); // the undo was saved too
  await expect(page.getByLabel('Text of cue 1')).toHaveValue(transcribed);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});

test('a file that is not audio gets a plain message; cancel stops and keeps the app usable', async ({ page }) => {
  await installTiny(page);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio at all') });
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('notes.txt is not audio or video this browser can decode');

  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Cancelled.')).toBeVisible();
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await expect(page.getByRole('button', { name: 'Transcribe', exact: true })).toBeEnabled();
});

test('records from the microphone and transcribes the recording (the fake microphone only beeps: no speech)', async ({ page }) => {
  await installTiny(page);
  await page.getByRole('button', { name: 'Record from microphone' }).click();
  await expect(page.getByText('Recording…')).toBeVisible();
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Stop and transcribe' }).click();
  await expect(page.getByTestId('no-speech')).toContainText(/No speech found in recording-.*\.webm/, { timeout: 120_000 });
});

test('with no model installed, New offers the one for this device and the others a click away', async ({ page }) => {
  await openApp(page, '/');
  await expect(page.getByTestId('no-model')).toContainText('No model is on this device yet');
  await expect(page.getByRole('link', { name: 'Other models and sizes' })).toHaveAttribute('href', '#/models');
});

test.describe('a transcription worker that fails', () => {
  // The worker script must come from the network (not the service worker) for the test to break it.
  test.use({ serviceWorkers: 'block' });

  test('gives a message, keeps the panel usable, and the next transcription gets a fresh worker', async ({ page, context }) => {
    await installTiny(page);
    await context.route(/\/assets\/transcribe\.worker-[^/]*\.js$/, (route) => route.abort());
    await page.getByLabel('Audio or video file').setInputFiles(JFK!);
    await page.getByLabel('Language').selectOption('english');
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The transcription worker stopped', { timeout: 30_000 });
    await goTo(page, 'New');
    await expect(page.getByRole('button', { name: 'Record from microphone' })).toBeEnabled();

    await context.unrouteAll();
    const text = await transcribeJfk(page);
    expect(wordErrorRate(JFK_TEXT, text), text).toBeLessThanOrEqual(0.1);
  });
});

test('a file the browser decodes whole (?decode=whole) reaches the worker the way streamed audio does, and reads the same', async ({ page }) => {
  await installTiny(page);
  await page.goto('/?decode=whole');
  const text = await transcribeJfk(page);
  expect(wordErrorRate(JFK_TEXT, text), text).toBeLessThanOrEqual(0.1);
});
