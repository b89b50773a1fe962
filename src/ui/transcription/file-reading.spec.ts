import { describe, expect, it } from 'vitest';
import { cue } from '../../core/subtitles/cue.ts';
import { OPTIONS, transcriptionHarness } from '../../testing/transcription-harness.ts';
import { FileTranscription } from './file-transcription.svelte.ts';

function streaming(decode?: () => Promise<Float32Array>) {
  const h = transcriptionHarness({ streaming: true, decode });
  return { ...h, files: new FileTranscription(h.deps) };
}
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('FileTranscription with the media reader', () => {
  it('streams what the reader can read: the worker gets a port, reading shows its progress, done stops the reader', async () => {
    const { files, status, worker, reader, readers, replyReader, readerJob, done } = streaming();
    const running = files.transcribe(Object.assign(new Blob(['x']), { name: 'talk.webm' }), OPTIONS);
    expect(reader().sent.map((m) => m.type)).toEqual(['open']);
    replyReader({ type: 'result', jobId: readerJob(), result: { seconds: 3600 } });
    await running;
    expect(reader().sent.map((m) => m.type)).toEqual(['open', 'read']);
    expect(worker().last).toMatchObject({ source: { seconds: 3600 }, quality: 'fast' });
    replyReader({ type: 'progress', jobId: readerJob(), progress: { done: 900, total: 3600, unit: 'seconds' } });
    expect(status.readPercent).toBe(25);
    done(3600);
    expect(readers[0].terminated).toBe(true);
  });

  it('decodes the whole file in the page when the reader cannot read it piece by piece', async () => {
    const { files, status, worker, readers, replyReader, readerJob } = streaming(async () => new Float32Array(16_000 * 2));
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'result', jobId: readerJob(), result: { seconds: null } });
    await running;
    expect([readers[0].terminated, status.readPercent]).toEqual([true, null]);
    expect(worker().last).toMatchObject({ source: { seconds: 2 } });
  });

  it("refuses media with nothing to transcribe, in the reader's words", async () => {
    const { files, status, workers, replyReader, readerJob } = streaming();
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'failed', jobId: readerJob(), error: { code: 'unsupported', message: 'clip.mp4 has no sound track.' } });
    await running;
    expect([status.phase, status.error?.message, workers.length]).toEqual(['failed', 'clip.mp4 has no sound track.', 0]);
  });

  it('a cancel while the reader opens the file starts nothing and stops the reader', async () => {
    const { files, status, workers, readers } = streaming();
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    files.cancel();
    await running;
    expect([status.phase, workers.length, readers[0].terminated]).toEqual(['cancelled', 0, true]);
  });

  it('a reader or a worker that dies without an error event is noticed through its lock', async () => {
    const { files, status, transcript, workers, readers, deaths, replyReader, readerJob, worker, cues } = streaming();
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'alive', lock: 'reader-1' });
    replyReader({ type: 'result', jobId: readerJob(), result: { seconds: 60 } });
    await running;
    worker().reply({ type: 'alive', lock: 'worker-1' });
    cues([cue(0, 1, 'Hello')], 1, 60);
    deaths.get('reader-1')!();
    expect([status.phase, status.error?.message]).toEqual(['failed', 'The media reader stopped (it was closed or crashed). The cues done so far are kept; press Transcribe to try again.']);
    expect([workers[0].terminated, readers[0].terminated, transcript.cues.map((c) => c.text)]).toEqual([true, true, ['Hello']]);

    const again = files.transcribe(new Blob(['y']), OPTIONS);
    replyReader({ type: 'result', jobId: readerJob(), result: { seconds: 60 } });
    await again;
    worker().reply({ type: 'alive', lock: 'worker-2' });
    deaths.get('worker-1')!(); // the old worker's lock: it is gone already, nothing to say
    expect(status.phase).toBe('loading');
    deaths.get('worker-2')!();
    expect(status.error?.message).toContain('The transcription worker stopped (it was closed or crashed)');
    await settle();
  });

  it('says where the media jumps, as a note beside the transcript', async () => {
    const { files, status, replyReader, readerJob } = streaming();
    const running = files.transcribe(new Blob(['x']), OPTIONS);
    replyReader({ type: 'result', jobId: readerJob(), result: { seconds: 60 } });
    await running;
    replyReader({ type: 'update', jobId: readerJob(), update: { type: 'jump', at: 12, seconds: 3 } });
    expect(status.notes).toHaveLength(1);
  });
});
