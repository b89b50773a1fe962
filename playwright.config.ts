import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium-path.ts';
import { ALL_HUBS, APP_PORT, WORKERS } from './e2e/ports.ts';

/** Flags that keep Chromium from dialling out on a machine with no network (FACTS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // A fake microphone (a beeping tone) that needs no permission prompt, for the recording test.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  // Files run side by side, each worker with its own hub double (e2e/ports.ts); a file's tests in order.
  workers: WORKERS,
  retries: 0,
  timeout: 120_000,
  // The page is asked about state, never timed: on a busy two-core machine a UI state can take seconds to show.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    ...ALL_HUBS.map(({ hubPort, cdnPort }) => ({
      command: `node_modules/.bin/tsx e2e/hub/cli.ts --port ${hubPort} --cdn-port ${cdnPort}`,
      url: `http://127.0.0.1:${hubPort}/api/models/Xenova/whisper-tiny`,
      reuseExistingServer: false,
      stdout: 'ignore' as const,
    })),
    {
      command: `node_modules/.bin/vite preview --port ${APP_PORT} --strictPort --host 127.0.0.1`,
      env: { WHISPER_STUDIO_CONNECT_SRC: ALL_HUBS.flatMap(({ hubPort, cdnPort }) => [`http://127.0.0.1:${hubPort}`, `http://127.0.0.1:${cdnPort}`]).join(' ') },
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: false,
    },
  ],
});
