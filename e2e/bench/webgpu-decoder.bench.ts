import { test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { findChromium } from '../../scripts/chromium-path.ts';
import { installTiny } from '../app.ts';
import { expectSameWords, wordsOn } from '../device-words.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { fmt } from './stats.ts';

// The software adapter (SwiftShader): it proves the WebGPU path gives WASM's words, not how fast a real GPU is.
test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] } });

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');

test('our decoder on WebGPU (software adapter) against WASM: all of jfk.wav with Best', async ({ page }) => {
  await installTiny(page);
  const gpu = await wordsOn(page, 'webgpu', 'best', JFK!, 900_000);
  const cpu = await wordsOn(page, 'wasm', 'best', JFK!, 300_000);
  console.log(`| jfk.wav, Best | WASM (baseline) | WebGPU, software adapter |\n|---|---|---|\n| run (s) | ${fmt(cpu.ms / 1000, 1)} | ${fmt(gpu.ms / 1000, 1)} (${fmt(gpu.ms / cpu.ms, 1)}×) |`);
  expectSameWords(gpu.words, cpu.words);
});
