import { expect, test, type Page } from '@playwright/test';
import { parse } from 'ass-compiler';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { goTo, installTiny, openPanel } from './app.ts';
import { longMedia } from './long-media.ts';
import { PROJECT_ROOT } from './hub/fixture-paths.ts';
import { mp4WebVttCues } from './mp4-webvtt.ts';
import { compareFrames, mediaFacts, type FrameDiff } from './video-frames.ts';

/**
 * Video out: subtitles imported onto real media (ffmpeg's H.264/AAC MP4 and VP9/Opus WebM), then
 * exported as ASS, DOCX, a soft subtitle track and burned into the picture; every output is read
 * back by something other than the app (ass-compiler, fflate, an MP4 box reader, mediabunny's
 * demuxer in Node, the browser's <video> for frames).
 */
const MEDIA = resolve(PROJECT_ROOT, '../shared/fixtures/media');
const MP4 = join(MEDIA, 'jfk-h264-aac.mp4');
const WEBM = join(MEDIA, 'jfk-vp9-opus.webm');
const JFK = join(MEDIA, '../audio/jfk.wav');
test.skip(!existsSync(MP4) || !existsSync(WEBM) || !existsSync(JFK), 'needs ../shared/fixtures (media/ and audio/jfk.wav)');
test.describe.configure({ mode: 'serial' });

const CUES = [
  { start: 0.5, end: 3, text: 'And so my fellow Americans,' },
  { start: 5, end: 9, text: 'ask not what your country can do for you,' },
];
const SRT = '1\n00:00:00,500 --> 00:00:03,000\nAnd so my fellow Americans,\n\n2\n00:00:05,000 --> 00:00:09,000\nask not what your country can do for you,\n';
/** Two frames inside cues, two outside (between them, after the last). */
const TIMES = [1.5, 4, 6.5, 10.5];

let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  page = await browser.newPage();
  // As in Firefox and Safari: no save picker, so a finished video goes through OPFS and a download.
  await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await installTiny(page);
});

test.afterAll(async () => page?.close());

async function importOnto(media: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await goTo(page, 'New');
  const before = page.url();
  await page.getByLabel('Audio or video file').setInputFiles(media);
  await page.getByLabel('Subtitles to fix (SRT, VTT, ASS)').setInputFiles({ name: 'jfk.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(SRT) });
  // Every test imports the same cues: only the editor's address naming a new project says they are its cues, on its media.
  await expect(page).toHaveURL(/#\/editor\/[\w-]+$/);
  expect(page.url()).not.toBe(before);
  await expect(page.getByRole('heading', { level: 2, name: typeof media === 'string' ? basename(media) : media.name })).toBeVisible();
  await expect(page.getByLabel(/^Text of cue/)).toHaveCount(2);
  await expect(page.getByLabel(/^Text of cue/).nth(1)).toHaveValue(CUES[1].text);
}

async function downloaded(click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  return readFileSync((await download.path())!);
}

const exportButton = (name: string) => async () => {
  await openPanel(page, 'Export');
  await page.getByRole('button', { name, exact: true }).click();
};
const videoButton = (name: RegExp) => async () => {
  await openPanel(page, 'Export');
  const panel = page.getByTestId('video-export');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel.getByRole('button', { name }).click();
};

/**
 * Re-encoding moves every pixel a little (here a uniform ~4/255, the H.264 round trip), so the frames
 * between cues are the yardstick: a frame at a cue may differ from the input more than they do only
 * inside the caption band, and frames between cues differ the same everywhere (nothing drawn).
 */
function expectCaptioned(diffs: FrameDiff[]): void {
  const [inCue, between, inCue2, after] = diffs;
  const floor = Math.max(between.above, after.above);
  expect(floor, 'the re-encoded picture stays close to the input').toBeLessThan(8);
  for (const d of diffs) expect(Math.abs(d.above - floor), `t=${d.t}: nothing drawn above the captions`).toBeLessThan(1.5);
  for (const d of [inCue, inCue2]) expect(d.band, `t=${d.t}: a caption is drawn`).toBeGreaterThan(floor + 6);
  for (const d of [between, after]) expect(Math.abs(d.band - d.above), `t=${d.t}: no caption between cues`).toBeLessThan(1.5);
}

test('an imported SRT shows on the media and exports back identical; ASS, DOCX and a soft subtitle track carry its cues', async () => {
  test.setTimeout(180_000);
  await importOnto(MP4);
  expect((await downloaded(exportButton('SRT'))).toString('utf8')).toBe(SRT);

  const ass = parse((await downloaded(exportButton('ASS'))).toString('utf8'));
  expect(ass.events.dialogue.map((d) => ({ start: d.Start, end: d.End, text: d.Text.combined }))).toEqual(CUES);

  const docx = unzipSync(new Uint8Array(await downloaded(exportButton('DOCX'))));
  const xml = strFromU8(docx['word/document.xml']);
  for (const cue of CUES) expect(xml).toContain(cue.text);

  const soft = await downloaded(videoButton(/Add subtitles as a track/));
  await expect(page.getByTestId('video-done')).toContainText('video copied, audio copied');
  expect(mp4WebVttCues(soft).map((c) => ({ start: c.start, end: c.end, text: c.text.trim() }))).toEqual(CUES);
  const [input, output] = [await mediaFacts(readFileSync(MP4)), await mediaFacts(soft)];
  expect(output).toMatchObject({ audio: input.audio, audioPackets: input.audioPackets, video: input.video, size: input.size }); // no re-encoding
  expect(Math.abs(output.duration - input.duration)).toBeLessThan(0.1);
});

test('burn-in of the H.264/AAC MP4: captions drawn only in the caption band and only during cues; the AAC packets copied', async () => {
  test.setTimeout(180_000);
  await importOnto(MP4);
  const burned = await downloaded(videoButton(/Burn captions into the video/));
  await expect(page.getByTestId('video-done')).toContainText('encoded as avc, audio copied');
  const [input, output] = [await mediaFacts(readFileSync(MP4)), await mediaFacts(burned)];
  expect(Math.abs(output.duration - input.duration)).toBeLessThan(0.1);
  expect(output).toMatchObject({ audio: 'aac', audioPackets: input.audioPackets, video: 'avc', size: input.size });
  expectCaptioned(await compareFrames(page, readFileSync(MP4), burned, TIMES));
});

test('burn-in of the VP9/Opus WebM: H.264 out, the Opus packets copied', async () => {
  test.setTimeout(180_000);
  await importOnto(WEBM);
  const burned = await downloaded(videoButton(/Burn captions into the video/));
  const [input, output] = [await mediaFacts(readFileSync(WEBM)), await mediaFacts(burned)];
  expect(Math.abs(output.duration - input.duration)).toBeLessThan(0.1);
  expect(output).toMatchObject({ audio: 'opus', audioPackets: input.audioPackets, video: 'avc' });
  expectCaptioned(await compareFrames(page, readFileSync(WEBM), burned, TIMES));
});

test('Cancel mid-way stops the burn-in and leaves no file behind', async ({ browser }) => {
  test.setTimeout(180_000);
  // Long enough (1,500 frames at 640×360) that it is seen under way well before the end, even on an idle machine.
  const clip = await longMedia(browser, readFileSync(JFK), { minutes: 1, video: true, picture: { width: 640, height: 360, fps: 25 } });
  await importOnto({ name: 'clip.webm', mimeType: 'video/webm', buffer: clip.bytes });
  let downloads = 0;
  page.on('download', () => void (downloads += 1));
  await videoButton(/Burn captions into the video/)();
  // Cancelled as soon as it is seen under way (1–99 %): how far it gets between two looks depends on the machine.
  await expect(page.getByTestId('video-percent')).toHaveText(/^[1-9]\d?%$/, { timeout: 60_000 });
  await page.getByTestId('video-export').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('video-cancelled')).toBeVisible();
  const left = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('exports').catch(() => null);
    const names: string[] = [];
    if (dir) for await (const [name] of dir.entries()) names.push(name);
    return names;
  });
  expect(left).toEqual([]);
  expect(downloads).toBe(0);

  // Again into a file the person picked to replace (the save picker stands in as an OPFS file with bytes in it): a cancel leaves it as it was.
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const picked = await root.getFileHandle('picked.mp4', { create: true });
    const writable = await picked.createWritable();
    await writable.write('the film the person already had');
    await writable.close();
    (window as unknown as { showSaveFilePicker: () => Promise<FileSystemFileHandle> }).showSaveFilePicker = async () => picked;
  });
  await videoButton(/Burn captions into the video/)();
  await page.getByTestId('video-export').getByRole('button', { name: 'Cancel' }).click(); // at once: the job is a few frames in
  await expect(page.getByTestId('video-cancelled')).toBeVisible();
  const kept = await page.evaluate(async () => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle('picked.mp4')).getFile()).text();
  });
  expect(kept).toBe('the film the person already had');
});

test('karaoke: frames at two word times light different words', async () => {
  test.setTimeout(240_000);
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(MP4);
  await page.getByLabel('Language').selectOption('english');
  await page.getByLabel('Decoding').selectOption('fast');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  const json = JSON.parse((await downloaded(exportButton('JSON'))).toString('utf8')) as { segments: { words: { start: number; end: number; text: string }[] }[] };
  const words = json.segments[0].words;
  const [a, b] = [words[1], words[words.length - 2]]; // two words of one caption, apart on its line
  const panel = page.getByTestId('video-export');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await page.getByLabel('Karaoke: light each word as it is spoken').check();
  const burned = await downloaded(videoButton(/Burn captions into the video/));
  const mid = (w: { start: number; end: number }): number => (w.start + w.end) / 2;
  const [atA, atB] = await compareFrames(page, readFileSync(MP4), burned, [mid(a), mid(b)]);
  expect(atA.lit, `"${a.text}" lit`).toBeGreaterThan(20);
  expect(atB.lit, `"${b.text}" lit`).toBeGreaterThan(20);
  expect(Math.abs(atA.litX! - atB.litX!)).toBeGreaterThan(15);
});
