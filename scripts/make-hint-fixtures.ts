/**
 * Regenerates e2e/fixtures/hints: speech for the prompt and translate tests, resampled to 16 kHz mono.
 * whisper-tiny cannot make out espeak-ng's voice at all, so these come from voices it can:
 * flite's awb (Debian: apt-get install flite) and festival's Italian pc_diphone
 * (apt-get install festival festvox-itapc16k); the Spanish one from espeak-ng (apt-get install espeak-ng),
 * which whisper-base makes out. `npx tsx scripts/make-hint-fixtures.ts playa-es.wav` remakes only that file.
 * Run: npx tsx scripts/make-hint-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWavAt, resample, toWav, RATE } from '../e2e/test-audio.ts';
import { HINT_FIXTURES } from '../e2e/fixtures/hints/hint-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'hints-'));
const render = {
  flite: (text: string, out: string) => execFileSync('flite', ['-voice', 'awb', '-t', text, '-o', out]),
  // Slowed a third: at its own pace the diphone voice runs words together for the tiny model.
  espeak: (text: string, out: string) => execFileSync('espeak-ng', ['-v', 'es', '-s', '130', '-w', out, text]),
  festival: (text: string, out: string) => execFileSync('text2wave', ['-eval', '(voice_pc_diphone)', '-eval', "(Parameter.set 'Duration_Stretch 1.3)", '-o', out], { input: text }),
};
const only = process.argv.slice(2);
for (const fixture of Object.values(HINT_FIXTURES).filter((f) => only.length === 0 || only.includes(f.file))) {
  const raw = join(dir, fixture.file);
  render[fixture.voice](fixture.text, raw);
  const { samples, rate } = readWavAt(raw);
  writeFileSync(join('e2e/fixtures/hints', fixture.file), toWav(resample(samples, rate, RATE)));
}
