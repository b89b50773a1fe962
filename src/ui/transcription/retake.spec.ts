import { describe, expect, it } from 'vitest';
import { cue, word } from '../../core/subtitles/cue.ts';
import { takePieces } from '../../core/subtitles/take-pieces.ts';
import { OPTIONS, transcriptionHarness } from '../../testing/transcription-harness.ts';
import { FileTranscription } from './file-transcription.svelte.ts';
import { Retake } from './retake.svelte.ts';

const named = (name: string): Blob & { name: string } => Object.assign(new Blob(['x']), { name });

/** A project transcribed from ten seconds of audio, with these cues. */
async function project(texts: readonly string[]) {
  const h = transcriptionHarness({ decode: async () => new Float32Array(16_000 * 10) });
  const files = new FileTranscription(h.deps);
  const retake = new Retake(h.deps);
  await files.transcribe(named('a.wav'), OPTIONS);
  h.cues(texts.map((t, i) => cue(i * 2, i * 2 + 2, t)), 10, 10);
  h.done(10);
  return { ...h, files, retake, texts: () => h.transcript.cues.map((c) => c.text) };
}

describe('Retake', () => {
  it('reads only the stretch, comes as a proposal on the media timeline, and is one undo step once accepted', async () => {
    const { retake, transcript, worker, cues, done, texts } = await project(['one', 'two to', 'three']);
    await retake.retranscribe(named('a.wav'), OPTIONS, { from: 2, to: 4 });
    expect(worker().last).toMatchObject({ type: 'transcribe', source: { seconds: 2 } });
    cues([cue(0, 2, 'two too', [word(0, 2, ' two too', 0.9)])], 2, 2);
    done(2, 100);
    expect(texts()).toEqual(['one', 'two to', 'three']); // untouched until accepted
    expect(retake.proposal?.cues.map((c) => [c.start, c.end, c.text, c.words?.[0].start])).toEqual([[2, 4, 'two too', 2]]);
    retake.settle(true);
    expect([retake.proposal, texts()]).toEqual([null, ['one', 'two too', 'three']]);
    transcript.undo();
    expect(texts()).toEqual(['one', 'two to', 'three']);
  });

  it('hears the text before the stretch as its prompt', async () => {
    const { retake, worker } = await project(['one', 'two to', 'three']);
    await retake.retranscribe(named('a.wav'), { ...OPTIONS, prompt: 'Names: Ann.' }, { from: 4, to: 6 });
    expect(worker().last).toMatchObject({ prompt: 'Names: Ann. one two to' });
  });

  it('is accepted a cue at a time: each is one undo step, the take goes once every cue is in', async () => {
    const { retake, transcript, cues, done, texts } = await project(['one', 'two to', 'three', 'four']);
    await retake.retranscribe(named('a.wav'), OPTIONS, { from: 2, to: 6 });
    cues([cue(0, 2, 'two too'), cue(2, 4, 'free')], 4, 4);
    done(4, 100);
    const [, second] = takePieces(retake.proposal!.span, retake.proposal!.cues);
    retake.acceptPiece(second);
    expect([texts(), retake.proposal === null]).toEqual([['one', 'two to', 'free', 'four'], false]);
    transcript.undo();
    expect(texts()).toEqual(['one', 'two to', 'three', 'four']);
    transcript.redo();
    retake.acceptPiece(takePieces(retake.proposal!.span, retake.proposal!.cues)[0]);
    expect([retake.proposal, texts()]).toEqual([null, ['one', 'two too', 'free', 'four']]);
  });

  it('belongs to its project: opening another sets it aside (never accepted there), reopening its own offers it again', async () => {
    const h = transcriptionHarness({ decode: async () => new Float32Array(16_000 * 10) });
    const [files, retake] = [new FileTranscription(h.deps), new Retake(h.deps)];
    const run = async (name: string, text: string): Promise<string> => {
      await files.transcribe(named(name), OPTIONS);
      h.cues([cue(0, 2, text), cue(2, 4, `${text} 2`)], 10, 10);
      h.done(10);
      return h.transcript.projectId!;
    };
    const b = await run('b.wav', 'bee');
    const a = await run('a.wav', 'ay');
    await retake.retranscribe(named('a.wav'), OPTIONS, { from: 0, to: 2 });
    h.cues([cue(0, 2, 'a better take')], 2, 2);
    h.done(2, 100);
    await h.transcript.open(b);
    expect(retake.take).toBeNull();
    retake.settle(true);
    retake.acceptPiece(takePieces(retake.proposal!.span, retake.proposal!.cues)[0]);
    expect(h.transcript.cues.map((c) => c.text)).toEqual(['bee', 'bee 2']);
    await h.transcript.open(a);
    expect(retake.take?.cues.map((c) => c.text)).toEqual(['a better take']);
    retake.settle(true);
    expect(h.transcript.cues.map((c) => c.text)).toEqual(['a better take', 'ay 2']);
  });
});
