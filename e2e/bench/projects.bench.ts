import { expect, test } from '@playwright/test';
import { withTinyBenchPage } from './bench-page.ts';
import { fmt } from './stats.ts';
import type { projectsBench } from './projects-bench.ts';

type Figures = Awaited<ReturnType<typeof projectsBench>>;

/**
 * Projects on real IndexedDB in headless Chromium: a 3-hour dense transcript saved window by window
 * and reopened; 500 projects listed and searched; 100 exported as one ZIP. Baseline in the same run:
 * the whole-transcript rewrite the app did before (JSON of everything so far, per window).
 */
test('projects: per-window save, open, list, search and export-all at scale', async () => {
  test.setTimeout(10 * 60_000);
  await withTinyBenchPage<{ projectsBench: typeof projectsBench }>(async (run) => {
    const f = await run((b) => b.projectsBench());
    const baseline = await run(async () => {
      // What TranscriptStore.save did: serialise the whole transcript at every window (here the last window of 432).
      const cue = { start: 0, end: 2.9, text: 'the museum opens at nine in the morning and closes', words: Array.from({ length: 9 }, (_, i) => ({ start: i * 0.3, end: i * 0.3 + 0.28, text: ' word' })) };
      const all = Array.from({ length: 432 * 8 }, () => cue);
      const t0 = performance.now();
      JSON.stringify({ source: 'three-hours.wav', segments: all });
      return performance.now() - t0;
    });
    report(f, baseline);
    expect(f.reopenedCues).toBe(f.cues);
    expect(f.rareFound).toBe(1);
  });
});

function report(f: Figures, baselineMs: number): void {
  console.log(`
Projects (IndexedDB, headless Chromium): ${f.windows} windows, ${f.cues} cues, ${f.words} timed words (≈ 3 hours of dense speech)
| measure | figure | target |
|---|---|---|
| per-window save on the main thread, p50 / p95 / max | ${fmt(f.saveP50, 2)} / ${fmt(f.saveP95, 2)} / ${fmt(f.saveMax, 2)} ms | ≤ 5 ms |
| baseline: the old whole-transcript JSON at the last window | ${fmt(baselineMs, 2)} ms (ratio p95 / baseline ${fmt(f.saveP95 / baselineMs, 3)}) | |
| writes drained after the last window | ${fmt(f.drainMs, 0)} ms | |
| open the 3-hour project (replay its log) | ${fmt(f.openMs, 0)} ms | ≤ 300 ms |
| list ${f.listed} projects | ${fmt(f.listMs, 0)} ms | ≤ 200 ms |
| first search (builds the index over 500 projects) | ${fmt(f.indexMs, 0)} ms | |
| a search after that | ${fmt(f.searchMs, 1)} ms | ≤ 50 ms |
| export 100 projects as SRT + VTT in one ZIP | ${fmt(f.exportMs, 0)} ms (${fmt(f.zipBytes / 1024, 0)} KiB) | ≤ 2 s |
`);
}
