/** Fixed loopback ports of the e2e servers, so tests and configs agree. */
export const APP_PORT = 4183;

/**
 * Playwright workers run files side by side, each worker with a hub double (and its CDN) of its
 * own: the faults one test injects, and the request log it reads, never mix with another's.
 * (5182/5183 belong to the offline test's own hub.)
 */
export const WORKERS = 2;
const hubPortOf = (slot: number): number => (slot === 0 ? 5180 : 5184 + 2 * (slot - 1));

/** The hub and CDN origins of every worker slot: what the servers start and the CSP allows. */
export const ALL_HUBS = Array.from({ length: WORKERS }, (_, slot) => ({ hubPort: hubPortOf(slot), cdnPort: hubPortOf(slot) + 1 }));

/** This process's slot: Playwright sets TEST_PARALLEL_INDEX in each worker; the config process and benches use slot 0. */
const SLOT = Math.min(WORKERS - 1, Number(process.env.TEST_PARALLEL_INDEX ?? 0) || 0);
export const HUB_PORT = ALL_HUBS[SLOT].hubPort;
export const CDN_PORT = ALL_HUBS[SLOT].cdnPort;
export const HUB_URL = `http://127.0.0.1:${HUB_PORT}`;
export const CDN_URL = `http://127.0.0.1:${CDN_PORT}`;
