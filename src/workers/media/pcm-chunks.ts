import { AudioSampleSink, type AudioSample, type InputAudioTrack } from 'mediabunny';
import { createResampler, downmix, type Resampler } from '../../core/media/resampler.ts';
import { SAMPLE_RATE } from '../../core/transcribe/windows.ts';

/** Chunks are gathered to about this many seconds: fewer, larger messages between workers. */
const CHUNK_SECONDS = 1;
/** A jump in timestamps larger than this is a gap in the track, filled with silence. */
const GAP_SECONDS = 0.02;

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

/** Silence for any gap in the track before `sample`, at its rate; nothing before time 0 is kept. */
function gapBefore(sample: AudioSample, position: number): Float32Array | null {
  const gap = sample.timestamp - position > GAP_SECONDS ? Math.round((sample.timestamp - position) * sample.sampleRate) : 0;
  return gap > 0 ? new Float32Array(gap) : null;
}

const framesBeforeZero = (sample: AudioSample): number => Math.min(sample.numberOfFrames, Math.max(0, Math.round(-sample.timestamp * sample.sampleRate)));

function join(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The track's audio as 16 kHz mono on the media's own timeline, decoded (WebCodecs, through
 * mediabunny) and resampled a piece at a time, in chunks of about a second.
 */
export async function* pcmChunks(track: InputAudioTrack): AsyncGenerator<Float32Array> {
  const scratch = new Scratch();
  let resampler: Resampler | null = null;
  let parts: Float32Array[] = [];
  let [position, held] = [0, 0];
  for await (const sample of new AudioSampleSink(track).samples()) {
    try {
      resampler ??= createResampler(sample.sampleRate, SAMPLE_RATE);
      const gap = gapBefore(sample, position);
      const mono = scratch.mono(sample, framesBeforeZero(sample));
      for (const input of gap ? [gap, mono] : [mono]) {
        const out = resampler.push(input);
        parts.push(out);
        held += out.length;
      }
      position = Math.max(position, sample.timestamp + sample.duration);
    } finally {
      sample.close();
    }
    if (held < CHUNK_SECONDS * SAMPLE_RATE) continue;
    yield join(parts);
    [parts, held] = [[], 0];
  }
  if (resampler) parts.push(resampler.flush());
  if (parts.length > 0) yield join(parts);
}
