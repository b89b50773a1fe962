import { mount } from 'svelte';
import Timeline from '../../src/ui/components/Timeline.svelte';
import { cue, type Cue } from '../../src/core/subtitles/cue.ts';
import { PeakBuilder } from '../../src/core/media/peaks.ts';

/** Long tasks (over 50 ms) the page saw since the last `takeLongTasks`. */
const longTasks: number[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });

export function takeLongTasks(): number[] {
  return longTasks.splice(0);
}

/** Peaks of `seconds` of generated audio, built as the worker builds them: how long, how many bytes. */
export function peaksBench(seconds: number): { ms: number; bytes: number; heapBefore: number; heapAfter: number } {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  const heapBefore = memory?.usedJSHeapSize ?? 0;
  const builder = new PeakBuilder(16_000);
  const chunk = new Float32Array(16_000);
  for (let i = 0; i < chunk.length; i++) chunk[i] = Math.sin(i / 7) * 0.5;
  const t0 = performance.now();
  for (let s = 0; s < seconds; s++) builder.add(chunk);
  builder.end();
  const bytes = builder.take().length;
  return { ms: performance.now() - t0, bytes, heapBefore, heapAfter: memory?.usedJSHeapSize ?? 0 };
}

/** The studio's timeline with `count` cues over `seconds` of peaks, mounted in the page; retimes land in its props as the studio's edits would. */
export function timelineBench(count: number, seconds: number): { mountMs: number } {
  const peaks = Uint8Array.from({ length: seconds * 50 }, (_, i) => 30 + ((i * 37) % 200));
  const span = seconds / count;
  const props = $state({
    peaks,
    cues: Array.from({ length: count }, (_, i) => cue(i * span, i * span + span * 0.8, `cue ${i}`)) as readonly Cue[],
    active: 0,
    time: 0,
    onseek: (s: number) => void (props.time = s),
    onretime: (i: number, start: number, end: number) => void (props.cues = props.cues.map((c, j) => (j === i ? cue(start, end, c.text) : c))),
  });
  const target = document.createElement('div');
  target.style.width = '1000px';
  document.body.append(target);
  const t0 = performance.now();
  mount(Timeline, { target, props });
  return { mountMs: performance.now() - t0 };
}
