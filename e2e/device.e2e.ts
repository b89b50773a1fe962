import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';
import { installTiny } from './app.ts';
import { hubControl } from './hub-control.ts';
import { jfkWav } from './hub/fixture-audio.ts';

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

// Our decoder on the software adapter (WebGPU chosen in Settings, beam search, the words WASM gives)
// runs on whisper-base in e2e/base.e2e.ts; all of jfk.wav with Best on tiny is `npm run bench` (webgpu-decoder).
