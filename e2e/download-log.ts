import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEFAULT_CONCURRENCY } from '../src/core/download/concurrency.ts';
import { planRanges, rangeBytesFor } from '../src/core/plan/byte-ranges.ts';
import { fixtureSha256, WHISPER_TINY_Q8_BYTES } from './fixture-files.ts';
import { whisperTinyDir } from './hub/fixture-paths.ts';
import type { LoggedRequest } from './hub/request-log.ts';

/** What the e2e tests read back from the double's request log and the app's records about one file's transfers. */
export const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
export const DECODER_BYTES = statSync(join(whisperTinyDir(), DECODER)).size;

export interface AskedRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly time: number;
}

/** The CDN GETs of a fixture file (whisper-tiny's unless `dir` says), as byte ranges (a request without Range asks for the whole file). */
export function askedRanges(log: readonly LoggedRequest[], path = DECODER, size = DECODER_BYTES, dir = whisperTinyDir()): AskedRange[] {
  const sha = fixtureSha256(path, dir);
  return log
    .filter((r) => r.server === 'cdn' && r.method === 'GET' && r.url.includes(sha))
    .map((r) => {
      const match = r.range?.match(/^bytes=(\d+)-(\d*)$/);
      return { start: match ? Number(match[1]) : 0, end: match && match[2] !== '' ? Number(match[2]) + 1 : size, time: r.time };
    });
}

/** How long the app's ranges of a whisper-tiny q8 download are. */
export const TINY_RANGE_BYTES = rangeBytesFor(WHISPER_TINY_Q8_BYTES, DEFAULT_CONCURRENCY.max);

/** How many ranges the app fetches a whisper-tiny file in (a request each, without faults). */
export const rangeCount = (path: string): number => planRanges(statSync(join(whisperTinyDir(), path)).size, TINY_RANGE_BYTES).length;

/** Requests that picked a range up where its bytes on disk ended, rather than at its start. */
export function resumedRanges(ranges: readonly AskedRange[], size = DECODER_BYTES, rangeBytes = TINY_RANGE_BYTES): AskedRange[] {
  const starts = new Set(planRanges(size, rangeBytes).map((r) => r.start));
  return ranges.filter((r) => !starts.has(r.start));
}

export const askedBytes = (ranges: readonly AskedRange[]): number => ranges.reduce((sum, r) => sum + r.end - r.start, 0);

/** Bytes of a file the app recorded as on disk in its pending record (its ranges), read from IndexedDB in the page. */
export async function recordedBytes(page: Page, repo: string, path = DECODER): Promise<number> {
  return page.evaluate(
    ([repoId, filePath]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('whisper-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('records').objectStore('records').get(`pending:${repoId}`);
          get.onsuccess = () => {
            const written = (get.result as { ranges?: Record<string, number[]> } | undefined)?.ranges?.[filePath] ?? [];
            resolve(written.reduce((a, b) => a + b, 0));
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [repo, path] as const,
  );
}

/**
 * A per-connection limit slow enough that a test can act mid-file with seconds to spare: a range
 * records its first checkpoint (a quarter of it, 1 MiB) after ~2 s, and even six connections at
 * once need ~14 s for the model, so a reload or cancel on a busy machine still lands before the
 * file is done.
 */
export const CRAWL = { kind: 'throttle', bytesPerSecond: 500_000 } as const;

/** Waits until the app recorded some of the decoder as on disk (its first checkpoint): the state a mid-file reload or cancel needs. */
export async function untilRecorded(page: Page, repo: string, path = DECODER): Promise<void> {
  await expect.poll(() => recordedBytes(page, repo, path), { timeout: 60_000 }).toBeGreaterThan(0);
}

/** The recorded bytes once a cancelled job has closed its files (it records its last progress then). */
export async function settledRecordedBytes(page: Page, repo: string, path = DECODER): Promise<number> {
  let previous = -1;
  for (;;) {
    const now = await recordedBytes(page, repo, path);
    if (now === previous) return now;
    previous = now;
    await page.waitForTimeout(300);
  }
}
