import { describe, expect, it } from 'vitest';
import { word, type Word } from '../subtitles/cue.ts';
import { FIRST_PASS_SECONDS, liveCaptions, type LiveAudio, type LiveDecoder, type LiveUpdate } from './live-captions.ts';

const RATE = 16_000;
const FRAME = 512 / RATE;

/** Two utterances with a pause between: a word every 0.5 s. */
const SCRIPT: Word[] = [
  ...'and so my fellow Americans'.split(' ').map((t, i) => word(1 + i * 0.5, 1.4 + i * 0.5, t)),
  ...'ask not what your country can do'.split(' ').map((t, i) => word(6 + i * 0.5, 6.4 + i * 0.5, t)),
];
const TOTAL = 12;
const speaking = (t: number): boolean => SCRIPT.some((w) => t >= w.start - 0.05 && t <= w.end + 0.1);

/** Audio arriving `chunk` seconds at a time, with its speech probabilities from the script. */
function fakeAudio(chunk: number): LiveAudio & { advance: (s: number) => void } {
  let heard = 0;
  const audio = {
    advance: (s: number) => void (heard = Math.min(TOTAL, heard + s)),
    heard: () => heard,
    ended: () => heard >= TOTAL,
    more: async () => audio.advance(chunk),
    // The samples carry their start time, so the decoder can tell what it was given.
    samples: (from: number, to: number) => Float32Array.of(from, to),
    keepFrom: () => undefined,
    speech: async () => Array.from({ length: Math.floor(heard / FRAME) }, (_, i) => (speaking(i * FRAME) ? 0.9 : 0.05)),
  };
  return audio;
}

/** Hears the script's words inside the audio it is given; the last word is misheard while it was cut short. */
const decoder: LiveDecoder = async (samples) => {
  const [from, to] = samples;
  const heard = SCRIPT.filter((w) => w.start >= from && w.start < to).map((w) => word(w.start - from, Math.min(w.end, to) - from, w.text));
  const last = heard.at(-1);
  if (last && SCRIPT.find((w) => w.text === last.text)!.end > to) heard[heard.length - 1] = word(last.start, last.end, 'uh');
  return heard;
};

/** `decodeSeconds`: audio that arrives while each pass decodes. */
async function run(chunk: number, decodeSeconds = 0): Promise<LiveUpdate[]> {
  const audio = fakeAudio(chunk);
  const slow: LiveDecoder = async (samples, quality, prefix) => {
    audio.advance(decodeSeconds);
    return decoder(samples, quality, prefix);
  };
  const updates: LiveUpdate[] = [];
  for await (const update of liveCaptions(audio, slow, 'best')) updates.push(update);
  return updates;
}

describe('live captions', () => {
  it('commits every word once, in order, never a misheard tail; each pause makes cues', async () => {
    const updates = await run(0.25);
    const committed = updates.flatMap((u) => u.commit.map((w) => w.text));
    expect(committed.join(' ')).toBe(SCRIPT.map((w) => w.text).join(' '));
    const cues = updates.flatMap((u) => u.cues);
    expect(cues.map((c) => c.text).join(' ')).toBe('and so my fellow Americans ask not what your country can do');
    expect(cues[0].start).toBeCloseTo(1, 5);
    // Text is committed while the utterance is still going on, not only when it ends.
    const firstCommit = updates.findIndex((u) => u.commit.length > 0);
    expect(updates[firstCommit].cues).toEqual([]);
    expect(updates[firstCommit].tentative.length).toBeGreaterThan(0);
  });

  it('says when it is behind and gives up Best for Fast', async () => {
    // 4 s of audio arrive while each pass decodes.
    const updates = await run(0.25, 4);
    expect(updates[0].pace).toEqual({ quality: 'fast', stepSeconds: 1, behind: true });
    expect(updates[0].behindSeconds).toBe(4);
    expect(updates[1].pace.stepSeconds).toBe(2);
    expect(updates.flatMap((u) => u.commit.map((w) => w.text)).join(' ')).toBe(SCRIPT.map((w) => w.text).join(' '));
  });

  it('a stop just after a pass finishes the utterance with what that pass heard, without decoding again', async () => {
    let [passes, atStop] = [0, 0];
    const audio = fakeAudio(0.25);
    // The capture stops 0.5 s after a pass over the second utterance, while it is still being spoken.
    let ended = false;
    const stopping = { ...audio, ended: () => ended || audio.ended() };
    const counting: LiveDecoder = async (samples, quality, prefix) => {
      passes += 1;
      if (audio.heard() >= 8 && !ended) [ended, atStop] = [true, passes, audio.advance(0.5)];
      return decoder(samples, quality, prefix);
    };
    const updates: LiveUpdate[] = [];
    for await (const update of liveCaptions(stopping, counting, 'fast')) updates.push(update);
    expect(updates.at(-1)!.cues.length).toBeGreaterThan(0);
    expect(updates.at(-1)!.tentative).toEqual([]);
    expect(passes).toBe(atStop);
    expect(updates.flatMap((u) => u.commit.map((w) => w.text)).join(' ')).toBe('and so my fellow Americans ask not what your uh'); // the last pass's hypothesis, cut-off word and all
  });

  it("gives each pass the utterance's committed words as its prefix, and none to a new utterance's first pass", async () => {
    const audio = fakeAudio(0.25);
    const committed: Word[] = [];
    const seen: { from: number; to: number; prefix: string; expected: string }[] = [];
    const recording: LiveDecoder = async (samples, quality, prefix) => {
      const expected = committed.filter((w) => w.start >= samples[0]).map((w) => w.text).join('');
      seen.push({ from: samples[0], to: samples[1], prefix, expected });
      return decoder(samples, quality, prefix);
    };
    for await (const update of liveCaptions(audio, recording, 'fast')) committed.push(...update.commit);
    expect(seen.every((p) => p.prefix === p.expected)).toBe(true);
    expect(seen.filter((p) => p.prefix !== '').length).toBeGreaterThan(2);
    const secondUtterance = seen.find((p) => p.from > 3)!;
    expect(secondUtterance.prefix).toBe('');
    // No pass over an utterance still going on and shorter than FIRST_PASS_SECONDS (both are longer here).
    expect(Math.min(...seen.map((p) => p.to - p.from))).toBeGreaterThanOrEqual(FIRST_PASS_SECONDS);
  });
});
