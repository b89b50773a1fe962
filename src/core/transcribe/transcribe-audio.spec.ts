import { describe, expect, it } from 'vitest';
import { word } from '../subtitles/cue.ts';
import { speechWindows } from './speech-windows.ts';
import { fixedWindows, transcribeWindows, type WordDecoder } from './transcribe-audio.ts';
import { spreadWords } from './words.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

const tone = (seconds: number): Float32Array => Float32Array.from({ length: seconds * SAMPLE_RATE }, (_, i) => 0.3 * Math.sin(i / 7));

async function collect(audio: Float32Array, windows: Parameters<typeof transcribeWindows>[1], decode: WordDecoder) {
  const steps = [];
  for await (const step of transcribeWindows(audio, windows, decode, () => audio.length / SAMPLE_RATE)) steps.push(step);
  return steps;
}

describe('transcribeWindows', () => {
  it('puts words heard in a window of joined speech back where they were said', async () => {
    const windows = speechWindows([{ start: 10, end: 12 }, { start: 40, end: 43 }], new Float32Array(0), 512);
    const decode: WordDecoder = async () => [word(0.5, 1, ' Hello.'), word(3, 5, ' Again.')];
    const steps = await collect(tone(60), windows, decode);
    // One window; its last cue comes once no window follows (it waits to keep a gap before the next one's first).
    expect(steps.map((s) => s.cues.length)).toEqual([1, 1]);
    expect(steps.flatMap((s) => s.cues).map((s) => [s.text, s.words![0].start])).toEqual([['Hello.', 10.5], ['Again.', 40.5]]);
    expect(steps.at(-1)).toMatchObject({ doneSeconds: 43, totalSeconds: 60 });
  });
  it('decodes again what is left of a window after the text stopped early', async () => {
    const windows = speechWindows([{ start: 0, end: 10 }, { start: 20, end: 30 }], new Float32Array(0), 512);
    const heard: number[] = [];
    const decode: WordDecoder = async (s) => {
      heard.push(s.length / SAMPLE_RATE);
      return heard.length === 1 ? [word(1, 8, ' first.')] : heard.length === 2 ? [word(1, 5, ' second.')] : [];
    };
    const steps = await collect(tone(40), windows, decode);
    expect(heard).toEqual([20.5, 12.5, 10]);
    expect(steps.flatMap((s) => s.cues).map((s) => [s.text, s.start])).toEqual([['first.', 1], ['second.', 9]]);
  });
  it('decodes the pieces after the one the text stopped in, however long the last word seems', async () => {
    const windows = speechWindows([{ start: 0, end: 10 }, { start: 20, end: 30 }], new Float32Array(0), 512);
    const heard: number[] = [];
    const decode: WordDecoder = async (s) => (heard.push(s.length / SAMPLE_RATE), heard.length === 1 ? [word(1, 19, ' first.')] : []);
    await collect(tone(40), windows, decode);
    expect(heard).toEqual([20.5, 10]);
  });
  it('walks audio without speech detection in 30 s windows, reporting progress', async () => {
    const sizes: number[] = [];
    const steps = await collect(tone(66), fixedWindows(66), async (s) => (sizes.push(s.length / SAMPLE_RATE), []));
    expect(sizes).toEqual([30, 30, 6]);
    expect(steps.map((s) => s.doneSeconds)).toEqual([30, 60, 66]);
  });
  it('does not decode silent windows', async () => {
    let calls = 0;
    await collect(new Float32Array(40 * SAMPLE_RATE), fixedWindows(40), async () => (calls++, []));
    expect(calls).toBe(0);
  });
});

describe('spreadWords', () => {
  it('shares a segment between its words by length', () => {
    const words = spreadWords(0, 3, ' ab cd ef');
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([[' ab', 0, 1], [' cd', 1, 2], [' ef', 2, 3]]);
  });
});
