import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTiny, expectInstalled, goTo, row } from './app.ts';
import { fixtureSha256, WHISPER_TINY_Q8 } from './fixture-files.ts';
import { defaultRepos } from './hub/default-repos.ts';
import { PROJECT_ROOT, whisperTinyDir } from './hub/fixture-paths.ts';
import { startHubDouble, type HubDouble } from './hub/server.ts';
import { withProfile } from './profile.ts';
import { serveSite } from './static-site.ts';
import { JFK_TEXT, jfkWav } from './hub/fixture-audio.ts';
import { wordErrorRate } from './wer.ts';

// These tests own their servers: a hub double they can stop, and a site they can redeploy.
const SITE_PORT = 4184;
const OWN_HUB = { port: 5182, cdnPort: 5183 };

let hub: HubDouble;
let site: Awaited<ReturnType<typeof serveSite>>;

test.beforeEach(async () => {
  hub = await startHubDouble({ repos: defaultRepos(), ...OWN_HUB });
  const build = mkdtempSync(join(tmpdir(), 'whisper-studio-site-'));
  cpSync(join(PROJECT_ROOT, 'dist'), build, { recursive: true });
  site = await serveSite({ root: build, port: SITE_PORT, connect: [hub.hubUrl, hub.cdnUrl] });
});

test.afterEach(async () => {
  await site.close();
  await hub.close().catch(() => undefined);
});

async function openControlled(page: Page): Promise<void> {
  await page.addInitScript((url) => localStorage.setItem('whisper-studio:hub-url', url), hub.hubUrl);
  await page.goto(`${site.url}#/models`); // not New: with no model, New reads the recommended model's size from the hub
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Fetch a URL in the page; returns status, content type, length and sha256 of the body. */
function pageFetch(page: Page, url: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ([u, h]) => {
      const res = await fetch(u, { headers: h });
      const body = await res.arrayBuffer();
      const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', body))].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { status: res.status, type: res.headers.get('content-type'), length: body.byteLength, sha256: hex, text: body.byteLength < 2000 ? new TextDecoder().decode(body) : '' };
    },
    [url, headers] as const,
  );
}

test('offline: the app reloads from the service worker and serves the installed model from OPFS', async ({ page, context }) => {
  await openControlled(page);
  await addTiny(page);

  await hub.close();
  await context.setOffline(true);
  const outside: string[] = [];
  context.on('request', (r) => !r.url().startsWith(site.url) && outside.push(r.url()));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
  await expectInstalled(row(page, 'Xenova/whisper-tiny'));
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  for (const path of WHISPER_TINY_Q8) {
    const res = await pageFetch(page, `/models/Xenova/whisper-tiny/${path}`);
    expect(res.status, path).toBe(200);
    expect(res.sha256, path).toBe(fixtureSha256(path));
  }
  expect(outside).toEqual([]);
});

test('offline with the hub stopped, jfk.wav still transcribes, and nothing leaves the page', async ({ page, context }) => {
  const jfk = jfkWav();
  test.skip(jfk === null, 'needs ../shared/fixtures/audio/jfk.wav');
  await openControlled(page);
  await addTiny(page);
  const hubRequestsBefore = hub.log.length;
  await hub.close();
  await context.setOffline(true);
  await page.reload();
  const outside: string[] = [];
  context.on('request', (r) => !r.url().startsWith(site.url) && !/^(blob|data):/.test(r.url()) && outside.push(r.url()));
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(jfk!);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
  const text = (await page.getByLabel(/^Text of cue/).evaluateAll((a) => a.map((x) => (x as HTMLTextAreaElement).value))).join(' ');
  expect(wordErrorRate(JFK_TEXT, text), text).toBeLessThanOrEqual(0.1);
  expect(outside).toEqual([]);
  expect(hub.log).toHaveLength(hubRequestsBefore);
});

test('a Range request through the service worker returns exactly the requested bytes', async ({ page }) => {
  await openControlled(page);
  await addTiny(page);
  const path = 'onnx/encoder_model_quantized.onnx';
  const part = await pageFetch(page, `/models/Xenova/whisper-tiny/${path}`, { Range: 'bytes=1000-1999' });
  expect(part.status).toBe(206);
  expect(part.length).toBe(1000);
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const { whisperTinyDir } = await import('./hub/fixture-paths.ts');
  const expected = createHash('sha256').update(readFileSync(join(whisperTinyDir(), path)).subarray(1000, 2000)).digest('hex');
  expect(part.sha256).toBe(expected);
});

test('a file of a model that is not installed is a 404 JSON answer, not a network attempt', async ({ page, context }) => {
  await openControlled(page);
  const outside: string[] = [];
  context.on('request', (r) => !r.url().startsWith(site.url) && outside.push(r.url()));
  const res = await pageFetch(page, '/models/nobody/nothing/config.json');
  expect(res.status).toBe(404);
  expect(res.type).toContain('application/json');
  expect(JSON.parse(res.text)).toMatchObject({ error: 'model-not-installed', repo: 'nobody/nothing' });
  expect(hub.log).toEqual([]);
  expect(outside).toEqual([]);
});

test('a new deploy shows the update prompt; Reload activates it and the models stay', async ({ page }) => {
  await openControlled(page);
  await addTiny(page);
  const next = mkdtempSync(join(tmpdir(), 'whisper-studio-next-'));
  cpSync(join(PROJECT_ROOT, 'dist'), next, { recursive: true });
  appendFileSync(join(next, 'sw.js'), `\n// build ${Date.now()}\n`);
  site.deploy(next);

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(page.getByText('A new version is available.')).toBeVisible({ timeout: 30_000 });
  const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
  await expectInstalled(row(page, 'Xenova/whisper-tiny'));
  const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
  expect(waiting).toBeNull();
  expect(before).toBeTruthy();
});

test('Chromium finds the app installable (manifest + service worker)', async () => {
  // Installability is never granted in incognito, which Playwright's default contexts are.
  await withProfile(async (page, context) => {
  await openControlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  console.log(`installability: ${installabilityErrors.length === 0 ? 'installable' : JSON.stringify(installabilityErrors)}; manifest ${manifest.url}, ${manifest.errors.length} manifest errors`);
  expect(installabilityErrors).toEqual([]);
  expect(manifest.errors).toEqual([]);
  });
});

test('an update fetches only the changed file; the model stays usable throughout, offline included', async ({ page, context }) => {
  await openControlled(page);
  await addTiny(page);
  const model = row(page, 'Xenova/whisper-tiny');
  const original = readFileSync(join(whisperTinyDir(), 'config.json'), 'utf8');
  const text = JSON.stringify({ ...JSON.parse(original), whisper_studio_edited: true }, null, 2);
  hub.history.publish('Xenova/whisper-tiny', 'config.json', text);
  await page.getByRole('button', { name: 'Check for updates' }).click();
  await expect(model.getByTestId('update-available')).toHaveAttribute('title', `${Buffer.byteLength(text)} bytes`);
  await expect(page.getByTestId('update-check')).toHaveText('1 update available');

  // A failed update leaves the installed model as it was.
  hub.faults.add({ kind: 'status', status: 404, path: 'config.json' }, Date.now());
  await model.getByRole('button', { name: 'Update' }).click();
  await expect(model.getByRole('alert')).toContainText('The hub has no such file');
  await expect(model.getByTestId('model-status')).toContainText('Installed');
  expect((await pageFetch(page, '/models/Xenova/whisper-tiny/config.json')).sha256).toBe(fixtureSha256('config.json'));

  hub.log.length = 0;
  await model.getByRole('button', { name: 'Update' }).click();
  await expect(model.getByTestId('update-available')).toHaveCount(0);
  await expectInstalled(model);
  expect(hub.log.filter((r) => r.url.includes('/resolve/')).map((r) => r.url.split('/').at(-1))).toEqual(['config.json']);

  await hub.close();
  await context.setOffline(true);
  const edited = createHash('sha256').update(text).digest('hex');
  for (const path of WHISPER_TINY_Q8) {
    const res = await pageFetch(page, `/models/Xenova/whisper-tiny/${path}`);
    expect(res.status, path).toBe(200);
    expect(res.sha256, path).toBe(path === 'config.json' ? edited : fixtureSha256(path));
  }
});
