import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parseCues } from '../src/core/subtitles/formats.ts';
import { goTo, installTiny } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

async function transcribe(page: Page, name: string): Promise<void> {
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles({ name, mimeType: 'audio/wav', buffer: readFileSync(JFK!) });
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toContainText(`from ${name}`, { timeout: 120_000 });
}

const projectRow = (page: Page, name: string) => page.getByTestId('project').filter({ hasText: name });

test('every transcription is a project: the list keeps them, one opens with its edits, rename and delete', async ({ page }) => {
  await installTiny(page);
  await transcribe(page, 'first.wav');
  await page.getByLabel('Text of cue 1').fill('Words of the first file.');
  await page.getByLabel('Text of cue 1').blur();
  await transcribe(page, 'second.wav');
  const cue2 = page.getByLabel('Text of cue 2');
  await cue2.fill('A zebra crossed the second file.');
  await cue2.blur();
  await goTo(page, 'Projects');
  await expect(page.getByTestId('project')).toHaveCount(2);

  // Search every transcript: the hit opens its project with the player at the cue.
  await projectRow(page, 'first.wav').getByRole('button', { name: 'Open first.wav' }).click();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Words of the first file.');
  await page.getByLabel('Search all transcripts').fill('zebr');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('A zebra crossed the second file.');
  await page.getByTestId('search-hit').getByRole('link').click();
  await expect(page.getByLabel('Text of cue 2')).toHaveValue('A zebra crossed the second file.');
  await expect(page.getByTestId('cues').locator('li[aria-current="true"]')).toHaveCount(1);
  await expect(page.getByTestId('cues').locator('li[aria-current="true"] textarea')).toHaveValue('A zebra crossed the second file.');
  await goTo(page, 'Projects');
  await expect(projectRow(page, 'first.wav')).toContainText('Done');
  await expect(projectRow(page, 'second.wav')).toContainText('Xenova/whisper-tiny');

  await projectRow(page, 'first.wav').getByRole('button', { name: 'Open first.wav' }).click();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Words of the first file.');
  await page.reload(); // the open project is the one a reload shows
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Words of the first file.');

  await goTo(page, 'Projects');
  await projectRow(page, 'second.wav').getByRole('button', { name: 'Rename second.wav' }).click();
  await page.getByLabel('New name').fill('Interview 2');
  await page.getByTestId('projects').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(projectRow(page, 'Interview 2')).toBeVisible();
  await page.reload();
  await expect(projectRow(page, 'Interview 2')).toBeVisible();

  // Export all: the selected projects in the chosen formats, one ZIP, files named after the media.
  await page.getByLabel('Select first.wav').check();
  await page.getByLabel('Select Interview 2').check();
  await page.getByRole('group', { name: 'Export selected projects' }).getByLabel('VTT').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 2 as ZIP' }).click();
  const zip = unzipSync(readFileSync(await (await download).path()));
  expect(Object.keys(zip).sort()).toEqual(['Interview 2.srt', 'Interview 2.vtt', 'first.srt', 'first.vtt']);
  for (const [name, bytes] of Object.entries(zip)) {
    const cues = parseCues(strFromU8(bytes));
    expect(cues.length, name).toBeGreaterThan(0);
    expect(cues.every((c) => c.end > c.start), name).toBe(true);
  }
  expect(parseCues(strFromU8(zip['first.srt']))[0].text).toBe('Words of the first file.');

  await page.getByRole('button', { name: 'Duplicate Interview 2' }).click();
  await expect(projectRow(page, 'Interview 2 (copy)')).toBeVisible();

  await expect(projectRow(page, 'first.wav')).toHaveAttribute('aria-current', 'true'); // still the open one
  await projectRow(page, 'first.wav').getByRole('button', { name: 'Delete first.wav' }).click();
  await expect(page.getByTestId('project')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Editor', exact: true })).toHaveCount(0); // the open project went with it
  await page.reload();
  await expect(page.getByTestId('project')).toHaveCount(2);
});

test('a full disk while saving says so, and nothing already saved is lost', async ({ page }) => {
  await installTiny(page);
  await transcribe(page, 'talk.wav');
  const cues = await page.getByLabel(/^Text of cue/).count();
  const saved = await page.getByLabel('Text of cue 1').inputValue();
  // Chromium's quota override (CDP) did not make small IndexedDB writes fail here, so the disk is
  // made full where IndexedDB writes: every put fails as a full disk's does, until it is freed.
  await page.evaluate(() => {
    const [put, add] = [IDBObjectStore.prototype.put, IDBObjectStore.prototype.add];
    const full = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      return (globalThis as { diskFull?: boolean }).diskFull ? full() : put.apply(this, args);
    };
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      return (globalThis as { diskFull?: boolean }).diskFull ? full() : add.apply(this, args);
    };
    (globalThis as { diskFull?: boolean }).diskFull = true;
  });
  await page.getByLabel('Text of cue 1').fill('An edit the disk has no room for.');
  await page.getByLabel('Text of cue 1').blur();
  await expect(page.getByTestId('save-error')).toContainText("The latest changes are not saved: this device's storage for the app is full");
  await page.reload();
  await expect(page.getByLabel(/^Text of cue/)).toHaveCount(cues);
  await expect(page.getByLabel('Text of cue 1')).toHaveValue(saved);
});
