import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, installTiny, seconds } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';
import { compose, readWav, toWav } from './test-audio.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

const item = (page: Page, name: string) => page.getByTestId('queue-item').filter({ hasText: name });
const projectRow = (page: Page, name: string) => page.getByTestId('project').filter({ hasText: name });

test('three files queued, one not audio, a reload mid-queue: the queue resumes from the kept copies and ends with two done and one with its message', async ({ page }) => {
  test.setTimeout(300_000);
  await installTiny(page);
  const speech = readWav(JFK!);
  // Long enough to still run when the page reloads: jfk six times between pauses (~80 s).
  const long = toWav(compose(Array.from({ length: 6 }, () => [{ speech }, { silence: 2 }]).flat()).samples);
  await page.getByLabel('Audio or video file').setInputFiles([
    { name: 'lecture.wav', mimeType: 'audio/wav', buffer: long },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio at all') },
    { name: 'jfk.wav', mimeType: 'audio/wav', buffer: readFileSync(JFK!) },
  ]);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe 3 files' }).click();
  await expect(item(page, 'lecture.wav')).toHaveAttribute('data-status', 'running');
  await expect(item(page, 'jfk.wav')).toHaveAttribute('data-status', 'queued');
  await expect(page.getByTestId('queue-summary')).toContainText('0 of 3 done');
  await goTo(page, 'Editor');
  await expect(page.getByLabel('Text of cue 1')).toBeVisible({ timeout: 120_000 }); // lecture.wav is under way

  await page.reload();
  await goTo(page, 'Projects');
  // The first file runs again from its kept copy: nothing is asked of the person.
  await expect(item(page, 'lecture.wav')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('queue-summary')).toContainText('3 of 3 done', { timeout: 240_000 });
  await expect(item(page, 'lecture.wav')).toHaveAttribute('data-status', 'done');
  await expect(item(page, 'jfk.wav')).toHaveAttribute('data-status', 'done');
  await expect(item(page, 'notes.txt')).toHaveAttribute('data-status', 'failed');
  await expect(item(page, 'notes.txt')).toContainText('notes.txt is not audio or video this browser can decode');
  await expect(projectRow(page, 'lecture.wav')).toContainText('Done');
  await expect(projectRow(page, 'notes.txt')).toContainText('Failed');
  await expect(projectRow(page, 'jfk.wav')).toContainText('Done');

  // The lecture's project holds one run's cues, not the cut-short run's too: its cues go forward in time once.
  await projectRow(page, 'lecture.wav').getByRole('button', { name: 'Open lecture.wav' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'lecture.wav' })).toBeVisible();
  await expect(page.getByLabel('Media: lecture.wav')).toBeVisible();
  const stamps = await page.getByRole('textbox', { name: /^Start of cue \d+$/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const starts = stamps.map(seconds);
  expect(starts.length).toBeGreaterThan(5);
  expect(starts.every((start, i) => i === 0 || start >= starts[i - 1])).toBe(true);
  expect(starts.at(-1)).toBeGreaterThan(60);
});

test('a queued project reopens after a reload with its edits and undo history, and plays from its kept copy', async ({ page }) => {
  await installTiny(page);
  await page.getByLabel('Audio or video file').setInputFiles([
    { name: 'one.wav', mimeType: 'audio/wav', buffer: readFileSync(JFK!) },
    { name: 'two.wav', mimeType: 'audio/wav', buffer: readFileSync(JFK!) },
  ]);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe 2 files' }).click();
  await expect(page.getByTestId('queue-summary')).toContainText('2 of 2 done', { timeout: 120_000 });
  await goTo(page, 'Models');
  await expect(page.getByTestId('storage-media')).not.toHaveText('0 B');
  await goTo(page, 'Projects');

  await projectRow(page, 'one.wav').getByRole('button', { name: 'Open one.wav' }).click();
  const first = page.getByLabel('Text of cue 1');
  const transcribed = await first.inputValue();
  await first.fill('Edited in the first file.');
  await first.blur();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Edited in the first file.');
  const audio = page.getByLabel('Media: one.wav');
  await expect.poll(() => audio.evaluate((el: HTMLMediaElement) => el.duration)).toBeGreaterThan(10);
  await audio.evaluate((el: HTMLMediaElement) => el.play());
  await expect.poll(() => audio.evaluate((el: HTMLMediaElement) => el.currentTime)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue(transcribed);
});
