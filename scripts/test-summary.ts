import { existsSync, readFileSync } from 'node:fs';

/**
 * One closing line for `npm test`, "tests: N passed, N failed", counted from the JSON reports
 * Vitest and Playwright write, so CI reads a single total for both runners.
 */
interface VitestReport { numPassedTests: number; numFailedTests: number; numPendingTests: number }
interface PlaywrightReport { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }

const read = <T>(path: string): T | null => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null);
const unit = read<VitestReport>('reports/vitest.json');
const e2e = read<PlaywrightReport>('reports/playwright.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats.skipped ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || !unit || !e2e ? 1 : 0);
