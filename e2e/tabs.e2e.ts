import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, installTiny, openApp } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';

/**
 * One browser, two tabs on one project (one profile: IndexedDB, Web Locks and BroadcastChannel
 * shared): one edits, the other shows it read-only and can take it over; nothing either did is lost.
 */
const SRT = ['1\n00:00:00,000 --> 00:00:02,000\none', '2\n00:00:02,000 --> 00:00:04,000\ntwo', '3\n00:00:04,000 --> 00:00:06,000\nthree', ''].join('\n\n');

const cueTexts = (page: Page) => page.getByLabel(/^Text of cue/);
const readOnly = (page: Page) => page.getByTestId('read-only');

async function edit(page: Page, cue: number, text: string): Promise<void> {
  await page.getByLabel(`Text of cue ${cue}`).fill(text);
  await page.getByLabel(`Text of cue ${cue}`).blur();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

/** A tab of the browser with a project of three cues made from a subtitle file (no model needed). */
async function tabWithProject(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await openApp(page, '/#/projects');
  await page.getByLabel('Subtitles to fix (SRT, VTT, ASS)').setInputFiles({ name: 'talk.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(SRT) });
  await expect(cueTexts(page)).toHaveCount(3);
  return page;
}

test('two tabs on one project: one writer, the other read-only and following, Open here instead, reloads lose nothing', async ({ context }) => {
  const a = await tabWithProject(context);

  const b = await context.newPage();
  await openApp(b, '/#/editor'); // reopens the last project by itself: read-only, and it says why
  await expect(readOnly(b)).toContainText('open for editing in another tab');
  await expect(b.getByLabel('Text of cue 1')).toHaveJSProperty('readOnly', true);
  await expect(b.getByRole('button', { name: 'Delete cue 1' })).toBeDisabled();
  await expect(readOnly(a)).toHaveCount(0);

  await edit(a, 1, 'one, edited in A');
  await expect(b.getByLabel('Text of cue 1')).toHaveValue('one, edited in A'); // B follows A's saves

  await b.getByRole('button', { name: 'Open here instead' }).click();
  await expect(readOnly(b)).toHaveCount(0);
  await expect(readOnly(a)).toContainText('now being edited in another tab');
  await b.getByRole('button', { name: 'Delete cue 1' }).click();
  await expect(b.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(cueTexts(a)).toHaveCount(2);

  await a.getByRole('button', { name: 'Open here instead' }).click();
  await expect(readOnly(a)).toHaveCount(0);
  await edit(a, 2, 'three, edited in A');

  for (const page of [b, a]) {
    await page.reload();
    await expect(cueTexts(page)).toHaveCount(2);
    await expect(cueTexts(page).nth(0)).toHaveValue('two');
    await expect(cueTexts(page).nth(1)).toHaveValue('three, edited in A');
  }
  // B reloaded while A edited: read-only; A's reload let go of the project and took it again.
  await expect(readOnly(b)).toBeVisible();
  await expect(readOnly(a)).toHaveCount(0);
});

test('a project deleted in one tab closes in the other and stays deleted', async ({ context }) => {
  const a = await tabWithProject(context);
  const b = await context.newPage();
  await openApp(b, '/#/editor');
  await expect(cueTexts(b)).toHaveCount(3);

  await edit(a, 1, 'an edit just before the delete');
  await goTo(b, 'Projects');
  await b.getByRole('button', { name: 'Delete talk.srt' }).click();
  await expect(a.getByTestId('project-notice')).toContainText('deleted in another tab');
  await expect(cueTexts(a)).toHaveCount(0);
  await goTo(a, 'Projects');
  await expect(a.getByTestId('project')).toHaveCount(0);
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByTestId('projects')).toBeVisible();
    await expect(page.getByTestId('project')).toHaveCount(0);
  }
});

test('the queue runs in one tab: files added in another are run there, once, and both show its progress', async ({ context }) => {
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  await hubControl.reset();
  const a = await context.newPage();
  await installTiny(a);
  const b = await context.newPage();
  await openApp(b, '/#/new');
  await expect(b.getByLabel('Model', { exact: true })).toHaveValue('Xenova/whisper-tiny'); // A's download is B's model too
  const wav = (name: string) => ({ name, mimeType: 'audio/wav', buffer: readFileSync(jfk!) });
  await b.getByLabel('Audio or video file').setInputFiles([wav('one.wav'), wav('two.wav')]);
  await b.getByLabel('Language').selectOption('english');
  await b.getByRole('button', { name: 'Transcribe 2 files' }).click();
  await expect(b.getByText('The queue runs in another tab')).toBeVisible();
  await expect(b.getByTestId('queue')).toBeVisible(); // A's queue, shown in B
  await goTo(a, 'Editor'); // A runs B's files: the editor shows them come in
  await expect(a.getByTestId('transcribe-done')).toContainText('from two.wav', { timeout: 120_000 });
  await goTo(a, 'Projects');
  for (const page of [a, b]) {
    await expect(page.getByTestId('project')).toHaveCount(2);
    await expect(page.getByTestId('project').filter({ hasText: 'Done' })).toHaveCount(2);
  }
  expect(b.workers().map((w) => w.url()).filter((url) => /(transcribe|media-reader)\.worker/.test(url))).toEqual([]); // B never loaded a model nor ran a file
});
