import { AudioSampleSink, type AudioSample, type InputAudioTrack } from 'mediabunny';
import { downmix } from '../../core/media/downmix.ts';
import { CHUNK_SECONDS } from '../../core/media/stream-limits.ts';
import { createResampler, type Resampler } from '../../core/media/resampler.ts';
import { placePiece, START, type Placement, type Timeline } from '../../core/media/sample-timeline.ts';
import type { MediaSpan } from '../../core/media/media-span.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';


/** A jump in the track's timestamps left out of the transcript's timeline (seconds). */
export type TimestampJump = NonNullable<Placement['jump']>;

/** Buffers reused from sample to sample: decoded audio is copied out of each AudioData once, into these. */
class Scratch {
  #planes: Float32Array[] = [];
  #mono = new Float32Array(0);

  /** One decoded sample as mono at its own rate, from frame `skip` on (valid until the next call). */
  mono(sample: AudioSample, skip: number): Float32Array {
    const frames = sample.numberOfFrames - skip;
    if (this.#mono.length < frames || this.#planes.length !== sample.numberOfChannels) {
      this.#planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(Math.max(frames, 4096)));
      this.#mono = new Float32Array(Math.max(frames, 4096));
    }
    const planes = this.#planes.map((plane, planeIndex) => {
      const view = plane.subarray(0, frames);
      sample.copyTo(view, { planeIndex, format: 'f32-planar', frameOffset: skip, frameCount: frames });
      return view;
    });
    return downmix(planes, this.#mono);
  }
}

function join(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** 16 kHz output of one decoded sample: placed on the timeline, resampled from its own rate. */
class Converter {
  #timeline: Timeline;
  #resampler: Resampler | null = null;
  #rate = 0;
  readonly #scratch = new Scratch();

  /** `from`: media time where output begins (what decodes before it is trimmed). */
  constructor(from = 0) {
    this.#timeline = from > 0 ? Object.freeze({ position: from, jumped: 0 }) : START;
  }

  /** Output for the sample (a rate change first flushes the old resampler); a jump, when one was left out. */
  convert(sample: AudioSample): { out: Float32Array[]; jump: TimestampJump | null } {
    const placed = placePiece(this.#timeline, { timestamp: sample.timestamp, frames: sample.numberOfFrames, sampleRate: sample.sampleRate });
    this.#timeline = placed.timeline;
    const out: Float32Array[] = [];
    if (sample.sampleRate !== this.#rate) {
      if (this.#resampler) out.push(this.#resampler.flush());
      [this.#resampler, this.#rate] = [createResampler(sample.sampleRate, SAMPLE_RATE), sample.sampleRate];
    }
    const resampler = this.#resampler!;
    if (placed.silence > 0) out.push(resampler.push(new Float32Array(placed.silence)));
    if (placed.skip < sample.numberOfFrames) out.push(resampler.push(this.#scratch.mono(sample, placed.skip)));
    return { out, jump: placed.jump };
  }

  flush(): Float32Array[] {
    return this.#resampler ? [this.#resampler.flush()] : [];
  }
}

/**
 * The track's audio as 16 kHz mono on the media's own timeline, decoded (WebCodecs, through
 * mediabunny) and resampled a piece at a time, in chunks of about a second.
 */
export async function* pcmChunks(track: InputAudioTrack, onJump: (jump: TimestampJump) => void = () => undefined, span?: MediaSpan): AsyncGenerator<Float32Array> {
  const converter = new Converter(span?.from);
  let parts: Float32Array[] = [];
  let held = 0;
  // A span is read from where it starts: the demuxer seeks, nothing before it is decoded.
  for await (const sample of new AudioSampleSink(track).samples(span?.from, span?.to)) {
    try {
      const { out, jump } = converter.convert(sample);
      if (jump) onJump(jump);
      parts.push(...out);
      held += out.reduce((n, p) => n + p.length, 0);
    } finally {
      sample.close();
    }
    if (held < CHUNK_SECONDS * SAMPLE_RATE) continue;
    yield join(parts);
    [parts, held] = [[], 0];
  }
  parts.push(...converter.flush());
  if (parts.some((p) => p.length > 0)) yield join(parts);
}
