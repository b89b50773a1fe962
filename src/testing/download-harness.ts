import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHubDouble, type HubDouble } from '../../e2e/hub/server.ts';
import type { HubRepo } from '../../e2e/hub/repo-types.ts';
import { downloadModel, type DownloadModelParams, type ModelEvent } from '../core/download/download-model.ts';
import { createWasmHasher } from '../core/download/wasm-hasher.ts';
import { MemoryRecords, MemoryStore } from './memory-store.ts';

/**
 * The setup every downloadModel spec shares: a hub double serving `repos` for the file, and a
 * fresh memory store, records and fault table for each test. Read its fields inside tests.
 */
export function downloadHarness(repos: readonly HubRepo[]) {
  const h = {
    hub: undefined as unknown as HubDouble,
    store: new MemoryStore(),
    records: new MemoryRecords(),
    /** Real network to the double, in-thread hashing, no waiting between retries. */
    params(overrides: Partial<DownloadModelParams> = {}): DownloadModelParams {
      return {
        repo: repos[0].id,
        revision: 'main',
        dtype: 'q8',
        hubUrl: h.hub.hubUrl,
        fetch: (input, init) => fetch(input, init),
        store: h.store,
        records: h.records,
        createHasher: createWasmHasher,
        signal: new AbortController().signal,
        sleep: async () => undefined,
        now: () => performance.now(),
        wallNow: () => Date.now(),
        random: () => 0.5,
        estimate: async () => null,
        ...overrides,
      };
    },
    async run(p: DownloadModelParams): Promise<ModelEvent[]> {
      const events: ModelEvent[] = [];
      for await (const event of downloadModel(p)) events.push(event);
      return events;
    },
  };
  beforeAll(async () => {
    h.hub = await startHubDouble({ repos });
  });
  afterAll(() => h.hub.close());
  beforeEach(() => {
    h.hub.faults.reset();
    h.hub.log.length = 0;
    h.store = new MemoryStore();
    h.records = new MemoryRecords();
  });
  return h;
}
