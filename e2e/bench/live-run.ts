import type { Word } from '../../src/core/subtitles/cue.ts';
import type { ProfileData } from '../../src/core/transcribe/decode-profile.ts';
import type { LiveRequest, TranscribeReply } from '../../src/core/transcribe/transcribe-protocol.ts';
import { decodeAudio } from '../../src/ui/audio/decode-audio.ts';
import { wordKey } from '../../src/core/live/local-agreement.ts';

/** One live update as the page saw it: `at` seconds after the audio began to flow. */
export interface SeenUpdate {
  readonly at: number;
  readonly commit: readonly Word[];
  readonly tentative: readonly Word[];
  readonly heardSeconds: number;
  readonly behindSeconds: number;
  readonly quality: string;
}

/**
 * Our transcription worker's live captions of a file played into it in real time (100 ms chunks,
 * as the capture worklet sends them, paced by the clock so it never drifts), from when the model
 * is ready: every update with the time it arrived.
 */
export async function liveRun(url: string, threads: number, repo = 'Xenova/whisper-tiny'): Promise<{ updates: SeenUpdate[]; cues: string[]; profile?: ProfileData }> {
  const samples = await decodeAudio(await (await fetch(url)).blob());
  const worker = new Worker(new URL('../../src/workers/transcribe.worker.ts', import.meta.url), { type: 'module' });
  const channel = new MessageChannel();
  const request: LiveRequest = { type: 'live', jobId: 'live', repo, dtype: 'q8', source: { port: channel.port2, seconds: 0 }, language: 'english', task: 'transcribe', multilingual: true, quality: 'fast', device: 'wasm', threads, profile: true };
  const updates: SeenUpdate[] = [];
  const cues: string[] = [];
  let started = 0;
  let profile: ProfileData | undefined;
  const play = (): void => {
    started = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.min(samples.length, Math.floor(((performance.now() - started) / 1000) * 16_000));
      if (due > sent) channel.port1.postMessage({ type: 'pcm', samples: samples.slice(sent, due) });
      sent = due;
      if (sent >= samples.length) [clearInterval(timer), channel.port1.postMessage({ type: 'end' })];
    }, 100);
  };
  await new Promise<void>((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
    worker.onmessage = ({ data: reply }: MessageEvent<TranscribeReply>) => {
      if (reply.type === 'result') return ((profile = reply.result.profile), resolve());
      if (reply.type === 'failed') return reject(new Error(reply.error.message));
      if (reply.type !== 'update') return;
      const data = reply.update;
      if (data.type === 'ready') play();
      else if (data.type === 'live') {
        updates.push({ at: (performance.now() - started) / 1000, commit: data.commit, tentative: data.tentative, heardSeconds: data.heardSeconds, behindSeconds: data.behindSeconds, quality: data.quality });
        cues.push(...data.cues.map((c) => c.text));
      }
    };
    worker.postMessage(request, [channel.port2]);
  });
  worker.terminate();
  return { updates, cues, profile };
}

/** Seconds from each committed word's end in the audio to the update that committed it, and to the first that showed it. */
export function latencies(updates: readonly SeenUpdate[]): { commit: number[]; shown: number[] } {
  const near = (a: Word, b: Word): boolean => wordKey(a) === wordKey(b) && Math.abs((a.start + a.end) / 2 - (b.start + b.end) / 2) < 0.5;
  const commit: number[] = [];
  const shown: number[] = [];
  updates.forEach((u, i) => {
    for (const w of u.commit) {
      commit.push(u.at - w.end);
      const first = updates.slice(0, i + 1).find((v) => [...v.commit, ...v.tentative].some((x) => near(x, w)));
      shown.push((first ?? u).at - w.end);
    }
  });
  return { commit, shown };
}
