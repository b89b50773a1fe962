import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCues } from '../src/core/subtitles/formats.ts';
import { installTiny, openApp, seconds, transcribeInEnglish } from './app.ts';
import { hubControl } from './hub-control.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { wordErrorRate } from './wer.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

/** Press Tab until the focused element matches `selector` (and, when given, has this text); fails after 300 presses. */
async function tabTo(page: Page, selector: string, text?: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(([css, label]) => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.matches(css) && (label === undefined || (el.textContent ?? '').trim() === label);
    }, [selector, text] as const);
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector}${text ? ` "${text}"` : ''}`);
}

test('keyboard only: add a model, download it, transcribe a file, export SRT', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await tabTo(page, 'a', 'Models');
  await page.keyboard.press('Enter');
  await tabTo(page, '#repo-id');
  await page.keyboard.type('Xenova/whisper-tiny');
  await page.keyboard.press('Enter');
  const row = page.getByTestId('model-Xenova/whisper-tiny');
  await expect(row.getByTestId('download-button')).toBeEnabled({ timeout: 30_000 });

  await tabTo(page, '[data-testid="model-Xenova/whisper-tiny"] [data-testid="download-button"]');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('model-status')).toContainText('Installed', { timeout: 60_000 });

  await tabTo(page, 'a', 'New');
  await page.keyboard.press('Enter');
  await tabTo(page, '#t-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press(' ')]);
  await chooser.setFiles(JFK!);
  await tabTo(page, 'button', 'Transcribe');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });

  await tabTo(page, 'button', 'Export');
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', 'SRT');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const cues = parseCues(readFileSync((await download.path())!, 'utf8'));
  expect(wordErrorRate(JFK_TEXT, cues.map((c) => c.text).join(' '))).toBeLessThanOrEqual(0.1);
});

test('keyboard only in the studio: next cue, move the playhead, set a start, split, undo, and the shortcut list', async ({ page }) => {
  test.setTimeout(180_000);
  await installTiny(page);
  await transcribeInEnglish(page, JFK!);
  const cues = page.locator('[data-testid="cues"] > li');
  const count = await cues.count();
  // The last cue is the longest of jfk.wav's: room to move the playhead inside it.
  const last = count - 1;
  const startOfLast = page.getByRole('textbox', { name: `Start of cue ${count}`, exact: true });
  const before = seconds(await startOfLast.inputValue());

  await page.getByTestId('editor-view').getByRole('heading', { level: 2 }).click(); // outside text fields: the studio's keys apply
  for (let i = 0; i < last; i++) await page.keyboard.press('.');
  await page.keyboard.press(',');
  await page.keyboard.press('.');
  await expect(cues.nth(last)).toHaveAttribute('aria-current', 'true');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('[');
  await expect.poll(async () => seconds(await startOfLast.inputValue())).toBeCloseTo(before + 0.3, 2);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  await expect(cues).toHaveCount(count + 1);
  await page.keyboard.press('Control+z');
  await expect(cues).toHaveCount(count);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => seconds(await startOfLast.inputValue())).toBeCloseTo(before, 2);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});
