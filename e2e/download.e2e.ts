import { expect, test } from '@playwright/test';
import { addRepo, expectInstalled, opfsHashes, openApp, startDownload } from './app.ts';
import { fixtureSha256, WHISPER_TINY_Q8, WHISPER_TINY_Q8_BYTES } from './fixture-files.ts';
import { hubControl } from './hub-control.ts';

test.beforeEach(async () => hubControl.reset());

test('downloads whisper-tiny q8 into OPFS, exact size first, verified, installed', async ({ page }) => {
  await openApp(page);
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await expect(model.getByTestId('download-button')).toHaveAttribute('title', `${WHISPER_TINY_Q8_BYTES} bytes`);
  await startDownload(model);
  await expectInstalled(model);
  await expect(model.getByTestId('model-status')).toHaveText('Installed · q8 · 43.6 MB');

  const stored = await opfsHashes(page, 'Xenova/whisper-tiny');
  expect(Object.keys(stored).sort()).toEqual([...WHISPER_TINY_Q8].sort());
  for (const path of WHISPER_TINY_Q8) expect(stored[path], path).toBe(fixtureSha256(path));

  await page.reload();
  await expectInstalled(page.getByTestId('model-Xenova/whisper-tiny'));
});
