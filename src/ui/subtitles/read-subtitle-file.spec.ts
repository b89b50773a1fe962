import { describe, expect, it } from 'vitest';
import type { SubtitleImportReply } from '../../core/subtitles/subtitle-import-protocol.ts';
import { readSubtitleFile, type SubtitleWorker } from './read-subtitle-file.ts';

/** A subtitle worker that answers as the spec says (or never), and records whether it was stopped. */
function worker(answer: ((post: (reply: SubtitleImportReply) => void) => void) | null) {
  const made = { posted: 0, terminated: false };
  const make = (): SubtitleWorker => {
    let onmessage: ((event: MessageEvent<SubtitleImportReply>) => void) | null = null;
    return {
      postMessage: () => {
        made.posted += 1;
        answer?.((reply) => onmessage?.({ data: reply } as MessageEvent<SubtitleImportReply>));
      },
      addEventListener: (type: string, listener: unknown) => void (type === 'message' && (onmessage = listener as typeof onmessage)),
      terminate: () => void (made.terminated = true),
    } as SubtitleWorker;
  };
  return { made, make };
}

const srt = new File(['1\n00:00:01,000 --> 00:00:02,000\nhi\n'], 'a.srt');

describe('readSubtitleFile', () => {
  it('refuses a file over the size cap before reading it, and stops a worker that takes too long', async () => {
    const never = worker(null);
    const huge = { name: 'film.srt', size: 21 * 1024 * 1024 } as File;
    await expect(readSubtitleFile(huge, { makeWorker: never.make, encoding: null })).rejects.toThrow(/film.srt is 22.0 MB: .*reads up to 21.0 MB/);
    expect(never.made.posted).toBe(0);
    await expect(readSubtitleFile(srt, { makeWorker: never.make, encoding: null, timeLimitMs: 20 })).rejects.toThrow(/a.srt took more than 0.02 s to read and was given up/);
    expect(never.made.terminated).toBe(true);
  });

  it("gives the worker's cues, or its message, and always stops it", async () => {
    const ok = worker((post) => post({ type: 'imported', cues: [], skipped: 0, encoding: 'utf-8', how: 'guessed' }));
    expect(await readSubtitleFile(srt, { makeWorker: ok.make, encoding: null })).toMatchObject({ encoding: 'utf-8' });
    const bad = worker((post) => post({ type: 'failed', error: { code: 'invalid-input', message: 'a.srt holds no cues' } }));
    await expect(readSubtitleFile(srt, { makeWorker: bad.make, encoding: null })).rejects.toThrow('a.srt holds no cues');
    expect([ok.made.terminated, bad.made.terminated]).toEqual([true, true]);
  });
});
