import { describe, expect, it } from 'vitest';
import { reloadIntoIsolation, type IsolationState } from './isolation-reload.ts';

function tab(isolated: boolean, controlled: boolean) {
  const map = new Map<string, string>();
  const state = {
    isolated,
    controlled,
    reloads: 0,
    storage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) },
    reload() {
      this.reloads += 1;
    },
  };
  return state satisfies IsolationState;
}

describe('reloadIntoIsolation', () => {
  it('reloads once when the service worker controls a page that is not isolated', () => {
    const t = tab(false, true);
    expect(reloadIntoIsolation(t)).toBe(true);
    expect(reloadIntoIsolation(t)).toBe(false);
    expect(t.reloads).toBe(1);
  });
  it('does nothing without the service worker, or when isolated already (and forgets the reload then)', () => {
    const t = tab(false, false);
    expect(reloadIntoIsolation(t)).toBe(false);
    const isolated = tab(true, true);
    isolated.storage.setItem('whisper-studio:isolation-reload', '1');
    expect(reloadIntoIsolation(isolated)).toBe(false);
    expect(isolated.storage.getItem('whisper-studio:isolation-reload')).toBeNull();
  });
});
