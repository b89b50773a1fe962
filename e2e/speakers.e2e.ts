import { expect, test, type Page } from '@playwright/test';
import { parse } from 'ass-compiler';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expectInstalled, goTo, installTiny, openApp, openPanel, row, startDownload } from './app.ts';

/**
 * Speakers: found by the built-in detection on a committed two-voice file (espeak-ng and jfk.wav),
 * named, merged, kept through a reload, and carried by every export, each read back by something
 * other than the app (the browser's WebVTT parser, ass-compiler, fflate).
 */
const DIR = new URL('./fixtures/speakers/', import.meta.url);
interface Turn { readonly start: number; readonly end: number; readonly speaker: string }
const TRUTH = (JSON.parse(readFileSync(new URL('two-voices.json', DIR), 'utf8')) as { turns: Turn[] }).turns;
const VTT = 'WEBVTT\n\n00:00.500 --> 00:02.000\n<v Anna>Where were you?\n\n00:02.500 --> 00:04.000\n<v Ben>Out at the market.\n\n00:04.500 --> 00:06.000\n<v Anna>All day?\n';

const cueSpeakers = (page: Page) => page.getByTestId('cue-speaker').allTextContents();

async function exported(page: Page, label: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  return readFileSync((await download.path())!);
}

test('two voices transcribed with "2 speakers": the words get the speaker the script says', async ({ page }) => {
  test.setTimeout(240_000);
  await installTiny(page);
  await page.getByLabel('Audio or video file').setInputFiles(new URL('two-voices.wav', DIR).pathname);
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Speakers').selectOption('2');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 180_000 });
  await openPanel(page, 'Export');
  const json = JSON.parse(String(await exported(page, 'JSON'))) as { segments: { words?: { start: number; end: number; speaker?: string }[] }[] };
  const words = json.segments.flatMap((s) => s.words ?? []);
  // Named in the order they speak: the script's first voice is "Speaker 1".
  const names = new Map([['Speaker 1', TRUTH[0].speaker], ['Speaker 2', TRUTH.find((t) => t.speaker !== TRUTH[0].speaker)!.speaker]]);
  const truthAt = (t: number): string | undefined => TRUTH.find((x) => t >= x.start - 0.3 && t < x.end + 0.3)?.speaker;
  const right = words.filter((w) => w.speaker && names.get(w.speaker) === truthAt((w.start + w.end) / 2));
  expect(words.length).toBeGreaterThan(25);
  console.log(`two voices, 2 speakers: ${right.length} of ${words.length} words with the script's speaker`);
  expect(right.length / words.length).toBeGreaterThanOrEqual(0.9);
  // The choice is remembered for the next file.
  await goTo(page, 'New');
  await expect(page.getByLabel('Speakers')).toHaveValue('2');
});

test('speakers are renamed and merged everywhere, survive a reload, and every export carries them', async ({ page }) => {
  await openApp(page, '/#/projects');
  await page.getByLabel('Subtitles to fix (SRT, VTT, ASS)').setInputFiles({ name: 'talk.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
  await expect(page.getByLabel(/^Text of cue/)).toHaveCount(3);
  expect(await cueSpeakers(page)).toEqual(['Anna', 'Ben', 'Anna']);
  await openPanel(page, 'Speakers');
  await page.getByLabel('Name of Anna').fill('Anna Kowalska');
  await page.getByLabel('Name of Anna').press('Enter');
  await expect.poll(() => cueSpeakers(page)).toEqual(['Anna Kowalska', 'Ben', 'Anna Kowalska']);
  // Assign: cue 3 ticked, given a new speaker; then that speaker merged into Ben.
  await page.getByLabel('Choose cue 3').check();
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect.poll(() => cueSpeakers(page)).toEqual(['Anna Kowalska', 'Ben', 'Speaker 3']);
  await page.getByLabel('Merge Speaker 3 into').selectOption('Ben');
  await expect.poll(() => cueSpeakers(page)).toEqual(['Anna Kowalska', 'Ben', 'Ben']);
  await page.reload();
  await expect.poll(() => cueSpeakers(page)).toEqual(['Anna Kowalska', 'Ben', 'Ben']);

  await openPanel(page, 'Export');
  const vtt = String(await exported(page, 'VTT'));
  const voices = await page.evaluate(async (text) => {
    const video = document.createElement('video');
    const track = document.createElement('track');
    track.src = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
    track.default = true;
    video.append(track);
    document.body.append(video);
    await new Promise((resolve) => track.addEventListener('load', resolve, { once: true }));
    return [...(track.track.cues ?? [])].map((c) => (c as VTTCue).getCueAsHTML().querySelector('span')?.title ?? '');
  }, vtt);
  expect(voices).toEqual(['Anna Kowalska', 'Ben', 'Ben']);
  expect(String(await exported(page, 'SRT'))).toContain('Anna Kowalska: Where were you?');
  await page.getByLabel('Speakers in SRT and TXT').selectOption('dashes');
  expect(String(await exported(page, 'TXT'))).toBe('Where were you?\n- Out at the market. All day?\n');
  const ass = parse(String(await exported(page, 'ASS')));
  expect(ass.events.dialogue.map((d) => [d.Style, d.Name])).toEqual([['Anna Kowalska', 'Anna Kowalska'], ['Ben', 'Ben'], ['Ben', 'Ben']]);
  expect(ass.styles.style.map((s) => s.Name)).toEqual(['Default', 'Anna Kowalska', 'Ben']);
  const docx = strFromU8(unzipSync(new Uint8Array(await exported(page, 'DOCX')))['word/document.xml']);
  expect(docx.indexOf('Anna Kowalska')).toBeLessThan(docx.indexOf('Where were you?'));
  expect(docx.indexOf('Ben')).toBeLessThan(docx.indexOf('Out at the market.'));
  const json = JSON.parse(String(await exported(page, 'JSON'))) as { segments: { speaker?: string }[] };
  expect(json.segments.map((s) => s.speaker)).toEqual(['Anna Kowalska', 'Ben', 'Ben']);
});

test('reading-speed problems are shown, and "Fix timing" clears those the silence around allows', async ({ page }) => {
  const at = (s: number) => new Date(s * 1000).toISOString().slice(11, 23).replace('.', ',');
  const cues: [number, number, string][] = [
    [1, 1.4, 'Far too short.'],
    [3, 4, 'This line is much too long to be read in a second, really.'],
    [6, 6.5, 'Cramped between.'],
    [7.2, 7.6, 'No room at all before the next one says it.'],
    [7.61, 9.6, 'Fine as it is.'],
  ];
  const srt = cues.map(([s, e, t], i) => `${i + 1}\n${at(s)} --> ${at(e)}\n${t}\n`).join('\n');
  await openApp(page, '/#/projects');
  await page.getByLabel('Subtitles to fix (SRT, VTT, ASS)').setInputFiles({ name: 'fast.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(srt) });
  await expect(page.getByLabel(/^Text of cue/)).toHaveCount(5);
  await openPanel(page, 'Timing');
  await expect(page.getByTestId('timing-summary')).toHaveText('20 % of 5 cues keep every rule.');
  await page.getByRole('button', { name: 'Next problem' }).first().click();
  await expect(page.locator('li[aria-current="true"]')).toContainText('too short');
  await page.getByRole('button', { name: 'Fix timing' }).click();
  // Cue 4 has no room for its 44 characters (the next cue starts 10 ms after it): it stays a problem; the others keep the rules.
  await expect(page.getByTestId('timing-summary')).toHaveText('80 % of 5 cues keep every rule.');
  await expect(page.getByTestId('timing-problem')).toHaveText(['too fast to read', 'too short']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('timing-summary')).toHaveText('20 % of 5 cues keep every rule.');
});

test('speakers found with a downloaded model: pinned and verified like Whisper, run chunk by chunk in its worker, said to be unmeasured', async ({ page }) => {
  test.setTimeout(240_000);
  await installTiny(page);
  await goTo(page, 'Models');
  const model = row(page, 'pyannote-segmentation-3.0');
  await model.getByRole('button', { name: 'Choose size…' }).click();
  await startDownload(model, 'q8');
  await expectInstalled(model);
  // It is no Whisper model: New does not offer it to transcribe with, only to find speakers.
  await goTo(page, 'New');
  await expect(page.getByLabel('Model').locator('option')).toHaveCount(1);
  await page.getByLabel('Audio or video file').setInputFiles(new URL('two-voices.wav', DIR).pathname);
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Speakers').selectOption('2');
  await page.getByLabel(/With onnx-community\/pyannote-segmentation-3\.0/).check();
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('speaker-model-status')).toHaveText('Speakers found with onnx-community/pyannote-segmentation-3.0 (its accuracy is not measured here): 2.', { timeout: 60_000 });
  await expect.poll(async () => new Set(await cueSpeakers(page)).size).toBe(2);
  // The stand-in graph only says "someone speaks"; the voice prints of its stretches tell the two apart.
  await page.reload();
  await expect.poll(async () => new Set(await cueSpeakers(page)).size).toBe(2);
});
