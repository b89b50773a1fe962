import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run bench`: same servers and browser as the e2e tests, benchmarks only, one at a time. */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  timeout: 20 * 60_000,
  // One at a time: each bench measures this machine alone.
  workers: 1,
  reporter: [['list']],
});
