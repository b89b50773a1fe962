import { existsSync } from 'node:fs';

/** Where Debian, Ubuntu and Chrome put the browser; CHROMIUM_PATH wins over all of them. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ENV = 'CHROMIUM_PATH';

/** The Chromium binary the tests drive, or null when none is installed. */
export function findChromium(env: Record<string, string | undefined> = process.env, exists = existsSync): string | null {
  const chosen = env[CHROMIUM_ENV];
  if (chosen) return exists(chosen) ? chosen : null;
  return CANDIDATES.find((path) => exists(path)) ?? null;
}

export const MISSING_CHROMIUM = [
  'No Chromium found for the browser tests.',
  'Fix: on Debian/Ubuntu run `sudo apt-get install -y chromium`,',
  `or point ${CHROMIUM_ENV} at a Chromium/Chrome binary (e.g. ${CHROMIUM_ENV}=/opt/chrome/chrome npm test).`,
].join('\n');
