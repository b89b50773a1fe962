import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, openApp } from './app.ts';

/**
 * Subtitle files as people find them: a corpus of encodings and formats (e2e/fixtures/subtitles),
 * then hostile and huge files, read off the page's thread with the page kept responsive.
 */
const DIR = new URL('./fixtures/subtitles/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', DIR), 'utf8')) as { file: string; cues: number; encoding: string; cue: number; text: string }[];
const input = (page: Page) => page.getByLabel('Subtitles to fix (SRT, VTT, ASS)');
const cueTexts = (page: Page) => page.getByLabel(/^Text of cue/);

/** The longest main-thread task since the last call (PerformanceObserver's long tasks: over 50 ms). */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longest: number }).longest);
}

const srtOf = (count: number): string =>
  Array.from({ length: count }, (_, i) => {
    const at = (s: number) => new Date(s * 1000).toISOString().slice(11, 23).replace('.', ',');
    return `${i + 1}\n${at(i * 2)} --> ${at(i * 2 + 1.5)}\nLine ${i + 1} of the film, said once.\n`;
  }).join('\n');

test('the corpus imports with the right encodings, cue counts and characters', async ({ page }) => {
  await openApp(page);
  for (const { file, cues, cue, text } of corpus) {
    await goTo(page, 'Projects');
    await input(page).setInputFiles({ name: file, mimeType: 'text/plain', buffer: readFileSync(new URL(file, DIR)) });
    await expect(page.getByTestId('import-report'), file).toContainText(`from ${file}`);
    await expect(cueTexts(page), file).toHaveCount(cues);
    await expect(page.getByLabel(`Text of cue ${cue}`), file).toHaveValue(text);
  }
  await goTo(page, 'Projects');
  await expect(page.getByTestId('project')).toHaveCount(corpus.length);
});

test('a wrong guess is read again in the encoding the person picks, as one undo step', async ({ page }) => {
  await openApp(page, '/#/projects');
  const cyrillic = Buffer.concat([Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\n'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('\r\n')]);
  await input(page).setInputFiles({ name: 'old-russian.srt', mimeType: 'text/plain', buffer: cyrillic });
  await expect(page.getByTestId('import-report')).toContainText('Windows-1252) (guessed)');
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Ïðèâåò');
  await page.getByLabel('Wrong characters? Read it again as').selectOption('windows-1251');
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Привет');
  await expect(page.getByTestId('import-report')).toContainText('Cyrillic (Windows-1251) (as chosen)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Text of cue 1')).toHaveValue('Ïðèâåò');
});

/**
 * Files made in the page before the long-task watch starts, then given to the input as a person's
 * pick is: Playwright's `setInputFiles` sends a big file through the DevTools protocol, which itself
 * holds the page's thread (375 ms for 3.5 MB here).
 */
async function prepare(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate((all) => {
    (window as unknown as { prepared: Record<string, File> }).prepared = Object.fromEntries(Object.entries(all).map(([name, text]) => [name, new File([text], name, { type: 'text/plain' })]));
  }, files);
}

async function pick(page: Page, name: string): Promise<void> {
  await goTo(page, 'Projects');
  await input(page).evaluate((element, file) => {
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { prepared: Record<string, File> }).prepared[file]);
    (element as HTMLInputElement).files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }, name);
}

test('a hostile ASS, a huge SRT and a long film: cues or a clear message, and the page never blocks', async ({ page }) => {
  await openApp(page);
  const braces = '{\\'.repeat(200_000); // 400 kB of unclosed override blocks: 48 s on the page's thread before
  const ass = `[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,${braces}Still here\n`;
  await prepare(page, { 'hostile.ass': ass, 'huge.srt': srtOf(60_000), 'film.srt': srtOf(3000) });
  const longest = await watchLongTasks(page);

  await pick(page, 'hostile.ass');
  await expect(page.getByTestId('import-report')).toContainText('Read 1 cue from hostile.ass');
  await expect(page.getByLabel('Text of cue 1', { exact: true })).toHaveValue(/Still here$/);

  await pick(page, 'huge.srt');
  await expect(page.getByTestId('import-error')).toContainText('huge.srt has 60,000 cues; one project takes up to 20,000');

  await pick(page, 'film.srt');
  await expect(page.getByTestId('import-report')).toContainText('Read 3,000 cues from film.srt');
  await expect(page.getByLabel('Text of cue 1', { exact: true })).toHaveValue('Line 1 of the film, said once.');
  const list = page.getByTestId('cues');
  for (let i = 0; i < 12; i++) {
    await list.locator('li').last().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 3000);
  }
  await expect(page.getByLabel('Text of cue 600', { exact: true })).toBeAttached();
  const worst = await longest();
  console.log(`longest main-thread task while importing and scrolling: ${Math.round(worst)} ms`);
  expect(worst).toBeLessThan(200);
});
