import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addRepo, expectInstalled, startDownload } from '../app.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { CDN_URL, HUB_URL } from '../ports.ts';
import { withProfile } from '../profile.ts';
import { serveSite } from '../static-site.ts';

/** The built download worker's URL on the app's origin, so the bench speaks its protocol directly. */
export function builtDownloadWorker(): string {
  const name = readdirSync(join(PROJECT_ROOT, 'dist/assets')).find((f) => /^download\.worker-.*\.js$/.test(f));
  if (!name) throw new Error('No built download worker: run `vite build` first');
  return `/assets/${name}`;
}

/** Run a baseline worker (source text) on these URLs; it answers `{bytes, ms}`. */
export function runBlobWorker(page: Page, source: string, urls: string[]): Promise<{ bytes: number; ms: number }> {
  return page.evaluate(
    ([code, list]) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        worker.onmessage = (e) => {
          worker.terminate();
          resolve(e.data as { bytes: number; ms: number });
        };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(list);
      }),
    [source, urls] as const,
  );
}

/** Our download worker: download a repo, time `started` → `done`, then delete it again. `maxConnections` 1 is the single-stream baseline. */
export function runAppDownload(page: Page, workerUrl: string, repo: string, hubUrl: string, maxConnections?: number): Promise<{ bytes: number; ms: number; doneAt: number }> {
  return page.evaluate(
    ([url, repoId, hub, connections]) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(url, { type: 'module' });
        let started = 0;
        let bytes = 0;
        let ms = 0;
        let doneAt = 0; // wall clock, to compare with the double's log
        worker.onmessage = ({ data }) => {
          if (data.type === 'started') [started, bytes] = [performance.now(), data.total];
          else if (data.type === 'done') {
            ms = performance.now() - started;
            doneAt = Date.now();
            worker.postMessage({ type: 'delete', jobId: 'bench-delete', repo: repoId });
          } else if (data.type === 'deleted') {
            worker.terminate();
            resolve({ bytes, ms, doneAt });
          } else if (data.type === 'error') reject(new Error(data.error.message));
        };
        worker.postMessage({ type: 'download', jobId: 'bench', repo: repoId, revision: 'main', dtype: 'q8', hubUrl: hub, maxConnections: connections });
      }),
    [workerUrl, repo, hubUrl, maxConnections] as const,
  );
}

/** Start downloads and abort each once past `afterBytes`; returns postMessage(abort) → `cancelled` latencies. */
export function measureAborts(page: Page, workerUrl: string, repo: string, hubUrl: string, runs: number, afterBytes: number): Promise<number[]> {
  return page.evaluate(
    ([url, repoId, hub, count, threshold]) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(url, { type: 'module' });
        const latencies: number[] = [];
        let abortedAt = 0;
        const start = (): void => worker.postMessage({ type: 'download', jobId: `abort-${latencies.length}`, repo: repoId, revision: 'main', dtype: 'q8', hubUrl: hub });
        worker.onmessage = ({ data }) => {
          if (data.type === 'progress' && abortedAt === 0 && data.loaded > threshold) {
            abortedAt = performance.now();
            worker.postMessage({ type: 'abort', jobId: data.jobId });
          } else if (data.type === 'cancelled') {
            latencies.push(performance.now() - abortedAt);
            worker.postMessage({ type: 'delete', jobId: 'bench-delete', repo: repoId });
          } else if (data.type === 'deleted') {
            abortedAt = 0;
            if (latencies.length >= count) {
              worker.terminate();
              resolve(latencies);
            } else start();
          } else if (data.type === 'error') reject(new Error(data.error.message));
        };
        start();
      }),
    [workerUrl, repo, hubUrl, runs, afterBytes] as const,
  );
}

/** Runs a function of the page's `bench` object in the page, with an argument sent as JSON. */
export type BenchRun<B> = <T, A = null>(fn: (bench: B, arg: A) => Promise<T>, arg?: A) => Promise<T>;

/**
 * A fresh profile on a static copy of the bench build (`dist-bench`) with these models installed
 * from the hub double (q8), on the bench page; `run` evaluates a function of the page's `bench` object.
 * No CSP: transformers.js by default imports ONNX Runtime from a Blob URL, which our CSP forbids
 * (our worker turns that cache off), and the baseline should run with its defaults.
 */
export async function withBenchPage<B>(repos: readonly string[], body: (run: BenchRun<B>) => Promise<void>): Promise<void> {
  const site = await serveSite({ root: join(PROJECT_ROOT, 'dist-bench'), port: 4185, connect: [HUB_URL, CDN_URL], csp: false });
  try {
    await withProfile(async (page) => {
      page.on('console', (m) => m.type() === 'error' && console.log(`[page] ${m.text()}`));
      await page.addInitScript((hub) => localStorage.setItem('whisper-studio:hub-url', hub), HUB_URL);
      await page.goto(site.url);
      for (const repo of repos) {
        const model = await addRepo(page, repo);
        await startDownload(model);
        await expectInstalled(model, 10 * 60_000);
      }
      await page.goto(`${site.url}/e2e/bench/bench.html`);
      await page.waitForSelector('body[data-ready]');
      // The function runs in the page as source text: what it needs from here comes as `arg` (JSON).
      await body(<T, A>(fn: (bench: B, arg: A) => Promise<T>, arg?: A) => page.evaluate(`(${fn.toString()})(globalThis.bench, ${JSON.stringify(arg ?? null)})`) as Promise<T>);
    });
  } finally {
    await site.close();
  }
}

/** The bench page with whisper-tiny only. */
export function withTinyBenchPage<B>(body: (run: BenchRun<B>) => Promise<void>): Promise<void> {
  return withBenchPage(['Xenova/whisper-tiny'], body);
}
