import { expect, type Locator, type Page } from '@playwright/test';
import { HUB_URL } from './ports.ts';

/**
 * Open the app pointed at the hub double, as a person who set Settings → Hub endpoint would have;
 * at the model library unless told otherwise (most tests start with a model).
 */
export async function openApp(page: Page, path = '/#/models'): Promise<void> {
  await page.addInitScript((hub) => localStorage.setItem('whisper-studio:hub-url', hub), HUB_URL);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Whisper Studio' })).toBeVisible();
}

export type ViewName = 'Editor' | 'New' | 'Live' | 'Projects' | 'Models' | 'Settings';

/** Go to a view through the top bar, as a person does. */
export async function goTo(page: Page, view: ViewName): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** The library row of a model; repos outside the catalog are added through "Other model repo". */
export async function addRepo(page: Page, repo: string): Promise<Locator> {
  await goTo(page, 'Models');
  await page.getByLabel('Other model repo').fill(repo);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  return row(page, repo);
}

export function row(page: Page, name: string): Locator {
  return page.getByTestId(`model-${name}`);
}

/** Pick a dtype in a row whose sizes are shown, and press Download. */
export async function startDownload(model: Locator, dtype = 'q8'): Promise<void> {
  await model.getByRole('combobox').selectOption(dtype);
  await model.getByTestId('download-button').click();
}

export async function expectInstalled(model: Locator, timeout = 60_000): Promise<void> {
  await expect(model.getByTestId('model-status')).toContainText('Installed', { timeout });
}

/** sha256 of every file the app stored in OPFS for a repo, read back in the page. */
export async function opfsHashes(page: Page, repo: string): Promise<Record<string, string>> {
  return page.evaluate(async (repoId) => {
    const out: Record<string, string> = {};
    const hex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = hex(await crypto.subtle.digest('SHA-256', await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer()));
      }
    };
    const root = await navigator.storage.getDirectory();
    const models = await root.getDirectoryHandle('models');
    const repoDir = await models.getDirectoryHandle(encodeURIComponent(repoId));
    for await (const [, commitDir] of repoDir.entries()) await walk(commitDir as FileSystemDirectoryHandle, '');
    return out;
  }, repo);
}

/** Install the real whisper-tiny (q8) from the hub double in the app already open (the library stays on screen). */
export async function addTiny(page: Page): Promise<void> {
  const model = await addRepo(page, 'Xenova/whisper-tiny');
  await startDownload(model);
  await expectInstalled(model);
}

/** Open the app, install whisper-tiny and go to New to use it. */
export async function installTiny(page: Page): Promise<void> {
  await openApp(page);
  await addTiny(page);
  await goTo(page, 'New');
}

/** Transcribe one file in English and wait until it is done. */
export async function transcribeInEnglish(page: Page, file: string): Promise<void> {
  await goTo(page, 'New');
  await page.getByLabel('Audio or video file').setInputFiles(file);
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await expect(page.getByTestId('transcribe-done')).toBeVisible({ timeout: 120_000 });
}

/** Seconds from a cue's timestamp field (`00:01:02.345`). */
export const seconds = (timestamp: string): number => timestamp.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

export type PanelName = 'Find and replace' | 'Speakers' | 'Timing' | 'Retake a stretch' | 'Export';

/** Open one of the editor's side panels, unless it is open. */
export async function openPanel(page: Page, name: PanelName): Promise<void> {
  const toggle = page.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}
