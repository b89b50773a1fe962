import type { Word } from '../../src/core/subtitles/segment.ts';
import type { ProfileData } from '../../src/core/transcribe/decode-profile.ts';
import type { LiveRequest, TranscribeReply } from '../../src/core/transcribe-protocol.ts';
import { decodeAudio } from '../../src/ui/audio/decode-audio.ts';

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
export async function liveRun(url: string, threads: number): Promise<{ updates: SeenUpdate[]; cues: string[]; profile?: ProfileData }> {
  const samples = await decodeAudio(await (await fetch(url)).blob());
  const worker = new Worker(new URL('../../src/workers/transcribe.worker.ts', import.meta.url), { type: 'module' });
  const channel = new MessageChannel();
  const request: LiveRequest = { type: 'live', jobId: 'live', repo: 'Xenova/whisper-tiny', dtype: 'q8', source: { port: channel.port2, seconds: 0 }, language: 'english', task: 'transcribe', multilingual: true, quality: 'fast', device: 'wasm', threads, profile: true };
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
    worker.onmessage = ({ data }: MessageEvent<TranscribeReply>) => {
      if (data.type === 'ready') play();
      else if (data.type === 'live') {
        updates.push({ at: (performance.now() - started) / 1000, commit: data.commit, tentative: data.tentative, heardSeconds: data.heardSeconds, behindSeconds: data.behindSeconds, quality: data.quality });
        cues.push(...data.cues.map((c) => c.text));
      } else if (data.type === 'done') {
        profile = data.profile;
        resolve();
      }
      else if (data.type === 'error') reject(new Error(data.error.message));
    };
    worker.postMessage(request, [channel.port2]);
  });
  worker.terminate();
  return { updates, cues, profile };
}
