import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JFK_TEXT } from '../hub/fixture-audio.ts';
import { SENTENCES } from '../fixtures/speech/sentences.ts';
import { compose, readWav, toWav, type Part } from '../test-audio.ts';
import type { BenchMedia } from './media-runs.ts';

const SPEECH_DIR = fileURLToPath(new URL('../fixtures/speech/', import.meta.url));

/** Why the bench cannot make AAC here, or null when Debian's ffmpeg is installed. */
export function ffmpegMissing(): string | null {
  const probe = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  return probe.status === 0 ? null : 'needs ffmpeg to encode AAC (Chromium here cannot): apt-get install -y ffmpeg';
}

/**
 * Dense speech as an audiobook or a lecture has it: jfk.wav and the espeak sentences back to back
 * (0.3 s between them, no long pauses) for `minutes`, as stereo 44.1 kHz AAC-LC in MP4 written by
 * ffmpeg, as phones and most downloads are. Kept in the temp folder between runs.
 */
export function denseAac(jfkPath: string, minutes: number): BenchMedia {
  const clips = [{ samples: readWav(jfkPath), text: JFK_TEXT }, ...SENTENCES.map((text, i) => ({ samples: readWav(`${SPEECH_DIR}0${i + 1}.wav`), text }))];
  const parts: Part[] = [];
  const texts: string[] = [];
  for (let i = 0, seconds = 0; seconds < minutes * 60; i++) {
    const clip = clips[i % clips.length];
    parts.push({ speech: clip.samples }, { silence: 0.3 });
    texts.push(clip.text);
    seconds += clip.samples.length / 16_000 + 0.3;
  }
  const key = createHash('sha256').update(JSON.stringify({ minutes, v: 1 })).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'whisper-studio-media');
  const file = join(dir, `dense-${key}.mp4`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const wav = toWav(compose(parts).samples);
    const args = ['-y', '-loglevel', 'error', '-f', 'wav', '-i', '-', '-ac', '2', '-ar', '44100', '-c:a', 'aac', '-b:a', '96k', file];
    const run = spawnSync('ffmpeg', args, { input: wav, maxBuffer: 1 << 30 });
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.toString()}`);
  }
  return { name: `dense-${minutes}min.mp4`, mimeType: 'video/mp4', bytes: readFileSync(file), text: texts.join(' ') };
}
