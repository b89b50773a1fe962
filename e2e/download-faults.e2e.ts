import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addRepo, expectInstalled, opfsHashes, openApp, startDownload } from './app.ts';
import { fixtureSha256, WHISPER_TINY_Q8 } from './fixture-files.ts';
import type { Fault } from './hub/faults.ts';
import { askedBytes, askedRanges, CRAWL, DECODER, DECODER_BYTES, rangeCount, recordedBytes, resumedRanges, TINY_RANGE_BYTES, settledRecordedBytes, untilRecorded } from './download-log.ts';
import { hubControl } from './hub-control.ts';
import { APP_PORT } from './ports.ts';

/**
 * The fault matrix: one test per fault a real CDN or network throws at a download. Every row
 * ends either installed and byte-identical to the hub's files, or with a clear message, the
 * bytes kept and Resume offered. The table `fault → outcome, seconds` is printed at the end.
 */
const REPO = 'Xenova/whisper-tiny';
const rows: { fault: string; outcome: string; seconds: number }[] = [];

test.beforeEach(async () => hubControl.reset());
test.afterAll(() => {
  const lines = ['fault → outcome, seconds', ...rows.map((r) => `${r.fault.padEnd(44)} → ${r.outcome.padEnd(44)} ${r.seconds.toFixed(1).padStart(5)} s`)];
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/fault-matrix.txt', `${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}\n`);
});

/** Runs one row, timing it from the first click to its outcome. */
function row(fault: string, body: (page: Page, model: Locator) => Promise<string>): void {
  test(fault, async ({ page }) => {
    await openApp(page);
    const model = await addRepo(page, REPO);
    await expect(model.getByRole('combobox')).toBeVisible();
    const started = performance.now();
    const outcome = await body(page, model);
    rows.push({ fault, outcome, seconds: (performance.now() - started) / 1000 });
  });
}

async function installedIdentical(page: Page, model: Locator, timeout = 60_000): Promise<string> {
  await expectInstalled(model, timeout);
  const stored = await opfsHashes(page, REPO);
  for (const path of WHISPER_TINY_Q8) expect(stored[path], path).toBe(fixtureSha256(path));
  return 'installed, byte-identical';
}

/** The row shows `message`, keeps the bytes it had and offers Resume. */
async function keptWithResume(model: Locator, message: RegExp | string): Promise<string> {
  await expect(model.getByRole('alert')).toContainText(message, { timeout: 60_000 });
  await expect(model.getByTestId('model-status')).toContainText(/Partial [1-9]\d*%/);
  await expect(model.getByRole('button', { name: 'Resume' })).toBeVisible();
  return 'message, bytes kept, Resume offered';
}

const log = hubControl.log;
const cdnOptions = async (): Promise<number> => (await log()).filter((r) => r.server === 'cdn' && r.method === 'OPTIONS').length;
const decoderRanges = async () => askedRanges(await log());

async function downloadWith(model: Locator, ...faults: Fault[]): Promise<void> {
  await hubControl.inject(...faults);
  await startDownload(model);
}

/** Slow enough to act mid-file: the decoder is ~30 MB, fetched as several ranges at once (per-connection limit). */
const SLOW: Fault = { kind: 'throttle', bytesPerSecond: 3_000_000 };
const untilDecoder = (model: Locator) => expect(model.getByText(DECODER)).toBeVisible({ timeout: 20_000 });

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

row('range started over below the hashed edge, wrong bytes in the re-fetch', async (_page, model) => {
  // A drop, then a resume answered off-start (start the range over), then the re-fetch flips a byte the hash had already passed.
  await downloadWith(
    model,
    { kind: 'drop', path: DECODER, atByte: 6_000_000 },
    { kind: 'wrong-start', path: DECODER, shift: -4096, startsWithin: [1, 16 * 1024 * 1024 - 1] },
    { kind: 'corrupt', path: DECODER, atByte: 1_000_000, after: 1 },
  );
  return keptWithResume(model, `${DECODER} of ${REPO} did not match the hub's sha256 checksum`);
});

for (const [fault, by] of [['file larger than listed', 4096], ['file smaller than listed', -4096]] as const) {
  row(fault, async (_page, model) => {
    await downloadWith(model, { kind: 'resize', path: DECODER, by });
    // Stopped on the first answer (its Content-Range total), so little or nothing may be on disk yet.
    await expect(model.getByRole('alert')).toContainText(`${DECODER} of ${REPO} is ${DECODER_BYTES + by} bytes on the server, but the hub's file list says ${DECODER_BYTES}`, { timeout: 60_000 });
    await expect(model.getByTestId('model-status')).not.toContainText('Installed');
    const asked = (await log()).filter((r) => r.server === 'hub' && r.url.endsWith(DECODER)).length;
    expect(asked).toBeLessThanOrEqual(2); // each range asked once: no retry loop
    return 'message with both sizes, stopped (no loop)';
  });
}

/** Milliseconds between a refused `resolve` of a decoder range and its retry (the range asked twice). */
async function resolveGap(): Promise<number> {
  const resolves = (await log()).filter((r) => r.server === 'hub' && r.url.endsWith(DECODER));
  const retried = resolves.filter((r) => resolves.filter((o) => o.range === r.range).length === 2);
  expect(retried).toHaveLength(2);
  return retried[1].time - retried[0].time;
}

row('429 with Retry-After: 2', async (page, model) => {
  await downloadWith(model, { kind: 'status', status: 429, retryAfter: 2, path: DECODER });
  await expect(model.getByTestId('progress-note')).toContainText(/Waiting \d s as the hub asked/);
  const outcome = await installedIdentical(page, model);
  expect(await resolveGap()).toBeGreaterThanOrEqual(2000);
  return `${outcome}, waited ${((await resolveGap()) / 1000).toFixed(1)} s`;
});

row('503 with Retry-After as a date 3 s ahead', async (page, model) => {
  await downloadWith(model, { kind: 'status', status: 503, retryAfterDateIn: 3, path: DECODER });
  // The wait read from the date (whole seconds), not days of a clock mix-up.
  await expect(model.getByTestId('progress-note')).toContainText(/Waiting [1-3] s as the hub asked/);
  const outcome = await installedIdentical(page, model);
  const gap = await resolveGap();
  expect(gap).toBeGreaterThanOrEqual(1500); // it did wait before asking again
  return `${outcome}, waited ${(gap / 1000).toFixed(1)} s`;
});

row('429 whose wait the page cannot read (Retry-After not exposed, as on the hub)', async (page, model) => {
  await downloadWith(model, { kind: 'hide-rate-limits' }, { kind: 'status', status: 429, retryAfter: 2, path: DECODER });
  await expect(model.getByTestId('progress-note')).toContainText(/Rate-limited by the hub — retrying in \d+ s/);
  const outcome = await installedIdentical(page, model);
  expect(await resolveGap()).toBeGreaterThanOrEqual(7000); // backed off for long, not the 2 s it could not see
  return `${outcome}, waited ${((await resolveGap()) / 1000).toFixed(1)} s`;
});

row('429 with Retry-After: 3600', async (_page, model) => {
  await downloadWith(model, { kind: 'status', status: 429, retryAfter: 3600, path: DECODER });
  return keptWithResume(model, 'asked to wait 1 h 0 min before more of Xenova/whisper-tiny can be downloaded');
});

row('expired presigned URL', async (page, model) => {
  await downloadWith(model, { kind: 'expire-urls', next: 1 }, { kind: 'drop', path: DECODER, atByte: 3_000_000 });
  const outcome = await installedIdentical(page, model);
  // Each range of the encoder and the decoder once, plus one `resolve` after the expired URL and one after the drop.
  const onnxResolves = (await log()).filter((r) => r.server === 'hub' && r.url.includes('/resolve/') && r.url.endsWith('.onnx'));
  expect(onnxResolves).toHaveLength(rangeCount('onnx/encoder_model_quantized.onnx') + rangeCount(DECODER) + 2);
  return `${outcome} (resolve asked again)`;
});

row('the downloading tab closes while another watches', async (page, model) => {
  await hubControl.inject(CRAWL);
  const watcher = await page.context().newPage();
  await openApp(watcher);
  const watched = await addRepo(watcher, REPO);
  await startDownload(model);
  await expect(watched.getByText('Downloading in another tab.')).toBeVisible();
  await untilRecorded(page, REPO);
  await page.close(); // its worker dies with it, and the repo's lock frees: no `done`, no `cancelled`
  await expect(watched.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(watched.getByTestId('model-status')).toContainText(/Partial [1-9]\d*%/);
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  await watched.getByRole('button', { name: 'Resume' }).click();
  return `${await installedIdentical(watcher, watched)} (Resume in the watching tab)`;
});

row('the hash worker dies mid-download', async (page, model) => {
  await hubControl.inject(CRAWL);
  await startDownload(model);
  await untilRecorded(page, REPO);
  const hashWorker = page.workers().find((w) => w.url().includes('hash.worker'));
  expect(hashWorker, page.workers().map((w) => w.url()).join(', ')).toBeDefined();
  await hashWorker!.evaluate(() => (self as unknown as { close(): void }).close());
  const outcome = await keptWithResume(model, 'The worker that checks downloaded bytes stopped');
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  await model.getByRole('button', { name: 'Resume' }).click();
  return `${outcome}; Resume installs (${await installedIdentical(page, model)}, a fresh hash worker)`;
});

row('quota exceeded mid-file', async (page, model) => {
  const cdp = await page.context().newCDPSession(page);
  const origin = `http://127.0.0.1:${APP_PORT}`;
  await downloadWith(model, SLOW);
  await untilDecoder(model);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (usage ?? 0) + 4_000_000 });
  const outcome = await keptWithResume(model, 'This device ran out of storage for Xenova/whisper-tiny');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  await model.getByRole('button', { name: 'Resume' }).click();
  await installedIdentical(page, model);
  return `${outcome}; Resume installs`;
});

test('delete during a download in another tab', async ({ page, context }) => {
  await hubControl.inject(SLOW);
  await openApp(page);
  const downloading = await addRepo(page, REPO);
  const started = performance.now();
  await startDownload(downloading);
  await untilDecoder(downloading);
  const other = await context.newPage();
  await openApp(other);
  const elsewhere = other.getByTestId(`model-${REPO}`);
  await expect(elsewhere.getByText('Downloading in another tab.')).toBeVisible();
  await elsewhere.getByRole('button', { name: 'Delete' }).click();
  await expect(downloading.getByTestId('model-status')).toContainText('Not downloaded');
  await expect(elsewhere).toHaveCount(0); // a typed repo is listed in a tab only while it is added there or stored
  const left = await other.evaluate(async (repo) => {
    const models = await (await navigator.storage.getDirectory()).getDirectoryHandle('models', { create: true });
    const names: string[] = [];
    for await (const name of models.keys()) names.push(name);
    return names.includes(encodeURIComponent(repo));
  }, REPO);
  expect(left).toBe(false);
  rows.push({ fault: 'delete during a download in another tab', outcome: 'download cancelled, files and records gone', seconds: (performance.now() - started) / 1000 });
});
