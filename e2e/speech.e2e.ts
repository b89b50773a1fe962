import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCues } from '../src/core/subtitles/formats.ts';
import { wrapLines } from '../src/core/subtitles/cues.ts';
import { installTiny, openPanel } from './app.ts';
import { hubControl } from './hub-control.ts';
import { SENTENCES } from './fixtures/speech/sentences.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { compose, readWav, toWav, voiceBounds, type Composed } from './test-audio.ts';
import { wordErrorRate } from './wer.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

async function transcribe(page: Page, name: string, audio: Float32Array): Promise<void> {
  await page.getByLabel('Audio or video file').setInputFiles({ name, mimeType: 'audio/wav', buffer: toWav(audio) });
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
}

async function exported(page: Page, format: 'srt' | 'vtt' | 'json'): Promise<string> {
  await openPanel(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format.toUpperCase(), exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('noise and music without speech give no text and say "No speech found"', async ({ page }) => {
  await installTiny(page);
  await transcribe(page, 'noise.wav', compose([{ noise: 10, level: 0.15 }, { tones: 6 }, { silence: 2 }]).samples);
  await expect(page.getByTestId('no-speech')).toHaveText('No speech found in noise.wav.', { timeout: 120_000 });
  await expect(page.getByLabel(/^Text of cue/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 0.01 s file gets a message that says why nothing happens', async ({ page }) => {
  await installTiny(page);
  await transcribe(page, 'blip.wav', new Float32Array(160));
  await expect(page.getByRole('alert')).toHaveText(/blip\.wav is too short to transcribe \(0\.01 s of audio\)\. Whisper needs at least 0\.1 s/);
});

const SPEECH_DIR = fileURLToPath(new URL('./fixtures/speech/', import.meta.url));

/** Real and synthetic speech between long silence, noise and music. */
function speechWithGaps(): { audio: Composed; texts: string[]; clips: Float32Array[] } {
  const clips = [readWav(JFK!), readWav(`${SPEECH_DIR}02.wav`)];
  const audio = compose([{ silence: 8 }, { speech: clips[0] }, { silence: 20 }, { tones: 6 }, { silence: 2 }, { speech: clips[1] }, { noise: 5, level: 0.03 }, { silence: 3 }]);
  return { audio, texts: [JFK_TEXT, SENTENCES[1]], clips };
}

test('speech between long silences: text only where the speech is, cue times within 0.5 s of it, readable SRT and VTT', async ({ page }) => {
  await installTiny(page);
  const { audio, texts, clips } = speechWithGaps();
  await transcribe(page, 'gaps.wav', audio.samples);
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 180_000 });

  const json = JSON.parse(await exported(page, 'json')) as { segments: { start: number; end: number; words: { start: number; end: number; text: string }[] }[] };
  const words = json.segments.flatMap((s) => s.words);
  const all = words.map((w) => `${w.text}@${w.start.toFixed(2)}`).join('');
  audio.speech.forEach((span, i) => {
    const inside = words.filter((w) => w.start >= span.start - 0.5 && w.end <= span.end + 0.5);
    const voice = voiceBounds(clips[i]);
    expect(wordErrorRate(texts[i], inside.map((w) => w.text).join(' ')), all).toBeLessThanOrEqual(0.25);
    expect(Math.abs(inside[0].start - (span.start + voice.start))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(inside.at(-1)!.end - (span.start + voice.end))).toBeLessThanOrEqual(0.5);
  });
  const outside = words.filter((w) => !audio.speech.some((c) => w.start >= c.start - 0.5 && w.end <= c.end + 0.5));
  expect(outside).toEqual([]);

  for (const format of ['srt', 'vtt'] as const) {
    const cues = parseCues(await exported(page, format));
    expect(cues.length).toBeGreaterThanOrEqual(4);
    cues.forEach((cue, i) => {
      const lines = cue.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      expect(lines.every((l) => l.length <= 42 && wrapLines(l, 42).length === 1)).toBe(true);
      expect(cue.end - cue.start).toBeLessThanOrEqual(7);
      expect(cue.end - cue.start).toBeGreaterThanOrEqual(1);
      if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1].end);
    });
  }
});
