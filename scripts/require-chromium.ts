import { findChromium, MISSING_CHROMIUM } from './chromium-path.ts';

/** Fails at once, before type checks and builds, when the browser tests could not run. */
if (findChromium() === null) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
