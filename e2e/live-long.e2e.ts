import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';
import { goTo } from './app.ts';
import { HINT_FIXTURES } from './fixtures/hints/hint-fixtures.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { committedSeen, expectOnlyGrows, playRecording, startLive } from './live-page.ts';
import { compose, readWav, toWav } from './test-audio.ts';
import { wordErrorRate } from './wer.ts';

/**
 * A longer talk for the fake microphone (played once, in real time, from when the model is ready):
 * jfk.wav, a pause shorter than one that ends an utterance, the flite sentence, a long pause, and
 * jfk.wav again — three utterances, two voices, ~33 s of talk — then silence.
 */
const JFK = jfkWav();
const CAPTURE = join(tmpdir(), 'whisper-studio-live', 'talk-live.wav');
const GUEST = HINT_FIXTURES.guest;
const SCRIPT = [JFK_TEXT, GUEST.text, JFK_TEXT].join(' ');
if (JFK) {
  mkdirSync(join(tmpdir(), 'whisper-studio-live'), { recursive: true });
  const guest = readWav(join(import.meta.dirname, 'fixtures/hints', GUEST.file));
  const parts = [{ silence: 1 }, { speech: readWav(JFK) }, { silence: 0.8 }, { speech: guest }, { silence: 3 }, { speech: readWav(JFK) }, { silence: 25 }];
  writeFileSync(CAPTURE, toWav(compose(parts).samples));
}
test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${CAPTURE}%noloop`] } });
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');

/** The recording the page kept on the device for its one project, decoded by the browser: its length in seconds. */
const keptRecordingSeconds = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const media = await (await navigator.storage.getDirectory()).getDirectoryHandle('media');
    for await (const entry of media.values()) {
      const file = await (entry as FileSystemFileHandle).getFile();
      if (file.size > 0) return (await new AudioContext().decodeAudioData(await file.arrayBuffer())).duration;
    }
    return 0;
  });

const cueText = (page: Page): Promise<string> => page.getByLabel(/^Text of cue/).evaluateAll((inputs) => inputs.map((i) => (i as HTMLTextAreaElement).value).join(' '));

/** Chunks of live recordings waiting in IndexedDB to be kept (the database is never made here: the app makes it with its store). */
const waitingChunks = (page: Page): Promise<number> =>
  page.evaluate(
    async () =>
      !(await indexedDB.databases()).some((d) => d.name === 'whisper-studio-recordings') ? 0 :
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('whisper-studio-recordings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('chunks')) return resolve(0);
          const count = db.transaction('chunks').objectStore('chunks').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

test('a longer talk with two voices and pauses: committed words never change on any update, each utterance becomes cues, the text matches', async ({ page }) => {
  test.setTimeout(240_000);
  await startLive(page);
  await expect(page.getByTestId('live-committed')).toContainText(/painter/i, { timeout: 90_000 });
  // The second jfk.wav: its last words are committed before Stop.
  await expect(page.getByTestId('live-committed')).toContainText(/evening[\s\S]*your country\W*$/i, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Stop live captions' }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 30_000 });
  const seen = await committedSeen(page);
  expectOnlyGrows(seen);
  const committed = seen.at(-1)!;
  // The painter's made-up name is beyond whisper-tiny ("times and co-endled"): two words of 40.
  expect(wordErrorRate(SCRIPT, committed), committed).toBeLessThanOrEqual(0.2);
  await page.getByRole('link', { name: /^Open .* in the editor$/ }).click();
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible();
  expect(await page.getByLabel(/^Text of cue/).count()).toBeGreaterThanOrEqual(3);
  expect(wordErrorRate(SCRIPT, await cueText(page))).toBeLessThanOrEqual(0.2);
  expect(await keptRecordingSeconds(page)).toBeGreaterThan(30);
  expect(await waitingChunks(page)).toBe(0);
});

test('a reload in the middle of a session keeps what was recorded: it becomes the project\'s audio at the next start', async ({ page }) => {
  test.setTimeout(240_000);
  await startLive(page);
  // The session goes on while the editor shows its project.
  await goTo(page, 'Editor');
  // The painter's sentence has become cues (the pause after it ended its utterance); jfk.wav plays again.
  await expect.poll(() => cueText(page), { timeout: 90_000 }).toMatch(/painter/i);
  // A second of recording a chunk, waiting on the device while the session goes on.
  expect(await waitingChunks(page)).toBeGreaterThan(15);
  await page.reload();
  await goTo(page, 'Live');
  await expect(page.getByRole('button', { name: 'Start live captions' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => waitingChunks(page), { timeout: 30_000 }).toBe(0);
  // At least 1 s of silence, 11 s of jfk.wav, 0.8 s and 4 s of the painter were recorded.
  expect(await keptRecordingSeconds(page)).toBeGreaterThan(15);
  await goTo(page, 'Projects');
  await expect(page.getByTestId('project').filter({ hasText: 'Live microphone' })).toContainText('media copy');
  await goTo(page, 'Editor');
  await expect(page.getByLabel(/^Text of cue/).first()).toBeVisible({ timeout: 30_000 });
  const duration = await playRecording(page);
  expect(duration === -1 || duration > 15).toBe(true);
});
