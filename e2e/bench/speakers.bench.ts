import { test } from '@playwright/test';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SpeakerCount } from '../../src/core/speakers/cluster-voices.ts';
import { diarizationError, wordSpeakerAccuracy } from '../../src/core/speakers/diarization-error.ts';
import { SpeakerDetector } from '../../src/core/speakers/speaker-detector.ts';
import { labelByTurns, type SpeakerTurn } from '../../src/core/speakers/speaker-turns.ts';
import type { Cue } from '../../src/core/subtitles/cue.ts';
import { withinRules, timingProblems } from '../../src/core/subtitles/timing-rules.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { readWav, toWav } from '../test-audio.ts';
import { withTinyBenchPage, type BenchRun } from './bench-page.ts';
import { denseClip } from './quality-audio.ts';
import { hourInApp } from './speakers-hour.ts';
import { fmt } from './stats.ts';

/**
 * Speakers and timing rules (issue 36): the built-in detection's DER and share of words with the
 * right speaker on the committed two- and three-voice fixtures (count known and automatic), its time
 * as a share of the transcription it rides along, its memory over an hour (in Node, and the renderer's
 * peak in the app with and without it), and the share of cues a
 * new transcription of a ten-minute talk makes within every timing rule.
 */
type Ours = { ms: number; segments: Cue[]; turns: SpeakerTurn[]; speakersMs?: number };
interface Bench {
  ours(url: string, repeat: number, runs: number, threads: number, options: { vad: true; quality: 'fast'; speakers?: SpeakerCount }): Promise<Ours[]>;
}
const DIR = join(PROJECT_ROOT, 'e2e/fixtures/speakers');
const truthOf = (name: string): SpeakerTurn[] => (JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as { turns: SpeakerTurn[] }).turns;

/** One fixture transcribed (tiny, Fast) with detection: DER, words right, detection's share of the run's time. */
async function detectionRow(run: BenchRun<Bench>, name: string, count: SpeakerCount): Promise<string> {
  const [result] = await run((b, a) => b.ours(a.url, 1, 1, 2, { vad: true, quality: 'fast', speakers: a.count }), { url: `/${name}.wav`, count });
  const truth = truthOf(name);
  const { der, mapping } = diarizationError(truth, result.turns);
  const words = labelByTurns(result.segments, result.turns).flatMap((c) => c.words ?? []);
  const found = new Set(result.turns.map((t) => t.speaker)).size;
  const share = (result.speakersMs ?? 0) / result.ms;
  return `| ${name} | ${count} | ${found} | ${fmt(der, 3)} | ${fmt(wordSpeakerAccuracy(truth, words, mapping), 3)} | ${fmt(share * 100, 1)} % |`;
}

/** Node's collector, to weigh what the detector keeps (not what the collector has yet to free). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = (): number => (gc(), process.memoryUsage().heapUsed);

/** An hour of two-voice talk fed to the detector as the worker feeds it (piece by piece): its time, and the memory it keeps. */
function hourInNode(): string {
  const samples = readWav(join(DIR, 'two-voices.wav'));
  const truth = truthOf('two-voices');
  const length = samples.length / 16_000;
  const before = heap();
  let kept = 0;
  let ms = 0;
  const detector = new SpeakerDetector();
  for (let at = 0; at + length <= 3600; at += length) {
    const started = performance.now();
    for (const t of truth) detector.add(samples.subarray(Math.floor(t.start * 16_000), Math.ceil(t.end * 16_000)), at + t.start);
    ms += performance.now() - started;
    if (Math.floor(at / length) % 40 === 0) kept = Math.max(kept, heap() - before);
  }
  const started = performance.now();
  const turns = detector.turns(2);
  ms += performance.now() - started;
  kept = Math.max(kept, heap() - before);
  return `one hour (two-voices.wav × ${Math.floor(3600 / length)}): ${fmt(ms / 1000, 1)} s of detection (${fmt(ms / 36_000, 2)} % of the hour), memory kept ${fmt(kept / 2 ** 20, 1)} MiB (the voice prints; no audio), ${turns.length} turns`;
}

test('speakers: built-in detection accuracy, cost and memory; timing rules on a ten-minute talk', async ({ browser }) => {
  test.setTimeout(90 * 60_000);
  const root = join(PROJECT_ROOT, 'dist-bench');
  for (const name of ['two-voices', 'three-voices']) copyFileSync(join(DIR, `${name}.wav`), join(root, `${name}.wav`));
  const jfk = jfkWav();
  test.skip(!jfk, 'needs ../shared/fixtures/audio/jfk.wav');
  const talk = denseClip(jfk!, 15);
  writeFileSync(join(root, 'ten-minutes.wav'), toWav(talk.samples));
  const lines = ['| fixture | speakers asked | found | DER | words right | detection / transcription time |', '|---|---|---|---|---|---|'];
  let timing = '';
  await withTinyBenchPage<Bench>(async (run) => {
    for (const [name, count] of [['two-voices', 2], ['two-voices', 'auto'], ['three-voices', 3], ['three-voices', 'auto']] as const) lines.push(await detectionRow(run, name, count));
    const [off] = await run((b) => b.ours('/ten-minutes.wav', 1, 1, 2, { vad: true, quality: 'fast' }));
    const [on] = await run((b) => b.ours('/ten-minutes.wav', 1, 1, 2, { vad: true, quality: 'fast', speakers: 'auto' }));
    const problems = new Map<string, number>();
    off.segments.forEach((_, i) => timingProblems(off.segments, i).forEach((p) => problems.set(p, (problems.get(p) ?? 0) + 1)));
    timing = [
      `ten-minute talk (${fmt(talk.seconds / 60, 1)} min, tiny Fast): ${off.segments.length} cues, ${fmt(withinRules(off.segments) * 100, 1)} % within every timing rule; breaking: ${[...problems].map(([p, n]) => `${p} ${n}`).join(', ') || 'none'}`,
      `the same talk with speaker detection (automatic): ${fmt(on.ms / off.ms, 3)}× the time without (detection itself ${fmt(((on.speakersMs ?? 0) / on.ms) * 100, 1)} % of the run)`,
    ].join('\n');
  });
  const report = [...lines, '', timing, hourInNode(), await hourInApp(browser)].join('\n');
  console.log(`\n${report}\n`);
  writeFileSync(join(PROJECT_ROOT, 'reports/speakers-bench.md'), `${report}\n`);
});
