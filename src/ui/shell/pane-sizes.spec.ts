import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memory-storage.ts';
import { PaneSizes } from './pane-sizes.svelte.ts';


describe('PaneSizes', () => {
  it('keeps the media pane where it was left, within bounds', () => {
    const storage = memoryStorage();
    new PaneSizes(storage).setMedia(55.55);
    expect(new PaneSizes(storage).media).toBe(55.6);
    new PaneSizes(storage).setMedia(99);
    expect(new PaneSizes(storage).media).toBe(70);
  });

  it('starts from the default on a missing or odd entry', () => {
    expect(new PaneSizes(memoryStorage()).media).toBe(42);
    expect(new PaneSizes(memoryStorage({ 'whisper-studio:panes': '{"media":"wide"}' })).media).toBe(42);
    expect(new PaneSizes(memoryStorage({ 'whisper-studio:panes': 'null' })).media).toBe(42);
    expect(new PaneSizes(memoryStorage({ 'whisper-studio:panes': '{media' })).media).toBe(42);
  });
});
