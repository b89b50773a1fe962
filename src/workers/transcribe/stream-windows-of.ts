import { Tensor } from 'onnxruntime-web/webgpu';
import { VAD_STEP_SECONDS } from '../../core/media/stream-limits.ts';
import { NO_PROFILE, type Profiler } from '../../core/transcribe/decode-profile.ts';
import { settledWindows } from '../../core/transcribe/stream-windows.ts';
import { windowOf, type SpeechWindow } from '../../core/transcribe/speech-windows.ts';
import { WINDOW_SECONDS } from '../../core/transcribe/windows.ts';
import type { AudioStream } from './audio-stream.ts';
import { SileroStream, VAD_FRAME } from './silero-vad.ts';
import { Probabilities } from './probabilities.ts';
import { vadSession } from './vad-session.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** Audio read by Silero between two looks for settled windows. */
const VAD_STEP_SAMPLES = VAD_STEP_SECONDS * SAMPLE_RATE - ((VAD_STEP_SECONDS * SAMPLE_RATE) % VAD_FRAME);

/**
 * Windows of speech from a stream being read: Silero follows the audio as it arrives and a
 * window is handed out as soon as it is settled, so Whisper starts on the first minutes while
 * the rest is read. Audio before what the next windows can need is let go.
 */
export async function* streamedSpeechWindows(stream: AudioStream, profile: Profiler = NO_PROFILE): AsyncGenerator<SpeechWindow> {
  const vad = new SileroStream(await vadSession(), Tensor);
  const probs = new Probabilities();
  let [processed, committedEnd] = [0, 0];
  for (;;) {
    const available = stream.buffer.end - processed;
    const ended = stream.ended;
    const take = Math.min(VAD_STEP_SAMPLES, ended ? available : available - (available % VAD_FRAME));
    if (take > 0) probs.append(await profile.time('voice detection', () => vad.probabilities(stream.buffer.subarray(processed, processed + take))));
    processed += Math.max(0, take);
    const done = ended && processed >= stream.buffer.end;
    if (take > 0 || done) {
      const cut = settledWindows(probs.all, done, committedEnd);
      yield* cut.windows;
      committedEnd = cut.committedEnd;
      stream.keepFrom(cut.keepFrom);
    }
    if (done) return;
    if (take <= 0) await stream.more();
  }
}

/** Without speech detection: consecutive 30 s windows, each handed out once it is read. */
export async function* streamedFixedWindows(stream: AudioStream): AsyncGenerator<SpeechWindow> {
  for (let start = 0; ; ) {
    const heard = stream.seconds;
    if (heard - start >= WINDOW_SECONDS || (stream.ended && heard > start)) {
      yield windowOf([{ start, end: Math.min(heard, start + WINDOW_SECONDS) }]);
      start += WINDOW_SECONDS;
      stream.keepFrom(start);
    } else if (stream.ended) return;
    else await stream.more();
  }
}
