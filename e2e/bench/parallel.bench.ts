import { test, type Page } from '@playwright/test';
import { openApp } from '../app.ts';
import { hubControl } from '../hub-control.ts';
import { HUB_URL } from '../ports.ts';
import { withProfile } from '../profile.ts';
import { builtDownloadWorker, runAppDownload } from './bench-page.ts';
import { fmt, median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Case {
  readonly repo: string;
  readonly perConnection: number;
  readonly target: number;
}

/** Install times of one repo, held to one connection and adaptive, alternating, on a CDN capped per connection. */
async function measure(page: Page, { repo, perConnection }: Case) {
  const worker = builtDownloadWorker();
  const times = { single: [] as number[], parallel: [] as number[], peak: [] as number[], verify: [] as number[] };
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const variant of ['single', 'parallel'] as const) {
      await hubControl.reset();
      await hubControl.inject({ kind: 'throttle', bytesPerSecond: perConnection });
      const { ms, bytes, doneAt } = await runAppDownload(page, worker, repo, HUB_URL, variant === 'single' ? 1 : undefined);
      times[variant].push(ms);
      total = bytes;
      const cdn = (await hubControl.log()).filter((r) => r.server === 'cdn');
      const peak = Math.max(...cdn.map((r) => r.concurrent));
      // Last byte sent → every file verified and the model installed: in-order hashing leaves no second pass.
      const verify = doneAt - Math.max(...cdn.map((r) => r.end ?? 0));
      if (variant === 'parallel') [times.peak, times.verify] = [[...times.peak, peak], [...times.verify, verify]];
      console.log(`${repo} run ${run + 1} ${variant}: ${fmt(ms / 1000, 2)} s, peak ${peak} connections, last byte → installed ${verify} ms`);
    }
  }
  return { times, total };
}

/**
 * A CDN that caps each connection (as proxies and long links do): installing a model with our
 * adaptive parallel ranges against the same worker held to one connection (what downloads did
 * before: one file after another over one stream).
 */
for (const c of [
  { repo: 'Xenova/whisper-tiny', perConnection: 3 * 1024 * 1024, target: 0.35 },
  { repo: 'test/whisper-256mib', perConnection: 8_000_000, target: 0.3 },
] satisfies Case[]) {
  test(`parallel ranges vs one connection: ${c.repo}, CDN limited to ${fmt(c.perConnection / 1e6, 1)} MB/s per connection`, async () => {
    test.setTimeout(20 * 60_000);
    await withProfile(async (page) => {
      await openApp(page);
      const { times, total } = await measure(page, c);
      const [single, parallel] = [median(times.single), median(times.parallel)];
      console.log(`
Parallel download (${c.repo}, ${fmt(total / 1e6, 1)} MB, CDN capped at ${fmt(c.perConnection / 1e6, 2)} MB/s per connection), median of ${RUNS} runs
| path | install time | MB/s |
|---|---|---|
| one connection (baseline: today's single stream) | ${fmt(single / 1000, 2)} s | ${fmt(total / 1e6 / (single / 1000))} |
| adaptive parallel ranges (peak ${median(times.peak)} connections) | ${fmt(parallel / 1000, 2)} s | ${fmt(total / 1e6 / (parallel / 1000))} |
install time parallel / single = ${fmt(parallel / single, 3)} (target ≤ ${c.target})
last byte sent → installed (parallel) = ${fmt(median(times.verify), 0)} ms (target ≈ 1 s)
`);
    });
  });
}
