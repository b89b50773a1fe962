import { describe, expect, it } from 'vitest';
import { PaneSizes } from './pane-sizes.svelte.ts';

const memory = (initial: Record<string, string> = {}) => {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('PaneSizes', () => {
  it('keeps the media pane where it was left, within bounds', () => {
    const storage = memory();
    new PaneSizes(storage).setMedia(55.55);
    expect(new PaneSizes(storage).media).toBe(55.6);
    new PaneSizes(storage).setMedia(99);
    expect(new PaneSizes(storage).media).toBe(70);
  });

  it('starts from the default on a missing or odd entry', () => {
    expect(new PaneSizes(memory()).media).toBe(42);
    expect(new PaneSizes(memory({ 'whisper-studio:panes': '{"media":"wide"}' })).media).toBe(42);
    expect(new PaneSizes(memory({ 'whisper-studio:panes': 'null' })).media).toBe(42);
    expect(new PaneSizes(memory({ 'whisper-studio:panes': '{media' })).media).toBe(42);
  });
});
