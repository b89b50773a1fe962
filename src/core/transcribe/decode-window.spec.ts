import { describe, expect, it } from 'vitest';
import { saying, scriptedWhisper, T, textOf, type Script } from '../../testing/scripted-whisper.ts';
import { DecodeProfile, NO_PROFILE } from './decode-profile.ts';
import { decodeSpeechWindow, type WindowRequest } from './decode-window.ts';
import { seededRandom } from '../util/seeded-random.ts';

const SECONDS = 5;
const samples = new Float32Array(16_000 * SECONDS);
const request = (over: Partial<WindowRequest> = {}): WindowRequest => ({ beamSize: 1, greedyFirst: false, profile: NO_PROFILE, languageId: T.en, task: 'transcribe', promptIds: [], ...over });
const decode = (script: Script, over: Partial<WindowRequest> = {}) => {
  const model = scriptedWhisper(script);
  return { model, result: decodeSpeechWindow(model.decoder, samples, request(over), seededRandom(1)) };
};
const texts = (words: readonly { text: string }[]): string => words.map((w) => w.text).join('');

describe('decodeSpeechWindow (the decode loop, on a scripted model)', () => {
  it('decodes greedily to end-of-text: words in order, timed from the cross-attention, each with its probability', async () => {
    const { result } = decode(saying([1, 2, 19, 3]));
    const { words, noSpeech, temperature } = await result;
    expect([texts(words), noSpeech, temperature]).toEqual([' w1 w2, w3', false, 0]);
    // Text token k attends around 0.8 + 0.2·k s (the prompt took the first four positions); the first word starts with the audio.
    expect(words.map((w) => w.start)).toEqual([0, expect.closeTo(1, 0.15), expect.closeTo(1.4, 0.15)]);
    expect(words.every((w, i) => w.end > w.start && w.end <= (words[i + 1]?.start ?? SECONDS))).toBe(true);
    expect(words.every((w) => (w.probability ?? 0) > 0.9)).toBe(true); // 0.9 among the tokens it may write
  });

  it('feeds the prompt as previous text before start-of-transcript, then language, task and no-timestamps', async () => {
    const { model, result } = decode(saying([4]), { promptIds: [7, 8] });
    await result;
    expect(model.calls[0]).toEqual([[T.startOfPrev, 7, 8, T.sot]]);
    expect(model.calls[1]).toEqual([[T.en, T.transcribe, T.noTimestamps]]);
  });

  it('hears the language at start-of-transcript when none is given, and goes on in it', async () => {
    const { model, result } = decode(saying([5], 0.9, new Map([[T.es, 0.6], [T.en, 0.2]])), { languageId: null });
    const { language, words } = await result;
    expect(language?.code).toBe('es');
    expect(language?.probability).toBeCloseTo(0.6 / 0.8, 2);
    expect([model.calls[1], texts(words)]).toEqual([[[T.es, T.transcribe, T.noTimestamps]], ' w5']);
  });

  it('gives nothing where the model hears no speech and is unsure of the text', async () => {
    const { result } = decode(saying([6, 7], 0.2, new Map([[T.noSpeech, 0.9]])));
    expect(await result).toMatchObject({ words: [], noSpeech: true });
  });

  it('feeds a known prefix with the prompt in one first call; its words come first', async () => {
    const { model, result } = decode(saying([9, 10, 11]), { prefixIds: [9, 10] });
    const { words } = await result;
    expect(model.calls[0]).toEqual([[T.sot, T.en, T.transcribe, T.noTimestamps, 9, 10]]);
    expect(texts(words)).toBe(' w9 w10 w11');
  });

  it('finds with beams the text greedy decoding misses (a likelier whole after a less likely first token)', async () => {
    const script: Script = (seq) => {
      if (seq.at(-1) === T.sot) return new Map([[T.en, 0.9]]);
      if (!seq.includes(T.noTimestamps)) return new Map([[T.noTimestamps, 0.99]]);
      const said = textOf(seq);
      if (said.length === 0) return new Map([[1, 0.5], [2, 0.4]]);
      if (said.length === 1) return said[0] === 1 ? new Map([[3, 0.2], [4, 0.2], [5, 0.2], [6, 0.2]]) : new Map([[7, 0.95]]);
      return new Map([[T.eot, 0.95]]);
    };
    const greedy = await decode(script).result;
    const beams = await decode(script, { beamSize: 5 }).result;
    expect(texts(greedy.words).startsWith(' w1')).toBe(true);
    expect(texts(beams.words)).toBe(' w2 w7');
  });

  it('Best: greedy first, beams only when greedy met a token it was unsure of', async () => {
    const sure = new DecodeProfile(() => 0);
    await decode(saying([1, 2]), { beamSize: 5, greedyFirst: true, profile: sure }).result;
    expect(sure.data().counts['unsure windows decoded again with beams']).toBeUndefined();
    const unsure = new DecodeProfile(() => 0);
    const { result } = decode(saying([1, 2], 0.1), { beamSize: 5, greedyFirst: true, profile: unsure });
    await result;
    expect(unsure.data().counts['unsure windows decoded again with beams']).toBe(1);
  });

  it('stops a hypothesis that loops where the loop shows, and keeps one pass of it', async () => {
    const loop: Script = (seq) => (seq.at(-1) === T.sot ? new Map([[T.en, 0.9]]) : !seq.includes(T.noTimestamps) ? new Map([[T.noTimestamps, 0.99]]) : new Map([[textOf(seq).length % 2 === 0 ? 1 : 2, 0.97]]));
    const { model, result } = decode(loop);
    expect(texts((await result).words)).toBe(' w1 w2');
    expect(model.calls.length).toBeLessThan(12);
  });

  it('decodes a text the model is unsure of again at rising temperatures', async () => {
    const profile = new DecodeProfile(() => 0);
    const { result } = decode(saying([1, 2, 3], 0.25), { profile });
    const attempt = await result;
    expect(profile.data().counts['temperature fallbacks']).toBeGreaterThan(0);
    expect(attempt.noSpeech).toBe(false);
  });

  it('stops at the token budget of a short window', async () => {
    const endless: Script = (seq) => (seq.at(-1) === T.sot ? new Map([[T.en, 0.9]]) : !seq.includes(T.noTimestamps) ? new Map([[T.noTimestamps, 0.99]]) : new Map([[(textOf(seq).length * 7) % 19, 0.9]]));
    const model = scriptedWhisper(endless);
    const short = new Float32Array(16_000);
    await decodeSpeechWindow(model.decoder, short, request(), seededRandom(1));
    expect(model.calls.length).toBeLessThan(40);
  });
});
