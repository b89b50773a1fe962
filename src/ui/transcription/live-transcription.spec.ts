import { describe, expect, it } from 'vitest';
import { cue, word } from '../../core/subtitles/cue.ts';
import { OPTIONS, transcriptionHarness } from '../../testing/transcription-harness.ts';
import { LiveTranscription } from './live-transcription.svelte.ts';

describe('LiveTranscription', () => {
  it('the model ready lets capture begin, live words and cues come in, and the end is told to the run', () => {
    const h = transcriptionHarness();
    const live = new LiveTranscription(h.deps);
    const events: string[] = [];
    const run = live.listen(new MessageChannel().port2, 'Live microphone', OPTIONS)!;
    run.on('ready', () => events.push('ready'));
    run.on('ended', (end) => events.push(end.phase));
    expect(h.worker().last).toMatchObject({ type: 'live', quality: 'fast' });
    expect(live.listen(new MessageChannel().port2, 'Second', OPTIONS)).toBeNull(); // one transcription at a time
    h.tell({ type: 'ready', device: 'wasm', reason: '', threads: 2, loadMs: 1, modelsInMemory: 1 });
    expect(events).toEqual(['ready']);
    const words = [word(1, 1.4, 'And'), word(1.5, 1.9, 'so')];
    const update = { type: 'live', tentative: [], heardSeconds: 3, behindSeconds: 0.5, behind: false, quality: 'fast', peaks: new Uint8Array(150) } as const;
    h.tell({ ...update, commit: words.slice(0, 1), tentative: words.slice(1), cues: [] });
    expect([live.text.committed.map((w) => w.text), live.text.tentative.map((w) => w.text)]).toEqual([['And'], ['so']]);
    h.tell({ ...update, commit: words.slice(1), cues: [cue(1, 1.9, 'And so', words)] });
    expect(live.text.committed.map((w) => w.text)).toEqual(['And', 'so']);
    expect([h.transcript.cues.map((c) => c.text), h.transcript.peaks.length]).toEqual([['And so'], 300]);
    h.done(3, 3000);
    expect([events, h.status.phase]).toEqual([['ready', 'done'], 'done']);
  });

  it('a worker that dies ends the session with what happened, keeping its cues', () => {
    const h = transcriptionHarness();
    const live = new LiveTranscription(h.deps);
    const ends: string[] = [];
    live.listen(new MessageChannel().port2, 'Live microphone', OPTIONS)!.on('ended', (end) => ends.push(end.error?.message ?? ''));
    h.worker().fire('error', { message: 'out of memory' });
    expect(ends).toEqual(['The transcription worker stopped (out of memory). The cues done so far are kept; press Transcribe to try again.']);
  });
});
