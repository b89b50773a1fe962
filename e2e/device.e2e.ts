import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';
import { installTiny } from './app.ts';
import { hubControl } from './hub-control.ts';
import { bare, expectSameWords, wordsOn } from './device-words.ts';
import { jfkWav } from './hub/fixture-audio.ts';
import { RATE, readWav, toWav } from './test-audio.ts';

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

test('WebGPU chosen in Settings runs our decoder on the software adapter: beam search on jfk.wav\'s first phrase gives the words WASM gives, with word times and how sure each was', async ({ page }) => {
  test.setTimeout(360_000);
  await installTiny(page);
  // jfk.wav's first phrase with beam 5: every step Best takes on a GPU (greedy is one beam), in the time CI has.
  // All of jfk.wav with Best takes ~5 min on this adapter: that comparison is `npm run bench` (webgpu-decoder).
  const phrase = { name: 'jfk-phrase.wav', mimeType: 'audio/wav', buffer: toWav(readWav(JFK!).subarray(0, 3 * RATE)) };
  const gpu = await wordsOn(page, 'webgpu', 'beam', phrase, 300_000);
  await expect(page.getByTestId('device-reason')).toContainText('WebGPU chosen in Settings');
  // Unsure-word marks come only from our decoder: the stock pipeline's cues say they have none.
  await expect(page.getByRole('button', { name: 'Next unsure word' })).toBeVisible();
  const cpu = await wordsOn(page, 'wasm', 'beam', phrase, 120_000);
  expectSameWords(gpu.words, cpu.words);
  expect(gpu.words.map(bare).join(' ')).toContain('my fellow americans');
});
