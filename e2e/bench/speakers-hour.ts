import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { longMedia } from '../long-media.ts';
import { isolated, transcribe, type BenchMedia } from './media-runs.ts';
import { fmt, MiB } from './stats.ts';

const FIXTURE = join(PROJECT_ROOT, 'e2e/fixtures/speakers/two-voices');

/** What the two-voice fixture says, in order, for the word error rate of its repeats. */
function scriptOf(): string {
  const { turns } = JSON.parse(readFileSync(`${FIXTURE}.json`, 'utf8')) as { turns: { text: string }[] };
  return turns.map((t) => t.text).join(' ');
}

/**
 * An hour of two-voice talk transcribed in the app, in a browser context of its own, with and
 * without automatic speaker detection: the renderer's peak memory and the run's time, so the
 * detection is seen within transcription's own memory bound on the media it was asked to bear.
 */
export async function hourInApp(browser: Browser): Promise<string> {
  const made = await longMedia(browser, readFileSync(`${FIXTURE}.wav`), { minutes: 60, video: false });
  const script = scriptOf();
  const media: BenchMedia = { name: 'two-voices-hour.webm', mimeType: 'audio/webm', bytes: made.bytes, text: Array(made.speechStarts.length).fill(script).join(' ') };
  const off = await isolated(browser, media, '/', (page) => transcribe(page, media));
  const withSpeakers = async (page: Page): Promise<Awaited<ReturnType<typeof transcribe>>> => {
    await page.locator('#t-speakers').selectOption('auto');
    return transcribe(page, media);
  };
  const on = await isolated(browser, media, '/', withSpeakers);
  return [
    `one hour in the app (two-voices.wav × ${made.speechStarts.length}, Opus/WebM, tiny Fast): peak renderer memory above the idle app ${fmt(on.growth / MiB, 0)} MiB with automatic speakers, ${fmt(off.growth / MiB, 0)} MiB without (${fmt(on.growth / off.growth, 2)}×)`,
    `  run time with speakers ${fmt(on.result.seconds, 0)} s, without ${fmt(off.result.seconds, 0)} s (${fmt(on.result.seconds / off.result.seconds, 3)}×); WER ${fmt(on.result.wer, 3)} with, ${fmt(off.result.wer, 3)} without`,
  ].join('\n');
}
