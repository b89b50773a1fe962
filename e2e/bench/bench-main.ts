import type { TranscribeReply, TranscribeRequest } from '../../src/core/transcribe-protocol.ts';
import { decodeAudio } from '../../src/ui/audio/decode-audio.ts';

/** Audio for the runs: a file decoded as the app does, optionally repeated into a longer clip. */
async function audio(url: string, repeat: number): Promise<Float32Array> {
  const once = await decodeAudio(await (await fetch(url)).blob());
  const out = new Float32Array(once.length * repeat);
  for (let i = 0; i < repeat; i++) out.set(once, i * once.length);
  return out;
}

/** Our transcription worker: load once, then `runs` transcriptions; times from its own replies. */
async function ours(url: string, repeat: number, runs: number, threads: number) {
  const worker = new Worker(new URL('../../src/workers/transcribe.worker.ts', import.meta.url), { type: 'module' });
  const results: { loadMs: number; ms: number; text: string }[] = [];
  for (let i = 0; i < runs; i++) {
    const samples = await audio(url, repeat);
    const request: TranscribeRequest = { type: 'transcribe', jobId: `b${i}`, repo: 'Xenova/whisper-tiny', dtype: 'q8', audio: samples, language: 'english', task: 'transcribe', multilingual: true, threads, vad: true, quality: 'best' };
    results.push(
      await new Promise((resolve, reject) => {
        worker.onerror = (event) => reject(new Error(`our worker failed: ${event.message}`));
        let loadMs = 0;
        let text = '';
        worker.onmessage = ({ data }: MessageEvent<TranscribeReply>) => {
          if (data.type === 'ready') loadMs = data.loadMs;
          else if (data.type === 'segments') text += data.segments.map((s) => ` ${s.text}`).join('');
          else if (data.type === 'done') resolve({ loadMs, ms: data.elapsedMs, text });
          else if (data.type === 'error') reject(new Error(data.error.message));
        };
        worker.postMessage(request, [samples.buffer]);
      }),
    );
  }
  worker.terminate();
  return results;
}

async function plain(url: string, repeat: number, runs: number, hubUrl: string, threads?: number) {
  const worker = new Worker(new URL('./plain-asr.worker.ts', import.meta.url), { type: 'module' });
  const samples = await audio(url, repeat);
  const result = await new Promise<{ loadMs: number; runs: { ms: number; text: string }[]; threads: number }>((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data));
    worker.onerror = (event) => reject(new Error(`plain worker failed: ${event.message}`));
    worker.postMessage({ hubUrl, audio: samples, runs, threads }, [samples.buffer]);
  });
  worker.terminate();
  return result;
}

Object.assign(globalThis, { bench: { ours, plain } });
document.body.dataset.ready = 'true';
