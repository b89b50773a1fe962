import { Tensor } from 'onnxruntime-web/webgpu';
import type { LiveAudio } from '../../core/live/live-captions.ts';
import type { Profiler } from '../../core/transcribe/decode-profile.ts';
import type { AudioStream } from './audio-stream.ts';
import { Probabilities } from './probabilities.ts';
import { SileroStream, VAD_FRAME } from './silero-vad.ts';
import { vadSession } from './vad-session.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** Captured audio as the live loop reads it: Silero follows it a whole frame at a time (the last partial one once it ends). */
export async function liveAudio(stream: AudioStream, profile: Profiler): Promise<LiveAudio> {
  const vad = new SileroStream(await vadSession(), Tensor);
  const probs = new Probabilities();
  let processed = 0;
  const at = (seconds: number): number => Math.round(seconds * SAMPLE_RATE);
  return Object.freeze({
    heard: () => stream.seconds,
    ended: () => stream.ended,
    more: () => stream.more(),
    samples: (from: number, to: number) => stream.buffer.subarray(at(from), at(to)),
    keepFrom: (seconds: number) => stream.keepFrom(seconds),
    speech: async () => {
      const end = stream.buffer.end;
      const upTo = stream.ended ? end : end - ((end - processed) % VAD_FRAME);
      if (upTo > processed) probs.append(await profile.time('voice detection', () => vad.probabilities(stream.buffer.subarray(processed, upTo))));
      processed = Math.max(processed, upTo);
      return probs.all;
    },
  });
}
