import type { Cue } from '../../src/core/subtitles/cue.ts';
import type { ProfileData } from '../../src/core/transcribe/decode-profile.ts';
import type { TranscribeReply, TranscribeRequest } from '../../src/core/transcribe/transcribe-protocol.ts';
import { pcmMessages } from '../../src/core/media/pcm-messages.ts';
import { decodeAudio } from '../../src/ui/audio/decode-audio.ts';
import { projectsBench } from './projects-bench.ts';
import { liveRun } from './live-run.ts';
import { peaksBench, takeLongTasks, timelineBench } from './timeline-bench.svelte.ts';
import type { Quality } from '../../src/core/transcribe/decode-options.ts';
import type { SpeakerCount } from '../../src/core/speakers/cluster-voices.ts';
import type { SpeakerTurn } from '../../src/core/speakers/speaker-turns.ts';

/** Audio for the runs: a file decoded as the app does, optionally repeated into a longer clip. */
async function audio(url: string, repeat: number): Promise<Float32Array> {
  const once = await decodeAudio(await (await fetch(url)).blob());
  const out = new Float32Array(once.length * repeat);
  for (let i = 0; i < repeat; i++) out.set(once, i * once.length);
  return out;
}

interface OursOptions {
  readonly vad: boolean;
  readonly quality: Quality;
  readonly profile?: boolean;
  /** An installed model; whisper-tiny by default. */
  readonly repo?: string;
  /** English by default; null detects it. */
  readonly language?: string | null;
  readonly task?: 'transcribe' | 'translate';
  /** Speaker detection, as the app asks for it. */
  readonly speakers?: SpeakerCount;
}

/** Our transcription worker: load once, then `runs` transcriptions; times from its own replies. */
async function ours(url: string, repeat: number, runs: number, threads: number, options: OursOptions = { vad: true, quality: 'best' }) {
  const worker = new Worker(new URL('../../src/workers/transcribe.worker.ts', import.meta.url), { type: 'module' });
  const results: { loadMs: number; ms: number; firstCueMs: number; text: string; heard: string | null; segments: Cue[]; profile?: ProfileData; turns: SpeakerTurn[]; speakersMs?: number }[] = [];
  const { repo = 'Xenova/whisper-tiny', language = 'english', task = 'transcribe', ...decoding } = options;
  for (let i = 0; i < runs; i++) {
    const samples = await audio(url, repeat);
    const channel = new MessageChannel();
    for (const message of pcmMessages(samples)) channel.port1.postMessage(message, message.type === 'pcm' ? [message.samples.buffer] : []);
    const source = { port: channel.port2, seconds: samples.length / 16_000 };
    const request: TranscribeRequest = { type: 'transcribe', jobId: `b${i}`, repo, dtype: 'q8', source, language, task, multilingual: true, threads, device: 'wasm', ...decoding };
    results.push(
      await new Promise((resolve, reject) => {
        worker.onerror = (event) => reject(new Error(`our worker failed: ${event.message}`));
        let loadMs = 0;
        let readyAt = 0;
        let firstCueMs = 0;
        let text = '';
        let heard: string | null = null;
        const segments: Cue[] = [];
        let turns: SpeakerTurn[] = [];
        worker.onmessage = ({ data: reply }: MessageEvent<TranscribeReply>) => {
          if (reply.type === 'result') return resolve({ loadMs, ms: reply.result.elapsedMs, firstCueMs, text, heard, segments, profile: reply.result.profile, turns, speakersMs: reply.result.speakersMs });
          if (reply.type === 'failed') return reject(new Error(reply.error.message));
          if (reply.type !== 'update') return;
          const data = reply.update;
          if (data.type === 'ready') [loadMs, readyAt] = [data.loadMs, performance.now()];
          else if (data.type === 'language') heard = data.code;
          else if (data.type === 'speakers') turns = [...data.turns];
          else if (data.type === 'cues') {
            // From the model being ready to the first words: what a person waits for once it is loaded.
            if (firstCueMs === 0 && data.cues.length > 0) firstCueMs = performance.now() - readyAt;
            text += data.cues.map((s) => ` ${s.text}`).join('');
            segments.push(...data.cues);
          }
        };
        worker.postMessage(request, [channel.port2]);
      }),
    );
  }
  worker.terminate();
  return results;
}

type Chunk = { text: string; timestamp: [number, number | null] };

async function plain(url: string, repeat: number, runs: number, hubUrl: string, threads?: number, timestamps: true | 'word' = true) {
  const worker = new Worker(new URL('./plain-asr.worker.ts', import.meta.url), { type: 'module' });
  const samples = await audio(url, repeat);
  const result = await new Promise<{ loadMs: number; runs: { ms: number; text: string; chunks: Chunk[] }[]; threads: number }>((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data));
    worker.onerror = (event) => reject(new Error(`plain worker failed: ${event.message}`));
    worker.postMessage({ hubUrl, audio: samples, runs, threads, timestamps }, [samples.buffer]);
  });
  worker.terminate();
  return result;
}

Object.assign(globalThis, { bench: { ours, plain, projectsBench, timelineBench, peaksBench, takeLongTasks, liveRun } });
document.body.dataset.ready = 'true';
