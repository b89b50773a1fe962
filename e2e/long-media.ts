import type { Browser } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HUB_URL } from './ports.ts';

export interface LongMediaOptions {
  readonly minutes: number;
  /** A picture track too (VP8, 1 frame a second), as a video file. */
  readonly video: boolean;
  /** The picture's size and frame rate (160×90 at 1 frame a second unless told). */
  readonly picture?: { readonly width: number; readonly height: number; readonly fps: number };
  /** Seconds of silence between copies of the speech, in turn (a talk's pauses unless told). */
  readonly pauses?: readonly number[];
}

export interface LongMedia {
  readonly bytes: Buffer;
  /** Where each copy of the speech starts, in seconds. */
  readonly speechStarts: readonly number[];
  /** The speech clip's length in seconds. */
  readonly speechSeconds: number;
}

/** Pauses between copies of the speech, in turn: short and long, as in a talk. */
const PAUSES = [1.5, 3, 6, 2.5, 10];

/** The package's single-file build, found next to its entry point (its exports map hides the path). */
const mediabunnyBundle = (): string => readFileSync(join(dirname(createRequire(import.meta.url).resolve('mediabunny')), '../bundles/mediabunny.min.mjs'), 'utf8');

/**
 * Long media made the way a person's recording would be: jfk.wav again and again with pauses,
 * as stereo 44.1 kHz Opus in WebM (with a VP8 picture when `video`), encoded in Chromium by
 * mediabunny on WebCodecs. Kept in the temp folder between runs: an hour takes a while to encode.
 */
export async function longMedia(browser: Browser, wav: Buffer, options: LongMediaOptions): Promise<LongMedia> {
  const key = createHash('sha256').update(wav).update(JSON.stringify({ ...options, PAUSES, v: 1 })).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'whisper-studio-media');
  const [file, meta] = [join(dir, `${key}.webm`), join(dir, `${key}.json`)];
  if (existsSync(file) && existsSync(meta)) return { bytes: readFileSync(file), ...JSON.parse(readFileSync(meta, 'utf8')) };
  const page = await browser.newPage();
  await page.goto(`${HUB_URL}/__control/log`);
  const made = await page.evaluate(encodeInPage, { bundle: mediabunnyBundle(), wav: wav.toString('base64'), ...options, pauses: options.pauses ?? PAUSES });
  await page.close();
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.from(made.base64, 'base64');
  writeFileSync(file, bytes);
  writeFileSync(meta, JSON.stringify({ speechStarts: made.speechStarts, speechSeconds: made.speechSeconds }));
  return { bytes, speechStarts: made.speechStarts, speechSeconds: made.speechSeconds };
}

interface EncodeArgs extends LongMediaOptions {
  readonly bundle: string;
  readonly wav: string;
  readonly pauses: readonly number[];
}

/** Runs in the page: everything it needs comes in its argument. */
async function encodeInPage(args: EncodeArgs): Promise<{ base64: string; speechStarts: number[]; speechSeconds: number }> {
  const mb = (await import(URL.createObjectURL(new Blob([args.bundle], { type: 'text/javascript' })))) as typeof import('mediabunny');
  const RATE = 44_100;
  const decoded = await new AudioContext({ sampleRate: RATE }).decodeAudioData(Uint8Array.from(atob(args.wav), (c) => c.charCodeAt(0)).buffer);
  const speech = decoded.getChannelData(0);
  const total = Math.round(args.minutes * 60 * RATE);
  const speechStarts: number[] = [];
  for (let at = 0, i = 0; at + speech.length <= total; at += speech.length + Math.round(args.pauses[i++ % args.pauses.length] * RATE)) speechStarts.push(at / RATE);
  const startSamples = speechStarts.map((s) => Math.round(s * RATE));
  let copy = -1;
  /** Sample n of the speech track; n only grows, so the copy it falls in is found by walking on. */
  const sampleAt = (n: number): number => {
    while (copy + 1 < startSamples.length && startSamples[copy + 1] <= n) copy++;
    const offset = copy < 0 ? -1 : n - startSamples[copy];
    return offset >= 0 && offset < speech.length ? speech[offset] : 0;
  };
  const output = new mb.Output({ format: new mb.WebMOutputFormat(), target: new mb.BufferTarget() });
  const audio = new mb.AudioSampleSource({ codec: 'opus', bitrate: 48_000 });
  output.addAudioTrack(audio);
  const { width, height, fps } = args.picture ?? { width: 160, height: 90, fps: 1 };
  const canvas = new OffscreenCanvas(width, height);
  const video = args.video ? new mb.CanvasSource(canvas, { codec: 'vp8', bitrate: 100_000, keyFrameInterval: 10 }) : null;
  if (video) output.addVideoTrack(video, { frameRate: fps });
  await output.start();
  const draw = canvas.getContext('2d')!;
  for (let second = 0; second * RATE < total; second++) {
    const n = Math.min(RATE, total - second * RATE);
    const data = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const v = sampleAt(second * RATE + i);
      [data[i], data[n + i]] = [v, 0.8 * v];
    }
    await audio.add(new mb.AudioSample({ data, format: 'f32-planar', numberOfChannels: 2, sampleRate: RATE, timestamp: second }));
    if (!video) continue;
    for (let frame = 0; frame < fps; frame++) {
      draw.fillStyle = `hsl(${((second * fps + frame) * 17) % 360} 60% 40%)`;
      draw.fillRect(0, 0, width, height);
      await video.add(second + frame / fps, 1 / fps);
    }
  }
  await output.finalize();
  const out = new Uint8Array((output.target as InstanceType<typeof mb.BufferTarget>).buffer!);
  let text = '';
  for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return { base64: btoa(text), speechStarts, speechSeconds: speech.length / RATE };
}
