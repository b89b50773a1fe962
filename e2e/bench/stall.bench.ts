import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SPEED_FLOOR } from '../../src/core/download/speed-floor.ts';
import { DEFAULT_STALL_MS } from '../../src/core/download/transfer-context.ts';
import { openApp } from '../app.ts';
import type { Fault } from '../hub/faults.ts';
import { hubControl } from '../hub-control.ts';
import { HUB_URL } from '../ports.ts';
import { withProfile } from '../profile.ts';
import { builtDownloadWorker, runAppDownload } from './bench-page.ts';
import { fmt, median } from './stats.ts';

const REPO = 'test/whisper-64mib';
const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Milliseconds from the moment the double stopped sending (or began to trickle) to the resumed Range request, per run. */
async function recoveries(page: Page, fault: Fault): Promise<number[]> {
  const worker = builtDownloadWorker();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await hubControl.reset();
    await hubControl.inject(fault);
    await runAppDownload(page, worker, REPO, HUB_URL);
    const [start] = await hubControl.stalls();
    // The stalled range asked again: other ranges start at any time, so only a request from about the stalled
    // byte on counts (a trickle got a few more bytes through, a byte a second).
    const covers = (range: string | null): boolean => {
      const [, from, to] = range?.match(/^bytes=(\d+)-(\d*)$/) ?? [];
      return from !== undefined && Number(from) <= start.atByte + 1024 && (to === '' || Number(to) >= start.atByte);
    };
    const resumed = (await hubControl.log()).find((r) => r.server === 'cdn' && r.method === 'GET' && r.time > start.time && covers(r.range));
    if (!resumed) throw new Error(`No resumed request after the ${fault.kind}`);
    times.push(resumed.time - start.time);
    console.log(`${fault.kind} run ${run + 1}: → resumed Range request ${fmt(times.at(-1)! / 1000, 2)} s (${resumed.range})`);
  }
  return times;
}

function report(what: string, baselineName: string, baselineMs: number, times: number[], slackMs: number): void {
  const m = median(times);
  console.log(`
${what} (${REPO}, at 27 MiB of the decoder, mid-range), median of ${RUNS} runs
| measure | seconds |
|---|---|
| ${baselineName} (baseline) | ${fmt(baselineMs / 1000, 2)} |
| → bytes flowing again | ${fmt(m / 1000, 2)} |
ratio recovery / baseline = ${fmt(m / baselineMs, 3)}; slack = ${fmt((m - baselineMs) / 1000, 2)} s (target ≤ ${slackMs / 1000} s)
`);
}

/**
 * Stall recovery: a CDN stops sending mid-file and keeps the socket open. Measured from the
 * moment the double stopped sending to the moment the resumed Range request reached it, against
 * the watchdog (the baseline: without one, the old worker never recovered). Bounds: the watchdog
 * must not fire early, and bytes must flow again within watchdog + 2 s.
 */
test('stall → bytes flowing again, against the watchdog', async () => {
  test.setTimeout(10 * 60_000);
  await withProfile(async (page) => {
    await openApp(page);
    const times = await recoveries(page, { kind: 'stall', path: DECODER, atByte: 27 * 1024 * 1024 });
    report('Stall recovery', 'watchdog', DEFAULT_STALL_MS, times, 2000);
    for (const r of times) {
      expect(r).toBeGreaterThanOrEqual(DEFAULT_STALL_MS - 50);
      expect(r).toBeLessThanOrEqual(DEFAULT_STALL_MS + 2000);
    }
  });
});

/**
 * Trickle recovery: the CDN goes on at a byte a second, never silent, so the watchdog never fires;
 * the speed floor drops the attempt after its window. Bound: bytes flow again within window + 5 s.
 */
test('trickle → bytes flowing again, against the speed floor window', async () => {
  test.setTimeout(10 * 60_000);
  await withProfile(async (page) => {
    await openApp(page);
    const times = await recoveries(page, { kind: 'trickle', path: DECODER, atByte: 27 * 1024 * 1024 });
    report('Trickle recovery', 'speed floor window', DEFAULT_SPEED_FLOOR.windowMs, times, 5000);
    for (const r of times) expect(r).toBeLessThanOrEqual(DEFAULT_SPEED_FLOOR.windowMs + 5000);
  });
});
