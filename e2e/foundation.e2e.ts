import { expect, test } from '@playwright/test';
import { addRepo, goTo, openApp, row } from './app.ts';
import { WHISPER_TINY_Q8_BYTES } from './fixture-files.ts';
import { hubControl } from './hub-control.ts';
import { HUB_URL } from './ports.ts';

test.beforeEach(async () => hubControl.reset());

test('the app opens cross-origin isolated with its header and an empty library', async ({ page }) => {
  await page.goto('/#/models');
  await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('reads a repo listing through the hub client pointed at the double by the hub setting', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('Hub endpoint').fill(HUB_URL);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const model = await addRepo(page, 'Xenova/whisper-tiny');

  const q8 = model.getByRole('option', { name: /^q8/ });
  await expect(q8).toHaveText('q8 — 43.6 MB (7 files)');
  await expect(model.getByTestId('download-button')).toHaveAttribute('title', `${WHISPER_TINY_Q8_BYTES} bytes`);
  const trees = (await hubControl.log()).filter((r) => r.url.includes('/tree/'));
  expect(trees.length, 'the double pages the listing; the client must follow Link').toBeGreaterThan(1);

  await page.reload();
  await goTo(page, 'Settings');
  await expect(page.getByLabel('Hub endpoint')).toHaveValue(HUB_URL);
});

test('a repo that does not exist gets a message that says what to check', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'nobody/no-such-model');
  await expect(model.getByRole('alert')).toContainText('nobody/no-such-model was not found');
});

test('the library puts a short list recommended for this device first, each with why, and the rest under "All models"', async ({ page }) => {
  await openApp(page, '/#/models');
  const recommended = page.getByTestId('recommended');
  await expect(recommended.getByRole('listitem')).toHaveCount(3);
  await expect(recommended.getByTestId('model-why')).toHaveText([/^Recommended: /, /^More accurate: /, /^Faster: /]);
  await expect(recommended.getByTestId('model-why').first()).toHaveText(/^Recommended: runs on CPU, ~\d+× real time, decoded (Fast|Best)$/);
  await expect(page.getByRole('heading', { name: 'All models' })).toBeVisible();
  const names = await recommended.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
  for (const name of names) await expect(page.locator(`[data-testid="${name}"]`)).toHaveCount(1);
});

test('a model too big for what the device says of its memory says so before the download; the recommendations leave it out', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 }));
  await openApp(page, '/#/models');
  await expect(row(page, 'small').getByTestId('model-memory')).toHaveText(/^Needs about [\d.]+ GB of memory to run; this device reports 2 GB/);
  await expect(row(page, 'base').getByTestId('model-memory')).toHaveCount(0);
  await expect(page.getByTestId('recommended').getByTestId('model-small')).toHaveCount(0);
});

test('mixed precision (encoder and decoder in different dtypes) is offered only where WebGPU runs on a real GPU', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'test/whisper-dtypes');
  await expect(model.getByRole('option', { name: /^fp32 — / })).toHaveCount(1);
  await expect(model.getByRole('option', { name: /^q4 — / })).toHaveCount(1);
  // This headless browser has no GPU adapter: no "encoder fp32 + decoder q4" option.
  await expect(model.getByRole('option', { name: /^encoder / })).toHaveCount(0);
});
