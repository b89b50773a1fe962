import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';
import { installTiny } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';
import { readWav, toWav } from './test-audio.ts';

// Chromium with --enable-unsafe-webgpu offers a software adapter (SwiftShader): WebGPU exists, but slowly.
test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] } });

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

test('with only a software WebGPU adapter, Auto runs on WASM, not 50× slower on the adapter', async ({ page }) => {
  await installTiny(page);
  const architecture = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string } } | null> } }).gpu;
    return (await gpu?.requestAdapter())?.info?.architecture ?? null;
  });
  test.skip(architecture === null, 'this Chromium offers no WebGPU adapter at all');
  await page.getByLabel('Audio or video file').setInputFiles(JFK!);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('device')).toContainText('WASM');
  await expect(page.getByTestId('device-reason')).toContainText('the only WebGPU adapter is a software one');
});

test('WebGPU chosen in Settings runs the WebGPU code path on the software adapter and transcribes a 3 s clip', async ({ page }) => {
  test.setTimeout(300_000);
  await installTiny(page);
  await page.getByLabel('Device', { exact: true }).selectOption('webgpu');
  const clip = readWav(JFK!).subarray(0, 3 * 16_000);
  await page.getByLabel('Audio or video file').setInputFiles({ name: 'jfk-3s.wav', mimeType: 'audio/wav', buffer: toWav(clip) });
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  // Done or failed, whichever comes: a failure shows its message here rather than after the timeout.
  await expect(page.getByTestId('transcribe-done').or(page.getByRole('alert'))).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('transcribe-done')).toBeVisible();
  await expect(page.getByTestId('device')).toContainText('WebGPU');
  await expect(page.getByTestId('device-reason')).toContainText('WebGPU chosen in Settings');
  const text = await page.getByLabel(/^Text of cue/).evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value).join(' '));
  expect(text.toLowerCase()).toContain('my fellow');
});
