import { expect, type Page } from '@playwright/test';
import { goTo, installTiny } from './app.ts';

/** Records the committed text on every change, in the page (no update is missed between two looks from here). */
async function recordCommitted(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="live-committed"]')!;
    const seen: string[] = [];
    (window as unknown as { committedSeen: string[] }).committedSeen = seen;
    new MutationObserver(() => seen.push(target.textContent ?? '')).observe(target, { characterData: true, childList: true, subtree: true });
  });
}

export const committedSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { committedSeen: string[] }).committedSeen);

export async function startLive(page: Page): Promise<void> {
  await installTiny(page);
  await beginLive(page);
}

/** Start live captions in English with the model chosen, and record every change of the committed text. */
export async function beginLive(page: Page): Promise<void> {
  await goTo(page, 'Live');
  await page.getByLabel('Language').selectOption('english');
  await page.getByRole('button', { name: 'Start live captions' }).click();
  await expect(page.getByTestId('live-committed')).toBeAttached();
  await recordCommitted(page);
}

/** Committed text, as seen on every change, only ever grows: no committed word changed. */
export function expectOnlyGrows(seen: readonly string[]): void {
  expect(seen.length).toBeGreaterThan(0);
  seen.forEach((text, i) => expect(text.startsWith(seen[i - 1] ?? ''), `update ${i}: "${seen[i - 1]}" → "${text}"`).toBe(true));
}

/** The open project's recording plays: its duration in seconds (-1 where the recording does not say, as a cut-off WebM). */
export async function playRecording(page: Page): Promise<number> {
  const player = page.getByTestId('player').locator('audio');
  await expect(player).toBeAttached({ timeout: 30_000 });
  return player.evaluate(async (audio: HTMLAudioElement) => {
    if (audio.readyState < 1) await new Promise((resolve) => audio.addEventListener('loadedmetadata', resolve, { once: true }));
    audio.muted = true;
    await audio.play();
    await new Promise((resolve) => audio.addEventListener('timeupdate', resolve, { once: true }));
    return audio.duration === Infinity ? -1 : audio.duration;
  });
}
