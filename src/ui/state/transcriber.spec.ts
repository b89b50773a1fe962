import { describe, expect, it } from 'vitest';
import { segment } from '../../core/subtitles/segment.ts';
import type { TranscribeReply, TranscribeRequest } from '../../core/transcribe-protocol.ts';
import { Transcriber, type TranscribeOptions, type WorkerLike } from './transcriber.svelte.ts';
import { TranscriptStore } from './transcript-store.ts';

/** A worker whose posted requests are recorded and whose events a spec fires. */
function fakeWorker() {
  const listeners = new Map<string, ((event: never) => void)[]>();
  const worker = {
    sent: [] as TranscribeRequest[],
    terminated: false,
    postMessage(message: TranscribeRequest) {
      this.sent.push(message);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    terminate() {
      this.terminated = true;
    },
    fire(type: string, event: unknown) {
      for (const listener of listeners.get(type) ?? []) listener(event as never);
    },
    reply(reply: TranscribeReply) {
      this.fire('message', { data: reply });
    },
  };
  return worker;
}

const OPTIONS: TranscribeOptions = { repo: 'o/m', dtype: 'q8', multilingual: false, language: null, task: 'transcribe' };
const memory = (): Pick<Storage, 'getItem' | 'setItem'> => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

function setup(decode: () => Promise<Float32Array> = async () => new Float32Array(16_000)) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const transcriber = new Transcriber(
    () => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker as unknown as WorkerLike;
    },
    decode,
    new TranscriptStore(memory()),
  );
  return { transcriber, workers };
}

describe('Transcriber', () => {
  it('a cancel while the audio is being read stops the job from starting', async () => {
    let finish = (_: Float32Array): void => undefined;
    const { transcriber, workers } = setup(() => new Promise((resolve) => (finish = resolve)));
    const running = transcriber.transcribe(new Blob(['x']), OPTIONS);
    expect(transcriber.phase).toBe('decoding');
    transcriber.cancel();
    expect(transcriber.phase).toBe('cancelled');
    finish(new Float32Array(16_000));
    await running;
    expect(transcriber.phase).toBe('cancelled');
    expect(workers).toHaveLength(0);
  });

  it('a worker that fails says so, keeps the segments, and the next run gets a fresh worker', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS);
    const first = workers[0];
    first.reply({ type: 'segments', jobId: first.sent[0].jobId, segments: [segment(0, 1, 'Hello')], doneSeconds: 1, totalSeconds: 2 });
    first.fire('error', { message: 'Uncaught RangeError: Array buffer allocation failed' });
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toContain('The transcription worker stopped (Uncaught RangeError: Array buffer allocation failed)');
    expect(transcriber.segments.map((s) => s.text)).toEqual(['Hello']);
    expect(first.terminated).toBe(true);

    await transcriber.transcribe(new Blob(['y']), OPTIONS);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toHaveLength(1);
    expect(transcriber.phase).toBe('loading');
  });

  it('an unreadable reply (messageerror) is a failure too, not a panel stuck on loading', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    workers[0].fire('messageerror', {});
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toContain('a reply could not be read');
  });
});
