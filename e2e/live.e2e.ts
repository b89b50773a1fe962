import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { goTo, installTiny } from './app.ts';
import { committedSeen, expectOnlyGrows, playRecording, startLive } from './live-page.ts';
import { compose, readWav, toWav } from './test-audio.ts';
import { wordErrorRate } from './wer.ts';

/**
 * Live captions from Chromium's fake microphone, fed a WAV (played once, in real time): jfk.wav
 * after a second of silence, then silence. The file must exist before the browser starts.
 */
const JFK = jfkWav();
const CAPTURE = join(tmpdir(), 'whisper-studio-live', 'jfk-live.wav');
if (JFK) {
  mkdirSync(join(tmpdir(), 'whisper-studio-live'), { recursive: true });
  writeFileSync(CAPTURE, toWav(compose([{ silence: 1 }, { speech: readWav(JFK) }, { silence: 20 }]).samples));
}
test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${CAPTURE}%noloop`] } });
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');

test('live captions of a microphone: words are committed while it speaks and never change, Stop finishes, and the session reopens as a transcription whose audio plays', async ({ page }) => {
  test.setTimeout(180_000);
  await startLive(page);
  await expect(page.getByTestId('live-status')).toBeVisible({ timeout: 60_000 });
  // Committed text comes while the speech goes on, before the pause that makes it cues.
  await expect(page.getByTestId('live-committed')).toContainText('fellow', { timeout: 60_000 });
  await expect(page.getByTestId('live-committed')).toContainText(/you can do for your country\W*$/i, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop live captions' }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 30_000 });
  const seen = await committedSeen(page);
  expectOnlyGrows(seen);
  const committed = seen.at(-1)!;
  expect(wordErrorRate(JFK_TEXT, committed), committed).toBeLessThanOrEqual(0.15);
  await expect(page.getByTestId('live-tentative')).toHaveText('');
  // The committed text became word-timed cues, as a file's would: the session opens in the editor.
  await page.getByRole('link', { name: /^Open .* in the editor$/ }).click();
  const cues = await page.getByLabel(/^Text of cue/).evaluateAll((inputs) => inputs.map((i) => (i as HTMLTextAreaElement).value).join(' '));
  expect(wordErrorRate(JFK_TEXT, cues)).toBeLessThanOrEqual(0.15);
  // The project keeps the recording: after a reload it opens again and plays.
  await page.reload();
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible();
  await expect(page).toHaveURL(/#\/editor\/[\w-]+$/);
  const duration = await playRecording(page);
  expect(duration === -1 || duration > 10).toBe(true);
});

test('a microphone that stops sending audio ends the session with a message, and what was heard is kept', async ({ page }) => {
  test.setTimeout(180_000);
  // The capture's tracks, so the test can end one as an unplugged device does.
  await page.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks = tracks;
    const original = MediaDevices.prototype.getUserMedia;
    MediaDevices.prototype.getUserMedia = async function (this: MediaDevices, constraints) {
      const stream = await original.call(this, constraints);
      tracks.push(...stream.getAudioTracks());
      return stream;
    };
  });
  await startLive(page);
  await expect(page.getByTestId('live-committed')).toContainText('fellow', { timeout: 60_000 });
  await page.evaluate(() => {
    for (const track of (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks) {
      track.stop();
      track.dispatchEvent(new Event('ended')); // what the browser fires when the device goes away
    }
  });
  await expect(page.getByTestId('live-message')).toContainText('The microphone stopped sending audio');
  await expect(page.getByRole('button', { name: 'Start live captions' })).toBeVisible({ timeout: 30_000 });
  await goTo(page, 'Editor');
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible();
  expect((await committedSeen(page)).at(-1)).toContain('fellow');
});

test('a microphone that cannot be opened once the model is ready says so and leaves no empty project behind', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    MediaDevices.prototype.getUserMedia = async () => Promise.reject(new DOMException('Could not start audio source', 'NotReadableError'));
  });
  await installTiny(page);
  await goTo(page, 'Live');
  await page.getByRole('button', { name: 'Start live captions' }).click();
  await expect(page.getByTestId('live-message')).toContainText('The microphone is not available', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Start live captions' })).toBeVisible({ timeout: 30_000 });
  await goTo(page, 'Projects');
  await expect.poll(() => page.getByTestId('project').filter({ hasText: 'Live microphone' }).count(), { timeout: 15_000 }).toBe(0);
});
