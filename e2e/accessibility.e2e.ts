import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addRepo, goTo, installTiny, openApp, startDownload } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

/** Serious or critical axe violations on the page, in light and in dark colours. */
async function violations(page: Page, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations: all } = await new AxeBuilder({ page }).analyze();
    const bad = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    found.push(...bad.map((v) => `${state}/${colorScheme}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`));
  }
  return found;
}

test('no serious or critical axe violations in any view: empty, downloading, transcribed and editing, light and dark', async ({ page }) => {
  // Many axe passes, a download and a transcription: minutes on a busy two-core machine.
  test.setTimeout(300_000);
  await openApp(page, '/');
  const found = await violations(page, 'first run');
  for (const view of ['Live', 'Projects', 'Models', 'Settings'] as const) {
    await goTo(page, view);
    found.push(...(await violations(page, `empty ${view}`)));
  }

  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 200_000 });
  const model = await addRepo(page, 'test/whisper-64mib');
  await startDownload(model);
  await expect(model.getByTestId('model-status')).toContainText(/Downloading|Starting/, { timeout: 30_000 });
  found.push(...(await violations(page, 'downloading')));
  await model.getByRole('button', { name: 'Cancel' }).click();
  await hubControl.reset();

  await installTiny(page);
  found.push(...(await violations(page, 'new')));
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  found.push(...(await violations(page, 'transcribed')));

  await page.getByLabel('Text of cue 1').fill('Edited by a person.');
  for (const panel of ['Find and replace', 'Retake a stretch', 'Export']) {
    await page.getByRole('button', { name: panel }).click();
    found.push(...(await violations(page, `editing, ${panel}`)));
  }
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  found.push(...(await violations(page, 'shortcuts')));
  await page.getByRole('button', { name: 'Close' }).click();

  // Two files queued: the queue's list, its summary and the buttons of each file.
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles([JFK!, JFK!].map((path, i) => ({ name: `queued-${i}.wav`, mimeType: 'audio/wav', buffer: readFileSync(path) })));
  await page.getByRole('button', { name: 'Transcribe 2 files' }).click();
  await expect(page.getByTestId('queue')).toBeVisible();
  found.push(...(await violations(page, 'queued')));
  expect(found).toEqual([]);
});
