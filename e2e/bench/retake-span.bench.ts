import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { installTiny } from '../app.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { longMedia } from '../long-media.ts';
import { fmt } from './stats.ts';

/** Seconds from "Transcribe again" on cue `n` (1-based) until its new take shows its first cue. */
async function retake(page: Page, n: number): Promise<number> {
  await page.getByLabel('Transcribe again from cue').fill(String(n));
  await page.getByLabel('to cue', { exact: true }).fill(String(n));
  const started = Date.now();
  await page.getByRole('button', { name: 'Transcribe again', exact: true }).click();
  await expect(page.getByTestId('take-piece').first()).toBeVisible({ timeout: 10 * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  await expect(page.getByTestId('take-done')).toBeVisible({ timeout: 10 * 60_000 });
  await page.getByRole('button', { name: 'Keep the current text' }).click();
  return seconds;
}

/**
 * A stretch near the end of an hour against the same stretch at its start (the baseline, same
 * page): a new take that seeks costs the same at both; one that read from the start would pay
 * for reading 50 minutes first.
 */
test('a new take of a stretch 50 minutes into an hour starts as soon as one at the start', async ({ page, browser }) => {
  test.setTimeout(40 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  // jfk.wav every ten minutes, silence between: the whole run is quick, the cues far apart.
  const hour = await longMedia(browser, readFileSync(jfk!), { minutes: 60, video: false, pauses: [589] });
  await installTiny(page);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'hour.webm', mimeType: 'audio/webm', buffer: hour.bytes });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  const begun = Date.now();
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 30 * 60_000 });
  const whole = (Date.now() - begun) / 1000;
  const count = await page.getByLabel(/^Text of cue/).count();
  const starts = await page.getByRole('textbox', { name: /^Start of cue/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const near = [await retake(page, 1), await retake(page, 1)];
  const far = [await retake(page, count), await retake(page, count)];
  console.log(`
New take of one cue, Fast, WASM, 60-min Opus/WebM (jfk.wav every 10 min); whole file read and transcribed once: ${fmt(whole, 0)} s
| stretch | first new cue after the click (two runs) |
|---|---|
| cue 1 at ${starts[0] ?? "?"} (baseline) | ${near.map((s) => `${fmt(s, 1)} s`).join(', ')} |
| cue ${count} at ${starts[count - 1] ?? "?"} | ${far.map((s) => `${fmt(s, 1)} s`).join(', ')} (${fmt(Math.min(...far) / Math.min(...near), 2)}× the baseline) |
`);
  expect(Math.min(...far)).toBeLessThan(Math.min(...near) + 2);
});
