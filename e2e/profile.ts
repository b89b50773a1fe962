import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { findChromium } from '../scripts/chromium-path.ts';

/**
 * A browser profile on disk, as a person has: Playwright's default contexts are incognito,
 * where OPFS lives in memory and writes run at a fraction of disk speed.
 */
export async function withProfile<T>(work: (page: Page, context: BrowserContext) => Promise<T>, options: { bypassCSP?: boolean } = {}): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'whisper-studio-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS, ...options });
  try {
    return await work(context.pages()[0] ?? (await context.newPage()), context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

