import { describe, expect, it } from 'vitest';
import type { PcmAck, PcmMessage } from '../../core/media/media-protocol.ts';
import { AudioStream } from './audio-stream.ts';
import { streamedFixedWindows } from './stream-windows-of.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** A stream fed through a real MessageChannel, as the media reader feeds it. */
function feed() {
  const { port1: reader, port2 } = new MessageChannel();
  const acks: number[] = [];
  reader.onmessage = (event: MessageEvent<PcmAck>) => acks.push(event.data.seconds);
  const send = (message: PcmMessage): void => reader.postMessage(message);
  const seconds = (n: number): void => send({ type: 'pcm', samples: new Float32Array(n * SAMPLE_RATE).fill(0.1) });
  return { stream: new AudioStream(port2), send, seconds, acks, close: () => reader.close() };
}

describe('streamed windows without speech detection', () => {
  it('hands out each 30 s window once it is read, tells the reader what it may drop, and ends with the rest', async () => {
    const { stream, seconds, send, acks, close } = feed();
    const spans: [number, number][] = [];
    const done = (async () => {
      for await (const w of streamedFixedWindows(stream)) spans.push([w.pieces[0].start, w.pieces[0].end]);
    })();
    seconds(20);
    seconds(20);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(spans).toEqual([[0, 30]]);
    seconds(25);
    send({ type: 'end' });
    await done;
    expect(spans).toEqual([[0, 30], [30, 60], [60, 65]]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acks.slice(0, 2)).toEqual([30, 60]);
    expect(stream.buffer.start).toBeGreaterThanOrEqual(60 * SAMPLE_RATE);
    close();
  });

  it("keeps the reader's failure and ends the stream there", async () => {
    const { stream, seconds, send, close } = feed();
    seconds(5);
    send({ type: 'failed', error: { code: 'invalid-input', message: 'talk.webm could not be read after 5 s' } });
    const spans = [];
    for await (const w of streamedFixedWindows(stream)) spans.push(w.duration);
    expect(spans).toEqual([5]);
    expect(stream.failure?.message).toBe('talk.webm could not be read after 5 s');
    close();
  });
});
