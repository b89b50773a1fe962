import { test } from '@playwright/test';
import { openApp } from '../app.ts';
import { hubControl } from '../hub-control.ts';
import { HUB_URL } from '../ports.ts';
import { withProfile } from '../profile.ts';
import { builtDownloadWorker, runAppDownload } from './bench-page.ts';
import { fmt, median } from './stats.ts';

const REPO = 'test/whisper-256mib';
const PER_CONNECTION = 8_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * A CDN that caps each connection at 8 MB/s (as proxies and long links do): installing a 256 MiB
 * whisper-shaped model with our adaptive parallel segments against the same worker held to one
 * connection (what downloads did before: one file after another over one stream).
 */
test('parallel segments vs one connection, CDN limited to 8 MB/s per connection', async () => {
  test.setTimeout(20 * 60_000);
  await withProfile(async (page) => {
    await openApp(page);
    const worker = builtDownloadWorker();
    const times = { single: [] as number[], parallel: [] as number[], peak: [] as number[], verify: [] as number[] };
    let total = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const variant of ['single', 'parallel'] as const) {
        await hubControl.reset();
        await hubControl.inject({ kind: 'throttle', bytesPerSecond: PER_CONNECTION });
        const { ms, bytes, doneAt } = await runAppDownload(page, worker, REPO, HUB_URL, variant === 'single' ? 1 : undefined);
        times[variant].push(ms);
        total = bytes;
        const cdn = (await hubControl.log()).filter((r) => r.server === 'cdn');
        const peak = Math.max(...cdn.map((r) => r.concurrent));
        // Last byte sent → every file verified and the model installed: in-order hashing leaves no second pass.
        const verify = doneAt - Math.max(...cdn.map((r) => r.end ?? 0));
        if (variant === 'parallel') [times.peak, times.verify] = [[...times.peak, peak], [...times.verify, verify]];
        console.log(`run ${run + 1} ${variant}: ${fmt(ms / 1000, 2)} s, peak ${peak} connections, last byte → installed ${verify} ms`);
      }
    }
    const [single, parallel] = [median(times.single), median(times.parallel)];
    console.log(`
Parallel download (${REPO}, CDN capped at ${PER_CONNECTION / 1e6} MB/s per connection), median of ${RUNS} runs
| path | install time | MB/s |
|---|---|---|
| one connection (baseline: today's single stream) | ${fmt(single / 1000, 2)} s | ${fmt(total / 1e6 / (single / 1000))} |
| adaptive parallel segments (peak ${median(times.peak)} connections) | ${fmt(parallel / 1000, 2)} s | ${fmt(total / 1e6 / (parallel / 1000))} |
install time parallel / single = ${fmt(parallel / single, 3)} (target ≤ 0.3)
last byte sent → installed (parallel) = ${fmt(median(times.verify), 0)} ms (target ≈ 1 s)
`);
  });
});
