import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { withProfile } from '../profile.ts';
import { serveSite } from '../static-site.ts';
import { fmt } from './stats.ts';

type Bench = typeof import('./timeline-bench.svelte.ts');

const run = <T>(page: Page, fn: (bench: Bench) => T): Promise<T> => page.evaluate(`(${fn.toString()})(globalThis.bench)`) as Promise<T>;

/** A fresh bench page with the timeline of `count` cues over `seconds`; one cue edge dragged 60 px. Long tasks at mount, and while dragging. */
async function dragRun(page: Page, url: string, count: number, seconds: number): Promise<{ mount: number[]; drag: number[] }> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  await page.evaluate(`globalThis.bench.timelineBench(${count}, ${seconds})`);
  const handle = page.locator('[part~="region-handle-right"]').first();
  await expect(handle).toBeVisible({ timeout: 30_000 });
  const mount = await run(page, (b) => b.takeLongTasks());
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + 3, box.y + box.height / 2);
  await page.mouse.down();
  for (let dx = 2; dx <= 60; dx += 2) await page.mouse.move(box.x + 3 + dx, box.y + box.height / 2);
  await page.mouse.up();
  await page.waitForTimeout(1000); // the edit lands and the regions follow it
  return { mount, drag: await run(page, (b) => b.takeLongTasks()) };
}

const tasks = (list: number[]): string => `${list.length} (longest ${fmt(Math.max(0, ...list), 0)} ms)`;

/**
 * The timeline at scale, in headless Chromium: peaks for 2 hours built as the transcription worker
 * builds them; a cue edge dragged with the mouse among 3,000 cues over an hour, against the same
 * drag among 30 cues over 36 s (the baseline, same run). Long tasks (over 50 ms) are stutters.
 */
test('timeline: peaks for 2 hours, and dragging a cue edge among 3,000 cues', async () => {
  test.setTimeout(5 * 60_000);
  const site = await serveSite({ root: join(PROJECT_ROOT, 'dist-bench'), port: 4185, connect: [], csp: false });
  try {
    await withProfile(async (page) => {
      const url = `${site.url}/e2e/bench/bench.html`;
      await page.goto(url);
      await page.waitForSelector('body[data-ready]');
      const peaks = await run(page, (b) => b.peaksBench(2 * 3600));
      const small = await dragRun(page, url, 30, 36);
      const large = await dragRun(page, url, 3000, 3600);
      console.log(`
Timeline (headless Chromium, software rendering)
| measure | figure | target |
|---|---|---|
| peaks for 2 h of 16 kHz audio, built chunk by chunk | ${fmt(peaks.bytes / 1e6, 2)} MB, ${fmt(peaks.ms, 0)} ms (JS heap ${fmt((peaks.heapAfter - peaks.heapBefore) / 1e6, 1)} MB more) | ≤ 20 MB extra |
| long tasks at mount: 30 cues / 36 s · 3,000 cues / 1 h | ${tasks(small.mount)} · ${tasks(large.mount)} | |
| long tasks dragging an edge 60 px: 30 cues · 3,000 cues | ${tasks(small.drag)} · ${tasks(large.drag)} | none over 50 ms |
`);
      expect(peaks.bytes).toBe(2 * 3600 * 50);
    });
  } finally {
    await site.close();
  }
});
