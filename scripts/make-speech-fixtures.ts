/**
 * Regenerates e2e/fixtures/speech: sentences rendered by espeak-ng (Debian: apt-get install espeak-ng),
 * resampled to 16 kHz mono. Synthetic speech that is not jfk.wav, so long test audio need not repeat
 * one clip (a window of identical repeated text looks like a decoding loop to the compression-ratio rule).
 * Run: npx tsx scripts/make-speech-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWavAt, resample, toWav, RATE } from '../e2e/test-audio.ts';
import { SENTENCES } from '../e2e/fixtures/speech/sentences.ts';

const dir = mkdtempSync(join(tmpdir(), 'speech-'));
SENTENCES.forEach((text, i) => {
  const raw = join(dir, `${i}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', raw, text]);
  const { samples, rate } = readWavAt(raw);
  writeFileSync(join('e2e/fixtures/speech', `${String(i + 1).padStart(2, '0')}.wav`), toWav(resample(samples, rate, RATE)));
});
