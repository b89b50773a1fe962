import { expect, test } from '@playwright/test';
import { addRepo, expectInstalled, goTo, openApp, opfsHashes, startDownload } from './app.ts';
import { fixtureSha256, WHISPER_TINY_Q8, WHISPER_TINY_Q8_BYTES } from './fixture-files.ts';
import { askedBytes, askedRanges, CRAWL, DECODER, DECODER_BYTES, rangeCount, recordedBytes, resumedRanges, settledRecordedBytes, TINY_RANGE_BYTES, untilRecorded } from './download-log.ts';
import { hubControl } from './hub-control.ts';

test.beforeEach(async () => hubControl.reset());

test('downloads whisper-tiny q8 into OPFS, exact size first, verified, installed', async ({ page }) => {
  // A per-connection limit, as CDNs have: the requests then overlap for certain.
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 20_000_000 });
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await expect(model.getByTestId('download-button')).toHaveAttribute('title', `${WHISPER_TINY_Q8_BYTES} bytes`);
  await startDownload(model);
  await expectInstalled(model);
  await expect(model.getByTestId('model-status')).toHaveText('Installed · q8 · 43.6 MB');

  const stored = await opfsHashes(page, 'Xenova/whisper-tiny');
  expect(Object.keys(stored).sort()).toEqual([...WHISPER_TINY_Q8].sort());
  for (const path of WHISPER_TINY_Q8) expect(stored[path], path).toBe(fixtureSha256(path));

  // The decoder's two ranges and the encoder went at once.
  expect(Math.max(...(await hubControl.log()).filter((r) => r.server === 'cdn').map((r) => r.concurrent))).toBeGreaterThanOrEqual(2);

  await page.reload();
  await expectInstalled(page.getByTestId('model-Xenova/whisper-tiny'));
});

test('cancel mid-way keeps the bytes; Resume fetches only the missing bytes of each range', async ({ page }) => {
  await hubControl.inject(CRAWL);
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expect(model.getByText(DECODER)).toBeVisible({ timeout: 20_000 });
  await untilRecorded(page, 'Xenova/whisper-tiny');
  await model.getByRole('button', { name: 'Cancel' }).click();
  await expect(model.getByTestId('model-status')).toContainText('Partial');
  const status = await model.getByTestId('model-status').textContent();
  expect(status).toMatch(/Partial \d+%/);
  const kept = await settledRecordedBytes(page, 'Xenova/whisper-tiny');
  expect(kept).toBeGreaterThan(0);

  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  const before = (await hubControl.log()).length;
  await model.getByRole('button', { name: 'Resume' }).click();
  await expectInstalled(model);
  const after = askedRanges((await hubControl.log()).slice(before));
  expect(askedBytes(after), JSON.stringify(after)).toBe(DECODER_BYTES - kept);
  const hashes = await opfsHashes(page, 'Xenova/whisper-tiny');
  expect(hashes[DECODER]).toBe(fixtureSha256(DECODER));
});

test('dropped connections at several offsets: the download finishes by itself, resuming each range', async ({ page }) => {
  await hubControl.inject(
    // 3 MB into a range each: a drop in a range's first few hundred kB may leave nothing on disk
    // (Chromium discards body bytes it had buffered), and that range then starts over, not resumes.
    { kind: 'drop', path: DECODER, atByte: 3_000_000 },
    { kind: 'drop', path: DECODER, atByte: 2 * TINY_RANGE_BYTES + 3_000_000 },
    { kind: 'drop', path: DECODER, atByte: 5 * TINY_RANGE_BYTES + 3_000_000 },
  );
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expectInstalled(model);
  const ranges = askedRanges(await hubControl.log());
  // One request per range, one more per drop; each retry picks its range up from the bytes on
  // disk (Chromium discards body bytes it buffered but had not handed over, so not exactly at the drop).
  expect(ranges, JSON.stringify(ranges)).toHaveLength(rangeCount(DECODER) + 3);
  expect(resumedRanges(ranges).length, JSON.stringify(ranges)).toBeGreaterThanOrEqual(2);
  expect((await opfsHashes(page, 'Xenova/whisper-tiny'))[DECODER]).toBe(fixtureSha256(DECODER));
});

test('a reload mid-download offers Resume and continues each range from its bytes on disk', async ({ page }) => {
  await hubControl.inject(CRAWL);
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  // Past the first checkpoint of a range (closing a tab keeps what was flushed and
  // recorded), with seconds of the file still to come: the reload lands mid-file however busy the machine.
  await untilRecorded(page, 'Xenova/whisper-tiny');
  await page.reload();
  const again = page.getByTestId('model-Xenova/whisper-tiny');
  await expect(again.getByTestId('model-status')).toContainText('Partial');
  const kept = await recordedBytes(page, 'Xenova/whisper-tiny');
  expect(kept).toBeGreaterThanOrEqual(1024 * 1024); // a checkpoint is a quarter of a range, at least 1 MiB
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 0 });
  const before = (await hubControl.log()).length;
  await again.getByRole('button', { name: 'Resume' }).click();
  await expectInstalled(again);
  const after = askedRanges((await hubControl.log()).slice(before));
  expect(askedBytes(after)).toBe(DECODER_BYTES - kept);
  expect((await opfsHashes(page, 'Xenova/whisper-tiny'))[DECODER]).toBe(fixtureSha256(DECODER));
});

test('corrupted bytes are never installed and the error says so', async ({ page }) => {
  await hubControl.inject({ kind: 'corrupt', path: DECODER, atByte: 5_000_000 });
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expect(model.getByRole('alert')).toContainText(`${DECODER} of Xenova/whisper-tiny did not match the hub's sha256 checksum`, { timeout: 30_000 });
  await expect(model.getByTestId('model-status')).not.toContainText('Installed');
  expect(Object.keys(await opfsHashes(page, 'Xenova/whisper-tiny'))).not.toContain(DECODER);
});

test('a 429 makes it wait as asked, then it finishes', async ({ page }) => {
  await hubControl.inject({ kind: 'status', status: 429, retryAfter: 2, path: DECODER });
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expectInstalled(model);
  // A request per range, one of them refused once and asked again after the wait.
  const resolves = (await hubControl.log()).filter((r) => r.server === 'hub' && r.url.endsWith(DECODER));
  expect(resolves).toHaveLength(rangeCount(DECODER) + 1);
  const retried = resolves.filter((r) => resolves.filter((o) => o.range === r.range).length === 2);
  expect(retried[1].time - retried[0].time).toBeGreaterThanOrEqual(2000);
});

test('a gated model asks for a token; with one it installs, and the CDN never sees it', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'test/gated-whisper-tiny');
  await startDownload(model);
  await expect(model.getByRole('alert')).toContainText('test/gated-whisper-tiny is a gated model');
  await goTo(page, 'Settings');
  await page.getByLabel('Hugging Face token').fill('hf_double_has_access');
  await page.getByRole('button', { name: 'Save token' }).click();
  await goTo(page, 'Models');
  await model.getByRole('button', { name: 'Resume' }).click();
  await expectInstalled(model);
  const log = await hubControl.log();
  expect(log.filter((r) => r.server === 'hub' && r.url.includes('/resolve/') && r.authorization).length).toBeGreaterThan(0);
  expect(log.filter((r) => r.server === 'cdn')).not.toHaveLength(0);
  expect(log.filter((r) => r.server === 'cdn' && r.authorization)).toHaveLength(0);
  expect(log.some((r) => r.url.includes('hf_double'))).toBe(false);
});

test('a model larger than the storage quota is refused before any file is fetched', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'test/whisper-64gib');
  await startDownload(model);
  await expect(model.getByRole('alert')).toContainText('Not enough storage for test/whisper-64gib');
  expect((await hubControl.log()).filter((r) => r.url.includes('/resolve/'))).toHaveLength(0);
});

test('two tabs: one set of requests, both show progress, the other tab can cancel', async ({ page, context }) => {
  await hubControl.inject({ kind: 'throttle', bytesPerSecond: 6_000_000 });
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  const first = await addRepo(page, 'Xenova/whisper-tiny');
  const second = await addRepo(other, 'Xenova/whisper-tiny');
  await expect(second.getByTestId('download-button')).toBeVisible();
  // Both people press Download at the same moment: the Web Lock lets one tab fetch.
  const press = (model: typeof first) => model.getByTestId('download-button').evaluate((b) => (b as HTMLButtonElement).click());
  await Promise.all([press(first), press(second)]);
  await expect(second.getByTestId('download-progress')).toBeVisible();
  await expect(first.getByTestId('download-progress')).toBeVisible();
  const elsewhere = async (): Promise<number> =>
    (await first.getByText('Downloading in another tab.').count()) + (await second.getByText('Downloading in another tab.').count());
  await expect.poll(elsewhere).toBe(1);
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(first.getByTestId('model-status')).toContainText('Partial');
  await expect(second.getByTestId('model-status')).toContainText('Partial');
  // One tab fetched: every file (and every range of a big one: same URL, its own range) was asked for once.
  const resolves = (await hubControl.log()).filter((r) => r.server === 'hub' && r.url.includes('/resolve/'));
  expect(new Set(resolves.map((r) => `${r.url} ${r.range}`)).size).toBe(resolves.length);
});

test('delete removes the files and storage use falls', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expectInstalled(model);
  await page.reload();
  const used = async (): Promise<number> => Number(await page.getByTestId('storage-used').getAttribute('title').then((t) => t?.split(' ')[0]));
  const before = await used();
  expect(before).toBeGreaterThan(40_000_000);
  await page.getByTestId('model-Xenova/whisper-tiny').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('model-Xenova/whisper-tiny')).toHaveCount(0);
  await expect.poll(used).toBeLessThan(before - 40_000_000);
});

test('commit folders no record names are swept when the app starts', async ({ page }) => {
  await openApp(page);
  const orphan = { repo: encodeURIComponent('o/orphan'), commit: 'deadbeef' };
  const exists = (): Promise<boolean> =>
    page.evaluate(async ({ repo, commit }) => {
      const models = await (await navigator.storage.getDirectory()).getDirectoryHandle('models', { create: true });
      return models.getDirectoryHandle(repo).then((r) => r.getDirectoryHandle(commit)).then(() => true, () => false);
    }, orphan);
  await page.evaluate(async ({ repo, commit }) => {
    const models = await (await navigator.storage.getDirectory()).getDirectoryHandle('models', { create: true });
    const folder = await (await models.getDirectoryHandle(repo, { create: true })).getDirectoryHandle(commit, { create: true });
    const writable = await (await folder.getFileHandle('model.onnx', { create: true })).createWritable();
    await writable.write(new Uint8Array(3_000_000));
    await writable.close();
  }, orphan);
  expect(await exists()).toBe(true);
  await page.reload(); // an update or delete that stopped half-way leaves such a folder; no record names it
  await expect.poll(exists).toBe(false);
});
