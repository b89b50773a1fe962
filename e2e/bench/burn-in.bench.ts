import { test, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cue } from '../../src/core/subtitles/cue.ts';
import { DEFAULT_CAPTION_STYLE } from '../../src/core/subtitles/caption-style.ts';
import type { VideoReply } from '../../src/core/video/video-protocol.ts';
import { openApp } from '../app.ts';
import { jfkWav } from '../hub/fixture-audio.ts';
import { PROJECT_ROOT } from '../hub/fixture-paths.ts';
import { ffmpegMissing } from './dense-aac.ts';
import { peakGrowth } from './renderer-memory.ts';
import { fmt, MiB } from './stats.ts';

/** Ten minutes (`BURN_MINUTES` to try another length). */
const MINUTES = Number(process.env.BURN_MINUTES ?? 10);

/** Ten minutes of 640×360 H.264 at 25 fps with AAC (jfk.wav looped), as ffmpeg writes it; kept in the temp folder. */
function tenMinutes(jfk: string): string {
  const dir = join(tmpdir(), 'whisper-studio-media');
  const file = join(dir, `burn-${MINUTES}min-640x360.mp4`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const args = ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25', '-stream_loop', '-1', '-i', jfk, '-t', String(MINUTES * 60),
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-ar', '44100', file];
  const run = spawnSync('ffmpeg', args);
  if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.toString()}`);
  return file;
}

/** A cue every 5 s (3 s long, two lines, word-timed): subtitles as dense as speech has them. */
function cues(): Cue[] {
  const words = 'ask not what your country can do for you ask what you can do for your country'.split(' ');
  return Array.from({ length: (MINUTES * 60) / 5 }, (_, i) => {
    const start = i * 5 + 0.5;
    const timed = words.map((text, k) => ({ start: start + (k * 3) / words.length, end: start + ((k + 1) * 3) / words.length, text }));
    return { start, end: start + 3, text: words.join(' '), words: timed };
  });
}

const builtVideoWorker = (): string => `/assets/${readdirSync(join(PROJECT_ROOT, 'dist/assets')).find((f) => /^video\.worker-.*\.js$/.test(f))}`;

/** One burn-in by the app's built video worker, in the page, into OPFS; seconds from start to done. */
function burn(page: Page, reencodeAudio: boolean, karaoke: boolean): Promise<{ seconds: number; result: Extract<VideoReply, { type: 'result' }>['result'] }> {
  return page.evaluate(
    ({ url, reencodeAudio, cues, style }) =>
      new Promise((resolve, reject) => {
        const file = (document.getElementById('bench-file') as HTMLInputElement).files![0];
        const worker = new Worker(url, { type: 'module' });
        const started = performance.now();
        worker.onmessage = ({ data }: MessageEvent<VideoReply>) => {
          if (data.type === 'progress' || (data as { type: string }).type === 'alive') return;
          worker.terminate();
          if (data.type === 'result') resolve({ seconds: (performance.now() - started) / 1000, result: data.result });
          else reject(new Error(JSON.stringify(data)));
        };
        worker.postMessage({ type: 'export', jobId: 'bench', kind: 'burn', file, name: file.name, cues, style, target: null, reencodeAudio });
      }),
    { url: builtVideoWorker(), reencodeAudio, cues: cues(), style: { ...DEFAULT_CAPTION_STYLE, karaoke } },
  );
}

/** Each run in a fresh page with the file picked: its peak memory against that idle page, not the last run's leftovers. */
async function isolatedBurn(browser: Browser, file: string, reencodeAudio: boolean, karaoke: boolean): ReturnType<typeof peakGrowth<Awaited<ReturnType<typeof burn>>>> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const page = await context.newPage();
    await openApp(page);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file' })));
    await page.setInputFiles('#bench-file', file);
    return await peakGrowth(() => burn(page, reencodeAudio, karaoke));
  } finally {
    await context.close();
  }
}

test('burn-in of a 10-minute 640×360 video: time against the media, memory above the idle app, audio copied vs re-encoded', async ({ browser }) => {
  test.setTimeout(90 * 60_000);
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  const missing = ffmpegMissing();
  test.skip(missing !== null, missing ?? '');
  const file = tenMinutes(jfk!);
  const copied = await isolatedBurn(browser, file, false, false);
  const karaoke = await isolatedBurn(browser, file, false, true);
  const reencoded = await isolatedBurn(browser, file, true, false);
  const media = MINUTES * 60;
  const line = (name: string, run: typeof copied): string =>
    `| ${name} | ${fmt(run.result.seconds, 0)} s | ${fmt(run.result.seconds / media, 3)} | ${fmt(run.growth / MiB, 0)} MiB | ${fmt(run.result.result.bytes / MiB, 1)} MiB, ${run.result.result.video}, audio ${run.result.result.audio} |`;
  console.log(`
Burn-in, ${MINUTES} min 640×360 H.264 25 fps + AAC (ffmpeg), cue every 5 s, the app's video worker into OPFS, headless Chromium, this machine
| run | time | time / media duration | peak renderer memory above the idle app | output |
|---|---|---|---|---|
${line('captions, audio copied', copied)}
${line('karaoke, audio copied', karaoke)}
${line('captions, audio re-encoded (Opus)', reencoded)}
audio copied / re-encoded time: ${fmt(copied.result.seconds / reencoded.result.seconds, 2)}×
`);
});
