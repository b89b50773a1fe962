import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../testing/fake-queue-runner.ts';
import type { Capture, OpenSource } from '../audio/live-capture.ts';
import { orderedWrites } from '../storage/recording-chunks.ts';
import { LiveSession, type LiveSessionDeps } from './live-session.svelte.ts';
import { Emitter } from '../../core/util/emitter.ts';
import type { RunEvents } from './transcribe-options.ts';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A live session on fakes: the model is ready at once, chunks come when the spec says, the disk is full when it says. */
function setup({ keepFails }: { keepFails: boolean }) {
  const disk: string[] = [];
  const state = { full: false, onchunk: (_: Blob): void => undefined };
  const recording = new File(['the whole recording'], 'Live microphone.webm', { type: 'audio/webm' });
  const transcription = {
    text: { heardSeconds: 3 },
    listen: () => {
      const events = new Emitter<RunEvents>();
      queueMicrotask(() => events.emit('ready', undefined));
      return events;
    },
  } as unknown as LiveSessionDeps['transcription'];
  const transcript = { cues: [], keepMedia: async () => (keepFails ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : undefined) };
  const session = new LiveSession({
    transcription,
    transcript,
    busy: () => false,
    open: async (source) => ({ source, stream: { getTracks: () => [] }, track: {} }) as unknown as OpenSource,
    capture: async (_opened, _port, onchunk) => ((state.onchunk = onchunk), { onended: () => undefined, stop: async () => recording } satisfies Capture),
    recording: () => ({
      append: orderedWrites(async (_i, chunk) => {
        if (state.full) throw new DOMException('full', 'QuotaExceededError');
        disk.push(await chunk.text());
      }),
      kept: async () => undefined,
    }),
    microphones: async () => [],
  });
  return { session, state, disk, recording };
}

describe('LiveSession recording', () => {
  it('says at once that chunks cannot be saved, and saves them in order once they can', async () => {
    const { session, state, disk } = setup({ keepFails: false });
    await session.start({ kind: 'microphone' }, OPTIONS);
    await settle();
    state.onchunk(new Blob(['1']));
    state.full = true;
    state.onchunk(new Blob(['2']));
    await settle();
    expect(session.recordingProblem).toMatch(/cannot be saved on this device as it comes \(storage is full\)/);
    state.full = false;
    state.onchunk(new Blob(['3']));
    await settle();
    expect([session.recordingProblem, disk]).toEqual([null, ['1', '2', '3']]);
  });

  it('offers the recording in memory as a download when it cannot be kept with its project at Stop', async () => {
    const { session, recording } = setup({ keepFails: true });
    await session.start({ kind: 'microphone' }, OPTIONS);
    await settle();
    await session.stop();
    expect(session.unkept).toBe(recording);
  });
});
