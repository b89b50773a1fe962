import { test } from '@playwright/test';
import { openApp } from '../app.ts';
import { hubControl } from '../hub-control.ts';
import { HUB_URL } from '../ports.ts';
import { withProfile } from '../profile.ts';
import { builtDownloadWorker } from './bench-page.ts';
import { fmt, median } from './stats.ts';

const REPO = 'test/whisper-1gib';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * Resume at 90 % of a 1 GiB model: how long from Resume until bytes are asked for again, against
 * a fresh start of the same model (the baseline). Segments start at once while the bytes already
 * on disk are re-hashed in order behind them, instead of re-hashing ~900 MiB first.
 */
test('resume at 90 % of 1 GiB: Resume → first byte request', async () => {
  test.setTimeout(20 * 60_000);
  await withProfile(async (page) => {
    await openApp(page);
    const worker = builtDownloadWorker();
    const fresh: number[] = [];
    const resumed: number[] = [];
    const totals: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await hubControl.reset();
      const times = await page.evaluate(
        ([url, repo, hub]) =>
          new Promise<{ freshAt: number; resumeAt: number; doneAt: number }>((resolve, reject) => {
            const w = new Worker(url, { type: 'module' });
            const download = (jobId: string): void => w.postMessage({ type: 'download', jobId, repo, revision: 'main', dtype: 'q8', hubUrl: hub });
            const freshAt = Date.now();
            let resumeAt = 0;
            download('first');
            w.onmessage = ({ data }) => {
              if (data.type === 'progress' && data.jobId === 'first' && data.loaded > 0.9 * data.total) w.postMessage({ type: 'abort', jobId: 'first' });
              else if (data.type === 'cancelled') setTimeout(() => ((resumeAt = Date.now()), download('second')), 500);
              else if (data.type === 'done') {
                const doneAt = Date.now();
                w.postMessage({ type: 'delete', jobId: 'd', repo });
                w.onmessage = ({ data: next }) => next.type === 'deleted' && (w.terminate(), resolve({ freshAt, resumeAt, doneAt }));
              } else if (data.type === 'error') reject(new Error(data.error.message));
            };
          }),
        [worker, REPO, HUB_URL] as const,
      );
      const gets = (await hubControl.log()).filter((r) => r.server === 'cdn' && r.method === 'GET');
      fresh.push(gets.find((r) => r.time >= times.freshAt)!.time - times.freshAt);
      resumed.push(gets.find((r) => r.time >= times.resumeAt)!.time - times.resumeAt);
      totals.push(times.doneAt - times.resumeAt);
      console.log(`run ${run + 1}: fresh → first byte request ${fresh.at(-1)} ms; Resume at 90 % → first byte request ${resumed.at(-1)} ms; Resume → installed ${totals.at(-1)} ms`);
    }
    console.log(`
Resume at 90 % of ${REPO}, median of ${RUNS} runs
| measure | ms |
|---|---|
| fresh start → first byte request (baseline) | ${fmt(median(fresh), 0)} |
| Resume at 90 % → first byte request | ${fmt(median(resumed), 0)} (target ≤ 1000) |
| Resume at 90 % → installed (incl. re-hashing ~920 MiB in order) | ${fmt(median(totals), 0)} |
ratio resume / fresh first request = ${fmt(median(resumed) / median(fresh), 2)}
`);
  });
});
