import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of Chromium's renderer processes (the page and its workers live there), in bytes. */
export function rendererRss(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

/** Waits until the previous run's memory is given back (RSS stops falling), so baselines are comparable. */
async function settle(): Promise<number> {
  let last = rendererRss();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = rendererRss();
    if (now >= last - 1024 * 1024) return Math.min(now, last);
    last = now;
  }
  return last;
}

/** Samples renderer RSS every 50 ms while `work` runs; returns the peak growth over the settled level before it. */
export async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const baseline = await settle();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rendererRss())), 50);
  try {
    const result = await work();
    peak = Math.max(peak, rendererRss());
    return { result, growth: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
