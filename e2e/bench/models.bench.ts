import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileData } from '../../src/core/transcribe/decode-profile.ts';
import { HINT_FIXTURES } from '../fixtures/hints/hint-fixtures.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT, whisperSmallDir } from '../hub/fixture-paths.ts';
import { toWav } from '../test-audio.ts';
import { wordErrorRate } from '../wer.ts';
import { withBenchPage, type BenchRun } from './bench-page.ts';
import { latencies, type SeenUpdate } from './live-run.ts';
import { denseClip, liveTalk, qualityClip, type QualityClip } from './quality-audio.ts';
import { peakGrowth } from './renderer-memory.ts';
import { fmt, median, MiB } from './stats.ts';

type Ours = { loadMs: number; ms: number; firstCueMs: number; text: string; heard: string | null; profile?: ProfileData };
type OursOptions = { vad: true; quality: 'fast' | 'best'; repo: string; profile?: true; language?: string | null; task?: 'transcribe' | 'translate' };
interface Bench {
  ours(url: string, repeat: number, runs: number, threads: number, options: OursOptions): Promise<Ours[]>;
  liveRun(url: string, threads: number, repo: string): Promise<{ updates: SeenUpdate[] }>;
}
type Run = BenchRun<Bench>;

/** tiny and base always; small once fetched (`WHISPER_BENCH_SMALL=1 npm run bench`); `BENCH_MODELS=base,small` picks some. */
const MODELS = ['Xenova/whisper-tiny', 'Xenova/whisper-base', ...(whisperSmallDir() ? ['Xenova/whisper-small'] : [])]
  .filter((repo) => !process.env.BENCH_MODELS || process.env.BENCH_MODELS.split(',').some((name) => repo.endsWith(`-${name}`)));
/** `BENCH_QUALITIES=fast` measures one decoding. */
const QUALITIES = (['fast', 'best'] as const).filter((q) => !process.env.BENCH_QUALITIES || process.env.BENCH_QUALITIES.split(',').includes(q));

interface Measured {
  readonly wer: number;
  readonly rtf: number;
  /** Model ready → first cue of the warm run (s). */
  readonly firstCue: number;
  /** Cold load from OPFS: sessions created (s). */
  readonly load: number;
  /** Renderer memory above the idle page while the worker loaded and ran (bytes). */
  readonly peak: number;
  readonly text: string;
  readonly profile?: ProfileData;
}

export interface ModelRow {
  readonly repo: string;
  readonly quality: 'fast' | 'best';
  readonly dense: Measured;
  readonly sparse: Measured;
}

/** One model × decoding on one clip: loaded cold, run twice in one worker, the warm run measured. */
async function measure(run: Run, repo: string, quality: 'fast' | 'best', url: string, clip: QualityClip): Promise<Measured> {
  const { result, growth } = await peakGrowth(() => run((b, a) => b.ours(a.url, 1, 2, 2, { vad: true, quality: a.quality, repo: a.repo, profile: true }), { url, quality, repo }));
  const [cold, warm] = result;
  return { wer: wordErrorRate(clip.text, warm.text), rtf: warm.ms / 1000 / clip.seconds, firstCue: warm.firstCueMs / 1000, load: cold.loadMs / 1000, peak: growth, text: warm.text, profile: warm.profile };
}

/** Median seconds from a word's end in the audio to its caption being committed, and first shown. */
async function liveLatency(run: Run, repo: string): Promise<{ commit: number; shown: number }> {
  const { updates } = await run((b, r) => b.liveRun('/models-live.wav', 2, r), repo);
  const { commit, shown } = latencies(updates);
  return { commit: median(commit), shown: median(shown) };
}

/** Spanish speech (espeak-ng, e2e/fixtures/hints): the language heard on Auto, its WER, and what Translate gives. */
async function spanish(run: Run, repo: string): Promise<{ repo: string; heard: string | null; wer: number; translated: string }> {
  const auto = (await run((b, r) => b.ours('/models-es.wav', 1, 1, 2, { vad: true, quality: 'fast', repo: r, language: null }), repo))[0];
  const english = (await run((b, r) => b.ours('/models-es.wav', 1, 1, 2, { vad: true, quality: 'fast', repo: r, language: 'spanish', task: 'translate' }), repo))[0];
  return { repo, heard: auto.heard, wer: wordErrorRate(HINT_FIXTURES.spanish.text, auto.text), translated: english.text.trim() };
}

/** Each decoding phase's share of the warm dense run, per model and decoding: where the time goes. */
function profileTable(rows: readonly ModelRow[]): string {
  const withProfile = rows.filter((r) => r.dense.profile);
  const phases = [...new Set(withProfile.flatMap((r) => Object.keys(r.dense.profile!.ms)))];
  const counts = [...new Set(withProfile.flatMap((r) => Object.keys(r.dense.profile!.counts)))];
  const name = (r: ModelRow): string => `${r.repo.split('-').pop()} ${r.quality}`;
  return [
    `| phase (s, dense) | ${withProfile.map(name).join(' | ')} |`,
    `|---|${withProfile.map(() => '---').join('|')}|`,
    ...phases.map((p) => `| ${p} | ${withProfile.map((r) => fmt((r.dense.profile!.ms[p] ?? 0) / 1000, 2)).join(' | ')} |`),
    ...counts.map((c) => `| ${c} (count) | ${withProfile.map((r) => r.dense.profile!.counts[c] ?? 0).join(' | ')} |`),
  ].join('\n');
}

test('models: tiny, base (and small when fetched) × Fast and Best — WER, RTF, first cue, load, peak memory, live latency', async () => {
  test.setTimeout(90 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const [dense, sparse, live] = [denseClip(jfk!), qualityClip(jfk!), liveTalk(jfk!, 1)];
  const root = join(PROJECT_ROOT, 'dist-bench');
  writeFileSync(join(root, 'models-dense.wav'), toWav(dense.samples));
  writeFileSync(join(root, 'models-sparse.wav'), toWav(sparse.samples));
  writeFileSync(join(root, 'models-live.wav'), toWav(live.samples));
  copyFileSync(join(PROJECT_ROOT, 'e2e/fixtures/hints', HINT_FIXTURES.spanish.file), join(root, 'models-es.wav'));
  const languages: Awaited<ReturnType<typeof spanish>>[] = [];
  const rows: ModelRow[] = [];
  const lives: { repo: string; commit: number; shown: number }[] = [];
  await withBenchPage<Bench>(MODELS, async (run) => {
    for (const repo of MODELS) {
      for (const quality of QUALITIES) {
        rows.push({ repo, quality, dense: await measure(run, repo, quality, '/models-dense.wav', dense), sparse: await measure(run, repo, quality, '/models-sparse.wav', sparse) });
      }
      lives.push({ repo, ...(await liveLatency(run, repo)) });
      languages.push(await spanish(run, repo));
    }
  });
  const baseline = rows.find((r) => r.quality === 'best') ?? rows[0];
  console.log(`
Models × decoding, q8, WASM 2 threads, headless Chromium, warm runs. Dense: ${fmt(dense.seconds, 0)} s of speech back to back; sparse: ${fmt(sparse.seconds, 0)} s, ${fmt((1 - sparse.speechSeconds / sparse.seconds) * 100, 0)} % non-speech.
| model | decoding | dense WER | dense RTF | sparse WER | sparse RTF | first cue (s) | load (s) | peak memory (MiB) | RTF / ${baseline.repo.split('-').pop()} Best |
|---|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.repo} | ${r.quality} | ${fmt(r.dense.wer, 3)} | ${fmt(r.dense.rtf, 3)} | ${fmt(r.sparse.wer, 3)} | ${fmt(r.sparse.rtf, 3)} | ${fmt(r.dense.firstCue, 2)} | ${fmt(r.dense.load, 2)} | ${fmt(Math.max(r.dense.peak, r.sparse.peak) / MiB, 0)} | ${fmt(r.dense.rtf / baseline.dense.rtf, 2)} |`).join('\n')}

Live captions (Fast, ${fmt(live.samples.length / 16_000, 0)} s played in real time), median seconds after a word ends:
| model | committed | first shown |
|---|---|---|
${lives.map((l) => `| ${l.repo} | ${fmt(l.commit, 2)} | ${fmt(l.shown, 2)} |`).join('\n')}

Spanish (espeak-ng, "${HINT_FIXTURES.spanish.text}"), Fast:
| model | heard on Auto | WER in Spanish | Translate to English |
|---|---|---|---|
${languages.map((l) => `| ${l.repo} | ${l.heard ?? '—'} | ${fmt(l.wer, 2)} | ${l.translated} |`).join('\n')}

Where the time goes (warm dense run):
${profileTable(rows)}
`);
  mkdirSync(join(PROJECT_ROOT, 'reports'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'reports/models-bench.json'), JSON.stringify({ rows: rows.map(({ dense: { profile: _d, ...d }, sparse: { profile: _s, ...s }, ...r }) => ({ ...r, dense: d, sparse: s })), lives }, null, 2));
  expect(rows.every((r) => r.dense.wer < 1 && r.sparse.wer < 1)).toBe(true);
});
