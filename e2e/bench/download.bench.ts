import { test } from '@playwright/test';
import { openApp } from '../app.ts';
import { hubControl } from '../hub-control.ts';
import { HUB_URL } from '../ports.ts';
import { DRAIN_WORKER, NAIVE_WORKER, STREAM_WRITE_WORKER } from './baseline-workers.ts';
import { withProfile } from '../profile.ts';
import { builtDownloadWorker, measureAborts, runAppDownload, runBlobWorker } from './bench-page.ts';
import { peakGrowth } from './renderer-memory.ts';
import { fmt, mbps, median, MiB, percentile } from './stats.ts';

const REPO = 'test/whisper-1gib';
const ONNX = ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function listing(): Promise<{ path: string; size: number; lfs?: { oid: string } }[]> {
  const entries = [];
  let url: string | undefined = `${HUB_URL}/api/models/${REPO}/tree/main?recursive=true`;
  while (url) {
    const res: Response = await fetch(url);
    entries.push(...((await res.json()) as { path: string; size: number }[]));
    url = res.headers.get('link')?.match(/<([^>]+)>/)?.[1];
  }
  return entries;
}

test('download: raw fetch vs naive arrayBuffer vs our worker, 1 GiB', async () => {
  test.setTimeout(20 * 60_000);
  await withProfile(async (page) => {
  const files = await listing(); // also makes the double hash the synthetic files before any timing
  const decoder = files.find((f) => f.path === ONNX[1])!;
  await hubControl.reset();
  await openApp(page);
  const urls = ONNX.map((p) => `${HUB_URL}/${REPO}/resolve/main/${p}`);
  const worker = builtDownloadWorker();
  type Key = 'a' | 'b' | 'c' | 'd' | 'e';
  const keys: Key[] = ['a', 'b', 'c', 'd', 'e'];
  const rows = Object.fromEntries(keys.map((k) => [k, { mbps: [] as number[], growth: [] as number[] }])) as Record<Key, { mbps: number[]; growth: number[] }>;
  const variants = {
    a: () => runBlobWorker(page, DRAIN_WORKER, urls),
    b: () => runBlobWorker(page, NAIVE_WORKER, urls),
    c: () => runAppDownload(page, worker, REPO, HUB_URL),
    d: () => runBlobWorker(page, STREAM_WRITE_WORKER, urls),
    e: () => runAppDownload(page, worker, REPO, HUB_URL, 1),
  };
  for (let run = 0; run < RUNS; run++) {
    for (const key of keys) {
      const { result, growth } = await peakGrowth(variants[key]);
      rows[key].mbps.push(mbps(result.bytes, result.ms));
      rows[key].growth.push(growth / MiB);
      console.log(`run ${run + 1} ${key}: ${fmt(mbps(result.bytes, result.ms))} MB/s, renderer +${fmt(growth / MiB)} MiB`);
    }
  }

  const aborts = await measureAborts(page, worker, REPO, HUB_URL, 20, 64 * MiB);

  await hubControl.reset();
  const dropAt = Math.floor(decoder.size / 2) + 7 * MiB; // inside a segment, not on its edge
  await hubControl.inject({ kind: 'drop', path: ONNX[1], atByte: dropAt });
  await runAppDownload(page, worker, REPO, HUB_URL);
  // The request that picked the dropped segment up: it starts between the segment's start and the drop.
  const decoderGets = (await hubControl.log()).filter((r) => r.server === 'cdn' && r.method === 'GET' && r.url.includes(decoder.lfs!.oid));
  const starts = decoderGets.map((r) => Number(r.range?.match(/^bytes=(\d+)-/)?.[1] ?? 0));
  const resumeFrom = Math.max(...starts.filter((start) => start <= dropAt));
  const m = (key: Key) => ({ speed: median(rows[key].mbps), growth: median(rows[key].growth) });
  const [a, b, c, d, e] = [m('a'), m('b'), m('c'), m('d'), m('e')];
  console.log(`
Download benchmark: ${REPO} (1 GiB, 2 LFS files via 302 → CDN), median of ${RUNS} runs, sha256 verification on
| path | MB/s | renderer RSS growth |
|---|---|---|
| (a) fetch, body drained (ceiling) | ${fmt(a.speed)} | ${fmt(a.growth)} MiB |
| (b) naive arrayBuffer() + write | ${fmt(b.speed)} | ${fmt(b.growth)} MiB |
| (c) our download worker | ${fmt(c.speed)} | ${fmt(c.growth)} MiB |
| (d) streamed into OPFS, no hash (storage ceiling) | ${fmt(d.speed)} | ${fmt(d.growth)} MiB |
| (e) our download worker held to one connection (today's single stream) | ${fmt(e.speed)} | ${fmt(e.growth)} MiB |
parallel vs single stream c/e = ${fmt(c.speed / e.speed, 2)} (target ≥ 0.95)
throughput c/a = ${fmt(c.speed / a.speed, 2)} (target ≥ 0.9); c/d = ${fmt(c.speed / d.speed, 2)}; c/b = ${fmt(c.speed / b.speed, 2)}
memory growth c − a = ${fmt(c.growth - a.growth)} MiB (target ≤ 64); memory c/b = ${fmt(c.growth / b.growth, 2)}
abort → cancelled over 20: median ${fmt(median(aborts))} ms, p95 ${fmt(percentile(aborts, 95))} ms (target p95 ≤ 30)
drop at 50 % + 7 MiB of the decoder (${dropAt} B): ${decoderGets.length} requests; the dropped segment resumed from ${resumeFrom}, re-fetching ${dropAt - resumeFrom} B (target ≤ remaining + K segments)
`);
  }, { bypassCSP: true }); // the baselines run as Blob-URL workers, which the app's CSP rightly forbids
});
