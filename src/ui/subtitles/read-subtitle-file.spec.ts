import { describe, expect, it } from 'vitest';
import type { SubtitleImportReply, SubtitleImportRequest } from '../../core/subtitles/subtitle-import-protocol.ts';
import { FakeWorker } from '../../testing/fake-worker.ts';
import { readSubtitleFile, type SubtitleWorker } from './read-subtitle-file.ts';

type Answer = (jobId: string) => SubtitleImportReply;

/** A subtitle worker that answers as the spec says (or never), and records whether it was stopped. */
function worker(answer: Answer | null) {
  const made: FakeWorker<SubtitleImportRequest, SubtitleImportReply>[] = [];
  const make = (): SubtitleWorker => {
    const fake = new FakeWorker<SubtitleImportRequest, SubtitleImportReply>();
    fake.postMessage = (message: SubtitleImportRequest) => {
      fake.sent.push(message);
      if (answer) queueMicrotask(() => fake.reply(answer(message.jobId)));
    };
    made.push(fake);
    return fake as unknown as SubtitleWorker;
  };
  return { made, make };
}

const srt = new File(['1\n00:00:01,000 --> 00:00:02,000\nhi\n'], 'a.srt');

describe('readSubtitleFile', () => {
  it('refuses a file over the size cap before reading it, and stops a worker that takes too long', async () => {
    const never = worker(null);
    const huge = { name: 'film.srt', size: 21 * 1024 * 1024 } as File;
    await expect(readSubtitleFile(huge, { makeWorker: never.make, encoding: null })).rejects.toThrow(/film.srt is 22.0 MB: .*reads up to 21.0 MB/);
    expect(never.made).toHaveLength(0);
    await expect(readSubtitleFile(srt, { makeWorker: never.make, encoding: null, timeLimitMs: 20 })).rejects.toThrow(/a.srt took more than 0.02 s to read and was given up/);
    expect(never.made[0].terminated).toBe(true);
  });

  it("gives the worker's cues, or its message, and always stops it", async () => {
    const ok = worker((jobId) => ({ type: 'result', jobId, result: { cues: [], skipped: 0, encoding: 'utf-8', how: 'guessed' } }));
    expect(await readSubtitleFile(srt, { makeWorker: ok.make, encoding: null })).toMatchObject({ encoding: 'utf-8' });
    const bad = worker((jobId) => ({ type: 'failed', jobId, error: { code: 'invalid-input', message: 'a.srt holds no cues' } }));
    await expect(readSubtitleFile(srt, { makeWorker: bad.make, encoding: null })).rejects.toThrow('a.srt holds no cues');
    expect([ok.made[0].terminated, bad.made[0].terminated]).toEqual([true, true]);
  });

  it('a worker that dies while reading says so', async () => {
    const dies = worker(null);
    const reading = readSubtitleFile(srt, { makeWorker: dies.make, encoding: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    dies.made[0].fire('error', { message: 'out of memory' });
    await expect(reading).rejects.toThrow('The reader of a.srt stopped (out of memory).');
  });
});
