import { AudioSampleSink, type AudioSample, type InputAudioTrack } from 'mediabunny';
import { createResampler, downmix, type Resampler } from '../../core/media/resampler.ts';
import { SAMPLE_RATE } from '../../core/transcribe/windows.ts';

/** Chunks are gathered to about this many seconds: fewer, larger messages between workers. */
const CHUNK_SECONDS = 1;
/** A jump in timestamps larger than this is a gap in the track, filled with silence. */
const GAP_SECONDS = 0.02;

function planesOf(sample: AudioSample, skip: number): Float32Array[] {
  return Array.from({ length: sample.numberOfChannels }, (_, planeIndex) => {
    const plane = new Float32Array(sample.numberOfFrames - skip);
    sample.copyTo(plane, { planeIndex, format: 'f32-planar', frameOffset: skip });
    return plane;
  });
}

/** One decoded sample as mono at its own rate, after silence for any gap before it; nothing before time 0. */
function monoOf(sample: AudioSample, position: number): Float32Array {
  const skip = Math.min(sample.numberOfFrames, Math.max(0, Math.round(-sample.timestamp * sample.sampleRate)));
  const mono = downmix(planesOf(sample, skip));
  const gap = sample.timestamp - position > GAP_SECONDS ? Math.round((sample.timestamp - position) * sample.sampleRate) : 0;
  if (gap === 0) return mono;
  const out = new Float32Array(gap + mono.length);
  out.set(mono, gap);
  return out;
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

/**
 * The track's audio as 16 kHz mono on the media's own timeline, decoded (WebCodecs, through
 * mediabunny) and resampled a piece at a time, in chunks of about a second.
 */
export async function* pcmChunks(track: InputAudioTrack): AsyncGenerator<Float32Array> {
  let resampler: Resampler | null = null;
  let parts: Float32Array[] = [];
  let [position, held] = [0, 0];
  for await (const sample of new AudioSampleSink(track).samples()) {
    try {
      resampler ??= createResampler(sample.sampleRate, SAMPLE_RATE);
      const out = resampler.push(monoOf(sample, position));
      position = Math.max(position, sample.timestamp + sample.duration);
      parts.push(out);
      held += out.length;
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
