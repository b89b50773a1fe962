import { describe, expect, it } from 'vitest';
import { transcribeAudio, type WindowDecoder } from './transcribe-audio.ts';
import { SAMPLE_RATE } from './windows.ts';

const tone = (seconds: number): Float32Array => Float32Array.from({ length: seconds * SAMPLE_RATE }, (_, i) => 0.3 * Math.sin(i / 7));

async function collect(audio: Float32Array, decode: WindowDecoder) {
  const steps = [];
  for await (const step of transcribeAudio(audio, decode)) steps.push(step);
  return steps;
}

describe('transcribeAudio', () => {
  it('walks long audio in windows, reporting progress and segments in absolute time', async () => {
    const decode: WindowDecoder = async (samples) => [{ start: 0, end: samples.length / SAMPLE_RATE - 1, text: ` ${samples.length}` }];
    const steps = await collect(tone(66), decode);
    expect(steps.map((s) => s.doneSeconds)).toEqual([29, 58, 66]);
    expect(steps.flatMap((s) => s.segments).map((s) => [s.start, s.end])).toEqual([[0, 29], [29, 58], [58, 65]]);
  });

  it('skips silent windows without decoding them', async () => {
    let calls = 0;
    const steps = await collect(new Float32Array(40 * SAMPLE_RATE), async () => (calls++, []));
    expect(calls).toBe(0);
    expect(steps.at(-1)?.doneSeconds).toBe(40);
  });

  it('retries a looping window strictly and trims what still loops', async () => {
    const modes: boolean[] = [];
    const decode: WindowDecoder = async (_s, strict) => {
      modes.push(strict);
      return [{ start: 0, end: 3, text: strict ? ' so like, like, like, like, like' : ' like, like, like, like, like, like' }];
    };
    const steps = await collect(tone(3), decode);
    expect(modes).toEqual([false, true]);
    expect(steps[0].segments[0].text).toBe('so like,');
  });
});
