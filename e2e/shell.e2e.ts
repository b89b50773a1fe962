import { expect, test, type Locator, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { goTo, installTiny, openApp } from './app.ts';
import { compose, readWav, toWav } from './test-audio.ts';
import { PROJECT_ROOT } from './hub/fixture-paths.ts';
import { hubControl } from './hub-control.ts';

/**
 * The app shell: a view per address (Back, reload, links to a project at a cue), the editor on one
 * screen at laptop and phone sizes, and the first run. `SCREENSHOTS=1` refreshes the README's pictures.
 */
const MEDIA = resolve(PROJECT_ROOT, '../shared/fixtures/media');
const MP4 = join(MEDIA, 'jfk-h264-aac.mp4');
const JFK = join(MEDIA, '../audio/jfk.wav');
test.skip(!existsSync(MP4) || !existsSync(JFK), 'needs ../shared/fixtures (media/ and audio/jfk.wav)');
test.beforeEach(async () => hubControl.reset());

const WORDS = 'And so my fellow Americans ask not what your country can do for you ask what you can do for your country and zebras too'.split(' ');
const CUES = 16;
const stamp = (s: number): string => new Date(s * 1000).toISOString().slice(11, 23).replace('.', ',');
/** 16 short cues over the 11 s of jfk: more than a screen's worth of rows. */
const SRT = Array.from({ length: CUES }, (_, i) => `${i + 1}\n${stamp(i * 0.68)} --> ${stamp(i * 0.68 + 0.6)}\n${WORDS.slice(i, i + 3).join(' ')}\n`).join('\n');

/** A project from the MP4 and the SRT above, open in the editor. */
async function importProject(page: Page, name: string): Promise<void> {
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles({ name, mimeType: 'video/mp4', buffer: readFileSync(MP4) });
  await page.getByLabel('Subtitles to fix (SRT, VTT, ASS)').setInputFiles({ name: 'cues.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(SRT) });
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByLabel(`Text of cue ${CUES}`)).toBeAttached();
}

/** jfk.wav three times over, between pauses: a transcription of a dozen cues or so, with its waveform. */
async function transcribedProject(page: Page): Promise<number> {
  await installTiny(page);
  const speech = readWav(JFK);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'talk.wav', mimeType: 'audio/wav', buffer: toWav(compose(Array.from({ length: 3 }, () => [{ speech }, { silence: 1.5 }]).flat()).samples) });
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('timeline')).toBeVisible();
  const count = await page.getByLabel(/^Text of cue/).count();
  expect(count, 'more cues than a screen holds').toBeGreaterThanOrEqual(9);
  return count;
}

/** Whether the whole of an element is inside the window. */
async function onScreen(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const { width, height } = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height + 1 && box.x + box.width <= width + 1;
}

const pageScrolls = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth);

test('every view has its address: links, Back and reload keep the view; a project has a link', async ({ page }) => {
  await openApp(page, '/#/settings');
  await expect(page.getByLabel('Hub endpoint')).toBeVisible();
  await goTo(page, 'Models');
  await expect(page.getByRole('heading', { name: 'Model library' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/models');
  await goTo(page, 'New');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Model library' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Hub endpoint')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Hub endpoint')).toBeVisible();

  await importProject(page, 'linked.mp4');
  const link = page.url();
  expect(new URL(link).hash).toMatch(/^#\/editor\/[\w-]+$/);
  await goTo(page, 'Projects');
  await expect(page.getByTestId('project')).toHaveCount(1);
  await page.goto(link); // the project's link, typed or from a bookmark
  await expect(page.getByRole('heading', { level: 2, name: 'linked.mp4' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Text of cue 1', { exact: true })).toHaveValue('And so my');
  // With a project, the home is Projects.
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Projects', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('the editor at 1366×768 shows the media, 8 cues or more and the timeline on one screen; a search lands on the cue', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const count = await transcribedProject(page);
  expect(await pageScrolls(page)).toBe(false);
  expect(await onScreen(page, page.getByTestId('player').locator('audio'))).toBe(true);
  expect(await onScreen(page, page.getByTestId('timeline'))).toBe(true);
  const shown = await Promise.all(Array.from({ length: count }, (_, i) => onScreen(page, page.getByLabel(`Text of cue ${i + 1}`, { exact: true }))));
  expect(shown.filter(Boolean).length, `cues on screen: ${shown.map(Number).join('')}`).toBeGreaterThanOrEqual(8);

  // The top bar's search finds a cue in every project; its link opens the editor at that cue, in view.
  await page.getByLabel(`Text of cue ${count}`, { exact: true }).fill('And zebras too.');
  await page.getByLabel(`Text of cue ${count}`, { exact: true }).blur();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByLabel('Text of cue 1', { exact: true }).scrollIntoViewIfNeeded();
  await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('zebras');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('search-hit').getByRole('link').click();
  await expect(page).toHaveURL(/#\/editor\/[\w-]+\?cue=\d+$/);
  const cue = Number(new URL(page.url()).hash.split('cue=')[1]);
  expect(cue).toBe(count);
  const row = page.getByRole('listitem').filter({ has: page.getByLabel(`Text of cue ${cue}`, { exact: true }) });
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => onScreen(page, page.getByLabel(`Text of cue ${cue}`, { exact: true }))).toBe(true);
  await expect(page.getByLabel(`Text of cue ${cue}`, { exact: true })).toHaveValue(/zebras/);

  if (process.env.SCREENSHOTS) {
    await page.getByRole('button', { name: 'Find and replace' }).click();
    for (const [view, file] of [['Projects', 'projects'], ['New', 'new']] as const) {
      await goTo(page, view);
      await page.screenshot({ path: `docs/${file}.png` });
    }
    await page.goBack();
    await page.goBack();
    await page.getByTestId('player').locator('audio').evaluate((v) => ((v as HTMLAudioElement).currentTime = 5.5));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `docs/editor-${colorScheme}.png` });
    }
  }
});

test('on a phone (390×844) the panes stack and the player stays in view while the cues scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await importProject(page, 'phone.mp4');
  expect(await pageScrolls(page)).toBe(false);
  const video = page.getByTestId('player').locator('video');
  expect(await onScreen(page, video)).toBe(true);
  const last = page.getByLabel(`Text of cue ${CUES}`, { exact: true });
  expect(await onScreen(page, last)).toBe(false); // the list is longer than the screen
  await last.scrollIntoViewIfNeeded();
  expect(await onScreen(page, last)).toBe(true);
  expect(await onScreen(page, video)).toBe(true);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/editor-phone.png' });
});

test('first run: from an empty profile to a transcript with one click on the recommended download and one to choose the file', async ({ page }) => {
  test.setTimeout(240_000);
  let clicks = 0;
  await openApp(page, '/');
  // One clear choice, with its exact size read from the hub, and what it will cost here.
  const download = page.getByRole('button', { name: /^Download .+, [\d.]+ MB, and start$/ });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('first-why')).toContainText(/ten minutes of audio take about/);
  await download.click();
  clicks++;
  // The file is chosen while the model downloads (a click on the file picker); it starts by itself once the model is in.
  await page.getByLabel('Audio or video file').setInputFiles(JFK);
  clicks++;
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 200_000 });
  await expect(page).toHaveURL(/#\/editor\/[\w-]+$/);
  const text = await page.getByLabel(/^Text of cue/).evaluateAll((all) => all.map((t) => (t as HTMLTextAreaElement).value).join(' '));
  expect(text).toMatch(/fellow Americans/i);
  expect(clicks).toBeLessThanOrEqual(3);
});
