import { readFileSync } from 'node:fs';
import { goTo, openPanel } from './app.ts';
import { expect, type Page } from '@playwright/test';

export interface ExportedWord { readonly text: string; readonly start: number; readonly end: number; readonly probability?: number }

export type Media = string | { readonly name: string; readonly mimeType: string; readonly buffer: Buffer };

/** A word without case or punctuation: q8 kernels differ between devices, so a near tie may punctuate otherwise ("you." / "you,"). */
export const bare = (w: ExportedWord): string => w.text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/** Transcribe `media` in English on the device chosen in Settings: its words as the JSON export gives them, and how long the run took. */
export async function wordsOn(page: Page, device: 'webgpu' | 'wasm', quality: 'fast' | 'best' | 'beam', media: Media, timeout: number): Promise<{ words: ExportedWord[]; ms: number }> {
  await goTo(page, 'Settings');
  await page.getByLabel('Device', { exact: true }).selectOption(device);
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(media);
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption(quality);
  const begun = Date.now();
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  // Done or failed, whichever comes: a failure shows its message here rather than after the timeout.
  await expect(page.getByTestId('transcribe-done').or(page.getByRole('alert'))).toBeVisible({ timeout });
  const ms = Date.now() - begun;
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('device')).toContainText(device === 'webgpu' ? 'WebGPU' : 'WASM');
  await openPanel(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const { segments } = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { segments: { words?: ExportedWord[] }[] };
  return { words: segments.flatMap((s) => s.words ?? []), ms };
}

/** The same words on both devices, each with a probability and a start within 0.2 s of the other's (the same attention, computed elsewhere). */
export function expectSameWords(gpu: readonly ExportedWord[], cpu: readonly ExportedWord[]): void {
  console.log(`WebGPU: ${gpu.map((w) => `${w.text}@${w.start.toFixed(2)}`).join(' ')}\nWASM:   ${cpu.map((w) => `${w.text}@${w.start.toFixed(2)}`).join(' ')}`);
  expect(gpu.map(bare)).toEqual(cpu.map(bare));
  gpu.forEach((w, i) => {
    expect(w.probability, w.text).toBeGreaterThan(0);
    expect(Math.abs(w.start - cpu[i].start), w.text).toBeLessThan(0.2);
    expect(w.end).toBeGreaterThanOrEqual(w.start);
  });
}
