import { readFileSync } from 'node:fs';

/** Test media built from real speech (jfk.wav) and generated silence, noise and tones. */
export const RATE = 16_000;

export type Part =
  | { readonly speech: Float32Array }
  | { readonly silence: number }
  | { readonly noise: number; readonly level?: number }
  | { readonly tones: number };

/** Samples and sample rate of a 16-bit PCM mono WAV file. */
export function readWavAt(path: string): { samples: Float32Array; rate: number } {
  const wav = readFileSync(path);
  const data = wav.indexOf('data') + 8;
  const pcm = new Int16Array(wav.buffer.slice(wav.byteOffset + data, wav.byteOffset + wav.length - ((wav.length - data) % 2)));
  return { samples: Float32Array.from(pcm, (v) => v / 32768), rate: wav.readUInt32LE(24) };
}

/** Samples of a 16 kHz 16-bit PCM mono WAV file (jfk.wav, e2e/fixtures/speech). */
export function readWav(path: string): Float32Array {
  const { samples, rate } = readWavAt(path);
  if (rate !== RATE) throw new Error(`${path} is ${rate} Hz, not ${RATE}`);
  return samples;
}

/** Linear-interpolation resampling: enough for test speech. */
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  const out = new Float32Array(Math.floor((samples.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const x = (i * from) / to;
    const a = Math.floor(x);
    out[i] = samples[a] + (samples[Math.min(samples.length - 1, a + 1)] - samples[a]) * (x - a);
  }
  return out;
}

/** A deterministic pseudo-random generator, so every run hears the same noise. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function render(part: Part, next: () => number): Float32Array {
  if ('speech' in part) return part.speech;
  if ('silence' in part) return new Float32Array(Math.round(part.silence * RATE));
  if ('noise' in part) return Float32Array.from({ length: Math.round(part.noise * RATE) }, () => (next() * 2 - 1) * (part.level ?? 0.1));
  // Music-like: a few sustained notes, a new chord every half second.
  return Float32Array.from({ length: Math.round(part.tones * RATE) }, (_, i) => {
    const note = [220, 277, 330, 440][Math.floor(i / (RATE / 2)) % 4];
    return 0.08 * (Math.sin((2 * Math.PI * note * i) / RATE) + 0.5 * Math.sin((2 * Math.PI * note * 1.5 * i) / RATE));
  });
}

export interface Composed {
  readonly samples: Float32Array;
  /** Where each speech part sits, in seconds. */
  readonly speech: readonly { start: number; end: number }[];
}

export function compose(parts: readonly Part[], seed = 7): Composed {
  const next = random(seed);
  const rendered = parts.map((p) => render(p, next));
  const samples = new Float32Array(rendered.reduce((sum, r) => sum + r.length, 0));
  const speech: { start: number; end: number }[] = [];
  let at = 0;
  rendered.forEach((r, i) => {
    samples.set(r, at);
    if ('speech' in parts[i]) speech.push({ start: at / RATE, end: (at + r.length) / RATE });
    at += r.length;
  });
  return { samples, speech };
}

/** Where the voice in a clip really starts and ends: the first and last 20 ms frame above 10 % of the loudest. */
export function voiceBounds(samples: Float32Array): { start: number; end: number } {
  const frame = RATE / 50;
  const levels = Array.from({ length: Math.floor(samples.length / frame) }, (_, f) => Math.max(...samples.subarray(f * frame, (f + 1) * frame).map(Math.abs)));
  const loud = Math.max(...levels) * 0.1;
  const first = levels.findIndex((l) => l > loud);
  const last = levels.length - 1 - [...levels].reverse().findIndex((l) => l > loud);
  return { start: first / 50, end: (last + 1) / 50 };
}

/** A 16-bit PCM mono WAV file of the samples. */
export function toWav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
