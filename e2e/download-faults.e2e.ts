import { expect, type Locator, type Page } from '@playwright/test';
import { fixtureSha256 } from './fixture-files.ts';
import { startDownload } from './app.ts';
import { askedBytes, askedRanges, CRAWL, DECODER, DECODER_BYTES, recordedBytes, resumedRanges, TINY_RANGE_BYTES, settledRecordedBytes, untilRecorded } from './download-log.ts';
import { cdnOptions, decoderRanges, downloadWith, faultMatrix, installedIdentical, keptWithResume, REPO } from './fault-matrix.ts';
import { hubControl } from './hub-control.ts';

/** The fault matrix, network and CDN rows (fault-matrix.ts says what every row must end in). */
const { row } = faultMatrix('fault-matrix-network');
const log = hubControl.log;

row('drop at offset', async (page, model) => {
  await downloadWith(model, { kind: 'drop', path: DECODER, atByte: 7_000_000 });
  return installedIdentical(page, model);
});

row('stall mid-file (watchdog 15 s)', async (page, model) => {
  await downloadWith(model, { kind: 'stall', path: DECODER, atByte: 8_000_000 });
  // While nothing arrives, the row says so instead of showing frozen numbers.
  await expect(model.getByTestId('progress-note')).toContainText('No data for', { timeout: 10_000 });
  await expect(model.getByTestId('progress-speed')).toHaveText('0 B/s');
  const outcome = await installedIdentical(page, model);
  const resumed = resumedRanges(await decoderRanges());
  expect(resumed).toHaveLength(1);
  expect(resumed[0].start).toBeGreaterThanOrEqual(7_000_000);
  return `${outcome}, resumed at ${resumed[0].start}`;
});

row('trickle after 8 MB (a byte a second, never silent)', async (page, model) => {
  await downloadWith(model, { kind: 'trickle', path: DECODER, atByte: 8_000_000 });
  // The silence watchdog never fires (bytes keep coming); the speed floor drops it after its window.
  await expect(model.getByTestId('progress-note')).toContainText('Too slow — reconnecting', { timeout: 60_000 });
  const outcome = await installedIdentical(page, model);
  const resumed = resumedRanges(await decoderRanges());
  expect(resumed).toHaveLength(1);
  expect(resumed[0].start).toBeGreaterThanOrEqual(8_000_000);
  return `${outcome}, resumed at ${resumed[0].start}`;
});

row('stall on the tree API', async (page, model) => {
  await downloadWith(model, { kind: 'stall-api', api: 'tree' });
  await expect(model.getByRole('alert')).toContainText(`The hub did not answer within 15 s while reading ${REPO}'s files`, { timeout: 30_000 });
  await startDownload(model);
  await installedIdentical(page, model);
  return 'message; Download again installs';
});

row('strict CDN (403 preflight, hidden headers)', async (page, model) => {
  await downloadWith(model, { kind: 'strict-cdn' });
  const outcome = await installedIdentical(page, model);
  expect(await cdnOptions()).toBe(0);
  return `${outcome}, 0 OPTIONS`;
});

/** Resume (with the bytes recorded as kept) fetches exactly the rest, and the CDN was never preflighted. */
async function resumeFetchesOnlyTheRest(page: Page, model: Locator, kept: number): Promise<string> {
  expect(kept).toBeGreaterThan(0);
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  const before = (await log()).length;
  await model.getByRole('button', { name: 'Resume' }).click();
  const outcome = await installedIdentical(page, model);
  expect(askedBytes(askedRanges((await log()).slice(before)))).toBe(DECODER_BYTES - kept);
  expect(await cdnOptions()).toBe(0);
  return `${outcome}, resumed only the missing ranges, 0 OPTIONS`;
}

row('strict CDN: cancel + resume', async (page, model) => {
  await downloadWith(model, { kind: 'strict-cdn' }, CRAWL);
  await untilRecorded(page, REPO);
  await model.getByRole('button', { name: 'Cancel' }).click();
  await expect(model.getByRole('button', { name: 'Resume' })).toBeVisible();
  return resumeFetchesOnlyTheRest(page, model, await settledRecordedBytes(page, REPO));
});

row('strict CDN: reload + resume', async (page, model) => {
  await downloadWith(model, { kind: 'strict-cdn' }, CRAWL);
  // Past the first checkpoint of a range, with seconds of the file still to come: the
  // reload lands mid-file however busy the machine (at 55 % of 3 MB/s it could finish first).
  await untilRecorded(page, REPO);
  await page.reload();
  const again = page.getByTestId(`model-${REPO}`);
  await expect(again.getByRole('button', { name: 'Resume' })).toBeVisible();
  return resumeFetchesOnlyTheRest(page, again, await recordedBytes(page, REPO));
});

row('strict CDN: drop + resume', async (page, model) => {
  await downloadWith(model, { kind: 'strict-cdn' }, { kind: 'drop', path: DECODER, atByte: 2 * TINY_RANGE_BYTES + 3_000_000 }); // 3 MB into a range
  const outcome = await installedIdentical(page, model);
  expect(resumedRanges(await decoderRanges())).toHaveLength(1);
  expect(await cdnOptions()).toBe(0);
  return `${outcome}, resumed by Range, 0 OPTIONS`;
});

row('CDN without Range support (200 to every range)', async (page, model) => {
  await downloadWith(model, { kind: 'drop', path: DECODER, atByte: 6_000_000 }, { kind: 'ignore-range', path: DECODER, times: 50 });
  const outcome = await installedIdentical(page, model);
  // The server ignored Range: the file fell back to one whole-file stream (no Range header).
  expect((await log()).some((r) => r.server === 'cdn' && r.url.includes(fixtureSha256(DECODER)) && r.range === null)).toBe(true);
  return `${outcome} (fell back to one stream)`;
});

row('206 with a wrong start', async (page, model) => {
  await downloadWith(model, { kind: 'drop', path: DECODER, atByte: 6_000_000 }, { kind: 'wrong-start', path: DECODER, shift: -4096 });
  const outcome = await installedIdentical(page, model);
  expect((await decoderRanges()).length).toBeGreaterThanOrEqual(3);
  return `${outcome} (range restarted)`;
});

row('206 shorter than asked (capped ranges)', async (page, model) => {
  await downloadWith(model, { kind: 'drop', path: DECODER, atByte: 6_000_000 }, { kind: 'cap-range', path: DECODER, bytes: 4_000_000, times: 20 });
  const outcome = await installedIdentical(page, model);
  expect(askedRanges(await log()).length).toBeGreaterThan(3); // each short answer followed by a request for the rest
  return `${outcome} (rest asked for)`;
});

row('truncated body (clean end, no length)', async (page, model) => {
  await downloadWith(model, { kind: 'truncate', path: DECODER, atByte: 5_000_000 });
  const outcome = await installedIdentical(page, model);
  expect(resumedRanges(await decoderRanges())).toHaveLength(1);
  return outcome;
});

row('flipped byte', async (page, model) => {
  await downloadWith(model, { kind: 'corrupt', path: DECODER, atByte: 5_000_000 });
  const outcome = await keptWithResume(model, `${DECODER} of ${REPO} did not match the hub's sha256 checksum`);
  await hubControl.reset();
  await model.getByRole('button', { name: 'Resume' }).click();
  await installedIdentical(page, model);
  return `${outcome}; Resume installs`;
});
