import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHubDouble, type HubDouble } from '../../e2e/hub/server.ts';
import type { HubRepo } from '../../e2e/hub/repo-types.ts';
import { downloadModel, type DownloadModelParams, type ModelEvent } from '../core/download/download-model.ts';
import type { NetworkContext, StorageContext } from '../core/download/transfer-context.ts';
import { createWasmHasher } from '../core/download/wasm-hasher.ts';
import { MemoryRecords, MemoryStore } from './memory-store.ts';

/**
 * The setup every downloadModel spec shares: a hub double serving `repos` for the file, and a
 * fresh memory store, records and fault table for each test. Read its fields inside tests.
 */
/** A spec's changes to the defaults; `net` and `storage` are merged field by field. */
export type ParamOverrides = Partial<Omit<DownloadModelParams, 'net' | 'storage'>> & { readonly net?: Partial<NetworkContext>; readonly storage?: Partial<StorageContext> };

export function downloadHarness(repos: readonly HubRepo[]) {
  const h = {
    hub: undefined as unknown as HubDouble,
    store: new MemoryStore(),
    records: new MemoryRecords(),
    /** Real network to the double, in-thread hashing, no waiting between retries. */
    params({ net, storage, ...overrides }: ParamOverrides = {}): DownloadModelParams {
      return {
        repo: repos[0].id,
        revision: 'main',
        dtype: 'q8',
        net: {
          hubUrl: h.hub.hubUrl,
          fetch: (input, init) => fetch(input, init),
          sleep: async () => undefined,
          now: () => performance.now(),
          wallNow: () => Date.now(),
          random: () => 0.5,
          ...net,
        },
        storage: { store: h.store, createHasher: createWasmHasher, ...storage },
        records: h.records,
        signal: new AbortController().signal,
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
