import type { Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';

/** How one output frame compares with the input frame at the same time. */
export interface FrameDiff {
  readonly t: number;
  /** Mean absolute difference per channel (0–255) above the caption band, and inside it. */
  readonly above: number;
  readonly band: number;
  /** Pixels of the karaoke colour (yellow) and their mean x, or null when there are none. */
  readonly lit: number;
  readonly litX: number | null;
}

/**
 * Frames of two videos at the same times, compared in the page: each played by a <video> element
 * (the browser's own decoder, not the app's), drawn to a canvas. The caption band is the lower
 * `band` of the frame.
 */
export async function compareFrames(page: Page, input: Buffer, output: Buffer, times: readonly number[], band = 0.35): Promise<FrameDiff[]> {
  return page.evaluate(
    async ({ a, b, times, band }) => {
      const open = async (b64: string): Promise<HTMLVideoElement> => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const video = Object.assign(document.createElement('video'), { muted: true, preload: 'auto', src: URL.createObjectURL(new Blob([bytes])) });
        await new Promise((resolve, reject) => ((video.onloadeddata = resolve), (video.onerror = reject)));
        return video;
      };
      const pixels = async (video: HTMLVideoElement, t: number): Promise<Uint8ClampedArray> => {
        // 'seeked' can fire before the new frame is what drawImage gets (a busy machine drew the last
        // seek's frame): wait for the frame itself to be presented too, within a second.
        const presented = new Promise((resolve) => {
          video.requestVideoFrameCallback(resolve);
          setTimeout(resolve, 1000);
        });
        video.currentTime = t;
        await Promise.all([new Promise((resolve) => (video.onseeked = resolve)), presented]);
        const canvas = Object.assign(document.createElement('canvas'), { width: video.videoWidth, height: video.videoHeight });
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(video, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const [inVideo, outVideo] = [await open(a), await open(b)];
      const [w, h] = [outVideo.videoWidth, outVideo.videoHeight];
      const edge = Math.floor(h * (1 - band));
      const out = [];
      for (const t of times) {
        const [p, q] = [await pixels(inVideo, t), await pixels(outVideo, t)];
        let [above, inBand, lit, litX] = [0, 0, 0, 0];
        for (let i = 0; i < w * h; i++) {
          const d = (Math.abs(p[i * 4] - q[i * 4]) + Math.abs(p[i * 4 + 1] - q[i * 4 + 1]) + Math.abs(p[i * 4 + 2] - q[i * 4 + 2])) / 3;
          if (Math.floor(i / w) < edge) above += d;
          else inBand += d;
          if (q[i * 4] > 200 && q[i * 4 + 1] > 160 && q[i * 4 + 2] < 90) [lit, litX] = [lit + 1, litX + (i % w)];
        }
        out.push({ t, above: above / (edge * w), band: inBand / ((h - edge) * w), lit, litX: lit > 0 ? litX / lit : null });
      }
      return out;
    },
    { a: input.toString('base64'), b: output.toString('base64'), times, band },
  );
}

/** A file's duration, its audio codec and packet count, and its video codec, read with mediabunny in Node (demuxing only). */
export async function mediaFacts(bytes: Buffer): Promise<{ duration: number; audio: string | null; audioPackets: number; video: string | null; size: [number, number] | null }> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const [audio, video] = [await input.getPrimaryAudioTrack(), await input.getPrimaryVideoTrack()];
  let audioPackets = 0;
  if (audio) for await (const _ of new EncodedPacketSink(audio).packets()) audioPackets++;
  const facts = { duration: await input.computeDuration(), audio: audio?.codec ?? null, audioPackets, video: video?.codec ?? null, size: video ? ([video.displayWidth, video.displayHeight] as [number, number]) : null };
  input.dispose();
  return facts;
}
