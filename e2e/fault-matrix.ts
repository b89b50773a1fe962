import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addRepo, expectInstalled, opfsHashes, openApp, startDownload } from './app.ts';
import { fixtureSha256, WHISPER_TINY_Q8 } from './fixture-files.ts';
import type { Fault } from './hub/faults.ts';
import { askedRanges, DECODER } from './download-log.ts';
import { hubControl } from './hub-control.ts';

/**
 * The fault matrix: one test per fault a real CDN or network throws at a download. Every row
 * ends either installed and byte-identical to the hub's files, or with a clear message, the
 * bytes kept and Resume offered. Each file of rows prints its table `fault → outcome, seconds`.
 */
export const REPO = 'Xenova/whisper-tiny';

export interface MatrixRow {
  readonly fault: string;
  readonly outcome: string;
  readonly seconds: number;
}

/** The rows of one test file, written to `reports/<report>.txt` once they ran. */
export function faultMatrix(report: string): { row: (fault: string, body: (page: Page, model: Locator) => Promise<string>) => void; rows: MatrixRow[] } {
  const rows: MatrixRow[] = [];
  test.beforeEach(async () => hubControl.reset());
  test.afterAll(() => {
    const lines = ['fault → outcome, seconds', ...rows.map((r) => `${r.fault.padEnd(44)} → ${r.outcome.padEnd(44)} ${r.seconds.toFixed(1).padStart(5)} s`)];
    mkdirSync('reports', { recursive: true });
    writeFileSync(`reports/${report}.txt`, `${lines.join('\n')}\n`);
    console.log(`\n${lines.join('\n')}\n`);
  });
  /** Runs one row, timing it from the first click to its outcome. */
  const row = (fault: string, body: (page: Page, model: Locator) => Promise<string>): void => {
    test(fault, async ({ page }) => {
      await openApp(page);
      const model = await addRepo(page, REPO);
      await expect(model.getByRole('combobox')).toBeVisible();
      const started = performance.now();
      const outcome = await body(page, model);
      rows.push({ fault, outcome, seconds: (performance.now() - started) / 1000 });
    });
  };
  return { row, rows };
}

export async function installedIdentical(page: Page, model: Locator, timeout = 60_000): Promise<string> {
  await expectInstalled(model, timeout);
  const stored = await opfsHashes(page, REPO);
  for (const path of WHISPER_TINY_Q8) expect(stored[path], path).toBe(fixtureSha256(path));
  return 'installed, byte-identical';
}

/** The row shows `message`, keeps the bytes it had and offers Resume. */
export async function keptWithResume(model: Locator, message: RegExp | string): Promise<string> {
  await expect(model.getByRole('alert')).toContainText(message, { timeout: 60_000 });
  await expect(model.getByTestId('model-status')).toContainText(/Partial [1-9]\d*%/);
  await expect(model.getByRole('button', { name: 'Resume' })).toBeVisible();
  return 'message, bytes kept, Resume offered';
}

export const cdnOptions = async (): Promise<number> => (await hubControl.log()).filter((r) => r.server === 'cdn' && r.method === 'OPTIONS').length;
export const decoderRanges = async () => askedRanges(await hubControl.log());

export async function downloadWith(model: Locator, ...faults: Fault[]): Promise<void> {
  await hubControl.inject(...faults);
  await startDownload(model);
}

/** Slow enough to act mid-file: the decoder is ~30 MB, fetched as several ranges at once (per-connection limit). */
export const SLOW: Fault = { kind: 'throttle', bytesPerSecond: 3_000_000 };
export const untilDecoder = (model: Locator) => expect(model.getByText(DECODER)).toBeVisible({ timeout: 20_000 });
