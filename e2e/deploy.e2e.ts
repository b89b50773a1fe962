import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { addTiny, goTo } from './app.ts';
import { hubControl } from './hub-control.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { PROJECT_ROOT } from './hub/fixture-paths.ts';
import { CDN_URL, HUB_URL } from './ports.ts';
import { serveSite } from './static-site.ts';
import { wordErrorRate } from './wer.ts';

const JFK = jfkWav();
test.skip(JFK === null, 'needs ../shared/fixtures/audio/jfk.wav');
test.beforeEach(async () => hubControl.reset());

/** Whether the page is cross-origin isolated; false while it is between documents (reloading). */
const isolated = (page: Page): Promise<boolean> => page.evaluate(() => self.crossOriginIsolated).catch(() => false);

test('on a static host that sends no headers, the app reloads once into cross-origin isolation, runs 2 threads under its meta CSP, and stays isolated offline', async ({ page, context }) => {
  const site = await serveSite({ root: join(PROJECT_ROOT, 'dist'), port: 4186, connect: [HUB_URL, CDN_URL], plain: true });
  // Worker scripts take their CSP from their own headers; this host sends none, so the service worker gives them the page's.
  const workerPolicies: (string | null)[] = [];
  page.on('response', (response) => {
    if (response.fromServiceWorker() && /download\.worker[^/]*\.js$/.test(new URL(response.url()).pathname)) void response.headerValue('content-security-policy').then((csp) => workerPolicies.push(csp));
  });
  try {
    await page.addInitScript((hub) => localStorage.setItem('whisper-studio:hub-url', hub), HUB_URL);
    await page.goto(site.url);
    await expect.poll(() => isolated(page), { timeout: 30_000 }).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
    await expect.poll(() => workerPolicies.length).toBeGreaterThan(0);
    expect(workerPolicies.every((csp) => csp?.includes(`connect-src 'self'`) && csp.includes(HUB_URL))).toBe(true);

    // Under the CSP of its meta tag: a connection elsewhere is refused, and Settings says so for a hub it refuses.
    const refused = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          void fetch('https://mirror.example/api/models').catch(() => undefined);
        }),
    );
    expect(refused).toBe('connect-src');
    await goTo(page, 'Settings');
    await page.getByLabel('Hub endpoint').fill('https://mirror.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('hub-blocked')).toContainText("This build's Content-Security-Policy does not allow connections to https://mirror.example");
    await page.getByLabel('Hub endpoint').fill(HUB_URL);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('hub-blocked')).toHaveCount(0);

    await addTiny(page);
    await goTo(page, 'New');
    await page.getByLabel('Audio or video file').setInputFiles(JFK!);
    await page.getByLabel('Language').selectOption('english');
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('device')).toContainText('WASM, 2 threads');
    const text = await page.getByLabel(/^Text of cue/).evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value).join(' '));
    expect(wordErrorRate(JFK_TEXT, text)).toBeLessThanOrEqual(0.1);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => isolated(page), { timeout: 30_000 }).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
    await goTo(page, 'New');
    await page.getByLabel('Audio or video file').setInputFiles(JFK!);
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('device')).toContainText('WASM, 2 threads');
  } finally {
    await context.setOffline(false);
    await site.close();
  }
});
