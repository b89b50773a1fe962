import { describe, expect, it } from 'vitest';
import { pcmMessages } from './pcm-messages.ts';

describe('pcmMessages', () => {
  it('sends the samples in order, in copies, then the end', () => {
    const audio = Float32Array.from({ length: 16_000 * 70 }, (_, i) => i % 7);
    const messages = pcmMessages(audio);
    expect(messages.map((m) => m.type)).toEqual(['pcm', 'pcm', 'pcm', 'end']);
    const joined = new Float32Array(audio.length);
    let at = 0;
    for (const m of messages) if (m.type === 'pcm') joined.set(m.samples, (at += m.samples.length) - m.samples.length);
    expect(at).toBe(audio.length);
    expect(joined.every((v, i) => v === audio[i])).toBe(true);
    expect(messages[0].type === 'pcm' && messages[0].samples.buffer).not.toBe(audio.buffer);
  });

  it('an empty recording is just the end', () => {
    expect(pcmMessages(new Float32Array(0))).toEqual([{ type: 'end' }]);
  });
});
