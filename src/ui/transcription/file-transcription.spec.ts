import { describe, expect, it } from 'vitest';
import type { PcmMessage } from '../../core/media/media-protocol.ts';
import { cue, word } from '../../core/subtitles/cue.ts';
import { OPTIONS, transcriptionHarness, type HarnessOptions } from '../../testing/transcription-harness.ts';
import type { RtfRecord } from '../../core/catalog/recommend.ts';
import { FileTranscription } from './file-transcription.svelte.ts';
import type { RunEnd } from './transcribe-options.ts';

function setup(options: HarnessOptions = {}) {
  const h = transcriptionHarness(options);
  const measured: RtfRecord[] = [];
  const files = new FileTranscription({ ...h.deps, onmeasured: (r) => measured.push(r) });
  const ends: RunEnd[] = [];
  files.on('ended', (end) => ends.push(end));
  return { ...h, files, measured, ends, texts: () => h.transcript.cues.map((c) => c.text) };
}
const named = (name: string): Blob & { name: string } => Object.assign(new Blob(['x']), { name });

describe('FileTranscription', () => {
  it('a cancel while the audio is being read stops the job from starting', async () => {
    let finish = (_: Float32Array): void => undefined;
    const { files, status, workers, ends } = setup({ decode: () => new Promise((resolve) => (finish = resolve)) });
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    expect(status.phase).toBe('reading');
    files.cancel();
    expect(status.phase).toBe('cancelled');
    finish(new Float32Array(16_000));
    await running;
    expect([status.phase, workers.length, ends.map((e) => e.phase)]).toEqual(['cancelled', 0, ['cancelled']]);
  });

  it('a worker that fails says so, keeps the cues, and the next run gets a fresh worker', async () => {
    const { files, status, workers, cues, texts } = setup();
    await files.transcribe(named('a.wav'), OPTIONS);
    cues([cue(0, 1, 'Hello')], 1, 2);
    workers[0].fire('error', { message: 'Uncaught RangeError: Array buffer allocation failed' });
    expect([status.phase, status.error?.message]).toEqual(['failed', 'The transcription worker stopped (Uncaught RangeError: Array buffer allocation failed). The cues done so far are kept; press Transcribe to try again.']);
    expect([texts(), workers[0].terminated]).toEqual([['Hello'], true]);
    await files.transcribe(new Blob(['y']), OPTIONS);
    expect([workers.length, workers[1].sent.length, status.phase]).toEqual([2, 1, 'loading']);
  });

  it('a job that failed replaces its worker: a lost GPU device does not fail every later run', async () => {
    const { files, status, workers, worker } = setup();
    await files.transcribe(named('a.wav'), OPTIONS);
    worker().reply({ type: 'failed', jobId: worker().last.jobId, error: { code: 'crashed', message: 'WebGPU device lost' } });
    expect([status.phase, status.error?.message, workers[0].terminated]).toEqual(['failed', 'WebGPU device lost', true]);
    await files.transcribe(new Blob(['y']), OPTIONS);
    expect(workers).toHaveLength(2);
  });

  it('an unreadable reply (messageerror) is a failure too, not a panel stuck on loading', async () => {
    const { files, status, worker } = setup();
    await files.transcribe(new Blob(['x']), OPTIONS);
    worker().fire('messageerror', {});
    expect([status.phase, status.error?.message]).toEqual(['failed', expect.stringContaining('a message could not be read')]);
  });

  it('audio shorter than 0.1 s gets a clear message and starts nothing', async () => {
    const { files, status, workers } = setup({ decode: async () => new Float32Array(160) });
    await files.transcribe(named('blip.wav'), OPTIONS);
    expect([status.phase, status.error?.message, workers.length]).toEqual(['failed', 'blip.wav is too short to transcribe (0.01 s of audio). Whisper needs at least 0.1 s: pick or record something longer.', 0]);
  });

  it('decodes as Automatic says for media this long, unless told', async () => {
    const quality = async (seconds: number, chosen: typeof OPTIONS.quality) => {
      const h = setup({ decode: async () => new Float32Array(16_000 * seconds) });
      await h.files.transcribe(new Blob(['x']), { ...OPTIONS, quality: chosen });
      return h.worker().last.type === 'transcribe' ? (h.worker().last as { quality: string }).quality : null;
    };
    expect([await quality(60, 'auto'), await quality(601, 'auto'), await quality(601, 'best')]).toEqual(['best', 'fast', 'best']);
  });

  it('a run that finds no words ends done with no cues, not as an error', async () => {
    const { files, status, cues, done, ends } = setup();
    await files.transcribe(new Blob(['x']), OPTIONS);
    cues([], 1, 1);
    done(1, 5);
    expect([status.phase, status.error, ends.map((e) => e.phase)]).toEqual(['done', null, ['done']]);
  });

  it("an edit keeps a cue's word timings only while its text is unchanged", async () => {
    const { files, transcript, cues } = setup();
    await files.transcribe(new Blob(['x']), OPTIONS);
    const words = [word(0, 0.5, ' Ask'), word(0.5, 1, ' not')];
    cues([cue(0, 1, 'Ask not', words), cue(2, 3, 'x', words)], 1, 1);
    transcript.edit(0, { end: 1.2 });
    transcript.edit(1, { text: 'Ask now' });
    expect(transcript.cues.map((s) => s.words?.length)).toEqual([2, undefined]);
  });

  it('sends a file decoded whole through a port like a streamed one: its samples, then the end', async () => {
    const { files, worker } = setup({ decode: async () => new Float32Array(16_000 * 45).fill(0.25) });
    await files.transcribe(new Blob(['x']), OPTIONS);
    const request = worker().last;
    if (request.type !== 'transcribe') throw new Error('no transcription request');
    const { port, seconds } = request.source;
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

  it("reports this device's speed after a run long enough to tell, with the decoding Automatic chose", async () => {
    const { files, worker, tell, done, measured } = setup({ decode: async () => new Float32Array(16_000 * 10), autoQuality: (repo, seconds) => (repo === 'o/m' && seconds === 10 ? 'fast' : 'beam') });
    await files.transcribe(new Blob(['x']), OPTIONS);
    expect(worker().last).toMatchObject({ type: 'transcribe', quality: 'fast' });
    tell({ type: 'ready', device: 'wasm', reason: 'Auto', threads: 2, loadMs: 1, modelsInMemory: 1 });
    done(10, 2000);
    expect(measured).toEqual([{ repo: 'o/m', device: 'wasm', quality: 'fast', rtf: 0.2 }]);
  });

  it('says the time left from the speed so far, once enough is done', async () => {
    const { files, status, tell, cues } = setup({ decode: async () => new Float32Array(16_000 * 120) });
    await files.transcribe(new Blob(['x']), OPTIONS);
    tell({ type: 'ready', device: 'wasm', reason: 'Auto', threads: 2, loadMs: 1, modelsInMemory: 1 });
    cues([], 10, 120);
    expect(status.secondsLeft).toBeNull();
    expect(status.percent).toBe(8);
  });
});
