import { expect, test } from '@playwright/test';
import { whisperTinyFiles } from './fixture-files.ts';
import { hubControl } from './hub-control.ts';
import { HUB_URL } from './ports.ts';

test.beforeEach(async () => hubControl.reset());

test('the app opens cross-origin isolated with its header and an empty library', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('lists a repo through the hub client pointed at the double by the hub setting', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Hub endpoint').fill(HUB_URL);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Model repo').fill('Xenova/whisper-tiny');
  await page.getByRole('button', { name: 'Look up' }).click();

  const files = whisperTinyFiles();
  const total = files.reduce((sum, f) => sum + f.size, 0);
  await expect(page.getByTestId('file-count')).toHaveText(String(files.length));
  await expect(page.getByTestId('total-size')).toHaveAttribute('title', `${total} bytes`);
  await expect(page.getByTestId('total-size')).toHaveText('45.2 MB');

  const trees = (await hubControl.log()).filter((r) => r.url.includes('/tree/'));
  expect(trees.length, 'the double pages the listing; the client must follow Link').toBeGreaterThan(1);

  await page.reload();
  await expect(page.getByLabel('Hub endpoint')).toHaveValue(HUB_URL);
});

test('a repo that does not exist gets a message that says what to check', async ({ page }) => {
  await page.addInitScript((hub) => localStorage.setItem('whisper-studio:hub-url', hub), HUB_URL);
  await page.goto('/');
  await page.getByLabel('Model repo').fill('nobody/no-such-model');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('alert')).toContainText('nobody/no-such-model was not found');
});
