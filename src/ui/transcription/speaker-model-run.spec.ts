import { describe, expect, it } from 'vitest';
import type { SpeakersReply, SpeakersRequest } from '../../core/speakers/speakers-protocol.ts';
import { cue } from '../../core/subtitles/cue.ts';
import { FakeWorker } from '../../testing/fake-worker.ts';
import { OPTIONS, transcriptionHarness } from '../../testing/transcription-harness.ts';
import { JobOwner, type JobWorker } from '../../workers/shared/job-owner.ts';
import { FileTranscription } from './file-transcription.svelte.ts';

type SpeakerWorker = FakeWorker<SpeakersRequest, SpeakersReply>;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const WITH_MODEL = { ...OPTIONS, speakers: 2 as const, speakerModel: { repo: 'onnx-community/pyannote-segmentation-3.0', dtype: 'q8' as const } };

/** A file transcribed to its end, with speakers asked of a downloaded model: the speaker worker has the job. */
async function transcribedWithModel() {
  const h = transcriptionHarness();
  const speakerWorkers: SpeakerWorker[] = [];
  const speakerJobs = new JobOwner<SpeakersRequest, SpeakersReply>({ spawn: () => (speakerWorkers.push(new FakeWorker()), speakerWorkers.at(-1) as unknown as JobWorker<SpeakersRequest, SpeakersReply>), name: 'The speaker worker', watchLife: () => undefined });
  const files = new FileTranscription({ ...h.deps, speakerJobs });
  const ended: string[] = [];
  files.on('ended', (end) => ended.push(end.phase));
  await files.transcribe(new File(['x'], 'talk.wav'), WITH_MODEL);
  h.cues([cue(0, 2, 'Hello there'), cue(3, 5, 'Hi')], 5, 5);
  h.done(5);
  await settle();
  return { ...h, files, ended, speakerWorker: () => speakerWorkers.at(-1)!, speakerWorkers };
}

describe('speakers found with a downloaded model after a run', () => {
  it('keeps the run busy until they are in, then labels the project it transcribed', async () => {
    const { status, transcript, ended, speakerWorker } = await transcribedWithModel();
    expect([status.phase, status.busy, status.speakerNote, ended]).toEqual(['done', true, 'Finding speakers with onnx-community/pyannote-segmentation-3.0…', []]);
    const { jobId } = speakerWorker().last;
    speakerWorker().reply({ type: 'result', jobId, result: { turns: [{ start: 0, end: 2.5, speaker: 'Speaker 1' }, { start: 2.5, end: 5, speaker: 'Speaker 2' }], chunks: 1, elapsedMs: 10 } });
    await settle();
    expect(transcript.cues.map((c) => c.speaker)).toEqual(['Speaker 1', 'Speaker 2']);
    expect([status.busy, status.speakerNote, ended]).toEqual([false, 'Speakers found with onnx-community/pyannote-segmentation-3.0 (its accuracy is not measured here): 2.', ['done']]);
  });

  it('Cancel stops the speaker worker and keeps the transcript as it was, without speakers', async () => {
    const { status, transcript, ended, speakerWorker, speakerWorkers } = await transcribedWithModel();
    status.cancel();
    await settle();
    expect([speakerWorker().terminated, status.busy, status.phase, ended]).toEqual([true, false, 'done', ['done']]);
    expect(status.speakerNote).toBe('Finding speakers was cancelled: the transcript is kept without them.');
    expect(transcript.cues.map((c) => [c.text, c.speaker])).toEqual([['Hello there', undefined], ['Hi', undefined]]);
    expect(speakerWorkers).toHaveLength(1);
  });

  it('a model that fails says why in the speaker line and leaves the transcript as it was', async () => {
    const { status, transcript, speakerWorker } = await transcribedWithModel();
    speakerWorker().reply({ type: 'failed', jobId: speakerWorker().last.jobId, error: { code: 'storage', message: 'The speaker model could not be read.' } });
    await settle();
    expect([status.busy, status.speakerNote]).toEqual([false, 'Speakers could not be found with onnx-community/pyannote-segmentation-3.0: The speaker model could not be read.']);
    expect(transcript.cues.map((c) => c.speaker)).toEqual([undefined, undefined]);
  });
});
