import { takePieces } from '../../core/subtitles/take-pieces.ts';
import { describe, expect, it } from 'vitest';
import { cue, word } from '../../core/subtitles/cue.ts';
import type { TranscribeReply, TranscribeRequest } from '../../core/transcribe-protocol.ts';
import type { PcmMessage, ReaderReply, ReaderRequest } from '../../core/media-protocol.ts';
import type { ReaderLike } from './media-reading.ts';
import { Transcriber, type TranscribeOptions, type WorkerLike } from './transcriber.svelte.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { ProjectSaver } from './project-saver.svelte.ts';

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

const OPTIONS: TranscribeOptions = { repo: 'o/m', dtype: 'q8', multilingual: false, language: null, task: 'transcribe', vad: true, quality: 'auto', device: 'auto' };
const memory = (): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};
let ids = 0;
const saver = (): ProjectSaver => new ProjectSaver({ store: new MemoryProjectStore(), now: () => 0, newId: () => `p${ids++}`, keys: memory() });

/** Workers, media readers and Web Locks of a run, all fake: a spec opens, replies, kills. */
function streaming(decode: () => Promise<Float32Array> = async () => new Float32Array(16_000)) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const readers: ReturnType<typeof fakeWorker>[] = [];
  const deaths = new Map<string, () => void>();
  const transcriber = new Transcriber({
    makeWorker: () => (workers.push(fakeWorker()), workers.at(-1) as unknown as WorkerLike),
    makeReader: () => (readers.push(fakeWorker()), readers.at(-1) as unknown as ReaderLike),
    decode,
    store: saver(),
    watchLife: (lock, ondeath) => deaths.set(lock, ondeath),
  });
  const replyReader = (reply: ReaderReply): void => readers.at(-1)!.reply(reply as never);
  return { transcriber, workers, readers, deaths, replyReader, readerSent: () => readers.at(-1)!.sent as unknown as ReaderRequest[] };
}

function setup(decode: () => Promise<Float32Array> = async () => new Float32Array(16_000)) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const transcriber = new Transcriber({
    makeWorker: () => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker as unknown as WorkerLike;
    },
    decode,
    store: saver(),
  });
  return { transcriber, workers };
}

describe('Transcriber', () => {
  it('a cancel while the audio is being read stops the job from starting', async () => {
    let finish = (_: Float32Array): void => undefined;
    const { transcriber, workers } = setup(() => new Promise((resolve) => (finish = resolve)));
    const running = transcriber.transcribe(new Blob(['x']), OPTIONS);
    expect(transcriber.phase).toBe('reading');
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
    first.reply({ type: 'cues', jobId: first.sent[0].jobId, cues: [cue(0, 1, 'Hello')], doneSeconds: 1, totalSeconds: 2 });
    first.fire('error', { message: 'Uncaught RangeError: Array buffer allocation failed' });
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toContain('The transcription worker stopped (Uncaught RangeError: Array buffer allocation failed)');
    expect(transcriber.cues.map((s) => s.text)).toEqual(['Hello']);
    expect(first.terminated).toBe(true);

    await transcriber.transcribe(new Blob(['y']), OPTIONS);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toHaveLength(1);
    expect(transcriber.phase).toBe('loading');
  });

  it('a stretch transcribed again reads only that stretch, comes as a proposal on the media timeline, and is one undo step once accepted', async () => {
    const { transcriber, workers } = setup(async () => new Float32Array(16_000 * 10));
    await transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS);
    const first = workers[0];
    first.reply({ type: 'cues', jobId: first.sent[0].jobId, cues: [cue(0, 2, 'one'), cue(2, 4, 'two to'), cue(4, 6, 'three')], doneSeconds: 10, totalSeconds: 10 });
    first.reply({ type: 'done', jobId: first.sent[0].jobId, totalSeconds: 10, elapsedMs: 1000, speechSeconds: 10 });

    await transcriber.retranscribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS, { from: 2, to: 4 });
    const take = first.sent[1];
    expect(take.source.seconds).toBe(2);
    first.reply({ type: 'cues', jobId: take.jobId, cues: [cue(0, 2, 'two too', [word(0, 2, ' two too', 0.9)])], doneSeconds: 2, totalSeconds: 2 });
    first.reply({ type: 'done', jobId: take.jobId, totalSeconds: 2, elapsedMs: 100, speechSeconds: 2 });
    expect(transcriber.cues.map((c) => c.text)).toEqual(['one', 'two to', 'three']); // untouched until accepted
    expect(transcriber.proposal?.cues.map((c) => [c.start, c.end, c.text, c.words?.[0].start])).toEqual([[2, 4, 'two too', 2]]);

    transcriber.settle(true);
    expect([transcriber.proposal, transcriber.cues.map((c) => c.text)]).toEqual([null, ['one', 'two too', 'three']]);
    transcriber.transcript.undo();
    expect(transcriber.cues.map((c) => c.text)).toEqual(['one', 'two to', 'three']);
  });

  it('a new take is accepted a cue at a time: each is one undo step, the take goes once every cue is in', async () => {
    const { transcriber, workers } = setup(async () => new Float32Array(16_000 * 10));
    await transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS);
    const first = workers[0];
    first.reply({ type: 'cues', jobId: first.sent[0].jobId, cues: [cue(0, 2, 'one'), cue(2, 4, 'two to'), cue(4, 6, 'three'), cue(6, 8, 'four')], doneSeconds: 10, totalSeconds: 10 });
    first.reply({ type: 'done', jobId: first.sent[0].jobId, totalSeconds: 10, elapsedMs: 1000, speechSeconds: 10 });
    await transcriber.retranscribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS, { from: 2, to: 6 });
    const take = first.sent[1];
    first.reply({ type: 'cues', jobId: take.jobId, cues: [cue(0, 2, 'two too'), cue(2, 4, 'free')], doneSeconds: 4, totalSeconds: 4 });
    first.reply({ type: 'done', jobId: take.jobId, totalSeconds: 4, elapsedMs: 100, speechSeconds: 4 });

    const [, second] = takePieces(transcriber.proposal!.span, transcriber.proposal!.cues);
    transcriber.acceptPiece(second);
    expect(transcriber.cues.map((c) => c.text)).toEqual(['one', 'two to', 'free', 'four']);
    expect(transcriber.proposal).not.toBeNull();
    transcriber.transcript.undo();
    expect(transcriber.cues.map((c) => c.text)).toEqual(['one', 'two to', 'three', 'four']);
    transcriber.transcript.redo();
    const [firstPiece] = takePieces(transcriber.proposal!.span, transcriber.proposal!.cues);
    transcriber.acceptPiece(firstPiece);
    expect([transcriber.proposal, transcriber.cues.map((c) => c.text)]).toEqual([null, ['one', 'two too', 'free', 'four']]);
  });

  it("a take belongs to its project: opening another sets it aside (never accepted there), reopening its own offers it again", async () => {
    const { transcriber, workers } = setup(async () => new Float32Array(16_000 * 10));
    const run = async (name: string, text: string) => {
      await transcriber.transcribe(Object.assign(new Blob(['x']), { name }), OPTIONS);
      const job = workers[0].sent.at(-1)!.jobId;
      workers[0].reply({ type: 'cues', jobId: job, cues: [cue(0, 2, text), cue(2, 4, `${text} 2`)], doneSeconds: 10, totalSeconds: 10 });
      workers[0].reply({ type: 'done', jobId: job, totalSeconds: 10, elapsedMs: 1000, speechSeconds: 10 });
      return transcriber.transcript.projectId!;
    };
    const b = await run('b.wav', 'bee');
    const a = await run('a.wav', 'ay');
    await transcriber.retranscribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS, { from: 0, to: 2 });
    const take = workers[0].sent.at(-1)!;
    workers[0].reply({ type: 'cues', jobId: take.jobId, cues: [cue(0, 2, 'a better take')], doneSeconds: 2, totalSeconds: 2 });
    workers[0].reply({ type: 'done', jobId: take.jobId, totalSeconds: 2, elapsedMs: 100, speechSeconds: 2 });

    await transcriber.transcript.open(b);
    expect(transcriber.take).toBeNull();
    transcriber.settle(true);
    transcriber.acceptPiece(takePieces(transcriber.proposal!.span, transcriber.proposal!.cues)[0]);
    expect(transcriber.cues.map((c) => c.text)).toEqual(['bee', 'bee 2']);
    await transcriber.transcript.open(a);
    expect(transcriber.take?.cues.map((c) => c.text)).toEqual(['a better take']);
    transcriber.settle(true);
    expect(transcriber.cues.map((c) => c.text)).toEqual(['a better take', 'ay 2']);
  });

  it('a worker that answered `error` is replaced: a lost GPU device does not fail every later run', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'a.wav' }), OPTIONS);
    const first = workers[0];
    first.reply({ type: 'error', jobId: first.sent[0].jobId, error: { code: 'crashed', message: 'WebGPU device lost' } });
    expect([transcriber.phase, transcriber.error?.message]).toEqual(['failed', 'WebGPU device lost']);
    expect(first.terminated).toBe(true);
    await transcriber.transcribe(new Blob(['y']), OPTIONS);
    expect(workers).toHaveLength(2);
  });

  it('an unreadable reply (messageerror) is a failure too, not a panel stuck on loading', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    workers[0].fire('messageerror', {});
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toContain('a reply could not be read');
  });

  it('audio shorter than 0.1 s gets a clear message and keeps the transcript there was', async () => {
    const { transcriber, workers } = setup(async () => new Float32Array(160));
    await transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'blip.wav' }), OPTIONS);
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toBe('blip.wav is too short to transcribe (0.01 s of audio). Whisper needs at least 0.1 s: pick or record something longer.');
    expect(workers).toHaveLength(0);
  });

  it('decodes with beams under 10 minutes and greedily above, unless told', async () => {
    const short = setup(async () => new Float32Array(16_000 * 60));
    await short.transcriber.transcribe(new Blob(['x']), OPTIONS);
    const long = setup(async () => new Float32Array(16_000 * 601));
    await long.transcriber.transcribe(new Blob(['x']), OPTIONS);
    const forced = setup(async () => new Float32Array(16_000 * 601));
    await forced.transcriber.transcribe(new Blob(['x']), { ...OPTIONS, quality: 'best' });
    expect([short, long, forced].map((s) => s.workers[0].sent[0].quality)).toEqual(['best', 'fast', 'best']);
  });

  it('a run that finds no words ends as "no speech", not as an error', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    const jobId = workers[0].sent[0].jobId;
    workers[0].reply({ type: 'cues', jobId, cues: [], doneSeconds: 1, totalSeconds: 1 });
    workers[0].reply({ type: 'done', jobId, totalSeconds: 1, elapsedMs: 5, speechSeconds: 0 });
    expect([transcriber.phase, transcriber.noSpeech, transcriber.error]).toEqual(['done', true, null]);
  });

  it('an edit keeps a cue\'s word timings only while its text is unchanged', async () => {
    const { transcriber, workers } = setup();
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    const words = [word(0, 0.5, ' Ask'), word(0.5, 1, ' not')];
    workers[0].reply({ type: 'cues', jobId: workers[0].sent[0].jobId, cues: [cue(0, 1, 'Ask not', words), cue(2, 3, 'x', words)], doneSeconds: 1, totalSeconds: 1 });
    transcriber.transcript.edit(0, { end: 1.2 });
    transcriber.transcript.edit(1, { text: 'Ask now' });
    expect(transcriber.cues.map((s) => s.words?.length)).toEqual([2, undefined]);
  });

  it('sends a file decoded whole through a port like a streamed one: its samples, then the end', async () => {
    const { transcriber, workers } = setup(async () => new Float32Array(16_000 * 45).fill(0.25));
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    const { port, seconds } = workers[0].sent[0].source;
    expect(seconds).toBe(45);
    const received: PcmMessage[] = [];
    await new Promise<void>((resolve) => {
      port.onmessage = (event: MessageEvent<PcmMessage>) => {
        received.push(event.data);
        if (event.data.type === 'end') resolve();
      };
    });
    port.close();
    expect(received.map((m) => m.type)).toEqual(['pcm', 'pcm', 'end']);
    expect(received.reduce((n, m) => n + (m.type === 'pcm' ? m.samples.length : 0), 0)).toBe(16_000 * 45);
  });

  it('reports this device\'s speed after a run long enough to tell', async () => {
    const measured: unknown[] = [];
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const transcriber = new Transcriber({
      makeWorker: () => (workers.push(fakeWorker()), workers.at(-1) as unknown as WorkerLike),
      decode: async () => new Float32Array(16_000 * 10),
      store: saver(),
      onmeasured: (r) => measured.push(r),
      // Automatic decoding as this device's measurements say (core/catalog/recommend.ts).
      autoQuality: (repo, seconds) => (repo === 'o/m' && seconds === 10 ? 'fast' : 'beam'),
    });
    await transcriber.transcribe(new Blob(['x']), OPTIONS);
    const jobId = workers[0].sent[0].jobId;
    expect(workers[0].sent[0]).toMatchObject({ type: 'transcribe', quality: 'fast' });
    workers[0].reply({ type: 'ready', jobId, device: 'wasm', reason: 'Auto', threads: 2, loadMs: 1, modelsInMemory: 1 });
    workers[0].reply({ type: 'done', jobId, totalSeconds: 10, elapsedMs: 2000, speechSeconds: 8 });
    expect(measured).toEqual([{ repo: 'o/m', device: 'wasm', quality: 'fast', rtf: 0.2 }]);
  });

  it('streams what the reader can read: the worker gets a port, reading shows its progress, done stops the reader', async () => {
    const { transcriber, workers, readers, replyReader, readerSent } = streaming();
    const running = transcriber.transcribe(Object.assign(new Blob(['x']), { name: 'talk.webm' }), OPTIONS);
    expect(readerSent()).toMatchObject([{ type: 'open' }]);
    replyReader({ type: 'opened', seconds: 3600 });
    await running;
    expect(readerSent().map((m) => m.type)).toEqual(['open', 'start']);
    const request = workers[0].sent[0];
    expect(request.source).toMatchObject({ seconds: 3600 });
    expect(request.quality).toBe('fast');
    replyReader({ type: 'progress', seconds: 900 });
    expect(transcriber.readPercent).toBe(25);
    workers[0].reply({ type: 'done', jobId: request.jobId, totalSeconds: 3600, elapsedMs: 1, speechSeconds: 1 });
    expect(readers[0].terminated).toBe(true);
  });

  it('decodes the whole file in the page when the reader cannot read it', async () => {
    const { transcriber, workers, readers, replyReader } = streaming(async () => new Float32Array(16_000 * 2));
    const running = transcriber.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'unsupported', reason: 'no decoder for ac3' });
    await running;
    expect(readers[0].terminated).toBe(true);
    expect(workers[0].sent[0].source).toMatchObject({ seconds: 2 });
    expect(transcriber.readPercent).toBeNull();
  });

  it('a cancel while the reader opens the file starts nothing and stops the reader', async () => {
    const { transcriber, workers, readers } = streaming();
    const running = transcriber.transcribe(new Blob(['x']), OPTIONS);
    transcriber.cancel();
    await running;
    expect([transcriber.phase, workers.length, readers[0].terminated]).toEqual(['cancelled', 0, true]);
  });

  it('a reader or a worker that dies without an error event is noticed through its lock', async () => {
    const { transcriber, workers, readers, deaths, replyReader } = streaming();
    const running = transcriber.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'alive', lock: 'reader-1' });
    replyReader({ type: 'opened', seconds: 60 });
    await running;
    workers[0].reply({ type: 'alive', jobId: '', lock: 'worker-1' });
    workers[0].reply({ type: 'cues', jobId: workers[0].sent[0].jobId, cues: [cue(0, 1, 'Hello')], doneSeconds: 1, totalSeconds: 60 });
    deaths.get('reader-1')!();
    expect(transcriber.phase).toBe('failed');
    expect(transcriber.error?.message).toBe('The media reader stopped (it was closed or crashed). The cues done so far are kept; press Transcribe to try again.');
    expect([workers[0].terminated, readers[0].terminated]).toEqual([true, true]);
    expect(transcriber.cues.map((s) => s.text)).toEqual(['Hello']);

    const again = transcriber.transcribe(new Blob(['y']), OPTIONS);
    replyReader({ type: 'opened', seconds: 60 });
    await again;
    workers[1].reply({ type: 'alive', jobId: '', lock: 'worker-2' });
    deaths.get('worker-1')!(); // the old worker's lock: it is gone already, nothing to say
    expect(transcriber.phase).toBe('loading');
    deaths.get('worker-2')!();
    expect(transcriber.error?.message).toContain('The transcription worker stopped (it was closed or crashed)');
  });

  it('a live session: the model ready lets capture begin, live words and cues come in, the end is told to the session, not the queue', () => {
    const { transcriber, workers } = setup();
    const ends: string[] = [];
    let ready = 0;
    transcriber.onended = () => ends.push('queue');
    const { port2 } = new MessageChannel();
    transcriber.listen(port2, 'Live microphone', OPTIONS, { onready: () => (ready += 1), onend: (end) => ends.push(end.phase) });
    const request = workers[0].sent[0] as unknown as { type: string; quality: string; jobId: string };
    expect([request.type, request.quality, ready]).toEqual(['live', 'fast', 0]);
    const jobId = request.jobId;
    workers[0].reply({ type: 'ready', jobId, device: 'wasm', reason: '', threads: 2, loadMs: 1, modelsInMemory: 1 });
    expect(ready).toBe(1);
    const words = [word(1, 1.4, 'And'), word(1.5, 1.9, 'so')];
    const live = { type: 'live', jobId, tentative: [], heardSeconds: 3, behindSeconds: 0.5, behind: false, quality: 'fast', peaks: new Uint8Array(150) } as const;
    workers[0].reply({ ...live, commit: words.slice(0, 1), tentative: words.slice(1), cues: [] });
    expect(transcriber.live.committed.map((w) => w.text)).toEqual(['And']);
    expect(transcriber.live.tentative.map((w) => w.text)).toEqual(['so']);
    workers[0].reply({ ...live, commit: words.slice(1), cues: [cue(1, 1.9, 'And so', words)] });
    expect(transcriber.live.committed.map((w) => w.text)).toEqual(['And', 'so']);
    expect(transcriber.cues.map((c) => c.text)).toEqual(['And so']);
    expect(transcriber.transcript.peaks.length).toBe(300);
    workers[0].reply({ type: 'done', jobId, totalSeconds: 3, elapsedMs: 3000, speechSeconds: 0 });
    expect(ends).toEqual(['done']);
    expect(transcriber.phase).toBe('done');
  });
});
