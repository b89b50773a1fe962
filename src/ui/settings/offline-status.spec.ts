import { describe, expect, it } from 'vitest';
import { OfflineStatus, type ServiceWorkerBridge } from './offline-status.svelte.ts';

function fakeBridge() {
  const listeners = new Map<string, ((event: { isUpdate?: boolean }) => void)[]>();
  const calls: string[] = [];
  const bridge: ServiceWorkerBridge = {
    addEventListener: (type, listener) => void listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    register: async () => void calls.push('register'),
    messageSkipWaiting: () => void calls.push('skip-waiting'),
  };
  const emit = (type: string, event: { isUpdate?: boolean } = {}) => listeners.get(type)?.forEach((l) => l(event));
  return { bridge, calls, emit };
}

describe('OfflineStatus', () => {
  it('is ready offline once the first service worker installed', () => {
    const { bridge, emit } = fakeBridge();
    const status = new OfflineStatus(bridge, false, () => undefined);
    expect(status.offlineReady).toBe(false);
    emit('installed', { isUpdate: false });
    expect(status.offlineReady).toBe(true);
  });

  it('offers a waiting update, and reloads only after the person asked and the new worker took over', () => {
    const { bridge, calls, emit } = fakeBridge();
    let reloads = 0;
    const status = new OfflineStatus(bridge, true, () => reloads++);
    emit('waiting');
    expect([status.updateWaiting, reloads]).toEqual([true, 0]);
    status.applyUpdate();
    expect(calls).toContain('skip-waiting');
    emit('controlling');
    expect(reloads).toBe(1);
  });

  it('says so when another tab let a new version take over, so this tab is reloaded before it starts old workers', () => {
    const { bridge, emit } = fakeBridge();
    let reloads = 0;
    const status = new OfflineStatus(bridge, true, () => reloads++);
    emit('waiting');
    emit('controlling'); // the other tab pressed Reload
    expect([status.updatedElsewhere, status.updateWaiting, reloads]).toEqual([true, false, 0]);
    const first = new OfflineStatus(fakeBridge().bridge, false, () => undefined);
    expect(first.updatedElsewhere).toBe(false);
  });
});
