import { SAMPLE_RATE } from '../media/samples.ts';

/** 25 ms frames every 10 ms, as speech front ends analyse a voice. */
export const FRAME = 400;
export const HOP = 160;
const FFT_SIZE = 512;
const MELS = 40;
/** Cepstral coefficients kept: c1…c19 (c0 is loudness, which says how near the microphone, not who). */
export const CEPSTRA = 19;

/** One frame's voice: its cepstrum and its log energy (quiet frames are left out of a voice print). */
export interface VoiceFrames {
  readonly cepstra: Float32Array; // frames × CEPSTRA
  readonly energy: Float32Array; // frames
  readonly count: number;
}

const melOf = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOf = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** Triangular mel filters over the FFT's bins, 60 Hz to 7.6 kHz. */
function melFilters(): Float32Array[] {
  const [low, high] = [melOf(60), melOf(7600)];
  const edges = Array.from({ length: MELS + 2 }, (_, i) => hzOf(low + ((high - low) * i) / (MELS + 1)) / (SAMPLE_RATE / FFT_SIZE));
  return Array.from({ length: MELS }, (_, m) => {
    const filter = new Float32Array(FFT_SIZE / 2 + 1);
    for (let k = 0; k < filter.length; k++) {
      const rise = (k - edges[m]) / (edges[m + 1] - edges[m]);
      const fall = (edges[m + 2] - k) / (edges[m + 2] - edges[m + 1]);
      filter[k] = Math.max(0, Math.min(rise, fall));
    }
    return filter;
  });
}

const FILTERS = melFilters();
const WINDOW = Float32Array.from({ length: FRAME }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FRAME - 1)));
const DCT = Array.from({ length: CEPSTRA }, (_, c) => Float32Array.from({ length: MELS }, (_, m) => Math.cos((Math.PI * (c + 1) * (m + 0.5)) / MELS)));

const TWIDDLE_RE = Float32Array.from({ length: FFT_SIZE / 2 }, (_, k) => Math.cos((-2 * Math.PI * k) / FFT_SIZE));
const TWIDDLE_IM = Float32Array.from({ length: FFT_SIZE / 2 }, (_, k) => Math.sin((-2 * Math.PI * k) / FFT_SIZE));

/** In-place radix-2 FFT of (re, im), `FFT_SIZE` long. */
function fft(re: Float32Array, im: Float32Array): void {
  const n = FFT_SIZE;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) [re[i], re[j], im[i], im[j]] = [re[j], re[i], im[j], im[i]];
  }
  for (let size = 2; size <= n; size <<= 1) {
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const [wr, wi] = [TWIDDLE_RE[k * step], TWIDDLE_IM[k * step]];
        const [a, b] = [start + k, start + k + size / 2];
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        [re[b], im[b]] = [re[a] - tr, im[a] - ti];
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

/** Log mel energies of the frame starting at `at`, into `mel`; returns the frame's log energy. */
function melFrame(samples: Float32Array, at: number, re: Float32Array, im: Float32Array, mel: Float32Array): number {
  re.fill(0);
  im.fill(0);
  let energy = 1e-10;
  for (let i = 0; i < FRAME; i++) {
    const s = samples[at + i] ?? 0;
    re[i] = s * WINDOW[i];
    energy += s * s;
  }
  fft(re, im);
  for (let m = 0; m < MELS; m++) {
    let sum = 1e-10;
    const filter = FILTERS[m];
    for (let k = 0; k < filter.length; k++) if (filter[k] > 0) sum += filter[k] * (re[k] * re[k] + im[k] * im[k]);
    mel[m] = Math.log(sum);
  }
  return Math.log(energy);
}

/** The cepstra of every 10 ms frame of `samples` (16 kHz mono). */
export function voiceFrames(samples: Float32Array): VoiceFrames {
  const count = Math.max(0, Math.floor((samples.length - FRAME) / HOP) + 1);
  const [cepstra, energy] = [new Float32Array(count * CEPSTRA), new Float32Array(count)];
  const [re, im, mel] = [new Float32Array(FFT_SIZE), new Float32Array(FFT_SIZE), new Float32Array(MELS)];
  for (let f = 0; f < count; f++) {
    energy[f] = melFrame(samples, f * HOP, re, im, mel);
    for (let c = 0; c < CEPSTRA; c++) {
      let sum = 0;
      for (let m = 0; m < MELS; m++) sum += DCT[c][m] * mel[m];
      cepstra[f * CEPSTRA + c] = sum;
    }
  }
  return { cepstra, energy, count };
}
