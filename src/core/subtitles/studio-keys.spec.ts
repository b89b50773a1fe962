import { describe, expect, it } from 'vitest';
import { studioCommand, type KeyPress } from './studio-keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('studio keys', () => {
  it('maps plain keys to the editing commands', () => {
    expect([' ', ',', '.', '[', ']', 'S', 'm', 'u', '?', 'ArrowLeft', 'ArrowRight'].map((k) => studioCommand(press(k)))).toEqual([
      'toggle-play', 'previous-cue', 'next-cue', 'set-start', 'set-end', 'split', 'merge', 'next-unsure', 'help', 'back', 'forward',
    ]);
    expect(studioCommand(press('ArrowLeft', { shiftKey: true }))).toBe('back-small');
    expect(studioCommand(press('x'))).toBeNull();
  });

  it('undo and redo with Ctrl or ⌘; other modifier combinations stay the browser’s', () => {
    expect(studioCommand(press('z', { ctrlKey: true }))).toBe('undo');
    expect(studioCommand(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(studioCommand(press('y', { ctrlKey: true }))).toBe('redo');
    expect(studioCommand(press('s', { ctrlKey: true }))).toBeNull();
    expect(studioCommand(press('ArrowLeft', { altKey: true }))).toBeNull(); // the browser's Back
  });
});
